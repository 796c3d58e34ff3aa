#pragma once
// SubmissionStore: the kiosk's SQLite database. Once a patient presses "Send", their submission is
// committed in one transaction (WAL, synchronous=FULL) before they are told it was sent; if the
// disk is full, failing or locked, it is kept in memory, retried, and the store reports a state
// the kiosk shows ("please see the front desk") and staff can read. Nothing is silently dropped.
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "audit_log.hpp"
#include "sqlite_connection.hpp"

namespace kiosk::store {

struct FiredRuleRecord {
    std::string rule_id;
    int severity = 0;
    std::string answers_json;  // the answers that made it fire
    std::string source;        // where the rule comes from (rules.toml), as it read when it fired
};

// What the kiosk sends: the routed outcome, never a name.
struct NewSubmission {
    std::string locale;
    std::string content_version;
    std::string answers_json;
    int severity = 0;  // screening::Severity as a number (0 none … 4 urgent)
    std::vector<FiredRuleRecord> fired;
};

struct StoredSubmission {
    std::int64_t id = 0;
    std::string ticket;
    std::string created_at;
    std::string locale;
    std::string content_version;
    std::string answers_json;
    int severity = 0;
    bool acknowledged = false;
    std::string acknowledged_by;
    std::string acknowledged_at;
    std::string note;
    std::vector<FiredRuleRecord> fired;
};

// One row of the staff queue (no answers: those are shown only when a submission is opened).
struct QueueEntry {
    std::int64_t id = 0;
    std::string ticket;
    std::string created_at;
    int severity = 0;
};

struct SubmitOutcome {
    bool stored = false;  // committed; false: kept in memory, will be retried
    std::string ticket;   // shown to the patient either way
};

struct StoreStatus {
    std::size_t pending = 0;                  // sent but not yet committed
    std::optional<std::string> last_fault;    // for staff: what went wrong last
    std::vector<std::string> staff_messages;  // events staff must know (a database moved aside)
    bool needs_front_desk() const { return pending > 0; }
};

struct StoreOptions {
    int busy_timeout_ms = 5000;
    int retention_days = 30;  // reviewed submissions older than this are purged
    const char* vfs = nullptr;  // tests inject faults through a VFS
    std::function<std::string()> now_utc;    // "2026-11-23T20:25:00Z"; default: the system clock
    std::function<std::string()> today_local;  // "2026-11-23"; default: the system clock
};

struct StoreStats {
    std::int64_t submissions = 0;
    std::int64_t flagged_unacknowledged = 0;
    std::int64_t acknowledged = 0;
    std::int64_t audit_rows = 0;
    std::int64_t schema_version = 0;
};

class SubmissionStore {
public:
    // Opens or creates the database: quick_check (a corrupt file is moved aside, never deleted),
    // refuse a newer schema, migrate, set the durability pragmas. An error means no store at all.
    static std::variant<SubmissionStore, SqliteError> open(const std::filesystem::path& path, StoreOptions options = {});

    SubmitOutcome submit(NewSubmission submission);
    // Tries to commit what is pending, oldest first; returns how many were committed.
    std::size_t retry_pending();
    const StoreStatus& status() const { return status_; }

    // A staff alert that failed (the command's exit, a missing sound device): audited with the
    // ticket and what went wrong, never an answer. A failure to write it is a store fault.
    void record_alert_failure(std::string_view ticket, std::string_view channel, std::string_view detail);

    std::vector<QueueEntry> flagged_queue(int limit);
    std::optional<StoredSubmission> view(std::int64_t id, std::string_view staff);
    std::optional<SqliteError> acknowledge(std::int64_t id, std::string_view staff, std::string_view note);
    // All submissions as JSON lines, for the clinic's records; audited.
    std::variant<std::string, SqliteError> export_json_lines(std::string_view staff);

    // Deletes reviewed submissions older than the retention period, then truncates the WAL so
    // that their answers do not linger on disk. Returns how many were deleted.
    std::variant<std::int64_t, SqliteError> purge(std::string_view actor);
    std::optional<SqliteError> backup(const std::filesystem::path& destination);
    StoreStats stats();
    AuditCheck check_audit() { return verify_audit(db_); }

    // Staff accounts: PINs are kept as Argon2id hashes; 5 wrong PINs lock the account for 5 minutes.
    std::optional<SqliteError> add_staff(std::string_view name, std::string_view pin);
    enum class SignIn { ok, wrong_pin, locked, unknown_staff, fault };
    SignIn sign_in(std::string_view name, std::string_view pin);

    Connection& connection() { return db_; }

private:
    SubmissionStore(Connection db, StoreOptions options) : db_(std::move(db)), options_(std::move(options)) {}
    // A submission as the patient sent it: its time and day are when they pressed Send, however
    // late it is committed.
    struct Pending {
        NewSubmission submission;
        std::string ticket;
        std::string sent_at;
        std::string day;
    };
    // `ticket_shown`: the patient already has the ticket (a retry), so a clash must not replace it
    // silently. Otherwise a clash draws a new code.
    std::optional<SqliteError> commit(Pending& p, bool ticket_shown);
    // A code free on `day`, in the database and among the pending submissions.
    std::string free_ticket_code(const std::string& day);
    void record_fault(const SqliteError& e);
    std::string now() const { return options_.now_utc(); }

    Connection db_;
    StoreOptions options_;
    std::deque<Pending> pending_;
    StoreStatus status_;
    // After db_, so that they are finalised before the connection closes.
    std::optional<Statement> insert_submission_;
    std::optional<Statement> insert_fired_rule_;
};

}  // namespace kiosk::store
