// Mapping an offset inside a parsed TOML string back to the file's line and column.
#include <doctest/doctest.h>

#include "toml_string_position.hpp"

using kiosk::content::position_in_toml_string;
using kiosk::content::SourcePosition;

TEST_CASE("basic and literal single-line strings") {
    const std::string file = "a = \"Hello {name\"\nb = 'Hi {x'\n";
    CHECK(position_in_toml_string(file, {1, 5}, 0) == SourcePosition{1, 6});
    CHECK(position_in_toml_string(file, {1, 5}, 6) == SourcePosition{1, 12});
    CHECK(position_in_toml_string(file, {2, 5}, 3) == SourcePosition{2, 9});
}

TEST_CASE("escapes take several file characters for one parsed character") {
    // \u00e9 is one parsed character written as six.
    const std::string file = "a = \"caf\\u00e9 {x\"\n";
    CHECK(position_in_toml_string(file, {1, 5}, 5) == SourcePosition{1, 16});
    const std::string tab = "a = \"\\t{x\"\n";
    CHECK(position_in_toml_string(tab, {1, 5}, 1) == SourcePosition{1, 8});
}

TEST_CASE("columns count characters, not bytes") {
    const std::string file = "a = \"día {x\"\n";
    CHECK(position_in_toml_string(file, {1, 5}, 4) == SourcePosition{1, 10});
}

TEST_CASE("multi-line strings drop the first newline and count lines") {
    const std::string file = "a = '''\nfirst line\nsecond {x\n'''\n";
    CHECK(position_in_toml_string(file, {1, 5}, 0) == SourcePosition{2, 1});
    CHECK(position_in_toml_string(file, {1, 5}, 11) == SourcePosition{3, 1});
    CHECK(position_in_toml_string(file, {1, 5}, 18) == SourcePosition{3, 8});
}

TEST_CASE("a line-ending backslash in a multi-line basic string stands for nothing") {
    const std::string file = "a = \"\"\"\none \\\n    two {x\"\"\"\n";
    // Parsed text is "one two {x": the '{' is the 9th character (offset 8).
    CHECK(position_in_toml_string(file, {1, 5}, 8) == SourcePosition{3, 9});
}

TEST_CASE("a position that is not a string's start is returned unchanged") {
    CHECK(position_in_toml_string("a = 5\n", {1, 5}, 3) == SourcePosition{1, 5});
    CHECK(position_in_toml_string("", {7, 2}, 3) == SourcePosition{7, 2});
}
