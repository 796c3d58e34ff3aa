#include "content_watch.hpp"

#include <cerrno>
#include <cstring>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace kiosk::app {

namespace {

// What a publish, a rollback or an operator's copy does to a folder: names appear, go, move.
constexpr std::uint32_t folder_changes = IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_CLOSE_WRITE | IN_ATTRIB;

}  // namespace

ContentWatch::ContentWatch(std::filesystem::path root, std::function<void()> on_change)
    : root_(std::move(root)), on_change_(std::move(on_change)) {
    inotify_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    stop_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (inotify_ < 0 || stop_ < 0) {
        problem_ = std::string("cannot watch for changes: ") + std::strerror(errno);
        return;
    }
    if (inotify_add_watch(inotify_, root_.c_str(), folder_changes) < 0) {
        problem_ = "cannot watch " + root_.string() + ": " + std::strerror(errno);
        return;
    }
    watch_incoming();
    thread_ = std::thread([this] { run(); });
}

ContentWatch::~ContentWatch() {
    if (thread_.joinable()) {
        const std::uint64_t one = 1;
        if (write(stop_, &one, sizeof one) == sizeof one) thread_.join();
        else thread_.detach();  // cannot happen with an eventfd; never hang the exit
    }
    if (inotify_ >= 0) close(inotify_);
    if (stop_ >= 0) close(stop_);
}

void ContentWatch::watch_incoming() {
    // incoming/ may not exist yet: the root's watch sees it appear, and it is watched from then.
    if (incoming_watch_ < 0) incoming_watch_ = inotify_add_watch(inotify_, (root_ / "incoming").c_str(), folder_changes);
}

void ContentWatch::run() {
    pollfd fds[2] = {{inotify_, POLLIN, 0}, {stop_, POLLIN, 0}};
    alignas(inotify_event) char events[4096];
    while (true) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[1].revents != 0) return;
        // What changed does not matter (the check reads the folders), only that something did,
        // and whether incoming/ went away (its watch with it).
        bool any = false;
        ssize_t length = 0;
        while ((length = read(inotify_, events, sizeof events)) > 0) {
            any = true;
            for (ssize_t at = 0; at < length;) {
                const auto* event = reinterpret_cast<const inotify_event*>(events + at);
                if ((event->mask & IN_IGNORED) != 0 && event->wd == incoming_watch_) incoming_watch_ = -1;
                at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            }
        }
        if (!any) continue;
        watch_incoming();
        changed_ = true;
        on_change_();
    }
}

}  // namespace kiosk::app
