// Scenario files that survive a new question: they start from a base answer set and give only what
// differs, so adding a safety question changes the base file and nothing else.
#include <doctest/doctest.h>

#include <fstream>

#include "kiosk_bundle.hpp"
#include "scenario.hpp"
#include "shipped_bundle.hpp"
#include "temp_bundle.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk;

namespace {

// A new safety question after the low blood pressure one, with a rule for "yes", in English.
void add_safety_question(const test::TempBundle& bundle) {
    bundle.replace("structure/questionnaire.toml", "[[question]]\nid = \"low_blood_pressure\"",
                   "[[question]]\nid = \"recent_surgery\"\ntype = \"yes_no\"\nnot_sure = true\nsafety = true\n\n[[question]]\nid = \"low_blood_pressure\"");
    std::ofstream(bundle.dir() / "structure/rules.toml", std::ios::app)
        << "\n[[rule]]\nid = \"recent_surgery\"\nseverity = \"caution\"\nwhen = \"recent_surgery = yes\"\n"
           "patient_message = \"rule.recent_surgery.patient\"\nstaff_rationale = \"rule.recent_surgery.staff\"\nsource = \"Clinic protocol.\"\n";
    std::ofstream(bundle.dir() / "locales/en.toml", std::ios::app)
        << "\n[question.recent_surgery]\ntext = \"Have you had surgery in the last month?\"\n"
           "\n[rule.recent_surgery]\npatient = \"Staff will ask about your surgery.\"\nstaff = \"Recent surgery.\"\n";
}

std::vector<std::string> failures(const std::filesystem::path& scenarios, const screening::ScreeningContent& content) {
    std::vector<std::string> out;
    for (const screening::ScenarioResult& r : screening::run_scenario_folder(scenarios, content)) {
        if (!r.passed) out.push_back(r.name + ": " + r.detail);
    }
    return out;
}

}  // namespace

TEST_CASE("adding a safety question changes only the scenarios' base answer file") {
    const test::TempBundle bundle = test::TempBundle::shipped();
    add_safety_question(bundle);
    const screening::KioskBundle loaded = screening::load_kiosk_bundle(bundle.dir());
    REQUIRE(loaded.usable);
    const std::filesystem::path scenarios = bundle.dir() / "scenarios";
    std::filesystem::copy(test::source_dir() / "tests/scenarios", scenarios, std::filesystem::copy_options::recursive);

    // Unanswered, the new safety question raises caution in every scenario expecting less: each
    // failure names it.
    const std::vector<std::string> before = failures(scenarios, loaded.screening);
    REQUIRE_FALSE(before.empty());
    for (const std::string& f : before) {
        const std::size_t named = f.find("safety questions left unanswered: [");
        CHECK_MESSAGE((named != std::string::npos && f.find("recent_surgery", named) != std::string::npos), f);
    }

    // Answered once, in the base: every scenario passes again.
    std::string base = test::read_text_file(scenarios / "bases/all-clear.json");
    base.replace(base.find("\"low_blood_pressure\""), 0, "\"recent_surgery\": \"no\",\n    ");
    std::ofstream(scenarios / "bases/all-clear.json") << base;
    const std::vector<std::string> after = failures(scenarios, loaded.screening);
    for (const std::string& f : after) CHECK_MESSAGE(false, f);
}

TEST_CASE("a scenario's base must exist beside it, in bases/") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "bases");
    std::ofstream(dir / "missing-base.json") << R"({"base": "nope", "answers": {}, "expect": {"severity": "none"}})";
    const screening::ScenarioResult missing = screening::run_scenario_file(dir / "missing-base.json", test::shipped_bundle().screening);
    CHECK_FALSE(missing.passed);
    CHECK(missing.detail.find("base 'nope': ") == 0);
    CHECK(missing.detail.find("bases/nope.json") != std::string::npos);
}
