// A patient's whole visit, without a window: language, the warning signs, education pages (or
// Skip reading), every question, review, send, result; in every shipped language. A warning sign
// ends the visit at once: stored as urgent, staff alerted, the urgent screen that idle never
// wipes. And the privacy rules: idle wipe, a result screen without answers that returns by
// itself, and one submission however often "Send" is tapped.
#include <doctest/doctest.h>

#include <cmath>

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>
#include <utility>

#include "draft_config.hpp"
#include "kiosk_flow.hpp"
#include "shipped_bundle.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk::app;
using kiosk::screening::QuestionType;
using kiosk::screening::Severity;

namespace {

const kiosk::screening::KioskBundle& shipped() { return kiosk::test::shipped_bundle(); }

struct Visit {
    kiosk::test::TempDir dir;
    kiosk::store::SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    KioskConfig config = kiosk::test::draft_config(kiosk::test::source_dir());
    KioskFlow flow{shipped(), store, config, 0};
    double now = 0;

    Visit() = default;
    Visit(const KioskConfig& c, StaffAlerter* alerter) : config(c), flow(shipped(), store, config, 0, alerter) {}

    void tap(Intent::Kind kind, std::string text = {}) { flow.apply(Intent{kind, std::move(text), 0, 0}, now += 1); }

    std::string current_question() const {
        const auto q = flow.session().current_question();
        return q ? shipped().screening.questionnaire.questions[*q].id : std::string();
    }

    // Start, "none" at the warning signs, then "Skip reading": the first question after them.
    void start_and_skip_reading() {
        tap(Intent::Kind::start);
        tap(Intent::Kind::toggle_option, "none");
        tap(Intent::Kind::next_question);
        REQUIRE(flow.screen() == Screen::education);
        tap(Intent::Kind::skip_reading);
        REQUIRE(flow.screen() == Screen::question);
    }

    // Answers each question on screen from `answers` (or skips an optional one) until the review;
    // the education pages, when offered, are skipped.
    void answer_all(const std::map<std::string, std::string>& answers) {
        for (int guard = 0; guard < 40 && (flow.screen() == Screen::question || flow.screen() == Screen::education); ++guard) {
            if (flow.screen() == Screen::education) {
                tap(Intent::Kind::skip_reading);
                continue;
            }
            const auto& q = shipped().screening.questionnaire.questions[*flow.session().current_question()];
            if (const auto it = answers.find(q.id); it != answers.end()) {
                tap(q.type == QuestionType::multiple ? Intent::Kind::toggle_option : Intent::Kind::choose_option, it->second);
            }
            tap(Intent::Kind::next_question);
        }
    }

    std::int64_t stored_count() { return store.connection().query_int("SELECT count(*) FROM submissions").value_or(-1); }
};

const std::map<std::string, std::string> heart_block_patient = {
    {"symptoms_now", "none"},    {"adult", "yes"},          {"older_adult", "no"},      {"pregnant", "no"},
    {"breastfeeding", "no"},     {"heart", "heart_block"},  {"kidney", "no"},           {"neuromuscular", "none"},
    {"medicines", "none"},       {"low_blood_pressure", "no"}, {"allergies", "none"},   {"other_magnesium", "none"},
    {"unwell_today", "none"},    {"prior_reaction", "no"},  {"needle_fainting", "no"},  {"diabetes", "no"},
    {"oral_magnesium", "no"},    {"ate_today", "yes"},      {"drank_water", "yes"}};

// Records what the flow asks of staff alerts, and hands back outcomes a test sets.
struct RecordingAlerter final : StaffAlerter {
    bool on_stop = false;
    std::vector<std::pair<std::string, Severity>> raised;
    std::vector<AlertOutcome> pending;
    bool alerts_for(Severity s) const override { return s == Severity::urgent || (on_stop && s == Severity::stop); }
    void raise(const std::string& ticket, Severity s) override { raised.emplace_back(ticket, s); }
    std::vector<AlertOutcome> finished() override { return std::exchange(pending, {}); }
};

}  // namespace

