#include "locale_file.hpp"

#include "input_limits.hpp"
#include "locale_tag.hpp"
#include "toml_file.hpp"

namespace kiosk::content {

namespace {

// Keys are lower case words joined by '_' so that they read the same in every file and tool.
bool is_valid_key_segment(std::string_view segment) {
    if (segment.empty()) return false;
    for (char c : segment) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

void read_header(const toml::table& header, LocaleFile& file, Diagnostics& diagnostics) {
    const std::string& path = file.relative_path;
    report_unknown_keys(header, {"direction", "status", "reviewer", "reviewed_on", "notes", "same_as_english"}, path, "[locale]", diagnostics);

    // Texts deliberately the same as English ("No" in Spanish, "PIN"): no warning for them.
    if (const toml::node* same = header.get("same_as_english")) {
        const toml::array* keys = same->as_array();
        if (keys == nullptr) diagnostics.error(path, position_of(*same), "same_as_english must be a list of keys, such as [\"answer.no\"]");
        for (std::size_t i = 0; keys != nullptr && i < keys->size(); ++i) {
            if (auto key = (*keys)[i].value<std::string>()) file.same_as_english.insert(*key);
            else diagnostics.error(path, position_of((*keys)[i]), "same_as_english lists keys, as text in quotes");
        }
    }

    const toml::node* direction = header.get("direction");
    if (direction == nullptr) {
        diagnostics.error(path, position_of(header), "[locale] must say direction = \"ltr\" or \"rtl\"");
    } else if (auto value = direction->value<std::string>(); value && (*value == "ltr" || *value == "rtl")) {
        file.direction = *value == "rtl" ? TextDirection::right_to_left : TextDirection::left_to_right;
        file.direction_at = position_of(*direction);
    } else {
        diagnostics.error(path, position_of(*direction), "direction must be \"ltr\" or \"rtl\"");
    }

    const toml::node* status = header.get("status");
    auto status_value = status ? status->value<std::string>() : std::nullopt;
    if (status == nullptr) {
        diagnostics.error(path, position_of(header), "[locale] must say status = \"draft\" or \"reviewed\"");
        return;
    }
    if (!status_value || (*status_value != "draft" && *status_value != "reviewed")) {
        diagnostics.error(path, position_of(*status), "status must be \"draft\" or \"reviewed\"");
        return;
    }
    file.status = *status_value == "reviewed" ? ReviewStatus::reviewed : ReviewStatus::draft;
    if (file.status == ReviewStatus::draft) return;

    // A review only counts with a name and a date: staff must be able to ask who checked the text.
    if (auto reviewer = header["reviewer"].value<std::string>(); reviewer && !reviewer->empty()) {
        file.reviewer = *reviewer;
    } else {
        diagnostics.error(path, position_of(*status), "status = \"reviewed\" needs reviewer = \"name of the medical translator\"");
    }
    if (const toml::node* date = header.get("reviewed_on"); date && date->is_date()) {
        const toml::date d = *date->value<toml::date>();
        char text[16];
        std::snprintf(text, sizeof text, "%04u-%02u-%02u", static_cast<unsigned>(d.year), static_cast<unsigned>(d.month),
                      static_cast<unsigned>(d.day));
        file.reviewed_on = text;
    } else {
        diagnostics.error(path, date ? position_of(*date) : position_of(*status),
                          "status = \"reviewed\" needs reviewed_on = a date such as 2026-11-23 (no quotes)");
    }
}

void collect_entries(const toml::table& table, const std::string& prefix, LocaleFile& file, Diagnostics& diagnostics) {
    for (const auto& [key, value] : table) {
        const std::string segment(key.str());
        const std::string full = prefix.empty() ? segment : prefix + "." + segment;
        if (full.size() > limits::key_bytes) {
            diagnostics.error(file.relative_path, position_of(key),
                              "a key of " + std::to_string(full.size()) + " characters; keys have at most " + std::to_string(limits::key_bytes));
            continue;
        }
        if (!is_valid_key_segment(segment)) {
            diagnostics.error(file.relative_path, position_of(key),
                              "key '" + full + "': use only lower-case letters a-z, digits and '_' in keys");
            continue;
        }
        if (const toml::table* sub = value.as_table()) {
            collect_entries(*sub, full, file, diagnostics);
        } else if (const auto text = value.value<std::string>(); text && text->size() > limits::text_bytes && value.is_string()) {
            diagnostics.error(file.relative_path, position_of(value),
                              "'" + full + "' is " + std::to_string(text->size() / 1024) + " KB of text; a text has at most " +
                                  std::to_string(limits::text_bytes / 1024) + " KB (split it into paragraphs)");
        } else if (text && value.is_string()) {
            file.entries[full] = LocaleEntry{*text, position_of(key), position_of(value)};
        } else {
            diagnostics.error(file.relative_path, position_of(value),
                              "'" + full + "' must be text in quotes, not " + std::string(describe_toml_type(value)));
        }
    }
}

}  // namespace

std::optional<LocaleFile> read_locale_file(const std::filesystem::path& bundle_dir, const std::string& relative_path,
                                           Diagnostics& diagnostics) {
    const std::string stem = std::filesystem::path(relative_path).stem().string();
    const LanguageTagCheck tag = check_language_tag(stem);
    if (!tag.valid) {
        diagnostics.error(relative_path, {}, "the file name must be a BCP-47 language tag: " + tag.problem);
        return std::nullopt;
    }
    std::optional<TomlFile> toml = read_toml_file(bundle_dir, relative_path, diagnostics);
    if (!toml) return std::nullopt;

    LocaleFile file;
    file.tag = tag.canonical;
    file.relative_path = relative_path;
    file.text = std::move(toml->text);

    if (const toml::table* header = toml->root["locale"].as_table()) {
        read_header(*header, file, diagnostics);
    } else {
        diagnostics.error(relative_path, {1, 1},
                          "the file must start with a [locale] table giving direction and status (see docs/CONTENT.md)");
    }
    toml->root.erase("locale");
    collect_entries(toml->root, "", file, diagnostics);
    // Spoken forms are not texts of their own: kept apart, by the key of the text they read.
    for (auto it = file.entries.begin(); it != file.entries.end();) {
        if (!it->first.starts_with(spoken_prefix)) {
            ++it;
            continue;
        }
        file.spoken.emplace(it->first.substr(spoken_prefix.size()), std::move(it->second));
        it = file.entries.erase(it);
    }
    return file;
}

}  // namespace kiosk::content
