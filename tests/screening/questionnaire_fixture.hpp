#pragma once
// A small questionnaire built in code for unit tests: every question type, and a chain of
// conditional questions (temperature only after fever = yes; level only after temperature >= 38).
#include <string>
#include <vector>

#include "questionnaire.hpp"

namespace kiosk::test {

inline screening::Question make_question(std::string id, screening::QuestionType type, std::vector<std::string> options,
                                         bool safety = true) {
    screening::Question q;
    q.id = std::move(id);
    q.type = type;
    q.options = std::move(options);
    q.safety = safety;
    for (std::size_t i = 0; i < q.options.size(); ++i) {
        const std::uint64_t bit = std::uint64_t{1} << i;
        if (q.options[i] == "not_sure") q.not_known |= bit;
        if (type == screening::QuestionType::multiple && (q.options[i] == "none" || q.options[i] == "not_sure")) q.exclusive |= bit;
    }
    return q;
}

inline void add_show_if(screening::Questionnaire& questionnaire, const std::string& text) {
    auto parsed = screening::parse_condition(text, questionnaire, questionnaire.questions.size() - 1);
    questionnaire.questions.back().show_if = std::get<screening::Condition>(std::move(parsed));
}

inline screening::Questionnaire fixture_questionnaire() {
    using screening::QuestionType;
    screening::Questionnaire q;
    q.questions.push_back(make_question("fever", QuestionType::yes_no, {"yes", "no", "not_sure"}));
    q.questions.push_back(make_question("temperature", QuestionType::number, {}));
    q.questions.back().minimum = 30;
    q.questions.back().maximum = 45;
    add_show_if(q, "fever = yes");
    q.questions.push_back(make_question("pain", QuestionType::multiple, {"head", "back", "none", "not_sure"}));
    q.questions.push_back(make_question("level", QuestionType::single, {"low", "high", "not_sure"}, false));
    add_show_if(q, "temperature >= 38");
    return q;
}

inline screening::Answer choose(const screening::Questionnaire& q, const std::string& question, std::vector<std::string> options) {
    screening::Answer a{true, 0, 0};
    const auto& question_ref = q.questions[*q.index_of(question)];
    for (const std::string& o : options) a.options |= std::uint64_t{1} << *question_ref.option_index(o);
    return a;
}

}  // namespace kiosk::test
