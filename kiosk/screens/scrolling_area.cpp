// The scrolling middle of a screen: drag with a finger, with inertia.
#include <algorithm>

#include "screens.hpp"

namespace kiosk::ui {

void begin_scrolling_area(ScreenContext& ctx, float bottom_reserved) {
    const float height = std::max(ctx.touch_height, ImGui::GetContentRegionAvail().y - bottom_reserved);
    // A child per view: each page or question opens scrolled to the top.
    ImGui::BeginChild(ctx.state.view.c_str(), ImVec2(ctx.column, height), false, ImGuiWindowFlags_NoScrollbar);
}

void end_scrolling_area(ScreenContext& ctx) {
    ctx.state.scroll.update(ImGui::GetIO().DeltaTime);
    ImGui::EndChild();
}

}  // namespace kiosk::ui
