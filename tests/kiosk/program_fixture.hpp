#pragma once
// The kiosk program run headless by the tests: its options on the shipped bundle, a script to
// play, and what it wrote to std::cerr.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "draft_config.hpp"
#include "kiosk_app.hpp"
#include "shipped_bundle.hpp"
#include "../store/store_fixture.hpp"

namespace kiosk::test {

inline std::filesystem::path write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
    return path;
}

// The shipped bundle (its languages are drafts, so the configuration offers drafts).
inline app::Options options_in(const TempDir& dir) {
    app::Options o;
    o.bundle = kiosk::test::source_dir().string();
    o.database = (dir / "kiosk.db").string();
    o.config_file = write_file(dir / "kiosk.toml", kiosk::test::offer_drafts_line).string();
    return o;
}

inline app::Options with_script(app::Options o, const std::filesystem::path& script, const TempDir& dir) {
    o.script = script.string();
    o.screenshot_dir = (dir / "shots").string();
    return o;
}

// Runs `program` and keeps what it wrote to std::cerr.
struct ErrorsOf {
    template <typename Program>
    explicit ErrorsOf(Program program) {
        std::ostringstream captured;
        std::streambuf* const before = std::cerr.rdbuf(captured.rdbuf());
        code = program();
        std::cerr.rdbuf(before);
        errors = captured.str();
    }
    int code = 0;
    std::string errors;
};

}  // namespace kiosk::test
