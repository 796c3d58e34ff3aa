#include "screen_description.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "routing.hpp"

namespace kiosk::app {

namespace {

using screening::Answer;
using screening::AnswerSet;
using screening::Question;
using screening::QuestionType;
using screening::Questionnaire;

constexpr std::string_view accepted_names =
    "welcome, page:N (1 to the number of pages), question:ID, review, result:none|info|caution|stop, result:not-saved, urgent, "
    "idle, out-of-service";

Answer single_option(std::size_t option) { return Answer{true, std::uint64_t{1} << option, 0, false}; }

// The answers a question can be given, one option at a time (and none at all), for the search.
std::vector<Answer> candidate_answers(const Question& q) {
    std::vector<Answer> out = {Answer{}};
    if (q.type == QuestionType::number) {
        for (double v : {q.minimum, (q.minimum + q.maximum) / 2, q.maximum}) out.push_back(Answer{true, 0, v, false});
        return out;
    }
    for (std::size_t o = 0; o < q.options.size(); ++o) out.push_back(single_option(o));
    return out;
}

// The questions a question's showing depends on, through the show_ifs of those too.
std::vector<std::size_t> questions_read_to_show(const Questionnaire& questionnaire, std::size_t index) {
    std::set<std::size_t> found;
    std::vector<std::size_t> todo = {index};
    while (!todo.empty()) {
        const std::size_t q = todo.back();
        todo.pop_back();
        const auto& show_if = questionnaire.questions[q].show_if;
        if (!show_if) continue;
        for (std::size_t read : show_if->questions()) {
            if (found.insert(read).second) todo.push_back(read);
        }
    }
    return {found.begin(), found.end()};
}

bool shown(const Questionnaire& questionnaire, AnswerSet answers, std::size_t index) {
    screening::drop_hidden_answers(questionnaire, answers);
    return screening::visible_questions(questionnaire, answers)[index];
}

std::optional<std::size_t> parse_index(std::string_view digits) {
    std::size_t n = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return n;
}

}  // namespace

std::string ScreenDescription::name() const {
    switch (kind) {
        case Kind::welcome: return "welcome";
        case Kind::education: return "page:" + std::to_string(page + 1);
        case Kind::question: return "question:" + question;
        case Kind::review: return "review";
        case Kind::result: return stored ? "result:" + std::string(screening::severity_name(severity)) : "result:not-saved";
        case Kind::urgent: return "urgent";
        case Kind::idle: return "idle";
        case Kind::out_of_service: return "out-of-service";
    }
    return {};
}

std::string ScreenDescription::file_name() const {
    std::string out = name();
    std::replace(out.begin(), out.end(), ':', '-');
    if (larger_text) out += "-larger-text";
    if (high_contrast) out += "-high-contrast";
    return out;
}

std::variant<ScreenDescription, std::string> parse_screen_name(std::string_view name, const screening::KioskBundle& bundle) {
    using Kind = ScreenDescription::Kind;
    ScreenDescription d;
    const std::size_t colon = name.find(':');
    const std::string_view head = name.substr(0, colon);
    const std::string_view tail = colon == std::string_view::npos ? std::string_view() : name.substr(colon + 1);
    const auto unknown = [&] { return "'" + std::string(name) + "' is not a screen; screens are " + std::string(accepted_names); };
    if (colon == std::string_view::npos) {
        if (name == "welcome") d.kind = Kind::welcome;
        else if (name == "review") d.kind = Kind::review;
        else if (name == "urgent") d.kind = Kind::urgent;
        else if (name == "idle") d.kind = Kind::idle;
        else if (name == "out-of-service") d.kind = Kind::out_of_service;
        else return unknown();
        return d;
    }
    if (head == "page") {
        const std::size_t pages = bundle.content.bundle.structure.pages.size();
        const std::optional<std::size_t> n = parse_index(tail);
        if (!n || *n < 1 || *n > pages) return "'" + std::string(name) + "': the bundle has pages 1 to " + std::to_string(pages);
        d.kind = Kind::education;
        d.page = *n - 1;
        return d;
    }
    if (head == "question") {
        if (!bundle.screening.questionnaire.index_of(tail)) return "'" + std::string(name) + "': no question '" + std::string(tail) + "' in the questionnaire";
        d.kind = Kind::question;
        d.question = tail;
        return d;
    }
    if (head == "result") {
        d.kind = Kind::result;
        if (tail == "not-saved") {
            d.stored = false;
            d.severity = screening::Severity::caution;
            return d;
        }
        const std::optional<screening::Severity> s = tail == "none" ? screening::Severity::none : screening::parse_severity(tail);
        if (!s || *s == screening::Severity::urgent) return "'" + std::string(name) + "': results are none, info, caution, stop and not-saved (urgent is its own screen)";
        d.severity = *s;
        return d;
    }
    return unknown();
}

std::optional<AnswerSet> answers_showing(const Questionnaire& questionnaire, std::size_t index) {
    AnswerSet answers = screening::empty_answers(questionnaire);
    if (shown(questionnaire, answers, index)) return answers;
    // Every combination of the questions read, one option each: a show_if reads few questions,
    // and the search stops at a bound so that a strange questionnaire cannot stall it.
    const std::vector<std::size_t> read = questions_read_to_show(questionnaire, index);
    std::vector<std::vector<Answer>> candidates;
    for (std::size_t q : read) candidates.push_back(candidate_answers(questionnaire.questions[q]));
    std::vector<std::size_t> pick(read.size(), 0);
    for (int tried = 0; tried < 100000; ++tried) {
        for (std::size_t i = 0; i < read.size(); ++i) answers[read[i]] = candidates[i][pick[i]];
        if (shown(questionnaire, answers, index)) {
            screening::drop_hidden_answers(questionnaire, answers);
            return answers;
        }
        std::size_t i = 0;
        while (i < pick.size() && ++pick[i] == candidates[i].size()) pick[i++] = 0;
        if (i == pick.size()) break;  // every combination tried
    }
    return std::nullopt;
}

AnswerSet answers_for_full_review(const screening::ScreeningContent& content) {
    const Questionnaire& questionnaire = content.questionnaire;
    AnswerSet answers = screening::empty_answers(questionnaire);
    for (std::size_t i = 0; i < questionnaire.questions.size(); ++i) {
        if (!shown(questionnaire, answers, i)) continue;
        const Question& q = questionnaire.questions[i];
        std::vector<Answer> candidates;
        if (q.type == QuestionType::multiple) {
            // Every option that combines: the longest answer the review must show.
            candidates.push_back(Answer{true, q.options.size() >= 64 ? ~q.exclusive : (((std::uint64_t{1} << q.options.size()) - 1) & ~q.exclusive), 0, false});
        }
        for (const Answer& a : candidate_answers(q)) {
            if (a.given) candidates.push_back(a);
        }
        // The answer that keeps the most questions shown (the first such: "yes", the first option).
        std::optional<std::size_t> most_shown;
        for (const Answer& a : candidates) {
            AnswerSet tried = answers;
            tried[i] = a;
            if (screening::urgent_now(content, tried, i + 1)) continue;
            const std::vector<bool> visible = screening::visible_questions(questionnaire, tried);
            const auto count = static_cast<std::size_t>(std::count(visible.begin(), visible.end(), true));
            if (!most_shown || count > *most_shown) {
                most_shown = count;
                answers[i] = a;
            }
        }
    }
    screening::drop_hidden_answers(questionnaire, answers);
    return answers;
}

std::vector<ScreenDescription> every_patient_screen(const screening::KioskBundle& bundle, const std::string& locale) {
    using Kind = ScreenDescription::Kind;
    std::vector<ScreenDescription> out;
    const auto add = [&](Kind kind) -> ScreenDescription& {
        out.emplace_back();
        out.back().kind = kind;
        out.back().locale = locale;
        return out.back();
    };
    add(Kind::welcome);
    for (std::size_t p = 0; p < bundle.content.bundle.structure.pages.size(); ++p) add(Kind::education).page = p;
    for (const Question& q : bundle.screening.questionnaire.questions) add(Kind::question).question = q.id;
    add(Kind::review);
    for (const screening::Severity s : {screening::Severity::none, screening::Severity::info, screening::Severity::caution, screening::Severity::stop}) {
        add(Kind::result).severity = s;
    }
    ScreenDescription& not_saved = add(Kind::result);
    not_saved.severity = screening::Severity::caution;
    not_saved.stored = false;
    add(Kind::urgent);
    add(Kind::idle);
    add(Kind::out_of_service);
    return out;
}

}  // namespace kiosk::app
