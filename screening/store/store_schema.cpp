#include "store_schema.hpp"

#include <array>

namespace kiosk::store {

namespace {

// Never edit a released migration: add a new one. tests/store/fixtures/ keeps a database of each
// earlier version to prove every path up to the current one.
constexpr std::array<const char*, current_schema_version> migrations = {
    // 1: submissions as the patient sent them, the rules that fired, and staff review.
    R"sql(
    CREATE TABLE submissions (
        id              INTEGER PRIMARY KEY,
        ticket          TEXT NOT NULL,                 -- read aloud by staff; no name is ever stored
        day             TEXT NOT NULL,                 -- local date; tickets are unique per day
        created_at      TEXT NOT NULL,                 -- UTC, ISO 8601
        locale          TEXT NOT NULL,
        content_version TEXT NOT NULL,                 -- questionnaire and rules the outcome came from
        answers_json    TEXT NOT NULL,
        severity        INTEGER NOT NULL,              -- 0 none, 1 info, 2 caution, 3 stop, 4 urgent
        UNIQUE (day, ticket)
    );
    CREATE TABLE fired_rules (
        submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        rule_id       TEXT NOT NULL,
        severity      INTEGER NOT NULL,
        answers_json  TEXT NOT NULL,                   -- the answers that made it fire
        PRIMARY KEY (submission_id, position)
    );
    CREATE TABLE reviews (
        submission_id   INTEGER PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
        acknowledged_at TEXT NOT NULL,
        staff_name      TEXT NOT NULL,
        note            TEXT NOT NULL DEFAULT ''
    );
    )sql",
    // 2: staff accounts (PIN hashes only) and the append-only, hash-chained audit log.
    R"sql(
    CREATE TABLE staff (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL UNIQUE,
        pin_hash        TEXT NOT NULL,                 -- Argon2id (libsodium crypto_pwhash_str)
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until    TEXT                            -- UTC; NULL when not locked
    );
    ALTER TABLE reviews ADD COLUMN staff_id INTEGER REFERENCES staff(id);
    CREATE TABLE audit_log (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        at            TEXT NOT NULL,
        actor         TEXT NOT NULL,                   -- a staff name, or "kiosk"
        event         TEXT NOT NULL,
        submission_id INTEGER,                         -- no patient data in the log, only ids
        detail        TEXT NOT NULL DEFAULT '',
        prev_hash     TEXT NOT NULL,
        hash          TEXT NOT NULL
    );
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    )sql",
    // 3: the staff queue: unacknowledged flagged submissions, most severe first, read from a partial
    // index so that the first page stays fast with a million rows.
    R"sql(
    ALTER TABLE submissions ADD COLUMN acknowledged INTEGER NOT NULL DEFAULT 0;
    UPDATE submissions SET acknowledged = 1 WHERE id IN (SELECT submission_id FROM reviews);
    CREATE INDEX submissions_flagged_queue ON submissions (severity DESC, id)
        WHERE acknowledged = 0 AND severity > 0;
    CREATE INDEX submissions_by_time ON submissions (created_at);
    )sql",
    // 4: each fired rule keeps its source (brochure, prescribing information, clinic protocol) as it
    // read when the rule fired, so that staff and exports show why without the bundle of that day.
    R"sql(
    ALTER TABLE fired_rules ADD COLUMN source TEXT NOT NULL DEFAULT '';
    )sql",
    // 5: the staff mode. Staff sign in with a number and a PIN; ten wrong PINs in a row lock the
    // account until an operator unlocks it (locked_until becomes the time before which the next
    // attempt is refused). Each submission names its kiosk, for a clinic with several. The staff
    // queue reads unacknowledged urgent, stop and caution submissions, newest first, from an index.
    R"sql(
    ALTER TABLE staff ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE staff ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE submissions ADD COLUMN kiosk_id TEXT NOT NULL DEFAULT '';
    CREATE INDEX submissions_staff_queue ON submissions (severity, id) WHERE acknowledged = 0 AND severity >= 2;
    )sql",
    // 6: the audit log is sealed with forward-secure keys (audit_seal.hpp): each row keeps the
    // epoch whose key sealed it. Rows from before stay as they were (NULL), chained only.
    R"sql(
    ALTER TABLE audit_log ADD COLUMN seal_epoch INTEGER;
    )sql",
};

}  // namespace

std::optional<SqliteError> refuse_newer_schema(Connection& db) {
    const std::optional<std::int64_t> version = db.query_int("PRAGMA user_version");
    if (!version) return db.last_error("reading the schema version");
    if (*version > current_schema_version) {
        return SqliteError{SQLITE_ERROR, "the database is from a newer kiosk (schema version " + std::to_string(*version) +
                                             "; this kiosk knows up to " + std::to_string(current_schema_version) +
                                             "). It was left unchanged: update the kiosk software."};
    }
    return std::nullopt;
}

std::optional<SqliteError> migrate(Connection& db, std::int64_t target) {
    if (auto e = refuse_newer_schema(db)) return e;
    const std::int64_t from = db.query_int("PRAGMA user_version").value_or(0);
    for (std::int64_t v = from; v < target; ++v) {
        if (auto e = db.exec("BEGIN IMMEDIATE")) return e;
        std::optional<SqliteError> e = db.exec(migrations[static_cast<std::size_t>(v)]);
        if (!e) e = db.exec("PRAGMA user_version = " + std::to_string(v + 1));
        if (!e) e = db.exec("COMMIT");
        if (e) {
            db.rollback_if_open();
            e->message = "migrating the database to schema version " + std::to_string(v + 1) + ": " + e->message;
            return e;
        }
    }
    return std::nullopt;
}

}  // namespace kiosk::store
