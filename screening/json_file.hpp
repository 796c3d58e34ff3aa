#pragma once
// Reading a JSON file (answers, scenarios) with an error that says where: "file:line:col: …".
#include <filesystem>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

namespace kiosk::screening {

// The parsed document, or a message naming the file, line and column of the problem.
[[nodiscard]] std::variant<nlohmann::json, std::string> read_json_file(const std::filesystem::path& file);

}  // namespace kiosk::screening
