#include "touch_scroll.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::ui {

void TouchScroll::before_area(float delta_time) {
    const ImGuiIO& io = ImGui::GetIO();
    const float dt = std::clamp(delta_time, 1.0F / 240.0F, 1.0F / 20.0F);  // after idle, DeltaTime is huge
    if (dragging_) {
        position_ -= io.MouseDelta.y;
        velocity_ = -io.MouseDelta.y / dt;
        if (!io.MouseDown[0]) dragging_ = false;
    } else if (velocity_ != 0) {
        position_ += velocity_ * dt;
        velocity_ *= std::exp(-4.0F * dt);
        if (std::fabs(velocity_) < 20.0F) velocity_ = 0;
    } else {
        return;
    }
    position_ = std::clamp(position_, 0.0F, max_scroll_);
    if (position_ == 0.0F || position_ == max_scroll_) velocity_ = dragging_ ? velocity_ : 0;
    // 1.86 rounds scroll to whole pixels; our own float keeps slow drags smooth. A finger resting
    // on the page asks nothing: a scroll asked is a change the frame must show.
    if (position_ != asked_) {
        ImGui::SetNextWindowScroll(ImVec2(-1.0F, position_));
        asked_ = position_;
    }
}

void TouchScroll::after_content() {
    max_scroll_ = ImGui::GetScrollMaxY();
    if (!dragging_ && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(0, 12.0F)) {
        dragging_ = true;
        velocity_ = 0;
        position_ = asked_ = ImGui::GetScrollY();
    }
    if (dragging_) ImGui::ClearActiveID();  // the button under the finger must not fire
    if (!dragging_ && velocity_ == 0) position_ = asked_ = ImGui::GetScrollY();  // follow scrolling done another way
}

}  // namespace kiosk::ui
