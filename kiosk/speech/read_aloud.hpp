#pragma once
// Reading a screen aloud, off the UI thread: its texts one after another (a recorded clip or the
// engine, TextReader), played in 20 ms pieces so that a stop takes effect at once, and the
// sentence being heard told as it changes (for the screen's highlight). The UI never waits for
// it, to start or to stop (a device slow to let go holds up only the next reading's thread);
// nothing of it is written to disk.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "text_reader.hpp"

namespace kiosk::speech {

// Where sound goes: a sound device, or a test's recorder.
class AudioOutput {
public:
    virtual ~AudioOutput() = default;
    // Hands `count` samples to the device, returning when it has taken them; false when the
    // device failed (the reading ends, and says why).
    virtual bool play(const std::int16_t* samples, std::size_t count, int sample_rate, std::string& problem) = 0;
    // Called from another thread to end a reading at once: whatever play() waits on gives up,
    // and what the device still holds is not heard.
    virtual void drop() = 0;
    // Before a reading's first play(): a drop() of the last reading is forgotten.
    virtual void begin() {}
    // After a reading's last play(), on the reading thread: the sound plays out (a drop() cuts it
    // short) and the device may be let go.
    virtual void finish() {}
};

struct ReadingItem {
    std::string key;   // "question.heart.text": a recorded clip of it is played first
    std::string text;  // as on the screen now
};

class ReadAloud {
public:
    // Told from the reading thread whenever the sentence heard changes: which item, and the
    // sentence's bytes in that item's text, [begin, end) (end: npos for the rest of the text).
    using SentenceHeard = std::function<void(std::size_t item, std::size_t begin, std::size_t end)>;
    // Told from the reading thread when a reading ends by itself (all read, or a failure), so
    // that the screen can show it has.
    using ReadingEnded = std::function<void()>;

    ReadAloud(TextReader& reader, AudioOutput& output, SentenceHeard on_sentence = {}, ReadingEnded on_end = {});
    ~ReadAloud();
    ReadAloud(const ReadAloud&) = delete;
    ReadAloud& operator=(const ReadAloud&) = delete;

    // Reads `items` in `tag`'s voice, after stopping any reading under way. Returns at once: the
    // new reading's thread waits for the last one to let go of the device, not the caller.
    void start(std::string tag, std::vector<ReadingItem> items);
    // Ends the reading without waiting for its thread: the device drops what it holds at its next
    // 10 ms look, and nothing more of this reading is played or told.
    void stop();
    bool reading() const;
    // Why the last reading ended early ("" when it did not).
    std::string problem() const;

private:
    // One reading's own stop, so that a reading still letting go never takes a newer one's.
    struct Run {
        std::atomic<bool> stop{false};
    };
    void read_all(const Run& run, const std::string& tag, const std::vector<ReadingItem>& items);

    TextReader& reader_;
    AudioOutput& output_;
    SentenceHeard on_sentence_;
    ReadingEnded on_end_;
    std::thread worker_;  // the newest reading's thread; it joins the one before it
    mutable std::mutex mutex_;
    std::shared_ptr<Run> run_;  // the newest reading
    bool reading_ = false;
    std::string problem_;
};

}  // namespace kiosk::speech
