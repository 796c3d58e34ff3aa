// kiosk-content: the content editors' tool. Every command works on the bundle given with
// --bundle DIR, else on the current folder when it holds one; each report starts with the folder.
//   kiosk-content lint [--bundle DIR] [--json] [--no-layout] [--strict] [--screen-inches 21.5]
//       check everything, the layout of every screen included; exit 0 clean, 1 errors, 2 usage;
//       --strict: also an error for what keeps a language from patients (draft, safety texts)
//   kiosk-content confirm [--bundle DIR] [--by NAME] TAG (KEY... | --all)
//       mark translations as checked against today's English, by whom (default: the login name) and when
//   kiosk-content new-locale [--bundle DIR] TAG
//       start a language: every key empty, the English above it, direction and plurals from ICU
//   kiosk-content export-po [--bundle DIR] TAG [-o FILE.po]
//   kiosk-content import-po [--bundle DIR] TAG FILE.po
//       hand texts to translators as a gettext PO file and take them back (all or nothing)
//   kiosk-content publish [--bundle DIR] --to ROOT
//   kiosk-content rollback --to ROOT
//       a new release for running kiosks (checked as lint checks it first), and back to the previous
//   kiosk-content preview [--bundle DIR] TAG
//       print every education page as a patient reads it
//   kiosk-content preview --png DIR [--bundle DIR] [--locale TAG...] [--size WxH...] [--larger-text] [--high-contrast]
//       every patient screen as PNGs drawn by the kiosk itself, and DIR/index.html
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <optional>

#include <pwd.h>
#include <unistd.h>

#include "bundle_folder.hpp"
#include "content_bundle.hpp"
#include "kiosk_bundle.hpp"
#include "layout_lint.hpp"
#include "locale_readiness.hpp"
#include "lint_report.hpp"
#include "localized_text.hpp"
#include "page_preview.hpp"
#include "picture_preview.hpp"
#include "new_locale.hpp"
#include "po_exchange.hpp"
#include "translation_confirmations.hpp"
#include "bundle_releases.hpp"

namespace {

using namespace kiosk::content;

constexpr int exit_clean = 0;
constexpr int exit_errors = 1;
constexpr int exit_usage = 2;

int usage(const std::string& problem = {}) {
    if (!problem.empty()) std::cerr << "kiosk-content: " << problem << "\n";
    std::cerr << "usage:\n"
                 "  kiosk-content lint [--bundle DIR] [--json] [--no-layout] [--strict] [--screen-inches 21.5]\n"
                 "  kiosk-content confirm [--bundle DIR] [--by NAME] TAG (KEY... | --all)\n"
                 "  kiosk-content new-locale [--bundle DIR] TAG\n"
                 "  kiosk-content export-po [--bundle DIR] TAG [-o FILE.po]\n"
                 "  kiosk-content import-po [--bundle DIR] TAG FILE.po\n"
                 "  kiosk-content publish [--bundle DIR] --to ROOT\n"
                 "  kiosk-content rollback --to ROOT\n"
                 "  kiosk-content preview [--bundle DIR] TAG\n"
                 "  kiosk-content preview --png DIR [--bundle DIR] [--locale TAG...] [--size WxH...] [--larger-text] [--high-contrast]\n"
                 "--bundle defaults to the current folder when it holds a bundle (structure/ and locales/)\n";
    return exit_usage;
}

// Splits "--bundle DIR" off the arguments and finds the bundle (see bundle_folder.hpp); prints
// why there is none and returns nothing when there is none.
std::optional<std::string> take_bundle(std::vector<std::string>& args) {
    std::optional<std::string> given;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] != "--bundle") continue;
        given = i + 1 < args.size() ? args[i + 1] : std::string();
        args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(std::min(i + 2, args.size())));
        break;
    }
    const auto folder = bundle_folder(given);
    if (const auto* problem = std::get_if<std::string>(&folder)) {
        std::cerr << "kiosk-content: " << *problem << "\n";
        return std::nullopt;
    }
    return std::get<std::filesystem::path>(folder).string();
}

