#include "submission_store.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

#include <cerrno>
#include <cstdio>

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>

#include "store_schema.hpp"
#include "ticket_code.hpp"

namespace kiosk::store {

namespace {

std::string format_time(const char* format, bool utc) {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    if (utc) gmtime_r(&t, &parts);
    else localtime_r(&t, &parts);
    char text[32];
    std::strftime(text, sizeof text, format, &parts);
    return text;
}

enum class FileState { healthy, corrupt };

// PRAGMA quick_check on its own read-only connection (it writes nothing, not even a journal); a
// file SQLite cannot read as a database is corrupt.
FileState check_file(const std::filesystem::path& path, const char* vfs, int busy_timeout_ms) {
    SqliteError error;
    std::optional<Connection> db = Connection::open(path.string(), false, error, vfs, true);
    if (db) sqlite3_busy_timeout(db->handle(), busy_timeout_ms);  // the kiosk may be committing
    if (!db) return (error.code & 0xFF) == SQLITE_NOTADB || (error.code & 0xFF) == SQLITE_CORRUPT ? FileState::corrupt : FileState::healthy;
    const std::optional<std::string> result = db->query_text("PRAGMA quick_check");
    if (!result) {
        const int code = sqlite3_extended_errcode(db->handle()) & 0xFF;
        return code == SQLITE_NOTADB || code == SQLITE_CORRUPT ? FileState::corrupt : FileState::healthy;
    }
    return *result == "ok" ? FileState::healthy : FileState::corrupt;
}

// A connection that only reads. On a read-only disk SQLite cannot create the -shm a WAL
// database is read with; with no -wal left (the kiosk closed it cleanly) the file alone is the
// whole database, read as immutable. With a -wal, its last submissions are only there: say so,
// never hide them.
std::optional<Connection> open_for_reading(const std::filesystem::path& path, const char* vfs, int busy_timeout_ms, SqliteError& error) {
    std::optional<Connection> db = Connection::open(path.string(), false, error, vfs, true);
    // Another process (the kiosk committing a submission) may hold the lock for a moment: wait
    // for it rather than report "database is locked" to staff reading the queue.
    if (db) sqlite3_busy_timeout(db->handle(), busy_timeout_ms);
    if (!db || db->query_int("PRAGMA user_version")) return db;
    const int code = sqlite3_extended_errcode(db->handle()) & 0xFF;
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) {
        error = db->last_error("reading the schema version");
        return std::nullopt;
    }
    std::error_code ec;
    const std::filesystem::path wal = path.string() + "-wal";
    if (std::filesystem::exists(wal, ec) && std::filesystem::file_size(wal, ec) > 0) {
        error = {SQLITE_READONLY, path.string() + ": its latest changes are in " + wal.string() +
                                      ", which cannot be read where nothing may be written; copy the folder to a writable disk and read the copy"};
        return std::nullopt;
    }
    return Connection::open_immutable(path.string(), error, vfs);
}

// Whether a readable SQLite file is ours to write: a kiosk database (schema version 1 to
// current, with its submissions), or one with no tables at all (new). Anything else (another
// program's database) is refused and left byte for byte and mode as it was.
std::optional<SqliteError> refuse_foreign(const std::filesystem::path& path, const char* vfs, int busy_timeout_ms) {
    SqliteError error;
    std::optional<Connection> db = open_for_reading(path, vfs, busy_timeout_ms, error);
    if (!db) return error;
    if (auto e = refuse_newer_schema(*db)) return e;  // a newer kiosk's tables are its own business
    const std::int64_t version = db->query_int("PRAGMA user_version").value_or(-1);
    const std::int64_t tables = db->query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table'").value_or(-1);
    const std::int64_t ours = db->query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'submissions'").value_or(-1);
    if (tables == 0 && version == 0) return std::nullopt;
    if (version >= 1 && ours == 1) return std::nullopt;
    return SqliteError{SQLITE_ERROR, path.string() + " is an SQLite database of another program (schema version " + std::to_string(version) +
                                         ", " + std::to_string(tables) + " tables, no kiosk submissions); it was left unchanged"};
}

// Renames without ever replacing a file that is there (renameat2 RENAME_NOREPLACE).
bool rename_no_replace(const std::string& from, const std::string& to) {
    return ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0;
}

// Moves a corrupt database (and its -wal/-shm) aside; it is evidence and may hold unreviewed
// submissions, so it is never deleted, and never replaces one moved aside before (two in the
// same second get -2, -3, ...).
std::optional<std::string> move_aside(const std::filesystem::path& path, const std::string& stamp) {
    const std::string base = path.string() + ".corrupt-" + stamp;
    for (int n = 1; n <= 1000; ++n) {
        const std::string target = n == 1 ? base : base + "-" + std::to_string(n);
        std::error_code ec;
        bool taken = false;
        for (const char* suffix : {"", "-wal", "-shm"}) taken = taken || std::filesystem::symlink_status(target + suffix, ec).type() != std::filesystem::file_type::not_found;
        if (taken) continue;
        if (!rename_no_replace(path.string(), target)) {
            if (errno == EEXIST) continue;
            return std::nullopt;
        }
        for (const char* suffix : {"-wal", "-shm"}) {
            if (std::filesystem::exists(path.string() + suffix, ec)) rename_no_replace(path.string() + suffix, target + suffix);
        }
        return target;
    }
    return std::nullopt;
}

// What is at `path`: nothing, a regular file, or something the store must not open (a folder,
// a device, a pipe, a socket), described.
std::optional<std::string> not_a_database_file(const std::filesystem::path& path) {
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found) return std::nullopt;
    if (ec) return path.string() + ": " + ec.message();
    if (std::filesystem::is_regular_file(status)) return std::nullopt;
    return path.string() + " is not a regular file (a folder, a device, a pipe or a socket); it was left unchanged";
}

}  // namespace

