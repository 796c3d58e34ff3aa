#include "new_locale.hpp"

#include <algorithm>
#include <fstream>
#include <vector>

#include "compiled_message.hpp"
#include "content_bundle.hpp"
#include "locale_file.hpp"
#include "locale_tag.hpp"
#include "toml_text.hpp"

namespace kiosk::content {

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// "# en: …" above a key, every line of a multi-line text commented.
std::string english_comment(const std::string& indent, const std::string& english) {
    std::string out = indent + "# en: ";
    for (const char c : english) {
        out += c;
        if (c == '\n') out += indent + "#     ";
    }
    return out + "\n";
}

}  // namespace

NewLocale create_locale_file(const std::filesystem::path& bundle_dir, std::string_view requested) {
    NewLocale made;
    const LanguageTagCheck tag = check_language_tag(requested);
    if (!tag.valid) {
        made.problem = "'" + std::string(requested) + "' is not a language tag ICU knows: " + tag.problem;
        return made;
    }
    const std::string relative = "locales/" + tag.canonical + ".toml";
    std::error_code ec;
    if (tag.canonical == base_locale_tag || std::filesystem::exists(bundle_dir / relative, ec)) {
        made.problem = relative + " exists already; edit it, or export-po it for a translator";
        return made;
    }
    Diagnostics problems;
    const std::optional<LocaleFile> english = read_locale_file(bundle_dir, "locales/" + std::string(base_locale_tag) + ".toml", problems);
    if (!english) {
        made.problem = "locales/en.toml cannot be read: run kiosk-content lint";
        return made;
    }
    const icu::Locale locale = locale_from_tag(tag.canonical);
    const bool rtl = locale.isRightToLeft();
    const std::string name = native_language_name(locale);
    const std::vector<std::string> cardinal = plural_categories(locale, false);
    const std::vector<std::string> ordinal = plural_categories(locale, true);

    // Every English text emptied, with the English above it; edits from the end, so that earlier
    // positions stay valid.
    std::string text = english->text;
    std::vector<std::pair<std::size_t, const LocaleEntry*>> entries;
    for (const auto& [key, entry] : english->entries) entries.emplace_back(offset_of(text, entry.value_at.line, entry.value_at.column), &entry);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [value_begin, entry] : entries) {
        text.replace(value_begin, string_end(text, value_begin) - value_begin, "\"\"");
        const std::size_t line_begin = offset_of(text, entry->key_at.line, 1);
        const std::size_t indent_end = text.find_first_not_of(" \t", line_begin);
        text.insert(line_begin, english_comment(text.substr(line_begin, indent_end - line_begin), entry->text));
    }
    // The English file's own header and [locale] table give way to this language's.
    const std::size_t locale_table = text.find("[locale]");
    const std::size_t after_locale = locale_table == std::string::npos ? 0 : text.find("\n[", locale_table);
    const std::string rest = after_locale == std::string::npos ? std::string() : text.substr(after_locale + 1);
    made.summary = name + " (" + tag.canonical + "), " + (rtl ? "right to left" : "left to right") + "; plurals: " + joined(cardinal) +
                   "; ordinals: " + joined(ordinal);
    std::string header = "# " + name + " (" + tag.canonical + "): a new translation of locales/en.toml, made by kiosk-content new-locale.\n"
                         "# Every text is \"\" until translated: patients see the English text for it, and lint counts it missing.\n"
                         "# Above each key, \"# en:\" is the English text. Keep every {placeholder} exactly as it is.\n"
                         "# {n, plural, …} forms in this language need the cases: " + joined(cardinal) + " (ordinals: " + joined(ordinal) + ").\n"
                         "# A text the same as English on purpose (a name, \"No\") goes in same_as_english below.\n\n"
                         "[locale]\n"
                         "direction = \"" + std::string(rtl ? "rtl" : "ltr") + "\"\n"
                         "status = \"draft\"\n"
                         "notes = \"New translation, not yet reviewed.\"\n"
                         "same_as_english = []\n\n";
    std::ofstream out(bundle_dir / relative, std::ios::binary);
    out << header << rest;
    out.close();
    if (!out) {
        made.problem = "cannot write " + relative;
        return made;
    }
    made.file = relative;
    return made;
}

}  // namespace kiosk::content
