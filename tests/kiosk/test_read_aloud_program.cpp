// Read aloud (#17) in the whole program, on the headless platform's paced "sound device"
// (SoundLog): eSpeak really speaks; the device takes each piece at the pace it would play it.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "headless_platform.hpp"
#include "program_fixture.hpp"
#include "temp_bundle.hpp"

using namespace kiosk::app;
using kiosk::test::ErrorsOf;
using kiosk::test::options_in;
using kiosk::test::TempDir;
using kiosk::test::with_script;
using kiosk::test::write_file;

namespace {

std::vector<std::string> events_of(HeadlessPlatform& platform) {
    const std::lock_guard<std::mutex> lock(platform.sound->mutex);
    return platform.sound->events;
}

// Where the second reading begins among `events` (end when there is none).
std::vector<std::string>::const_iterator second_reading(const std::vector<std::string>& events) {
    const auto first = std::find(events.begin(), events.end(), "begin");
    return first == events.end() ? first : std::find(std::next(first), events.end(), "begin");
}

// Plays `lines` as a script; the program's exit code, and what it wrote to std::cerr.
ErrorsOf play_lines(HeadlessPlatform& platform, const TempDir& dir, const std::string& lines) {
    const auto script = write_file(dir / "read.script", lines);
    return ErrorsOf([&] { return run_kiosk(with_script(options_in(dir), script, dir), platform); });
}

}  // namespace

TEST_CASE("read aloud: a tap starts it and marks the sentence heard, a second tap stops it mid-reading, and the button offers it again") {
    TempDir dir;
    HeadlessPlatform platform;
    const ErrorsOf run = play_lines(platform, dir, "tap start\ntap \"Read aloud\"\nlisten\ntap \"Stop reading\"\ntap \"Read aloud\"\nlisten\n");
    CHECK_MESSAGE(run.code == 0, run.errors);
    const std::vector<std::string> events = events_of(platform);
    CAPTURE(events.size());
    // Two readings; the first was cut short by the tap (the warning signs question and its nine
    // options last far longer than the script).
    REQUIRE(std::count(events.begin(), events.end(), "begin") == 2);
    const auto second = second_reading(events);
    CHECK(std::find(events.begin(), second, "play") != second);
    CHECK(std::find(events.begin(), second, "cut") != second);
    CHECK(platform.sound->samples > 0);
}

TEST_CASE("read aloud stops at once when the patient leaves the screen, on the idle wipe and when staff mode opens") {
    for (const char* leave : {"tap back", "idle 200", "hold-corner 3"}) {
        CAPTURE(leave);
        TempDir dir;
        HeadlessPlatform platform;
        const ErrorsOf run = play_lines(platform, dir, std::string("tap start\ntap read_aloud\nlisten\n") + leave + "\nshot after\n");
        CHECK_MESSAGE(run.code == 0, run.errors);
        const std::vector<std::string> events = events_of(platform);
        // Cut while the screen's words were still being read, before the program ended.
        REQUIRE(events.size() >= 3);
        CHECK(events[0] == "begin");
        CHECK(events[1] == "play");
        CHECK(events[2] == "cut");
        CHECK(std::count(events.begin(), events.end(), "begin") == 1);
    }
}

TEST_CASE("a patient who chose 'read each screen aloud' on the welcome screen hears the next screen without a tap") {
    TempDir dir;
    HeadlessPlatform platform;
    const ErrorsOf run = play_lines(platform, dir, "tap read_every_screen\ntap start\nlisten\n");
    CHECK_MESSAGE(run.code == 0, run.errors);
    CHECK(platform.sound->has("begin"));
    CHECK(platform.sound->has("play"));
}

TEST_CASE("with no sound device there is no Read aloud button anywhere, the log says why, and the kiosk works as before") {
    TempDir dir;
    HeadlessPlatform platform;
    platform.has_sound_device = false;
    const ErrorsOf welcome = play_lines(platform, dir, "where read_every_screen\n");
    CHECK(welcome.code == 1);
    CHECK(welcome.errors.find("read aloud is not offered (no Read aloud button): cannot open sound device 'default'") != std::string::npos);
    const ErrorsOf question = play_lines(platform, dir, "tap start\nwhere read_aloud\n");
    CHECK(question.code == 1);
    CHECK(question.errors.find("no 'read_aloud' on this screen") != std::string::npos);
    const ErrorsOf visit = play_lines(platform, dir, "tap start\ntap option:none\ntap next\n");
    CHECK_MESSAGE(visit.code == 0, visit.errors);
    CHECK(events_of(platform).empty());
}

