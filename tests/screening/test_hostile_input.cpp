// Hostile screening input (findings of an adversarial run): deeply nested conditions, more
// options than a question's set holds, and JSON that nlohmann accepts but a screening tool must
// not (a key given twice, a number out of range, nesting, a device or a huge file).
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "condition.hpp"
#include "input_limits.hpp"
#include "json_file.hpp"
#include "questionnaire_fixture.hpp"
#include "screening_content.hpp"
#include "temp_bundle.hpp"

using namespace kiosk::screening;
using kiosk::test::TempBundle;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

// What read_json_file says of `text` in a file, or "" when it parsed.
std::string json_problem(const TempBundle& folder, const std::string& text) {
    folder.write("answers.json", text);
    const auto read = read_json_file(folder.dir() / "answers.json");
    const auto* problem = std::get_if<std::string>(&read);
    return problem ? problem->substr(problem->find("answers.json")) : std::string();
}

}  // namespace

TEST_CASE("brackets and 'not' nested past the limit are an error at the level that goes too deep") {
    const Questionnaire q = kiosk::test::fixture_questionnaire();
    const int limit = kiosk::limits::condition_nesting;
    auto fine = parse_condition(repeat("(", limit) + "fever = yes" + repeat(")", limit), q, q.questions.size());
    CHECK(std::holds_alternative<Condition>(fine));
    for (const std::string piece : {"(", "not "}) {
        const std::string text = repeat(piece, 100000) + "fever = yes" + (piece == "(" ? repeat(")", 100000) : "");
        auto parsed = parse_condition(text, q, q.questions.size());
        REQUIRE(std::holds_alternative<ConditionError>(parsed));
        const ConditionError& e = std::get<ConditionError>(parsed);
        CHECK(e.offset == static_cast<std::size_t>(limit) * piece.size());
        CHECK(e.message == "'not' and brackets nest more than 32 levels deep here");
    }
}

TEST_CASE("a question with more options than its set holds is an error at the first one too many, and no more are kept") {
    TempBundle files = TempBundle::shipped();
    std::string many;
    for (int i = 0; i < 70; ++i) many += ", \"extra_" + std::to_string(i) + "\"";
    files.replace("structure/questionnaire.toml", "\"feel_unwell_other\", \"none\"]", "\"feel_unwell_other\", \"none\"" + many + "]");
    kiosk::content::Diagnostics diagnostics;
    const Questionnaire q = read_questionnaire(files.dir(), diagnostics, nullptr);
    std::string errors;
    for (const auto& d : diagnostics.items()) errors += kiosk::content::format_diagnostic(d) + "\n";
    CHECK_MESSAGE(errors.find("a question has at most 64 options; this is one more") != std::string::npos, errors);
    for (const Question& question : q.questions) CHECK(question.options.size() <= kiosk::limits::options_per_question);
}

TEST_CASE("strict JSON: a key given twice, a number out of range and deep nesting are errors with their place") {
    TempBundle folder;
    CHECK(json_problem(folder, R"({"answers": {"pregnant": "yes"}})").empty());
    CHECK(json_problem(folder, "{\"answers\": {\"pregnant\": \"yes\",\n  \"pregnant\": \"no\"}}") ==
          "answers.json:2:3: the key \"pregnant\" is given twice in this object (which one is meant?)");
    CHECK(json_problem(folder, R"({"answers": {"age": 1e999}})") == "answers.json:1:21: the number 1e999 is out of range");
    CHECK(json_problem(folder, R"({"a": )" + repeat("[", 100000) + repeat("]", 100000) + "}").find("answers.json:1:22: objects and lists nest more than 16") == 0);
    CHECK(json_problem(folder, R"({"a": [1, 2,]})").find("answers.json:1:13: not valid JSON") == 0);
    // The same key in two different objects is fine.
    CHECK(json_problem(folder, R"({"a": {"x": 1}, "b": {"x": 2}})").empty());
}

TEST_CASE("strict JSON reads only a regular file of at most the limit") {
    TempBundle folder;
    CHECK(json_problem(folder, "{\"a\": \"" + std::string(kiosk::limits::json_file_bytes, 'x') + "\"}").find("answers.json: the file is 1025 KB; at most 1024 KB") == 0);
    const auto device = read_json_file("/dev/zero");
    REQUIRE(std::holds_alternative<std::string>(device));
    CHECK(std::get<std::string>(device) == "/dev/zero: is not a file (a folder, a device or a pipe): only a regular file is read");
    const auto folder_read = read_json_file(folder.dir());
    CHECK(std::get<std::string>(folder_read).find("is not a file") != std::string::npos);
}