// The login name, from $USER or the password database ("" when neither knows).
std::string login_name() {
    if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
    if (const passwd* entry = getpwuid(getuid()); entry != nullptr && entry->pw_name != nullptr) return entry->pw_name;
    return {};
}

std::string today_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int lint(std::vector<std::string> args) {
    bool json = false;
    bool layout = true;
    bool strict = false;
    float screen_inches = kiosk::preview::default_screen_inches;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") json = true;
        else if (a == "--strict") strict = true;
        else if (a == "--no-layout") layout = false;
        else if (a == "--layout") layout = true;
        else if (a == "--bundle") ++i;
        else if (a == "--screen-inches") {
            if (i + 1 >= args.size()) return usage("--screen-inches needs the screen's diagonal, e.g. 21.5");
            try {
                screen_inches = std::stof(args[++i]);
            } catch (const std::exception&) {
                screen_inches = 0;
            }
            if (!(screen_inches >= 7 && screen_inches <= 100)) return usage("--screen-inches takes the diagonal in inches, 7 to 100: " + args[i]);
        }
        else if (a.starts_with("-")) return usage("unknown option " + a);
        else return usage("lint takes the bundle as --bundle " + a);
    }
    const std::optional<std::string> dir = take_bundle(args);
    if (!dir) return exit_usage;
    kiosk::screening::KioskBundle bundle = kiosk::screening::load_kiosk_bundle(*dir);
    BundleLoad& load = bundle.content;
    // The layout of every screen, drawn by the kiosk itself: only a bundle it can show.
    std::string layout_note;
    if (layout && bundle.usable) {
        const auto start = std::chrono::steady_clock::now();
        const kiosk::preview::LayoutLint checked = kiosk::preview::lint_layout(*dir, bundle, {}, kiosk::preview::supported_layout_sizes(), screen_inches);
        if (!checked.failure.empty()) {
            load.diagnostics.error("", {}, "the layout could not be checked: " + checked.failure);
        } else {
            load.diagnostics.append(checked.diagnostics);  // after the check: it reads the bundle
            char line[200];
            std::snprintf(line, sizeof line, "layout and contrast: %zu screens drawn (%zu sizes, and high contrast, x %zu locales), %d problem(s), %.2f s\n", checked.screens_drawn,
                          kiosk::preview::supported_layout_sizes().size(), bundle.content.bundle.locales.size(), checked.diagnostics.error_count(),
                          seconds_since(start));
            layout_note = line;
        }
    } else if (layout) {
        layout_note = "layout: not checked (the bundle cannot be shown until the errors above are fixed)\n";
    }
    // --strict: what would keep a language from patients is an error too (a draft, a missing or
    // stale safety text), so that a release check fails before a kiosk refuses the language.
    if (strict && bundle.usable) {
        for (const LocaleTexts& l : bundle.content.bundle.locales) {
            if (const std::string why = kiosk::app::why_not_for_patients(bundle, l); !why.empty()) {
                load.diagnostics.error(l.relative_path.empty() ? "locales/" + l.tag + ".toml" : l.relative_path, {}, l.tag + " is not offered to patients: " + why);
            }
        }
    }
    if (json) {
        std::cout << render_json_report(load, *dir);
    } else {
        std::string report = render_text_report(load, *dir);
        // The layout's line just before the totals, which count its problems.
        const std::size_t totals = report.rfind('\n', report.size() - 2);
        report.insert(totals == std::string::npos ? 0 : totals + 1, layout_note);
        std::cout << report;
    }
    return load.diagnostics.has_errors() ? exit_errors : exit_clean;
}

