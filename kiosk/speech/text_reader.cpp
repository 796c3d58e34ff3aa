#include "text_reader.hpp"

#include "audio_clips.hpp"

namespace kiosk::speech {

std::optional<Utterance> TextReader::read(const std::string& tag, const std::string& key, const std::string& shown, std::string& problem) {
    if (const std::optional<std::filesystem::path> file = content::clip_for(bundle_dir_, tag, key, shown)) {
        std::string clip_problem;
        if (std::optional<content::DecodedClip> clip = content::decode_clip(*file, clip_problem)) {
            Utterance u;
            u.sample_rate = clip->sample_rate;
            u.samples = std::move(clip->samples);
            u.sentences.push_back({0, 0});  // a recording has no sentence marks: the whole text at once
            return u;
        }
        // A clip lint would have reported: the engine reads the text instead of silence.
    }
    return engine_.speak(shown, tag, problem);
}

}  // namespace kiosk::speech
