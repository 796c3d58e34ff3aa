#include "service_notify.hpp"

#include <cstdint>
#include <cstdlib>

#include <systemd/sd-daemon.h>

namespace kiosk::app {

ServiceNotifier::ServiceNotifier() {
    under_systemd_ = std::getenv("NOTIFY_SOCKET") != nullptr;
    std::uint64_t usec = 0;
    // sd_watchdog_enabled checks that WATCHDOG_PID is this process (or unset): under cage, the
    // watchdog is the kiosk's to keep, as NotifyAccess=all lets it.
    if (under_systemd_ && sd_watchdog_enabled(0, &usec) > 0 && usec > 0) interval_ = static_cast<double>(usec) / 2e6;
}

void ServiceNotifier::ready() {
    if (!under_systemd_ || ready_sent_) return;
    ready_sent_ = true;
    sd_notify(0, "READY=1\nSTATUS=Showing the welcome screen");
}

void ServiceNotifier::keep_alive(double now) {
    if (!interval_ || now - last_ping_ < *interval_) return;
    last_ping_ = now;
    sd_notify(0, "WATCHDOG=1");
}

std::optional<double> ServiceNotifier::seconds_until_ping(double now) const {
    if (!interval_) return std::nullopt;
    return last_ping_ + *interval_ - now;
}

}  // namespace kiosk::app
