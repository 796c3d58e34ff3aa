#pragma once
// The kiosk program: start-up as named steps, the font atlas of the language on screen, the
// render loop, scripted taps with screenshots, and the measurements. It draws through a Platform,
// so the same program runs in a GLFW window (main.cpp) and headless in tests.
//   kiosk [--config FILE] [--bundle DIR] [--database FILE] [--windowed WxH]
//         [--screenshot DIR --script FILE] [--measure]
//         [--show SCREEN [--locale TAG] [--answers FILE.json] [--larger-text] [--high-contrast]] [--offer-drafts]
#include <chrono>
#include <string>

#include "platform.hpp"

namespace kiosk::app {

struct Options {
    std::string config_file;
    std::string bundle;
    std::string database;
    int width = 0;  // 0: full screen
    int height = 0;
    std::string screenshot_dir;
    std::string script;
    bool measure = false;  // print start-up, memory, idle and frame-time figures, then exit
    // Start on this screen (screen_description.hpp) instead of welcome, as if tapped there.
    std::string show;
    std::string show_locale;   // "": the configuration's default language
    std::string answers_file;  // {"answers": {…}} as kiosk-screen evaluate reads them
    bool larger_text = false;
    bool high_contrast = false;
    bool offer_drafts = false;  // as offer_drafts = true in the configuration (previews of drafts)
    bool quiet = false;         // no start-up notes for staff on stderr (previews and layout lint)
    // How long start-up waits for the sound device to answer (ALSA, or a sound server behind it)
    // before it starts without read aloud; opening a device takes milliseconds.
    std::chrono::milliseconds sound_wait{2000};
};

inline constexpr const char* kiosk_usage =
    "usage: kiosk [--config FILE] [--bundle DIR] [--database FILE] [--windowed WxH] [--screenshot DIR --script FILE] [--measure]\n"
    "             [--show SCREEN [--locale TAG] [--answers FILE.json] [--larger-text] [--high-contrast]] [--offer-drafts]\n"
    "SCREEN: welcome, page:N, question:ID, review, result:none|info|caution|stop, result:not-saved, urgent, idle, out-of-service";

// False, with `problem` set, for an unknown option or a bad value.
bool parse_options(int argc, char** argv, Options& options, std::string& problem);

// Runs the kiosk until its window closes or its script ends: 0 when all went well. When start-up
// fails, the patients see an out-of-service screen and `failure` (if given) receives the reason.
int run_kiosk(const Options& options, Platform& platform, std::string* failure = nullptr);

}  // namespace kiosk::app
