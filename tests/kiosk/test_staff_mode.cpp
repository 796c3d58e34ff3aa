// The staff mode's screens, tapped by widget id with no window: sign-in and its refusals, the
// queue in the order staff act, a submission with why it was flagged, acknowledging with a note,
// the plan check, export, the automatic sign-out, a database fault shown as a fault; and the
// hidden gesture that is the only way in.
#include <doctest/doctest.h>

#include "draft_config.hpp"
#include "headless_ui.hpp"
#include "kiosk_flow.hpp"
#include "long_press.hpp"
#include "shipped_bundle.hpp"
#include "staff_flow.hpp"
#include "../store/fault_vfs.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk::app;
using kiosk::screening::Severity;

namespace {

const kiosk::screening::KioskBundle& shipped() { return kiosk::test::shipped_bundle(); }

KioskConfig desk_config(const std::filesystem::path& usb) {
    KioskConfig c = kiosk::test::draft_config(kiosk::test::source_dir());
    c.export_folder = usb;
    c.kiosk_id = "front-desk";
    return c;
}

struct Desk {
    explicit Desk(bool faulty_disk = false)
        : store(faulty_disk ? kiosk::test::open_store_on_fault_vfs(dir / "kiosk.db") : kiosk::test::open_store(dir / "kiosk.db")) {
        REQUIRE_FALSE(store.add_staff("1001", "482913", "Ana Ruiz").has_value());
    }
    kiosk::test::TempDir dir;
    kiosk::test::TempDir usb;
    kiosk::store::SubmissionStore store;
    KioskConfig config = desk_config(usb.path());
    KioskFlow patient{shipped(), store, config, 0};
    StaffFlow staff{shipped(), store, config};
    kiosk::test::HeadlessUi ui;

    bool tap(const std::string& id) { return ui.tap_staff(staff, patient, id); }
    void type(const std::string& digits) {
        for (const char d : digits) REQUIRE(tap(std::string("key:") + d));
    }
    void sign_in(const std::string& number = "1001", const std::string& pin = "482913") {
        staff.begin(ui.now());
        enter(number, pin);
    }
    // On the keypad already open.
    void enter(const std::string& number, const std::string& pin) {
        type(number);
        REQUIRE(tap("ok"));
        type(pin);
        REQUIRE(tap("ok"));
    }
    std::int64_t submit(const std::string& answers, Severity severity, const std::string& locale = "en") {
        kiosk::store::NewSubmission s = kiosk::test::flagged_submission();
        s.answers_json = answers;
        s.severity = severity;
        s.locale = locale;
        store.submit(s);
        return store.connection().query_int("SELECT max(id) FROM submissions").value_or(0);
    }
    bool shows(const std::string& words) { return ui.state().layout.holds_text(words); }
};

}  // namespace

TEST_CASE("sign in with staff number and PIN, the PIN is never drawn, a wrong one is refused without saying which was wrong") {
    Desk d;
    d.staff.begin(d.ui.now());
    d.type("1001");
    REQUIRE(d.tap("ok"));
    CHECK(d.staff.entering_pin());
    d.type("111112");
    d.ui.idle_staff_frame(d.staff, d.patient);
    CHECK_FALSE(d.shows("111112"));
    CHECK(d.staff.pin_length() == 6);
    REQUIRE(d.tap("ok"));
    CHECK_FALSE(d.staff.session().has_value());
    d.ui.idle_staff_frame(d.staff, d.patient);
    CHECK(d.shows(d.staff.text().text("staff.sign_in.wrong")));
    CHECK(d.staff.pin_length() == 0);  // gone from memory once checked
    d.sign_in();
    REQUIRE(d.staff.session().has_value());
    CHECK(d.staff.screen() == StaffScreen::queue);
    CHECK(d.staff.session()->display_name == "Ana Ruiz");
}

