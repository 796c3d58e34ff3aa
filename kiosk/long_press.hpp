#pragma once
// The hidden way into the staff mode: a finger held still in the screen's top-left corner for a
// few seconds. A patient's tap, a drag or a press elsewhere never triggers it; it fires once per
// press. Fed with the pointer every frame; no ImGui here, so it is tested without a window.
namespace kiosk::app {

class LongPress {
public:
    LongPress(double seconds, float corner_size) : seconds_(seconds), corner_(corner_size) {}

    // True on the frame the press has lasted long enough.
    bool feed(bool down, float x, float y, double now);
    // How long until a press in progress fires (for the render loop's sleep); < 0 when none.
    double seconds_left(double now) const { return pressing_ && !fired_ ? seconds_ - (now - since_) : -1; }

private:
    double seconds_;
    float corner_;
    bool pressing_ = false;
    bool fired_ = false;
    double since_ = 0;
};

}  // namespace kiosk::app
