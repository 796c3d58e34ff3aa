// The kiosk on a real screen: options, the GLFW window, and the program in kiosk_app.cpp.
#include <iostream>

#include "glfw_platform.hpp"
#include "kiosk_app.hpp"

int main(int argc, char** argv) {
    kiosk::app::Options options;
    std::string problem;
    if (!kiosk::app::parse_options(argc, argv, options, problem)) {
        std::cerr << "kiosk: " << problem << "\n" << kiosk::app::kiosk_usage << "\n";
        return 2;
    }
    kiosk::app::GlfwPlatform platform;
    return kiosk::app::run_kiosk(options, platform);
}
