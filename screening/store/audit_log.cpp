#include "audit_log.hpp"

#include <array>

#include <sodium.h>

namespace kiosk::store {

namespace {

const std::string genesis_hash(64, '0');

// BLAKE2b-256 over the previous hash and every field, separated by a unit separator so that no
// two different rows can produce the same input.
std::string row_hash(std::string_view prev, std::int64_t id, std::string_view at, std::string_view actor, std::string_view event,
                     const std::optional<std::int64_t>& submission, std::string_view detail) {
    // The numbers are spelled out first: views of temporaries would dangle inside the loop.
    const std::string id_text = std::to_string(id);
    const std::string submission_text = submission ? std::to_string(*submission) : std::string("-");
    std::string input;
    for (std::string_view part : {prev, std::string_view(id_text), at, actor, event, std::string_view(submission_text), detail}) {
        input.append(part);
        input.push_back('\x1f');
    }
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(input.data()), input.size(), nullptr, 0);
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), 64);
}

}  // namespace

std::string_view audit_event_name(AuditEvent e) {
    switch (e) {
        case AuditEvent::staff_sign_in: return "staff_sign_in";
        case AuditEvent::alert_failed: return "alert_failed";
        case AuditEvent::staff_signed_out: return "staff_signed_out";
        case AuditEvent::staff_unlocked: return "staff_unlocked";
        case AuditEvent::pin_reset: return "pin_reset";
        case AuditEvent::plan_checked: return "plan_checked";
        case AuditEvent::pin_failed: return "pin_failed";
        case AuditEvent::staff_locked_out: return "staff_locked_out";
        case AuditEvent::submission_viewed: return "submission_viewed";
        case AuditEvent::acknowledged: return "acknowledged";
        case AuditEvent::exported: return "exported";
        case AuditEvent::purged: return "purged";
        case AuditEvent::store_fault: return "store_fault";
        case AuditEvent::database_recovered: return "database_recovered";
    }
    return "?";
}

std::optional<SqliteError> append_audit(Connection& db, std::string_view at, AuditEvent event, std::string_view actor,
                                        std::optional<std::int64_t> submission_id, std::string_view detail) {
    SqliteError error;
    auto last = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
    if (!last) return error;
    std::int64_t next_id = 1;
    std::string prev = genesis_hash;
    const int rc = last->step();
    if (rc == SQLITE_ROW) {
        next_id = last->column_int(0) + 1;
        prev = last->column_text(1);
    } else if (rc != SQLITE_DONE) {
        return db.last_error("reading the audit log");
    }
    const std::string event_name(audit_event_name(event));
    const std::string hash = row_hash(prev, next_id, at, actor, event_name, submission_id, detail);
    auto insert = db.prepare(
        "INSERT INTO audit_log (id, at, actor, event, submission_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
    if (!insert) return error;
    insert->bind(1, next_id).bind(2, at).bind(3, actor).bind(4, event_name);
    if (submission_id) insert->bind(5, *submission_id);
    else insert->bind_null(5);
    insert->bind(6, detail).bind(7, prev).bind(8, hash);
    if (insert->step() != SQLITE_DONE) return db.last_error("writing the audit log");
    return std::nullopt;
}

AuditCheck verify_audit(Connection& db) {
    AuditCheck check;
    SqliteError error;
    auto rows = db.prepare("SELECT id, at, actor, event, submission_id, detail, prev_hash, hash FROM audit_log ORDER BY id", error);
    if (!rows) {
        check.intact = false;
        check.problem = error.message;
        return check;
    }
    std::string expected_prev = genesis_hash;
    std::int64_t expected_id = 1;
    int rc = SQLITE_ROW;
    while ((rc = rows->step()) == SQLITE_ROW) {
        ++check.rows;
        const std::int64_t id = rows->column_int(0);
        const std::optional<std::int64_t> submission =
            rows->column_is_null(4) ? std::nullopt : std::optional<std::int64_t>(rows->column_int(4));
        const std::string prev = rows->column_text(6);
        const std::string hash = rows->column_text(7);
        const auto broken = [&](std::string why) {
            check.intact = false;
            check.first_broken_id = id;
            check.problem = "audit row " + std::to_string(id) + ": " + why;
        };
        if (id != expected_id) broken("row " + std::to_string(expected_id) + " is missing (removed?)");
        else if (prev != expected_prev) broken("its link to the previous row does not match (a row before it was altered or removed)");
        else if (hash != row_hash(prev, id, rows->column_text(1), rows->column_text(2), rows->column_text(3), submission, rows->column_text(5)))
            broken("its content does not match its hash (altered)");
        if (!check.intact) return check;
        expected_prev = hash;
        expected_id = id + 1;
    }
    if (rc != SQLITE_DONE) {
        check.intact = false;
        check.problem = db.last_error("reading the audit log").message;
    }
    return check;
}

}  // namespace kiosk::store
