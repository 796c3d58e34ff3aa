#pragma once
// A running kiosk's content updates (see screening/bundle_releases.hpp): between patients the
// kiosk asks check(); a bundle copied into incoming/ is published, and a new `current` is loaded
// and checked, both on a worker thread, off the patient path. A release with any error is
// refused: the one in use keeps serving, and refused() says why, for staff. The program switches
// to a ready bundle only at the welcome screen with no visit in progress.
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "kiosk_bundle.hpp"

namespace kiosk::app {

struct ReadyBundle {
    std::filesystem::path release;  // the folder it was loaded from
    std::unique_ptr<screening::KioskBundle> bundle;
};

class ContentUpdates {
public:
    // `root`: the content root; `serving`: the release folder in use.
    ContentUpdates(std::filesystem::path root, std::filesystem::path serving);
    ~ContentUpdates();
    ContentUpdates(const ContentUpdates&) = delete;
    ContentUpdates& operator=(const ContentUpdates&) = delete;

    // Starts a check when none is running; collects a finished one. Cheap when nothing changed.
    void check();
    // Waits for a running check (tests and scripts).
    void wait();
    // A check is running (or finished and not yet collected by check()).
    bool running() const { return running_.valid(); }
    // The checked new bundle, once; nothing when there is none.
    std::optional<ReadyBundle> take_ready();
    // The program switched to `release`.
    void serving(const std::filesystem::path& release) {
        serving_ = release;
        refused_.clear();
    }
    // Why the last update was refused ("" when none was), for staff and the log.
    const std::string& refused() const { return refused_; }
    // What happened at the last finished check, for the log ("" when nothing did).
    std::string take_news();

private:
    struct Outcome {
        std::optional<ReadyBundle> ready;
        std::string refused;
        std::filesystem::path refused_release;  // a `current` that failed its check
        std::string news;
    };
    Outcome run_check() const;
    std::vector<std::filesystem::path> waiting_in_incoming() const;  // bundle folders not yet tried
    void collect();

    std::filesystem::path root_;
    std::filesystem::path serving_;
    std::filesystem::path refused_release_;  // not loaded again until `current` moves on
    std::future<Outcome> running_;
    std::optional<ReadyBundle> ready_;
    std::string refused_;
    std::string news_;
};

}  // namespace kiosk::app
