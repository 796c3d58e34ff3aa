// Faults on purpose, as SQLite tests itself: the Nth write or sync fails with SQLITE_IOERR or
// SQLITE_FULL, for every N until the operation gets through. After each run the database passes
// integrity_check, and the submission is either fully stored or pending in memory: never half
// stored, never lost.
#include <doctest/doctest.h>

#include "fault_vfs.hpp"
#include "store_fixture.hpp"
#include "ticket_code.hpp"

using namespace kiosk::store;
using kiosk::test::TempDir;

namespace {

struct Counts {
    std::int64_t submissions;
    std::int64_t fired;
};

Counts counts(SubmissionStore& store) {
    return {store.connection().query_int("SELECT count(*) FROM submissions").value_or(-1),
            store.connection().query_int("SELECT count(*) FROM fired_rules").value_or(-1)};
}

// Runs one submit with the fault planned at step n; returns whether the fault was reached.
bool run_once(int n, bool on_sync, int error_code) {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store_on_fault_vfs(dir / "kiosk.db");
    kiosk::test::FaultPlan& plan = kiosk::test::fault_vfs();
    store.submit(kiosk::test::flagged_submission("first"));  // something already there to protect

    plan.reset(on_sync ? 0 : n, on_sync ? n : 0, error_code);
    const SubmitOutcome out = store.submit(kiosk::test::flagged_submission("second"));
    const bool reached = plan.fired;
    plan.disarm();

    CHECK(store.connection().query_text("PRAGMA integrity_check") == "ok");
    const Counts c = counts(store);
    if (out.stored) {
        CHECK(c.submissions == 2);
        CHECK(c.fired == 2);
        CHECK(store.status().pending == 0);
    } else {
        CHECK(c.submissions == 1);  // nothing of the second one: no half row
        CHECK(c.fired == 1);
        CHECK(store.status().pending == 1);
        CHECK(store.status().needs_front_desk());
        CHECK(store.status().last_fault.has_value());
        CHECK(store.retry_pending() == 1);  // the disk is back: it gets through
        CHECK(counts(store).submissions == 2);
        CHECK(counts(store).fired == 2);
        CHECK(store.status().pending == 0);
    }
    // Reopened from disk, as after a restart: exactly the two submissions.
    SubmissionStore reopened = kiosk::test::open_store(dir / "kiosk.db");
    CHECK(counts(reopened).submissions == 2);
    CHECK(reopened.connection().query_text("PRAGMA integrity_check") == "ok");
    return reached;
}

void loop_until_success(bool on_sync, int error_code) {
    int n = 1;
    for (; n < 500; ++n) {
        CAPTURE(n);
        if (!run_once(n, on_sync, error_code)) break;
    }
    CHECK(n > 1);    // at least one step really failed
    CHECK(n < 500);  // and the operation finished
    MESSAGE(std::string(on_sync ? "sync" : "write") << " faults injected at steps 1.." << n - 1);
}

// Submits while the disk is full: the submission waits in memory. The disk has room again after.
SubmitOutcome submit_while_disk_full(SubmissionStore& store, const std::string& marker) {
    kiosk::test::fault_vfs().reset(1, 0, SQLITE_FULL);
    const SubmitOutcome out = store.submit(kiosk::test::flagged_submission(marker));
    kiosk::test::fault_vfs().disarm();
    REQUIRE_FALSE(out.stored);
    return out;
}

}  // namespace

TEST_CASE("the Nth write fails with SQLITE_IOERR") { loop_until_success(false, SQLITE_IOERR_WRITE); }
TEST_CASE("the Nth write fails with SQLITE_FULL") { loop_until_success(false, SQLITE_FULL); }
TEST_CASE("the Nth sync fails with SQLITE_IOERR") { loop_until_success(true, SQLITE_IOERR_FSYNC); }

TEST_CASE("while the disk keeps failing, later submissions queue behind the first, in order") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store_on_fault_vfs(dir / "kiosk.db");
    kiosk::test::FaultPlan& plan = kiosk::test::fault_vfs();
    plan.reset(1, 0, SQLITE_FULL);
    const SubmitOutcome a = store.submit(kiosk::test::flagged_submission("a"));
    REQUIRE_FALSE(a.stored);
    plan.reset(1, 0, SQLITE_FULL);
    const SubmitOutcome b = store.submit(kiosk::test::flagged_submission("b"));
    CHECK_FALSE(b.stored);
    CHECK(store.status().pending == 2);
    plan.disarm();
    const SubmitOutcome c = store.submit(kiosk::test::flagged_submission("c"));
    CHECK(c.stored);
    CHECK(store.status().pending == 0);
    CHECK(store.connection().query_text("SELECT group_concat(ticket, ',') FROM (SELECT ticket FROM submissions ORDER BY id)") ==
          a.ticket + "," + b.ticket + "," + c.ticket);
}