TEST_CASE("wrong PINs make staff wait longer each time, ten lock the account, also for a new kiosk process") {
    Desk d;
    for (int i = 0; i < 3; ++i) d.sign_in("1001", "000111");
    d.ui.idle_staff_frame(d.staff, d.patient);
    const std::vector<kiosk::content::MessageArgument> two = {{"seconds", std::int64_t{2}}};
    CHECK(d.shows(d.staff.text().text("staff.sign_in.wait", two)));
    // Even the right PIN is refused while the wait runs.
    d.sign_in();
    CHECK_FALSE(d.staff.session().has_value());
    const std::vector<kiosk::content::MessageArgument> one = {{"seconds", std::int64_t{1}}};
    // 2 s from the third wrong PIN, less the time this took (a sanitizer build is slow).
    CHECK((d.staff.message() == d.staff.text().text("staff.sign_in.wait", two) || d.staff.message() == d.staff.text().text("staff.sign_in.wait", one)));
    REQUIRE_FALSE(d.store.connection().exec("UPDATE staff SET failed_attempts = 9, locked_until = NULL").has_value());
    d.sign_in("1001", "000111");
    d.ui.idle_staff_frame(d.staff, d.patient);
    CHECK(d.shows(d.staff.text().text("staff.sign_in.locked")));
    StaffFlow again{shipped(), d.store, d.config};  // as after a restart: the lock is in the database
    kiosk::test::HeadlessUi ui;
    again.begin(ui.now());
    for (const char* key : {"key:1", "key:0", "key:0", "key:1", "ok", "key:4", "key:8", "key:2", "key:9", "key:1", "key:3", "ok"}) {
        REQUIRE(ui.tap_staff(again, d.patient, key));
    }
    CHECK_FALSE(again.session().has_value());
    CHECK(again.message() == again.text().text("staff.sign_in.locked"));
}

TEST_CASE("the queue on screen: urgent, stop, caution newest first, then the rest, each row with its severity in words") {
    Desk d;
    const std::int64_t caution = d.submit(R"({"kidney":"mild_or_moderate"})", Severity::caution);
    const std::int64_t urgent = d.submit(R"({"symptoms_now":["chest_pain"]})", Severity::urgent, "ar");
    const std::int64_t none = d.submit(R"({"adult":"yes"})", Severity::none);
    const std::int64_t stop = d.submit(R"({"heart":["heart_block"]})", Severity::stop, "zh-Hans");
    const std::int64_t info = d.submit(R"({"diabetes":"yes"})", Severity::info);
    d.sign_in();
    d.ui.idle_staff_frame(d.staff, d.patient);
    const auto y = [&](std::int64_t id) { return d.ui.state().targets.center("row:" + std::to_string(id)).value_or(ImVec2(0, -1)).y; };
    CHECK(y(urgent) > 0);
    CHECK(y(urgent) < y(stop));
    CHECK(y(stop) < y(caution));
    CHECK(y(caution) < y(info));
    CHECK(y(info) < y(none));
    for (const Severity s : {Severity::urgent, Severity::stop, Severity::caution}) {
        CHECK(d.ui.state().targets.ids_labelled("").empty());  // every row has words
        const std::string word = d.staff.text().text("staff.severity." + std::string(kiosk::screening::severity_name(s)));
        bool found = false;
        for (const auto& [id, rect] : d.ui.state().targets.all()) found = found || (id.starts_with("row:") && d.shows(word));
        CHECK(found);
    }
}

