#pragma once
// BCP-47 language tags as the bundle uses them (file names like "es", "zh-Hans", "es-MX"), checked
// and related to each other with ICU: validity, script, parent chain, native display name.
#include <string>
#include <string_view>
#include <vector>

#include <unicode/locid.h>

namespace kiosk::content {

struct LanguageTagCheck {
    bool valid = false;
    std::string canonical;  // ICU's spelling of the tag ("zh-Hans"); set when valid
    std::string problem;    // plain words when not valid
};

// Accepts a well-formed tag whose language ICU knows, written in canonical case.
LanguageTagCheck check_language_tag(std::string_view tag);

icu::Locale locale_from_tag(std::string_view tag);

// The script a tag implies once its likely subtags are added ("zh" -> "Hans", "zh-TW" -> "Hant").
std::string likely_script(const icu::Locale& locale);

// Parents by truncation (es-MX -> es; zh-Hans-SG -> zh-Hans -> zh), stopping before the first
// parent whose script differs from the tag's own, so that text never falls back across scripts.
std::vector<std::string> same_script_parents(std::string_view tag);

// Whether the language is normally written right to left (used only to warn about a declaration
// that looks wrong: the bundle's declared direction is what the kiosk uses).
bool language_is_right_to_left(const icu::Locale& locale);

// The language's name in itself, capitalised for a menu: "Español", "العربية", "简体中文".
std::string native_language_name(const icu::Locale& locale);

std::string to_utf8(const icu::UnicodeString& s);

}  // namespace kiosk::content
