#include "patient_session.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "answers_json.hpp"

namespace kiosk::screening {

PatientSession::PatientSession(const ScreeningContent& content)
    : content_(content), answers_(empty_answers(content.questionnaire)) {}

std::size_t PatientSession::current_index() const {
    const std::vector<bool> visible = visible_questions(content_.questionnaire, answers_);
    std::size_t i = cursor_;
    while (i < visible.size() && !visible[i]) ++i;
    return i;
}

std::optional<std::size_t> PatientSession::current_question() const {
    const std::size_t i = current_index();
    return i < content_.questionnaire.questions.size() ? std::optional<std::size_t>(i) : std::nullopt;
}

std::size_t PatientSession::visible_count() const {
    const std::vector<bool> visible = visible_questions(content_.questionnaire, answers_);
    return static_cast<std::size_t>(std::count(visible.begin(), visible.end(), true));
}

std::size_t PatientSession::position() const {
    const std::vector<bool> visible = visible_questions(content_.questionnaire, answers_);
    const std::size_t current = current_index();
    std::size_t shown_before = 0;
    for (std::size_t i = 0; i < current && i < visible.size(); ++i) if (visible[i]) ++shown_before;
    return shown_before + 1;
}

void PatientSession::show(AnswerSet answers, std::size_t cursor) {
    answers.resize(content_.questionnaire.questions.size());
    answers_ = std::move(answers);
    cursor_ = cursor;
    answers_changed();
}

void PatientSession::answers_changed() { drop_hidden_answers(content_.questionnaire, answers_); }

void PatientSession::choose(std::string_view option) {
    const auto q = current_question();
    if (!q) return;
    const Question& question = content_.questionnaire.questions[*q];
    const auto index = question.option_index(option);
    if (!index || question.type == QuestionType::multiple || question.type == QuestionType::number) return;
    answers_[*q] = Answer{true, std::uint64_t{1} << *index, 0, false};
    answers_changed();
}

void PatientSession::toggle(std::string_view option) {
    const auto q = current_question();
    if (!q) return;
    const Question& question = content_.questionnaire.questions[*q];
    const auto index = question.option_index(option);
    if (!index || question.type != QuestionType::multiple) return;
    const std::uint64_t bit = std::uint64_t{1} << *index;
    Answer& a = answers_[*q];
    if (a.options & bit) {
        a.options &= ~bit;
    } else if (question.exclusive & bit) {
        a.options = bit;
    } else {
        a.options = (a.options & ~question.exclusive) | bit;
    }
    a.given = a.options != 0;
    answers_changed();
}

bool PatientSession::set_number(double value) {
    const auto q = current_question();
    if (!q) return false;
    const Question& question = content_.questionnaire.questions[*q];
    if (question.type != QuestionType::number || value < question.minimum || value > question.maximum) return false;
    answers_[*q] = Answer{true, 0, value, false};
    answers_changed();
    return true;
}

void PatientSession::clear_answer() {
    if (const auto q = current_question()) {
        answers_[*q] = Answer{};
        answers_changed();
    }
}

bool PatientSession::can_continue() const {
    const auto q = current_question();
    if (!q) return false;
    return answers_[*q].given || !content_.questionnaire.questions[*q].required;
}

bool PatientSession::next() {
    if (!can_continue()) return false;
    cursor_ = current_index() + 1;
    cursor_ = current_index();  // skip questions the answers so far hide
    return true;
}

bool PatientSession::back() {
    const std::vector<bool> visible = visible_questions(content_.questionnaire, answers_);
    std::size_t i = std::min(current_index(), visible.size());
    while (i > 0) {
        --i;
        if (visible[i]) {
            cursor_ = i;
            return true;
        }
    }
    return false;  // already at the first question: the screen goes back to the education pages
}

void PatientSession::go_to(std::size_t question) {
    if (question < content_.questionnaire.questions.size() && visible_questions(content_.questionnaire, answers_)[question]) {
        cursor_ = question;
    }
}

store::NewSubmission PatientSession::submission(const RoutingDecision& decision, std::string_view locale) const {
    store::NewSubmission s;
    s.locale = std::string(locale);
    s.content_version = decision.content_version;
    s.answers_json = answers_to_json(answers_, content_.questionnaire).dump();
    s.severity = decision.severity;
    for (const FiredRule& f : decision.fired) {
        AnswerSet cited = empty_answers(content_.questionnaire);
        for (const CitedAnswer& c : f.answers) {
            if (const auto i = content_.questionnaire.index_of(c.question)) cited[*i] = answers_[*i];
        }
        nlohmann::ordered_json cited_json = answers_to_json(cited, content_.questionnaire);
        // An unanswered safety question is part of the reason: it is recorded as null.
        for (const CitedAnswer& c : f.answers) {
            if (!c.answered) cited_json[std::string(c.question)] = nullptr;
        }
        s.fired.push_back({std::string(f.rule_id), f.severity, cited_json.dump(), std::string(f.source)});
    }
    return s;
}

void PatientSession::wipe() {
    // assign() overwrites the same elements in place: no answer survives in this object's memory.
    answers_.assign(content_.questionnaire.questions.size(), Answer{});
    cursor_ = 0;
}

}  // namespace kiosk::screening
