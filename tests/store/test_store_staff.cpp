// What staff do with the store: accounts with PINs that are hard to guess, sign-in attempts
// counted before the check, growing waits and a lockout that survives a restart, the queue in
// the order staff act on it, faults that are never an empty list, views and acknowledgements
// in the audit log.
#include <doctest/doctest.h>

#include "fault_vfs.hpp"
#include "staff_pin_policy.hpp"
#include "store_fixture.hpp"

using namespace kiosk::store;
using kiosk::test::TempDir;
using Kind = SignInResult::Kind;

TEST_CASE("staff numbers are digits, PINs are at least 6 digits and not easy to guess") {
    CHECK_FALSE(staff_number_problem("1001").has_value());
    CHECK(staff_number_problem("nurse.ana").has_value());
    CHECK(staff_number_problem("12345678901").has_value());
    CHECK_FALSE(pin_problem("1001", "482913").has_value());
    CHECK_FALSE(pin_problem("1001", "90817263").has_value());
    for (const char* weak : {"12345", "000000", "111111", "123456", "234567", "987654", "654321", "121212", "123123", "890123",
                             "112233", "4829a3", "100155", "551001"}) {
        CAPTURE(weak);
        CHECK(pin_problem("1001", weak).has_value());
    }
    CHECK(pin_problem("482913", "482913").value().find("staff number") != std::string::npos);
}

TEST_CASE("add, sign in, reset and unlock: refused PINs name why, every attempt is audited") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    const auto weak = store.add_staff("1001", "123456");
    REQUIRE(weak.has_value());
    CHECK(weak->message.find("run of digits") != std::string::npos);
    REQUIRE_FALSE(store.add_staff("1001", "482913", "Ana Ruiz").has_value());
    CHECK(store.add_staff("1001", "590172").value().message == "staff number 1001 already has an account");
    CHECK(store.connection().query_text("SELECT pin_hash FROM staff")->starts_with("$argon2id$"));
    const SignInResult ok = store.sign_in("1001", "482913");
    REQUIRE(ok.kind == Kind::ok);
    REQUIRE(ok.session.has_value());
    CHECK(ok.session->staff_number == "1001");
    CHECK(ok.session->display_name == "Ana Ruiz");
    CHECK(store.sign_in("9999", "482913").kind == Kind::unknown_staff);
    REQUIRE_FALSE(store.reset_pin("1001", "590172").has_value());
    CHECK(store.sign_in("1001", "482913").kind == Kind::wrong_pin);
    CHECK(store.sign_in("1001", "590172").kind == Kind::ok);
    CHECK(store.reset_pin("1002", "590172").value().message.find("no staff account") != std::string::npos);
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'staff_sign_in'") == 2);
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'pin_failed'") == 2);
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'pin_reset'") == 1);
    CHECK(store.check_audit().intact);
}

TEST_CASE("wrong PINs make the next attempt wait longer each time, the tenth locks until unlocked, across a restart") {
    TempDir dir;
    std::string now = "2026-01-01T10:00:00Z";
    StoreOptions options;
    options.now_utc = [&] { return now; };
    {
        SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db", options);
        REQUIRE_FALSE(store.add_staff("1001", "482913").has_value());
        CHECK(store.sign_in("1001", "000001").wait_seconds == 0);
        CHECK(store.sign_in("1001", "000002").wait_seconds == 0);
        const SignInResult third = store.sign_in("1001", "000003");
        CHECK(third.kind == Kind::wrong_pin);
        CHECK(third.failures == 3);
        CHECK(third.wait_seconds == 2);
        // Even the right PIN is not checked while the wait runs.
        const SignInResult early = store.sign_in("1001", "482913");
        CHECK(early.kind == Kind::wait);
        CHECK(early.wait_seconds == 2);
        now = "2026-01-01T10:00:02Z";
        CHECK(store.sign_in("1001", "000004").wait_seconds == 4);
        int seconds = 2;
        for (int failure = 5; failure <= 9; ++failure) {
            now = "2026-01-01T" + std::to_string(10 + failure) + ":00:00Z";  // an hour later: past every wait
            const SignInResult r = store.sign_in("1001", "000009");
            CHECK(r.kind == Kind::wrong_pin);
            CHECK(r.wait_seconds > seconds);  // longer each time
            seconds = r.wait_seconds;
        }
        now = "2026-01-01T21:00:00Z";
        CHECK(store.sign_in("1001", "000010").kind == Kind::locked);  // the tenth
        CHECK(store.sign_in("1001", "482913").kind == Kind::locked);
    }
    now = "2026-01-02T11:00:00Z";  // a day later, a new process: still locked
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db", options);
    CHECK(store.sign_in("1001", "482913").kind == Kind::locked);
    REQUIRE_FALSE(store.unlock_staff("1001").has_value());
    CHECK(store.sign_in("1001", "482913").kind == Kind::ok);
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'staff_locked_out'") == 1);
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'staff_unlocked'") == 1);
    CHECK(store.check_audit().intact);
}

TEST_CASE("an attempt that cannot be counted is refused, whatever the PIN") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store_on_fault_vfs(dir / "kiosk.db");
    REQUIRE_FALSE(store.add_staff("1001", "482913").has_value());
    kiosk::test::FaultPlan& plan = kiosk::test::fault_vfs();
    plan.reset(1, 0, SQLITE_FULL);  // the first write (the attempt's count) fails
    const SignInResult r = store.sign_in("1001", "482913");
    plan.disarm();
    CHECK(r.kind == Kind::fault);
    CHECK_FALSE(r.session.has_value());
    CHECK(store.sign_in("1001", "482913").kind == Kind::ok);
}

