#pragma once
// Read aloud in the kiosk program: the sound device found at start (none: no button anywhere,
// and the log says why), eSpeak opened on the first reading (a kiosk no one asks to read never
// pays for it, neither at start nor at rest), readings off the UI thread, and what is heard handed
// to the screens for their highlight. Nothing a patient hears is written anywhere.
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "read_aloud.hpp"
#include "screen_context.hpp"
#include "screen_reading.hpp"

namespace kiosk::app {

class ReadAloudService {
public:
    // `output`: the sound device. `wake`: called from the reading thread when the screen should
    // change (the sentence heard moved, the reading ended).
    ReadAloudService(std::unique_ptr<speech::AudioOutput> output, std::filesystem::path bundle, std::function<void()> wake);
    ~ReadAloudService();
    ReadAloudService(const ReadAloudService&) = delete;
    ReadAloudService& operator=(const ReadAloudService&) = delete;

    // Reads `items` in `tag`'s voice (a reading under way stops first).
    void start(const std::string& tag, std::vector<ReadText> items);
    // Ends the reading: when it returns, nothing more is heard, and the texts are forgotten.
    void stop();
    bool reading() const { return reading_ && reading_->reading(); }
    // Whether `tag`'s voice is offered (no failure of it or of the device so far).
    bool available(const std::string& tag) const { return !device_failed_ && !failed_voices_.contains(tag) && engine_->speaks(tag); }
    // A new release of the content: its recorded clips from now on (a reading under way stops).
    void use_bundle(std::filesystem::path bundle);
    // For the screens of `tag`'s language, once a frame. A reading that failed is logged here
    // once, and its voice (or, for the device, every voice) is offered no more.
    ui::ReadAloudView view(const std::string& tag);

private:
    void heard(std::size_t item, std::size_t begin, std::size_t end);

    std::unique_ptr<speech::SpeechEngine> engine_;
    std::unique_ptr<speech::AudioOutput> output_;
    std::unique_ptr<speech::TextReader> reader_;
    std::unique_ptr<speech::ReadAloud> reading_;
    std::function<void()> wake_;
    bool device_failed_ = false;
    std::set<std::string> failed_voices_;
    std::set<std::string> voiceless_logged_;  // languages the engine has no voice for, logged once
    bool problem_logged_ = true;  // of the reading under way: not yet, once started
    std::string reading_tag_;     // its language

    mutable std::mutex mutex_;  // what is heard, written by the reading thread
    std::vector<ReadText> items_;
    std::size_t item_ = 0;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    bool heard_any_ = false;
};

}  // namespace kiosk::app
