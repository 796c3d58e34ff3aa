// One question per screen: the question, its help, big answer buttons (or a keypad for a number),
// progress, back and next.
#include <algorithm>

#include "screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

namespace {

// Every answer must be in view when the question opens (at normal text size; larger text may
// scroll): a patient who does not see "None of these" may not know it is there.
// `answers_bottom`: where the last answer ends, in screen coordinates as drawn (scrolled).
void answers_in_view(ScreenContext& ctx, const screening::Question& q, float answers_bottom) {
    if (ctx.flow.larger_text()) return;
    const float visible_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    const float last_answer_bottom = answers_bottom + ImGui::GetScrollY();  // where it is before any scrolling
    if (last_answer_bottom > visible_bottom + 0.5F) {
        ctx.does_not_fit("answers", {}, "need scrolling: the last (option:" + q.options.back() + ") ends below the visible part",
                         last_answer_bottom - visible_bottom);
    }
}

}  // namespace

std::optional<app::Intent> draw_question(ScreenContext& ctx) {
    const content::LocalizedText& t = ctx.flow.text();
    const screening::PatientSession& session = ctx.flow.session();
    const std::size_t index = *session.current_question();
    const screening::Question& q = ctx.flow.questionnaire().questions[index];
    const std::vector<content::MessageArgument> progress = {{"current", static_cast<std::int64_t>(session.position())},
                                                            {"total", static_cast<std::int64_t>(session.visible_count())}};
    std::optional<app::Intent> intent =
        top_bar(ctx, true, app::Intent::Kind::previous_question, t.text("ui.question.progress", progress),
                static_cast<float>(session.position()) / static_cast<float>(std::max<std::size_t>(1, session.visible_count())));
    const float width = ctx.column;

    // Room below for "Next" as tall as its label makes it, so that it is never pushed off screen.
    const std::string next = t.text("ui.nav.next");
    begin_scrolling_area(ctx, button_height(ctx, next, width) + ctx.margin);
    paragraph(ctx, t.text(screening::question_text_key(q)), ctx.fonts.heading, width, ctx.theme.text);
    if (q.has_help) paragraph(ctx, t.text(screening::question_help_key(q)), ctx.fonts.body, width, ctx.theme.muted);
    // The hint, unless the question's own help already explains how to answer.
    if (q.type == screening::QuestionType::multiple && !q.has_help) paragraph(ctx, t.text("ui.question.choose_all"), ctx.fonts.body, width, ctx.theme.muted);
    ImGui::Dummy(ImVec2(width, ctx.margin / 3));
    const screening::Answer& answer = session.answer(index);
    if (q.type == screening::QuestionType::number) intent = draw_number_entry(ctx, q, width);
    // Answers side by side when that keeps them all in view: in reading order, mirrored in
    // right-to-left locales. Landscape: two or three a row (the nine warning signs: "None of these"
    // must not need a scroll), four if still needed; portrait: one a row, two for a long list
    // that would not fit (at normal text size; larger text scrolls). A little narrower than the scrolling area, so its edge does not clip.
    const float gap = ctx.margin / 2;
    const ButtonKind choice = q.type == screening::QuestionType::multiple ? ButtonKind::multiple_choice : ButtonKind::single_choice;
    const auto button_width = [&](std::size_t per_row) { return (width - 6 - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row); };
    const auto answers_height = [&](std::size_t per_row) {
        float total = 0;
        for (std::size_t row = 0; row < q.options.size(); row += per_row) {
            float tallest = 0;
            for (std::size_t o = row; o < std::min(q.options.size(), row + per_row); ++o)
                tallest = std::max(tallest, button_height(ctx, t.text(screening::option_text_key(q, q.options[o])), button_width(per_row)));
            total += tallest + 2 * ImGui::GetStyle().ItemSpacing.y;
        }
        return total;
    };
    const std::size_t fewest = !ctx.landscape || q.options.size() <= 2 ? 1 : q.options.size() > 6 ? 3 : 2;
    const std::size_t most = q.options.size() <= 2 ? 1 : ctx.landscape ? 4 : 2;
    const float room = ImGui::GetWindowHeight() - ImGui::GetCursorPosY();
    std::size_t per_row = fewest;
    // With larger text, narrower buttons would only wrap the words more: the answers scroll.
    while (!ctx.flow.larger_text() && per_row < most && answers_height(per_row) > room) ++per_row;
    const float button = button_width(per_row);
    float answers_bottom = 0;
    for (std::size_t row = 0; row < q.options.size(); row += per_row) {
        const std::size_t end = std::min(q.options.size(), row + per_row);
        float height = 0;
        for (std::size_t o = row; o < end; ++o) height = std::max(height, button_height(ctx, t.text(screening::option_text_key(q, q.options[o])), button));
        const std::vector<std::size_t> order = grid_row(ctx, row, end, per_row, button, gap);
        for (const std::size_t o : order) {
            if (o != order.front()) ImGui::SameLine(0, gap);
            const bool chosen = answer.given && (answer.options & (std::uint64_t{1} << o)) != 0;
            if (big_button(ctx, "option:" + q.options[o], t.text(screening::option_text_key(q, q.options[o])), button, choice, chosen, height)) {
                const auto kind = q.type == screening::QuestionType::multiple ? app::Intent::Kind::toggle_option : app::Intent::Kind::choose_option;
                intent = app::Intent{kind, q.options[o], 0, 0};
            }
            answers_bottom = std::max(answers_bottom, ImGui::GetItemRectMax().y);
        }
        ImGui::Dummy(ImVec2(width, 0));  // the rows stand apart by twice the item spacing
    }
    if (!q.options.empty()) answers_in_view(ctx, q, answers_bottom);
    // After the warning signs, the pages stay one tap away.
    if (index > 0) {
        if (std::optional<app::Intent> read = read_pages_button(ctx, width)) intent = read;
    }
    end_scrolling_area(ctx);

    // "Next" stays visible but does nothing until a required question is answered.
    const bool ready = session.can_continue();
    if (big_button(ctx, "next", next, width, ready ? ButtonKind::primary : ButtonKind::secondary) && ready) {
        intent = app::Intent{app::Intent::Kind::next_question, {}, 0, 0};
    }
    return intent;
}

}  // namespace kiosk::ui