TEST_CASE("a submission shows why it was flagged: the rationale, the source and the answers that fired it, in the staff member's words beside the patient's") {
    Desk d;
    kiosk::screening::PatientSession session(shipped().screening);
    session.toggle("chest_pain");
    const auto decision = kiosk::screening::route(shipped().screening, session.answers(), 1);
    kiosk::store::NewSubmission s = session.submission(decision, "es");
    REQUIRE(d.store.submit(s).stored);
    d.sign_in();
    const auto id = d.staff.queue().at(0).id;
    REQUIRE(d.tap("row:" + std::to_string(id)));
    REQUIRE(d.staff.screen() == StaffScreen::detail);
    d.ui.idle_staff_frame(d.staff, d.patient);
    const kiosk::content::LocalizedText spanish(shipped().content.bundle, "es");
    const kiosk::screening::Rule& rule = shipped().screening.rules.front();
    REQUIRE(rule.id == "warning_symptoms_now");
    CHECK(d.shows(d.staff.text().text("staff.severity.urgent") + ": " + d.staff.text().text(rule.staff_rationale_key)));
    const std::vector<kiosk::content::MessageArgument> source = {{"source", rule.source}};
    CHECK(d.shows(d.staff.text().text("staff.detail.source", source)));
    const std::string chest_en = d.staff.text().text("question.symptoms_now.option.chest_pain");
    const std::string chest_es = spanish.text("question.symptoms_now.option.chest_pain");
    CHECK(d.shows(chest_en + "   |   " + chest_es));
    CHECK(d.store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'submission_viewed' AND actor = '1001'") == 1);
}

TEST_CASE("acknowledge with a note typed on the on-screen keyboard, the queue then shows who") {
    Desk d;
    const std::int64_t id = d.submit(R"({"heart":["heart_block"]})", Severity::stop);
    d.sign_in();
    REQUIRE(d.tap("row:" + std::to_string(id)));
    REQUIRE(d.tap("write_note"));
    for (const char* key : {"letter:s", "letter:e", "letter:e", "letter:n", "letter:space", "letter:x", "letter:delete", "letter:o", "letter:k"}) {
        REQUIRE(d.tap(key));
    }
    CHECK(d.staff.note() == "seen ok");
    REQUIRE(d.tap("ok"));
    REQUIRE(d.tap("acknowledge"));
    const auto viewed = kiosk::test::viewed(d.store, id);
    CHECK(viewed->acknowledged_by == "1001");
    CHECK(viewed->note == "seen ok");
    REQUIRE(d.tap("back"));
    d.ui.idle_staff_frame(d.staff, d.patient);
    const std::vector<kiosk::content::MessageArgument> who = {{"staff", std::string("1001")}};
    bool shown = false;
    for (const auto& [target, rect] : d.ui.state().targets.all()) shown = shown || target == "row:" + std::to_string(id);
    CHECK(shown);
    CHECK(d.store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'acknowledged' AND actor = '1001'") == 1);
}

TEST_CASE("the plan check on screen: a plan over a limit is refused in words, and the check is audited") {
    Desk d;
    const std::int64_t id = d.submit(R"({"kidney":"mild_or_moderate"})", Severity::caution);
    d.sign_in();
    REQUIRE(d.tap("row:" + std::to_string(id)));
    REQUIRE(d.tap("check_plan"));
    CHECK(d.staff.kidney_disease());
    REQUIRE(d.tap("key:delete"));
    d.type("4");  // 4 g over 60 minutes: over 3 g an hour
    REQUIRE(d.tap("run_plan_check"));
    REQUIRE(d.staff.plan_result().has_value());
    CHECK_FALSE(d.staff.plan_result()->within_limits);
    d.ui.idle_staff_frame(d.staff, d.patient);
    CHECK(d.shows(d.staff.text().text("staff.plan.outside")));
    CHECK(d.shows("\u2022 " + d.staff.text().text("staff.plan.check_calcium")));  // the monitoring checklist
    CHECK(d.store.connection().query_text("SELECT detail FROM audit_log WHERE event = 'plan_checked'").value_or("").find("4 g over 60 min") == 0);
    REQUIRE(d.tap("field:0"));
    REQUIRE(d.tap("key:delete"));
    d.type("1");
    REQUIRE(d.tap("run_plan_check"));
    CHECK(d.staff.plan_result()->within_limits);
}

TEST_CASE("export: the last 7 days to the export folder, all at once, the folder's absence is said, not hidden") {
    Desk d;
    d.submit(R"({"heart":["heart_block"]})", Severity::stop);
    d.submit(R"({"adult":"yes"})", Severity::none);
    d.sign_in();
    REQUIRE(d.tap("export_recent"));
    std::size_t folders = 0;
    std::filesystem::path written;
    for (const auto& e : std::filesystem::directory_iterator(d.usb.path())) {
        ++folders;
        written = e.path();
    }
    REQUIRE(folders == 1);
    CHECK(written.filename().string().starts_with("kiosk-export-front-desk-"));
    CHECK(std::filesystem::exists(written / "submissions.csv"));
    CHECK(std::filesystem::exists(written / "Questionnaire.json"));
    // Where the audit log ended, outside the database: a later cut is found against it.
    const auto mark = d.store.audit_mark();
    REQUIRE(std::holds_alternative<kiosk::store::AuditMark>(mark));
    const std::string audit_note = kiosk::test::file_bytes(written / "audit-log.txt");
    const std::int64_t rows_before_export = std::get<kiosk::store::AuditMark>(mark).rows - 1;  // the export's own row came after
    CHECK(audit_note.find("--expect " + std::to_string(rows_before_export) + ":") != std::string::npos);
    const std::optional<kiosk::store::AuditMark> noted =
        kiosk::store::AuditMark::parse(audit_note.substr(audit_note.find("--expect ") + 9, audit_note.find('\n', audit_note.find("--expect ")) - audit_note.find("--expect ") - 9));
    REQUIRE(noted.has_value());
    CHECK(d.store.check_audit({}, noted).intact);
    CHECK(d.staff.message().find(written.string()) != std::string::npos);
    CHECK(d.store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'exported' AND actor = '1001'") == 1);

    d.config.export_folder = d.usb.path() / "unplugged";
    StaffFlow elsewhere{shipped(), d.store, d.config};
    kiosk::test::HeadlessUi ui;
    elsewhere.begin(ui.now());
    for (const char* key : {"key:1", "key:0", "key:0", "key:1", "ok", "key:4", "key:8", "key:2", "key:9", "key:1", "key:3", "ok", "export_recent"}) {
        REQUIRE(ui.tap_staff(elsewhere, d.patient, key));
    }
    CHECK(elsewhere.message().find("does not exist") != std::string::npos);
}

TEST_CASE("a staff session ends by itself after staff_idle_seconds untouched, the patient screen returns") {
    Desk d;
    d.sign_in();
    const double signed_in = d.ui.now();
    d.staff.tick(signed_in + d.config.staff_idle_seconds - 1);
    CHECK(d.staff.active());
    d.staff.tick(signed_in + d.config.staff_idle_seconds + 1);
    CHECK_FALSE(d.staff.active());
    CHECK_FALSE(d.staff.session().has_value());
    CHECK(d.store.connection().query_text("SELECT detail FROM audit_log WHERE event = 'staff_signed_out'") == "idle");
}

TEST_CASE("a disk fault while reading the queue shows the fault, never an empty queue") {
    Desk d(true);
    d.submit(R"({"heart":["heart_block"]})", Severity::stop);
    d.sign_in();
    REQUIRE(d.staff.queue().size() == 1);
    kiosk::test::FaultPlan& plan = kiosk::test::fault_vfs();
    plan.reset_reads(1, SQLITE_IOERR_READ);  // the disk goes bad: every read from here on fails
    sqlite3_db_release_memory(d.store.connection().handle());
    REQUIRE(d.tap("refresh"));
    plan.disarm();
    CHECK(plan.fired);
    CHECK(d.staff.queue().empty());
    REQUIRE_FALSE(d.staff.queue_fault().empty());
    d.ui.idle_staff_frame(d.staff, d.patient);
    CHECK(d.shows(d.staff.queue_fault()));
    CHECK_FALSE(d.shows(d.staff.text().text("staff.queue.empty")));
    // The disk back: Refresh reads the queue again.
    REQUIRE(d.tap("refresh"));
    CHECK(d.staff.queue().size() == 1);
    CHECK(d.staff.queue_fault().empty());
}

TEST_CASE("a plan check the audit log cannot record (the disk fills) still shows its result, and says it was not recorded") {
    Desk d(true);
    const std::int64_t id = d.submit(R"({"kidney":"no"})", Severity::caution);
    d.sign_in();
    REQUIRE(d.tap("row:" + std::to_string(id)));
    REQUIRE(d.tap("check_plan"));
    kiosk::test::FaultPlan& plan = kiosk::test::fault_vfs();
    plan.disk = kiosk::test::FaultPlan::Disk::full;
    REQUIRE(d.tap("run_plan_check"));
    plan.disk = kiosk::test::FaultPlan::Disk::working;
    REQUIRE(d.staff.plan_result().has_value());
    d.ui.idle_staff_frame(d.staff, d.patient);
    CHECK(d.shows(d.staff.text().text("staff.plan.within")));
    CHECK(d.staff.message().rfind("This check could not be written to the audit log: ", 0) == 0);  // staff.plan.not_recorded, in English
    CHECK(d.shows(d.staff.message()));
    // Room again: the next check is recorded and the warning goes.
    REQUIRE(d.tap("run_plan_check"));
    CHECK(d.staff.message().empty());
    CHECK(d.store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'plan_checked'") == 1);
}

TEST_CASE("the way in: a finger held still in the top-left corner for the configured seconds, once, nothing else") {
    LongPress press(3, 100);
    CHECK_FALSE(press.feed(true, 10, 10, 0));
    CHECK_FALSE(press.feed(true, 10, 10, 2.9));
    CHECK(press.feed(true, 10, 10, 3.0));
    CHECK_FALSE(press.feed(true, 10, 10, 9));  // once per press
    CHECK_FALSE(press.feed(false, 10, 10, 9.1));
    CHECK_FALSE(press.feed(true, 10, 10, 10));
    CHECK_FALSE(press.feed(false, 10, 10, 12));   // lifted before its time
    CHECK_FALSE(press.feed(true, 10, 10, 13));
    CHECK_FALSE(press.feed(true, 150, 10, 17));   // slid out of the corner: starts again
    CHECK_FALSE(press.feed(true, 10, 10, 18));
    CHECK_FALSE(press.feed(true, 500, 900, 30));  // elsewhere on the screen, however long
    CHECK_FALSE(press.feed(true, 500, 900, 60));
}

TEST_CASE("entering staff mode ends a patient's visit in progress, the urgent screen stays until its submission is acknowledged") {
    Desk d;
    d.patient.apply(Intent{Intent::Kind::start, {}, 0, 0}, 1);
    d.patient.apply(Intent{Intent::Kind::toggle_option, "none", 0, 0}, 2);
    d.patient.apply(Intent{Intent::Kind::next_question, {}, 0, 0}, 3);
    d.patient.end_visit_for_staff();
    CHECK(d.patient.screen() == Screen::welcome);
    for (const auto& a : d.patient.session().answers()) CHECK_FALSE(a.given);

    d.patient.apply(Intent{Intent::Kind::start, {}, 0, 0}, 4);
    d.patient.apply(Intent{Intent::Kind::toggle_option, "chest_pain", 0, 0}, 5);
    d.patient.apply(Intent{Intent::Kind::next_question, {}, 0, 0}, 6);
    REQUIRE(d.patient.screen() == Screen::urgent);
    CHECK(d.patient.staff_mark());
    d.patient.end_visit_for_staff();
    CHECK(d.patient.screen() == Screen::urgent);
    d.staff.begin(d.ui.now(), d.patient.urgent_ticket());
    d.enter("1001", "482913");
    REQUIRE(d.staff.screen() == StaffScreen::detail);  // the urgent one, opened first
    CHECK(d.staff.submission()->ticket == *d.patient.urgent_ticket());
    REQUIRE(d.tap("acknowledge"));
    REQUIRE(d.staff.acknowledged_urgent().has_value());
    d.patient.urgent_acknowledged();
    CHECK(d.patient.screen() == Screen::welcome);
    CHECK_FALSE(d.patient.staff_mark());
}
