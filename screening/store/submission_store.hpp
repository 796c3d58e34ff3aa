#pragma once
// SubmissionStore: the kiosk's SQLite database. Once a patient presses "Send", their submission is
// committed in one transaction (WAL, synchronous=FULL) before they are told it was sent; if the
// disk is full, failing or locked, it is kept in memory, retried, and the store reports a state
// the kiosk shows ("please see the front desk") and staff can read. Nothing is silently dropped.
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "audit_log.hpp"
#include "disk_reserve.hpp"
#include "severity.hpp"
#include "sqlite_connection.hpp"

namespace kiosk::store {

// Severities are stored as numbers (0 none … 4 urgent); one out of range (a damaged or foreign
// row) reads as urgent: a row staff cannot classify is one they must look at.
inline screening::Severity severity_from_column(std::int64_t v) {
    return v >= 0 && v <= 4 ? static_cast<screening::Severity>(v) : screening::Severity::urgent;
}
inline std::int64_t severity_column(screening::Severity s) { return static_cast<std::int64_t>(s); }

struct FiredRuleRecord {
    std::string rule_id;
    screening::Severity severity = screening::Severity::info;
    std::string answers_json;  // the answers that made it fire
    std::string source;        // where the rule comes from (rules.toml), as it read when it fired
};

// What the kiosk sends: the routed outcome, never a name.
struct NewSubmission {
    std::string locale;
    std::string content_version;
    std::string answers_json;
    screening::Severity severity = screening::Severity::none;
    std::vector<FiredRuleRecord> fired;
    std::string kiosk_id;  // which kiosk (several may forward to one clinic database)
};

struct StoredSubmission {
    std::int64_t id = 0;
    std::string kiosk_id;
    std::string ticket;
    std::string created_at;
    std::string locale;
    std::string content_version;
    std::string answers_json;
    screening::Severity severity = screening::Severity::none;
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
    screening::Severity severity = screening::Severity::none;
    std::string locale;
    bool acknowledged = false;
    std::string acknowledged_by;  // the staff number
};

// A signed-in staff member. Every staff action of the store takes one, so that the audit log
// says who; the kiosk's staff mode keeps it (with the last touch) and drops it on sign-out.
struct StaffSession {
    std::int64_t staff_id = 0;
    std::string staff_number;
    std::string display_name;
    std::string since;  // UTC, when the PIN was accepted
};

struct SignInResult {
    enum class Kind { ok, wrong_pin, wait, locked, unknown_staff, fault };
    Kind kind = Kind::fault;
    std::optional<StaffSession> session;  // ok only
    int wait_seconds = 0;   // wrong_pin and wait: the next attempt is refused until then
    int failures = 0;       // wrong PINs in a row so far
    std::string problem;    // fault: what went wrong (for the log)
};

struct NotFound {};

struct SubmitOutcome {
    bool stored = false;  // committed; false: kept in memory, will be retried
    std::string ticket;   // shown to the patient either way
};

struct StoreStatus {
    std::size_t pending = 0;                  // sent but not yet committed
    std::optional<std::string> last_fault;    // for staff: what went wrong last
    std::vector<std::string> staff_messages;  // events staff must know (a database moved aside), oldest first
    bool disk_full = false;                   // the reserve was spent: the next submission may not fit
    bool needs_front_desk() const { return pending > 0; }
    // Staff must look now, whatever the queue says: a submission only in memory, or a full disk.
    bool needs_staff() const { return pending > 0 || disk_full; }
};

struct StoreOptions {
    int busy_timeout_ms = 5000;
    int retention_days = 30;  // reviewed submissions older than this are purged
    const char* vfs = nullptr;  // tests inject faults through a VFS
    // Opened for reading only (kiosk-store's stats, list, verify-audit): nothing is written,
    // nothing migrated or moved aside; works on a read-only file and a full disk.
    bool read_only = false;
    // Space held beside the database (FILE.reserve) for a submission sent when the disk fills;
    // 0: none (kiosk-store's commands). The kiosk holds 16 MB, room for thousands of submissions.
    std::uint64_t reserve_bytes = 0;
    // The audit log's sealing key (audit_seal.hpp); default: the database's path + ".seal".
    std::filesystem::path seal_path;
    // Told where the audit log ends after every commit that added rows, for the system log.
    std::function<void(const AuditMark&)> on_audit_mark;
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
    [[nodiscard]] static std::variant<SubmissionStore, SqliteError> open(const std::filesystem::path& path, StoreOptions options = {});

    SubmitOutcome submit(NewSubmission submission);
    // Tries to commit what is pending, oldest first, and to make the reserve again after a full
    // disk; returns how many were committed.
    std::size_t retry_pending();
    const StoreStatus& status() const { return status_; }

    // A staff alert that failed (the command's exit, a missing sound device): audited with the
    // ticket and what went wrong, never an answer. A failure to write it is a store fault.
    void record_alert_failure(std::string_view ticket, std::string_view channel, std::string_view detail);

