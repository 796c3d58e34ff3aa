// The content root's watch: the kiosk learns of a publish or a copy into incoming/ from the
// kernel, so that it never looks on a timer and sleeps at rest.
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>

#include "content_watch.hpp"
#include "../store/store_fixture.hpp"

using kiosk::app::ContentWatch;

namespace {

// Counts the watch's calls, which come from its own thread.
struct Calls {
    std::mutex mutex;
    std::condition_variable arrived;
    int count = 0;
    void add() {
        std::lock_guard lock(mutex);
        ++count;
        arrived.notify_all();
    }
    // Whether at least `n` calls came within `seconds`.
    bool reach(int n, double seconds) {
        std::unique_lock lock(mutex);
        return arrived.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return count >= n; });
    }
};

}  // namespace

TEST_CASE("the content watch calls back when a release is published or a bundle copied into incoming/, and never otherwise") {
    kiosk::test::TempDir root;
    Calls calls;
    ContentWatch watch(root.path(), [&] { calls.add(); });
    REQUIRE(watch.watching());
    CHECK_FALSE(calls.reach(1, 0.3));  // nothing changed: no call, no change
    CHECK_FALSE(watch.take_change());

    // incoming/ appears after the watch started: it is watched from then on.
    std::filesystem::create_directory(root / "incoming");
    REQUIRE(calls.reach(1, 5));
    CHECK(watch.take_change());
    CHECK_FALSE(watch.take_change());  // taken once
    const int before = [&] { std::lock_guard lock(calls.mutex); return calls.count; }();
    std::filesystem::create_directory(root / "incoming" / "update-2");
    REQUIRE(calls.reach(before + 1, 5));
    CHECK(watch.take_change());

    // A publish: `current` replaced by a rename, as bundle_releases does.
    const int again = [&] { std::lock_guard lock(calls.mutex); return calls.count; }();
    std::filesystem::create_directory_symlink("releases/2", root / "current.new");
    std::filesystem::rename(root / "current.new", root / "current");
    REQUIRE(calls.reach(again + 1, 5));
    CHECK(watch.take_change());
}

TEST_CASE("a content root that cannot be watched says why, so the kiosk looks on a timer instead") {
    kiosk::test::TempDir dir;
    ContentWatch watch(dir / "no-such-folder", [] {});
    CHECK_FALSE(watch.watching());
    CHECK(watch.problem().find("no-such-folder") != std::string::npos);
    CHECK(watch.problem().find("No such file or directory") != std::string::npos);
}
