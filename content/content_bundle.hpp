#pragma once
// The whole content bundle, loaded and cross-checked: the structure, every locale's compiled texts,
// and every problem found. This is what both `kiosk-content lint` and the kiosk load, so that what
// the linter accepts is exactly what patients will see.
//
// Bundle layout (docs/CONTENT.md explains it for content editors):
//   structure/pages.toml       education pages: order, blocks, tables, images (keys only)
//   structure/interface.toml   texts the kiosk's screens use, with the values they are given
//   locales/<tag>.toml         one file per language: every word, ICU MessageFormat
//   locales/confirmed/<tag>.toml   fingerprints of the English each translation was checked against
//   assets/                    images
#include <filesystem>
#include <span>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/locid.h>

#include "bundle_structure.hpp"
#include "compiled_message.hpp"
#include "diagnostic.hpp"
#include "locale_file.hpp"

namespace kiosk::content {

inline constexpr std::string_view base_locale_tag = "en";

struct LocaleTexts {
    std::string tag;            // canonical BCP-47
    icu::Locale locale;
    std::string native_name;    // for the language picker: "Español"
    std::string relative_path;  // "locales/es.toml"
    TextDirection direction = TextDirection::left_to_right;
    ReviewStatus status = ReviewStatus::draft;
    std::string reviewer;
    std::string reviewed_on;
    // Only texts that compiled without a problem; a broken text falls back like a missing one.
    std::unordered_map<std::string, CompiledMessage> messages;
    // How a text is read aloud where the locale says so ([spoken]), by the text's key: only those
    // confirmed against the text as it is now; the others, written without error, are not read
    // until they are (kiosk-content confirm TAG spoken.KEY).
    std::unordered_map<std::string, CompiledMessage> spoken;
    std::set<std::string> unconfirmed_spoken;
    std::set<std::string> stale_keys;  // translated against an English text that has changed since
};

struct LocaleSummary {
    std::string tag;
    std::string native_name;
    ReviewStatus status = ReviewStatus::draft;
    TextDirection direction = TextDirection::left_to_right;
    int total = 0;       // texts in the base locale
    int translated = 0;  // present and usable in this locale
    int missing = 0;     // absent or broken: patients see the fallback
    int stale = 0;       // present but the English changed since it was confirmed
};

// A locale file that could not be read at all (a TOML syntax error, say): its language is not
// offered, and every report says so with the first error's place, never a silent absence.
struct UnreadableLocale {
    std::string tag;    // from the file name: locales/es.toml is "es"
    std::string file;   // "locales/es.toml"
    Diagnostic error;   // the first error, with its line and column
};

struct ContentBundle {
    std::filesystem::path directory;
    BundleStructure structure;
    std::vector<LocaleTexts> locales;  // the base locale (en) first, then by tag
    std::vector<LocaleSummary> summaries;
    std::vector<UnreadableLocale> unreadable;

    const LocaleTexts* find(std::string_view tag) const;
    const LocaleTexts& base() const { return locales.front(); }
};

struct BundleLoad {
    ContentBundle bundle;
    Diagnostics diagnostics;
    // The kiosk can show every page and screen: the base locale loaded and every text the
    // structure names exists there. Errors in a translation alone leave the bundle usable (those
    // texts fall back to English) but still fail the linter.
    bool usable = false;
};

struct BundleLoadOptions {
    // Texts named by other parts of the bundle (the questionnaire and rules, read by the screening
    // library); they are checked against English like the pages' texts.
    std::span<const TextRef> more_text_refs;
    // Off when part of the bundle could not be read at all: every text it names would otherwise be
    // reported as unused, burying the one real error.
    bool report_unused_texts = true;
};

BundleLoad load_bundle(const std::filesystem::path& bundle_dir, const BundleLoadOptions& options = {});

// The text a spoken form of `key` in `locale` is confirmed against: the text as that language
// shows it, its own or the English (`english`, the base locale) it falls back to. `key` must be a
// text of the base locale.
const std::string& text_a_spoken_form_reads(const LocaleTexts& locale, const LocaleTexts& english, const std::string& key);

}  // namespace kiosk::content
