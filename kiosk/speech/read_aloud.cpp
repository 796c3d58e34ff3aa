#include "read_aloud.hpp"

#include <algorithm>

namespace kiosk::speech {

ReadAloud::ReadAloud(TextReader& reader, AudioOutput& output, SentenceHeard on_sentence, ReadingEnded on_end)
    : reader_(reader), output_(output), on_sentence_(std::move(on_sentence)), on_end_(std::move(on_end)) {}

ReadAloud::~ReadAloud() {
    stop();
    if (worker_.joinable()) worker_.join();  // and through it, every reading before
}

void ReadAloud::start(std::string tag, std::vector<ReadingItem> items) {
    stop();
    auto run = std::make_shared<Run>();
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        run_ = run;
        reading_ = true;
        problem_.clear();
    }
    std::thread previous = std::move(worker_);
    worker_ = std::thread([this, run, previous = std::move(previous), tag = std::move(tag), items = std::move(items)]() mutable {
        // The device is the last reading's until that one has let go of it (within 10 ms of its stop).
        if (previous.joinable()) previous.join();
        if (!run->stop) {
            output_.begin();
            read_all(*run, tag, items);
            output_.finish();
        }
        bool by_itself = false;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            by_itself = !run->stop;
            if (run_ == run) reading_ = false;
        }
        if (by_itself && on_end_) on_end_();
    });
}

void ReadAloud::stop() {
    std::shared_ptr<Run> run;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        run = run_;
        reading_ = false;
    }
    if (!run || run->stop.exchange(true)) return;
    reader_.cancel();  // a synthesis under way ends at its next 100 ms
    output_.drop();    // a play() waiting on the device gives up, and the device drops what it holds
}

bool ReadAloud::reading() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return reading_;
}

std::string ReadAloud::problem() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return problem_;
}

void ReadAloud::read_all(const Run& run, const std::string& tag, const std::vector<ReadingItem>& items) {
    const auto fail = [this](std::string why) {
        const std::lock_guard<std::mutex> lock(mutex_);
        problem_ = std::move(why);
    };
    for (std::size_t i = 0; i < items.size() && !run.stop; ++i) {
        std::string problem;
        const std::optional<Utterance> u = reader_.read(tag, items[i].key, items[i].text, problem);
        if (run.stop) return;  // stopped while it was being synthesised: not a failure
        if (!u) return fail(items[i].key + ": " + problem);
        const std::size_t piece = static_cast<std::size_t>(std::max(1, u->sample_rate / 50));  // 20 ms
        std::size_t next_sentence = 0;
        for (std::size_t at = 0; at < u->samples.size() && !run.stop; at += piece) {
            // The sentence that starts by now is the one being heard.
            const double now = static_cast<double>(at) / u->sample_rate;
            std::size_t heard = next_sentence;
            while (heard < u->sentences.size() && u->sentences[heard].at_seconds <= now) ++heard;
            if (heard != next_sentence) {
                next_sentence = heard;
                const std::size_t end = heard < u->sentences.size() ? u->sentences[heard].text_offset : std::string::npos;
                if (on_sentence_ && !run.stop) on_sentence_(i, u->sentences[heard - 1].text_offset, end);
            }
            const std::size_t count = std::min(piece, u->samples.size() - at);
            if (!output_.play(u->samples.data() + at, count, u->sample_rate, problem)) {
                if (!run.stop) fail("the sound device: " + problem);
                return;
            }
        }
    }
}

}  // namespace kiosk::speech