TEST_CASE("the picker offers the languages the configuration lists, in its order, and only those the content has") {
    KioskConfig config = kiosk::test::draft_config(kiosk::test::source_dir());
    const auto& bundle = kiosk::test::shipped_bundle();
    std::vector<std::string> tags;
    for (const LanguageChoice& l : offered_languages(bundle, config)) tags.push_back(l.tag);
    CHECK(tags == std::vector<std::string>{"en", "ar", "es", "zh-Hans"});  // none listed: the content's order
    config.locales = {"zh-Hans", "ar", "en"};
    tags.clear();
    for (const LanguageChoice& l : offered_languages(bundle, config)) tags.push_back(l.tag);
    CHECK(tags == std::vector<std::string>{"zh-Hans", "ar", "en"});
    config.locales = {"fr", "es"};  // start-up refuses this configuration; the list still never shows 'fr'
    const auto offered = offered_languages(bundle, config);
    REQUIRE(offered.size() == 1);
    CHECK(offered.front().native_name == "Español");
}

TEST_CASE("a patient goes from welcome to result in every shipped language") {
    for (const char* tag : {"en", "es", "ar", "zh-Hans"}) {
        CAPTURE(std::string(tag));
        Visit v;
        CHECK(v.flow.languages().size() == 4);
        v.tap(Intent::Kind::choose_language, tag);
        CHECK(v.flow.text().locale().tag == tag);
        v.tap(Intent::Kind::start);
        REQUIRE(v.flow.screen() == Screen::question);  // the warning signs come first
        CHECK(v.current_question() == "symptoms_now");
        v.tap(Intent::Kind::toggle_option, "none");
        v.tap(Intent::Kind::next_question);
        REQUIRE(v.flow.screen() == Screen::education);
        for (std::size_t p = 0; p < v.flow.page_count(); ++p) {
            CHECK(v.flow.page() == p);
            v.tap(Intent::Kind::next_page);
        }
        REQUIRE(v.flow.screen() == Screen::question);
        CHECK(v.current_question() == "adult");
        v.answer_all(heart_block_patient);
        REQUIRE(v.flow.screen() == Screen::review);
        v.tap(Intent::Kind::send);
        REQUIRE(v.flow.screen() == Screen::result);
        REQUIRE(v.flow.result().has_value());
        CHECK(v.flow.result()->stored);
        CHECK(v.flow.result()->severity == kiosk::screening::Severity::stop);
        CHECK(v.store.connection().query_int("SELECT severity FROM submissions") == 3);
        CHECK(v.store.connection().query_text("SELECT locale FROM submissions") == tag);
        CHECK(v.store.connection().query_text("SELECT ticket FROM submissions") == v.flow.result()->ticket);
        // The result screen holds no answers: the session is already wiped.
        for (const auto& a : v.flow.session().answers()) CHECK_FALSE(a.given);
        v.tap(Intent::Kind::done);
        CHECK(v.flow.screen() == Screen::welcome);
        CHECK(v.flow.text().locale().tag == "en");
    }
}

TEST_CASE("tapping Send twice stores one submission") {
    Visit v;
    v.start_and_skip_reading();
    v.answer_all(heart_block_patient);
    v.tap(Intent::Kind::send);
    v.tap(Intent::Kind::send);
    CHECK(v.stored_count() == 1);
}

