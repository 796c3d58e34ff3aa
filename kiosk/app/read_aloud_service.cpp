#include "read_aloud_service.hpp"

#include <atomic>

#include "espeak_engine.hpp"
#include "system_log.hpp"

namespace kiosk::app {

namespace {

// eSpeak opened by the first reading that needs it, on the reading thread: loading its data is
// work a kiosk that never reads aloud should not do at start, nor at rest.
class EspeakOnFirstUse final : public speech::SpeechEngine {
public:
    std::optional<speech::Utterance> speak(std::string_view utf8, std::string_view locale, std::string& problem) override {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (!engine_ && open_problem_.empty()) {
                engine_ = speech::EspeakEngine::open(open_problem_);
                if (!engine_ && open_problem_.empty()) open_problem_ = "eSpeak NG could not be started";
                opened_ = engine_.get();
            }
            if (!engine_) {
                problem = open_problem_;
                return std::nullopt;
            }
        }
        return engine_->speak(utf8, locale, problem);
    }
    // From the UI thread: never waits, not even for eSpeak loading (a stop then ends the reading
    // once it has loaded, before anything is played).
    void cancel() override {
        if (speech::EspeakEngine* engine = opened_.load()) engine->cancel();
    }
    bool speaks(std::string_view locale) const override { return speech::EspeakEngine::has_voice(locale); }

private:
    std::mutex mutex_;  // the reading threads' (one at a time reads, but a new one may start as the last ends)
    std::unique_ptr<speech::EspeakEngine> engine_;
    std::atomic<speech::EspeakEngine*> opened_{nullptr};
    std::string open_problem_;
};

}  // namespace

ReadAloudService::ReadAloudService(std::unique_ptr<speech::AudioOutput> output, std::filesystem::path bundle, std::function<void()> wake)
    : engine_(std::make_unique<EspeakOnFirstUse>()), output_(std::move(output)), wake_(std::move(wake)) {
    use_bundle(std::move(bundle));
}

ReadAloudService::~ReadAloudService() { stop(); }

void ReadAloudService::use_bundle(std::filesystem::path bundle) {
    reading_.reset();  // stops a reading under way before the reader it uses goes
    reader_ = std::make_unique<speech::TextReader>(*engine_, std::move(bundle));
    reading_ = std::make_unique<speech::ReadAloud>(
        *reader_, *output_, [this](std::size_t item, std::size_t begin, std::size_t end) { heard(item, begin, end); },
        [this] { wake_(); });
}

void ReadAloudService::heard(std::size_t item, std::size_t begin, std::size_t end) {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        item_ = item;
        begin_ = begin;
        end_ = end;
        heard_any_ = true;
    }
    wake_();
}

void ReadAloudService::start(const std::string& tag, std::vector<ReadText> items) {
    stop();
    std::vector<speech::ReadingItem> said;
    for (const ReadText& t : items) said.push_back({t.key, t.spoken});
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        items_ = std::move(items);
        heard_any_ = false;
    }
    problem_logged_ = false;
    reading_tag_ = tag;
    reading_->start(tag, std::move(said));
}

void ReadAloudService::stop() {
    if (reading_) reading_->stop();
    const std::lock_guard<std::mutex> lock(mutex_);
    // The review's texts hold the patient's answers: they go with the reading.
    items_.clear();
    heard_any_ = false;
}

ui::ReadAloudView ReadAloudService::view(const std::string& tag) {
    ui::ReadAloudView v;
    if (!problem_logged_ && !reading_->reading()) {
        problem_logged_ = true;
        // The reason names a text's key or the device, never the words read.
        if (const std::string problem = reading_->problem(); !problem.empty()) {
            const bool device = problem.starts_with("the sound device");
            if (device) device_failed_ = true;
            else failed_voices_.insert(reading_tag_);
            system_log(LogLevel::warning, "speech",
                       "read aloud: " + problem + (device ? "; the Read aloud button is hidden" : "; the Read aloud button is hidden for " + reading_tag_));
        }
    }
    if (!engine_->speaks(tag) && voiceless_logged_.insert(tag).second) {
        system_log(LogLevel::notice, "speech", "read aloud: no voice for " + tag + "; no Read aloud button in that language");
    }
    v.available = available(tag);
    v.reading = reading_->reading();
    if (!v.reading) return v;
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!heard_any_ || item_ >= items_.size()) return v;
    const ReadText& t = items_[item_];
    v.heard = t.shown;
    // Sentence marks count in the words said: where those differ from the words shown (a spoken
    // form), the whole text is marked.
    if (t.spoken == t.shown) {
        v.sentence_begin = begin_;
        v.sentence_end = end_;
    }
    return v;
}

}  // namespace kiosk::app
