// Lint checks over the questionnaire and rules together: options that nothing uses, and questions
// whose show_if can never hold.
#include <algorithm>
#include <set>

#include "screening_content.hpp"

namespace kiosk::screening {

namespace {

// The answers worth trying for one question when searching for a way to show a later one.
std::vector<Answer> candidate_answers(const Question& q, const std::vector<double>& numbers_named, bool can_be_shown) {
    std::vector<Answer> out{Answer{}};  // unanswered (or hidden)
    if (!can_be_shown) return out;
    if (q.type == QuestionType::number) {
        std::set<double> values{q.minimum, q.maximum};
        for (double n : numbers_named) values.insert({n - 1, n, n + 1});
        for (double v : values) {
            if (v >= q.minimum && v <= q.maximum) out.push_back({true, 0, v});
        }
        return out;
    }
    const std::size_t n = q.options.size();
    if (q.type == QuestionType::multiple && n <= 10) {
        for (std::uint64_t bits = 1; bits < (std::uint64_t{1} << n); ++bits) out.push_back({true, bits, 0});
    } else {
        for (std::size_t i = 0; i < n; ++i) out.push_back({true, std::uint64_t{1} << i, 0});
    }
    return out;
}

void numbers_in(const ConditionNode& node, std::size_t question, std::vector<double>& out) {
    if (node.kind == ConditionNode::Kind::number_compare && node.question == question) out.push_back(node.number);
    for (const ConditionNode& child : node.children) numbers_in(child, question, out);
}

// Tries every combination of answers to the questions the condition reads (bounded).
bool can_hold(const Condition& condition, const Questionnaire& questionnaire, const std::vector<bool>& showable) {
    const std::vector<std::size_t> reads = condition.questions();
    std::vector<std::vector<Answer>> candidates;
    std::size_t combinations = 1;
    for (std::size_t q : reads) {
        std::vector<double> numbers;
        numbers_in(condition.root(), q, numbers);
        candidates.push_back(candidate_answers(questionnaire.questions[q], numbers, showable[q]));
        combinations *= candidates.back().size();
        if (combinations > 200000) return true;  // too many to try: assume it can
    }
    AnswerSet answers = empty_answers(questionnaire);
    std::vector<std::size_t> digit(reads.size(), 0);
    for (std::size_t tried = 0; tried < combinations; ++tried) {
        for (std::size_t i = 0; i < reads.size(); ++i) answers[reads[i]] = candidates[i][digit[i]];
        if (condition.evaluate(answers)) return true;
        for (std::size_t i = 0; i < reads.size(); ++i) {
            if (++digit[i] < candidates[i].size()) break;
            digit[i] = 0;
        }
    }
    return false;
}

}  // namespace

void check_screening_coverage(const ScreeningContent& content, content::Diagnostics& diagnostics) {
    const Questionnaire& questionnaire = content.questionnaire;
    std::vector<bool> showable(questionnaire.questions.size(), true);
    std::vector<std::uint64_t> used(questionnaire.questions.size(), 0);
    for (std::size_t i = 0; i < questionnaire.questions.size(); ++i) {
        const Question& q = questionnaire.questions[i];
        if (!q.show_if) continue;
        q.show_if->collect_options(used);
        if (!can_hold(*q.show_if, questionnaire, showable)) {
            showable[i] = false;
            diagnostics.error(q.file, q.at, "question '" + q.id + "' can never be shown: no answers to earlier questions make \"" +
                                                q.show_if->text() + "\" true");
        }
    }
    std::set<std::size_t> reported_not_safety;
    for (const Rule& rule : content.rules) {
        rule.when.collect_options(used);
        if (rule.severity < Severity::caution) continue;
        // A question that can stop or delay treatment must be a safety question, or leaving it
        // unanswered would raise nothing at all.
        for (std::size_t q : rule.when.questions()) {
            const Question& question = questionnaire.questions[q];
            if (!question.safety && !reported_not_safety.contains(q)) {
                reported_not_safety.insert(q);
                diagnostics.error(question.file, question.at,
                                  "question '" + question.id + "' is read by rule '" + rule.id + "' (" +
                                      std::string(severity_name(rule.severity)) +
                                      ") but is not marked safety = true: leaving it unanswered would raise nothing");
            }
        }
    }

    for (std::size_t i = 0; i < questionnaire.questions.size(); ++i) {
        const Question& q = questionnaire.questions[i];
        if (q.informational || q.type == QuestionType::number) continue;
        if (q.type == QuestionType::yes_no) {
            // One of yes/no is the answer that raises nothing; a rule must read at least one.
            if ((used[i] & ~q.not_known & ((std::uint64_t{1} << q.options.size()) - 1)) == 0) {
                diagnostics.warning(q.file, q.at, "no rule reads the answer to '" + q.id + "': answering it changes nothing");
            }
            continue;
        }
        for (std::size_t o = 0; o < q.options.size(); ++o) {
            const std::uint64_t bit = std::uint64_t{1} << o;
            const std::string& option = q.options[o];
            // "no" and "none" are the answers that raise nothing; an unknown answer to a safety
            // question is covered by [unknown_safety_answer].
            if (option == "no" || option == "none" || (q.safety && (q.not_known & bit))) continue;
            if (!(used[i] & bit)) {
                diagnostics.warning(q.file, q.option_at[o], "option '" + option + "' of '" + q.id +
                                                      "' is used by no rule or question: choosing it changes nothing");
            }
        }
    }
}

}  // namespace kiosk::screening