TEST_CASE("after the idle timeout a countdown shows, then everything is wiped and welcome returns") {
    Visit v;
    v.tap(Intent::Kind::choose_language, "ar");
    v.tap(Intent::Kind::toggle_larger_text);
    v.start_and_skip_reading();
    v.tap(Intent::Kind::choose_option, "yes");
    const double last_touch = v.now;

    v.flow.tick(last_touch + 89);
    CHECK_FALSE(v.flow.idle_countdown_showing(last_touch + 89));
    CHECK(v.flow.idle_countdown_showing(last_touch + 91));
    CHECK(v.flow.idle_seconds_left(last_touch + 91) == 14);

    SUBCASE("'I'm still here' keeps the answers") {
        v.flow.apply(Intent{Intent::Kind::still_here, {}, 0, 0}, last_touch + 95);
        v.flow.tick(last_touch + 96);
        CHECK(v.flow.screen() == Screen::question);
        CHECK(v.flow.session().answers()[1].given);
    }
    SUBCASE("no answer: the session is wiped") {
        v.flow.tick(last_touch + 90 + 15);
        CHECK(v.flow.screen() == Screen::welcome);
        for (const auto& a : v.flow.session().answers()) CHECK_FALSE(a.given);
        CHECK(v.flow.text().locale().tag == "en");
        CHECK_FALSE(v.flow.larger_text());
        CHECK(v.stored_count() == 0);  // nothing was sent, nothing is kept
    }
}

TEST_CASE("the result screen returns to welcome by itself") {
    Visit v;
    v.start_and_skip_reading();
    v.answer_all(heart_block_patient);
    v.tap(Intent::Kind::send);
    v.flow.tick(v.now);
    v.flow.tick(v.now + 44);
    CHECK(v.flow.screen() == Screen::result);
    CHECK(v.flow.seconds_until_next_change(v.now + 44) == doctest::Approx(1.0));
    v.flow.tick(v.now + 45);
    CHECK(v.flow.screen() == Screen::welcome);
    CHECK_FALSE(v.flow.result().has_value());
}

TEST_CASE("nothing on a welcome screen changes by itself until someone leaves a choice on it, then only its reset does") {
    Visit v;
    CHECK(std::isinf(v.flow.seconds_until_next_change(v.now)));
    CHECK(std::isinf(v.flow.seconds_until_next_change(v.now + 1e6)));  // the idle timer's expiry changes nothing here
    v.tap(Intent::Kind::choose_language, "es");
    REQUIRE(v.flow.screen() == Screen::welcome);
    // No countdown is shown on welcome: one wake, when the choice is reset for the next person.
    const double reset_in = v.config.idle_timeout_seconds + v.config.idle_countdown_seconds;
    CHECK(v.flow.seconds_until_next_change(v.now) == doctest::Approx(reset_in));
    v.flow.tick(v.now + reset_in);
    CHECK(v.flow.text().locale().tag == v.config.default_locale);
    CHECK(std::isinf(v.flow.seconds_until_next_change(v.now + reset_in)));
}

TEST_CASE("during a visit the kiosk wakes when the idle question appears, then every second of its countdown") {
    Visit v;
    v.start_and_skip_reading();
    CHECK(v.flow.seconds_until_next_change(v.now) == doctest::Approx(v.config.idle_timeout_seconds));
    const double counting = v.now + v.config.idle_timeout_seconds + 0.25;
    CHECK(v.flow.seconds_until_next_change(counting) == doctest::Approx(0.75));
}

TEST_CASE("back goes through the questions to the warning signs, then to the language, review can edit a question") {
    Visit v;
    v.start_and_skip_reading();
    CHECK(v.current_question() == "adult");
    v.tap(Intent::Kind::previous_question);
    CHECK(v.current_question() == "symptoms_now");
    v.tap(Intent::Kind::previous_question);
    CHECK(v.flow.screen() == Screen::welcome);
    v.tap(Intent::Kind::start);
    CHECK(v.current_question() == "symptoms_now");
    v.tap(Intent::Kind::next_question);  // "none" is still ticked; the pages were offered once already
    CHECK(v.current_question() == "adult");
    CHECK(v.flow.screen() == Screen::question);
    v.answer_all(heart_block_patient);
    REQUIRE(v.flow.screen() == Screen::review);
    v.flow.apply(Intent{Intent::Kind::edit_question, {}, 0, *shipped().screening.questionnaire.index_of("pregnant")}, v.now += 1);
    CHECK(v.flow.screen() == Screen::question);
    CHECK(v.current_question() == "pregnant");
    v.tap(Intent::Kind::choose_option, "yes");  // hides breastfeeding: its answer is dropped
    CHECK_FALSE(v.flow.session().answers()[*shipped().screening.questionnaire.index_of("breastfeeding")].given);
}

