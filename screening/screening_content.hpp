#pragma once
// The screening part of the bundle: the questionnaire and the rules, read from
//   structure/questionnaire.toml   questions, options, when each is shown
//   structure/rules.toml           contraindication and caution rules, as data
// and checked: conditions parse against the questions, no rule names an unknown question or
// option, every option is used, every question can be shown.
#include <filesystem>
#include <string>
#include <vector>

#include "bundle_structure.hpp"
#include "condition.hpp"
#include "diagnostic.hpp"
#include "questionnaire.hpp"
#include "severity.hpp"

namespace kiosk::screening {

struct Rule {
    std::string id;
    Severity severity = Severity::info;
    Condition when;
    std::string patient_message_key;  // what the patient is told (plain, no diagnosis)
    std::string staff_rationale_key;  // why staff must look, for the review screen
    std::string source;               // where the rule comes from (brochure, prescribing information)
    std::string file;
    content::SourcePosition at;
};

// Built into routing, whatever the rules say: a safety question that is shown but unanswered or
// answered "not sure" raises at least this severity (never below caution). Its texts are data.
struct UnknownSafetyAnswerRule {
    Severity severity = Severity::caution;
    std::string patient_message_key;
    std::string staff_rationale_key;
    std::string source;
    content::SourcePosition at;
};

inline constexpr const char* unknown_safety_answer_rule_id = "unknown_safety_answer";
inline constexpr const char* questionnaire_file = "structure/questionnaire.toml";
inline constexpr const char* rules_file = "structure/rules.toml";

struct ScreeningContent {
    Questionnaire questionnaire;
    std::vector<Rule> rules;
    UnknownSafetyAnswerRule unknown_safety_answer;
    std::string content_version;  // hash of the questionnaire and rules files, recorded with every outcome
    bool files_readable = false;  // both files parsed as TOML (their content may still have errors)

    // Every text the questionnaire and rules name, for checking against the locales.
    std::vector<content::TextRef> text_refs() const;
};

ScreeningContent read_screening_content(const std::filesystem::path& bundle_dir, content::Diagnostics& diagnostics);

// Reading each file (used by read_screening_content; separate for testing).
Questionnaire read_questionnaire(const std::filesystem::path& bundle_dir, content::Diagnostics& diagnostics, std::string* file_text);
std::vector<Rule> read_rules(const std::filesystem::path& bundle_dir, const Questionnaire& questionnaire,
                             UnknownSafetyAnswerRule& unknown_safety_answer, content::Diagnostics& diagnostics,
                             std::string* file_text);

// Lint checks over the whole: options no rule or question uses, questions that can never be shown.
void check_screening_coverage(const ScreeningContent& content, content::Diagnostics& diagnostics);

}  // namespace kiosk::screening
