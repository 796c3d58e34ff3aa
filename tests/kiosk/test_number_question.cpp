// A number question, as a content editor may add one: typed on a keypad, kept by the flow only
// while it is within the question's range, shown in the language's digits with its unit in words,
// and wiped with everything else.
#include <doctest/doctest.h>

#include "draft_config.hpp"
#include "headless_ui.hpp"
#include "kiosk_bundle.hpp"
#include "kiosk_flow.hpp"
#include "number_question_bundle.hpp"
#include "number_text.hpp"
#include "temp_bundle.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk::app;

namespace {

using kiosk::test::bundle_with_number_question;

struct NumberVisit {
    kiosk::test::TempBundle files = kiosk::test::TempBundle::shipped();
    kiosk::screening::KioskBundle bundle = bundle_with_number_question(files);
    kiosk::test::TempDir dir;
    kiosk::store::SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    KioskConfig config = kiosk::test::draft_config(files.dir());
    KioskFlow flow{bundle, store, config, 0};
    kiosk::test::HeadlessUi ui;

    NumberVisit() {
        REQUIRE(bundle.usable);
        ui.tap(flow, "start");
        while (flow.screen() == Screen::education) ui.tap(flow, "next");
        REQUIRE(flow.screen() == Screen::question);
    }
    bool key(const std::string& k) { return ui.tap(flow, "key:" + k); }
    const kiosk::screening::Answer& answer() const { return flow.session().answer(*flow.session().current_question()); }
};

}  // namespace

TEST_CASE("digits typed on the keypad become the answer only inside the question's range") {
    NumberVisit v;
    CHECK(v.flow.number_entry().empty());
    REQUIRE(v.key("1"));
    CHECK(v.flow.number_entry() == "1");
    CHECK_FALSE(v.answer().given);  // 1 is below 6: shown while typing, not an answer
    CHECK_FALSE(v.ui.tap(v.flow, "next"));  // required: "Next" waits
    REQUIRE(v.key("2"));
    CHECK(v.answer().given);
    CHECK(v.answer().number == 12);
    v.key("0");  // 120 is above 48: the digit is not taken
    CHECK(v.flow.number_entry() == "12");
    CHECK(v.answer().number == 12);
    v.key("delete");
    CHECK(v.flow.number_entry() == "1");
    CHECK_FALSE(v.answer().given);
    v.key("delete");
    v.key("delete");  // nothing left to delete: no harm
    CHECK(v.flow.number_entry().empty());
    v.key("8");
    CHECK(v.answer().number == 8);
    CHECK(v.ui.tap(v.flow, "next"));
    CHECK(v.flow.questionnaire().questions[*v.flow.session().current_question()].id == "symptoms_now");
    // Back: the answer is there again, as digits to go on editing.
    v.ui.tap(v.flow, "back");
    CHECK(v.flow.number_entry() == "8");
}

TEST_CASE("the typed number and its answer are wiped with the session") {
    NumberVisit v;
    v.key("2");
    v.key("4");
    REQUIRE(v.answer().given);
    v.ui.advance(v.config.idle_timeout_seconds + v.config.idle_countdown_seconds + 2);
    v.ui.idle_frame(v.flow);
    v.ui.idle_frame(v.flow);
    CHECK(v.flow.screen() == Screen::welcome);
    CHECK(v.flow.number_entry().empty());
    for (const auto& a : v.flow.session().answers()) CHECK_FALSE(a.given);
}

TEST_CASE("numbers are written in the language's digits, with the unit in words") {
    CHECK(kiosk::content::format_number("en", 24, "duration-hour") == "24 hours");
    CHECK(kiosk::content::format_number("es", 24, "duration-hour") == "24 horas");
    CHECK(kiosk::content::format_number("ar", 24, "duration-hour").find("\u0662\u0664") != std::string::npos);  // ٢٤
    CHECK(kiosk::content::format_number("zh-Hans", 24, "duration-hour").find("24") != std::string::npos);
    CHECK(kiosk::content::format_number("ar", 7) == "\u0667");
    CHECK(kiosk::content::is_cldr_unit("mass-kilogram"));
    CHECK_FALSE(kiosk::content::is_cldr_unit("duration-hours"));
    CHECK_FALSE(kiosk::content::is_cldr_unit(""));
}

TEST_CASE("the review shows a number answer, and the submission carries it") {
    NumberVisit v;
    v.key("3");
    v.key("0");
    v.ui.tap(v.flow, "next");
    // Jump to the review by answering the rest the quickest way the questionnaire allows.
    for (int guard = 0; guard < 40 && (v.flow.screen() == Screen::question || v.flow.screen() == Screen::education); ++guard) {
        if (v.flow.screen() == Screen::education) {
            v.ui.tap(v.flow, "skip");  // the pages come after the first question
            continue;
        }
        for (const char* id : {"option:none", "option:no", "option:yes"}) {
            if (v.ui.on_screen(id)) {
                v.ui.tap(v.flow, id);
                break;
            }
        }
        v.ui.tap(v.flow, "next");
    }
    REQUIRE(v.flow.screen() == Screen::review);
    REQUIRE(v.ui.tap(v.flow, "send"));
    const std::string answers = v.store.connection().query_text("SELECT answers_json FROM submissions").value_or("");
    CHECK_MESSAGE(answers.find("\"hours_since_meal\":30") != std::string::npos, answers);
}