TEST_CASE("Skip reading reaches the questions, the pages stay reachable from a question and the review, and lead back") {
    Visit v;
    v.tap(Intent::Kind::start);
    v.tap(Intent::Kind::toggle_option, "none");
    v.tap(Intent::Kind::next_question);
    REQUIRE(v.flow.screen() == Screen::education);
    CHECK_FALSE(v.flow.reading_from_questions());
    v.tap(Intent::Kind::next_page);
    v.tap(Intent::Kind::skip_reading);  // from the second page
    REQUIRE(v.flow.screen() == Screen::question);
    CHECK(v.current_question() == "adult");
    v.tap(Intent::Kind::choose_option, "yes");
    v.tap(Intent::Kind::next_question);
    REQUIRE(v.current_question() == "older_adult");

    v.tap(Intent::Kind::read_pages);
    REQUIRE(v.flow.screen() == Screen::education);
    CHECK(v.flow.page() == 0);
    CHECK(v.flow.reading_from_questions());
    v.tap(Intent::Kind::next_page);
    v.tap(Intent::Kind::skip_reading);  // "Back to the questions"
    CHECK(v.flow.screen() == Screen::question);
    CHECK(v.current_question() == "older_adult");  // where the patient was, answers kept
    CHECK(v.flow.session().answers()[1].given);

    v.answer_all(heart_block_patient);
    REQUIRE(v.flow.screen() == Screen::review);
    v.tap(Intent::Kind::read_pages);
    REQUIRE(v.flow.screen() == Screen::education);
    for (std::size_t p = 0; p < v.flow.page_count(); ++p) v.tap(Intent::Kind::next_page);  // to the end
    CHECK(v.flow.screen() == Screen::review);
    v.tap(Intent::Kind::send);
    CHECK(v.stored_count() == 1);
}

