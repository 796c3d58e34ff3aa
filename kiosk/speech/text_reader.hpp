#pragma once
// What the kiosk plays for a text: a person's recording when the locale ships one for exactly
// this text (content/audio_clips.hpp), else the speech engine reading it.
#include <filesystem>

#include "speech_engine.hpp"

namespace kiosk::speech {

class TextReader {
public:
    TextReader(SpeechEngine& engine, std::filesystem::path bundle_dir) : engine_(engine), bundle_dir_(std::move(bundle_dir)) {}
    // `key`: the text's key ("question.heart.text"); `shown`: the text as on the screen now.
    std::optional<Utterance> read(const std::string& tag, const std::string& key, const std::string& shown, std::string& problem);
    // From another thread: a read() synthesising gives up soon.
    void cancel() { engine_.cancel(); }

private:
    SpeechEngine& engine_;
    std::filesystem::path bundle_dir_;
};

}  // namespace kiosk::speech
