// Routing: hidden questions, the highest severity, cited answers, and the safety net that never
// takes an unknown answer for "no".
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk_bundle.hpp"
#include "questionnaire_fixture.hpp"
#include "routing.hpp"
#include "temp_bundle.hpp"

using namespace kiosk::screening;
using kiosk::test::choose;

namespace {

Rule make_rule(const Questionnaire& q, std::string id, Severity severity, const std::string& when) {
    Rule r;
    r.id = std::move(id);
    r.severity = severity;
    r.when = std::get<Condition>(parse_condition(when, q, q.questions.size()));
    r.patient_message_key = "rule." + r.id + ".patient";
    r.staff_rationale_key = "rule." + r.id + ".staff";
    return r;
}

ScreeningContent fixture_content() {
    ScreeningContent c;
    c.questionnaire = kiosk::test::fixture_questionnaire();
    c.rules.push_back(make_rule(c.questionnaire, "high_fever", Severity::stop, "temperature >= 39"));
    c.rules.push_back(make_rule(c.questionnaire, "pain", Severity::caution, "pain any_except [none]"));
    c.rules.push_back(make_rule(c.questionnaire, "level_high", Severity::info, "level = high"));
    c.unknown_safety_answer = {Severity::caution, "rule.unknown.patient", "rule.unknown.staff", "policy", {}};
    c.content_version = "test";
    return c;
}

std::vector<std::string> ids(const RoutingDecision& d) {
    std::vector<std::string> out;
    for (const FiredRule& f : d.fired) out.emplace_back(f.rule_id);
    return out;
}

}  // namespace

TEST_CASE("questions are shown only when their show_if holds, transitively") {
    const Questionnaire q = kiosk::test::fixture_questionnaire();
    AnswerSet a = empty_answers(q);
    CHECK(visible_questions(q, a) == std::vector<bool>{true, false, true, false});
    a[0] = choose(q, "fever", {"yes"});
    CHECK(visible_questions(q, a) == std::vector<bool>{true, true, true, false});
    a[1] = Answer{true, 0, 38.5, false};
    CHECK(visible_questions(q, a) == std::vector<bool>{true, true, true, true});
}

TEST_CASE("answers to questions that become hidden are dropped, including the chain behind them") {
    const Questionnaire q = kiosk::test::fixture_questionnaire();
    AnswerSet a = empty_answers(q);
    a[0] = choose(q, "fever", {"yes"});
    a[1] = Answer{true, 0, 39, false};
    a[3] = choose(q, "level", {"high"});
    a[0] = choose(q, "fever", {"no"});  // the patient goes back and changes the answer
    CHECK(drop_hidden_answers(q, a) == std::vector<std::string>{"temperature", "level"});
    CHECK_FALSE(a[1].given);
    CHECK_FALSE(a[3].given);
}

TEST_CASE("the outcome is the highest severity fired, each fired rule cites its answers") {
    const ScreeningContent c = fixture_content();
    AnswerSet a = empty_answers(c.questionnaire);
    a[0] = choose(c.questionnaire, "fever", {"yes"});
    a[1] = Answer{true, 0, 39.2, false};
    a[2] = choose(c.questionnaire, "pain", {"back"});
    a[3] = choose(c.questionnaire, "level", {"high"});
    const RoutingDecision d = route(c, a);
    CHECK(d.severity == Severity::stop);
    CHECK(ids(d) == std::vector<std::string>{"high_fever", "pain", "level_high"});
    REQUIRE(d.fired[0].answers.size() == 1);
    CHECK(d.fired[0].answers[0].question == "temperature");
    CHECK(*d.fired[0].answers[0].number == 39.2);
    CHECK(d.fired[1].answers[0].options == std::vector<std::string_view>{"back"});
    CHECK(d.content_version == "test");
}

TEST_CASE("an unanswered or 'not sure' safety question raises at least caution, once, citing every such question") {
    const ScreeningContent c = fixture_content();
    AnswerSet a = empty_answers(c.questionnaire);
    // Nothing answered: fever and pain unknown; temperature hidden. Pain unanswered is read as
    // "not sure", which its rule covers; fever's "not sure" fires no rule: the safety net does.
    RoutingDecision d = route(c, a);
    CHECK(d.severity == Severity::caution);
    REQUIRE(ids(d) == std::vector<std::string>{"pain", "unknown_safety_answer"});
    REQUIRE(d.fired[0].answers.size() == 1);
    CHECK(d.fired[0].answers[0].question == "pain");
    CHECK_FALSE(d.fired[0].answers[0].answered);  // cited as unanswered, not as the "not sure" it was read as
    REQUIRE(d.fired[1].answers.size() == 1);
    CHECK(d.fired[1].answers[0].question == "fever");
    CHECK_FALSE(d.fired[1].answers[0].answered);

    a[0] = choose(c.questionnaire, "fever", {"not_sure"});
    a[2] = choose(c.questionnaire, "pain", {"none"});
    d = route(c, a);
    CHECK(d.severity == Severity::caution);
    REQUIRE(d.fired.size() == 1);
    CHECK(d.fired[0].answers[0].options == std::vector<std::string_view>{"not_sure"});
}

