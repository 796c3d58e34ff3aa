#include "screen_reading.hpp"

#include "answers.hpp"
#include "number_text.hpp"
#include "routing.hpp"

namespace kiosk::app {

namespace {

class Reading {
public:
    explicit Reading(const content::LocalizedText& text) : t_(text) {}

    void add(const std::string& key, std::span<const content::MessageArgument> arguments = {}) {
        items_.push_back({key, t_.text(key, arguments), t_.spoken(key, arguments)});
    }
    void add(const content::TextRef& ref) { add(ref.key, ref.arguments); }
    void add_words(std::string words) { items_.push_back({"", words, words}); }
    std::vector<ReadText> take() { return std::move(items_); }

private:
    const content::LocalizedText& t_;
    std::vector<ReadText> items_;
};

void read_page(const KioskFlow& flow, Reading& r) {
    const content::EducationPage& page = flow.current_page();
    r.add(page.title);
    for (const content::PageBlock& block : page.blocks) {
        switch (block.kind) {
            case content::PageBlock::Kind::heading:
            case content::PageBlock::Kind::paragraph: r.add(block.text); break;
            case content::PageBlock::Kind::list:
                for (const content::TextRef& item : block.items) r.add(item);
                break;
            case content::PageBlock::Kind::table:
                // Row by row, as a listener follows a table: the header, then each row's cells.
                for (const content::TextRef& column : block.table.columns) r.add(column);
                for (const auto& row : block.table.rows)
                    for (const content::TextRef& cell : row) r.add(cell);
                break;
            case content::PageBlock::Kind::image: r.add(block.image.alt); break;
        }
    }
    r.add(flow.page_footer());
}

void read_question(const KioskFlow& flow, Reading& r) {
    const screening::Question& q = flow.questionnaire().questions[*flow.session().current_question()];
    r.add(screening::question_text_key(q));
    if (q.has_help) r.add(screening::question_help_key(q));
    if (q.type == screening::QuestionType::multiple && !q.has_help) r.add("ui.question.choose_all");
    for (const std::string& option : q.options) r.add(screening::option_text_key(q, option));
}

void add_review_answer(const KioskFlow& flow, std::size_t i, Reading& r) {
    const screening::Question& q = flow.questionnaire().questions[i];
    const screening::Answer& answer = flow.session().answer(i);
    if (!answer.given) {
        r.add("ui.review.not_answered");
    } else if (q.type == screening::QuestionType::number) {
        r.add_words(content::format_number(flow.text().locale().tag, answer.number, q.unit));
    } else {
        for (const std::string& option : screening::chosen_options(flow.questionnaire(), i, answer)) r.add(screening::option_text_key(q, option));
    }
}

void read_review(const KioskFlow& flow, Reading& r) {
    const screening::Questionnaire& questionnaire = flow.questionnaire();
    r.add("ui.review.title");
    const std::vector<bool> visible = screening::visible_questions(questionnaire, flow.session().answers());
    for (std::size_t i = 0; i < questionnaire.questions.size(); ++i) {
        if (!visible[i]) continue;
        r.add(screening::question_text_key(questionnaire.questions[i]));
        add_review_answer(flow, i, r);
    }
}

void read_outcome(const KioskFlow& flow, Reading& r) {
    const ResultView& result = *flow.result();
    const std::vector<content::MessageArgument> ticket = {{"ticket", result.ticket}};
    if (flow.screen() == Screen::urgent) {
        r.add("ui.urgent.title");
        r.add("ui.urgent.raise_hand");
        r.add("ui.result.ticket", ticket);
        const std::vector<content::MessageArgument> call = {{"number", flow.emergency_number()}};
        if (flow.emergency_number().empty()) r.add("ui.urgent.if_worse");
        else r.add("ui.urgent.if_worse_call", call);
        return;
    }
    r.add(result.stored ? "ui.result.title" : "ui.result.not_saved");
    r.add("ui.result.ticket", ticket);
    r.add(result.severity >= screening::Severity::caution ? "ui.result.staff_will_talk" : "ui.result.staff_review_every_answer");
    for (const std::string& key : result.message_keys) r.add(key);
}

}  // namespace

std::vector<ReadText> screen_reading(const KioskFlow& flow) {
    Reading r(flow.text());
    switch (flow.screen()) {
        case Screen::welcome: break;
        case Screen::education: read_page(flow, r); break;
        case Screen::question: read_question(flow, r); break;
        case Screen::review: read_review(flow, r); break;
        case Screen::result:
        case Screen::urgent: read_outcome(flow, r); break;
    }
    return r.take();
}

std::vector<ReadText> review_answer(const KioskFlow& flow, std::size_t index) {
    Reading r(flow.text());
    add_review_answer(flow, index, r);
    return r.take();
}

std::vector<ReadText> idle_question_reading(const KioskFlow& flow, int seconds_left) {
    Reading r(flow.text());
    const std::vector<content::MessageArgument> seconds = {{"seconds", static_cast<std::int64_t>(seconds_left)}};
    r.add("ui.idle.title");
    r.add("ui.idle.countdown", seconds);
    r.add("ui.idle.continue");
    return r.take();
}

}  // namespace kiosk::app
