#include "scenario.hpp"

#include <algorithm>
#include <set>

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

// "base": "NAME" starts from bases/NAME.json beside the scenario ({"answers": {…}}), and the
// scenario's own answers override it ("question": null leaves it unanswered). A new question then
// needs an answer in the base file alone. Base answers to questions the scenario's answers hide
// are dropped quietly; the scenario's own are judged as without a base.
AnswersRead read_with_base(const std::filesystem::path& file, const json& scenario, const Questionnaire& questionnaire, bool drop_hidden,
                           std::string& problem) {
    AnswersRead read;
    const json& base_name = scenario["base"];
    if (!base_name.is_string() || base_name.get<std::string>().empty() || base_name.get<std::string>().find('/') != std::string::npos) {
        problem = "\"base\" names a file of bases/ beside the scenario, such as \"all-clear\"";
        return read;
    }
    const std::filesystem::path base_file = file.parent_path() / "bases" / (base_name.get<std::string>() + ".json");
    auto base = read_json_file(base_file);
    if (auto* why = std::get_if<std::string>(&base)) {
        problem = "base '" + base_name.get<std::string>() + "': " + *why;
        return read;
    }
    json merged = std::get<json>(base).value("answers", json::object());
    const json& own = scenario["answers"];
    if (!merged.is_object() || !own.is_object()) {
        problem = "the base file's and the scenario's \"answers\" must both be objects";
        return read;
    }
    std::set<std::string> answered_here;
    for (const auto& [id, value] : own.items()) {
        if (value.is_null()) {
            merged.erase(id);
            continue;
        }
        merged[id] = value;
        answered_here.insert(id);
    }
    read = read_answers(merged, questionnaire, HiddenAnswers::drop);
    std::vector<std::string> dropped_here;
    for (const std::string& id : read.dropped) {
        if (!answered_here.contains(id)) continue;
        dropped_here.push_back(id);
        if (drop_hidden) continue;
        const Question& q = questionnaire.questions[*questionnaire.index_of(id)];
        read.errors.push_back("answers." + id + ": '" + id + "' is not asked with these answers (it is shown only when " +
                              (q.show_if ? q.show_if->text() : std::string("?")) + ")");
    }
    read.dropped = dropped_here;
    return read;
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
    AnswersRead read;
    if (scenario.contains("base")) {
        std::string problem;
        read = read_with_base(file, scenario, content.questionnaire, hidden_policy == "drop", problem);
        if (!problem.empty()) {
            result.detail = problem;
            return result;
        }
    } else {
        read = read_answers(scenario["answers"], content.questionnaire, hidden_policy == "drop" ? HiddenAnswers::drop : HiddenAnswers::reject);
    }

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
