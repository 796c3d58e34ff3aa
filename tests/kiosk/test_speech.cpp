// Speech from eSpeak NG, in memory: every education page and every question (with its answers)
// of every shipped language is read, and each reading must be sound, not silence, of a length a
// listener would expect for its words, with its sentences in reading order.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <thread>

#include "espeak_engine.hpp"
#include "speech_engine_fixture.hpp"
#include "shipped_bundle.hpp"

using kiosk::speech::EspeakEngine;
using kiosk::speech::Utterance;

namespace {

double rms(const Utterance& u) {
    double sum = 0;
    for (const std::int16_t s : u.samples) sum += static_cast<double>(s) * s;
    return u.samples.empty() ? 0 : std::sqrt(sum / static_cast<double>(u.samples.size()));
}

std::size_t characters(const std::string& utf8) {
    std::size_t n = 0;
    for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    return n;
}

// Every page's and every question's texts, as a patient would have them read: "page.what_is" ->
// its title, paragraphs, table cells...; "question.heart" -> the question, its help, its answers.
std::map<std::string, std::string> readings(const std::string& tag) {
    const kiosk::content::LocaleTexts* texts = kiosk::test::shipped_bundle().content.bundle.find(tag);
    REQUIRE(texts != nullptr);
    std::map<std::string, std::string> out;
    for (const auto& [key, message] : texts->messages) {
        if (!key.starts_with("page.") && !key.starts_with("question.")) continue;
        const std::string group = key.substr(0, key.find('.', key.find('.') + 1));
        if (group == "page.common") continue;
        std::vector<kiosk::content::MessageArgument> args;
        for (const std::string& name : message.shape().arguments) args.push_back({name, std::int64_t{60}});
        const std::string text = message.format(args).value_or("");
        if (!text.empty()) out[group] += text + "\n";
    }
    return out;
}

void read_everything(const std::string& tag, double least_per_char, double most_per_char) {
    const std::map<std::string, std::string> all = readings(tag);
    REQUIRE(all.size() >= 20);  // 9 pages and the questions
    for (const auto& [group, text] : all) {
        CAPTURE(group);
        std::string problem;
        const std::optional<Utterance> u = kiosk::test::espeak_engine().speak(text, tag, problem);
        REQUIRE_MESSAGE(u.has_value(), problem);
        CHECK(u->sample_rate > 8000);
        CHECK(rms(*u) > 300);  // sound, not silence
        const double per_char = u->seconds() / static_cast<double>(characters(text));
        CHECK(per_char > least_per_char);  // not cut short
        CHECK(per_char < most_per_char);   // not stuck or stretched
        REQUIRE_FALSE(u->sentences.empty());
        // Read in its own language throughout: eSpeak marks a switch into English "(en)" (the
        // plain Mandarin voice did that for every character's tone number).
        const std::optional<std::string> said = kiosk::test::espeak_engine().phonemes(text, tag);
        REQUIRE(said.has_value());
        if (tag != "en") CHECK_MESSAGE(said->find("(en)") == std::string::npos, *said);
        for (std::size_t i = 1; i < u->sentences.size(); ++i) {
            CHECK(u->sentences[i].text_offset >= u->sentences[i - 1].text_offset);
            CHECK(u->sentences[i].at_seconds >= u->sentences[i - 1].at_seconds);
        }
        CHECK(u->sentences.back().text_offset < text.size());
        CHECK(u->sentences.back().at_seconds < u->seconds());
    }
}

}  // namespace

TEST_CASE("speech: every page and question in English is read, audibly, at a speaking pace") { read_everything("en", 0.02, 0.2); }
TEST_CASE("speech: every page and question in Spanish is read, audibly, at a speaking pace") { read_everything("es", 0.02, 0.2); }
TEST_CASE("speech: every page and question in Arabic is read, audibly, at a speaking pace") { read_everything("ar", 0.02, 0.25); }
// Chinese packs a syllable into each character: fewer characters a second.
TEST_CASE("speech: every page and question in Chinese is read as Mandarin, audibly, at a speaking pace") { read_everything("zh-Hans", 0.08, 0.6); }

TEST_CASE("speech: sentence events follow the text, so the sentence being read can be highlighted") {
    std::string problem;
    const std::string text = "Magnesium is a mineral. Your body needs it. The drip takes an hour.";
    const std::optional<Utterance> u = kiosk::test::espeak_engine().speak(text, "en", problem);
    REQUIRE(u.has_value());
    REQUIRE(u->sentences.size() == 3);
    CHECK(u->sentences[0].text_offset == 0);
    CHECK(text.substr(u->sentences[1].text_offset, 4) == "Your");
    CHECK(text.substr(u->sentences[2].text_offset, 3) == "The");
    CHECK(u->sentences[1].at_seconds > 0.5);
}

TEST_CASE("speech: a language with no voice is refused with a reason, never spoken in another") {
    std::string problem;
    CHECK_FALSE(kiosk::test::espeak_engine().speak("Bonjour.", "fr", problem).has_value());
    CHECK(problem.find("fr") != std::string::npos);
    CHECK(EspeakEngine::voice_for("zh-Hans") == "cmn-latn-pinyin");
    CHECK(EspeakEngine::voice_for("es-419") == "es");
}

TEST_CASE("speech: a synthesis cancelled from another thread gives up with nothing, and the next one reads again") {
    // Every English page at once: long enough that the cancels below land while it is read.
    std::string everything;
    for (const auto& [group, text] : readings("en")) everything += text;
    std::optional<Utterance> result;
    std::string problem;
    std::atomic<bool> finished{false};
    std::thread speaking([&] {
        result = kiosk::test::espeak_engine().speak(everything, "en", problem);
        finished = true;
    });
    while (!finished) {  // cancels until one lands while it synthesises (speak() clears one made before it began)
        kiosk::test::espeak_engine().cancel();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    speaking.join();
    CHECK_FALSE(result.has_value());
    CHECK(problem == "cancelled");
    std::string again;
    const std::optional<Utterance> next = kiosk::test::espeak_engine().speak("The drip takes an hour.", "en", again);
    REQUIRE_MESSAGE(next.has_value(), again);
    CHECK(rms(*next) > 300);
}
