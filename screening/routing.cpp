#include "routing.hpp"

#include <algorithm>
#include <optional>

namespace kiosk::screening {

namespace {

CitedAnswer cite(const Questionnaire& questionnaire, std::size_t question, const Answer& answer) {
    CitedAnswer c;
    c.question = questionnaire.questions[question].id;
    c.answered = answer.given;
    if (!answer.given) return c;
    if (questionnaire.questions[question].type == QuestionType::number) c.number = answer.number;
    else {
        const Question& q = questionnaire.questions[question];
        for (std::size_t i = 0; i < q.options.size(); ++i) {
            if (answer.options & (std::uint64_t{1} << i)) c.options.emplace_back(q.options[i]);
        }
    }
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

namespace {

bool reads_only_asked(const Rule& rule, std::size_t asked) {
    if (asked == SIZE_MAX) return true;
    const std::vector<std::size_t>& read = rule.when.questions();
    return std::all_of(read.begin(), read.end(), [&](std::size_t q) { return q < asked; });
}

// The highest severity among the rules that read `question` and fire (rules that do not read it
// would hide the difference between its options behind another answer's outcome).
Severity highest_fired_reading(const ScreeningContent& content, const AnswerSet& answers, std::size_t question, std::size_t asked) {
    Severity highest = Severity::none;
    for (const Rule& rule : content.rules) {
        if (rule.severity <= highest || !reads_only_asked(rule, asked)) continue;
        const std::vector<std::size_t>& read = rule.when.questions();
        if (std::binary_search(read.begin(), read.end(), question) && rule.when.evaluate(answers)) highest = rule.severity;
    }
    return highest;
}

// The answers the rules may read: those to questions shown and asked (a hidden question's answer
// never reaches them; a visit that ended early never asked the rest). Returns what is shown.
std::vector<bool> keep_shown_and_asked(const Questionnaire& questionnaire, AnswerSet& answers, std::size_t asked) {
    answers.resize(questionnaire.questions.size());
    const std::vector<bool> visible = visible_questions(questionnaire, answers);
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (!visible[i] || i >= asked) answers[i] = Answer{};
    }
    return visible;
}

// A shown, asked safety question (not a number: there is nothing to assume) left unanswered.
bool unanswered_safety_question(const Questionnaire& questionnaire, const AnswerSet& answers, const std::vector<bool>& visible,
                                std::size_t i) {
    const Question& q = questionnaire.questions[i];
    return q.safety && visible[i] && !answers[i].given && q.type != QuestionType::number;
}

// What the rules read for each unanswered safety question: "not sure" where it is offered,
// otherwise the option whose rules raise the highest severity given the other answers (greedy, in
// questionnaire order; ties keep the first option). Marked `assumed` so that unanswered() and
// not_known() still hold. Returns the answers as given when it assumed anything (staff read
// those), nothing otherwise: most visits answer everything, and need no copy.
std::optional<AnswerSet> assume_unanswered_safety_answers(const ScreeningContent& content, AnswerSet& answers,
                                                          const std::vector<bool>& visible, std::size_t asked) {
    const Questionnaire& questionnaire = content.questionnaire;
    std::optional<AnswerSet> as_given;
    std::vector<std::size_t> riskiest_needed;
    for (std::size_t i = 0; i < answers.size() && i < asked; ++i) {
        if (!unanswered_safety_question(questionnaire, answers, visible, i)) continue;
        if (!as_given) as_given = answers;
        const Question& q = questionnaire.questions[i];
        const auto not_sure = q.option_index("not_sure");
        if (not_sure) answers[i] = Answer{true, std::uint64_t{1} << *not_sure, 0, true};
        else riskiest_needed.push_back(i);
    }
    for (std::size_t i : riskiest_needed) {
        const Question& q = questionnaire.questions[i];
        Answer riskiest{true, 0, 0, true};
        Severity highest = Severity::none;
        for (std::size_t o = 0; o < q.options.size(); ++o) {
            answers[i] = Answer{true, std::uint64_t{1} << o, 0, true};
            const Severity s = highest_fired_reading(content, answers, i, asked);
            if (riskiest.options == 0 || s > highest) {
                highest = s;
                riskiest = answers[i];
            }
        }
        answers[i] = riskiest;
    }
    return as_given;
}

}  // namespace

RoutingDecision route(const ScreeningContent& content, AnswerSet answers, std::size_t asked) {
    const Questionnaire& questionnaire = content.questionnaire;
    // The visibility is kept for the safety net below.
    const std::vector<bool> visible = keep_shown_and_asked(questionnaire, answers, asked);
    // Staff read the answers as given: an assumed answer is cited as unanswered.
    const std::optional<AnswerSet> as_given = assume_unanswered_safety_answers(content, answers, visible, asked);
    const AnswerSet& given = as_given ? *as_given : answers;

    RoutingDecision decision;
    decision.content_version = content.content_version;
    std::vector<std::size_t> cited;
    // Questions whose answer already fired a rule of at least caution: the safety net need not.
    std::vector<bool> covered(questionnaire.questions.size(), false);
    for (const Rule& rule : content.rules) {
        cited.clear();
        if (!reads_only_asked(rule, asked) || !rule.when.evaluate(answers, &cited)) continue;
        FiredRule fired{rule.id, rule.severity, {}, rule.patient_message_key, rule.staff_rationale_key, rule.source};
        for (std::size_t q : cited) {
            fired.answers.push_back(cite(questionnaire, q, given[q]));
            if (rule.severity >= Severity::caution) covered[q] = true;
        }
        decision.fired.push_back(std::move(fired));
    }

    // The kiosk's promise, whatever the rules say: an unanswered or "not sure" safety question is
    // never taken as "no".
    const UnknownSafetyAnswerRule& net = content.unknown_safety_answer;
    FiredRule* unknown = nullptr;
    for (std::size_t i = 0; i < questionnaire.questions.size() && i < asked; ++i) {
        if (questionnaire.questions[i].safety && visible[i] && !covered[i] && answer_not_known(questionnaire, i, given[i])) {
            if (!unknown) {
                unknown = &decision.fired.emplace_back(FiredRule{unknown_safety_answer_rule_id, std::max(net.severity, Severity::caution), {},
                                                                 net.patient_message_key, net.staff_rationale_key, net.source});
            }
            unknown->answers.push_back(cite(questionnaire, i, given[i]));
        }
    }

    std::stable_sort(decision.fired.begin(), decision.fired.end(),
                     [](const FiredRule& a, const FiredRule& b) { return a.severity > b.severity; });
    for (const FiredRule& f : decision.fired) decision.severity = std::max(decision.severity, f.severity);
    return decision;
}

bool urgent_now(const ScreeningContent& content, const AnswerSet& answers, std::size_t asked) {
    AnswerSet so_far = answers;
    keep_shown_and_asked(content.questionnaire, so_far, asked);
    for (const Rule& rule : content.rules) {
        if (rule.severity == Severity::urgent && reads_only_asked(rule, asked) && rule.when.evaluate(so_far)) return true;
    }
    return false;
}

}  // namespace kiosk::screening