int confirm(std::vector<std::string> args) {
    const std::optional<std::string> bundle_dir = take_bundle(args);
    if (!bundle_dir) return exit_usage;
    const std::string& dir = *bundle_dir;
    // Who confirms: --by NAME, else the login name, recorded with the date.
    std::string by;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] != "--by") continue;
        if (i + 1 >= args.size() || args[i + 1].empty()) return usage("--by needs the name of who checked the translation");
        by = args[i + 1];
        args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
        break;
    }
    if (by.empty()) by = login_name();
    if (by.empty()) return usage("confirm needs --by NAME: who checked the translation is recorded with it");
    if (args.size() < 2) return usage("confirm needs a locale tag and keys (or --all)");
    const std::string tag = args[0];
    const bool all = args[1] == "--all";
    const std::string today = today_iso();

    std::cout << bundle_line(dir) << "\n";
    const BundleLoad load = kiosk::screening::load_kiosk_bundle(dir).content;
    const LocaleTexts* locale = load.bundle.find(tag);
    if (load.bundle.locales.empty()) return usage("no usable locales/en.toml in " + dir);
    // English has no translation to confirm, only its spoken forms.
    const auto is_spoken = [](const std::string& key) { return key.starts_with(spoken_prefix); };
    const bool only_spoken = all || std::all_of(args.begin() + 1, args.end(), is_spoken);
    if (locale == nullptr || (tag == base_locale_tag && !only_spoken)) return usage("'" + tag + "' is not a translation in " + dir + "/locales");

    Diagnostics ignored;
    Confirmations confirmations = read_confirmations(dir, tag, ignored);
    int confirmed = 0;
    int refused = 0;
    const auto confirm_spoken = [&](const std::string& key) {
        const std::string text_key = key.substr(spoken_prefix.size());
        if (!locale->spoken.contains(text_key) && !locale->unconfirmed_spoken.contains(text_key)) {
            std::cerr << "kiosk-content: cannot confirm '" << key << "': " << locale->relative_path << " has no spoken form of '" << text_key
                      << "' without errors\n";
            ++refused;
            return;
        }
        confirmations[key] = confirmation_of(text_a_spoken_form_reads(*locale, load.bundle.base(), text_key), by, today);
        ++confirmed;
    };
    const auto confirm_key = [&](const std::string& key) {
        if (is_spoken(key)) return confirm_spoken(key);
        const auto en = load.bundle.base().messages.find(key);
        if (en == load.bundle.base().messages.end() || !locale->messages.contains(key)) {
            std::cerr << "kiosk-content: cannot confirm '" << key << "': it must exist without errors in both "
                      << "locales/en.toml and " << locale->relative_path << "\n";
            ++refused;
            return;
        }
        confirmations[key] = confirmation_of(en->second.source_text(), by, today);
        ++confirmed;
    };
    if (all) {
        if (tag != base_locale_tag) {
            for (const auto& [key, message] : locale->messages) confirm_key(key);
        }
        for (const auto& [key, message] : locale->spoken) confirm_spoken(std::string(spoken_prefix) + key);
        for (const std::string& key : locale->unconfirmed_spoken) confirm_spoken(std::string(spoken_prefix) + key);
    } else {
        for (std::size_t i = 1; i < args.size(); ++i) confirm_key(args[i]);
    }
    if (const std::string error = write_confirmations(dir, tag, confirmations); !error.empty()) {
        std::cerr << "kiosk-content: " << error << "\n";
        return exit_errors;
    }
    // A spoken form is checked against the text its language shows, a translation against the English.
    std::cout << "confirmed " << confirmed << " text(s) of " << tag << (tag == base_locale_tag || (only_spoken && !all) ? " against the texts they read" : " against the current English")
              << ", by " << by << " on " << today;
    if (refused > 0) std::cout << "; " << refused << " refused";
    std::cout << "\n";
    return refused > 0 ? exit_errors : exit_clean;
}

// Splits "--to ROOT" off the arguments ("" when absent).
std::string take_root(std::vector<std::string>& args) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] != "--to") continue;
        std::string root = args[i + 1];
        args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
        return root;
    }
    return {};
}

