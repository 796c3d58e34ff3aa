#pragma once
// The kiosk program: start-up as named steps, the font atlas of the language on screen, the
// render loop, scripted taps with screenshots, and the measurements. It draws through a Platform,
// so the same program runs in a GLFW window (main.cpp) and headless in tests.
//   kiosk [--config FILE] [--bundle DIR] [--database FILE] [--windowed WxH]
//         [--screenshot DIR --script FILE] [--measure]
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
};

inline constexpr const char* kiosk_usage =
    "usage: kiosk [--config FILE] [--bundle DIR] [--database FILE] [--windowed WxH] [--screenshot DIR --script FILE] [--measure]";

// False, with `problem` set, for an unknown option or a bad value.
bool parse_options(int argc, char** argv, Options& options, std::string& problem);

// Runs the kiosk until its window closes or its script ends: 0 when all went well. When start-up
// fails, the patients see an out-of-service screen and `failure` (if given) receives the reason.
int run_kiosk(const Options& options, Platform& platform, std::string* failure = nullptr);

}  // namespace kiosk::app
