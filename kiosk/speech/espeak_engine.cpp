#include "espeak_engine.hpp"

#include <atomic>
#include <mutex>

#include <espeak-ng/speak_lib.h>

namespace kiosk::speech {

namespace {

// What one synthesis collects from eSpeak's callback (passed through its user_data).
struct Collecting {
    Utterance* out = nullptr;
    std::vector<std::size_t> char_to_byte;  // eSpeak counts characters (1-based); we count bytes
};

// The synthesis in progress. eSpeak has one global synthesizer, and EspeakEngine's mutex lets one
// call at a time use it, so one pointer is enough.
Collecting* current = nullptr;
std::mutex espeak_mutex;  // eSpeak's one synthesizer: one call at a time, whichever engine asks
std::atomic<bool> cancelled{false};  // set from another thread; read by the callback

int on_synth(short* wav, int count, espeak_EVENT* events) {
    if (cancelled) return 1;  // eSpeak stops synthesising
    Collecting* c = current;
    if (c == nullptr) return 0;
    if (wav != nullptr && count > 0) c->out->samples.insert(c->out->samples.end(), wav, wav + count);
    for (espeak_EVENT* e = events; e != nullptr && e->type != espeakEVENT_LIST_TERMINATED; ++e) {
        if (e->type == espeakEVENT_SENTENCE) {
            const std::size_t ch = e->text_position > 0 ? static_cast<std::size_t>(e->text_position - 1) : 0;
            const std::size_t byte = ch < c->char_to_byte.size() ? c->char_to_byte[ch] : c->char_to_byte.back();
            c->out->sentences.push_back({byte, e->audio_position / 1000.0});
        }
    }
    return 0;  // go on
}

// The byte where each character (code point) of a UTF-8 text starts, and one past the end.
std::vector<std::size_t> character_starts(std::string_view utf8) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0U) != 0x80U) starts.push_back(i);
    }
    starts.push_back(utf8.size());
    return starts;
}

}  // namespace

std::unique_ptr<EspeakEngine> EspeakEngine::open(std::string& problem) {
    // Synchronous: espeak_Synth returns once the whole text is in memory; buffers of 100 ms.
    const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        problem = "eSpeak NG could not start (is espeak-ng-data installed?)";
        return nullptr;
    }
    espeak_SetSynthCallback(on_synth);
    return std::unique_ptr<EspeakEngine>(new EspeakEngine(rate));
}

std::string EspeakEngine::voice_for(std::string_view locale) {
    const std::string_view language = locale.substr(0, locale.find_first_of("-_"));
    // Mandarin from Chinese characters: Debian's espeak-ng-data reads them right only with this
    // voice. Its plain "cmn" voice turns each character into pinyin with a tone number and reads
    // the number in English ("mei three"); docs/SPEECH.md.
    if (language == "zh") return "cmn-latn-pinyin";
    if (language == "en" || language == "es" || language == "ar") return std::string(language);
    return {};
}

void EspeakEngine::cancel() { cancelled = true; }

std::optional<std::string> EspeakEngine::phonemes(std::string_view utf8, std::string_view locale) {
    const std::string voice = voice_for(locale);
    if (voice.empty()) return std::nullopt;
    const std::lock_guard<std::mutex> lock(espeak_mutex);
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) return std::nullopt;
    const std::string text(utf8);
    const void* next = text.c_str();
    std::string out;
    constexpr int ipa = 0x02;
    while (next != nullptr) {
        const char* clause = espeak_TextToPhonemes(&next, espeakCHARS_UTF8, ipa);
        if (clause != nullptr) out += std::string(clause) + " ";
    }
    return out;
}

std::optional<Utterance> EspeakEngine::speak(std::string_view utf8, std::string_view locale, std::string& problem) {
    const std::string voice = voice_for(locale);
    if (voice.empty()) {
        problem = "no eSpeak voice for " + std::string(locale);
        return std::nullopt;
    }
    const std::lock_guard<std::mutex> lock(espeak_mutex);
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) {
        problem = "eSpeak has no voice '" + voice + "' (espeak-ng-data)";
        return std::nullopt;
    }
    Utterance out;
    out.sample_rate = sample_rate_;
    Collecting collecting{&out, character_starts(utf8)};
    const std::string text(utf8);  // eSpeak reads a terminated string
    current = &collecting;
    cancelled = false;
    const espeak_ERROR e = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    const espeak_ERROR done = espeak_Synchronize();
    current = nullptr;
    if (cancelled.exchange(false)) {
        problem = "cancelled";
        return std::nullopt;
    }
    if (e != EE_OK || done != EE_OK) {
        problem = "eSpeak could not read the text (" + std::to_string(static_cast<int>(e)) + ")";
        return std::nullopt;
    }
    return out;
}

}  // namespace kiosk::speech
