#include "screen_preview.hpp"

#include "kiosk_program.hpp"

#include <cstdio>

#include "contrast_check.hpp"

namespace kiosk::app {

// ---------------------------------------------------------------------------------------------
// [SECTION] Screens from descriptions (previews and layout lint)
// ---------------------------------------------------------------------------------------------

PreviewRun Kiosk::preview(std::vector<ScreenDescription> screens, const std::filesystem::path& png_dir, float px_per_mm) {
    PreviewRun run;
    if (!failure_.empty() || !flow_) {
        run.failure = failure_.empty() ? "the kiosk did not start" : failure_;
        return run;
    }
    // Out of service last: its notice fonts replace the atlas.
    std::stable_partition(screens.begin(), screens.end(), [](const ScreenDescription& d) { return d.kind != ScreenDescription::Kind::out_of_service; });
    pointer_from_caller_ = true;
    // Every screen as patients see it on a kiosk with a sound device: with its Read aloud button
    // (a preview plays nothing, and needs no device).
    ui_.read_aloud = ui::ReadAloudView{};
    ui_.read_aloud.available = true;
    for (const ScreenDescription& d : screens) {
        PreviewShot shot;
        shot.screen = d;
        if (d.kind == ScreenDescription::Kind::out_of_service) failure_ = example_failure;
        else shot.problem = flow_->show(d, now());
        if (shot.problem.empty()) {
            // One frame to settle (scroll extents come from the frame before), then the one kept.
            frame(false, {}, std::nullopt, false, Draw::layout_only);
            if (!png_dir.empty()) {
                std::error_code ec;
                std::filesystem::create_directories(png_dir / d.locale, ec);
                shot.png = (png_dir / d.locale / (d.file_name() + ".png")).string();
            }
            screenshot_failed_ = false;
            frame(!shot.png.empty(), shot.png, std::nullopt, false, shot.png.empty() ? Draw::layout_only : Draw::picture_only);
            if (screenshot_failed_) shot.problem = "could not write " + shot.png;
            shot.findings = ui_.findings;
            add_contrast_findings(shot);
            if (px_per_mm > 0) add_touch_target_findings(shot, px_per_mm);
            shot.fallback_keys = flow_->text().fallback_keys();
            shot.texts = flow_->text().served();
        }
        run.shots.push_back(std::move(shot));
    }
    return run;
}

void Kiosk::add_contrast_findings(PreviewShot& shot) const {
    // Every text's contrast as the frame drew it: 4.5:1 (WCAG 2.2, 1.4.3), 7:1 in high contrast.
    const ImGuiIO& io = ImGui::GetIO();
    const double minimum = flow_->high_contrast() ? 7.0 : 4.5;
    for (const ui::LowContrast& c : ui::low_contrast_text(*ImGui::GetDrawData(), *io.Fonts, ui_.background, ui_.targets, minimum)) {
        char problem[128];
        std::snprintf(problem, sizeof problem, "has text at a contrast of %.1f:1 against what is behind it (at least %.1f:1)", c.ratio, minimum);
        ui::LayoutFinding finding;
        finding.element = c.element;
        finding.problem = problem;
        finding.by = -1;  // not a length
        shot.findings.push_back(std::move(finding));
    }
}

void Kiosk::add_touch_target_findings(PreviewShot& shot, float px_per_mm) const {
    // WCAG 2.2 asks 24 CSS px (2.5.8); on a screen a patient may tap with a shaking hand, 9 mm
    // either way is the least the kiosk allows (the whole button, scrolled in or not).
    constexpr float least_mm = 9;
    for (const auto& [id, size] : ui_.targets.sizes()) {
        const float w = size.x / px_per_mm;
        const float h = size.y / px_per_mm;
        if (w >= least_mm && h >= least_mm) continue;
        char problem[128];
        std::snprintf(problem, sizeof problem, "is a touch target of %.1f x %.1f mm, under %.0f mm", w, h, least_mm);
        ui::LayoutFinding finding;
        finding.element = id;
        finding.problem = problem;
        finding.by = -1;
        shot.findings.push_back(std::move(finding));
    }
}

PreviewRun run_preview(const PreviewRequest& request, Platform& platform) {
    // A database of its own, never the clinic's: a preview stores nothing, but the flow needs one.
    std::string folder = (std::filesystem::temp_directory_path() / "kiosk-preview-XXXXXX").string();
    if (mkdtemp(folder.data()) == nullptr) return PreviewRun{{}, "cannot make a temporary folder in " + std::filesystem::temp_directory_path().string()};
    Options options;
    options.bundle = request.bundle.string();
    options.database = folder + "/preview.db";
    options.width = request.width;
    options.height = request.height;
    options.offer_drafts = true;  // editors preview their drafts as patients will see them once reviewed
    options.quiet = true;         // lint and the preview report what matters themselves
    PreviewRun run;
    {
        Kiosk kiosk(options, platform);
        kiosk.start();
        run = kiosk.preview(request.screens, request.png_dir, request.px_per_mm);
    }
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
    return run;
}

}  // namespace kiosk::app
