#pragma once
// One patient's answers, held per question index so that evaluating rules touches no strings.
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::screening {

struct Questionnaire;

struct Answer {
    bool given = false;
    std::uint64_t options = 0;  // choice questions: bit i = option i chosen
    double number = 0;          // number questions
    // Routing only: no answer was given, and the rules read the answer it is taken as ("not sure",
    // or the riskiest option). unanswered() and not_known() still see it as missing.
    bool assumed = false;
};

// Indexed like Questionnaire::questions. An entry that is not `given` is unanswered (or hidden).
using AnswerSet = std::vector<Answer>;

AnswerSet empty_answers(const Questionnaire& questionnaire);

// Whether a shown question's answer is missing or says "I don't know".
bool answer_not_known(const Questionnaire& questionnaire, std::size_t question, const Answer& answer);

// The option ids of a choice answer, in display order.
std::vector<std::string> chosen_options(const Questionnaire& questionnaire, std::size_t question, const Answer& answer);

}  // namespace kiosk::screening