int publish_command(std::vector<std::string> args) {
    const std::string root = take_root(args);
    if (root.empty()) return usage("publish needs --to ROOT: the content folder the kiosks read (their `bundle` setting)");
    const std::optional<std::string> dir = take_bundle(args);
    if (!dir) return exit_usage;
    if (!args.empty()) return usage("publish takes only --bundle DIR and --to ROOT");
    std::cout << bundle_line(*dir) << "\n";
    const kiosk::screening::Published published = kiosk::screening::publish_bundle(*dir, root);
    if (!published.problem.empty()) {
        std::cerr << "kiosk-content: not published: " << published.problem << "\n(run kiosk-content lint; the kiosks keep serving what they serve)\n";
        return exit_errors;
    }
    std::cout << "published release " << published.version << " to " << root << "; running kiosks switch to it at their next welcome screen\n";
    return exit_clean;
}

int rollback_command(std::vector<std::string> args) {
    const std::string root = take_root(args);
    if (root.empty() || !args.empty()) return usage("rollback takes --to ROOT");
    const kiosk::screening::Published back = kiosk::screening::roll_back(root);
    if (!back.problem.empty()) {
        std::cerr << "kiosk-content: " << back.problem << "\n";
        return exit_errors;
    }
    std::cout << "release " << back.version << " is current again in " << root << "; running kiosks switch to it at their next welcome screen\n";
    return exit_clean;
}

int new_locale_command(std::vector<std::string> args) {
    const std::optional<std::string> dir = take_bundle(args);
    if (!dir) return exit_usage;
    if (args.size() != 1) return usage("new-locale needs one language tag, such as fr or pt-BR");
    std::cout << bundle_line(*dir) << "\n";
    const NewLocale made = create_locale_file(*dir, args[0]);
    if (!made.problem.empty()) {
        std::cerr << "kiosk-content: " << made.problem << "\n";
        return exit_errors;
    }
    std::cout << "wrote " << made.file << ": " << made.summary << ". Translate it (or export-po it for a translator), then lint.\n";
    return exit_clean;
}

int export_po_command(std::vector<std::string> args) {
    const std::optional<std::string> dir = take_bundle(args);
    if (!dir) return exit_usage;
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" && i + 1 < args.size()) {
            out = args[i + 1];
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
            break;
        }
    }
    if (args.size() != 1) return usage("export-po needs one locale tag");
    if (out.empty()) out = args[0] + ".po";
    std::cout << bundle_line(*dir) << "\n";
    const BundleLoad load = kiosk::screening::load_kiosk_bundle(*dir).content;
    if (const std::string problem = export_po(*dir, load, args[0], out); !problem.empty()) {
        std::cerr << "kiosk-content: " << problem << "\n";
        return exit_errors;
    }
    std::cout << "wrote " << out << ": every text of " << args[0] << ", with the English, for a translation tool\n";
    return exit_clean;
}

int import_po_command(std::vector<std::string> args) {
    const std::optional<std::string> dir = take_bundle(args);
    if (!dir) return exit_usage;
    if (args.size() != 2) return usage("import-po needs a locale tag and a PO file");
    std::cout << bundle_line(*dir) << "\n";
    const PoImport imported = import_po(*dir, args[0], args[1]);
    for (const Diagnostic& d : imported.diagnostics.items()) std::cerr << format_diagnostic(d) << "\n";
    if (imported.diagnostics.has_errors()) {
        std::cerr << "kiosk-content: nothing imported: " << imported.diagnostics.error_count() << " error(s); locales/" << args[0]
                  << ".toml is unchanged\n";
        return exit_errors;
    }
    std::cout << "imported " << args[1] << ": " << imported.changed << " text(s) changed, " << imported.added
              << " added; run kiosk-content lint, then confirm what you checked\n";
    return exit_clean;
}

