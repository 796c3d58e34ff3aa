#include "script_player.hpp"

#include <cctype>
#include <charconv>
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
        const auto fail = [&](const std::string& what) {
            problem = file.string() + ":" + std::to_string(number) + ": " + what;
            return std::nullopt;
        };
        std::istringstream words(line);
        std::string command;
        words >> command >> std::ws;
        if (command.empty() || command.starts_with('#')) continue;
        std::string rest;
        std::getline(words, rest);
        while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.pop_back();
        ScriptStep step{ScriptStep::Kind::quit, rest, false, 0, number};
        if (command == "tap" && rest.starts_with('"')) {
            if (rest.size() < 3 || !rest.ends_with('"')) return fail("a label to tap goes between double quotes: tap \"Next\"");
            step = {ScriptStep::Kind::tap, rest.substr(1, rest.size() - 2), true, 0, number};
        } else if ((command == "tap" || command == "shot" || command == "where") && !rest.empty() && rest.find_first_of(" \t") == std::string::npos) {
            step.kind = command == "tap" ? ScriptStep::Kind::tap : command == "shot" ? ScriptStep::Kind::shot : ScriptStep::Kind::where;
        } else if (command == "measure-tap") {
            std::istringstream parts(rest);
            std::string id;
            int times = 0;
            if (!(parts >> id >> times) || times < 1 || !(parts >> std::ws).eof()) return fail("'measure-tap' needs an id and a count (measure-tap refresh 20)");
            step = {ScriptStep::Kind::measure_tap, id, false, static_cast<double>(times), number};
        } else if (command == "idle" || command == "hold-corner") {
            const char* end = rest.data() + rest.size();
            const auto [at, error] = std::from_chars(rest.data(), end, step.seconds);
            if (rest.empty() || error != std::errc() || at != end || step.seconds < 0) {
                return fail("'" + command + "' needs a number of seconds (" + command + (command == "idle" ? " 120" : " 3") + "), not '" + rest + "'");
            }
            step.kind = command == "idle" ? ScriptStep::Kind::idle : ScriptStep::Kind::hold_corner;
        } else if (command == "wait-file" && !rest.empty()) {
            step.kind = ScriptStep::Kind::wait_file;
        } else if (command == "listen" && rest.empty()) {
            step.kind = ScriptStep::Kind::listen;
        } else if (command != "quit" || !rest.empty()) {
            return fail("expected 'tap ID', 'tap \"LABEL\"', 'shot NAME', 'idle SECONDS', 'hold-corner SECONDS', 'measure-tap ID N', 'where ID', 'wait-file PATH', 'listen' or 'quit'");
        }
        steps.push_back(step);
    }
    return steps;
}

}  // namespace kiosk::app
