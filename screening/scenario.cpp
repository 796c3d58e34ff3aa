#include "scenario.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "answers_json.hpp"
#include "json_file.hpp"

namespace kiosk::screening {

namespace {

using json = nlohmann::json;

std::string joined(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& s : items) out += (out.size() > 1 ? ", " : "") + s;
    return out + "]";
}

std::vector<std::string> string_list(const json& value) {
    std::vector<std::string> out;
    if (value.is_array()) {
        for (const json& v : value) {
            if (v.is_string()) out.push_back(v.get<std::string>());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

ScenarioResult run_scenario_file(const std::filesystem::path& file, const ScreeningContent& content) {
    ScenarioResult result;
    result.name = file.filename().string();
    auto document = read_json_file(file);
    if (auto* problem = std::get_if<std::string>(&document)) {
        result.detail = *problem;
        return result;
    }
    json& scenario = std::get<json>(document);
    if (!scenario.is_object() || !scenario.contains("answers") || !scenario.contains("expect") || !scenario["expect"].is_object()) {
        result.detail = "a scenario needs \"answers\": {…} and \"expect\": {…}";
        return result;
    }
    const std::string hidden_policy = scenario.value("answers_to_hidden_questions", std::string("reject"));
    if (hidden_policy != "reject" && hidden_policy != "drop") {
        result.detail = "\"answers_to_hidden_questions\" must be \"reject\" or \"drop\"";
        return result;
    }
    const json& expect = scenario["expect"];
    const AnswersRead read = read_answers(scenario["answers"], content.questionnaire,
                                          hidden_policy == "drop" ? HiddenAnswers::drop : HiddenAnswers::reject);

    if (expect.contains("invalid")) {
        const std::string words = expect["invalid"].get<std::string>();
        const bool found = std::any_of(read.errors.begin(), read.errors.end(),
                                       [&](const std::string& e) { return e.find(words) != std::string::npos; });
        result.passed = found;
        if (!found) {
            result.detail = read.ok() ? "expected the answers to be refused (\"" + words + "\") but they were accepted"
                                      : "refused, but not for \"" + words + "\": " + read.errors.front();
        }
        return result;
    }
    if (!read.ok()) {
        result.detail = "the answers were refused: " + read.errors.front();
        return result;
    }

    const RoutingDecision decision = route(content, read.answers);
    std::vector<std::string> fired;
    for (const FiredRule& f : decision.fired) {
        fired.emplace_back(f.rule_id);
        result.rules_fired.emplace(f.rule_id);
    }
    std::sort(fired.begin(), fired.end());
    const std::string expected_severity = expect.value("severity", std::string("?"));
    std::vector<std::string> problems;
    if (expected_severity != severity_name(decision.severity)) {
        problems.push_back("severity is " + std::string(severity_name(decision.severity)) + ", expected " + expected_severity);
    }
    if (expect.contains("rules") && string_list(expect["rules"]) != fired) {
        problems.push_back("rules fired " + joined(fired) + ", expected " + joined(string_list(expect["rules"])));
    }
    if (expect.contains("dropped")) {
        std::vector<std::string> dropped = read.dropped;
        std::sort(dropped.begin(), dropped.end());
        if (dropped != string_list(expect["dropped"])) {
            problems.push_back("dropped " + joined(dropped) + ", expected " + joined(string_list(expect["dropped"])));
        }
    }
    if (!problems.empty()) {
        // A new safety question makes old files fail: say which questions were left unanswered,
        // so that the fix (answer it, or expect its rule) is obvious.
        std::vector<std::string> unanswered;
        const std::vector<bool> visible = visible_questions(content.questionnaire, read.answers);
        for (std::size_t i = 0; i < content.questionnaire.questions.size(); ++i) {
            const Question& q = content.questionnaire.questions[i];
            if (q.safety && visible[i] && (i >= read.answers.size() || !read.answers[i].given)) unanswered.push_back(q.id);
        }
        if (!unanswered.empty()) problems.push_back("safety questions left unanswered: " + joined(unanswered));
    }
    result.passed = problems.empty();
    for (const std::string& p : problems) result.detail += (result.detail.empty() ? "" : "; ") + p;
    return result;
}

std::vector<ScenarioResult> run_scenario_folder(const std::filesystem::path& folder, const ScreeningContent& content) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<ScenarioResult> results;
    for (const auto& f : files) results.push_back(run_scenario_file(f, content));
    return results;
}

}  // namespace kiosk::screening
