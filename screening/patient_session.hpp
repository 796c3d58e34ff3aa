#pragma once
// One patient's walk through the questionnaire, as the kiosk's screens drive it: one question at
// a time with progress, back, "none"/"not sure" that stand alone, required questions that cannot
// be skipped, answers to questions that become hidden dropped at once, and a wipe that leaves
// nothing behind. Screens read it and call it; no answer logic lives in the UI.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "answers.hpp"
#include "routing.hpp"
#include "screening_content.hpp"
#include "submission_store.hpp"

namespace kiosk::screening {

class PatientSession {
public:
    explicit PatientSession(const ScreeningContent& content);

    // The question on screen, or nothing once every visible question is behind (the review).
    std::optional<std::size_t> current_question() const;
    bool at_review() const { return !current_question().has_value(); }
    // "Question 3 of 12": position among the questions shown with the answers so far (1-based).
    std::size_t position() const;
    std::size_t visible_count() const;

    const Answer& answer(std::size_t question) const { return answers_[question]; }
    const AnswerSet& answers() const { return answers_; }

    // yes/no and single choice: the option replaces any earlier one.
    void choose(std::string_view option);
    // multiple choice: ticks or unticks; an exclusive option ("none", "not sure") clears the rest,
    // and any other option clears the exclusive ones.
    void toggle(std::string_view option);
    // number questions; false (and nothing stored) outside the question's range.
    bool set_number(double value);
    void clear_answer();

    // Whether "Next" may be pressed: optional questions may be skipped, required ones not.
    bool can_continue() const;
    bool next();
    bool back();
    // From the review screen: go to a question to change its answer.
    void go_to(std::size_t question);

    RoutingDecision decide() const { return route(content_, answers_); }
    // What the store keeps: the outcome and the visible answers, never a name.
    store::NewSubmission submission(const RoutingDecision& decision, std::string_view locale) const;

    // A screen shown from its description (a preview): these answers, at question `cursor` (the
    // questionnaire's size: the review). The answers of hidden questions are dropped, as always.
    void show(AnswerSet answers, std::size_t cursor);

    // Idle timeout or a new patient: every answer is overwritten and the walk starts again.
    void wipe();

private:
    std::size_t current_index() const;
    void answers_changed();

    const ScreeningContent& content_;
    AnswerSet answers_;
    std::size_t cursor_ = 0;  // index into the questionnaire (may point past the end: review)
};

}  // namespace kiosk::screening
