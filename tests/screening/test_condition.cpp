// The condition language: parsing with positions, evaluation, and the answers a match cites.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "condition.hpp"
#include "questionnaire_fixture.hpp"

using namespace kiosk::screening;
using kiosk::test::choose;

namespace {

Condition parse(const Questionnaire& q, const std::string& text) {
    auto parsed = parse_condition(text, q, q.questions.size());
    if (auto* e = std::get_if<ConditionError>(&parsed)) FAIL("'" << text << "' did not parse: " << e->message);
    return std::get<Condition>(std::move(parsed));
}

}  // namespace

TEST_CASE("conditions evaluate over answers, with 'and' binding tighter than 'or'") {
    const Questionnaire q = kiosk::test::fixture_questionnaire();
    AnswerSet a = empty_answers(q);
    a[0] = choose(q, "fever", {"yes"});
    a[1] = Answer{true, 0, 39.5, false};
    a[2] = choose(q, "pain", {"head", "back"});

    struct Row { const char* text; bool expected; };
    const std::vector<Row> rows = {
        {"fever = yes", true},
        {"fever = no", false},
        {"fever != no", true},
        {"fever in [no, not_sure]", false},
        {"pain = back", true},                       // multiple choice: among those chosen
        {"pain in [none, not_sure]", false},
        {"pain any_except [none]", true},
        {"pain any_except [head, back]", false},
        {"temperature >= 39.5", true},
        {"temperature > 39.5", false},
        {"temperature < 38 or pain = head", true},
        {"fever = no and pain = head or temperature = 39.5", true},   // (no and head) or 39.5
        {"fever = no and (pain = head or temperature = 39.5)", false},
        {"not fever = no", true},
        {"not (fever = yes and pain = head)", false},
        {"unanswered(level)", true},
        {"not_known(level)", true},
        {"not_known(fever)", false},
        {"level != high", true},                     // unanswered is not "high"
        {"level = low", false},                      // unanswered matches no option
    };
    for (const Row& row : rows) {
        CAPTURE(std::string(row.text));
        CHECK(parse(q, row.text).evaluate(a) == row.expected);
    }
}

TEST_CASE("a true condition cites the answers that made it true, and only those") {
    const Questionnaire q = kiosk::test::fixture_questionnaire();
    AnswerSet a = empty_answers(q);
    a[0] = choose(q, "fever", {"yes"});
    a[2] = choose(q, "pain", {"none"});
    std::vector<std::size_t> cited;
    CHECK(parse(q, "fever = yes or pain = head").evaluate(a, &cited));
    CHECK(cited == std::vector<std::size_t>{0});
    cited.clear();
    CHECK(parse(q, "fever = yes and not pain = head").evaluate(a, &cited));
    CHECK(cited == std::vector<std::size_t>{0, 2});
    cited.clear();
    CHECK_FALSE(parse(q, "fever = yes and pain = head").evaluate(a, &cited));
    CHECK(cited.empty());
}

TEST_CASE("parse errors say what is wrong and where (code-point offset)") {
    const Questionnaire q = kiosk::test::fixture_questionnaire();
    struct Row { const char* text; std::size_t limit; std::size_t offset; const char* words; };
    const std::vector<Row> rows = {
        {"", 4, 0, "empty"},
        {"fevr = yes", 4, 0, "unknown question 'fevr' (did you mean 'fever'?)"},
        {"fever = yse", 4, 8, "'yse' is not an option of 'fever' (did you mean 'yes'?)"},
        {"fever = yes and", 4, 15, "expected a question id"},
        {"fever = yes pain = head", 4, 12, "unexpected 'pain'"},
        {"pain in [head, back", 4, 19, "']'"},
        {"pain in head", 4, 8, "'['"},
        {"fever > 3", 4, 6, "'>' compares numbers, but 'fever' is a yes_no question"},
        {"temperature = high", 4, 14, "compare it with a number"},
        {"temperature in [1]", 4, 12, "number question"},
        {"(fever = yes", 4, 12, "')'"},
        {"fever = yes & pain = head", 4, 12, "unexpected character '&'"},
        {"Fever = yes", 4, 0, "ids are lower case"},
        {"pain = head", 2, 0, "not asked before this question"},
        {"unanswered(fever", 4, 16, "')'"},
    };
    for (const Row& row : rows) {
        CAPTURE(std::string(row.text));
        auto parsed = parse_condition(row.text, q, row.limit);
        REQUIRE(std::holds_alternative<ConditionError>(parsed));
        const ConditionError& e = std::get<ConditionError>(parsed);
        CHECK(e.offset == row.offset);
        CHECK(e.message.find(row.words) != std::string::npos);
    }
}

TEST_CASE("the options a condition names are collected for the 'unused option' check") {
    const Questionnaire q = kiosk::test::fixture_questionnaire();
    std::vector<std::uint64_t> used(q.questions.size(), 0);
    parse(q, "pain any_except [none, not_sure] or fever = yes").collect_options(used);
    CHECK((used[2] & 0b0011) == 0b0011);  // head and back count as used by any_except
    CHECK((used[2] & 0b1100) == 0);
    CHECK(used[0] == 0b001);
}
