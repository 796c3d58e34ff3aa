#pragma once
// Which bundle a command works on, the same way for every command of every tool: the folder
// given with --bundle DIR, else the current folder when it holds a bundle; otherwise the command
// refuses, rather than checking some other bundle than the editor meant.
#include <filesystem>
#include <optional>
#include <string>
#include <variant>

namespace kiosk::content {

// Whether `folder` looks like a content bundle: it has structure/ or locales/ (or both).
bool holds_bundle(const std::filesystem::path& folder);

// `given`: the value of --bundle, if any. The folder to use, or why there is none.
[[nodiscard]] std::variant<std::filesystem::path, std::string> bundle_folder(const std::optional<std::string>& given);

// The first line of every report: "bundle: /abs/path" (the folder checked, beyond doubt).
std::string bundle_line(const std::filesystem::path& folder);

}  // namespace kiosk::content
