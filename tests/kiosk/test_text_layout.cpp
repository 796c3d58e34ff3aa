// The text pipeline: logical to visual order, Arabic joining, line breaking per locale, no line
// wider than its box, and the cache.
#include <doctest/doctest.h>

#include <unicode/unistr.h>

#include "kiosk_bundle.hpp"
#include "temp_bundle.hpp"
#include "text_layout.hpp"

using namespace kiosk::text;

namespace {

// Ten units per character: enough to test wrapping without a font.
float width_of(std::string_view visual) {
    const icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(visual.data(), static_cast<int32_t>(visual.size())));
    return 10.0F * static_cast<float>(s.countChar32());
}
const MeasureText measure = width_of;

std::u16string utf16(const std::string& s) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    return std::u16string(u.getBuffer(), static_cast<std::size_t>(u.length()));
}

bool is_presentation_form(char16_t c) { return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF); }

}  // namespace

TEST_CASE("Hebrew comes out reversed for left-to-right drawing") {
    CHECK(visual_line("שלום", Direction::right_to_left) == "םולש");
}

TEST_CASE("Arabic is shaped into joined presentation forms, lam-alef as one ligature, in visual order") {
    CHECK(utf16(visual_line("لا", Direction::right_to_left)) == u"\uFEFB");  // isolated lam-alef
    const std::u16string salam = utf16(visual_line("سلام", Direction::right_to_left));
    REQUIRE(salam.size() == 3);  // four letters, lam-alef joined into one
    for (char16_t c : salam) CHECK(is_presentation_form(c));
    CHECK(salam == u"\uFEE1\uFEFC\uFEB3");  // meem (isolated), lam-alef (final), seen (initial): drawn left to right
}

TEST_CASE("vowel marks stay combining marks, drawn just before their letter, not spacing forms a letter away") {
    // "أولاً" (first): alef, waw, lam-alef, tanween on the alef. The shaper writes the tanween as
    // U+FE70, a spacing form that Dear ImGui would draw beside the word; the kiosk keeps U+064B.
    const std::u16string first = utf16(visual_line("أولاً", Direction::right_to_left));
    CHECK(first == u"\u064B\uFEFB\uFEED\uFE83");  // drawn left to right: mark, lam-alef, waw, alef
    // "مصابًا": the tanween on the ba, which joins the alef after it.
    const std::u16string injured = utf16(visual_line("مصابًا", Direction::right_to_left));
    CHECK(injured.find(u"\u064B\uFE91") != std::u16string::npos);  // the mark right before its (initial) ba
    for (char16_t c : first + injured) CHECK_FALSE((c >= 0xFE70 && c <= 0xFE7F));
    // Shadda too: "تعرّف".
    CHECK(utf16(visual_line("تعرّف", Direction::right_to_left)).find(u'\u0651') != std::u16string::npos);
}

TEST_CASE("numbers, parentheses and isolated values keep their order inside right-to-left text") {
    const std::string line = visual_line("الجرعة (1 غرام) خلال 60 دقيقة", Direction::right_to_left);
    CHECK(line.find("60") != std::string::npos);
    CHECK(line.find("06") == std::string::npos);
    // Mirroring: drawn left to right, the phrase reads "(…)"; unmirrored it would show ")…(".
    CHECK(line.find('(') < line.find(')'));
    const std::string ticket = visual_line("رقمك هو \u2068K7M\u2069", Direction::right_to_left);
    CHECK(ticket.find("K7M") != std::string::npos);
    CHECK(ticket.find("\u2068") == std::string::npos);
    CHECK(ticket.find("\u2069") == std::string::npos);
    CHECK(visual_line("Your number is \u2068K7M\u2069", Direction::left_to_right) == "Your number is K7M");
}

