#pragma once
// Reading one TOML file of the bundle: its raw text (to map positions inside strings) and its
// parsed tree, with every syntax problem turned into a Diagnostic instead of an exception.
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "diagnostic.hpp"

namespace kiosk::content {

struct TomlFile {
    std::string relative_path;  // as reported in diagnostics, e.g. "locales/es.toml"
    std::string text;           // the file's bytes, kept to locate errors inside strings
    toml::table root;
};

// Reads `bundle_dir / relative_path`. On a missing file or a syntax error, reports it and returns
// nothing. toml++ already refuses duplicate keys and invalid UTF-8; both come back as errors here.
std::optional<TomlFile> read_toml_file(const std::filesystem::path& bundle_dir, std::string relative_path,
                                       Diagnostics& diagnostics);

SourcePosition position_of(const toml::node& node);
SourcePosition position_of(const toml::key& key);

// Reports each key of `table` that is not in `allowed` ("unknown setting 'titel' in [locale]").
// `context` names the table for the message, e.g. "[locale]" or "a page".
void report_unknown_keys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                         const std::string& file, std::string_view context, Diagnostics& diagnostics);

// A short name for a TOML value's type, for messages ("a number", "a list").
std::string_view describe_toml_type(const toml::node& node);

}  // namespace kiosk::content
