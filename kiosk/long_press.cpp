#include "long_press.hpp"

namespace kiosk::app {

bool LongPress::feed(bool down, float x, float y, double now) {
    const bool in_corner = x >= 0 && y >= 0 && x <= corner_ && y <= corner_;
    if (!down || !in_corner) {  // lifted, or slid out of the corner: start again
        pressing_ = false;
        fired_ = false;
        return false;
    }
    if (!pressing_) {
        pressing_ = true;
        since_ = now;
    }
    if (!fired_ && now - since_ >= seconds_) {
        fired_ = true;
        return true;
    }
    return false;
}

}  // namespace kiosk::app
