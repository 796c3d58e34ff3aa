#pragma once
// kiosk-content new-locale TAG: the file a translator starts from. Every key of the English file,
// in its order and tables, with an empty text ("" means not translated yet: patients see English,
// and lint counts it missing rather than translated), the English text as a comment above each
// key, and what ICU knows of the language: its own name, its direction and the plural categories
// its {n, plural, …} forms need. Copying en.toml instead would count every text as translated.
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::content {

struct NewLocale {
    std::string file;     // "locales/fr.toml", when made
    std::string problem;  // why it was not
    std::string summary;  // "Français (fr), left to right; plurals: one, many, other"
};

NewLocale create_locale_file(const std::filesystem::path& bundle_dir, std::string_view tag);

}  // namespace kiosk::content