// WxH, such as 1080x1920.
std::optional<std::pair<int, int>> parse_size(const std::string& text) {
    int width = 0;
    int height = 0;
    char end = 0;
    if (std::sscanf(text.c_str(), "%dx%d%c", &width, &height, &end) != 2 || width < 320 || height < 320 || width > 8192 || height > 8192) return std::nullopt;
    return std::pair{width, height};
}

int preview_pictures(const std::vector<std::string>& args, const std::string& dir) {
    kiosk::preview::PicturePreviewRequest request;
    request.bundle_dir = dir;
    // Each of --locale and --size takes one or more values, up to the next option.
    std::vector<std::string>* list = nullptr;
    std::vector<std::string> sizes;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--png") {
            if (i + 1 >= args.size()) return usage("--png needs a folder");
            request.out_dir = args[++i];
            list = nullptr;
        } else if (a == "--locale") {
            list = &request.locales;
        } else if (a == "--size") {
            list = &sizes;
        } else if (a == "--larger-text") {
            request.larger_text = true;
            list = nullptr;
        } else if (a == "--high-contrast") {
            request.high_contrast = true;
            list = nullptr;
        } else if (a.starts_with("-") || list == nullptr) {
            return usage("preview --png: unexpected '" + a + "'");
        } else {
            list->push_back(a);
        }
    }
    for (const std::string& s : sizes) {
        const auto size = parse_size(s);
        if (!size) return usage("--size takes WIDTHxHEIGHT between 320 and 8192, such as 1080x1920 (not '" + s + "')");
        request.sizes.push_back(*size);
    }
    std::cout << bundle_line(dir) << "\n";
    const kiosk::screening::KioskBundle bundle = kiosk::screening::load_kiosk_bundle(dir);
    for (const Diagnostic& d : bundle.content.diagnostics.items()) {
        if (d.severity == Severity::error) std::cerr << format_diagnostic(d, dir) << "\n";
    }
    if (!bundle.usable) {
        std::cerr << "kiosk-content: the bundle cannot be shown; fix the errors above\n";
        return exit_errors;
    }
    for (const std::string& tag : request.locales) {
        if (bundle.content.bundle.find(tag) == nullptr) return usage("no locale '" + tag + "' in " + dir + "/locales");
    }
    const auto start = std::chrono::steady_clock::now();
    const kiosk::preview::PicturePreview made = kiosk::preview::render_picture_preview(request, bundle, bundle.content);
    if (!made.failure.empty()) {
        std::cerr << "kiosk-content: preview: " << made.failure << "\n";
        return exit_errors;
    }
    for (const std::string& p : made.problems) std::cerr << "kiosk-content: " << p << "\n";
    std::printf("%zu pictures in %s, %.1f s; %zu text(s) that do not fit, %zu text(s) from a fallback language (marked [en])\n",
                made.pictures, request.out_dir.c_str(), seconds_since(start), made.findings, made.fallback_texts);
    std::printf("contact sheet: %s\n", made.contact_sheet.c_str());
    return made.problems.empty() && made.findings == 0 && !bundle.content.diagnostics.has_errors() ? exit_clean : exit_errors;
}

int preview(std::vector<std::string> args) {
    const std::optional<std::string> bundle_dir = take_bundle(args);
    if (!bundle_dir) return exit_usage;
    const std::string& dir = *bundle_dir;
    if (std::find(args.begin(), args.end(), "--png") != args.end()) return preview_pictures(args, dir);
    if (args.size() != 1) return usage("preview needs one locale tag (or --png DIR for pictures of every screen)");
    std::cout << bundle_line(dir) << "\n";
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
    if (command == "new-locale") return new_locale_command(args);
    if (command == "publish") return publish_command(args);
    if (command == "rollback") return rollback_command(args);
    if (command == "export-po") return export_po_command(args);
    if (command == "import-po") return import_po_command(args);
    if (command == "--help" || command == "-h" || command == "help") {
        usage();
        return exit_clean;
    }
    return usage("unknown command '" + command + "'");
}