std::variant<SubmissionStore, SqliteError> SubmissionStore::open(const std::filesystem::path& path, StoreOptions options) {
    if (sodium_init() < 0) return SqliteError{SQLITE_ERROR, "libsodium could not start"};
    if (!options.now_utc) options.now_utc = [] { return format_time("%Y-%m-%dT%H:%M:%SZ", true); };
    if (!options.today_local) options.today_local = [] { return format_time("%Y-%m-%d", false); };

    // Only a regular file (or none) is opened, and only a kiosk database is ever written or
    // has its mode changed: `--db` may name anything.
    if (const std::optional<std::string> problem = not_a_database_file(path)) return SqliteError{SQLITE_CANTOPEN, *problem};
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (options.read_only) return open_read_only(path, std::move(options), exists);

    std::optional<std::string> moved_to;
    if (exists && check_file(path, options.vfs, options.busy_timeout_ms) == FileState::corrupt) {
        std::string stamp = options.now_utc();
        for (char& c : stamp) c = c == ':' ? '-' : c;
        moved_to = move_aside(path, stamp);
        if (!moved_to) return SqliteError{SQLITE_CORRUPT, "the database " + path.string() + " is damaged and could not be moved aside"};
    } else if (exists) {
        if (auto e = refuse_foreign(path, options.vfs, options.busy_timeout_ms)) return *e;
    }

    SqliteError error;
    std::optional<Connection> db = Connection::open(path.string(), true, error, options.vfs);
    if (!db) return error;
    sqlite3_busy_timeout(db->handle(), options.busy_timeout_ms);
    // Refuse a newer schema before anything below writes to the file.
    if (auto e = refuse_newer_schema(*db)) return *e;
    // Ours, of a known version: readable by the kiosk's user only (an older kiosk may have left
    // it to the umask).
    if (exists) ::chmod(path.c_str(), 0600);
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA secure_delete = ON",
                               "PRAGMA foreign_keys = ON"}) {
        if (auto e = db->exec(pragma)) {
            e->message = std::string(pragma) + ": " + e->message;
            return *e;
        }
    }
    if (auto e = migrate(*db)) return *e;

    SubmissionStore store(std::move(*db), std::move(options));
    store.audit_->attach(store.db_);
    if (auto e = store.open_seal(path)) return *e;
    store.reserve_ = DiskReserve(path.string() + ".reserve", store.options_.reserve_bytes);
    if (const std::optional<DiskReserve::Problem> problem = store.reserve_.ensure()) {
        store.status_.disk_full = problem->no_room;
        store.status_.staff_messages.push_back("The kiosk has no reserve space on its data disk: " + problem->text +
                                               (problem->no_room ? ". Free space on the disk now: the next submissions may not be saved." : "."));
    }
    if (moved_to) {
        const std::string message = "The database was damaged and has been moved to " + *moved_to +
                                    " (nothing was deleted); a new database was started. Ask IT to inspect the old file.";
        store.status_.staff_messages.push_back(message);
        if (auto e = store.audit(store.now(), AuditEvent::database_recovered, "kiosk", std::nullopt, message)) {
            store.record_fault(*e);
        }
    }
    return store;
}

