#pragma once
// Scenario files: how clinical leads test a change to the questions or rules. Each JSON file
// gives answers and the outcome it must produce:
//   {"description": "Heart block stops treatment",
//    "answers": {"heart": ["heart_block"]},
//    "answers_to_hidden_questions": "drop",          (optional; default: such answers are invalid)
//    "expect": {"severity": "stop", "rules": ["heart_block_or_damage"], "dropped": []}}
// or, for answers that must be refused: "expect": {"invalid": "words the error must contain"}.
// A scenario may start from a base answer set, "base": "all-clear" (tests/scenarios/bases/
// all-clear.json), and give only the answers that differ ("question": null: left unanswered), so
// that a new question changes only the base file.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "screening_content.hpp"

namespace kiosk::screening {

struct ScenarioResult {
    std::string name;    // the file name
    bool passed = false;
    std::string detail;  // why it failed, in plain words
    std::set<std::string> rules_fired;
};

ScenarioResult run_scenario_file(const std::filesystem::path& file, const ScreeningContent& content);

// Runs every *.json file in `folder`, sorted by name.
std::vector<ScenarioResult> run_scenario_folder(const std::filesystem::path& folder, const ScreeningContent& content);

}  // namespace kiosk::screening
