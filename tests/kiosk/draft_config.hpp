#pragma once
// The kiosk's built-in settings, offering draft languages: every shipped translation is a draft
// until a clinic's medical translator reviews it, and the tests drive the screens in all of them.
#include <filesystem>

#include "kiosk_config.hpp"

namespace kiosk::test {

inline app::KioskConfig draft_config(const std::filesystem::path& bundle) {
    app::KioskConfig config = app::default_config(bundle);
    config.offer_drafts = true;
    return config;
}

// The same as kiosk.toml lines, for tests that run the program with a configuration file.
inline constexpr const char* offer_drafts_line = "offer_drafts = true\n";

}  // namespace kiosk::test
