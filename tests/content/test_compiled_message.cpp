// CompiledMessage: ICU MessageFormat compiled once, arguments isolated, plural and select per
// language, problems located by offset.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiled_message.hpp"
#include "locale_tag.hpp"

using namespace kiosk::content;

namespace {

std::string isolated(const std::string& s) { return "\u2068" + s + "\u2069"; }

std::string format(std::string_view pattern, std::string_view tag, std::vector<MessageArgument> args) {
    const CompiledMessage m = CompiledMessage::compile(pattern, locale_from_tag(tag));
    REQUIRE_MESSAGE(m.ok(), (m.problem() ? m.problem()->message : ""));
    const auto out = m.format(args);
    REQUIRE(out.has_value());
    return *out;
}

constexpr const char* countdown_en = "Clearing in {seconds, plural, one {# second} other {# seconds}}.";
constexpr const char* countdown_es =
    "Se borrará en {seconds, plural, one {# segundo} many {# de segundos} other {# segundos}}.";
constexpr const char* countdown_ar =
    "خلال {seconds, plural, zero {لا ثوان} one {ثانية واحدة} two {ثانيتين} few {# ثوان} many {# ثانية} other {# من الثواني}}";
constexpr const char* countdown_zh = "{seconds, plural, other {#秒}}后清除。";

}  // namespace

TEST_CASE("arguments are wrapped in first-strong isolates so they keep their order in RTL text") {
    CHECK(format("Your number is {ticket}", "en", {{"ticket", std::string("K7M")}}) == "Your number is " + isolated("K7M"));
    CHECK(format("رقمك هو {ticket}", "ar", {{"ticket", std::string("K7M")}}) == "رقمك هو " + isolated("K7M"));
    // '#' inside a plural is isolated too, and so is a formatted number argument.
    CHECK(format(countdown_en, "en", {{"seconds", std::int64_t{5}}}) == "Clearing in " + isolated("5") + " seconds.");
    CHECK(format("{a, number} and {b}", "en", {{"a", 1.5}, {"b", std::string("x")}}) == isolated("1.5") + " and " + isolated("x"));
}

TEST_CASE("plural cases follow each language's CLDR rules") {
    struct Row { const char* tag; const char* pattern; std::int64_t n; std::string expected; };
    const std::vector<Row> rows = {
        {"en", countdown_en, 1, "Clearing in " + isolated("1") + " second."},
        {"en", countdown_en, 2, "Clearing in " + isolated("2") + " seconds."},
        {"en", countdown_en, 0, "Clearing in " + isolated("0") + " seconds."},
        {"es", countdown_es, 1, "Se borrará en " + isolated("1") + " segundo."},
        {"es", countdown_es, 5, "Se borrará en " + isolated("5") + " segundos."},
        {"es", countdown_es, 1000000, "Se borrará en " + isolated("1.000.000") + " de segundos."},
        {"ar", countdown_ar, 0, "خلال لا ثوان"},
        {"ar", countdown_ar, 1, "خلال ثانية واحدة"},
        {"ar", countdown_ar, 2, "خلال ثانيتين"},
        {"ar", countdown_ar, 3, "خلال " + isolated("٣") + " ثوان"},
        {"ar", countdown_ar, 11, "خلال " + isolated("١١") + " ثانية"},
        {"ar", countdown_ar, 100, "خلال " + isolated("١٠٠") + " من الثواني"},
        {"zh-Hans", countdown_zh, 1, isolated("1") + "秒后清除。"},
        {"zh-Hans", countdown_zh, 30, isolated("30") + "秒后清除。"},
    };
    for (const Row& row : rows) {
        CAPTURE(std::string(row.tag));
        CAPTURE(row.n);
        CHECK(format(row.pattern, row.tag, {{"seconds", row.n}}) == row.expected);
    }
}

TEST_CASE("select chooses the case by value, with 'other' for anything else, in every language") {
    struct Row { const char* tag; const char* pattern; const char* value; const char* expected; };
    const std::vector<Row> rows = {
        {"en", "{role, select, nurse {Hello, nurse} other {Hello}}", "nurse", "Hello, nurse"},
        {"en", "{role, select, nurse {Hello, nurse} other {Hello}}", "porter", "Hello"},
        {"es", "{role, select, nurse {Hola, enfermera} other {Hola}}", "nurse", "Hola, enfermera"},
        {"ar", "{role, select, nurse {مرحبا أيتها الممرضة} other {مرحبا}}", "nurse", "مرحبا أيتها الممرضة"},
        {"ar", "{role, select, nurse {مرحبا أيتها الممرضة} other {مرحبا}}", "doctor", "مرحبا"},
        {"zh-Hans", "{role, select, nurse {护士您好} other {您好}}", "nurse", "护士您好"},
    };
    for (const Row& row : rows) {
        CAPTURE(std::string(row.tag));
        CHECK(format(row.pattern, row.tag, {{"role", std::string(row.value)}}) == row.expected);
    }
}

