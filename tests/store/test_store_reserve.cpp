// A full data disk during a visit: the submission the patient sent is committed in the room the
// store's reserve file leaves, staff are told at once (their mark, a message for the log), and
// the reserve comes back when the disk has room again.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "fault_vfs.hpp"
#include "store_fixture.hpp"

using namespace kiosk::store;
using kiosk::test::TempDir;

namespace {

constexpr std::uint64_t reserve_bytes = 1024 * 1024;

SubmissionStore store_with_reserve(const std::filesystem::path& db) {
    StoreOptions options;
    options.reserve_bytes = reserve_bytes;
    return kiosk::test::open_store_on_fault_vfs(db, options);
}

std::uint64_t allocated_bytes(const std::filesystem::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return static_cast<std::uint64_t>(st.st_blocks) * 512;
}

std::int64_t audit_rows_of(SubmissionStore& store, const std::string& event) {
    SqliteError error;
    auto q = store.connection().prepare("SELECT count(*) FROM audit_log WHERE event = ?", error);
    REQUIRE(q);
    q->bind(1, event);
    REQUIRE(q->step() == SQLITE_ROW);
    return q->column_int(0);
}

}  // namespace

TEST_CASE("the store holds its reserve as real blocks, mode 0600, beside the database") {
    TempDir dir;
    SubmissionStore store = store_with_reserve(dir / "kiosk.db");
    const std::filesystem::path reserve = dir / "kiosk.db.reserve";
    REQUIRE(std::filesystem::exists(reserve));
    CHECK(allocated_bytes(reserve) >= reserve_bytes);  // not sparse: the blocks are really taken
    struct stat st {};
    REQUIRE(::stat(reserve.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK_FALSE(store.status().needs_staff());
}

TEST_CASE("kiosk-store's commands (no reserve asked for) make no file beside the database") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    CHECK_FALSE(std::filesystem::exists(dir / "kiosk.db.reserve"));
}

TEST_CASE("a full disk during a visit: the submission is committed from the reserve, and staff are told") {
    TempDir dir;
    const std::filesystem::path db = dir / "kiosk.db";
    SubmissionStore store = store_with_reserve(db);
    REQUIRE(store.submit(kiosk::test::flagged_submission()).stored);

    // The disk fills; only deleting the reserve makes room.
    kiosk::test::fault_vfs().disk = kiosk::test::FaultPlan::Disk::full;
    kiosk::test::fault_vfs().full_until_removed = (dir / "kiosk.db.reserve").string();
    const SubmitOutcome out = store.submit(kiosk::test::flagged_submission("pregnant"));

    CHECK(out.stored);                      // committed, not held in memory
    CHECK(store.status().pending == 0);
    CHECK(store.status().disk_full);        // the staff mark
    CHECK(store.status().needs_staff());
    CHECK_FALSE(std::filesystem::exists(dir / "kiosk.db.reserve"));
    REQUIRE_FALSE(store.status().staff_messages.empty());
    const std::string& told = store.status().staff_messages.back();
    CHECK(told.find("data disk is full") != std::string::npos);
    CHECK(told.find(out.ticket) == std::string::npos);  // the system log carries no ticket…
    CHECK(told.find("pregnant") == std::string::npos);  // …and never an answer

    // The submission is really there, with its audit row saying how it was saved.
    kiosk::test::fault_vfs().disk = kiosk::test::FaultPlan::Disk::working;
    SqliteError error;
    auto q = store.connection().prepare("SELECT detail FROM audit_log WHERE event = 'submission_stored' ORDER BY id DESC LIMIT 1", error);
    REQUIRE(q);
    REQUIRE(q->step() == SQLITE_ROW);
    CHECK(q->column_text(0) == "ticket " + out.ticket + "; saved in the reserve space: the data disk is full");
    CHECK(store.stats().submissions == 2);
}

TEST_CASE("with no reserve left, a second submission on the full disk waits in memory and staff keep their mark") {
    TempDir dir;
    SubmissionStore store = store_with_reserve(dir / "kiosk.db");
    kiosk::test::fault_vfs().disk = kiosk::test::FaultPlan::Disk::full;
    kiosk::test::fault_vfs().full_until_removed = (dir / "kiosk.db.reserve").string();
    REQUIRE(store.submit(kiosk::test::flagged_submission()).stored);
    // Disk full again, and nothing left to give back.
    kiosk::test::fault_vfs().full_until_removed.clear();
    const SubmitOutcome second = store.submit(kiosk::test::flagged_submission());
    CHECK_FALSE(second.stored);
    CHECK(store.status().pending == 1);
    CHECK(store.status().needs_staff());

    // Room again: the waiting submission is committed and the reserve is made again.
    kiosk::test::fault_vfs().disk = kiosk::test::FaultPlan::Disk::working;
    CHECK(store.retry_pending() == 1);
    CHECK(std::filesystem::exists(dir / "kiosk.db.reserve"));
    CHECK_FALSE(store.status().disk_full);
    CHECK_FALSE(store.status().needs_staff());
    CHECK(store.status().staff_messages.back().find("room again") != std::string::npos);
}

TEST_CASE("every stored submission and every purged one has its own audit row") {
    TempDir dir;
    std::string today = "2026-01-10T09:00:00Z";
    StoreOptions options;
    options.now_utc = [&today] { return today; };
    options.retention_days = 30;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db", options);
    const kiosk::store::StaffSession staff = kiosk::test::nurse(store);
    for (int i = 0; i < 3; ++i) REQUIRE(store.submit(kiosk::test::flagged_submission()).stored);
    CHECK(audit_rows_of(store, "submission_stored") == 3);
    for (const QueueEntry& e : kiosk::test::queue_of(store)) REQUIRE_FALSE(store.acknowledge(staff, e.id, "").has_value());
    today = "2026-03-01T09:00:00Z";
    const auto purged = store.purge("operator");
    REQUIRE(std::holds_alternative<std::int64_t>(purged));
    CHECK(std::get<std::int64_t>(purged) == 3);
    SqliteError error;
    auto q = store.connection().prepare("SELECT submission_id, detail FROM audit_log WHERE event = 'purged' ORDER BY id", error);
    REQUIRE(q);
    int per_submission = 0;
    while (q->step() == SQLITE_ROW) {
        if (!q->column_is_null(0)) {
            ++per_submission;
            CHECK(q->column_text(1).rfind("ticket ", 0) == 0);
        }
    }
    CHECK(per_submission == 3);
    CHECK(store.check_audit().intact);
}
