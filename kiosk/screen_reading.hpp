#pragma once
// What "Read aloud" reads on the screen the flow shows, in reading order: the title, the text and
// the options, as the screen draws them (tests check each is drawn, in this order). The welcome
// screen is not read: each language's name is written in that language.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk_flow.hpp"

namespace kiosk::app {

struct ReadText {
    std::string key;     // the text's key, for a recorded clip; "" for words put together here (an answer on the review)
    std::string shown;   // as on the screen: the highlight finds it by these words
    std::string spoken;  // what is said: the locale's spoken form of the key where it gives one, else `shown`
};

std::vector<ReadText> screen_reading(const KioskFlow& flow);

// What the review shows as the answer to question `index`: each chosen option, the number as the
// language writes it, or "not answered". On screen the parts stand on one line, joined by
// answer_separator; read aloud, one after another.
std::vector<ReadText> review_answer(const KioskFlow& flow, std::size_t index);
inline constexpr std::string_view answer_separator = "; ";

// The question "Are you still there?" over the screen, with its countdown and its button.
std::vector<ReadText> idle_question_reading(const KioskFlow& flow, int seconds_left);

}  // namespace kiosk::app