std::optional<SqliteError> SubmissionStore::open_seal(const std::filesystem::path& db_path) {
    const std::filesystem::path seal_path = options_.seal_path.empty() ? std::filesystem::path(db_path.string() + ".seal") : options_.seal_path;
    bool missing = false;
    auto loaded = AuditSeal::load(seal_path, missing);
    std::string why;  // why a new key, when there was one before
    if (auto* seal = std::get_if<AuditSeal>(&loaded)) {
        audit_->use(std::move(*seal));
    } else {
        if (!missing) {
            // Evidence, like a damaged database: kept, never replaced.
            std::string stamp = now();
            for (char& c : stamp) c = c == ':' ? '-' : c;
            const std::string aside = seal_path.string() + ".damaged-" + stamp;
            if (!rename_no_replace(seal_path.string(), aside)) {
                return SqliteError{SQLITE_CANTOPEN, std::get<std::string>(loaded) + "; and it could not be moved aside"};
            }
            why = "the audit seal could not be read (" + std::get<std::string>(loaded) + ") and was moved to " + aside;
        } else if (db_.query_int("SELECT count(*) FROM audit_log WHERE seal_epoch IS NOT NULL").value_or(0) > 0) {
            why = "the audit seal " + seal_path.string() + " was missing";
        }
        auto created = AuditSeal::create(seal_path, seconds_since_epoch(now()));
        if (auto* problem = std::get_if<std::string>(&created)) return SqliteError{SQLITE_CANTOPEN, *problem};
        auto& [new_seal, key] = std::get<std::pair<AuditSeal, VerificationKey>>(created);
        audit_->use(std::move(new_seal));
        new_verification_key_ = key;
        if (!why.empty()) {
            status_.staff_messages.push_back("The audit log has a new sealing key: " + why +
                                             ". Keep the old verification key for the rows before; the new one is shown once.");
        }
    }
    // A new seal, or a new database under an existing one: the log says where sealing begins.
    const std::string key_id = audit_->seal()->key_id();
    const std::string last_sealing = db_.query_text("SELECT detail FROM audit_log WHERE event = 'sealing_started' ORDER BY id DESC LIMIT 1").value_or("");
    if (last_sealing.rfind("key " + key_id + ";", 0) == 0) return std::nullopt;
    auto before = audit_mark();
    if (auto* e = std::get_if<SqliteError>(&before)) return *e;
    const AuditMark& last = std::get<AuditMark>(before);
    return audit(now(), AuditEvent::sealing_started, "kiosk", std::nullopt, sealing_detail(key_id, last.rows, last.head, why));
}

