#pragma once
// One translation file, locales/<tag>.toml, as a content editor wrote it: the [locale] header
// (direction, review status) and every text, flattened to dotted keys ("page.what_is.title").
// Reading checks only what one file can know; comparing with English is the bundle's job.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "diagnostic.hpp"

namespace kiosk::content {

enum class TextDirection { left_to_right, right_to_left };
enum class ReviewStatus { draft, reviewed };

struct LocaleEntry {
    std::string text;
    SourcePosition key_at;    // where the key is written (for "unknown key")
    SourcePosition value_at;  // the opening quote of the text (to place MessageFormat errors)
};

struct LocaleFile {
    std::string tag;            // canonical BCP-47 tag, from the file name
    std::string relative_path;  // "locales/es.toml"
    std::string text;           // raw file text, to map positions inside strings
    TextDirection direction = TextDirection::left_to_right;
    SourcePosition direction_at;
    ReviewStatus status = ReviewStatus::draft;
    std::string reviewer;       // set when reviewed
    std::string reviewed_on;    // ISO date, set when reviewed
    std::map<std::string, LocaleEntry> entries;  // sorted, for stable reports ("" : not translated yet)
    // [spoken]: how a text is read aloud when that differs from how it is written (fully vowelled
    // Arabic, "I.V." for "IV"), by the key of the text shown: spoken."page.what_is.dose" -> entry.
    std::map<std::string, LocaleEntry> spoken;
    std::set<std::string> same_as_english;       // [locale] same_as_english: identical on purpose
};

// How a spoken form is named where it stands beside texts: in the file, in PO files and in
// confirmations ("spoken.page.what_is.dose").
inline constexpr std::string_view spoken_prefix = "spoken.";

// Reads and checks one locale file. Nothing when the file cannot be used at all (bad tag, TOML
// syntax); otherwise the file with every problem reported.
std::optional<LocaleFile> read_locale_file(const std::filesystem::path& bundle_dir, const std::string& relative_path,
                                           Diagnostics& diagnostics);

}  // namespace kiosk::content
