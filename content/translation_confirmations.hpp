#pragma once
// Stale-translation tracking. When a translator confirms a text, the English text it was checked
// against is recorded in locales/confirmed/<tag>.toml with who confirmed it and when (written only
// by `kiosk-content confirm`, so a translator's own file and comments are never rewritten). When
// the English text later changes, the translation is stale, and lint shows the English as it was
// and as it is now. Files from before kept only a fingerprint of the English; they still work.
// A spoken form ([spoken] in a locale file, how a text is read aloud) is confirmed the same way,
// as "spoken.KEY", against the text as that language shows it (its `english` field holds that
// text); locales/confirmed/en.toml holds only those of the English file.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "diagnostic.hpp"

namespace kiosk::content {

// 16 hex digits of FNV-1a 64 over the UTF-8 text: enough to notice an edit, not a security measure.
std::string source_fingerprint(std::string_view english_text);

std::string confirmations_path(std::string_view tag);  // "locales/confirmed/es.toml"

struct Confirmation {
    std::string fingerprint;  // of the English text checked against
    std::string english;      // that English text ("" in entries that kept only the fingerprint; for
                              // "spoken.KEY", the text shown in the file's own language)
    std::string by;           // who confirmed ("" in older entries)
    std::string on;           // when, as an ISO date ("" in older entries)
};

// A confirmation of `english`, now, by `by`.
Confirmation confirmation_of(const std::string& english, const std::string& by, const std::string& on);

using Confirmations = std::map<std::string, Confirmation>;  // by key

// A missing file means nothing is confirmed yet (every translation of that locale is stale).
Confirmations read_confirmations(const std::filesystem::path& bundle_dir, std::string_view tag, Diagnostics& diagnostics);

// Writes the whole file atomically (temporary file, then rename). Returns an error text or "".
std::string write_confirmations(const std::filesystem::path& bundle_dir, std::string_view tag,
                                const Confirmations& confirmations);

}  // namespace kiosk::content
