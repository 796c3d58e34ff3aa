#pragma once
// Tells the kiosk when its content root changes (a release published, a bundle copied into
// incoming/), so that it never has to look every second: at rest the kiosk wakes for nothing.
// A thread sleeps in poll() on an inotify descriptor and calls `on_change` (from that thread)
// when the root or root/incoming changes. Where inotify cannot watch (another kind of file
// system, no watches left), watching() is false and the caller checks on a timer instead.
#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

namespace kiosk::app {

class ContentWatch {
public:
    ContentWatch(std::filesystem::path root, std::function<void()> on_change);
    ~ContentWatch();
    ContentWatch(const ContentWatch&) = delete;
    ContentWatch& operator=(const ContentWatch&) = delete;

    bool watching() const { return problem_.empty(); }
    // Why it cannot watch, for the log ("" when it can).
    const std::string& problem() const { return problem_; }
    // Whether anything changed since the last call.
    bool take_change() { return changed_.exchange(false); }

private:
    void watch_incoming();
    void run();

    std::filesystem::path root_;
    std::function<void()> on_change_;
    std::string problem_;
    int inotify_ = -1;
    int stop_ = -1;  // an eventfd: written by the destructor to end run()
    int incoming_watch_ = -1;
    std::atomic<bool> changed_{false};
    std::thread thread_;
};

}  // namespace kiosk::app
