#pragma once
// Answers as JSON, the form scenario files and `kiosk-screen evaluate` use:
//   {"answers": {"adult": "yes", "heart": ["heart_block"], "hours_since_meal": 3}}
// Reading validates every answer against the questionnaire and names what is wrong and where.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "answers.hpp"
#include "routing.hpp"

namespace kiosk::content {
class LocalizedText;
}

namespace kiosk::screening {

enum class HiddenAnswers {
    reject,  // an answer to a question that is not shown is an error (evaluate's default)
    drop,    // it is forgotten, as the kiosk does when an earlier answer hides a question
};

struct AnswersRead {
    AnswerSet answers;
    std::vector<std::string> errors;   // each names the question (and option) at fault
    std::vector<std::string> dropped;  // hidden questions whose answers were dropped
    bool ok() const { return errors.empty(); }
};

// `answers` is the JSON object under "answers".
AnswersRead read_answers(const nlohmann::json& answers, const Questionnaire& questionnaire, HiddenAnswers hidden);

// The given answers as {"question": "option" | ["option", …] | number}, for storage; unanswered
// questions are left out.
nlohmann::ordered_json answers_to_json(const AnswerSet& answers, const Questionnaire& questionnaire);

// The decision as JSON, with the texts of each fired rule in the given language.
nlohmann::ordered_json decision_to_json(const RoutingDecision& decision, const Questionnaire& questionnaire,
                                const content::LocalizedText& text);

}  // namespace kiosk::screening
