#include "read_aloud.hpp"

#include <algorithm>

namespace kiosk::speech {

ReadAloud::ReadAloud(TextReader& reader, AudioOutput& output, SentenceHeard on_sentence, ReadingEnded on_end)
    : reader_(reader), output_(output), on_sentence_(std::move(on_sentence)), on_end_(std::move(on_end)) {}

ReadAloud::~ReadAloud() { stop(); }

void ReadAloud::start(std::string tag, std::vector<ReadingItem> items) {
    stop();
    stop_ = false;
    reading_ = true;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        problem_.clear();
    }
    output_.begin();
    worker_ = std::thread([this, tag = std::move(tag), items = std::move(items)] {
        read_all(tag, items);
        output_.finish();
        reading_ = false;
        if (!stop_ && on_end_) on_end_();
    });
}

void ReadAloud::stop() {
    if (worker_.joinable()) {
        stop_ = true;
        reader_.cancel();  // a synthesis under way ends at its next 100 ms
        output_.drop();    // a play() waiting on the device gives up now
        worker_.join();
    }
    reading_ = false;
}

std::string ReadAloud::problem() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return problem_;
}

void ReadAloud::read_all(const std::string& tag, const std::vector<ReadingItem>& items) {
    const auto fail = [this](std::string why) {
        const std::lock_guard<std::mutex> lock(mutex_);
        problem_ = std::move(why);
    };
    for (std::size_t i = 0; i < items.size() && !stop_; ++i) {
        std::string problem;
        const std::optional<Utterance> u = reader_.read(tag, items[i].key, items[i].text, problem);
        if (stop_) return;  // stopped while it was being synthesised: not a failure
        if (!u) return fail(items[i].key + ": " + problem);
        const std::size_t piece = static_cast<std::size_t>(std::max(1, u->sample_rate / 50));  // 20 ms
        std::size_t next_sentence = 0;
        for (std::size_t at = 0; at < u->samples.size() && !stop_; at += piece) {
            // The sentence that starts by now is the one being heard.
            const double now = static_cast<double>(at) / u->sample_rate;
            std::size_t heard = next_sentence;
            while (heard < u->sentences.size() && u->sentences[heard].at_seconds <= now) ++heard;
            if (heard != next_sentence) {
                next_sentence = heard;
                const std::size_t end = heard < u->sentences.size() ? u->sentences[heard].text_offset : std::string::npos;
                if (on_sentence_) on_sentence_(i, u->sentences[heard - 1].text_offset, end);
            }
            const std::size_t count = std::min(piece, u->samples.size() - at);
            if (!output_.play(u->samples.data() + at, count, u->sample_rate, problem)) {
                if (!stop_) fail("the sound device: " + problem);
                return;
            }
        }
    }
}

}  // namespace kiosk::speech
