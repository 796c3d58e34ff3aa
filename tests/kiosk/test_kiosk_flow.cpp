// A patient's whole visit, without a window: language, education pages, every question, review,
// send, result; in every shipped language. And the privacy rules: idle wipe, a result screen
// without answers that returns by itself, and one submission however often "Send" is tapped.
#include <doctest/doctest.h>

#include <map>

#include "kiosk_flow.hpp"
#include "shipped_bundle.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk::app;
using kiosk::screening::QuestionType;

namespace {

const kiosk::screening::KioskBundle& shipped() { return kiosk::test::shipped_bundle(); }

struct Visit {
    kiosk::test::TempDir dir;
    kiosk::store::SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    KioskConfig config = default_config(kiosk::test::source_dir());
    KioskFlow flow{shipped(), store, config, 0};
    double now = 0;

    void tap(Intent::Kind kind, std::string text = {}) { flow.apply(Intent{kind, std::move(text), 0, 0}, now += 1); }

    std::string current_question() const {
        const auto q = flow.session().current_question();
        return q ? shipped().screening.questionnaire.questions[*q].id : std::string();
    }

    // Answers each question on screen from `answers` (or skips an optional one) until the review.
    void answer_all(const std::map<std::string, std::string>& answers) {
        for (int guard = 0; guard < 40 && flow.screen() == Screen::question; ++guard) {
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
    {"symptoms_now", "none"}, {"adult", "yes"},         {"pregnant", "no"},        {"breastfeeding", "no"},
    {"heart", "heart_block"}, {"kidney", "no"},         {"neuromuscular", "none"}, {"medicines", "none"},
    {"prior_reaction", "no"}, {"diabetes", "no"},       {"oral_magnesium", "no"},  {"ate_today", "yes"},
    {"drank_water", "yes"}};

}  // namespace

TEST_CASE("the picker offers the languages the configuration lists, in its order, and only those the content has") {
    KioskConfig config = default_config(kiosk::test::source_dir());
    const auto& bundle = kiosk::test::shipped_bundle().content.bundle;
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
        REQUIRE(v.flow.screen() == Screen::education);
        for (std::size_t p = 0; p < v.flow.page_count(); ++p) {
            CHECK(v.flow.page() == p);
            v.tap(Intent::Kind::next_page);
        }
        REQUIRE(v.flow.screen() == Screen::question);
        CHECK(v.current_question() == "symptoms_now");
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
    v.tap(Intent::Kind::start);
    for (std::size_t p = 0; p < v.flow.page_count(); ++p) v.tap(Intent::Kind::next_page);
    v.answer_all(heart_block_patient);
    v.tap(Intent::Kind::send);
    v.tap(Intent::Kind::send);
    CHECK(v.stored_count() == 1);
}

TEST_CASE("after the idle timeout a countdown shows; then everything is wiped and welcome returns") {
    Visit v;
    v.tap(Intent::Kind::choose_language, "ar");
    v.tap(Intent::Kind::toggle_larger_text);
    v.tap(Intent::Kind::start);
    for (std::size_t p = 0; p < v.flow.page_count(); ++p) v.tap(Intent::Kind::next_page);
    v.tap(Intent::Kind::toggle_option, "chest_pain");
    v.tap(Intent::Kind::next_question);
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
        CHECK(v.flow.session().answers()[0].given);
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
    v.tap(Intent::Kind::start);
    for (std::size_t p = 0; p < v.flow.page_count(); ++p) v.tap(Intent::Kind::next_page);
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

TEST_CASE("back goes through the questions, then to the education pages; review can edit a question") {
    Visit v;
    v.tap(Intent::Kind::start);
    for (std::size_t p = 0; p < v.flow.page_count(); ++p) v.tap(Intent::Kind::next_page);
    v.tap(Intent::Kind::toggle_option, "none");
    v.tap(Intent::Kind::next_question);
    CHECK(v.current_question() == "adult");
    v.tap(Intent::Kind::previous_question);
    CHECK(v.current_question() == "symptoms_now");
    v.tap(Intent::Kind::previous_question);
    CHECK(v.flow.screen() == Screen::education);
    CHECK(v.flow.page() == v.flow.page_count() - 1);
    v.tap(Intent::Kind::next_page);
    v.answer_all(heart_block_patient);
    REQUIRE(v.flow.screen() == Screen::review);
    v.flow.apply(Intent{Intent::Kind::edit_question, {}, 0, *shipped().screening.questionnaire.index_of("pregnant")}, v.now += 1);
    CHECK(v.flow.screen() == Screen::question);
    CHECK(v.current_question() == "pregnant");
    v.tap(Intent::Kind::choose_option, "yes");  // hides breastfeeding: its answer is dropped
    CHECK_FALSE(v.flow.session().answers()[*shipped().screening.questionnaire.index_of("breastfeeding")].given);
}
