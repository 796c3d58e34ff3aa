#pragma once
// Conditions over answers, as clinical leads write them in the bundle:
//
//   heart in [heart_block, heart_damage]        any of these chosen
//   kidney = dialysis_or_severe                 chosen (for multiple choice: among those chosen)
//   pregnant != yes                             not chosen (also true when unanswered)
//   medicines any_except [none]                 something other than these chosen
//   hours_since_meal >= 6                       numbers: = != < <= > >=
//   unanswered(adult)    not_known(heart)       no answer / no answer or "not sure"
//   … and … or … not … ( … )                    "and" binds tighter than "or"
//
// Parsing binds every name to a question and option of the questionnaire, so that a typo is an
// error with its position at load time, and evaluation compares bits, never strings.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "answers.hpp"

namespace kiosk::screening {

struct Questionnaire;

struct ConditionNode {
    enum class Kind { all_of, any_of, negation, chosen_any, chosen_other_than, number_compare, unanswered, not_known };
    enum class Compare { less, less_equal, greater, greater_equal, equal, not_equal };

    Kind kind = Kind::all_of;
    std::vector<ConditionNode> children;  // all_of, any_of, negation (one child)
    std::size_t question = 0;             // the leaves
    std::uint64_t options = 0;            // chosen_any / chosen_other_than
    Compare compare = Compare::equal;     // number_compare
    double number = 0;
    std::size_t offset = 0;               // code points into the condition text, for diagnostics
};

class Condition {
public:
    Condition() = default;
    Condition(ConditionNode root, std::string text);

    // True when the answers meet the condition. `cited` (optional) receives the questions whose
    // answers made it true, for staff to read why a rule fired.
    bool evaluate(const AnswerSet& answers, std::vector<std::size_t>* cited = nullptr) const;

    // Every question the condition reads, sorted and unique (found once, when parsed: routing asks
    // it for every rule when it must decide what an unanswered question is read as).
    const std::vector<std::size_t>& questions() const { return questions_; }
    // Every (question, option bits) the condition names, for "option used by no rule".
    void collect_options(std::vector<std::uint64_t>& per_question) const;

    const std::string& text() const { return text_; }
    const ConditionNode& root() const { return root_; }

private:
    ConditionNode root_;
    std::string text_;
    std::vector<std::size_t> questions_;
};

struct ConditionError {
    std::size_t offset = 0;  // code points into the text
    std::string message;
};

// Parses `text`, which may name only the questions before `question_limit` (a question's show_if
// may depend only on earlier questions; rules pass the questionnaire's size).
[[nodiscard]] std::variant<Condition, ConditionError> parse_condition(std::string_view text, const Questionnaire& questionnaire,
                                                        std::size_t question_limit);

}  // namespace kiosk::screening