TEST_CASE("the staff queue: unacknowledged urgent, stop, caution, newest first within each, then the rest, newest first") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    using kiosk::screening::Severity;
    std::vector<std::pair<std::string, Severity>> sent;  // ticket, severity, in the order sent
    for (const Severity severity : {Severity::caution, Severity::urgent, Severity::none, Severity::stop, Severity::info, Severity::caution,
                                    Severity::urgent, Severity::stop, Severity::none}) {
        NewSubmission s = kiosk::test::flagged_submission();
        s.severity = severity;
        sent.emplace_back(store.submit(s).ticket, severity);
    }
    const StaffSession nurse = kiosk::test::nurse(store);
    // Acknowledge the first urgent one: it moves to "the rest".
    auto first = std::get<std::vector<QueueEntry>>(store.staff_queue(nurse, 50));
    REQUIRE(first.size() == 9);
    const auto urgent_old = std::find_if(first.begin(), first.end(), [&](const QueueEntry& e) { return e.ticket == sent[1].first; });
    REQUIRE(urgent_old != first.end());
    REQUIRE_FALSE(store.acknowledge(nurse, urgent_old->id, "").has_value());

    const auto queue = std::get<std::vector<QueueEntry>>(store.staff_queue(nurse, 50));
    std::vector<std::string> order;
    for (const QueueEntry& e : queue) order.push_back(e.ticket);
    const std::vector<std::string> expected = {
        sent[6].first,                                   // urgent, unacknowledged
        sent[7].first, sent[3].first,                    // stop, newest first
        sent[5].first, sent[0].first,                    // caution, newest first
        sent[8].first, sent[4].first, sent[2].first, sent[1].first};  // the rest, newest first
    CHECK(order == expected);
    CHECK(queue.back().acknowledged);
    CHECK(queue.back().acknowledged_by == "1001");
    CHECK(queue.front().locale == "en");
    CHECK(std::get<std::int64_t>(store.unacknowledged_urgent()) == 1);
    // A short page holds only the first.
    CHECK(std::get<std::vector<QueueEntry>>(store.staff_queue(nurse, 2)).size() == 2);
}

TEST_CASE("a fault while reading the queue or a submission is a fault, never an empty queue or 'not found'") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store_on_fault_vfs(dir / "kiosk.db");
    const SubmitOutcome out = store.submit(kiosk::test::flagged_submission());
    REQUIRE(out.stored);
    const std::int64_t id = kiosk::test::queue_of(store).at(0).id;
    const StaffSession nurse = kiosk::test::nurse(store);  // signed in before the disk goes bad
    kiosk::test::FaultPlan& plan = kiosk::test::fault_vfs();
    plan.reset_reads(1, SQLITE_IOERR_READ);  // every read from the disk fails
    sqlite3_db_release_memory(store.connection().handle());
    const auto queue = store.staff_queue(nurse, 20);
    plan.disarm();
    CHECK(std::holds_alternative<SqliteError>(queue));
    CHECK(std::holds_alternative<NotFound>(store.view(nurse, id + 100)));
    plan.reset_reads(1, SQLITE_IOERR_READ);
    sqlite3_db_release_memory(store.connection().handle());
    const auto viewed = store.view(nurse, id);
    plan.disarm();
    CHECK(std::holds_alternative<SqliteError>(viewed));
}

TEST_CASE("views, acknowledgements with a note, plan checks and exports name the staff member in the audit log") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    const SubmitOutcome out = store.submit(kiosk::test::flagged_submission());
    const StaffSession nurse = kiosk::test::nurse(store);
    const std::int64_t id = kiosk::test::queue_of(store).at(0).id;
    const auto viewed = std::get<StoredSubmission>(store.view(nurse, id));
    CHECK(viewed.kiosk_id == "kiosk-1");
    CHECK(viewed.fired.at(0).source == "Brochure, Medical Restrictions");
    REQUIRE_FALSE(store.acknowledge(nurse, id, "called cardiology").has_value());
    const auto again = std::get<StoredSubmission>(store.view(nurse, id));
    CHECK(again.acknowledged_by == "1001");
    CHECK(again.note == "called cardiology");
    REQUIRE_FALSE(store.record_plan_check(nurse, id, "1 g over 60 min: within every limit").has_value());
    const auto rows = std::get<std::vector<StoredSubmission>>(store.submissions_for_export(nurse, {}, "2000-01-01", "2999-01-01"));
    CHECK(rows.size() == 1);
    CHECK(rows[0].ticket == out.ticket);
    REQUIRE_FALSE(store.record_export(nurse, rows.size(), "/media/usb").has_value());
    for (const char* event : {"submission_viewed", "acknowledged", "plan_checked", "exported"}) {
        CAPTURE(event);
        CHECK(store.connection().query_text(std::string("SELECT actor FROM audit_log WHERE event = '") + event + "' LIMIT 1") == "1001");
    }
    // The note is the staff member's, kept with the review; the audit row says only that there is one.
    CHECK(store.connection().query_text("SELECT detail FROM audit_log WHERE event = 'acknowledged'") == "with a note");
    CHECK(store.check_audit().intact);
}
