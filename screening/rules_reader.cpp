// Reading structure/rules.toml.
#include <set>

#include "condition_field.hpp"
#include "screening_content.hpp"
#include "toml_file.hpp"

namespace kiosk::screening {

namespace {

using content::position_of;

struct RuleTexts {
    std::string patient;
    std::string staff;
    std::string source;
};

// The fields every rule and the built-in rule share: the two message keys and the source note.
RuleTexts read_texts(const toml::table& table, const std::string& what, const std::string& file, content::Diagnostics& d) {
    RuleTexts texts;
    texts.patient = table["patient_message"].value_or(std::string{});
    texts.staff = table["staff_rationale"].value_or(std::string{});
    texts.source = table["source"].value_or(std::string{});
    if (texts.patient.empty()) d.error(file, position_of(table), what + " needs patient_message = \"key of the text the patient reads\"");
    if (texts.staff.empty()) d.error(file, position_of(table), what + " needs staff_rationale = \"key of the text staff read\"");
    if (texts.source.empty()) d.error(file, position_of(table), what + " needs source = \"where this rule comes from\"");
    return texts;
}

std::optional<Severity> read_severity(const toml::table& table, const std::string& what, const std::string& file, content::Diagnostics& d) {
    const toml::node* node = table.get("severity");
    const auto severity = node ? parse_severity(node->value_or(std::string{})) : std::nullopt;
    if (!severity) {
        d.error(file, node ? position_of(*node) : position_of(table),
                what + " needs severity = \"urgent\", \"stop\", \"caution\" or \"info\"");
    }
    return severity;
}

}  // namespace

std::vector<Rule> read_rules(const std::filesystem::path& bundle_dir, const Questionnaire& questionnaire,
                             UnknownSafetyAnswerRule& unknown_safety_answer, content::Diagnostics& diagnostics,
                             std::string* file_text) {
    std::vector<Rule> rules;
    std::optional<content::TomlFile> file = content::read_toml_file(bundle_dir, rules_file, diagnostics);
    if (!file) return rules;
    if (file_text) *file_text = file->text;
    const std::string& path = file->relative_path;
    content::report_unknown_keys(file->root, {unknown_safety_answer_rule_id, "rule"}, path, "rules.toml", diagnostics);

    if (const toml::table* net = file->root[unknown_safety_answer_rule_id].as_table()) {
        content::report_unknown_keys(*net, {"severity", "patient_message", "staff_rationale", "source"}, path,
                                     "[unknown_safety_answer]", diagnostics);
        const RuleTexts texts = read_texts(*net, "[unknown_safety_answer]", path, diagnostics);
        unknown_safety_answer = {Severity::caution, texts.patient, texts.staff, texts.source, position_of(*net)};
        if (auto severity = read_severity(*net, "[unknown_safety_answer]", path, diagnostics)) {
            if (*severity < Severity::caution) {
                diagnostics.error(path, position_of(*net->get("severity")),
                                  "an unanswered or 'not sure' safety answer must raise at least \"caution\"");
            } else {
                unknown_safety_answer.severity = *severity;
            }
        }
    } else {
        diagnostics.error(path, {1, 1},
                          "rules.toml needs an [unknown_safety_answer] table: the texts shown when a safety question is "
                          "unanswered or answered 'not sure'");
    }

    const toml::array* list = file->root["rule"].as_array();
    if (list == nullptr || list->empty()) {
        diagnostics.error(path, {1, 1}, "rules.toml has no [[rule]]");
        return rules;
    }
    std::set<std::string> ids;
    for (const toml::node& node : *list) {
        const toml::table* table = node.as_table();
        if (table == nullptr) continue;
        content::report_unknown_keys(*table, {"id", "severity", "when", "patient_message", "staff_rationale", "source"}, path,
                                     "a [[rule]]", diagnostics);
        Rule rule;
        rule.file = path;
        rule.at = position_of(*table);
        rule.id = (*table)["id"].value_or(std::string{});
        const std::string what = rule.id.empty() ? std::string("a [[rule]]") : "rule '" + rule.id + "'";
        if (rule.id.empty()) diagnostics.error(path, rule.at, "a [[rule]] needs id = \"short_name\"");
        else if (rule.id == unknown_safety_answer_rule_id || !ids.insert(rule.id).second) {
            diagnostics.error(path, position_of(*table->get("id")), "two rules have the id '" + rule.id + "'");
        }
        const auto severity = read_severity(*table, what, path, diagnostics);
        const RuleTexts texts = read_texts(*table, what, path, diagnostics);
        rule.patient_message_key = texts.patient;
        rule.staff_rationale_key = texts.staff;
        rule.source = texts.source;
        const toml::node* when = table->get("when");
        std::optional<Condition> condition;
        if (when == nullptr) diagnostics.error(path, rule.at, what + " needs when = \"a condition over the answers\"");
        else condition = read_condition_field(*when, path, file->text, questionnaire, questionnaire.questions.size(), diagnostics);
        if (!severity || !condition || rule.id.empty()) continue;  // already reported; a half rule never routes
        rule.severity = *severity;
        rule.when = std::move(*condition);
        rules.push_back(std::move(rule));
    }
    return rules;
}

}  // namespace kiosk::screening
