#pragma once
// Privacy on a shared screen: after a stretch with no touch the kiosk asks "Are you still there?"
// with a countdown, then wipes the session. Time is passed in (seconds, monotonic), so tests and
// the render loop drive it the same way.
namespace kiosk::app {

class IdleTimer {
public:
    IdleTimer(double timeout_seconds, double countdown_seconds) : timeout_(timeout_seconds), countdown_(countdown_seconds) {}

    enum class Phase { active, countdown, expired };

    void touched(double now) { last_touch_ = now; }
    Phase phase(double now) const;
    // Whole seconds left on the countdown (shown to the patient), 0 when not counting down.
    int countdown_seconds_left(double now) const;
    // How long the render loop may sleep before something on screen must change.
    double seconds_until_next_change(double now) const;
    // How long until the timer expires (0 once it has); where no countdown is shown, the one
    // moment anything changes.
    double seconds_until_expired(double now) const;

private:
    double timeout_;
    double countdown_;
    double last_touch_ = 0;
};

}  // namespace kiosk::app