TEST_CASE("a submission saved late keeps the time and day its patient pressed Send, and the ticket they were shown") {
    TempDir dir;
    std::string now = "2026-11-30T23:59:00Z";
    std::string today = "2026-11-30";
    StoreOptions options;
    options.now_utc = [&] { return now; };
    options.today_local = [&] { return today; };
    SubmissionStore store = kiosk::test::open_store_on_fault_vfs(dir / "kiosk.db", options);
    const SubmitOutcome sent = submit_while_disk_full(store, "late");
    now = "2026-12-01T00:03:00Z";  // saved after midnight
    today = "2026-12-01";
    CHECK(store.retry_pending() == 1);
    CHECK(store.connection().query_text("SELECT ticket || ' ' || day || ' ' || created_at FROM submissions") ==
          sent.ticket + " 2026-11-30 2026-11-30T23:59:00Z");
}

TEST_CASE("if a waiting submission's ticket is taken before it is saved, it is saved under another and the audit log tells staff both") {
    TempDir dir;
    StoreOptions options;
    options.today_local = [] { return std::string("2026-11-30"); };
    SubmissionStore store = kiosk::test::open_store_on_fault_vfs(dir / "kiosk.db", options);
    const SubmitOutcome sent = submit_while_disk_full(store, "waiting");
    // Another writer (an operator's tool, say) takes that code for the same day meanwhile.
    SqliteError error;
    std::optional<Connection> other = Connection::open((dir / "kiosk.db").string(), false, error);
    REQUIRE(other.has_value());
    REQUIRE_FALSE(other->exec("INSERT INTO submissions (ticket, day, created_at, locale, content_version, answers_json, severity) "
                              "VALUES ('" + sent.ticket + "', '2026-11-30', '2026-11-30T10:00:00Z', 'en', 'v', '{}', 0)").has_value());
    CHECK(store.retry_pending() == 1);
    const std::string saved_as = store.connection().query_text("SELECT ticket FROM submissions WHERE severity > 0").value_or("");
    CHECK(saved_as != sent.ticket);
    CHECK(kiosk::store::is_valid_ticket_code(saved_as));
    // Staff read both codes in the audit log; the message (which also goes to the system log) names neither.
    REQUIRE(store.status().staff_messages.size() == 1);
    CHECK(store.status().staff_messages.front().find("audit log (store_fault) names both") != std::string::npos);
    CHECK(store.status().staff_messages.front().find(sent.ticket) == std::string::npos);
    CHECK(store.status().staff_messages.front().find(saved_as) == std::string::npos);
    const std::string audited = store.connection().query_text("SELECT detail FROM audit_log WHERE event = 'store_fault' AND detail LIKE 'Ticket %'").value_or("");
    CHECK(audited.find("Ticket " + sent.ticket + " was already taken") != std::string::npos);
    CHECK(audited.find("under ticket " + saved_as) != std::string::npos);
    CHECK(store.check_audit().intact);
}

TEST_CASE("after a commit, stored or failed, no statement of the store still holds a copy of the answers") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store_on_fault_vfs(dir / "kiosk.db");
    const auto answers_in_statements = [&](const std::string& marker) {
        int found = 0;
        sqlite3* db = store.connection().handle();
        for (sqlite3_stmt* st = sqlite3_next_stmt(db, nullptr); st != nullptr; st = sqlite3_next_stmt(db, st)) {
            char* sql = sqlite3_expanded_sql(st);  // the statement with its bound values written in
            if (sql != nullptr && std::string(sql).find(marker) != std::string::npos) ++found;
            sqlite3_free(sql);
        }
        return found;
    };
    CHECK(store.submit(kiosk::test::flagged_submission("stored_marker")).stored);
    CHECK(answers_in_statements("stored_marker") == 0);
    submit_while_disk_full(store, "failed_marker");
    CHECK(answers_in_statements("failed_marker") == 0);
}

TEST_CASE("another writer holding the lock (SQLITE_BUSY): the submission waits in memory, then commits") {
    TempDir dir;
    StoreOptions options;
    options.busy_timeout_ms = 50;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db", options);
    SqliteError error;
    std::optional<Connection> other = Connection::open((dir / "kiosk.db").string(), false, error);
    REQUIRE(other.has_value());
    REQUIRE_FALSE(other->exec("BEGIN IMMEDIATE").has_value());  // e.g. a backup tool writing

    const SubmitOutcome out = store.submit(kiosk::test::flagged_submission());
    CHECK_FALSE(out.stored);
    CHECK(store.status().pending == 1);
    REQUIRE(store.status().last_fault.has_value());
    CHECK(store.status().last_fault->find("locked") != std::string::npos);

    REQUIRE_FALSE(other->exec("COMMIT").has_value());
    CHECK(store.retry_pending() == 1);
    CHECK(store.connection().query_text("SELECT ticket FROM submissions") == out.ticket);
    CHECK(store.connection().query_text("PRAGMA integrity_check") == "ok");
}
