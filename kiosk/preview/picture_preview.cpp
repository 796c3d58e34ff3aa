#include "picture_preview.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

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

// One screen to draw: its size and description. Jobs are shared out among worker processes.
struct Job {
    int width = 0;
    int height = 0;
    app::ScreenDescription screen;
    std::string id() const { return std::to_string(width) + "x" + std::to_string(height) + "|" + screen.locale + "|" + screen.file_name(); }
};

// What a worker reports of one drawn screen (findings already as diagnostics' lines).
struct Drawn {
    std::string png;
    std::string problem;
    std::vector<std::string> findings;
    std::vector<std::string> fallback_keys;
};

// One table of the contact sheet: a screen size with one combination of display choices.
struct Sheet {
    std::string title;                     // "1080x1920, larger text"
    std::vector<std::string> screen_names;  // rows, in the order of a visit
    std::map<std::pair<std::string, std::string>, Drawn> cells;  // (screen, locale)
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
            const Drawn& shot = cell->second;
            out << "<td>";
            if (!shot.png.empty() && shot.problem.empty()) {
                const std::string link = std::filesystem::relative(shot.png, root).string();
                out << "<a href=\"" << html(link) << "\"><img loading=\"lazy\" src=\"" << html(link) << "\" alt=\"" << html(tag + " " + screen) << "\"></a>";
            }
            if (!shot.problem.empty()) out << "<p class=\"error\">cannot be shown: " << html(shot.problem) << "</p>";
            if (!shot.findings.empty()) {
                out << "<ul class=\"error\">";
                for (const std::string& f : shot.findings) out << "<li>" << html(f) << "</li>";
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

std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

// A worker: draws its jobs (by screen size, each through a kiosk program of that size) and writes
// what it drew to `report`, a line per fact: "shot ID", then "png", "problem", "finding" and
// "fallback" lines of that shot. False when the program could not start at all.
bool draw_jobs(const std::vector<Job>& jobs, const PicturePreviewRequest& request, const screening::KioskBundle& bundle,
               const std::filesystem::path& report) {
    std::ofstream out(report);
    KeyLines lines(request.bundle_dir);
    std::map<std::pair<int, int>, std::vector<app::ScreenDescription>> by_size;
    for (const Job& job : jobs) by_size[{job.width, job.height}].push_back(job.screen);
    for (const auto& [size, screens] : by_size) {
        app::PreviewRequest run_request;
        run_request.bundle = request.bundle_dir;
        run_request.width = size.first;
        run_request.height = size.second;
        run_request.png_dir = request.out_dir / (std::to_string(size.first) + "x" + std::to_string(size.second));
        run_request.screens = screens;
        app::GlfwPlatform platform;
        const app::PreviewRun run = app::run_preview(run_request, platform);
        if (!run.failure.empty()) {
            out << "failure " << one_line(run.failure) << "\n";
            return false;
        }
        for (const app::PreviewShot& shot : run.shots) {
            const std::string title = variant_name(size.first, size.second, shot.screen.larger_text, shot.screen.high_contrast);
            out << "shot " << Job{size.first, size.second, shot.screen}.id() << "\n";
            if (!shot.png.empty()) out << "png " << shot.png << "\n";
            if (!shot.problem.empty()) out << "problem " << one_line(shot.problem) << "\n";
            for (const ui::LayoutFinding& f : shot.findings) {
                out << "finding " << one_line(content::format_diagnostic(layout_diagnostic(shot, f, title, bundle, lines))) << "\n";
            }
            for (const std::string& key : shot.fallback_keys) out << "fallback " << key << "\n";
        }
    }
    out.close();
    return static_cast<bool>(out);
}

// Reads a worker's report into `drawn`; the worker's failure, if it reported one.
std::string read_report(const std::filesystem::path& report, std::map<std::string, Drawn>& drawn) {
    std::ifstream in(report);
    std::string line;
    Drawn* current = nullptr;
    while (std::getline(in, line)) {
        const std::size_t space = line.find(' ');
        const std::string what = line.substr(0, space);
        const std::string value = space == std::string::npos ? std::string() : line.substr(space + 1);
        if (what == "failure") return value;
        if (what == "shot") current = &drawn[value];
        else if (current == nullptr) continue;
        else if (what == "png") current->png = value;
        else if (what == "problem") current->problem = value;
        else if (what == "finding") current->findings.push_back(value);
        else if (what == "fallback") current->fallback_keys.push_back(value);
    }
    return {};
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
    std::vector<Job> jobs;
    for (const auto& [width, height] : sizes) {
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
                        jobs.push_back({width, height, std::move(d)});
                    }
                }
            }
        }
    }

    // Drawing is one thread's work (Dear ImGui and GL), so the locales are shared out among
    // worker processes, one per core, each drawing on the same virtual screen.
    const std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, std::min<std::size_t>(4, locales.size()));
    const auto worker_of = [&](const Job& job) {
        return static_cast<std::size_t>(std::find(locales.begin(), locales.end(), job.screen.locale) - locales.begin()) % workers;
    };
    std::error_code ec;
    std::filesystem::create_directories(request.out_dir, ec);
    // Mesa's software rasteriser draws on the calling thread: with a worker per core already,
    // its own thread pool only adds hand-offs (measured: 0.5 s of 11 for the shipped bundle).
    setenv("LP_NUM_THREADS", "0", 0);
    std::vector<std::pair<pid_t, std::filesystem::path>> running;
    for (std::size_t w = 0; w < workers; ++w) {
        const std::filesystem::path report = request.out_dir / (".worker-" + std::to_string(w) + ".txt");
        std::cout.flush();
        std::cerr.flush();
        const pid_t pid = fork();
        if (pid < 0) {
            result.failure = "cannot start a drawing process";
            break;
        }
        if (pid == 0) {
            std::vector<Job> mine;
            for (const Job& job : jobs) {
                if (worker_of(job) == w) mine.push_back(job);
            }
            // _exit: the parent's objects (the virtual display above all) are the parent's to end.
            _exit(draw_jobs(mine, request, bundle, report) ? 0 : 1);
        }
        running.emplace_back(pid, report);
    }
    std::map<std::string, Drawn> drawn;
    for (const auto& [pid, report] : running) {
        int status = 0;
        waitpid(pid, &status, 0);
        const std::string failure = read_report(report, drawn);
        std::filesystem::remove(report, ec);
        if (!failure.empty()) result.failure = failure;
        else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) result.failure = "a drawing process failed (exit status " + std::to_string(status) + ")";
    }
    if (!result.failure.empty()) return result;

    std::vector<Sheet> sheets;
    std::map<std::string, std::size_t> sheet_of;
    for (const Job& job : jobs) {
        const auto it = drawn.find(job.id());
        if (it == drawn.end()) {
            result.problems.push_back(job.screen.locale + ": " + job.screen.name() + ": not drawn");
            continue;
        }
        const Drawn& shot = it->second;
        const std::string title = variant_name(job.width, job.height, job.screen.larger_text, job.screen.high_contrast);
        if (!sheet_of.contains(title)) {
            sheet_of[title] = sheets.size();
            sheets.push_back(Sheet{title, {}, {}});
        }
        Sheet& sheet = sheets[sheet_of[title]];
        const std::string screen = job.screen.name();
        if (std::find(sheet.screen_names.begin(), sheet.screen_names.end(), screen) == sheet.screen_names.end()) sheet.screen_names.push_back(screen);
        if (!shot.problem.empty()) result.problems.push_back(job.screen.locale + ": " + screen + " (" + title + "): " + shot.problem);
        if (!shot.png.empty() && shot.problem.empty()) ++result.pictures;
        result.fallback_texts += shot.fallback_keys.size();
        result.findings += shot.findings.size();
        sheet.cells[{screen, job.screen.locale}] = shot;
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