TEST_CASE("Chinese breaks without spaces, and no line starts with closing punctuation") {
    const std::string text = "本机只提供一般信息，不能代替医生或护士的建议。开始之前，护士或医生会和您一起了解您的健康状况、所用药物和目标。";
    for (float width : {60.0F, 90.0F, 130.0F, 170.0F}) {
        CAPTURE(width);
        const LaidOutParagraph p = lay_out(text, "zh-Hans", Direction::left_to_right, width, measure);
        CHECK(p.lines.size() > 1);
        for (const LaidOutLine& line : p.lines) {
            CHECK(line.width <= width);
            for (const char* forbidden : {"，", "。", "、", "）", "："}) CHECK_FALSE(line.visual.starts_with(forbidden));
        }
    }
}

TEST_CASE("no line of any shipped text is wider than its box, at three widths, in every language") {
    const kiosk::screening::KioskBundle bundle = kiosk::screening::load_kiosk_bundle(kiosk::test::source_dir());
    REQUIRE(bundle.usable);
    std::size_t lines = 0;
    for (const kiosk::content::LocaleTexts& locale : bundle.content.bundle.locales) {
        const Direction direction = locale.direction == kiosk::content::TextDirection::right_to_left ? Direction::right_to_left
                                                                                                      : Direction::left_to_right;
        for (const auto& [message_key, message] : locale.messages) {
            const std::string& key = message_key;  // CAPTURE's lambda cannot capture a structured binding (clang)
            std::vector<kiosk::content::MessageArgument> args;
            for (const std::string& name : message.shape().arguments) args.push_back({name, std::int64_t{60}});
            const std::string text = message.format(args).value_or("");
            REQUIRE_FALSE(text.empty());
            for (float width : {120.0F, 300.0F, 640.0F}) {
                for (const LaidOutLine& line : lay_out(text, locale.tag, direction, width, measure).lines) {
                    CAPTURE(key);
                    CHECK(line.width <= width);
                    ++lines;
                }
            }
        }
    }
    MESSAGE(lines << " lines laid out");
}

TEST_CASE("a paragraph's text survives breaking: nothing is lost or duplicated") {
    const std::string text = "Before you start, a nurse or doctor goes over your health.\n\nThen the treatment has four steps.";
    const LaidOutParagraph p = lay_out(text, "en", Direction::left_to_right, 100, measure);
    std::string joined;
    for (const LaidOutLine& l : p.lines) joined += l.visual + "|";
    CHECK(joined == "Before you|start, a|nurse or|doctor|goes over|your|health.||Then the|treatment|has four|steps.|");
}

TEST_CASE("the cache lays out once and reuses it until the width or font size changes") {
    TextLayoutCache cache;
    const auto& first = cache.get("مرحبا بكم في العيادة", "ar", Direction::right_to_left, 100, 24, measure);
    const auto& second = cache.get("مرحبا بكم في العيادة", "ar", Direction::right_to_left, 100, 24, measure);
    CHECK(&first == &second);
    CHECK(cache.hits() == 1);
    CHECK(cache.misses() == 1);
    cache.get("مرحبا بكم في العيادة", "ar", Direction::right_to_left, 200, 24, measure);
    cache.get("مرحبا بكم في العيادة", "ar", Direction::right_to_left, 100, 32, measure);
    CHECK(cache.misses() == 3);
}

TEST_CASE("a word wider than its box breaks with a visible hyphen, and how far it overflows is noted") {
    // 20 letters at 10 units each in a box of 80: three lines of 7 letters and a hyphen, then the rest.
    const LaidOutParagraph p = lay_out("Magnesiumsulfatinfus ok", "de", Direction::left_to_right, 80, measure);
    std::string joined;
    for (const LaidOutLine& l : p.lines) {
        CHECK(l.width <= 80);
        joined += l.visual + "|";
    }
    CHECK(joined == "Magnesi-|umsulfa-|tinfus|ok|");
    CHECK(p.overflow == doctest::Approx(120));  // "Magnesiumsulfatinfus" (200 wide, its space trimmed) in 80
    // Words that fit overflow nothing, and get no hyphen.
    const LaidOutParagraph fits = lay_out("Magnesium sulfate", "en", Direction::left_to_right, 100, measure);
    CHECK(fits.overflow == 0);
    for (const LaidOutLine& l : fits.lines) CHECK(l.visual.find('-') == std::string::npos);
}
