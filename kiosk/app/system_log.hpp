#pragma once
// The kiosk's log lines, for IT. Under systemd they go to the journal with fields to filter by
// (KIOSK_EVENT, KIOSK_ID, PRIORITY: `journalctl -u magnesium-kiosk KIOSK_EVENT=audit_mark`);
// elsewhere to standard error as "kiosk: …". What goes in: reasons, file names, counts, audit
// marks. Never an answer, a ticket or a PIN: the store's messages for staff are written without
// them, and tests/e2e scans a whole run's log for what it typed.
#include <string>
#include <string_view>

namespace kiosk::app {

enum class LogLevel { error = 3, warning = 4, notice = 5, info = 6 };  // syslog priorities

// Which kiosk writes (kiosk_id from the configuration), in every entry from then on.
void set_log_kiosk_id(std::string kiosk_id);
// `event`: a short fixed word (out_of_service, content, store, audit_mark, picture, screenshot).
void system_log(LogLevel level, std::string_view event, std::string_view message);

}  // namespace kiosk::app