std::variant<SubmissionStore, SqliteError> SubmissionStore::open_read_only(const std::filesystem::path& path, StoreOptions options, bool exists) {
    // For the commands that only read (stats, list, verify-audit): they must work on a read-only
    // file and on a full disk, when staff need the queue most, and change nothing.
    if (!exists) return SqliteError{SQLITE_CANTOPEN, path.string() + " does not exist"};
    if (auto e = refuse_foreign(path, options.vfs, options.busy_timeout_ms)) return *e;
    SqliteError error;
    std::optional<Connection> db = open_for_reading(path, options.vfs, options.busy_timeout_ms, error);
    if (!db) return error;
    sqlite3_busy_timeout(db->handle(), options.busy_timeout_ms);
    if (auto e = refuse_newer_schema(*db)) return *e;
    if (db->query_int("PRAGMA user_version").value_or(0) < current_schema_version) {
        return SqliteError{SQLITE_ERROR, path.string() + " has an older schema; a writing command (or the kiosk) upgrades it first"};
    }
    return SubmissionStore(std::move(*db), std::move(options));
}

std::optional<SqliteError> SubmissionStore::commit(Pending& p, bool ticket_shown, std::string_view audit_note) {
    const NewSubmission& s = p.submission;
    std::string& ticket = p.ticket;
    if (ticket.empty()) ticket = random_ticket_code();
    SqliteError error;
    // Prepared once and kept: preparing costs about as much as the inserts themselves.
    if (!insert_submission_) {
        insert_submission_ = db_.prepare(
            "INSERT INTO submissions (ticket, day, created_at, locale, content_version, answers_json, severity, kiosk_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
    }
    if (!insert_fired_rule_) {
        insert_fired_rule_ =
            db_.prepare("INSERT INTO fired_rules (submission_id, position, rule_id, severity, answers_json, source) VALUES (?, ?, ?, ?, ?, ?)", error);
    }
    if (!insert_submission_ || !insert_fired_rule_) return error;
    Statement* insert = &*insert_submission_;
    Statement* fired = &*insert_fired_rule_;
    // The statements' copies of the answers are dropped when the commit ends, whatever its outcome.
    struct DropBindings {
        Statement* a;
        Statement* b;
        ~DropBindings() {
            a->reset();
            b->reset();
        }
    } const drop_bindings{insert, fired};
    // A clash with another ticket of the day is retried with a new code; anything else fails.
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (auto e = db_.exec("BEGIN IMMEDIATE")) return e;
        insert->reset();
        insert->bind(1, ticket).bind(2, p.day).bind(3, p.sent_at).bind(4, s.locale).bind(5, s.content_version)
            .bind(6, s.answers_json).bind(7, severity_column(s.severity)).bind(8, s.kiosk_id);
        if (insert->step() != SQLITE_DONE) {
            const SqliteError e = db_.last_error("storing a submission");
            db_.rollback_if_open();
            if (e.code == SQLITE_CONSTRAINT_UNIQUE) {
                const std::string taken = ticket;
                ticket = free_ticket_code(p.day);
                // Cannot happen with one writer (free_ticket_code chose the shown code), but if it
                // does, staff must be able to match the patient's code to the stored one.
                if (ticket_shown) {
                    // Both codes in the audit row, where staff read them; none in the message,
                    // which also goes to the system log.
                    const std::string message = "Ticket " + taken + " was already taken when the kiosk saved it after a fault; " +
                                                "that patient's answers are stored under ticket " + ticket + ".";
                    status_.staff_messages.push_back(
                        "A ticket shown to a patient was taken by another writer before the kiosk could save it; their answers are "
                        "stored under a new ticket. The audit log (store_fault) names both.");
                    if (audit(now(), AuditEvent::store_fault, "kiosk", std::nullopt, message)) db_.rollback_if_open();
                }
                continue;
            }
            return e;
        }
        const std::int64_t id = sqlite3_last_insert_rowid(db_.handle());
        for (std::size_t i = 0; i < s.fired.size(); ++i) {
            fired->reset();
            fired->bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, s.fired[i].rule_id)
                .bind(4, severity_column(s.fired[i].severity)).bind(5, s.fired[i].answers_json)
                .bind(6, s.fired[i].source);
            if (fired->step() != SQLITE_DONE) {
                const SqliteError e = db_.last_error("storing the rules that fired");
                db_.rollback_if_open();
                return e;
            }
        }
        // In the same transaction: a stored submission always has its audit row (no answers in it).
        std::string detail = "ticket " + ticket;
        if (!audit_note.empty()) detail += "; " + std::string(audit_note);
        if (auto e = audit(now(), AuditEvent::submission_stored, "kiosk", id, detail)) {
            db_.rollback_if_open();
            return e;
        }
        if (auto e = db_.exec("COMMIT")) {
            db_.rollback_if_open();
            return e;
        }
        return std::nullopt;
    }
    return SqliteError{SQLITE_FULL, "no free ticket code for today"};
}

