#pragma once
// Talking to systemd when the kiosk runs as its service (Type=notify, WatchdogSec): "ready" once
// the first screen is drawn, and a watchdog ping from the UI loop while that loop keeps going.
// A loop stuck (a drawing thread that hangs, a deadlock) stops pinging, and systemd restarts the
// kiosk. Outside systemd (no NOTIFY_SOCKET) every call does nothing and the loop never wakes for
// it: the idle kiosk still sleeps until a touch.
#include <optional>

namespace kiosk::app {

class ServiceNotifier {
public:
    ServiceNotifier();
    // Once, after the first complete frame.
    void ready();
    // From the loop: pings when half the watchdog interval has passed since the last one.
    void keep_alive(double now);
    // Seconds until the next ping is due; nothing when there is no watchdog.
    std::optional<double> seconds_until_ping(double now) const;
    bool under_systemd() const { return under_systemd_; }

private:
    bool under_systemd_ = false;
    std::optional<double> interval_;  // half of WatchdogSec
    double last_ping_ = -1e9;
    bool ready_sent_ = false;
};

}  // namespace kiosk::app