    // Unacknowledged flagged submissions, most severe first (for `kiosk-store list --flagged`).
    // A fault is reported as such, never as an empty list: an empty list would hide flags.
    [[nodiscard]] std::variant<std::vector<QueueEntry>, SqliteError> flagged_queue(int limit);
    // The staff queue: unacknowledged urgent, then stop, then caution, newest first within each;
    // then everything else, newest first.
    [[nodiscard]] std::variant<std::vector<QueueEntry>, SqliteError> staff_queue(const StaffSession& staff, int limit);
    // How many urgent submissions no one has acknowledged yet (the welcome screen's staff mark).
    [[nodiscard]] std::variant<std::int64_t, SqliteError> unacknowledged_urgent();
    // One submission with its fired rules; audited. Not found and a fault are told apart.
    [[nodiscard]] std::variant<StoredSubmission, NotFound, SqliteError> view(const StaffSession& staff, std::int64_t id);
    [[nodiscard]] std::optional<SqliteError> acknowledge(const StaffSession& staff, std::int64_t id, std::string_view note);
    // The infusion plan check of a submission and its result, for the audit trail (numbers only).
    [[nodiscard]] std::optional<SqliteError> record_plan_check(const StaffSession& staff, std::int64_t id, std::string_view detail);
    // Submissions for an export: the chosen ids, or all created in [from, to) (UTC, ISO 8601).
    [[nodiscard]] std::variant<std::vector<StoredSubmission>, SqliteError> submissions_for_export(const StaffSession& staff,
                                                                                    const std::vector<std::int64_t>& ids,
                                                                                    std::string_view from, std::string_view to);
    [[nodiscard]] std::optional<SqliteError> record_export(const StaffSession& staff, std::size_t count, std::string_view where);
    // All submissions as JSON lines, for the clinic's records; audited.
    [[nodiscard]] std::variant<std::string, SqliteError> export_json_lines(std::string_view staff);

    // Deletes reviewed submissions older than the retention period, then truncates the WAL so
    // that their answers do not linger on disk. Returns how many were deleted.
    [[nodiscard]] std::variant<std::int64_t, SqliteError> purge(std::string_view actor);
    [[nodiscard]] std::optional<SqliteError> backup(const std::filesystem::path& destination);
    StoreStats stats();
    AuditCheck check_audit(const std::vector<VerificationKey>& keys = {}, const std::optional<AuditMark>& expected = {}) {
        return verify_audit(db_, keys, expected);
    }
    // Where the audit log ends now (for exports); a fault is an error, never an empty log.
    [[nodiscard]] std::variant<AuditMark, SqliteError> audit_mark();
    // The verification key of a seal this store just made, once: shown to whoever set it up, and
    // kept nowhere on the kiosk.
    std::optional<VerificationKey> take_new_verification_key() { return std::exchange(new_verification_key_, std::nullopt); }

    // Staff accounts: numbers and PINs as staff_pin_policy.hpp says (a refused one is an error with
    // SQLITE_CONSTRAINT and the reason), PINs kept as Argon2id hashes. Each attempt is counted in
    // the database before the PIN is checked (a failed write refuses the sign-in); from the third
    // wrong PIN in a row the next attempt waits, twice as long each time; the tenth locks the
    // account until `kiosk-store staff unlock`. Every attempt is audited.
    [[nodiscard]] std::optional<SqliteError> add_staff(std::string_view staff_number, std::string_view pin, std::string_view display_name = {});
    [[nodiscard]] std::optional<SqliteError> reset_pin(std::string_view staff_number, std::string_view pin);
    [[nodiscard]] std::optional<SqliteError> unlock_staff(std::string_view staff_number);
    SignInResult sign_in(std::string_view staff_number, std::string_view pin);
    void record_sign_out(const StaffSession& staff, std::string_view why);

    Connection& connection() { return db_; }

private:
    SubmissionStore(Connection db, StoreOptions options)
        : db_(std::move(db)), options_(std::move(options)), audit_(std::make_unique<AuditLog>(options_.on_audit_mark)) {}
    [[nodiscard]] static std::variant<SubmissionStore, SqliteError> open_read_only(const std::filesystem::path& path, StoreOptions options, bool exists);
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
    [[nodiscard]] std::optional<SqliteError> commit(Pending& p, bool ticket_shown, std::string_view audit_note = {});
    // commit, and when the disk is full, once more in the room the reserve leaves (staff told).
    [[nodiscard]] std::optional<SqliteError> commit_or_use_reserve(Pending& p, bool ticket_shown);
    // After the reserve was spent: makes it again once the disk has room (staff told).
    void restore_reserve();
    // A code free on `day`, in the database and among the pending submissions.
    std::string free_ticket_code(const std::string& day);
    void record_fault(const SqliteError& e);
    // Loads the audit seal, or makes one (moving a damaged one aside), and writes the sealing row
    // when the log has none for it.
    [[nodiscard]] std::optional<SqliteError> open_seal(const std::filesystem::path& db_path);
    [[nodiscard]] std::optional<SqliteError> audit(std::string_view at, AuditEvent event, std::string_view actor, std::optional<std::int64_t> submission_id,
                                     std::string_view detail) {
        return audit_->append(db_, at, event, actor, submission_id, detail);
    }
    std::string now() const { return options_.now_utc(); }

    Connection db_;
    StoreOptions options_;
    std::deque<Pending> pending_;
    StoreStatus status_;
    DiskReserve reserve_;
    // On the heap: SQLite's hooks hold its address while the store itself moves.
    std::unique_ptr<AuditLog> audit_;
    std::optional<VerificationKey> new_verification_key_;
    // After db_, so that they are finalised before the connection closes.
    std::optional<Statement> insert_submission_;
    std::optional<Statement> insert_fired_rule_;
};

}  // namespace kiosk::store
