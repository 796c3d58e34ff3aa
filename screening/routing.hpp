#pragma once
// From answers to how urgently staff must speak with the patient. This is the one path from
// answers to outcome: the kiosk and `kiosk-screen` both call route().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answers.hpp"
#include "screening_content.hpp"
#include "severity.hpp"

namespace kiosk::screening {

// One answer that made a rule fire, as staff will read it. Ids view the questionnaire's strings.
struct CitedAnswer {
    std::string_view question;
    std::vector<std::string_view> options;  // choice questions (empty when unanswered)
    std::optional<double> number;      // number questions
    bool answered = false;
};

// The ids, keys and source view the rule's strings in the ScreeningContent: valid while it lives
// (routing copies no text, so that a questionnaire that fires many rules still routes fast).
struct FiredRule {
    std::string_view rule_id;
    Severity severity = Severity::info;
    std::vector<CitedAnswer> answers;
    std::string_view patient_message_key;
    std::string_view staff_rationale_key;
    std::string_view source;  // where the rule comes from, for staff and exports
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

// An unanswered safety question is never routed lower than "not sure": the rules read it as "not
// sure" where the question offers it, and otherwise as its riskiest option (the one that raises the
// highest severity; an unanswered age question reads as "under 18"). Staff still see it cited as
// unanswered.
//
// `asked` (optional) limits routing to a visit that ended early, at the warning signs: questions
// from that index on were never asked, so the rules that read them and the safety net skip them.
RoutingDecision route(const ScreeningContent& content, AnswerSet answers, std::size_t asked = SIZE_MAX);

// Whether the answers so far already make staff come at once: a rule of severity `urgent` that
// reads only the questions before `asked`, fired by the answers given (nothing assumed). The
// kiosk asks this at each Next, so a warning sign ends the visit there and then.
bool urgent_now(const ScreeningContent& content, const AnswerSet& answers, std::size_t asked);

}  // namespace kiosk::screening
