// The store's everyday behaviour: durable submit, ticket codes, the staff queue, review, export,
// retention with nothing left behind, backups, file modes and the audit chain.
#include <doctest/doctest.h>

#include <set>

#include <sys/stat.h>

#include "store_fixture.hpp"
#include "ticket_code.hpp"

using namespace kiosk::store;
using kiosk::test::TempDir;

namespace {

unsigned file_mode(const std::filesystem::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777U;
}

}  // namespace

TEST_CASE("a submission is committed with a readable ticket, the durability settings are on") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    const SubmitOutcome out = store.submit(kiosk::test::flagged_submission());
    CHECK(out.stored);
    CHECK(is_valid_ticket_code(out.ticket));
    CHECK(store.status().pending == 0);
    CHECK(store.connection().query_text("PRAGMA journal_mode") == "wal");
    CHECK(store.connection().query_int("PRAGMA synchronous") == 2);  // FULL
    CHECK(store.connection().query_int("PRAGMA secure_delete") == 1);
    CHECK(store.connection().query_int("PRAGMA foreign_keys") == 1);
    CHECK(file_mode(dir / "kiosk.db") == 0600U);
    CHECK(file_mode(dir.path() / "kiosk.db-wal") == 0600U);
    const auto queue = kiosk::test::queue_of(store, 10);
    REQUIRE(queue.size() == 1);
    CHECK(queue[0].ticket == out.ticket);
}

TEST_CASE("ticket codes avoid look-alike characters and are unique within a day") {
    for (char c : std::string("O0I1LS5Z2B8G6UV")) CHECK(ticket_alphabet.find(c) == std::string_view::npos);
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    std::set<std::string> tickets;
    for (int i = 0; i < 300; ++i) tickets.insert(store.submit(kiosk::test::flagged_submission()).ticket);
    CHECK(tickets.size() == 300);
    CHECK(store.connection().query_int("SELECT count(DISTINCT ticket) FROM submissions") == 300);
}

TEST_CASE("the queue shows unacknowledged flagged submissions, most severe first, acknowledging is audited") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    NewSubmission info = kiosk::test::flagged_submission();
    info.severity = kiosk::screening::Severity::info;
    NewSubmission none = kiosk::test::flagged_submission();
    none.severity = kiosk::screening::Severity::none;
    NewSubmission urgent = kiosk::test::flagged_submission();
    urgent.severity = kiosk::screening::Severity::urgent;
    const std::string t_info = store.submit(info).ticket;
    store.submit(none);
    const std::string t_stop = store.submit(kiosk::test::flagged_submission()).ticket;
    const std::string t_urgent = store.submit(urgent).ticket;
    auto queue = kiosk::test::queue_of(store, 10);
    REQUIRE(queue.size() == 3);
    CHECK(queue[0].ticket == t_urgent);
    CHECK(queue[1].ticket == t_stop);
    CHECK(queue[2].ticket == t_info);

    const auto viewed = kiosk::test::viewed(store, queue[0].id);
    REQUIRE(viewed.has_value());
    CHECK(viewed->fired.size() == 1);
    CHECK(viewed->fired[0].rule_id == "heart_block_or_damage");
    CHECK_FALSE(store.acknowledge(kiosk::test::nurse(store), queue[0].id, "seen at desk").has_value());
    queue = kiosk::test::queue_of(store, 10);
    CHECK(queue.size() == 2);
    CHECK(kiosk::test::viewed(store, viewed->id)->acknowledged_by == "1001");
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event IN ('submission_viewed', 'acknowledged')") == 3);
    CHECK(store.check_audit().intact);
}

