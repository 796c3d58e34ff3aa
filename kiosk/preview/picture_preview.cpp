#include "picture_preview.hpp"

#include <algorithm>
#include <fstream>
#include <map>

#include "bundle_folder.hpp"
#include "glfw_platform.hpp"
#include "layout_lint.hpp"
#include "screen_preview.hpp"
#include "virtual_display.hpp"

namespace kiosk::preview {

namespace {

std::string html(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// One table of the contact sheet: a screen size with one combination of display choices.
struct Sheet {
    std::string title;                     // "1080x1920, larger text"
    std::vector<std::string> screen_names;  // rows, in the order of a visit
    std::map<std::pair<std::string, std::string>, app::PreviewShot> cells;  // (screen, locale)
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> findings;
};

std::string variant_name(int width, int height, bool larger, bool contrast) {
    std::string name = std::to_string(width) + "x" + std::to_string(height);
    if (larger) name += ", larger text";
    if (contrast) name += ", high contrast";
    return name;
}

void write_sheet(std::ofstream& out, const Sheet& sheet, const std::vector<std::string>& locales, const std::filesystem::path& root) {
    out << "<h2>" << html(sheet.title) << "</h2>\n<table>\n<tr><th>screen</th>";
    for (const std::string& tag : locales) out << "<th>" << html(tag) << "</th>";
    out << "</tr>\n";
    for (const std::string& screen : sheet.screen_names) {
        out << "<tr><th class=\"screen\">" << html(screen) << "</th>";
        for (const std::string& tag : locales) {
            const auto cell = sheet.cells.find({screen, tag});
            if (cell == sheet.cells.end()) {
                out << "<td class=\"none\">(the same in every language: see the first column)</td>";
                continue;
            }
            const app::PreviewShot& shot = cell->second;
            out << "<td>";
            if (!shot.png.empty() && shot.problem.empty()) {
                const std::string link = std::filesystem::relative(shot.png, root).string();
                out << "<a href=\"" << html(link) << "\"><img loading=\"lazy\" src=\"" << html(link) << "\" alt=\"" << html(tag + " " + screen) << "\"></a>";
            }
            if (!shot.problem.empty()) out << "<p class=\"error\">cannot be shown: " << html(shot.problem) << "</p>";
            const auto found = sheet.findings.find({screen, tag});
            if (found != sheet.findings.end()) {
                out << "<ul class=\"error\">";
                for (const std::string& f : found->second) out << "<li>" << html(f) << "</li>";
                out << "</ul>";
            }
            if (!shot.fallback_keys.empty()) {
                out << "<ul class=\"fallback\">";
                for (const std::string& key : shot.fallback_keys) out << "<li>[fallback] " << html(key) << "</li>";
                out << "</ul>";
            }
            out << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</table>\n";
}

void write_locale_summary(std::ofstream& out, const content::BundleLoad& load, const std::vector<std::string>& locales) {
    out << "<h2>Lint, per locale file</h2>\n<table>\n";
    for (const std::string& tag : locales) {
        const content::LocaleTexts* locale = load.bundle.find(tag);
        const std::string file = locale != nullptr ? locale->relative_path : "locales/" + tag + ".toml";
        out << "<tr><th>" << html(tag) << "</th><td>";
        for (const content::LocaleSummary& s : load.bundle.summaries) {
            if (s.tag == tag) out << "<p>" << s.translated << " of " << s.total << " texts translated, " << s.missing << " missing, " << s.stale << " stale</p>";
        }
        out << "<ul>";
        for (const content::Diagnostic& d : load.diagnostics.items()) {
            if (d.file != file) continue;
            out << "<li class=\"" << (d.severity == content::Severity::error ? "error" : "warning") << "\">" << html(content::format_diagnostic(d)) << "</li>";
        }
        out << "</ul></td></tr>\n";
    }
    out << "</table>\n";
}

}  // namespace

PicturePreview render_picture_preview(const PicturePreviewRequest& request, const screening::KioskBundle& bundle, const content::BundleLoad& load) {
    PicturePreview result;
    std::vector<std::string> locales = request.locales;
    if (locales.empty()) {
        for (const content::LocaleTexts& l : bundle.content.bundle.locales) locales.push_back(l.tag);
    }
    std::vector<std::pair<int, int>> sizes = request.sizes;
    if (sizes.empty()) sizes.emplace_back(1080, 1920);
    int widest = 0;
    int tallest = 0;
    for (const auto& [w, h] : sizes) {
        widest = std::max(widest, w);
        tallest = std::max(tallest, h);
    }
    VirtualDisplay display;
    if (std::string problem = display.start_if_needed(widest, tallest); !problem.empty()) {
        result.failure = problem;
        return result;
    }
    std::vector<bool> larger_choices = {false};
    if (request.larger_text) larger_choices.push_back(true);
    std::vector<bool> contrast_choices = {false};
    if (request.high_contrast) contrast_choices.push_back(true);

    KeyLines lines(request.bundle_dir);
    std::vector<Sheet> sheets;
    for (const auto& [width, height] : sizes) {
        app::PreviewRequest run_request;
        run_request.bundle = request.bundle_dir;
        run_request.width = width;
        run_request.height = height;
        run_request.png_dir = request.out_dir / (std::to_string(width) + "x" + std::to_string(height));
        for (const std::string& tag : locales) {
            for (const bool larger : larger_choices) {
                for (const bool contrast : contrast_choices) {
                    for (app::ScreenDescription d : app::every_patient_screen(bundle, tag)) {
                        // Out of service shows every offered language at once: drawn once.
                        if (d.kind == app::ScreenDescription::Kind::out_of_service && tag != locales.front()) continue;
                        d.larger_text = larger;
                        d.high_contrast = contrast;
                        d.mark_fallbacks = true;
                        d.record_texts = true;
                        run_request.screens.push_back(std::move(d));
                    }
                }
            }
        }
        app::GlfwPlatform platform;
        const app::PreviewRun run = app::run_preview(run_request, platform);
        if (!run.failure.empty()) {
            result.failure = run.failure;
            return result;
        }
        std::map<std::string, std::size_t> sheet_of;
        for (const app::PreviewShot& shot : run.shots) {
            const std::string title = variant_name(width, height, shot.screen.larger_text, shot.screen.high_contrast);
            if (!sheet_of.contains(title)) {
                sheet_of[title] = sheets.size();
                sheets.push_back(Sheet{title, {}, {}, {}});
            }
            Sheet& sheet = sheets[sheet_of[title]];
            const std::string screen = shot.screen.name();
            if (std::find(sheet.screen_names.begin(), sheet.screen_names.end(), screen) == sheet.screen_names.end()) sheet.screen_names.push_back(screen);
            if (!shot.problem.empty()) result.problems.push_back(shot.screen.locale + ": " + screen + " (" + title + "): " + shot.problem);
            if (!shot.png.empty() && shot.problem.empty()) ++result.pictures;
            result.fallback_texts += shot.fallback_keys.size();
            for (const ui::LayoutFinding& f : shot.findings) {
                sheet.findings[{screen, shot.screen.locale}].push_back(content::format_diagnostic(layout_diagnostic(shot, f, title, bundle, lines)));
                ++result.findings;
            }
            sheet.cells[{screen, shot.screen.locale}] = shot;
        }
    }

    result.contact_sheet = request.out_dir / "index.html";
    std::ofstream out(result.contact_sheet);
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kiosk preview</title>\n"
           "<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px;"
           "vertical-align:top;max-width:220px}img{width:200px;border:1px solid #888}th.screen{text-align:left;white-space:nowrap}"
           ".error{color:#a00020;font-size:12px}.warning{color:#805000;font-size:12px}.fallback{color:#c06000;font-size:12px}"
           "td.none{color:#777;font-size:12px}ul{padding-left:1.2em;margin:4px 0}</style></head><body>\n"
        << "<h1>Every patient screen, as the kiosk draws it</h1>\n<p>" << html(content::bundle_line(request.bundle_dir))
        << ". Texts shown from a fallback language are marked <b>[en]</b> in the pictures and listed under them; what does "
           "not fit where it is drawn is listed in red.</p>\n";
    write_locale_summary(out, load, locales);
    for (const Sheet& sheet : sheets) write_sheet(out, sheet, locales, request.out_dir);
    out << "</body></html>\n";
    out.close();
    if (!out) result.failure = "cannot write " + result.contact_sheet.string();
    return result;
}

}  // namespace kiosk::preview
