// Review before sending: every question shown, its answer (or "not answered"), and a way back to it.
#include <algorithm>

#include "answers.hpp"
#include "routing.hpp"
#include "screen_reading.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

std::optional<app::Intent> draw_review(ScreenContext& ctx) {
    const content::LocalizedText& t = ctx.flow.text();
    const screening::Questionnaire& questionnaire = ctx.flow.questionnaire();
    const screening::PatientSession& session = ctx.flow.session();
    std::optional<app::Intent> intent = top_bar(ctx, true, app::Intent::Kind::previous_question, {});
    const float width = ctx.column;
    const std::string send = t.text("ui.review.send");
    begin_scrolling_area(ctx, button_height(ctx, send, width) + ctx.margin);  // "Send" as tall as its label makes it
    paragraph(ctx, t.text("ui.review.title"), ctx.fonts.heading, width, ctx.theme.text);
    const std::vector<bool> visible = screening::visible_questions(questionnaire, session.answers());
    for (std::size_t i = 0; i < questionnaire.questions.size(); ++i) {
        if (!visible[i]) continue;
        const screening::Question& q = questionnaire.questions[i];
        paragraph(ctx, t.text(screening::question_text_key(q)), ctx.fonts.body, width, ctx.theme.muted);
        std::string answer;
        for (const app::ReadText& part : app::review_answer(ctx.flow, i)) answer += (answer.empty() ? "" : std::string(app::answer_separator)) + part.shown;
        // One row: the answer on the reading side (the right in right-to-left languages), its
        // "change" button on the other.
        const float gap = ctx.margin / 2;
        const float answer_width = width * 0.65F - gap;
        const float button_width = width * 0.35F - 6;
        const ImVec2 row = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(ctx.rtl ? row.x + width - answer_width : row.x, row.y));
        paragraph(ctx, answer, ctx.fonts.heading, answer_width, ctx.theme.text);
        const float answer_bottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(ctx.rtl ? row.x : row.x + width - 6 - button_width, row.y));
        if (big_button(ctx, "edit:" + q.id, t.text("ui.review.change"), button_width, ButtonKind::secondary)) {
            intent = app::Intent{app::Intent::Kind::edit_question, {}, 0, i};
        }
        ImGui::SetCursorPos(ImVec2(row.x, std::max(answer_bottom, ImGui::GetCursorPosY())));
        ImGui::Dummy(ImVec2(width, ctx.margin / 3));
    }
    if (std::optional<app::Intent> read = read_pages_button(ctx, width)) intent = read;
    end_scrolling_area(ctx);
    if (big_button(ctx, "send", send, width, ButtonKind::primary)) intent = app::Intent{app::Intent::Kind::send, {}, 0, 0};
    return intent;
}

}  // namespace kiosk::ui
