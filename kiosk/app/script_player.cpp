#include "script_player.hpp"

#include <fstream>
#include <sstream>

namespace kiosk::app {

std::optional<std::vector<ScriptStep>> read_script(const std::filesystem::path& file, std::string& problem) {
    std::ifstream in(file);
    if (!in) {
        problem = file.string() + ": cannot read the script";
        return std::nullopt;
    }
    std::vector<ScriptStep> steps;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        std::istringstream words(line);
        std::string command;
        std::string argument;
        words >> command >> argument;
        if (command.empty() || command.starts_with('#')) continue;
        if (command == "tap" && !argument.empty()) steps.push_back({ScriptStep::Kind::tap, argument, number});
        else if (command == "shot" && !argument.empty()) steps.push_back({ScriptStep::Kind::shot, argument, number});
        else if (command == "idle" && !argument.empty()) steps.push_back({ScriptStep::Kind::idle, argument, number});
        else if (command == "quit") steps.push_back({ScriptStep::Kind::quit, {}, number});
        else {
            problem = file.string() + ":" + std::to_string(number) + ": expected 'tap ID', 'shot NAME', 'idle SECONDS' or 'quit'";
            return std::nullopt;
        }
    }
    return steps;
}

}  // namespace kiosk::app
