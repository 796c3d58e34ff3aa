#pragma once
// The questionnaire as the bundle describes it (structure/questionnaire.toml): questions in the
// order patients see them, their answer options, and when each is shown. Texts are found by key
// convention in locales/ (question_text_key and option_text_key below).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "condition.hpp"
#include "diagnostic.hpp"
#include "input_limits.hpp"

namespace kiosk::screening {

enum class QuestionType {
    yes_no,    // options: yes, no (and not_sure when offered)
    single,    // one option
    multiple,  // any options; "exclusive" ones (none, not_sure) stand alone
    number,    // a number within [minimum, maximum], with a unit
};

// A question's options live in a 64-bit set: the reader keeps no more than
// limits::options_per_question of them (input_limits.hpp).
static_assert(limits::options_per_question <= 64);

struct Question {
    std::string id;
    QuestionType type = QuestionType::yes_no;
    std::vector<std::string> options;            // in display order; empty for numbers
    std::vector<content::SourcePosition> option_at;  // where each option is written (yes_no: the question)
    std::uint64_t exclusive = 0;                 // options that cannot be combined with others
    std::uint64_t not_known = 0;                 // options meaning "I don't know" (not_sure, prefer_not_to_say)
    bool required = true;                        // cannot be skipped (it still offers "not sure" where sensible)
    bool safety = false;                         // an unknown answer raises at least caution
    bool informational = false;                  // for staff only: its options need no rule
    bool has_help = false;                       // a help text exists: question.<id>.help
    std::string image;                           // optional picture, relative to the bundle
    double minimum = 0;                          // number questions only
    double maximum = 0;
    std::string unit;                            // number questions: a CLDR unit such as "duration-hour"
    std::optional<Condition> show_if;            // shown only when this holds (over earlier questions)
    std::string file;                            // for diagnostics
    content::SourcePosition at;

    std::optional<std::size_t> option_index(std::string_view option) const;
};

struct Questionnaire {
    std::vector<Question> questions;

    std::optional<std::size_t> index_of(std::string_view question_id) const;
};

std::string question_text_key(const Question& q);                        // question.<id>.text
std::string question_help_key(const Question& q);                        // question.<id>.help
// Common answers share one text (answer.yes, answer.none, …); others are question.<id>.option.<opt>.
std::string option_text_key(const Question& q, std::string_view option);
bool is_common_answer(std::string_view option);

std::string_view question_type_name(QuestionType t);

}  // namespace kiosk::screening
