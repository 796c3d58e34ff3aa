#include "questionnaire.hpp"

#include <array>

namespace kiosk::screening {

std::optional<std::size_t> Question::option_index(std::string_view option) const {
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (options[i] == option) return i;
    }
    return std::nullopt;
}

std::optional<std::size_t> Questionnaire::index_of(std::string_view question_id) const {
    for (std::size_t i = 0; i < questions.size(); ++i) {
        if (questions[i].id == question_id) return i;
    }
    return std::nullopt;
}

bool is_common_answer(std::string_view option) {
    constexpr std::array<std::string_view, 5> common{"yes", "no", "not_sure", "none", "prefer_not_to_say"};
    for (std::string_view c : common) {
        if (c == option) return true;
    }
    return false;
}

std::string question_text_key(const Question& q) { return "question." + q.id + ".text"; }
std::string question_help_key(const Question& q) { return "question." + q.id + ".help"; }

std::string option_text_key(const Question& q, std::string_view option) {
    if (is_common_answer(option)) return "answer." + std::string(option);
    return "question." + q.id + ".option." + std::string(option);
}

std::string_view question_type_name(QuestionType t) {
    switch (t) {
        case QuestionType::yes_no: return "yes_no";
        case QuestionType::single: return "single";
        case QuestionType::multiple: return "multiple";
        case QuestionType::number: return "number";
    }
    return "?";
}

}  // namespace kiosk::screening
