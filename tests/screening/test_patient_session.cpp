// The patient's walk through the shipped questionnaire, as the kiosk's screens drive it, and the
// whole path from answers to a stored, flagged submission, with no UI at all.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kiosk_bundle.hpp"
#include "patient_session.hpp"
#include "shipped_bundle.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk::screening;

namespace {

const kiosk::screening::KioskBundle& shipped() { return kiosk::test::shipped_bundle(); }

std::string current_id(const PatientSession& s) {
    const auto q = s.current_question();
    return q ? shipped().screening.questionnaire.questions[*q].id : std::string("review");
}

// Answers the current question and moves on.
void answer(PatientSession& s, const std::string& option) {
    const Question& q = shipped().screening.questionnaire.questions[*s.current_question()];
    if (q.type == QuestionType::multiple) s.toggle(option);
    else s.choose(option);
    REQUIRE(s.next());
}

}  // namespace

TEST_CASE("a patient answers one question at a time, a pregnant patient is not asked about breastfeeding") {
    PatientSession s(shipped().screening);
    CHECK(current_id(s) == "symptoms_now");
    CHECK(s.position() == 1);
    CHECK(s.visible_count() == 19);  // 65 or older is asked only of adults
    CHECK_FALSE(s.can_continue());  // required: cannot be skipped
    CHECK_FALSE(s.next());
    answer(s, "none");
    answer(s, "yes");              // adult
    CHECK(current_id(s) == "older_adult");
    CHECK(s.visible_count() == 20);
    answer(s, "no");               // 65 or older
    answer(s, "yes");              // pregnant
    CHECK(current_id(s) == "heart");  // breastfeeding is hidden
    CHECK(s.visible_count() == 19);
    CHECK(s.position() == 5);
    // heart, kidney, nerves, medicines, low blood pressure, allergies, other magnesium, unwell
    // today, prior reaction, needle fainting, diabetes, oral magnesium, ate, drank
    for (const char* o : {"none", "no", "none", "none", "no", "none", "none", "none", "no", "no", "no", "no", "yes", "yes"}) answer(s, o);
    CHECK(current_id(s) == "concerns");
    CHECK(s.can_continue());  // optional
    CHECK(s.next());
    CHECK(s.at_review());
    const RoutingDecision d = s.decide();
    CHECK(d.severity == Severity::stop);
    REQUIRE(d.fired.size() == 1);
    CHECK(d.fired[0].rule_id == "pregnant_or_could_be");
}

TEST_CASE("'none of these' and 'not sure' stand alone when ticked") {
    PatientSession s(shipped().screening);
    answer(s, "none");
    answer(s, "yes");
    answer(s, "no");
    answer(s, "no");
    answer(s, "no");
    REQUIRE(current_id(s) == "heart");
    const std::size_t heart = *s.current_question();
    s.toggle("none");
    s.toggle("pacemaker");  // clears "none"
    CHECK(chosen_options(shipped().screening.questionnaire, heart, s.answer(heart)) == std::vector<std::string>{"pacemaker"});
    s.toggle("heart_failure");
    s.toggle("not_sure");   // clears the others
    CHECK(chosen_options(shipped().screening.questionnaire, heart, s.answer(heart)) == std::vector<std::string>{"not_sure"});
    s.toggle("not_sure");   // unticked: nothing chosen, cannot continue
    CHECK_FALSE(s.can_continue());
}

TEST_CASE("going back and changing an answer drops the answers of questions it hides") {
    PatientSession s(shipped().screening);
    answer(s, "none");
    answer(s, "yes");
    answer(s, "no");   // 65 or older: no
    answer(s, "no");   // pregnant: no
    answer(s, "yes");  // breastfeeding: yes
    const std::size_t breastfeeding = *shipped().screening.questionnaire.index_of("breastfeeding");
    CHECK(s.answer(breastfeeding).given);
    REQUIRE(s.back());
    CHECK(current_id(s) == "breastfeeding");
    REQUIRE(s.back());
    CHECK(current_id(s) == "pregnant");
    s.choose("yes");
    CHECK_FALSE(s.answer(breastfeeding).given);  // dropped at once, not merely hidden
    REQUIRE(s.next());
    CHECK(current_id(s) == "heart");
    CHECK(s.decide().fired.size() >= 1);
    for (const FiredRule& f : s.decide().fired) CHECK(f.rule_id != "breastfeeding");
}

TEST_CASE("a wipe leaves no answer in the session and starts again") {
    PatientSession s(shipped().screening);
    answer(s, "chest_pain");
    answer(s, "yes");
    s.wipe();
    for (const Answer& a : s.answers()) {
        CHECK_FALSE(a.given);
        CHECK(a.options == 0);
    }
    CHECK(current_id(s) == "symptoms_now");
    CHECK_FALSE(s.back());
}

TEST_CASE("from answers to a stored, flagged submission, through the same functions the kiosk calls") {
    PatientSession s(shipped().screening);
    answer(s, "none");
    answer(s, "yes");
    answer(s, "no");
    answer(s, "no");
    answer(s, "no");
    answer(s, "heart_block");
    const RoutingDecision decision = s.decide();
    const kiosk::store::NewSubmission record = s.submission(decision, "es");
    CHECK(record.severity == Severity::stop);
    CHECK(record.content_version == shipped().screening.content_version);
    const auto answers = nlohmann::json::parse(record.answers_json);
    CHECK(answers["heart"] == nlohmann::json::array({"heart_block"}));
    CHECK_FALSE(answers.contains("kidney"));  // not answered yet: left out

    kiosk::test::TempDir dir;
    kiosk::store::SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    const auto out = store.submit(record);
    REQUIRE(out.stored);
    const auto queue = kiosk::test::queue_of(store, 5);
    REQUIRE(queue.size() == 1);
    const auto stored = kiosk::test::viewed(store, queue[0].id);
    REQUIRE(stored.has_value());
    CHECK(stored->ticket == out.ticket);
    std::vector<std::string> rules;
    for (const auto& f : stored->fired) rules.push_back(f.rule_id);
    CHECK(std::find(rules.begin(), rules.end(), "heart_block_or_damage") != rules.end());
    // The questions not reached yet are read as "not sure": kidney and medicines unanswered fire
    // what "not sure" fires, the combination rule too; low blood pressure falls to the safety net.
    for (const char* id : {"unknown_safety_answer", "kidney_needs_review", "interacting_medicines", "kidney_with_interacting_medicine"}) {
        CHECK_MESSAGE(std::find(rules.begin(), rules.end(), id) != rules.end(), id);
    }
    for (const auto& f : stored->fired) {
        const auto cited = nlohmann::json::parse(f.answers_json);
        if (f.rule_id == "heart_block_or_damage") CHECK(cited["heart"][0] == "heart_block");
        if (f.rule_id == "kidney_needs_review") CHECK(cited["kidney"].is_null());  // cited as unanswered, not as "not sure"
        if (f.rule_id == "unknown_safety_answer") CHECK(cited["low_blood_pressure"].is_null());
        // Each fired rule keeps the source it fired under, for staff and exports.
        const auto rule = std::find_if(shipped().screening.rules.begin(), shipped().screening.rules.end(),
                                       [&](const Rule& r) { return r.id == f.rule_id; });
        const std::string expected = rule != shipped().screening.rules.end() ? rule->source : shipped().screening.unknown_safety_answer.source;
        CHECK(!f.source.empty());
        CHECK(f.source == expected);
    }
}
