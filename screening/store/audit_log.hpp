#pragma once
// The audit trail: every submission stored and purged, staff sign-in, failed PIN, view,
// acknowledgement, export and store fault. Each row carries the seal of the previous row, and is
// sealed under a forward-secure key (audit_seal.hpp), so that altering, removing or re-chaining a
// row shows at that row. Rows hold ids and tickets, never patient answers. Databases from before
// sealing keep their first rows chained with an unkeyed hash; the row that starts sealing names
// how many there were and the last one's hash, so that they cannot be added to later.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit_seal.hpp"

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
    submission_stored,  // a patient's submission committed (its ticket, never its answers)
    sealing_started,    // the first sealed row of a key: which key, and what came before it
};

std::string_view audit_event_name(AuditEvent e);

// Where the log ends: its row count and the last row's seal. Written where the database cannot
// change it (the system log after every commit, every export), so that a cut tail is found.
struct AuditMark {
    std::int64_t rows = 0;
    std::string head;  // the last row's seal (hex); empty for an empty log
    // "42:3fa2…": what `kiosk-store verify-audit --expect` takes.
    std::string text() const { return std::to_string(rows) + ":" + head; }
    static std::optional<AuditMark> parse(std::string_view text);
};

// The writing side: seals each row, and tells `on_mark` where the log ends after every commit
// that added rows (never before: a row rolled back must not be published as written).
class AuditLog {
public:
    explicit AuditLog(std::function<void(const AuditMark&)> on_mark = {}) : on_mark_(std::move(on_mark)) {}
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // The seal rows are written under; without one, rows cannot be appended.
    void use(AuditSeal seal) { seal_.emplace(std::move(seal)); }
    const AuditSeal* seal() const { return seal_ ? &*seal_ : nullptr; }
    // Installs the hooks that publish marks after each commit (SQLite's WAL hook, which also takes
    // over its automatic checkpoints) and forget rolled-back rows. `this` must outlive `db`'s use.
    void attach(Connection& db);

    // Appends one row. Call inside the caller's transaction when the event and its effect must
    // land together (an acknowledgement and its audit row). `at` is UTC, ISO 8601.
    [[nodiscard]] std::optional<SqliteError> append(Connection& db, std::string_view at, AuditEvent event, std::string_view actor,
                                      std::optional<std::int64_t> submission_id, std::string_view detail);

private:
    [[nodiscard]] std::optional<SqliteError> append_locked(Connection& db, std::string_view at, AuditEvent event, std::string_view actor,
                                             std::optional<std::int64_t> submission_id, std::string_view detail);
    static int on_commit(void* self, sqlite3* db, const char* name, int wal_pages);
    static void on_rollback(void* self);

    std::optional<AuditSeal> seal_;
    std::function<void(const AuditMark&)> on_mark_;
    std::optional<AuditMark> written_;  // appended in the open transaction, not yet committed
};

// The detail of a sealing row: the key's id, and the rows (and last hash) before it.
std::string sealing_detail(std::string_view key_id, std::int64_t earlier_rows, std::string_view earlier_head, std::string_view why = {});

struct AuditCheck {
    bool intact = true;
    std::int64_t rows = 0;
    std::int64_t unsealed_rows = 0;   // from before sealing began: chained with an unkeyed hash only
    std::int64_t checked_rows = 0;    // sealed rows whose seal was checked with a verification key
    std::optional<std::int64_t> first_untrusted_id;  // this row and every later one cannot be trusted
    std::string problem;                             // plain words
    std::vector<std::string> notes;                  // what was not checked, and why
    AuditMark mark;                                  // where the log ends now
};

// Checks every link; with verification keys, every seal; with `expected` (from the system log or
// an export), that no row after it was cut off.
AuditCheck verify_audit(Connection& db, const std::vector<VerificationKey>& keys = {}, const std::optional<AuditMark>& expected = {});

}  // namespace kiosk::store
