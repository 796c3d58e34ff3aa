#include "layout_lint.hpp"

#include <cmath>
#include <map>

#include "headless_platform.hpp"

namespace kiosk::preview {

namespace {

// The key that served `text` on the screen: the same words, or the longest served text inside
// them (a list item drawn after its bullet, a review answer beside others).
std::string key_of(const app::PreviewShot& shot, const std::string& text) {
    std::string best;
    std::size_t best_length = 0;
    for (const auto& [key, served] : shot.texts) {
        if (served == text) return key;
        if (served.size() > best_length && served.size() >= 3 && text.find(served) != std::string::npos) {
            best = key;
            best_length = served.size();
        }
    }
    return best;
}

}  // namespace

content::SourcePosition KeyLines::position(const std::string& file, const std::string& key) {
    auto it = files_.find(file);
    if (it == files_.end()) {
        content::Diagnostics ignored;  // lint reports the file's own problems
        it = files_.emplace(file, content::read_toml_file(bundle_dir_, file, ignored)).first;
    }
    if (!it->second) return {};
    const auto node = std::as_const(it->second->root).at_path(key);
    return node ? content::position_of(*node.node()) : content::SourcePosition{};
}

std::string LayoutSize::name() const {
    return std::to_string(width) + "x" + std::to_string(height) + (larger_text ? ", larger text" : "") + (high_contrast ? ", high contrast" : "");
}

std::vector<LayoutSize> supported_layout_sizes() {
    return {{1080, 1920, false}, {1080, 1920, true}, {1920, 1080, false}, {1920, 1080, true}};
}

content::Diagnostic layout_diagnostic(const app::PreviewShot& shot, const ui::LayoutFinding& finding, const std::string& size_name,
                                      const screening::KioskBundle& bundle, KeyLines& lines) {
    content::Diagnostic d;
    const content::LocaleTexts* locale = bundle.content.bundle.find(shot.screen.locale);
    d.file = locale != nullptr ? locale->relative_path : "locales/" + shot.screen.locale + ".toml";
    const std::string key = finding.text.empty() ? std::string() : key_of(shot, finding.text);
    const auto question = bundle.screening.questionnaire.index_of(shot.screen.question);
    if (finding.text.empty() && question) {
        // The question as a whole (its answers need scrolling): where the question is written.
        const screening::Question& q = bundle.screening.questionnaire.questions[*question];
        d.file = q.file;
        d.where = q.at;
    } else if (!key.empty()) {
        // A text served from the fallback locale lives in that file, not in the screen's.
        if (locale != nullptr && !locale->messages.contains(key)) d.file = bundle.content.bundle.base().relative_path;
        d.where = lines.position(d.file, key);
    }
    const std::string by = finding.by < 0 ? std::string() : " by " + std::to_string(static_cast<int>(std::ceil(finding.by))) + " px";
    d.message = shot.screen.locale + ": " + shot.screen.name() + ": " + finding.element + ": " + finding.problem + by + " (" + size_name + ")" +
                (key.empty() ? "" : " [" + key + "]");
    return d;
}

LayoutLint lint_layout(const std::filesystem::path& bundle_dir, const screening::KioskBundle& bundle, std::vector<std::string> locales,
                       const std::vector<LayoutSize>& sizes, float screen_inches) {
    LayoutLint out;
    KeyLines lines(bundle_dir);
    if (locales.empty()) {
        for (const content::LocaleTexts& l : bundle.content.bundle.locales) locales.push_back(l.tag);
    }
    // One program per screen size; both text sizes in it (one font atlas holds them), by locale.
    std::map<std::pair<int, int>, std::vector<bool>> text_sizes;
    for (const LayoutSize& s : sizes) text_sizes[{s.width, s.height}].push_back(s.larger_text);
    for (const auto& [screen, larger_options] : text_sizes) {
        app::PreviewRequest request;
        request.bundle = bundle_dir;
        request.width = screen.first;
        request.height = screen.second;
        // The same screen in portrait or landscape: pixels along its diagonal over its length.
        request.px_per_mm = std::hypot(static_cast<float>(screen.first), static_cast<float>(screen.second)) / (screen_inches * 25.4F);
        for (const std::string& tag : locales) {
            for (const bool larger : larger_options) {
                for (app::ScreenDescription d : app::every_patient_screen(bundle, tag)) {
                    if (d.kind == app::ScreenDescription::Kind::out_of_service) continue;  // drawn by its own code, not the screens'
                    d.larger_text = larger;
                    d.record_texts = true;
                    // The high-contrast theme at normal text size too, for its colours (7:1).
                    if (!larger) {
                        app::ScreenDescription contrast = d;
                        contrast.high_contrast = true;
                        request.screens.push_back(std::move(contrast));
                    }
                    request.screens.push_back(std::move(d));
                }
            }
        }
        app::HeadlessPlatform platform(ImVec2(static_cast<float>(screen.first), static_cast<float>(screen.second)));
        const app::PreviewRun run = app::run_preview(request, platform);
        if (!run.failure.empty()) {
            out.failure = run.failure;
            return out;
        }
        for (const app::PreviewShot& shot : run.shots) {
            ++out.screens_drawn;
            const std::string size_name = LayoutSize{screen.first, screen.second, shot.screen.larger_text, shot.screen.high_contrast}.name();
            if (!shot.problem.empty()) {
                out.diagnostics.error("structure/questionnaire.toml", {}, shot.screen.locale + ": " + shot.screen.name() + ": cannot be shown: " + shot.problem);
                continue;
            }
            for (const ui::LayoutFinding& f : shot.findings) {
                const content::Diagnostic d = layout_diagnostic(shot, f, size_name, bundle, lines);
                out.diagnostics.error(d.file, d.where, d.message);
            }
        }
    }
    return out;
}

}  // namespace kiosk::preview