TEST_CASE("numbers, units and durations are formatted per locale") {
    const char* minutes = "{m, number, ::measure-unit/duration-minute unit-width-full-name}";
    CHECK(format(minutes, "en", {{"m", std::int64_t{60}}}) == isolated("60 minutes"));
    CHECK(format(minutes, "en", {{"m", std::int64_t{1}}}) == isolated("1 minute"));
    CHECK(format(minutes, "es", {{"m", std::int64_t{60}}}) == isolated("60 minutos"));
    CHECK(format(minutes, "ar", {{"m", std::int64_t{60}}}) == isolated("٦٠ دقيقة"));
    CHECK(format(minutes, "zh-Hans", {{"m", std::int64_t{60}}}) == isolated("60分钟"));
    CHECK(format("{n, number}", "es", {{"n", 12345.5}}) == isolated("12.345,5"));
    CHECK(format("{n, number}", "en", {{"n", 12345.5}}) == isolated("12,345.5"));
}

TEST_CASE("plain text needs no ICU object and keeps its apostrophes") {
    CHECK(format("It's fine.", "en", {}) == "It's fine.");
    CHECK(format("I’m still here", "en", {}) == "I’m still here");
    // MessageFormat's doubled apostrophe is honoured the same way with or without arguments.
    CHECK(format("It''s {x}", "en", {{"x", std::string("ok")}}) == "It's " + isolated("ok"));
}

TEST_CASE("a missing argument gives nothing rather than a raw {placeholder}") {
    const CompiledMessage m = CompiledMessage::compile("Your number is {ticket}", locale_from_tag("en"));
    CHECK_FALSE(m.format({}).has_value());
    const std::vector<MessageArgument> wrong = {{"code", std::string("K7M")}};
    CHECK_FALSE(m.format(wrong).has_value());
}

TEST_CASE("the shape lists arguments and plural/select cases") {
    const CompiledMessage m = CompiledMessage::compile(
        "{b} {a, plural, =0 {none} one {# one} other {# more {c}}} {s, select, x {X} other {O}}", locale_from_tag("en"));
    REQUIRE(m.ok());
    CHECK(m.shape().arguments == std::vector<std::string>{"a", "b", "c", "s"});
    REQUIRE(m.shape().choices.size() == 2);
    CHECK(m.shape().choices[0].name == "a");
    CHECK(m.shape().choices[0].cases == std::vector<std::string>{"one", "other"});  // "=0" is an explicit value
    CHECK(m.shape().choices[0].offset == 4);
    CHECK(m.shape().choices[1].kind == ChoiceArgument::Kind::select);
}

TEST_CASE("problems carry the code-point offset where they are") {
    struct Row { const char* pattern; std::size_t offset; const char* words; };
    const std::vector<Row> rows = {
        {"Hello {name", 6, "no matching '}'"},
        {"Día {n, plural, one {x}}", 4, "'other"},
        {"Wait {0} minutes", 5, "numbered placeholder"},
        {"é {n, number, ::measure-unit/duration-fortnight}", 2, "unknown number format"},
        {"{n, choice, 0#none|1#one}", 0, "'choice' is not supported"},
        {"ok {n, plural, one {a} one {b} other {c}}", 23, "written twice"},
        {"Hello {name} and {x", 17, "no matching '}'"},
        {"Quoted '{' then {x", 16, "no matching '}'"},
    };
    for (const Row& row : rows) {
        CAPTURE(std::string(row.pattern));
        const CompiledMessage m = CompiledMessage::compile(row.pattern, locale_from_tag("en"));
        REQUIRE_FALSE(m.ok());
        CHECK(m.problem()->offset == row.offset);
        CHECK(m.problem()->message.find(row.words) != std::string::npos);
    }
}

TEST_CASE("plural categories come from CLDR per language") {
    CHECK(plural_categories(locale_from_tag("en"), false) == std::vector<std::string>{"one", "other"});
    CHECK(plural_categories(locale_from_tag("ar"), false) ==
          std::vector<std::string>{"few", "many", "one", "other", "two", "zero"});
    CHECK(plural_categories(locale_from_tag("zh-Hans"), false) == std::vector<std::string>{"other"});
    CHECK(plural_categories(locale_from_tag("en"), true) == std::vector<std::string>{"few", "one", "other", "two"});
}