TEST_CASE("a warning sign at the first Next ends the visit: an urgent submission of what was answered, the urgent screen, staff alerted") {
    for (const char* sign : {"chest_pain", "slow_heartbeat", "feel_unwell_other"}) {
        CAPTURE(std::string(sign));
        RecordingAlerter alerter;
        Visit v(kiosk::test::draft_config(kiosk::test::source_dir()), &alerter);
        v.tap(Intent::Kind::choose_language, "es");
        v.tap(Intent::Kind::start);
        v.tap(Intent::Kind::toggle_option, sign);
        CHECK(v.stored_count() == 0);  // nothing before Next: a tick can be untaken
        v.tap(Intent::Kind::next_question);
        REQUIRE(v.flow.screen() == Screen::urgent);
        REQUIRE(v.flow.result().has_value());
        CHECK(v.flow.result()->severity == Severity::urgent);
        CHECK(v.stored_count() == 1);
        CHECK(v.store.connection().query_int("SELECT severity FROM submissions") == 4);
        CHECK(v.store.connection().query_text("SELECT answers_json FROM submissions") == std::string(R"({"symptoms_now":[")") + sign + R"("]})");
        // Only the warning-signs rule: the questions never asked are not "unanswered".
        CHECK(v.store.connection().query_text("SELECT group_concat(rule_id) FROM fired_rules") == "warning_symptoms_now");
        CHECK(v.store.connection().query_text("SELECT source FROM fired_rules").value_or("").find("Brochure") == 0);
        REQUIRE(alerter.raised.size() == 1);
        CHECK(alerter.raised[0].first == v.flow.result()->ticket);
        CHECK(alerter.raised[0].second == Severity::urgent);
        for (const auto& a : v.flow.session().answers()) CHECK_FALSE(a.given);  // wiped from memory once stored
    }
}

TEST_CASE("the urgent screen never times out or idles into welcome before urgent_screen_seconds, taps do not end it") {
    KioskConfig config = kiosk::test::draft_config(kiosk::test::source_dir());
    config.urgent_screen_seconds = 600;
    RecordingAlerter alerter;
    Visit v(config, &alerter);
    v.tap(Intent::Kind::start);
    v.tap(Intent::Kind::toggle_option, "trouble_breathing");
    v.tap(Intent::Kind::next_question);
    REQUIRE(v.flow.screen() == Screen::urgent);
    const double shown = v.now;
    for (double t = shown + 1; t < shown + 600; t += 7) {
        v.flow.tick(t);
        REQUIRE(v.flow.screen() == Screen::urgent);
        CHECK_FALSE(v.flow.idle_countdown_showing(t));
    }
    v.flow.apply(Intent{Intent::Kind::done, {}, 0, 0}, shown + 100);
    v.flow.apply(Intent{Intent::Kind::start, {}, 0, 0}, shown + 101);
    CHECK(v.flow.screen() == Screen::urgent);
    CHECK(v.flow.seconds_until_next_change(shown + 590) == doctest::Approx(10.0));
    v.flow.tick(shown + 600);
    CHECK(v.flow.screen() == Screen::welcome);
    CHECK(v.stored_count() == 1);
    CHECK(alerter.raised.size() == 1);
}

TEST_CASE("a warning sign ticked and left without Next is not wiped by idle: it is stored as urgent") {
    RecordingAlerter alerter;
    Visit v(kiosk::test::draft_config(kiosk::test::source_dir()), &alerter);
    v.tap(Intent::Kind::start);
    v.tap(Intent::Kind::toggle_option, "fainting_or_dizzy");
    const double last = v.now;
    v.flow.tick(last + 91);
    CHECK(v.flow.idle_countdown_showing(last + 91));
    v.flow.tick(last + 105);
    REQUIRE(v.flow.screen() == Screen::urgent);
    CHECK(v.stored_count() == 1);
    CHECK(v.store.connection().query_int("SELECT severity FROM submissions") == 4);
    CHECK(alerter.raised.size() == 1);
}

TEST_CASE("a warning sign chosen again at the review is urgent at Send too, stop alerts only when configured") {
    for (const bool on_stop : {false, true}) {
        RecordingAlerter alerter;
        alerter.on_stop = on_stop;
        Visit v(kiosk::test::draft_config(kiosk::test::source_dir()), &alerter);
        v.start_and_skip_reading();
        v.answer_all(heart_block_patient);  // stop
        REQUIRE(v.flow.screen() == Screen::review);
        v.tap(Intent::Kind::send);
        CHECK(v.flow.screen() == Screen::result);
        CHECK(alerter.raised.size() == (on_stop ? 1U : 0U));
    }
    RecordingAlerter alerter;
    Visit v(kiosk::test::draft_config(kiosk::test::source_dir()), &alerter);
    v.start_and_skip_reading();
    v.answer_all(heart_block_patient);
    v.flow.apply(Intent{Intent::Kind::edit_question, {}, 0, 0}, v.now += 1);
    v.tap(Intent::Kind::toggle_option, "chest_pain");  // clears "none"
    v.tap(Intent::Kind::next_question);
    REQUIRE(v.flow.screen() == Screen::urgent);
    // Answered in full: routed over everything, the heart block too.
    CHECK(v.store.connection().query_text("SELECT group_concat(rule_id) FROM fired_rules") == "warning_symptoms_now,heart_block_or_damage");
    CHECK(alerter.raised.size() == 1);
}

TEST_CASE("a failed staff alert is logged and audited, and changes nothing for the patient") {
    RecordingAlerter alerter;
    Visit v(kiosk::test::draft_config(kiosk::test::source_dir()), &alerter);
    v.tap(Intent::Kind::start);
    v.tap(Intent::Kind::toggle_option, "chest_pain");
    v.tap(Intent::Kind::next_question);
    REQUIRE(v.flow.screen() == Screen::urgent);
    const std::string ticket = v.flow.result()->ticket;
    alerter.pending.push_back({ticket, "command", false, "exited with status 3"});
    v.flow.tick(v.now + 1);
    CHECK(v.flow.screen() == Screen::urgent);
    CHECK(v.flow.result()->ticket == ticket);
    CHECK(v.store.connection().query_text("SELECT detail FROM audit_log WHERE event = 'alert_failed'") ==
          "ticket " + ticket + ", command: exited with status 3");
    CHECK(v.store.check_audit().intact);
}

TEST_CASE("the alert command runs once per urgent submission with only the ticket and the severity") {
    kiosk::test::TempDir dir;
    const std::filesystem::path record = dir / "arguments.txt";
    const std::filesystem::path script = dir / "page-nurse";
    {
        std::ofstream out(script);
        out << "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '" << record.string() << "'\necho --- >> '" << record.string() << "'\nexit \"${FAIL:-0}\"\n";
    }
    chmod(script.c_str(), 0700);
    KioskConfig config = kiosk::test::draft_config(kiosk::test::source_dir());
    config.alerts.chime = false;
    config.alerts.command = {script.string(), "--ward", "3"};
    const std::unique_ptr<StaffAlerter> alerter = make_system_alerter(config.alerts);
    Visit v(config, alerter.get());
    v.tap(Intent::Kind::start);
    v.tap(Intent::Kind::toggle_option, "chest_pain");
    v.tap(Intent::Kind::next_question);
    REQUIRE(v.flow.screen() == Screen::urgent);
    const std::string ticket = v.flow.result()->ticket;
    // The command ends on its own time; the patient's screen never waited for it.
    std::string recorded;
    for (int i = 0; i < 250 && recorded.find("---") == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        recorded = kiosk::test::file_bytes(record);
    }
    CHECK(recorded == "--ward\n3\n" + ticket + "\nurgent\n---\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    v.flow.tick(v.now + 1);
    CHECK(v.store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'alert_failed'") == 0);
    CHECK(kiosk::test::file_bytes(record) == recorded);  // once

    // A command that fails: audited, the patient sees the same screen.
    KioskConfig failing = config;
    failing.alerts.command = {"/bin/sh", "-c", "exit 3", "page-nurse"};
    const std::unique_ptr<StaffAlerter> failing_alerter = make_system_alerter(failing.alerts);
    Visit w(failing, failing_alerter.get());
    w.tap(Intent::Kind::start);
    w.tap(Intent::Kind::toggle_option, "chest_pain");
    w.tap(Intent::Kind::next_question);
    REQUIRE(w.flow.screen() == Screen::urgent);
    std::optional<std::int64_t> audited;
    for (int i = 0; i < 250 && audited.value_or(0) == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        w.flow.tick(w.now + 1);
        audited = w.store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'alert_failed'");
    }
    CHECK(audited == 1);
    CHECK(w.store.connection().query_text("SELECT detail FROM audit_log WHERE event = 'alert_failed'").value_or("").find("exited with status 3") !=
          std::string::npos);
    CHECK(w.flow.screen() == Screen::urgent);

    // A program that does not exist: refused at once, audited, no crash.
    KioskConfig missing = config;
    missing.alerts.command = {(dir / "no-such-program").string()};
    const std::unique_ptr<StaffAlerter> missing_alerter = make_system_alerter(missing.alerts);
    missing_alerter->raise("ABCD", Severity::urgent);
    const std::vector<AlertOutcome> outcomes = missing_alerter->finished();
    REQUIRE(outcomes.size() == 1);
    CHECK_FALSE(outcomes[0].ok);
    CHECK(outcomes[0].detail.find("could not start") == 0);
}
