#include "audit_log.hpp"

#include <array>
#include <algorithm>
#include <charconv>

#include <sodium.h>

namespace kiosk::store {

namespace {

const std::string genesis_hash(64, '0');

// The fields of a row, separated by a unit separator so that no two different rows can give the
// same input. A sealed row adds its epoch.
std::string row_input(std::string_view prev, std::int64_t id, std::string_view at, std::string_view actor, std::string_view event,
                      const std::optional<std::int64_t>& submission, std::string_view detail, const std::optional<std::int64_t>& epoch) {
    // The numbers are spelled out first: views of temporaries would dangle inside the loop.
    const std::string id_text = std::to_string(id);
    const std::string submission_text = submission ? std::to_string(*submission) : std::string("-");
    std::string input;
    for (std::string_view part : {prev, std::string_view(id_text), at, actor, event, std::string_view(submission_text), detail}) {
        input.append(part);
        input.push_back('\x1f');
    }
    if (epoch) input.append(std::to_string(*epoch)).push_back('\x1f');
    return input;
}

// Rows from before sealing: BLAKE2b-256 with no key (anyone can recompute it).
std::string unkeyed_hash(std::string_view input) {
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(input.data()), input.size(), nullptr, 0);
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), 64);
}

// "key 0123456789abcdef; 5 earlier rows, last <hash>" (and "; why" when a key was replaced).
struct SealingDetail {
    std::string key_id;
    std::int64_t earlier_rows = -1;
    std::string earlier_head;
};

std::optional<SealingDetail> parse_sealing_detail(std::string_view detail) {
    SealingDetail d;
    constexpr std::string_view key = "key ";
    if (detail.substr(0, key.size()) != key) return std::nullopt;
    detail.remove_prefix(key.size());
    const std::size_t semicolon = detail.find("; ");
    if (semicolon == std::string_view::npos) return std::nullopt;
    d.key_id = std::string(detail.substr(0, semicolon));
    detail.remove_prefix(semicolon + 2);
    const auto [end, ec] = std::from_chars(detail.data(), detail.data() + detail.size(), d.earlier_rows);
    if (ec != std::errc()) return std::nullopt;
    detail.remove_prefix(static_cast<std::size_t>(end - detail.data()));
    constexpr std::string_view middle = " earlier rows, last ";
    if (detail.substr(0, middle.size()) != middle) return std::nullopt;
    detail.remove_prefix(middle.size());
    d.earlier_head = std::string(detail.substr(0, std::min<std::size_t>(64, detail.size())));
    return d;
}

}  // namespace

std::string sealing_detail(std::string_view key_id, std::int64_t earlier_rows, std::string_view earlier_head, std::string_view why) {
    std::string detail = "key " + std::string(key_id) + "; " + std::to_string(earlier_rows) + " earlier rows, last " +
                         std::string(earlier_head.empty() ? std::string_view(genesis_hash) : earlier_head);
    if (!why.empty()) detail += "; " + std::string(why);
    return detail;
}

std::optional<AuditMark> AuditMark::parse(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    AuditMark mark;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + colon, mark.rows);
    if (ec != std::errc() || end != text.data() + colon || mark.rows < 0) return std::nullopt;
    mark.head = std::string(text.substr(colon + 1));
    if (mark.head.size() != 64 || mark.head.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
    return mark;
}

