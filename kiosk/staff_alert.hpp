#pragma once
// Telling staff at once that a patient needs them: an urgent (and, if the clinic wants, a `stop`)
// submission raises an alert the moment it is stored. Two channels, each optional:
//   - a chime from the kiosk's own speaker (libcanberra, through the system's audio);
//   - the clinic's `alert_command`, run without a shell with exactly two arguments, the ticket
//     code and the severity, so that a clinic can light a lamp or page a nurse. Never an answer.
// Neither may hold up the patient's screen: the command runs in the background and a chime that
// cannot play is only logged. Outcomes come back through finished() for the audit log.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "severity.hpp"

namespace kiosk::app {

struct AlertSettings {
    bool chime = true;                  // the audible chime; false switches it off
    std::filesystem::path chime_sound_path;  // a sound file; empty: the sound theme's alarm event
    std::vector<std::string> command;   // program (absolute path) and fixed arguments; empty: none
    bool on_stop = false;               // alert for `stop` submissions too, not only `urgent`
    int command_timeout_seconds = 10;   // a command still running then is killed (and audited)
};

// What happened to one alert channel, for the log and the audit trail (no answers, ever).
struct AlertOutcome {
    std::string ticket;
    std::string channel;  // "command" or "chime"
    bool ok = false;
    std::string detail;   // "exited with status 3", "killed after 10 s", "no sound device"
};

class StaffAlerter {
public:
    virtual ~StaffAlerter() = default;
    // Whether a submission of this severity alerts staff under these settings.
    virtual bool alerts_for(screening::Severity severity) const = 0;
    // Starts the alert and returns at once.
    virtual void raise(const std::string& ticket, screening::Severity severity) = 0;
    // Outcomes that arrived since the last call (the command's end may come seconds later).
    virtual std::vector<AlertOutcome> finished() = 0;
    // Whether an outcome is still to come (a command running): the kiosk then looks for it
    // soon, instead of sleeping until the next touch.
    virtual bool waiting() const { return false; }
};

// The real channels: libcanberra and posix_spawn.
std::unique_ptr<StaffAlerter> make_system_alerter(const AlertSettings& settings);

}  // namespace kiosk::app
