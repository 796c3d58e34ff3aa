#pragma once
// Stale-translation tracking. When a translator confirms a text, the fingerprint of the English
// text it was translated from is recorded in locales/confirmed/<tag>.toml (written only by
// `kiosk-content confirm`, so a translator's own file and comments are never rewritten). When the
// English text later changes, its fingerprint no longer matches and the translation is stale.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "diagnostic.hpp"

namespace kiosk::content {

// 16 hex digits of FNV-1a 64 over the UTF-8 text: enough to notice an edit, not a security measure.
std::string source_fingerprint(std::string_view english_text);

std::string confirmations_path(std::string_view tag);  // "locales/confirmed/es.toml"

using Confirmations = std::map<std::string, std::string>;  // key -> fingerprint of the English text

// A missing file means nothing is confirmed yet (every translation of that locale is stale).
Confirmations read_confirmations(const std::filesystem::path& bundle_dir, std::string_view tag, Diagnostics& diagnostics);

// Writes the whole file atomically (temporary file, then rename). Returns an error text or "".
std::string write_confirmations(const std::filesystem::path& bundle_dir, std::string_view tag,
                                const Confirmations& confirmations);

}  // namespace kiosk::content
