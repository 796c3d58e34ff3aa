#pragma once
// Small edits to a TOML file's text that keep everything else byte for byte (comments, layout):
// finding a value by its position, where a string value ends, and quoting a new one. toml++
// parses; it does not write back what it read, so the tools that change locale files edit text.
#include <cstddef>
#include <string>

namespace kiosk::content {

// Byte offset of a 1-based line and column (columns count code points, as toml++ and editors do).
std::size_t offset_of(const std::string& text, int line, int column);

// One past the closing quote of the TOML string starting at `begin`: "…", '…', """…""" or '''…'''.
std::size_t string_end(const std::string& text, std::size_t begin);

// `text` as a TOML basic string, escaped where TOML requires it.
std::string toml_quoted(const std::string& text);

}  // namespace kiosk::content
