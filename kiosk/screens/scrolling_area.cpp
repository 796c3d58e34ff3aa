// The scrolling middle of a screen: drag with a finger, with inertia.
#include <algorithm>

#include "screens.hpp"

namespace kiosk::ui {

void begin_scrolling_area(ScreenContext& ctx, float bottom_reserved) {
    const float height = std::max(ctx.touch_height, ImGui::GetContentRegionAvail().y - bottom_reserved);
    // A child per view: each page or question opens scrolled to the top.
    ctx.state.scroll.before_area(ImGui::GetIO().DeltaTime);
    ImGui::BeginChild(ctx.state.view.c_str(), ImVec2(ctx.column, height), false, ImGuiWindowFlags_NoScrollbar);
    ctx.in_scrolling_area = true;
}

namespace {

// A touch screen shows no scroll bar, and a patient who does not know that the page moves may
// never find its second half. So, while there is more: the last lines fade out, and a thin bar in
// the margin on the reading end's side shows where in the page the patient is.
void show_there_is_more(ScreenContext& ctx) {
    const float max_scroll = ImGui::GetScrollMaxY();
    if (max_scroll <= 0) return;
    const float scroll = ImGui::GetScrollY();
    ctx.state.more_below = scroll < max_scroll - 1;
    const ImVec2 pos = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (ctx.state.more_below) {
        // No deeper than what is hidden: a button that is all but in view stays readable.
        const float fade = std::min(ctx.touch_height * 0.5F, max_scroll - scroll);
        const ImU32 solid = (ctx.theme.background & ~IM_COL32_A_MASK) | (230U << IM_COL32_A_SHIFT);
        const ImU32 clear = ctx.theme.background & ~IM_COL32_A_MASK;
        draw->AddRectFilledMultiColor(ImVec2(pos.x, pos.y + size.y - fade), ImVec2(pos.x + size.x, pos.y + size.y), clear, clear, solid, solid);
    }
    const float bar_width = 6;
    const float gap = std::min((ctx.size.x - ctx.column) / 2, ctx.margin) / 2;  // near the column, in landscape too
    const float x = ctx.rtl ? pos.x - gap - bar_width / 2 : pos.x + size.x + gap - bar_width / 2;
    const float bar_height = std::max(ctx.touch_height * 0.5F, size.y * size.y / (size.y + max_scroll));
    const float y = pos.y + (size.y - bar_height) * scroll / max_scroll;
    draw->PushClipRectFullScreen();
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + bar_width, y + bar_height), ctx.theme.muted, bar_width / 2);
    draw->PopClipRect();
}

}  // namespace

void end_scrolling_area(ScreenContext& ctx) {
    ctx.state.scroll.after_content();
    show_there_is_more(ctx);
    ImGui::EndChild();
    ctx.in_scrolling_area = false;
}

}  // namespace kiosk::ui
