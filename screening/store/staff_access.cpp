// SubmissionStore: what staff do. Accounts and sign-in (with the attempt counted before the PIN
// is checked), the queue, viewing and acknowledging a submission, plan checks and exports. Each
// takes a StaffSession so that the audit log names who; each reports a fault as a fault.
#include <sodium.h>

#include <algorithm>

#include "staff_pin_policy.hpp"
#include "submission_store.hpp"

namespace kiosk::store {

namespace {

constexpr int wrong_pins_before_lockout = 10;
constexpr int wrong_pins_before_waiting = 3;
constexpr int longest_wait_seconds = 300;

// 0 s for the first two wrong PINs, then 2, 4, 8, … s (at most 5 minutes) before the next try.
int wait_after(int failures) {
    if (failures < wrong_pins_before_waiting) return 0;
    return std::min(longest_wait_seconds, 1 << std::min(failures - wrong_pins_before_waiting + 1, 16));
}

std::optional<std::string> hash_pin(std::string_view pin) {
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return std::nullopt;
    }
    return std::string(hash);
}

// An operator's reset or unlock: the wrong-PIN count, the wait and the lock cleared (and a new PIN
// hash set, when given), audited.
std::optional<SqliteError> reopen_account(Connection& db, AuditLog& audit, std::string_view at, std::string_view staff_number,
                                          const std::string* new_hash, AuditEvent event) {
    SqliteError error;
    auto update = db.prepare("UPDATE staff SET pin_hash = coalesce(?, pin_hash), failed_attempts = 0, locked = 0, locked_until = NULL "
                             "WHERE name = ?", error);
    if (!update) return error;
    if (new_hash) update->bind(1, *new_hash);
    else update->bind_null(1);
    if (update->bind(2, staff_number).step() != SQLITE_DONE) return db.last_error("updating a staff account");
    if (sqlite3_changes(db.handle()) == 0) return SqliteError{SQLITE_NOTFOUND, "no staff account with number " + std::string(staff_number)};
    return audit.append(db, at, event, "operator", std::nullopt, "staff " + std::string(staff_number));
}

const char* const submission_columns =
    "s.id, s.ticket, s.created_at, s.locale, s.content_version, s.answers_json, s.severity, s.acknowledged, "
    "COALESCE(r.staff_name, ''), COALESCE(r.acknowledged_at, ''), COALESCE(r.note, ''), s.kiosk_id";

StoredSubmission read_submission(Statement& q) {
    StoredSubmission s;
    s.id = q.column_int(0);
    s.ticket = q.column_text(1);
    s.created_at = q.column_text(2);
    s.locale = q.column_text(3);
    s.content_version = q.column_text(4);
    s.answers_json = q.column_text(5);
    s.severity = severity_from_column(q.column_int(6));
    s.acknowledged = q.column_int(7) != 0;
    s.acknowledged_by = q.column_text(8);
    s.acknowledged_at = q.column_text(9);
    s.note = q.column_text(10);
    s.kiosk_id = q.column_text(11);
    return s;
}

std::optional<SqliteError> read_fired(Connection& db, StoredSubmission& s) {
    SqliteError error;
    auto fired = db.prepare("SELECT rule_id, severity, answers_json, source FROM fired_rules WHERE submission_id = ? ORDER BY position", error);
    if (!fired) return error;
    fired->bind(1, s.id);
    int rc = SQLITE_ROW;
    while ((rc = fired->step()) == SQLITE_ROW) {
        s.fired.push_back({fired->column_text(0), severity_from_column(fired->column_int(1)), fired->column_text(2), fired->column_text(3)});
    }
    if (rc != SQLITE_DONE) return db.last_error("reading the rules that fired");
    return std::nullopt;
}

QueueEntry read_queue_entry(Statement& q) {
    return {q.column_int(0), q.column_text(1), q.column_text(2), severity_from_column(q.column_int(3)), q.column_text(4),
            q.column_int(5) != 0, q.column_text(6)};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Accounts and sign-in
// ---------------------------------------------------------------------------------------------

std::optional<SqliteError> SubmissionStore::add_staff(std::string_view staff_number, std::string_view pin, std::string_view display_name) {
    if (auto problem = staff_number_problem(staff_number)) return SqliteError{SQLITE_CONSTRAINT, *problem};
    if (auto problem = pin_problem(staff_number, pin)) return SqliteError{SQLITE_CONSTRAINT, *problem};
    const std::optional<std::string> hash = hash_pin(pin);
    if (!hash) return SqliteError{SQLITE_NOMEM, "not enough memory to hash the PIN"};
    SqliteError error;
    auto insert = db_.prepare("INSERT INTO staff (name, pin_hash, display_name) VALUES (?, ?, ?)", error);
    if (!insert) return error;
    if (insert->bind(1, staff_number).bind(2, *hash).bind(3, std::string(display_name)).step() != SQLITE_DONE) {
        SqliteError e = db_.last_error("adding a staff account");
        if (e.code == SQLITE_CONSTRAINT_UNIQUE) e.message = "staff number " + std::string(staff_number) + " already has an account";
        return e;
    }
    return std::nullopt;
}

std::optional<SqliteError> SubmissionStore::reset_pin(std::string_view staff_number, std::string_view pin) {
    if (auto problem = pin_problem(staff_number, pin)) return SqliteError{SQLITE_CONSTRAINT, *problem};
    const std::optional<std::string> hash = hash_pin(pin);
    if (!hash) return SqliteError{SQLITE_NOMEM, "not enough memory to hash the PIN"};
    return reopen_account(db_, *audit_, now(), staff_number, &*hash, AuditEvent::pin_reset);
}

std::optional<SqliteError> SubmissionStore::unlock_staff(std::string_view staff_number) {
    return reopen_account(db_, *audit_, now(), staff_number, nullptr, AuditEvent::staff_unlocked);
}

SignInResult SubmissionStore::sign_in(std::string_view staff_number, std::string_view pin) {
    using Kind = SignInResult::Kind;
    SignInResult result;
    const auto fault = [&](const SqliteError& e) {
        db_.rollback_if_open();
        record_fault(e);
        result.kind = Kind::fault;
        result.problem = e.message;
        return result;
    };
    SqliteError error;
    auto q = db_.prepare("SELECT id, pin_hash, failed_attempts, COALESCE(locked_until, ''), locked, display_name FROM staff WHERE name = ?", error);
    if (!q) return fault(error);
    q->bind(1, staff_number);
    const int rc = q->step();
    if (rc == SQLITE_DONE) {
        if (auto e = audit(now(), AuditEvent::pin_failed, staff_number, std::nullopt, "no such staff account")) record_fault(*e);
        result.kind = Kind::unknown_staff;
        return result;
    }
    if (rc != SQLITE_ROW) return fault(db_.last_error("reading a staff account"));
    const std::int64_t id = q->column_int(0);
    const std::string hash = q->column_text(1);
    const int failures = static_cast<int>(q->column_int(2));
    const std::string not_before = q->column_text(3);
    const bool locked = q->column_int(4) != 0;
    const std::string display_name = q->column_text(5);
    q.reset();
    result.failures = failures;
    const std::string at = now();
    if (locked) {
        if (auto e = audit(at, AuditEvent::pin_failed, staff_number, std::nullopt, "account locked")) record_fault(*e);
        result.kind = Kind::locked;
        return result;
    }
    if (!not_before.empty() && not_before > at) {
        result.kind = Kind::wait;
        result.wait_seconds = static_cast<int>(db_.query_int("SELECT max(1, CAST(round((julianday('" + not_before + "') - julianday('" +
                                                             at + "')) * 86400) AS INTEGER))").value_or(1));
        return result;
    }
    // Counted before the check: a PIN guesser who can make this write fail gets no answer at all.
    auto count = db_.prepare("UPDATE staff SET failed_attempts = failed_attempts + 1 WHERE id = ?", error);
    if (!count) return fault(error);
    if (count->bind(1, id).step() != SQLITE_DONE) return fault(db_.last_error("counting a sign-in attempt"));
    count.reset();

    if (crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0) {
        if (auto e = db_.exec("UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = " + std::to_string(id))) return fault(*e);
        // A sign-in the audit log cannot record is refused, like one whose attempt cannot be counted.
        if (auto e = audit(at, AuditEvent::staff_sign_in, staff_number, std::nullopt, "")) return fault(*e);
        result.kind = Kind::ok;
        result.failures = 0;
        result.session = StaffSession{id, std::string(staff_number), display_name, at};
        return result;
    }
    result.failures = failures + 1;
    if (result.failures >= wrong_pins_before_lockout) {
        if (auto e = db_.exec("UPDATE staff SET locked = 1 WHERE id = " + std::to_string(id))) return fault(*e);
        if (auto e = audit(at, AuditEvent::staff_locked_out, staff_number, std::nullopt,
                           std::to_string(result.failures) + " wrong PINs: locked until unlocked with kiosk-store staff unlock")) {
            record_fault(*e);
        }
        result.kind = Kind::locked;
        return result;
    }
    result.wait_seconds = wait_after(result.failures);
    if (result.wait_seconds > 0) {
        auto until = db_.prepare("UPDATE staff SET locked_until = strftime('%Y-%m-%dT%H:%M:%SZ', ?, ?) WHERE id = ?", error);
        if (!until) return fault(error);
        if (until->bind(1, at).bind(2, "+" + std::to_string(result.wait_seconds) + " seconds").bind(3, id).step() != SQLITE_DONE) {
            return fault(db_.last_error("delaying the next sign-in attempt"));
        }
    }
    if (auto e = audit(at, AuditEvent::pin_failed, staff_number, std::nullopt, "wrong PIN (" + std::to_string(result.failures) + " in a row)")) {
        record_fault(*e);
    }
    result.kind = Kind::wrong_pin;
    return result;
}

void SubmissionStore::record_sign_out(const StaffSession& staff, std::string_view why) {
    if (auto e = audit(now(), AuditEvent::staff_signed_out, staff.staff_number, std::nullopt, why)) record_fault(*e);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The queue and one submission
// ---------------------------------------------------------------------------------------------

std::variant<std::vector<QueueEntry>, SqliteError> SubmissionStore::flagged_queue(int limit) {
    SqliteError error;
    auto q = db_.prepare(
        "SELECT s.id, s.ticket, s.created_at, s.severity, s.locale, s.acknowledged, '' FROM submissions s "
        "WHERE s.acknowledged = 0 AND s.severity > 0 ORDER BY s.severity DESC, s.id LIMIT ?", error);
    if (!q) return error;
    q->bind(1, static_cast<std::int64_t>(limit));
    std::vector<QueueEntry> out;
    int rc = SQLITE_ROW;
    while ((rc = q->step()) == SQLITE_ROW) out.push_back(read_queue_entry(*q));
    if (rc != SQLITE_DONE) return db_.last_error("reading the flagged submissions");
    return out;
}

std::variant<std::vector<QueueEntry>, SqliteError> SubmissionStore::staff_queue(const StaffSession&, int limit) {
    SqliteError error;
    std::vector<QueueEntry> out;
    // First what staff must act on, from the partial index (a reverse scan: newest first within
    // each severity); then, only if the page has room, the rest, newest first.
    auto flagged = db_.prepare(
        "SELECT s.id, s.ticket, s.created_at, s.severity, s.locale, s.acknowledged, '' FROM submissions s "
        "WHERE s.acknowledged = 0 AND s.severity >= 2 ORDER BY s.severity DESC, s.id DESC LIMIT ?", error);
    if (!flagged) return error;
    flagged->bind(1, static_cast<std::int64_t>(limit));
    int rc = SQLITE_ROW;
    while ((rc = flagged->step()) == SQLITE_ROW) out.push_back(read_queue_entry(*flagged));
    if (rc != SQLITE_DONE) return db_.last_error("reading the staff queue");
    if (static_cast<int>(out.size()) >= limit) return out;
    auto rest = db_.prepare(
        "SELECT s.id, s.ticket, s.created_at, s.severity, s.locale, s.acknowledged, COALESCE(r.staff_name, '') "
        "FROM submissions s LEFT JOIN reviews r ON r.submission_id = s.id "
        "WHERE NOT (s.acknowledged = 0 AND s.severity >= 2) ORDER BY s.id DESC LIMIT ?", error);
    if (!rest) return error;
    rest->bind(1, static_cast<std::int64_t>(limit - static_cast<int>(out.size())));
    while ((rc = rest->step()) == SQLITE_ROW) out.push_back(read_queue_entry(*rest));
    if (rc != SQLITE_DONE) return db_.last_error("reading the staff queue");
    return out;
}

std::variant<std::int64_t, SqliteError> SubmissionStore::unacknowledged_urgent() {
    const std::optional<std::int64_t> n = db_.query_int("SELECT count(*) FROM submissions WHERE acknowledged = 0 AND severity = 4");
    if (!n) return db_.last_error("counting urgent submissions");
    return *n;
}

std::variant<StoredSubmission, NotFound, SqliteError> SubmissionStore::view(const StaffSession& staff, std::int64_t id) {
    SqliteError error;
    auto q = db_.prepare(std::string("SELECT ") + submission_columns +
                             " FROM submissions s LEFT JOIN reviews r ON r.submission_id = s.id WHERE s.id = ?", error);
    if (!q) return error;
    q->bind(1, id);
    const int rc = q->step();
    if (rc == SQLITE_DONE) return NotFound{};
    if (rc != SQLITE_ROW) return db_.last_error("reading a submission");
    StoredSubmission s = read_submission(*q);
    q.reset();
    if (auto e = read_fired(db_, s)) return *e;
    if (auto e = audit(now(), AuditEvent::submission_viewed, staff.staff_number, id, "")) {
        // Staff still see it (a flag must never be hidden by a full disk), and are told.
        record_fault(*e);
        status_.staff_messages.push_back("A view of submission " + std::to_string(id) + " could not be written to the audit log.");
    }
    return s;
}

std::optional<SqliteError> SubmissionStore::acknowledge(const StaffSession& staff, std::int64_t id, std::string_view note) {
    if (auto e = db_.exec("BEGIN IMMEDIATE")) return e;
    SqliteError error;
    auto insert = db_.prepare("INSERT INTO reviews (submission_id, acknowledged_at, staff_name, note, staff_id) VALUES (?, ?, ?, ?, ?)", error);
    std::optional<SqliteError> e;
    if (!insert) e = error;
    else if (insert->bind(1, id).bind(2, now()).bind(3, staff.staff_number).bind(4, std::string(note)).bind(5, staff.staff_id).step() != SQLITE_DONE) {
        e = db_.last_error("acknowledging");
    }
    if (!e) {
        auto update = db_.prepare("UPDATE submissions SET acknowledged = 1 WHERE id = ?", error);
        if (!update) e = error;
        else if (update->bind(1, id).step() != SQLITE_DONE) e = db_.last_error("acknowledging");
    }
    if (!e) e = audit(now(), AuditEvent::acknowledged, staff.staff_number, id, note.empty() ? "" : "with a note");
    if (!e) e = db_.exec("COMMIT");
    if (e) {
        db_.rollback_if_open();
        record_fault(*e);
    }
    return e;
}

std::optional<SqliteError> SubmissionStore::record_plan_check(const StaffSession& staff, std::int64_t id, std::string_view detail) {
    return audit(now(), AuditEvent::plan_checked, staff.staff_number, id, detail);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Export
// ---------------------------------------------------------------------------------------------

std::variant<std::vector<StoredSubmission>, SqliteError> SubmissionStore::submissions_for_export(const StaffSession&,
                                                                                                 const std::vector<std::int64_t>& ids,
                                                                                                 std::string_view from, std::string_view to) {
    SqliteError error;
    const std::string base = std::string("SELECT ") + submission_columns + " FROM submissions s LEFT JOIN reviews r ON r.submission_id = s.id ";
    auto q = ids.empty() ? db_.prepare(base + "WHERE s.created_at >= ? AND s.created_at < ? ORDER BY s.id", error)
                         : db_.prepare(base + "WHERE s.id = ?", error);
    if (!q) return error;
    std::vector<StoredSubmission> out;
    const auto read_all = [&]() -> std::optional<SqliteError> {
        int rc = SQLITE_ROW;
        while ((rc = q->step()) == SQLITE_ROW) out.push_back(read_submission(*q));
        if (rc != SQLITE_DONE) return db_.last_error("reading submissions to export");
        return std::nullopt;
    };
    if (ids.empty()) {
        q->bind(1, from).bind(2, to);
        if (auto e = read_all()) return *e;
    } else {
        for (const std::int64_t id : ids) {
            q->reset();
            q->bind(1, id);
            if (auto e = read_all()) return *e;
        }
    }
    q.reset();
    for (StoredSubmission& s : out) {
        if (auto e = read_fired(db_, s)) return *e;
    }
    return out;
}

std::optional<SqliteError> SubmissionStore::record_export(const StaffSession& staff, std::size_t count, std::string_view where) {
    return audit(now(), AuditEvent::exported, staff.staff_number, std::nullopt,
                        std::to_string(count) + " submissions to " + std::string(where));
}

}  // namespace kiosk::store