TEST_CASE("an unanswered safety question is never routed lower than 'not sure', nor a yes/no without it lower than its risky answer") {
    Questionnaire q;
    q.questions.push_back(kiosk::test::make_question("adult", QuestionType::yes_no, {"yes", "no"}));
    q.questions.push_back(kiosk::test::make_question("kidney", QuestionType::single, {"severe", "mild", "no", "not_sure"}));
    q.questions.push_back(kiosk::test::make_question("pills", QuestionType::multiple, {"digoxin", "none", "not_sure"}));
    ScreeningContent c;
    c.questionnaire = q;
    c.rules.push_back(make_rule(q, "under_18", Severity::stop, "adult = no"));
    c.rules.push_back(make_rule(q, "kidney_review", Severity::caution, "kidney in [mild, not_sure]"));
    c.rules.push_back(make_rule(q, "combination", Severity::stop, "kidney in [mild, not_sure] and pills in [digoxin, not_sure]"));
    c.rules.push_back(make_rule(q, "pills_missing", Severity::info, "unanswered(pills)"));
    c.unknown_safety_answer = {Severity::caution, "p", "s", "policy", {}};

    AnswerSet a = empty_answers(q);
    a[2] = choose(q, "pills", {"digoxin"});
    RoutingDecision d = route(c, a);
    // adult unanswered reads as "no" (the risky answer); kidney as "not sure", which with digoxin
    // is the combination: what "not sure" would have given, never less.
    CHECK(d.severity == Severity::stop);
    CHECK(ids(d) == std::vector<std::string>{"under_18", "combination", "kidney_review"});
    AnswerSet not_sure = a;
    not_sure[0] = choose(q, "adult", {"no"});
    not_sure[1] = choose(q, "kidney", {"not_sure"});
    CHECK(ids(route(c, not_sure)) == ids(d));

    // unanswered() still sees a missing answer, whatever the rules read it as.
    a = empty_answers(q);
    a[0] = choose(q, "adult", {"yes"});
    a[1] = choose(q, "kidney", {"no"});
    d = route(c, a);
    CHECK(std::find(ids(d).begin(), ids(d).end(), "pills_missing") != ids(d).end());
    CHECK(d.severity == Severity::caution);  // pills read as "not sure": no rule but the net
}

TEST_CASE("a visit ended early is routed over the questions asked, urgent_now sees only urgent rules on given answers") {
    Questionnaire q;
    q.questions.push_back(kiosk::test::make_question("symptoms", QuestionType::multiple, {"chest_pain", "none"}));
    q.questions.push_back(kiosk::test::make_question("adult", QuestionType::yes_no, {"yes", "no"}));
    ScreeningContent c;
    c.questionnaire = q;
    c.rules.push_back(make_rule(q, "warning", Severity::urgent, "symptoms any_except [none]"));
    c.rules.push_back(make_rule(q, "under_18", Severity::stop, "adult = no"));
    c.rules.back().source = "Clinic protocol";
    c.unknown_safety_answer = {Severity::caution, "p", "s", "policy", {}};

    AnswerSet a = empty_answers(q);
    CHECK_FALSE(urgent_now(c, a, 1));  // nothing ticked yet: no urgency assumed at Next
    a[0] = choose(q, "symptoms", {"chest_pain"});
    CHECK(urgent_now(c, a, 1));
    const RoutingDecision early = route(c, a, 1);
    CHECK(ids(early) == std::vector<std::string>{"warning"});  // adult was never asked: no rule, no net for it
    a[0] = choose(q, "symptoms", {"none"});
    CHECK_FALSE(urgent_now(c, a, 2));
    const RoutingDecision full = route(c, a);
    REQUIRE(ids(full) == std::vector<std::string>{"under_18"});  // the whole questionnaire: adult unanswered reads as "no"
    CHECK(full.fired[0].source == "Clinic protocol");
}

TEST_CASE("a safety question already covered by a caution rule does not fire the safety net again") {
    const ScreeningContent c = fixture_content();
    AnswerSet a = empty_answers(c.questionnaire);
    a[0] = choose(c.questionnaire, "fever", {"no"});
    a[2] = choose(c.questionnaire, "pain", {"not_sure"});  // "pain any_except [none]" fires
    const RoutingDecision d = route(c, a);
    CHECK(ids(d) == std::vector<std::string>{"pain"});
}

TEST_CASE("answers given to hidden questions never reach the rules") {
    const ScreeningContent c = fixture_content();
    AnswerSet a = empty_answers(c.questionnaire);
    a[0] = choose(c.questionnaire, "fever", {"no"});
    a[1] = Answer{true, 0, 40, false};  // hidden: fever is no
    a[2] = choose(c.questionnaire, "pain", {"none"});
    const RoutingDecision d = route(c, a);
    CHECK(d.severity == Severity::none);
    CHECK(d.fired.empty());
}

TEST_CASE("the content version changes when the rules change") {
    kiosk::test::TempBundle files = kiosk::test::TempBundle::shipped();
    const std::string before = load_kiosk_bundle(files.dir()).screening.content_version;
    CHECK(before.size() == 16);
    files.replace("structure/rules.toml", "severity = \"info\"", "severity = \"caution\"");
    const std::string after = load_kiosk_bundle(files.dir()).screening.content_version;
    CHECK(before != after);
}

TEST_CASE("the shipped questionnaire and rules load without a problem") {
    const KioskBundle bundle = load_kiosk_bundle(kiosk::test::source_dir());
    CHECK(bundle.usable);
    CHECK(bundle.content.diagnostics.items().empty());
    CHECK(bundle.screening.questionnaire.questions.size() == 20);
    CHECK(bundle.screening.rules.size() == 27);
}
