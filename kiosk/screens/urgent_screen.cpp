// Warning signs right now: staff are coming. The patient may faint, so nothing here sends them
// anywhere: stay seated, raise your hand, what to do if it gets worse, and the ticket in large
// type so that staff find the right person. No answers, and no button: the screen ends by itself
// after urgent_screen_seconds (staff clear it sooner from the staff mode).

#include "screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

std::optional<app::Intent> draw_urgent(ScreenContext& ctx) {
    const content::LocalizedText& t = ctx.flow.text();
    const app::ResultView& result = *ctx.flow.result();
    const float width = ctx.column;
    std::optional<app::Intent> intent = top_bar(ctx, false, app::Intent::Kind::done, {});
    // With larger text in a long language the words may need more than the screen: they scroll.
    begin_scrolling_area(ctx, 0);
    ImGui::Dummy(ImVec2(width, ctx.margin / 2));

    // The banner grows with its words (larger text, long languages).
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::Dummy(ImVec2(width, ctx.margin / 2));
    ImGui::SetCursorScreenPos(ImVec2(min.x + ctx.margin / 2, ImGui::GetCursorScreenPos().y));
    paragraph(ctx, t.text("ui.urgent.title"), ctx.fonts.heading, width - ctx.margin, ctx.theme.urgent_text);
    ImGui::Dummy(ImVec2(width, ctx.margin / 2));
    const float bottom = ImGui::GetCursorScreenPos().y;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(min, ImVec2(min.x + width, bottom), ctx.theme.urgent, 12);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(min.x, bottom));
    ImGui::Dummy(ImVec2(width, ctx.margin / 2));

    paragraph(ctx, t.text("ui.urgent.raise_hand"), ctx.fonts.heading, width, ctx.theme.text);
    ImGui::Dummy(ImVec2(width, ctx.margin / 2));
    const std::vector<content::MessageArgument> ticket = {{"ticket", result.ticket}};
    paragraph(ctx, t.text("ui.result.ticket", ticket), ctx.fonts.body, width, ctx.theme.text);
    ticket_code(ctx, result.ticket, width);

    // The emergency number only when the clinic configured one: numbers differ by country, and a
    // wrong one is worse than none.
    const std::string& number = ctx.flow.emergency_number();
    const std::vector<content::MessageArgument> call = {{"number", number}};
    paragraph(ctx, number.empty() ? t.text("ui.urgent.if_worse") : t.text("ui.urgent.if_worse_call", call), ctx.fonts.heading, width,
              ctx.theme.text);
    end_scrolling_area(ctx);
    return intent;
}

}  // namespace kiosk::ui
