#include "virtual_display.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kiosk::preview {

VirtualDisplay::~VirtualDisplay() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
}

std::string VirtualDisplay::start_if_needed(int width, int height) {
    const char* display = std::getenv("DISPLAY");
    if (display != nullptr && *display != '\0') return {};
    // Xvfb writes the display number it chose to this pipe (-displayfd): no race for a free one.
    int fds[2];
    if (pipe(fds) != 0) return std::string("cannot make a pipe for Xvfb: ") + std::strerror(errno);
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    const std::string fd = std::to_string(fds[1]);
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    std::vector<std::string> args = {"Xvfb", "-displayfd", fd, "-screen", "0", screen, "-nolisten", "tcp", "-noreset"};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // Xvfb's own chatter (font path warnings) is not the editor's business.
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const int spawned = posix_spawnp(&pid_, "Xvfb", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (spawned != 0) {
        close(fds[0]);
        pid_ = -1;
        return std::string("no display, and Xvfb could not be started (") + std::strerror(spawned) +
               "): install the Debian package xvfb, or run where $DISPLAY is set";
    }
    std::string number;
    pollfd wait{fds[0], POLLIN, 0};
    char buffer[32];
    while (number.find('\n') == std::string::npos && poll(&wait, 1, 10000) > 0) {
        const ssize_t n = read(fds[0], buffer, sizeof buffer);
        if (n <= 0) break;
        number.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    if (number.find('\n') == std::string::npos) return "Xvfb started but gave no display number within 10 s";
    setenv("DISPLAY", (":" + number.substr(0, number.find('\n'))).c_str(), 1);
    return {};
}

}  // namespace kiosk::preview
