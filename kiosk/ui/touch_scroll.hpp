#pragma once
// Drag-to-scroll with inertia for a finger (Dear ImGui 1.86 has none). A drag that starts on a
// button scrolls and does not press it.
namespace kiosk::ui {

class TouchScroll {
public:
    // Call inside the scrolling child window, after its content.
    void update(float delta_time);
    void reset() { position_ = velocity_ = 0; dragging_ = false; }
    // True while the list still moves on its own: the render loop must keep drawing.
    bool animating() const { return dragging_ || velocity_ != 0; }

private:
    float position_ = 0;
    float velocity_ = 0;  // pixels per second, after the finger lifts
    bool dragging_ = false;
};

}  // namespace kiosk::ui
