// The real patient screens, tapped by widget id with no window: a whole visit in every shipped
// language, drag-scroll that does not press, back navigation, the idle wipe, and hidden answers.
#include <doctest/doctest.h>

#include <map>

#include "headless_ui.hpp"
#include "kiosk_flow.hpp"
#include "shipped_bundle.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk::app;

namespace {

const kiosk::screening::KioskBundle& shipped() { return kiosk::test::shipped_bundle(); }

struct Kiosk {
    kiosk::test::TempDir dir;
    kiosk::store::SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    KioskConfig config = default_config(kiosk::test::source_dir());
    KioskFlow flow{shipped(), store, config, 0};
    kiosk::test::HeadlessUi ui;

    bool tap(const std::string& id) { return ui.tap(flow, id); }
    std::string question() const {
        const auto q = flow.session().current_question();
        return q ? shipped().screening.questionnaire.questions[*q].id : std::string();
    }
};

const std::map<std::string, std::string> answers = {
    {"symptoms_now", "none"}, {"adult", "yes"},         {"pregnant", "no"},        {"breastfeeding", "no"},
    {"heart", "heart_damage"}, {"kidney", "no"},        {"neuromuscular", "none"}, {"medicines", "digoxin"},
    {"prior_reaction", "no"}, {"diabetes", "no"},       {"oral_magnesium", "no"},  {"ate_today", "yes"},
    {"drank_water", "yes"}};

}  // namespace

TEST_CASE("a patient taps from welcome to result in every shipped language") {
    for (const char* tag : {"en", "es", "ar", "zh-Hans"}) {
        CAPTURE(std::string(tag));
        Kiosk k;
        REQUIRE(k.tap(std::string("lang:") + tag));
        CHECK(k.flow.text().locale().tag == tag);
        REQUIRE(k.tap("start"));
        while (k.flow.screen() == Screen::education) REQUIRE(k.tap("next"));
        REQUIRE(k.flow.screen() == Screen::question);
        while (k.flow.screen() == Screen::question) {
            const auto it = answers.find(k.question());
            if (it != answers.end()) REQUIRE(k.tap("option:" + it->second));
            REQUIRE(k.tap("next"));
        }
        REQUIRE(k.flow.screen() == Screen::review);
        CHECK(k.ui.on_screen("edit:heart"));
        REQUIRE(k.tap("send"));
        REQUIRE(k.flow.screen() == Screen::result);
        CHECK(k.flow.result()->severity == kiosk::screening::Severity::stop);
        CHECK(k.store.connection().query_int("SELECT count(*) FROM submissions") == 1);
        CHECK(k.store.connection().query_text("SELECT locale FROM submissions") == tag);
        REQUIRE(k.tap("done"));
        CHECK(k.flow.screen() == Screen::welcome);
    }
}

TEST_CASE("a drag that starts on an answer button scrolls and does not press it") {
    Kiosk k;
    k.tap("start");
    while (k.flow.screen() == Screen::education) k.tap("next");
    REQUIRE(k.question() == "symptoms_now");
    // 40 px: past the drag threshold but still over the 96-px button, where a release would press it.
    const auto intent = k.ui.drag_from(k.flow, "option:chest_pain", -40);
    CHECK_FALSE(intent.has_value());
    CHECK_FALSE(k.flow.session().answers()[0].given);
    // The same button, tapped, does answer.
    CHECK(k.tap("option:chest_pain"));
    CHECK(k.flow.session().answers()[0].given);
}

TEST_CASE("'Next' does nothing until a required question is answered; back goes to the previous screen") {
    Kiosk k;
    k.tap("start");
    CHECK(k.flow.page() == 0);
    k.tap("next");
    CHECK(k.flow.page() == 1);
    k.tap("back");
    CHECK(k.flow.page() == 0);
    while (k.flow.screen() == Screen::education) k.tap("next");
    k.tap("next");  // nothing chosen
    CHECK(k.question() == "symptoms_now");
    k.tap("option:none");
    k.tap("next");
    CHECK(k.question() == "adult");
    k.tap("back");
    CHECK(k.question() == "symptoms_now");
}

TEST_CASE("answers to a question that becomes hidden are dropped, on screen too") {
    Kiosk k;
    k.tap("start");
    while (k.flow.screen() == Screen::education) k.tap("next");
    for (const char* option : {"option:none", "option:yes", "option:no", "option:yes"}) {
        k.tap(option);
        k.tap("next");
    }
    CHECK(k.question() == "heart");
    k.tap("back");
    k.tap("back");
    REQUIRE(k.question() == "pregnant");
    k.tap("option:yes");
    k.tap("next");
    CHECK(k.question() == "heart");  // breastfeeding is no longer asked
    const std::size_t breastfeeding = *shipped().screening.questionnaire.index_of("breastfeeding");
    CHECK_FALSE(k.flow.session().answers()[breastfeeding].given);
}

TEST_CASE("left alone, the screen asks 'are you still there?', then wipes everything") {
    Kiosk k;
    k.tap("lang:es");
    k.tap("start");
    while (k.flow.screen() == Screen::education) k.tap("next");
    k.tap("option:chest_pain");
    k.ui.advance(k.config.idle_timeout_seconds + 1);
    k.ui.idle_frame(k.flow);
    CHECK(k.ui.on_screen("still_here"));
    k.ui.advance(k.config.idle_countdown_seconds);
    k.ui.idle_frame(k.flow);
    k.ui.idle_frame(k.flow);
    CHECK(k.flow.screen() == Screen::welcome);
    CHECK(k.ui.on_screen("start"));
    CHECK_FALSE(k.ui.on_screen("still_here"));
    CHECK(k.flow.text().locale().tag == "en");
    for (const auto& a : k.flow.session().answers()) CHECK_FALSE(a.given);
}
