// Routing speed: answers in, decision out, over the shipped questionnaire and rules. Target: over
// 100,000 evaluations per second. Three answer sets: nothing flagged, several rules firing, and
// nothing answered (the safety net cites every safety question).
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include "answers_json.hpp"
#include "kiosk_bundle.hpp"
#include "routing.hpp"

namespace {

using kiosk::screening::AnswerSet;

const kiosk::screening::KioskBundle& bundle() {
    static const kiosk::screening::KioskBundle b = kiosk::screening::load_kiosk_bundle(KIOSK_SOURCE_DIR);
    return b;
}

AnswerSet answers(const char* json_text) {
    const auto read = kiosk::screening::read_answers(nlohmann::json::parse(json_text), bundle().screening.questionnaire,
                                                     kiosk::screening::HiddenAnswers::reject);
    return read.answers;
}

void run(benchmark::State& state, const AnswerSet& a) {
    for (auto _ : state) benchmark::DoNotOptimize(kiosk::screening::route(bundle().screening, a));
    state.SetItemsProcessed(state.iterations());  // printed as evaluations per second
}

void BM_RouteNothingFlagged(benchmark::State& state) {
    run(state, answers(R"({"symptoms_now": ["none"], "adult": "yes", "older_adult": "no", "pregnant": "no", "breastfeeding": "no",
        "heart": ["none"], "kidney": "no", "neuromuscular": ["none"], "medicines": ["none"], "low_blood_pressure": "no",
        "allergies": ["none"], "other_magnesium": ["none"], "unwell_today": ["none"], "prior_reaction": "no",
        "needle_fainting": "no", "diabetes": "no", "oral_magnesium": "no", "ate_today": "yes", "drank_water": "yes",
        "concerns": ["sleep"]})"));
}
BENCHMARK(BM_RouteNothingFlagged);

void BM_RouteSeveralRulesFire(benchmark::State& state) {
    run(state, answers(R"({"symptoms_now": ["chest_pain"], "adult": "yes", "older_adult": "yes", "pregnant": "not_sure",
        "breastfeeding": "yes", "heart": ["heart_block", "pacemaker"], "kidney": "mild_or_moderate", "neuromuscular": ["not_sure"],
        "medicines": ["digoxin", "opioid_or_sedative"], "low_blood_pressure": "yes", "allergies": ["latex_or_tape"],
        "other_magnesium": ["not_sure"], "unwell_today": ["fever_or_infection"], "prior_reaction": "not_sure",
        "needle_fainting": "yes", "diabetes": "yes", "oral_magnesium": "yes", "ate_today": "no", "drank_water": "no",
        "concerns": ["anxiety"]})"));
}
BENCHMARK(BM_RouteSeveralRulesFire);

void BM_RouteNothingAnswered(benchmark::State& state) { run(state, answers("{}")); }
BENCHMARK(BM_RouteNothingAnswered);

}  // namespace

BENCHMARK_MAIN();
