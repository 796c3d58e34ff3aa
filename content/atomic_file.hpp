#pragma once
// Replacing a file the content tools own (a locale file, a confirmations file, a PO file) in one
// step: the text goes to a temporary file beside it, which is then renamed over it, so that a
// reader (a running kiosk, an editor) never sees half a file.
#include <filesystem>
#include <string>

namespace kiosk::content {

// Empty on success, else what failed ("cannot write …", "cannot replace …: reason").
std::string replace_file(const std::filesystem::path& file, const std::string& text);

}  // namespace kiosk::content