TEST_CASE("a sound device that does not answer never holds the start: the kiosk starts without Read aloud once the wait is over, and the log says why") {
    // The device answers `after` the kiosk has asked; the run is given `wait`. Without the limit
    // the run would wait for the answer, get the device and show the button.
    const auto run_with = [](std::chrono::milliseconds after, std::chrono::milliseconds wait) {
        TempDir dir;
        HeadlessPlatform platform;
        std::promise<void> answer;
        platform.sound_answers_when = answer.get_future().share();
        std::promise<void> run_over;
        std::thread device([&, over = run_over.get_future()] {
            over.wait_for(after);
            answer.set_value();
        });
        Options o = with_script(options_in(dir), write_file(dir / "read.script", "tap start\nwhere read_aloud\n"), dir);
        o.sound_wait = wait;
        ErrorsOf run([&] { return run_kiosk(o, platform); });
        run_over.set_value();
        device.join();
        return run;
    };
    const ErrorsOf hung = run_with(std::chrono::seconds(20), std::chrono::milliseconds(200));
    CHECK(hung.code == 1);
    CHECK(hung.errors.find("read aloud is not offered (no Read aloud button): the sound device did not answer within 200 ms") != std::string::npos);
    CHECK(hung.errors.find("no 'read_aloud' on this screen") != std::string::npos);
    // A device that is only slow is waited for.
    const ErrorsOf slow = run_with(std::chrono::milliseconds(100), std::chrono::seconds(10));
    CHECK_MESSAGE(slow.code == 0, slow.errors);
    CHECK(slow.errors.find("read aloud is not offered") == std::string::npos);
}

TEST_CASE("a language the speech engine has no voice for gets no Read aloud button, the log says so, and the others keep theirs") {
    TempDir dir;
    const kiosk::test::TempBundle bundle = kiosk::test::TempBundle::shipped();
    bundle.write("locales/fr.toml", bundle.read("locales/es.toml"));  // French eSpeak is not offered by the kiosk's engine
    const auto run_with = [&](const std::string& lines) {
        HeadlessPlatform platform;
        Options o = with_script(options_in(dir), write_file(dir / "read.script", lines), dir);
        o.bundle = bundle.dir().string();
        return ErrorsOf([&] { return run_kiosk(o, platform); });
    };
    const ErrorsOf french = run_with("tap lang:fr\ntap start\nwhere read_aloud\n");
    CHECK(french.code == 1);
    CHECK(french.errors.find("read aloud: no voice for fr; no Read aloud button in that language") != std::string::npos);
    CHECK(french.errors.find("no 'read_aloud' on this screen") != std::string::npos);
    const ErrorsOf spanish = run_with("tap lang:es\ntap start\nwhere read_aloud\n");
    CHECK_MESSAGE(spanish.code == 0, spanish.errors);
}

TEST_CASE("'Are you still there?' is read to a patient who was listening when it came, and the wipe after it stops that too") {
    TempDir dir;
    HeadlessPlatform platform;
    // 95 s untouched: the question shows (after 90 s); 20 s more: the visit is wiped (after 15 more).
    const ErrorsOf run = play_lines(platform, dir, "tap start\ntap read_aloud\nlisten\nidle 95\nlisten\nshot still-there\nidle 20\nshot wiped\n");
    CHECK_MESSAGE(run.code == 0, run.errors);
    const std::vector<std::string> events = events_of(platform);
    // The question's reading cut the screen's, and the wipe cut the question's.
    REQUIRE(std::count(events.begin(), events.end(), "begin") == 2);
    const auto second = second_reading(events);
    CHECK(std::find(events.begin(), second, "cut") != second);
    CHECK(std::find(second, events.end(), "cut") != events.end());
}

TEST_CASE("without a reading under way or the patient's choice, 'Are you still there?' comes silently") {
    TempDir dir;
    HeadlessPlatform platform;
    const ErrorsOf run = play_lines(platform, dir, "tap start\nidle 95\nshot still-there\n");
    CHECK_MESSAGE(run.code == 0, run.errors);
    CHECK(events_of(platform).empty());
}