TEST_CASE("purging deletes only reviewed submissions past retention, and leaves no trace in the files") {
    TempDir dir;
    std::string now = "2026-01-01T10:00:00Z";
    StoreOptions options;
    options.retention_days = 30;
    options.now_utc = [&] { return now; };
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db", options);
    store.submit(kiosk::test::flagged_submission("MARKER_REVIEWED_OLD"));
    store.submit(kiosk::test::flagged_submission("MARKER_UNREVIEWED_OLD"));
    const auto queue = kiosk::test::queue_of(store, 10);
    CHECK_FALSE(store.acknowledge(kiosk::test::nurse(store), queue[0].id, "").has_value());
    now = "2026-01-20T10:00:00Z";
    CHECK(std::get<std::int64_t>(store.purge("operator")) == 0);  // not yet past retention
    now = "2026-03-01T10:00:00Z";
    CHECK(std::get<std::int64_t>(store.purge("operator")) == 1);
    CHECK(store.stats().submissions == 1);                          // the unreviewed one stays
    CHECK(std::filesystem::file_size(dir.path() / "kiosk.db-wal") == 0);  // checkpointed and truncated
    const std::string bytes = kiosk::test::file_bytes(dir / "kiosk.db");
    CHECK(bytes.find("MARKER_REVIEWED_OLD") == std::string::npos);  // secure_delete: not in free pages
    CHECK(bytes.find("MARKER_UNREVIEWED_OLD") != std::string::npos);
    // One row per purge, and one for each submission it deleted.
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'purged' AND submission_id IS NULL") == 2);
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'purged' AND submission_id = " +
                                       std::to_string(queue[0].id)) == 1);
}

TEST_CASE("export gives every submission as a JSON line, and is audited") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    store.submit(kiosk::test::flagged_submission());
    store.submit(kiosk::test::flagged_submission());
    const std::string lines = std::get<std::string>(store.export_json_lines("nurse.ana"));
    CHECK(std::count(lines.begin(), lines.end(), '\n') == 2);
    CHECK(lines.find(R"("rule":"heart_block_or_damage")") != std::string::npos);
    CHECK(store.connection().query_text("SELECT detail FROM audit_log WHERE event = 'exported'") == "2 submissions");
}

TEST_CASE("a backup is a consistent copy with mode 0600") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    store.submit(kiosk::test::flagged_submission());
    CHECK_FALSE(store.backup(dir / "copy.db").has_value());
    CHECK(file_mode(dir / "copy.db") == 0600U);
    SubmissionStore copy = kiosk::test::open_store(dir / "copy.db");
    CHECK(copy.stats().submissions == 1);
    CHECK(store.backup(dir / "copy.db").has_value());  // never overwrites
}

TEST_CASE("the audit chain reports the first row that was altered or removed") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    const std::vector<VerificationKey> keys = {store.take_new_verification_key().value()};
    for (int i = 0; i < 3; ++i) store.submit(kiosk::test::flagged_submission());
    for (const QueueEntry& e : kiosk::test::queue_of(store, 10)) kiosk::test::viewed(store, e.id);
    REQUIRE(store.check_audit(keys).intact);
    CHECK(store.check_audit(keys).rows == 7);  // the sealing row, three stored, three viewed
    CHECK(store.check_audit(keys).checked_rows == 7);
    Connection& db = store.connection();
    CHECK(db.exec("UPDATE audit_log SET actor = 'x' WHERE id = 2").has_value());  // refused by a trigger

    SUBCASE("altered") {
        REQUIRE_FALSE(db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE id = 2").has_value());
        const AuditCheck check = store.check_audit(keys);
        CHECK_FALSE(check.intact);
        CHECK(check.first_untrusted_id == 2);
        CHECK(check.problem.find("seal does not match") != std::string::npos);
        // Without the key the links still hold: only the seal shows the change, and the check says so.
        const AuditCheck keyless = store.check_audit();
        CHECK(keyless.intact);
        CHECK(keyless.checked_rows == 0);
        REQUIRE_FALSE(keyless.notes.empty());
        CHECK(keyless.notes.front().find("seals not checked") != std::string::npos);
    }
    SUBCASE("removed") {
        REQUIRE_FALSE(db.exec("DELETE FROM audit_log WHERE id = 2").has_value());
        const AuditCheck check = store.check_audit(keys);
        CHECK_FALSE(check.intact);
        CHECK(check.first_untrusted_id == 2);
        CHECK(check.problem.find("missing") != std::string::npos);
    }
}

