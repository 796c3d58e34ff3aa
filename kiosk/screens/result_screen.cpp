// The result: what happens next in plain words and the ticket in large type. No answers are
// shown. Urgent outcomes have their own screen (urgent_screen.cpp): stay seated, staff are coming.

#include "screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

std::optional<app::Intent> draw_result(ScreenContext& ctx) {
    const content::LocalizedText& t = ctx.flow.text();
    const app::ResultView& result = *ctx.flow.result();
    const float width = ctx.column;
    std::optional<app::Intent> intent = top_bar(ctx, false, app::Intent::Kind::done, {});
    // Many rules may have something to say: the words scroll, "Done" stays in view below them.
    const std::string done = t.text("ui.result.done");
    begin_scrolling_area(ctx, button_height(ctx, done, width) + ctx.margin);
    ImGui::Dummy(ImVec2(width, ctx.margin / 2));
    if (!result.stored) {
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const std::string words = t.text("ui.result.not_saved");
        // The words first (on the upper channel), then the box under them as tall as they came
        // out: however many lines a language or larger text needs, none falls off the box.
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);
        const float pad = ctx.fonts.heading->FontSize * 0.4F;
        ImGui::Dummy(ImVec2(width, pad));
        ImGui::SetCursorScreenPos(ImVec2(min.x + ctx.margin / 2, ImGui::GetCursorScreenPos().y));
        paragraph(ctx, words, ctx.fonts.heading, width - ctx.margin, ctx.theme.urgent_text);
        const float bottom = ImGui::GetCursorScreenPos().y + pad - ImGui::GetStyle().ItemSpacing.y;
        draw->ChannelsSetCurrent(0);
        draw->AddRectFilled(min, ImVec2(min.x + width, bottom), ctx.theme.urgent, 12);
        draw->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(min.x, bottom));
        ImGui::Dummy(ImVec2(width, ctx.margin));
    } else {
        paragraph(ctx, t.text("ui.result.title"), ctx.fonts.heading, width, ctx.theme.text);
    }
    const std::vector<content::MessageArgument> ticket = {{"ticket", result.ticket}};
    paragraph(ctx, t.text("ui.result.ticket", ticket), ctx.fonts.body, width, ctx.theme.text);
    ticket_code(ctx, result.ticket, width);
    paragraph(ctx, t.text(result.severity >= screening::Severity::caution ? "ui.result.staff_will_talk" : "ui.result.staff_review_every_answer"),
              ctx.fonts.body, width, ctx.theme.text);
    for (const std::string& key : result.message_keys) paragraph(ctx, t.text(key), ctx.fonts.body, width, ctx.theme.muted);
    end_scrolling_area(ctx);
    if (big_button(ctx, "done", done, width, ButtonKind::primary)) intent = app::Intent{app::Intent::Kind::done, {}, 0, 0};
    return intent;
}

}  // namespace kiosk::ui
