#include "idle_timer.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::app {

IdleTimer::Phase IdleTimer::phase(double now) const {
    const double idle = now - last_touch_;
    if (idle < timeout_) return Phase::active;
    if (idle < timeout_ + countdown_) return Phase::countdown;
    return Phase::expired;
}

int IdleTimer::countdown_seconds_left(double now) const {
    if (phase(now) != Phase::countdown) return 0;
    return static_cast<int>(std::ceil(timeout_ + countdown_ - (now - last_touch_)));
}

double IdleTimer::seconds_until_next_change(double now) const {
    const double idle = now - last_touch_;
    if (idle < timeout_) return timeout_ - idle;
    if (idle < timeout_ + countdown_) {
        // The countdown's number changes every whole second.
        const double left = timeout_ + countdown_ - idle;
        return std::max(0.0, left - std::floor(left - 1e-9));
    }
    return 0;
}

double IdleTimer::seconds_until_expired(double now) const { return std::max(0.0, timeout_ + countdown_ - (now - last_touch_)); }

}  // namespace kiosk::app
