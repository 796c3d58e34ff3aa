// kiosk-speak: a text of the bundle read as the kiosk reads it (its recorded clip, else the speech
// engine) into a WAV file, for content editors and translators to listen to (docs/SPEECH.md).
//   kiosk-speak [--bundle DIR] --locale TAG KEY -o FILE.wav
// Prints the duration and where each sentence starts. Exit 0 written, 1 failed, 2 usage.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bundle_folder.hpp"
#include "espeak_engine.hpp"
#include "kiosk_bundle.hpp"
#include "text_reader.hpp"

namespace {

int usage(const std::string& problem) {
    std::cerr << "kiosk-speak: " << problem << "\nusage: kiosk-speak [--bundle DIR] --locale TAG KEY -o FILE.wav\n";
    return 2;
}

void put16(std::ofstream& out, std::uint16_t v) {
    const char b[2] = {static_cast<char>(v & 0xFFU), static_cast<char>(v >> 8U)};
    out.write(b, 2);
}
void put32(std::ofstream& out, std::uint32_t v) {
    const char b[4] = {static_cast<char>(v & 0xFFU), static_cast<char>((v >> 8U) & 0xFFU), static_cast<char>((v >> 16U) & 0xFFU),
                       static_cast<char>(v >> 24U)};
    out.write(b, 4);
}

// RIFF WAVE, 16-bit PCM, mono.
bool write_wav(const std::string& path, const kiosk::speech::Utterance& u) {
    std::ofstream out(path, std::ios::binary);
    const auto bytes = static_cast<std::uint32_t>(u.samples.size() * 2);
    out.write("RIFF", 4);
    put32(out, 36 + bytes);
    out.write("WAVEfmt ", 8);
    put32(out, 16);
    put16(out, 1);
    put16(out, 1);
    put32(out, static_cast<std::uint32_t>(u.sample_rate));
    put32(out, static_cast<std::uint32_t>(u.sample_rate) * 2);
    put16(out, 2);
    put16(out, 16);
    out.write("data", 4);
    put32(out, bytes);
    for (const std::int16_t s : u.samples) put16(out, static_cast<std::uint16_t>(s));
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    std::optional<std::string> bundle_dir;
    std::string locale;
    std::string key;
    std::string output;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::optional<std::string> { return i + 1 < argc ? std::optional<std::string>(argv[++i]) : std::nullopt; };
        if (a == "--bundle") bundle_dir = value();
        else if (a == "--locale") locale = value().value_or("");
        else if (a == "-o") output = value().value_or("");
        else if (a.starts_with("-")) return usage("unknown option " + a);
        else key = a;
    }
    if (locale.empty() || key.empty() || output.empty()) return usage("give --locale, a text's key and -o FILE.wav");
    const auto folder = kiosk::content::bundle_folder(bundle_dir);
    if (const auto* problem = std::get_if<std::string>(&folder)) return usage(*problem);
    const kiosk::screening::KioskBundle bundle = kiosk::screening::load_kiosk_bundle(std::get<std::filesystem::path>(folder));
    const kiosk::content::LocaleTexts* texts = bundle.content.bundle.find(locale);
    if (texts == nullptr) return usage("the bundle has no locale " + locale);
    const auto message = texts->messages.find(key);
    if (message == texts->messages.end()) return usage(locale + " has no text '" + key + "'");
    std::vector<kiosk::content::MessageArgument> args;
    for (const std::string& name : message->second.shape().arguments) args.push_back({name, std::int64_t{1}});
    const std::string text = message->second.format(args).value_or("");

    std::string problem;
    auto engine = kiosk::speech::EspeakEngine::open(problem);
    if (!engine) {
        std::cerr << "kiosk-speak: " << problem << "\n";
        return 1;
    }
    // As the kiosk will: a recorded clip of exactly this text when the bundle has one.
    kiosk::speech::TextReader reader(*engine, std::get<std::filesystem::path>(folder));
    const std::optional<kiosk::speech::Utterance> u = reader.read(locale, key, text, problem);
    if (!u) {
        std::cerr << "kiosk-speak: " << problem << "\n";
        return 1;
    }
    if (!write_wav(output, *u)) {
        std::cerr << "kiosk-speak: cannot write " << output << "\n";
        return 1;
    }
    std::printf("%s: %.2f s at %d Hz, %zu sentence(s)\n", output.c_str(), u->seconds(), u->sample_rate, u->sentences.size());
    for (const kiosk::speech::SpokenSentence& s : u->sentences) {
        std::printf("  %6.2f s  %s\n", s.at_seconds, text.substr(s.text_offset, std::min<std::size_t>(60, text.size() - s.text_offset)).c_str());
    }
    return 0;
}
