#include "routing.hpp"

#include <algorithm>

namespace kiosk::screening {

namespace {

CitedAnswer cite(const Questionnaire& questionnaire, std::size_t question, const Answer& answer) {
    CitedAnswer c;
    c.question = questionnaire.questions[question].id;
    c.answered = answer.given;
    if (!answer.given) return c;
    if (questionnaire.questions[question].type == QuestionType::number) c.number = answer.number;
    else c.options = chosen_options(questionnaire, question, answer);
    return c;
}

}  // namespace

std::vector<bool> visible_questions(const Questionnaire& questionnaire, const AnswerSet& answers) {
    std::vector<bool> visible(questionnaire.questions.size(), true);
    AnswerSet seen = answers;
    for (std::size_t i = 0; i < questionnaire.questions.size(); ++i) {
        const Question& q = questionnaire.questions[i];
        visible[i] = !q.show_if || q.show_if->evaluate(seen);
        if (!visible[i]) seen[i] = Answer{};  // a hidden answer cannot show a later question
    }
    return visible;
}

std::vector<std::string> drop_hidden_answers(const Questionnaire& questionnaire, AnswerSet& answers) {
    std::vector<std::string> dropped;
    const std::vector<bool> visible = visible_questions(questionnaire, answers);
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (!visible[i] && answers[i].given) {
            answers[i] = Answer{};
            dropped.push_back(questionnaire.questions[i].id);
        }
    }
    return dropped;
}

RoutingDecision route(const ScreeningContent& content, AnswerSet answers) {
    const Questionnaire& questionnaire = content.questionnaire;
    answers.resize(questionnaire.questions.size());
    // Hidden questions' answers never reach the rules (what drop_hidden_answers does, with the
    // visibility kept for the safety net below).
    const std::vector<bool> visible = visible_questions(questionnaire, answers);
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (!visible[i]) answers[i] = Answer{};
    }

    RoutingDecision decision;
    decision.content_version = content.content_version;
    std::vector<std::size_t> cited;
    // Questions whose answer already fired a rule of at least caution: the safety net need not.
    std::vector<bool> covered(questionnaire.questions.size(), false);
    for (const Rule& rule : content.rules) {
        cited.clear();
        if (!rule.when.evaluate(answers, &cited)) continue;
        FiredRule fired{rule.id, rule.severity, {}, rule.patient_message_key, rule.staff_rationale_key};
        for (std::size_t q : cited) {
            fired.answers.push_back(cite(questionnaire, q, answers[q]));
            if (rule.severity >= Severity::caution) covered[q] = true;
        }
        decision.fired.push_back(std::move(fired));
    }

    // The kiosk's promise, whatever the rules say: an unanswered or "not sure" safety question is
    // never taken as "no".
    const UnknownSafetyAnswerRule& net = content.unknown_safety_answer;
    FiredRule unknown{unknown_safety_answer_rule_id, std::max(net.severity, Severity::caution), {}, net.patient_message_key,
                      net.staff_rationale_key};
    for (std::size_t i = 0; i < questionnaire.questions.size(); ++i) {
        if (questionnaire.questions[i].safety && visible[i] && !covered[i] && answer_not_known(questionnaire, i, answers[i])) {
            unknown.answers.push_back(cite(questionnaire, i, answers[i]));
        }
    }
    if (!unknown.answers.empty()) decision.fired.push_back(std::move(unknown));

    std::stable_sort(decision.fired.begin(), decision.fired.end(),
                     [](const FiredRule& a, const FiredRule& b) { return a.severity > b.severity; });
    for (const FiredRule& f : decision.fired) decision.severity = std::max(decision.severity, f.severity);
    return decision;
}

}  // namespace kiosk::screening
