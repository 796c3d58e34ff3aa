#pragma once
// Speech, behind an interface small enough that a better engine can replace the one we ship: a
// text in a language in, the sound (16-bit mono samples) and where each sentence starts out.
// Synthesis happens in memory only: nothing a patient hears is ever written to disk.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::speech {

// A sentence as the engine read it: its first byte in the text, and when it starts in the sound.
struct SpokenSentence {
    std::size_t text_offset = 0;  // bytes into the UTF-8 text
    double at_seconds = 0;
};

struct Utterance {
    int sample_rate = 0;
    std::vector<std::int16_t> samples;
    std::vector<SpokenSentence> sentences;  // in reading order
    double seconds() const { return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0; }
};

class SpeechEngine {
public:
    virtual ~SpeechEngine() = default;
    // Nothing (with `problem` set) when this engine has no voice for `locale` or fails.
    virtual std::optional<Utterance> speak(std::string_view utf8, std::string_view locale, std::string& problem) = 0;
    // From another thread: the speak() under way gives up soon, with nothing.
    virtual void cancel() = 0;
    // Whether this engine has a voice for `locale` at all (without speaking): a language it has
    // none for gets no Read aloud button.
    virtual bool speaks(std::string_view locale) const = 0;
};

}  // namespace kiosk::speech
