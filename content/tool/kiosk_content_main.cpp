// kiosk-content: the content editors' tool.
//   kiosk-content lint [BUNDLE_DIR] [--json]          check everything; exit 0 clean, 1 errors, 2 usage
//   kiosk-content confirm [--bundle DIR] TAG KEY...   mark translations as checked against today's English
//   kiosk-content confirm [--bundle DIR] TAG --all
//   kiosk-content preview [--bundle DIR] TAG          print every education page as a patient reads it
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "content_bundle.hpp"
#include "kiosk_bundle.hpp"
#include "lint_report.hpp"
#include "localized_text.hpp"
#include "page_preview.hpp"
#include "translation_confirmations.hpp"

#ifndef KIOSK_DEFAULT_BUNDLE_DIR
#define KIOSK_DEFAULT_BUNDLE_DIR "."
#endif

namespace {

using namespace kiosk::content;

constexpr int exit_clean = 0;
constexpr int exit_errors = 1;
constexpr int exit_usage = 2;

int usage(const std::string& problem = {}) {
    if (!problem.empty()) std::cerr << "kiosk-content: " << problem << "\n";
    std::cerr << "usage:\n"
                 "  kiosk-content lint [BUNDLE_DIR] [--json]\n"
                 "  kiosk-content confirm [--bundle DIR] TAG (KEY... | --all)\n"
                 "  kiosk-content preview [--bundle DIR] TAG\n"
                 "BUNDLE_DIR defaults to " KIOSK_DEFAULT_BUNDLE_DIR "\n";
    return exit_usage;
}

int lint(const std::vector<std::string>& args) {
    std::string dir;
    bool json = false;
    for (const std::string& a : args) {
        if (a == "--json") json = true;
        else if (a.starts_with("-")) return usage("unknown option " + a);
        else if (dir.empty()) dir = a;
        else return usage("lint takes one bundle folder");
    }
    const std::string shown = dir.empty() ? std::string(KIOSK_DEFAULT_BUNDLE_DIR) : dir;
    const BundleLoad load = kiosk::screening::load_kiosk_bundle(shown).content;
    std::cout << (json ? render_json_report(load, shown) : render_text_report(load, shown));
    return load.diagnostics.has_errors() ? exit_errors : exit_clean;
}

// Splits "--bundle DIR" off the arguments.
bool take_bundle_option(std::vector<std::string>& args, std::string& dir) {
    dir = KIOSK_DEFAULT_BUNDLE_DIR;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] != "--bundle") continue;
        if (i + 1 >= args.size()) return false;
        dir = args[i + 1];
        args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
        break;
    }
    return true;
}

int confirm(std::vector<std::string> args) {
    std::string dir;
    if (!take_bundle_option(args, dir)) return usage("--bundle needs a folder");
    if (args.size() < 2) return usage("confirm needs a locale tag and keys (or --all)");
    const std::string tag = args[0];
    const bool all = args[1] == "--all";

    const BundleLoad load = kiosk::screening::load_kiosk_bundle(dir).content;
    const LocaleTexts* locale = load.bundle.find(tag);
    if (load.bundle.locales.empty()) return usage("no usable locales/en.toml in " + dir);
    if (locale == nullptr || tag == base_locale_tag) return usage("'" + tag + "' is not a translation in " + dir + "/locales");

    Diagnostics ignored;
    Confirmations confirmations = read_confirmations(dir, tag, ignored);
    int confirmed = 0;
    int refused = 0;
    const auto confirm_key = [&](const std::string& key) {
        const auto en = load.bundle.base().messages.find(key);
        if (en == load.bundle.base().messages.end() || !locale->messages.contains(key)) {
            std::cerr << "kiosk-content: cannot confirm '" << key << "': it must exist without errors in both "
                      << "locales/en.toml and " << locale->relative_path << "\n";
            ++refused;
            return;
        }
        confirmations[key] = source_fingerprint(en->second.source_text());
        ++confirmed;
    };
    if (all) {
        for (const auto& [key, message] : locale->messages) confirm_key(key);
    } else {
        for (std::size_t i = 1; i < args.size(); ++i) confirm_key(args[i]);
    }
    if (const std::string error = write_confirmations(dir, tag, confirmations); !error.empty()) {
        std::cerr << "kiosk-content: " << error << "\n";
        return exit_errors;
    }
    std::cout << "confirmed " << confirmed << " text(s) of " << tag << " against the current English";
    if (refused > 0) std::cout << "; " << refused << " refused";
    std::cout << "\n";
    return refused > 0 ? exit_errors : exit_clean;
}

int preview(std::vector<std::string> args) {
    std::string dir;
    if (!take_bundle_option(args, dir)) return usage("--bundle needs a folder");
    if (args.size() != 1) return usage("preview needs one locale tag");
    const BundleLoad load = kiosk::screening::load_kiosk_bundle(dir).content;
    for (const Diagnostic& d : load.diagnostics.items()) {
        if (d.severity == Severity::error) std::cerr << format_diagnostic(d, dir) << "\n";
    }
    if (!load.usable) {
        std::cerr << "kiosk-content: the bundle cannot be shown; fix the errors above\n";
        return exit_errors;
    }
    const LocalizedText text(load.bundle, args[0]);
    std::cout << "# " << text.locale().native_name << " (" << text.locale().tag << ")\n\n"
              << render_pages_as_text(load.bundle, text);
    if (text.fallbacks_served() > 0) {
        std::cout << "(" << text.fallbacks_served() << " text(s) shown from a fallback language)\n";
    }
    return load.diagnostics.has_errors() ? exit_errors : exit_clean;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage();
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "lint") return lint(args);
    if (command == "confirm") return confirm(args);
    if (command == "preview") return preview(args);
    if (command == "--help" || command == "-h" || command == "help") {
        usage();
        return exit_clean;
    }
    return usage("unknown command '" + command + "'");
}
