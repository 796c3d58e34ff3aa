#include "answers.hpp"

#include "questionnaire.hpp"

namespace kiosk::screening {

AnswerSet empty_answers(const Questionnaire& questionnaire) {
    return AnswerSet(questionnaire.questions.size());
}

bool answer_not_known(const Questionnaire& questionnaire, std::size_t question, const Answer& answer) {
    if (!answer.given) return true;
    return (answer.options & questionnaire.questions[question].not_known) != 0;
}

std::vector<std::string> chosen_options(const Questionnaire& questionnaire, std::size_t question, const Answer& answer) {
    std::vector<std::string> out;
    const Question& q = questionnaire.questions[question];
    for (std::size_t i = 0; i < q.options.size(); ++i) {
        if (answer.options & (std::uint64_t{1} << i)) out.push_back(q.options[i]);
    }
    return out;
}

}  // namespace kiosk::screening