std::string SubmissionStore::free_ticket_code(const std::string& day) {
    SqliteError error;
    auto taken = db_.prepare("SELECT 1 FROM submissions WHERE ticket = ? AND day = ?", error);
    std::string code;
    for (int attempt = 0; attempt < 50; ++attempt) {
        code = random_ticket_code();
        const bool pending = std::any_of(pending_.begin(), pending_.end(), [&](const Pending& p) { return p.day == day && p.ticket == code; });
        if (pending) continue;
        if (!taken) break;  // the database cannot even be read: the pending list is all we can check
        taken->reset();
        taken->bind(1, code).bind(2, day);
        if (taken->step() != SQLITE_ROW) break;
    }
    return code;
}

void SubmissionStore::record_fault(const SqliteError& e) {
    status_.last_fault = e.message + " (SQLite code " + std::to_string(e.code) + ")";
    // Best effort: the same fault may stop this row too (then the status above still tells staff,
    // and no half-written audit row is left open).
    if (audit(now(), AuditEvent::store_fault, "kiosk", std::nullopt, *status_.last_fault)) db_.rollback_if_open();
}

std::optional<SqliteError> SubmissionStore::commit_or_use_reserve(Pending& p, bool ticket_shown) {
    std::optional<SqliteError> e = commit(p, ticket_shown);
    if (!e || (e->code & 0xFF) != SQLITE_FULL || !reserve_.release()) return e;
    // The reserve's blocks are free now: the submission (and its audit row) fit in them.
    e = commit(p, ticket_shown, "saved in the reserve space: the data disk is full");
    status_.disk_full = true;
    // No ticket here: these messages go to the system log too. The audit row names it.
    status_.staff_messages.push_back(
        e ? "The data disk is full, and the reserve space was not enough: a submission is kept in the kiosk's memory only. "
            "Free space on the disk now."
          : "The data disk is full: a submission was saved in the kiosk's reserve space. Free space on the disk now: the next "
            "submissions cannot be saved.");
    return e;
}

void SubmissionStore::restore_reserve() {
    if (!status_.disk_full || !reserve_.enabled()) return;
    if (reserve_.ensure()) return;  // still no room: staff keep their mark
    status_.disk_full = false;
    status_.staff_messages.push_back("The data disk has room again; the kiosk's reserve space is back.");
}

SubmitOutcome SubmissionStore::submit(NewSubmission submission) {
    retry_pending();  // keeps submissions in the order patients sent them
    Pending p{std::move(submission), {}, now(), options_.today_local()};
    if (pending_.empty()) {
        const std::optional<SqliteError> e = commit_or_use_reserve(p, false);
        if (!e) return {true, p.ticket};
        record_fault(*e);
    }
    // Kept in memory: the patient is shown this code now, so it must still be free when it is saved.
    p.ticket = free_ticket_code(p.day);
    const std::string ticket = p.ticket;
    pending_.push_back(std::move(p));
    status_.pending = pending_.size();
    return {false, ticket};
}

std::size_t SubmissionStore::retry_pending() {
    restore_reserve();
    std::size_t committed = 0;
    while (!pending_.empty()) {
        if (auto e = commit_or_use_reserve(pending_.front(), true)) {
            record_fault(*e);
            break;
        }
        pending_.pop_front();
        ++committed;
    }
    status_.pending = pending_.size();
    return committed;
}

}  // namespace kiosk::store
