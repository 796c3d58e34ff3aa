#pragma once
// How deep a TOML text nests, found without parsing it: toml++ parses nested tables, arrays and
// dotted keys recursively, so a hostile file (a table header of thousands of dotted segments)
// overflowed the stack inside toml::parse. This scan is a loop, and runs before toml++ does.
#include <optional>
#include <string_view>

#include "diagnostic.hpp"

namespace kiosk::content {

// Where the text first nests deeper than `limit` levels (each segment of a table header or a
// dotted key is a level, and so is each array or inline table), or nothing. Strings and comments
// are skipped as TOML reads them; text that is not valid TOML is left for toml++ to report.
std::optional<SourcePosition> find_nesting_deeper_than(std::string_view toml_text, int limit);

}  // namespace kiosk::content
