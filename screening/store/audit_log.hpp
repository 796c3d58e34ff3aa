#pragma once
// The audit trail: every staff sign-in, failed PIN, view, acknowledgement, export, purge and
// store fault. Each row carries the hash of the previous row, so that altering or removing a row
// breaks the chain at that point. Rows hold ids, never patient answers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sqlite_connection.hpp"

namespace kiosk::store {

enum class AuditEvent {
    staff_sign_in,
    pin_failed,
    staff_locked_out,
    submission_viewed,
    acknowledged,
    exported,
    purged,
    store_fault,
    database_recovered,
    alert_failed,  // a staff alert (chime or alert_command) did not reach staff
    staff_signed_out,
    staff_unlocked,
    pin_reset,
    plan_checked,
};

std::string_view audit_event_name(AuditEvent e);

// Appends one row. Call inside the caller's transaction when the event and its effect must land
// together (an acknowledgement and its audit row).
std::optional<SqliteError> append_audit(Connection& db, std::string_view at, AuditEvent event, std::string_view actor,
                                        std::optional<std::int64_t> submission_id, std::string_view detail);

struct AuditCheck {
    bool intact = true;
    std::int64_t rows = 0;
    std::optional<std::int64_t> first_broken_id;  // the first row whose link does not hold
    std::string problem;                          // plain words
};

AuditCheck verify_audit(Connection& db);

}  // namespace kiosk::store
