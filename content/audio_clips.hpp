#pragma once
// Recorded clips: a locale may ship a person reading any of its texts, played instead of
// synthesis. assets/audio/<locale>/<key>.wav (any format libsndfile reads: WAV, FLAC, Ogg), and
// beside them recorded.toml saying what each clip says:
//   "question.heart.text" = "Do you have any of these heart problems?"
// so that a clip of a text changed since is found (lint warns) and never played for the new one.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content_bundle.hpp"
#include "diagnostic.hpp"

namespace kiosk::content {

struct DecodedClip {
    int sample_rate = 0;
    std::vector<std::int16_t> samples;  // mono
};

// The clip's sound, mixed to mono. Nothing (with `problem`) when it is not a readable sound file
// within the limits (input_limits.hpp).
std::optional<DecodedClip> decode_clip(const std::filesystem::path& file, std::string& problem);

// The clip to play for `key` of `tag` reading `shown` now: its file, when there is one, it can be
// read, and recorded.toml says it says exactly that.
std::optional<std::filesystem::path> clip_for(const std::filesystem::path& bundle_dir, const std::string& tag, const std::string& key,
                                              const std::string& shown);

// Lint: clips of locales or texts the bundle does not have, clips that cannot be read, clips with
// no recorded text, and clips recorded for a text that has changed since.
void check_audio_clips(const std::filesystem::path& bundle_dir, const ContentBundle& bundle, Diagnostics& diagnostics);

}  // namespace kiosk::content
