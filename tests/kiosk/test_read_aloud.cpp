// Reading aloud off the UI thread: every text in order, the sentence heard told as it changes,
// and a stop that ends the sound at once, even while the device is still taking samples.
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "alsa_output.hpp"
#include "espeak_engine.hpp"
#include "speech_engine_fixture.hpp"
#include "read_aloud.hpp"
#include "shipped_bundle.hpp"
#include "temp_bundle.hpp"

using kiosk::speech::AudioOutput;
using kiosk::speech::ReadAloud;
using kiosk::speech::ReadingItem;

namespace {

// A device that takes everything at once and remembers it; `hold` makes it wait after the
// first piece until drop(), as a real device does while its buffer is full.
class RecordingOutput final : public AudioOutput {
public:
    bool hold = false;
    bool play(const std::int16_t* samples, std::size_t count, int, std::string& problem) override {
        std::unique_lock<std::mutex> lock(mutex_);
        received_.insert(received_.end(), samples, samples + count);
        ++pieces_;
        changed_.notify_all();
        if (hold) changed_.wait(lock, [this] { return dropped_; });
        if (dropped_) problem = "dropped";
        return !dropped_;
    }
    void drop() override {
        const std::lock_guard<std::mutex> lock(mutex_);
        dropped_ = true;
        changed_.notify_all();
    }
    bool wait_for_pieces(int n) {
        std::unique_lock<std::mutex> lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(30), [&] { return pieces_ >= n; });
    }
    std::size_t samples() {
        const std::lock_guard<std::mutex> lock(mutex_);
        return received_.size();
    }
    int pieces() {
        const std::lock_guard<std::mutex> lock(mutex_);
        return pieces_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::int16_t> received_;
    int pieces_ = 0;
    bool dropped_ = false;
};

void wait_until_done(const ReadAloud& reading) {
    for (int i = 0; i < 3000 && reading.reading(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

}  // namespace

TEST_CASE("reading aloud plays every text in order, whole, and tells each sentence as it is heard") {
    const kiosk::test::TempBundle bundle = kiosk::test::TempBundle::shipped();
    kiosk::speech::TextReader reader(kiosk::test::espeak_engine(), bundle.dir());
    RecordingOutput output;
    std::vector<std::pair<std::size_t, std::size_t>> heard;
    std::mutex heard_mutex;
    ReadAloud reading(reader, output, [&](std::size_t item, std::size_t offset, std::size_t) {
        const std::lock_guard<std::mutex> lock(heard_mutex);
        heard.emplace_back(item, offset);
    });
    const std::vector<ReadingItem> items = {{"question.heart.text", "Do you have any of these heart problems?"},
                                            {"question.heart.help", "Choose all that apply. If you are not sure, choose I am not sure."}};
    reading.start("en", items);
    wait_until_done(reading);
    REQUIRE_FALSE(reading.reading());
    CHECK(reading.problem().empty());
    // Both readings reached the device whole (eSpeak's output of one text varies by a few
    // samples from one synthesis to the next, so the two are compared within 1%).
    std::size_t expected = 0;
    std::string problem;
    for (const ReadingItem& i : items) expected += reader.read("en", i.key, i.text, problem)->samples.size();
    CHECK(static_cast<double>(output.samples()) == doctest::Approx(static_cast<double>(expected)).epsilon(0.01));
    // The sentences in reading order: the question, then the help's two sentences.
    const std::lock_guard<std::mutex> lock(heard_mutex);
    REQUIRE(heard.size() == 3);
    CHECK(heard[0] == std::pair<std::size_t, std::size_t>{0, 0});
    CHECK(heard[1].first == 1);
    CHECK(heard[2].first == 1);
    CHECK(items[1].text.substr(heard[2].second, 2) == "If");
}

TEST_CASE("a stop ends the reading at once, even while the device is taking samples, and nothing more is played") {
    const kiosk::test::TempBundle bundle = kiosk::test::TempBundle::shipped();
    kiosk::speech::TextReader reader(kiosk::test::espeak_engine(), bundle.dir());
    RecordingOutput output;
    output.hold = true;
    ReadAloud reading(reader, output);
    reading.start("es", {{"question.heart.text", "¿Tiene alguno de estos problemas del corazón?"}});
    REQUIRE(output.wait_for_pieces(1));
    CHECK(reading.reading());
    reading.stop();
    CHECK_FALSE(reading.reading());
    const int pieces = output.pieces();
    CHECK(pieces == 1);  // one 20 ms piece of about two seconds
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(output.pieces() == pieces);
    CHECK(reading.problem().empty());  // a stop is not a failure
}

TEST_CASE("a language with no voice ends the reading with the reason, and plays nothing") {
    const kiosk::test::TempBundle bundle = kiosk::test::TempBundle::shipped();
    kiosk::speech::TextReader reader(kiosk::test::espeak_engine(), bundle.dir());
    RecordingOutput output;
    ReadAloud reading(reader, output);
    reading.start("fr", {{"question.heart.text", "Avez-vous un de ces problèmes cardiaques ?"}});
    wait_until_done(reading);
    CHECK(output.samples() == 0);
    CHECK(reading.problem().find("no eSpeak voice for fr") != std::string::npos);
}

TEST_CASE("ALSA output: a device that is not there is named, on ALSA's null device a piece plays, and a drop stops the next at once") {
    std::string problem;
    CHECK(kiosk::speech::AlsaOutput::open("no_such_device_for_the_kiosk", 1.0, problem) == nullptr);
    CHECK(problem.find("cannot open sound device 'no_such_device_for_the_kiosk'") == 0);
    problem.clear();
    const std::unique_ptr<kiosk::speech::AlsaOutput> output = kiosk::speech::AlsaOutput::open("null", 0.5, problem);
    REQUIRE_MESSAGE(output != nullptr, problem);
    const std::vector<std::int16_t> tone(2205, 1000);  // 100 ms
    output->begin();
    CHECK(output->play(tone.data(), tone.size(), 22050, problem));
    output->drop();
    CHECK_FALSE(output->play(tone.data(), tone.size(), 22050, problem));
    CHECK(problem == "stopped");
    output->finish();
    // The next reading plays again.
    output->begin();
    CHECK(output->play(tone.data(), tone.size(), 22050, problem));
    output->finish();
}

namespace {

// A device slow to let go: its first piece takes 300 ms whatever happens meanwhile (a sound
// server that is slow to answer); later pieces go at once.
class SlowFirstPiece final : public AudioOutput {
public:
    bool play(const std::int16_t*, std::size_t count, int, std::string& problem) override {
        if (pieces_++ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(300));
        if (dropped_) {
            problem = "dropped";
            return false;
        }
        samples_ += count;
        return true;
    }
    void drop() override { dropped_ = true; }
    void begin() override {
        dropped_ = false;
        ++begins_;
    }
    std::atomic<int> begins_{0};
    std::atomic<std::size_t> samples_{0};

private:
    std::atomic<int> pieces_{0};
    std::atomic<bool> dropped_{false};
};

}  // namespace

TEST_CASE("neither a stop nor the next start waits for a device slow to let go, the next reading plays once the last has") {
    const kiosk::test::TempBundle bundle = kiosk::test::TempBundle::shipped();
    kiosk::speech::TextReader reader(kiosk::test::espeak_engine(), bundle.dir());
    SlowFirstPiece output;
    ReadAloud reading(reader, output);
    reading.start("en", {{"question.heart.text", "Do you have any of these heart problems?"}});
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // synthesised, and inside the slow piece
    const auto before = std::chrono::steady_clock::now();
    reading.stop();
    const std::vector<ReadingItem> next = {{"question.adult.text", "Are you 18 years old or older?"}};
    reading.start("en", next);
    const double took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
    CHECK(took_ms < 50);  // the screen went on; the slow piece has 200 ms left
    CHECK(reading.reading());
    wait_until_done(reading);
    CHECK(reading.problem().empty());
    CHECK(output.begins_ == 2);
    // The first reading played nothing (its one piece was dropped); the second played whole.
    std::string problem;
    const std::size_t expected = reader.read("en", next[0].key, next[0].text, problem)->samples.size();
    CHECK(static_cast<double>(output.samples_) == doctest::Approx(static_cast<double>(expected)).epsilon(0.01));
}
