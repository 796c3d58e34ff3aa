// SubmissionStore: export, retention purge, backup, statistics and staff accounts.
#include <cstring>
#include <cstdio>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "store_schema.hpp"
#include "submission_store.hpp"

namespace kiosk::store {

std::variant<std::string, SqliteError> SubmissionStore::export_json_lines(std::string_view staff) {
    SqliteError error;
    auto q = db_.prepare(
        "SELECT s.id, s.ticket, s.created_at, s.locale, s.content_version, s.answers_json, s.severity, s.acknowledged, "
        "       r.staff_name, r.acknowledged_at, r.note FROM submissions s LEFT JOIN reviews r ON r.submission_id = s.id ORDER BY s.id",
        error);
    auto fired = db_.prepare("SELECT rule_id, severity, answers_json, source FROM fired_rules WHERE submission_id = ? ORDER BY position", error);
    if (!q || !fired) return error;
    std::string out;
    std::int64_t count = 0;
    while (q->step() == SQLITE_ROW) {
        nlohmann::ordered_json row = {{"id", q->column_int(0)},          {"ticket", q->column_text(1)},
                                      {"created_at", q->column_text(2)}, {"locale", q->column_text(3)},
                                      {"content_version", q->column_text(4)},
                                      {"answers", nlohmann::json::parse(q->column_text(5), nullptr, false)},
                                      {"severity", q->column_int(6)},     {"acknowledged", q->column_int(7) != 0}};
        if (q->column_int(7) != 0) {
            row["acknowledged_by"] = q->column_text(8);
            row["acknowledged_at"] = q->column_text(9);
            row["note"] = q->column_text(10);
        }
        nlohmann::ordered_json rules = nlohmann::ordered_json::array();
        fired->reset();
        fired->bind(1, q->column_int(0));
        while (fired->step() == SQLITE_ROW) {
            rules.push_back({{"rule", fired->column_text(0)}, {"severity", fired->column_int(1)},
                             {"answers", nlohmann::json::parse(fired->column_text(2), nullptr, false)},
                             {"source", fired->column_text(3)}});
        }
        row["fired"] = std::move(rules);
        out += row.dump() + "\n";
        ++count;
    }
    if (auto e = audit(now(), AuditEvent::exported, staff, std::nullopt, std::to_string(count) + " submissions")) return *e;
    return out;
}

std::variant<std::int64_t, SqliteError> SubmissionStore::purge(std::string_view actor) {
    if (auto e = db_.exec("BEGIN IMMEDIATE")) return *e;
    SqliteError error;
    // Only reviewed submissions: an unreviewed one is kept until staff have seen it, however old.
    auto del = db_.prepare(
        "DELETE FROM submissions WHERE acknowledged = 1 AND created_at < strftime('%Y-%m-%dT%H:%M:%SZ', ?, ?) RETURNING id, ticket", error);
    std::optional<SqliteError> e;
    std::vector<std::pair<std::int64_t, std::string>> gone;  // each purged submission gets its own audit row
    if (!del) e = error;
    else {
        del->bind(1, now()).bind(2, "-" + std::to_string(options_.retention_days) + " days");
        int rc = SQLITE_ROW;
        while ((rc = del->step()) == SQLITE_ROW) gone.emplace_back(del->column_int(0), del->column_text(1));
        if (rc != SQLITE_DONE) e = db_.last_error("purging");
    }
    del.reset();
    const auto deleted = static_cast<std::int64_t>(gone.size());
    for (std::size_t i = 0; !e && i < gone.size(); ++i) {
        e = audit(now(), AuditEvent::purged, actor, gone[i].first, "ticket " + gone[i].second);
    }
    if (!e) {
        e = audit(now(), AuditEvent::purged, actor, std::nullopt,
                         std::to_string(deleted) + " reviewed submissions older than " + std::to_string(options_.retention_days) + " days");
    }
    if (!e) e = db_.exec("COMMIT");
    if (e) {
        db_.rollback_if_open();
        return *e;
    }
    // Deleted pages are zeroed (secure_delete) but their old copies stay in the WAL until it is
    // checkpointed and truncated.
    if (auto c = db_.exec("PRAGMA wal_checkpoint(TRUNCATE)")) return *c;
    return deleted;
}

std::optional<SqliteError> SubmissionStore::backup(const std::filesystem::path& destination) {
    std::error_code ec;
    if (std::filesystem::symlink_status(destination, ec).type() != std::filesystem::file_type::not_found) {
        return SqliteError{SQLITE_CANTOPEN, destination.string() + " exists already; choose a new file"};
    }
    // Written under a temporary name and renamed when complete: a backup that fails half-way (a
    // full disk) leaves no file that looks like a backup, or that blocks the retry. Created
    // first with mode 0600: VACUUM INTO would use the umask, and the copy is health data too.
    const std::string partial = destination.string() + ".partial-" + std::to_string(::getpid());
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return SqliteError{SQLITE_CANTOPEN, "cannot create " + partial + ": " + std::strerror(errno)};
    ::close(fd);
    const auto fail = [&](SqliteError e) {
        ::unlink(partial.c_str());
        return e;
    };
    SqliteError error;
    auto vacuum = db_.prepare("VACUUM INTO ?", error);
    if (!vacuum) return fail(error);
    if (vacuum->bind(1, partial).step() != SQLITE_DONE) return fail(db_.last_error("backing up"));
    vacuum.reset();
    if (::renameat2(AT_FDCWD, partial.c_str(), AT_FDCWD, destination.c_str(), RENAME_NOREPLACE) != 0) {
        return fail(SqliteError{SQLITE_CANTOPEN, "cannot name the backup " + destination.string() + ": " + std::strerror(errno)});
    }
    return std::nullopt;
}

StoreStats SubmissionStore::stats() {
    StoreStats s;
    s.submissions = db_.query_int("SELECT count(*) FROM submissions").value_or(-1);
    s.flagged_unacknowledged = db_.query_int("SELECT count(*) FROM submissions WHERE acknowledged = 0 AND severity > 0").value_or(-1);
    s.acknowledged = db_.query_int("SELECT count(*) FROM submissions WHERE acknowledged = 1").value_or(-1);
    s.audit_rows = db_.query_int("SELECT count(*) FROM audit_log").value_or(-1);
    s.schema_version = db_.query_int("PRAGMA user_version").value_or(-1);
    return s;
}

std::variant<AuditMark, SqliteError> SubmissionStore::audit_mark() {
    SqliteError error;
    auto last = db_.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
    if (!last) return error;
    const int rc = last->step();
    if (rc == SQLITE_ROW) return AuditMark{last->column_int(0), last->column_text(1)};
    if (rc == SQLITE_DONE) return AuditMark{};
    return db_.last_error("reading the audit log");
}

void SubmissionStore::record_alert_failure(std::string_view ticket, std::string_view channel, std::string_view detail) {
    const std::string what = "ticket " + std::string(ticket) + ", " + std::string(channel) + ": " + std::string(detail);
    if (auto e = audit(now(), AuditEvent::alert_failed, "kiosk", std::nullopt, what)) record_fault(*e);
}

}  // namespace kiosk::store
