#pragma once
// Drag-to-scroll with inertia for a finger (Dear ImGui 1.86 has none). A drag that starts on a
// button scrolls and does not press it. The finger's move is applied before the scrolling area
// begins, so that the frame drawn for a move already shows it (one frame per move, no lag).
namespace kiosk::ui {

class TouchScroll {
public:
    // Call just before the scrolling child window begins.
    void before_area(float delta_time);
    // Call inside the scrolling child window, after its content.
    void after_content();
    void reset() { position_ = velocity_ = asked_ = max_scroll_ = 0; dragging_ = false; }
    // True while the list moves on its own after a fling: the render loop must keep drawing.
    bool coasting() const { return !dragging_ && velocity_ != 0; }

private:
    float position_ = 0;
    float velocity_ = 0;    // pixels per second, after the finger lifts
    float asked_ = 0;       // the scroll last asked of ImGui: asked again only when it moves
    float max_scroll_ = 0;  // of the area, as of the last frame
    bool dragging_ = false;
};

}  // namespace kiosk::ui
