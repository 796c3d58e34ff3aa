#pragma once
// Speech with eSpeak NG (Debian's libespeak-ng and espeak-ng-data): offline, in-process, every
// shipped language (Mandarin for zh-Hans). eSpeak keeps one global synthesizer, so one engine
// serves the whole program and its calls take turns.
#include <memory>

#include "speech_engine.hpp"

namespace kiosk::speech {

class EspeakEngine final : public SpeechEngine {
public:
    // Nothing (with `problem`) when eSpeak or its data cannot be loaded.
    static std::unique_ptr<EspeakEngine> open(std::string& problem);
    std::optional<Utterance> speak(std::string_view utf8, std::string_view locale, std::string& problem) override;
    // eSpeak hands the sound over 100 ms at a time; the next hand-over ends the synthesis.
    void cancel() override;
    bool speaks(std::string_view locale) const override { return has_voice(locale); }
    // Without an engine: whether eSpeak has a voice for `locale` (before it is loaded).
    static bool has_voice(std::string_view locale) { return !voice_for(locale).empty(); }
    // eSpeak's voice for a locale tag ("zh-Hans" -> "cmn-latn-pinyin"); empty when it has none.
    static std::string voice_for(std::string_view locale);
    // What eSpeak would say, in IPA, clause by clause; "(en)" marks a switch into English. For
    // tests and for editors checking a word (docs/SPEECH.md).
    std::optional<std::string> phonemes(std::string_view utf8, std::string_view locale);

private:
    explicit EspeakEngine(int sample_rate) : sample_rate_(sample_rate) {}
    int sample_rate_ = 0;
};

}  // namespace kiosk::speech
