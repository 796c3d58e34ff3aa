#include "translation_confirmations.hpp"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <system_error>

#include "toml_file.hpp"

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
            confirmations[std::string(key.str())] = *fingerprint;
        } else {
            diagnostics.error(path, position_of(value),
                              "expected \"key\" = \"fingerprint\"; this file is written by `kiosk-content confirm`, "
                              "do not edit it by hand");
        }
    }
    return confirmations;
}

std::string write_confirmations(const std::filesystem::path& bundle_dir, std::string_view tag,
                                const Confirmations& confirmations) {
    const std::filesystem::path target = bundle_dir / confirmations_path(tag);
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) return "cannot create " + target.parent_path().string() + ": " + ec.message();

    const std::filesystem::path temporary = target.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return "cannot write " + temporary.string();
        out << "# Written by `kiosk-content confirm`; do not edit by hand.\n"
               "# For each text: the fingerprint of the English text this translation was checked against.\n"
               "# When the English text changes, `kiosk-content lint` reports the translation as stale.\n";
        for (const auto& [key, fingerprint] : confirmations) out << '"' << key << "\" = \"" << fingerprint << "\"\n";
        if (!out.flush()) return "cannot write " + temporary.string();
    }
    std::filesystem::rename(temporary, target, ec);
    if (ec) return "cannot replace " + target.string() + ": " + ec.message();
    return {};
}

}  // namespace kiosk::content
