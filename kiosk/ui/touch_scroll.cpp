#include "touch_scroll.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::ui {

void TouchScroll::update(float delta_time) {
    ImGuiIO& io = ImGui::GetIO();
    const float dt = std::clamp(delta_time, 1.0F / 240.0F, 1.0F / 20.0F);  // after idle, DeltaTime is huge
    const float max_scroll = ImGui::GetScrollMaxY();
    if (!dragging_ && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(0, 12.0F)) {
        dragging_ = true;
        position_ = ImGui::GetScrollY();
    }
    if (dragging_) {
        ImGui::ClearActiveID();  // the button under the finger must not fire
        position_ -= io.MouseDelta.y;
        velocity_ = -io.MouseDelta.y / dt;
        if (!io.MouseDown[0]) dragging_ = false;
    } else if (velocity_ != 0) {
        position_ += velocity_ * dt;
        velocity_ *= std::exp(-4.0F * dt);
        if (std::fabs(velocity_) < 20.0F) velocity_ = 0;
    } else {
        position_ = ImGui::GetScrollY();  // follow scrolling done another way
        return;
    }
    position_ = std::clamp(position_, 0.0F, max_scroll);
    if (position_ == 0.0F || position_ == max_scroll) velocity_ = dragging_ ? velocity_ : 0;
    // 1.86 rounds scroll to whole pixels; our own float keeps slow drags smooth.
    ImGui::SetScrollY(position_);
}

}  // namespace kiosk::ui
