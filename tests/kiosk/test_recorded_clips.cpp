// Recorded clips: a person reading a text wins over synthesis, but only for the very text they
// read; lint names every clip that is unknown, unreadable, undescribed or older than its text.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

#include "espeak_engine.hpp"
#include "speech_engine_fixture.hpp"
#include "kiosk_bundle.hpp"
#include "temp_bundle.hpp"
#include "text_reader.hpp"

namespace {

// A WAV file (16-bit mono) of a 440 Hz tone: nothing eSpeak would make.
std::string tone_wav(int sample_rate, double seconds) {
    const auto frames = static_cast<std::uint32_t>(sample_rate * seconds);
    std::string out;
    const auto put = [&out](std::uint32_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFU));
    };
    out += "RIFF";
    put(36 + frames * 2, 4);
    out += "WAVEfmt ";
    put(16, 4);
    put(1, 2);
    put(1, 2);
    put(static_cast<std::uint32_t>(sample_rate), 4);
    put(static_cast<std::uint32_t>(sample_rate) * 2, 4);
    put(2, 2);
    put(16, 2);
    out += "data";
    put(frames * 2, 4);
    for (std::uint32_t i = 0; i < frames; ++i) {
        const auto s = static_cast<std::int16_t>(8000 * std::sin(2 * 3.14159265 * 440 * i / sample_rate));
        put(static_cast<std::uint16_t>(s), 2);
    }
    return out;
}

std::string spanish_heart_question(const kiosk::test::TempBundle& bundle) {
    const kiosk::screening::KioskBundle loaded = kiosk::screening::load_kiosk_bundle(bundle.dir());
    return loaded.content.bundle.find("es")->messages.at("question.heart.text").format({}).value_or("");
}

}  // namespace

TEST_CASE("a recorded clip is played instead of synthesis, for exactly the text it reads") {
    const kiosk::test::TempBundle bundle = kiosk::test::TempBundle::shipped();
    const std::string shown = spanish_heart_question(bundle);
    REQUIRE_FALSE(shown.empty());
    bundle.write("assets/audio/es/question.heart.text.wav", tone_wav(16000, 0.5));
    bundle.write("assets/audio/es/recorded.toml", "\"question.heart.text\" = \"" + shown + "\"\n");
    kiosk::speech::TextReader reader(kiosk::test::espeak_engine(), bundle.dir());
    std::string problem;
    std::optional<kiosk::speech::Utterance> u = reader.read("es", "question.heart.text", shown, problem);
    REQUIRE(u.has_value());
    CHECK(u->sample_rate == 16000);  // the recording (eSpeak speaks at 22,050 Hz)
    CHECK(u->samples.size() == 8000);

    // The text changed since the recording: the engine reads the new words, never the old clip.
    u = reader.read("es", "question.heart.text", shown + " (nuevo)", problem);
    REQUIRE(u.has_value());
    CHECK(u->sample_rate != 16000);
    // Another language has no clip: synthesis.
    u = reader.read("en", "question.heart.text", "Do you have any of these heart problems?", problem);
    REQUIRE(u.has_value());
    CHECK(u->sample_rate != 16000);
}

TEST_CASE("lint names clips of unknown texts and languages, unreadable clips, clips no one described, and clips older than their text") {
    const kiosk::test::TempBundle bundle = kiosk::test::TempBundle::shipped();
    const std::string shown = spanish_heart_question(bundle);
    bundle.write("assets/audio/es/question.heart.text.wav", tone_wav(16000, 0.5));
    bundle.write("assets/audio/es/question.adult.text.wav", tone_wav(16000, 0.5));
    bundle.write("assets/audio/es/question.hart.text.wav", tone_wav(16000, 0.5));  // a typo in the key
    bundle.write("assets/audio/es/question.kidney.text.wav", "not a sound at all");
    bundle.write("assets/audio/es/recorded.toml", "\"question.heart.text\" = \"" + shown + " (antiguo)\"\n");
    bundle.write("assets/audio/fr/question.heart.text.wav", tone_wav(16000, 0.5));
    const kiosk::screening::KioskBundle loaded = kiosk::screening::load_kiosk_bundle(bundle.dir());
    std::map<std::string, std::string> by_file;
    for (const kiosk::content::Diagnostic& d : loaded.content.diagnostics.items()) {
        if (d.file.starts_with("assets/audio")) by_file[d.file] += (d.severity == kiosk::content::Severity::error ? "error: " : "warning: ") + d.message + "\n";
    }
    INFO([&] {
        std::string all;
        for (const auto& [f, m] : by_file) all += f + ": " + m;
        return all;
    }());
    CHECK(by_file["assets/audio/es/question.hart.text.wav"].find("error: a clip for 'question.hart.text', which is not a text of es") != std::string::npos);
    CHECK(by_file["assets/audio/es/question.kidney.text.wav"].find("error: the clip cannot be read as sound") != std::string::npos);
    CHECK(by_file["assets/audio/es/question.adult.text.wav"].find("warning: no entry in recorded.toml") != std::string::npos);
    CHECK(by_file["assets/audio/es/question.heart.text.wav"].find("warning: the clip is older than its text") != std::string::npos);
    CHECK(by_file["assets/audio/fr"].find("error: clips for 'fr'") != std::string::npos);
}
