#pragma once
// Every described screen drawn by the kiosk's own program (its start-up, fonts, flow and screens),
// one after another: with a GLFW platform each becomes a PNG (kiosk-content preview --png); with
// the headless platform only what does not fit is collected (kiosk-content lint --layout). What
// is measured is what the kiosk draws, never a copy of it.
#include <filesystem>
#include <string>
#include <vector>

#include "platform.hpp"
#include "screen_context.hpp"
#include "screen_description.hpp"

namespace kiosk::app {

struct PreviewRequest {
    std::filesystem::path bundle;
    std::vector<ScreenDescription> screens;  // in any order; out of service is drawn last
    int width = 1080;
    int height = 1920;
    std::filesystem::path png_dir;  // empty: no pictures, findings only
    // Pixels per millimetre of the physical screen: touch targets under 9 mm either way are
    // findings. 0: not checked.
    float px_per_mm = 0;
};

struct PreviewShot {
    ScreenDescription screen;
    std::string png;                         // the picture's path (empty when none was asked or saved)
    std::vector<ui::LayoutFinding> findings;  // what does not fit on this screen
    std::vector<std::string> fallback_keys;  // texts shown from a fallback language
    std::vector<std::pair<std::string, std::string>> texts;  // (key, text) of every text on it
    std::string problem;                     // why this screen could not be shown
};

struct PreviewRun {
    std::vector<PreviewShot> shots;  // in the order drawn
    std::string failure;             // the program could not start (no fonts, no window…)
};

PreviewRun run_preview(const PreviewRequest& request, Platform& platform);

}  // namespace kiosk::app
