#pragma once
// Where in a TOML file is the Nth character of a string value? ICU reports MessageFormat errors as
// an offset into the parsed string; content editors need the line and column in the file. The
// parsed string differs from the file's text by its quotes, escapes (\n, \u00e9) and, in
// multi-line strings, the trimmed first newline and line-ending backslashes, so we re-scan the raw
// text from the value's opening quote.
#include <cstddef>
#include <string_view>

#include "diagnostic.hpp"

namespace kiosk::content {

// `value_start` is where toml++ says the value begins (its opening quote). `offset` counts Unicode
// code points into the parsed string. Falls back to `value_start` if the text does not look like a
// TOML string there.
SourcePosition position_in_toml_string(std::string_view file_text, SourcePosition value_start, std::size_t offset);

}  // namespace kiosk::content
