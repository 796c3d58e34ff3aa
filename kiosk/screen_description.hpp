#pragma once
// A patient screen named by what it shows instead of by the taps that lead to it:
//
//   welcome   page:3   question:pregnant   review   result:caution   result:not-saved
//   urgent    idle     out-of-service
//
// with the language, the answers (chosen to show the screen when none are given) and the
// patient's display choices. The kiosk shows one directly (kiosk --show), and the preview and
// layout lint walk every_patient_screen() in each language, so an editor sees every screen as
// patients will without writing a tap-by-tap script.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "answers.hpp"
#include "kiosk_bundle.hpp"
#include "severity.hpp"

namespace kiosk::app {

struct ScreenDescription {
    enum class Kind { welcome, education, question, review, result, urgent, idle, out_of_service };
    Kind kind = Kind::welcome;
    std::size_t page = 0;  // education: 0-based
    std::string question;  // question: its id
    screening::Severity severity = screening::Severity::none;  // result
    bool stored = true;    // result: false shows the "not saved, see the front desk" variant
    std::string locale = "en";
    std::optional<screening::AnswerSet> answers;  // none: answers that show this screen are chosen
    bool larger_text = false;
    bool high_contrast = false;
    bool mark_fallbacks = false;  // texts from a fallback language marked "[en] …" (previews)
    bool record_texts = false;    // every text served is kept, to trace a finding to its key

    // The name as written above ("question:pregnant"), and a file name from it ("question-pregnant").
    std::string name() const;
    std::string file_name() const;
};

// Parses a name as written above; the problem (naming what is accepted) when it is not one.
[[nodiscard]] std::variant<ScreenDescription, std::string> parse_screen_name(std::string_view name, const screening::KioskBundle& bundle);

// Every screen a patient can see, in the order of a visit: welcome, each page, each question
// (conditional ones with answers that show them), the review with every question answered, the
// result for each outcome (and its "not saved" variant), the urgent screen, the idle question and
// out of service.
std::vector<ScreenDescription> every_patient_screen(const screening::KioskBundle& bundle, const std::string& locale);

// Answers under which question `index` is shown: the earlier questions its show_if reads (and
// theirs) are tried over their options; nothing when no combination shows it.
std::optional<screening::AnswerSet> answers_showing(const screening::Questionnaire& questionnaire, std::size_t index);

// Every question answered, for a review an editor can read in full: each question's answer keeps
// as many later questions shown as possible; choose-all questions get every option that combines.
// No answer that would have ended the visit as urgent on the spot (a patient with a warning sign
// never sees the review).
screening::AnswerSet answers_for_full_review(const screening::ScreeningContent& content);

}  // namespace kiosk::app