std::string_view audit_event_name(AuditEvent e) {
    switch (e) {
        case AuditEvent::staff_sign_in: return "staff_sign_in";
        case AuditEvent::alert_failed: return "alert_failed";
        case AuditEvent::staff_signed_out: return "staff_signed_out";
        case AuditEvent::staff_unlocked: return "staff_unlocked";
        case AuditEvent::pin_reset: return "pin_reset";
        case AuditEvent::plan_checked: return "plan_checked";
        case AuditEvent::submission_stored: return "submission_stored";
        case AuditEvent::sealing_started: return "sealing_started";
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

void AuditLog::attach(Connection& db) {
    sqlite3_wal_hook(db.handle(), &AuditLog::on_commit, this);
    sqlite3_rollback_hook(db.handle(), &AuditLog::on_rollback, this);
}

int AuditLog::on_commit(void* self, sqlite3* db, const char* name, int wal_pages) {
    // SQLite calls this once a commit is on disk: the mark told is never of a row rolled back.
    auto* log = static_cast<AuditLog*>(self);
    if (log->written_ && log->on_mark_) log->on_mark_(*log->written_);
    log->written_.reset();
    // The hook takes the place of SQLite's automatic checkpoint, so it does what that did.
    if (wal_pages >= 1000) sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return SQLITE_OK;
}

void AuditLog::on_rollback(void* self) { static_cast<AuditLog*>(self)->written_.reset(); }

std::optional<SqliteError> AuditLog::append(Connection& db, std::string_view at, AuditEvent event, std::string_view actor,
                                            std::optional<std::int64_t> submission_id, std::string_view detail) {
    if (!seal_) return SqliteError{SQLITE_READONLY, "the audit log is not open for writing (no seal)"};
    // The seal is read and moved on under the database's write lock, so that two processes on
    // one database (the kiosk, kiosk-store) never seal out of order.
    const bool own_transaction = sqlite3_get_autocommit(db.handle()) != 0;
    if (own_transaction) {
        if (auto e = db.exec("BEGIN IMMEDIATE")) return e;
    }
    std::optional<SqliteError> e = append_locked(db, at, event, actor, submission_id, detail);
    if (own_transaction) {
        if (!e) e = db.exec("COMMIT");
        if (e) db.rollback_if_open();
    }
    return e;
}

std::optional<SqliteError> AuditLog::append_locked(Connection& db, std::string_view at, AuditEvent event, std::string_view actor,
                                                   std::optional<std::int64_t> submission_id, std::string_view detail) {
    SqliteError error;
    auto last = db.prepare("SELECT id, hash, seal_epoch FROM audit_log ORDER BY id DESC LIMIT 1", error);
    if (!last) return error;
    std::int64_t next_id = 1;
    std::string prev = genesis_hash;
    std::int64_t last_epoch = 0;
    const int rc = last->step();
    if (rc == SQLITE_ROW) {
        next_id = last->column_int(0) + 1;
        prev = last->column_text(1);
        if (!last->column_is_null(2)) last_epoch = last->column_int(2);
    } else if (rc != SQLITE_DONE) {
        return db.last_error("reading the audit log");
    }
    seal_->refresh();
    const AuditSeal::Use use = seal_->key_for(std::max(seal_->epoch_at(seconds_since_epoch(at)), last_epoch));
    const std::string event_name(audit_event_name(event));
    const std::string hash = seal_of(*use.key, row_input(prev, next_id, at, actor, event_name, submission_id, detail, use.epoch));
    auto insert = db.prepare(
        "INSERT INTO audit_log (id, at, actor, event, submission_id, detail, prev_hash, hash, seal_epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
    if (!insert) return error;
    insert->bind(1, next_id).bind(2, at).bind(3, actor).bind(4, event_name);
    if (submission_id) insert->bind(5, *submission_id);
    else insert->bind_null(5);
    insert->bind(6, detail).bind(7, prev).bind(8, hash).bind(9, use.epoch);
    if (insert->step() != SQLITE_DONE) return db.last_error("writing the audit log");
    written_ = AuditMark{next_id, hash};
    return std::nullopt;
}

AuditCheck verify_audit(Connection& db, const std::vector<VerificationKey>& keys, const std::optional<AuditMark>& expected) {
    AuditCheck check;
    SqliteError error;
    auto rows = db.prepare("SELECT id, at, actor, event, submission_id, detail, prev_hash, hash, seal_epoch FROM audit_log ORDER BY id", error);
    if (!rows) {
        check.intact = false;
        check.problem = error.message;
        return check;
    }
    const auto untrusted = [&](std::int64_t from, std::string why) {
        if (!check.intact) return;
        check.intact = false;
        check.first_untrusted_id = from;
        check.problem = why + "; rows from " + std::to_string(from) + " on cannot be trusted";
    };
    std::string expected_prev = genesis_hash;
    std::int64_t expected_id = 1;
    bool sealing = false;                  // a sealing row has been passed
    std::optional<SealVerifier> verifier;  // for the current key, when it was given
    std::int64_t last_epoch = 0;
    std::optional<std::string> hash_at_expected;
    int rc = SQLITE_ROW;
    while (check.intact && (rc = rows->step()) == SQLITE_ROW) {
        const std::int64_t id = rows->column_int(0);
        const std::string at = rows->column_text(1);
        const std::string actor = rows->column_text(2);
        const std::string event = rows->column_text(3);
        const std::optional<std::int64_t> submission = rows->column_is_null(4) ? std::nullopt : std::optional<std::int64_t>(rows->column_int(4));
        const std::string detail = rows->column_text(5);
        const std::string prev = rows->column_text(6);
        const std::string hash = rows->column_text(7);
        const std::optional<std::int64_t> epoch = rows->column_is_null(8) ? std::nullopt : std::optional<std::int64_t>(rows->column_int(8));
        const std::string where = "audit row " + std::to_string(id) + ": ";
        if (id != expected_id) {
            untrusted(expected_id, "audit row " + std::to_string(expected_id) + " is missing (removed)");
            break;
        }
        if (prev != expected_prev) {
            untrusted(id, where + "its link to the row before does not match (a row before it was altered or removed)");
            break;
        }
        if (!epoch) {
            if (sealing) untrusted(id, where + "it is not sealed, yet sealing began before it (rewritten without the key)");
            else if (hash != unkeyed_hash(row_input(prev, id, at, actor, event, submission, detail, std::nullopt)))
                untrusted(id, where + "its content does not match its hash (altered)");
            else ++check.unsealed_rows;
        } else {
            if (event == audit_event_name(AuditEvent::sealing_started)) {
                const std::optional<SealingDetail> d = parse_sealing_detail(detail);
                if (!d || d->earlier_rows != id - 1 || d->earlier_head != expected_prev) {
                    untrusted(id, where + "its sealing row does not match the rows before it");
                    break;
                }
                sealing = true;
                last_epoch = 0;
                verifier.reset();
                for (const VerificationKey& k : keys) {
                    if (k.id() == d->key_id) verifier.emplace(k);
                }
                if (!verifier && !keys.empty()) {
                    check.notes.push_back("rows from " + std::to_string(id) + " are sealed with key " + d->key_id + ", which was not given: their seals were not checked");
                }
            } else if (!sealing) {
                untrusted(id, where + "sealed rows begin without their sealing row (the log was rewritten)");
                break;
            }
            if (*epoch < last_epoch) {
                untrusted(id, where + "sealed in an epoch before the row above it (rows were moved)");
                break;
            }
            // A row is sealed in its own epoch (or, when the seal could not move on, an earlier
            // one); one later than its time was sealed afterwards with a key taken from the kiosk.
            // One epoch of leeway: the kiosk and kiosk-store may write across a boundary.
            if (verifier && *epoch > verifier->epoch_of(seconds_since_epoch(at)) + 1) {
                untrusted(id, where + "sealed with a key from after its time (resealed later, or the kiosk's clock was set back)");
                break;
            }
            last_epoch = *epoch;
            if (verifier) {
                const std::optional<SealKey> key = verifier->key_at(*epoch);
                if (!key || hash != seal_of(*key, row_input(prev, id, at, actor, event, submission, detail, epoch))) {
                    untrusted(id, where + "its seal does not match (altered, or re-chained without the key)");
                    break;
                }
                ++check.checked_rows;
            }
        }
        if (!check.intact) break;
        ++check.rows;
        if (expected && id == expected->rows) hash_at_expected = hash;
        check.mark = {id, hash};
        expected_prev = hash;
        expected_id = id + 1;
    }
    if (check.intact && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        check.intact = false;
        check.problem = db.last_error("reading the audit log").message;
        return check;
    }
    if (!check.intact) return check;
    // A log from a kiosk that seals always begins sealing at its first row or after the rows of an
    // older kiosk; none at all means it was emptied or rewritten by someone without the key.
    const std::int64_t version = db.query_int("PRAGMA user_version").value_or(0);
    if (!sealing && version >= 6) {
        untrusted(1, check.rows == 0 ? "the audit log is empty, yet it always begins with its sealing row (every row was removed)"
                                                               : "the audit log has no sealing row (it was rewritten without the key)");
        return check;
    }
    if (expected) {
        if (check.rows < expected->rows) {
            const std::string missing = check.rows + 1 == expected->rows ? "row " + std::to_string(expected->rows) + " is"
                                                                          : "rows " + std::to_string(check.rows + 1) + " to " + std::to_string(expected->rows) + " are";
            untrusted(check.rows + 1, missing + " missing: the log once had " + std::to_string(expected->rows) + " rows (cut off)");
            return check;
        }
        if (expected->rows > 0 && hash_at_expected != expected->head) {
            untrusted(expected->rows, "audit row " + std::to_string(expected->rows) + " is not the row recorded outside the database");
            return check;
        }
    }
    if (keys.empty() && sealing) check.notes.push_back("seals not checked: no verification key was given (--key-file)");
    if (check.unsealed_rows > 0) {
        check.notes.push_back("rows 1 to " + std::to_string(check.unsealed_rows) + " are from before sealing: an unkeyed hash chain only");
    }
    return check;
}

}  // namespace kiosk::store
