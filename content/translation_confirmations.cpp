#include "translation_confirmations.hpp"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <system_error>

#include "atomic_file.hpp"
#include "toml_file.hpp"
#include "toml_text.hpp"

namespace kiosk::content {

std::string source_fingerprint(std::string_view english_text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (char c : english_text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

Confirmation confirmation_of(const std::string& english, const std::string& by, const std::string& on) {
    return Confirmation{source_fingerprint(english), english, by, on};
}

std::string confirmations_path(std::string_view tag) {
    return "locales/confirmed/" + std::string(tag) + ".toml";
}

Confirmations read_confirmations(const std::filesystem::path& bundle_dir, std::string_view tag, Diagnostics& diagnostics) {
    Confirmations confirmations;
    const std::string path = confirmations_path(tag);
    if (!std::filesystem::exists(bundle_dir / path)) return confirmations;
    std::optional<TomlFile> file = read_toml_file(bundle_dir, path, diagnostics);
    if (!file) return confirmations;
    for (const auto& [key, value] : file->root) {
        if (auto fingerprint = value.value<std::string>(); fingerprint && value.is_string()) {
            confirmations[std::string(key.str())] = Confirmation{*fingerprint, {}, {}, {}};
            continue;
        }
        const toml::table* entry = value.as_table();
        const std::optional<std::string> english = entry != nullptr ? (*entry)["english"].value<std::string>() : std::nullopt;
        if (!english) {
            diagnostics.error(path, position_of(value),
                              "expected \"key\" = { english = \"…\", by = \"…\", on = date } or \"key\" = \"fingerprint\"; this file is "
                              "written by `kiosk-content confirm`, do not edit it by hand");
            continue;
        }
        Confirmation c = confirmation_of(*english, (*entry)["by"].value_or(std::string()), {});
        if (const toml::node* on = entry->get("on"); on != nullptr && on->is_date()) {
            const toml::date d = *on->value<toml::date>();
            char text[16];
            std::snprintf(text, sizeof text, "%04u-%02u-%02u", static_cast<unsigned>(d.year), static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
            c.on = text;
        }
        confirmations[std::string(key.str())] = c;
    }
    return confirmations;
}

std::string write_confirmations(const std::filesystem::path& bundle_dir, std::string_view tag,
                                const Confirmations& confirmations) {
    const std::filesystem::path target = bundle_dir / confirmations_path(tag);
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) return "cannot create " + target.parent_path().string() + ": " + ec.message();

    std::string text = "# Written by `kiosk-content confirm`; do not edit by hand.\n"
                       "# For each text: the English text this translation was checked against, who checked it and when\n"
                       "# (older entries kept only a fingerprint of the English). When the English text changes,\n"
                       "# `kiosk-content lint` reports the translation as stale and shows the English before and after.\n"
                       "# \"spoken.KEY\": the text as this language shows it that its spoken form was checked against\n"
                       "# (`english` holds that text); when the text changes, the spoken form is not read until confirmed.\n";
    for (const auto& [key, c] : confirmations) {
        text += '"' + key + "\" = ";
        if (c.english.empty() && c.fingerprint != source_fingerprint("")) {
            text += '"' + c.fingerprint + "\"\n";
            continue;
        }
        text += "{ english = " + toml_quoted(c.english) + ", by = " + toml_quoted(c.by);
        if (!c.on.empty()) text += ", on = " + c.on;
        text += " }\n";
    }
    return replace_file(target, text);
}

}  // namespace kiosk::content
