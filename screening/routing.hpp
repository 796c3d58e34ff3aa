#pragma once
// From answers to how urgently staff must speak with the patient. This is the one path from
// answers to outcome: the kiosk and `kiosk-screen` both call route().
#include <optional>
#include <string>
#include <vector>

#include "answers.hpp"
#include "screening_content.hpp"
#include "severity.hpp"

namespace kiosk::screening {

// One answer that made a rule fire, as staff will read it.
struct CitedAnswer {
    std::string question;
    std::vector<std::string> options;  // choice questions (empty when unanswered)
    std::optional<double> number;      // number questions
    bool answered = false;
};

struct FiredRule {
    std::string rule_id;
    Severity severity = Severity::info;
    std::vector<CitedAnswer> answers;
    std::string patient_message_key;
    std::string staff_rationale_key;
};

struct RoutingDecision {
    Severity severity = Severity::none;  // the highest fired; "none" still means staff review every answer
    std::vector<FiredRule> fired;        // most severe first, then in the rules file's order
    std::string content_version;
};

// Which questions are shown, given the answers so far (show_if reads only earlier questions).
std::vector<bool> visible_questions(const Questionnaire& questionnaire, const AnswerSet& answers);

// Forgets answers to questions that are hidden now; returns the ids dropped. The kiosk calls this
// whenever an answer changes, so an answer to a question that disappeared is never kept.
std::vector<std::string> drop_hidden_answers(const Questionnaire& questionnaire, AnswerSet& answers);

RoutingDecision route(const ScreeningContent& content, AnswerSet answers);

}  // namespace kiosk::screening
