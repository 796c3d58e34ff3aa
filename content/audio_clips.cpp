#include "audio_clips.hpp"

#include <sndfile.h>

#include "input_limits.hpp"
#include "toml_file.hpp"

namespace kiosk::content {

namespace {

constexpr const char* audio_folder = "assets/audio";
constexpr const char* manifest_name = "recorded.toml";

// The text as a patient reads it on screen, for comparing with what a clip says (values of
// arguments do not matter here: a clip of a text with a number is recorded for the number shown).
std::string shown_text(const CompiledMessage& message) {
    std::vector<MessageArgument> args;
    for (const std::string& name : message.shape().arguments) args.push_back({name, std::int64_t{1}});
    return message.format(args).value_or("");
}

// What recorded.toml of `folder` (bundle-relative, "assets/audio/es") says each clip reads;
// its problems go to `d`. Empty when there is no manifest.
std::map<std::string, std::string> read_recorded(const std::filesystem::path& bundle_dir, const std::string& folder, Diagnostics& d) {
    std::map<std::string, std::string> recorded;
    std::error_code ec;
    if (!std::filesystem::exists(bundle_dir / folder / manifest_name, ec)) return recorded;
    const std::optional<TomlFile> manifest = read_toml_file(bundle_dir, folder + "/" + manifest_name, d);
    if (!manifest) return recorded;
    for (const auto& [key, value] : manifest->root) {
        if (const auto text = value.value<std::string>()) recorded[std::string(key.str())] = *text;
        else d.error(manifest->relative_path, position_of(key), "'" + std::string(key.str()) + "' must be the text the clip says, in quotes");
    }
    return recorded;
}

}  // namespace

std::optional<DecodedClip> decode_clip(const std::filesystem::path& file, std::string& problem) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        problem = "is not a regular file";
        return std::nullopt;
    }
    if (std::filesystem::file_size(file, ec) > limits::audio_clip_bytes) {
        problem = "is larger than " + std::to_string(limits::audio_clip_bytes / (1024 * 1024)) + " MB";
        return std::nullopt;
    }
    SF_INFO info{};
    SNDFILE* sound = sf_open(file.c_str(), SFM_READ, &info);
    if (sound == nullptr) {
        problem = std::string("cannot be read as sound: ") + sf_strerror(nullptr);
        return std::nullopt;
    }
    const double seconds = info.samplerate > 0 ? static_cast<double>(info.frames) / info.samplerate : 0;
    if (info.channels < 1 || info.channels > 8 || info.samplerate < 8000 || info.frames <= 0 || seconds > limits::audio_clip_seconds) {
        sf_close(sound);
        problem = "is empty or not a clip (" + std::to_string(info.channels) + " channels, " + std::to_string(info.samplerate) + " Hz, " +
                  std::to_string(static_cast<int>(seconds)) + " s; at most " + std::to_string(static_cast<int>(limits::audio_clip_seconds)) + " s)";
        return std::nullopt;
    }
    std::vector<short> interleaved(static_cast<std::size_t>(info.frames) * static_cast<std::size_t>(info.channels));
    const sf_count_t read = sf_readf_short(sound, interleaved.data(), info.frames);
    sf_close(sound);
    DecodedClip clip;
    clip.sample_rate = info.samplerate;
    clip.samples.reserve(static_cast<std::size_t>(read));
    for (sf_count_t f = 0; f < read; ++f) {
        int sum = 0;
        for (int c = 0; c < info.channels; ++c) sum += interleaved[static_cast<std::size_t>(f * info.channels + c)];
        clip.samples.push_back(static_cast<std::int16_t>(sum / info.channels));
    }
    return clip;
}

std::optional<std::filesystem::path> clip_for(const std::filesystem::path& bundle_dir, const std::string& tag, const std::string& key,
                                              const std::string& shown) {
    const std::string relative = std::string(audio_folder) + "/" + tag;
    const std::filesystem::path folder = bundle_dir / relative;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) return std::nullopt;
    Diagnostics ignored;  // lint reports the manifest's problems; here a bad one plays no clip
    const std::map<std::string, std::string> said = read_recorded(bundle_dir, relative, ignored);
    const auto it = said.find(key);
    if (it == said.end() || it->second != shown) return std::nullopt;  // stale or unknown: synthesis reads the text as it is
    for (const char* extension : {".wav", ".flac", ".ogg"}) {
        const std::filesystem::path file = folder / (key + extension);
        if (std::filesystem::is_regular_file(file, ec)) return file;
    }
    return std::nullopt;
}

void check_audio_clips(const std::filesystem::path& bundle_dir, const ContentBundle& bundle, Diagnostics& d) {
    std::error_code ec;
    const std::filesystem::path root = bundle_dir / audio_folder;
    if (!std::filesystem::is_directory(root, ec)) return;
    for (const auto& locale_entry : std::filesystem::directory_iterator(root, ec)) {
        if (!locale_entry.is_directory(ec)) continue;
        const std::string tag = locale_entry.path().filename().string();
        const std::string folder = std::string(audio_folder) + "/" + tag;
        const LocaleTexts* texts = bundle.find(tag);
        if (texts == nullptr) {
            d.error(folder, {}, "clips for '" + tag + "', a language this bundle does not have (locales/" + tag + ".toml)");
            continue;
        }
        const std::map<std::string, std::string> recorded = read_recorded(bundle_dir, folder, d);
        for (const auto& clip_entry : std::filesystem::directory_iterator(locale_entry.path(), ec)) {
            const std::filesystem::path& file = clip_entry.path();
            if (file.filename() == manifest_name) continue;
            const std::string relative = folder + "/" + file.filename().string();
            const std::string key = file.stem().string();
            const auto message = texts->messages.find(key);
            if (message == texts->messages.end()) {
                d.error(relative, {}, "a clip for '" + key + "', which is not a text of " + tag + " (the file is named after the text's key)");
                continue;
            }
            std::string problem;
            if (!decode_clip(file, problem)) {
                d.error(relative, {}, "the clip " + problem);
                continue;
            }
            const auto said = recorded.find(key);
            if (said == recorded.end()) {
                d.warning(relative, {}, "no entry in " + std::string(manifest_name) + " says what this clip says: it is not played (add \"" + key + "\" = \"the words\")");
            } else if (said->second != shown_text(message->second)) {
                d.warning(relative, {}, "the clip is older than its text: it says \u201c" + said->second + "\u201d; the text now reads \u201c" +
                                            shown_text(message->second) + "\u201d. It is not played until it is recorded again");
            }
        }
    }
}

}  // namespace kiosk::content
