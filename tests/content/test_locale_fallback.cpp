// Choosing a locale and falling back per key: requested, its same-script parents, then English.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "content_bundle.hpp"
#include "lint_report.hpp"
#include "localized_text.hpp"
#include "temp_bundle.hpp"

using namespace kiosk::content;
using kiosk::test::TempBundle;

namespace {

// The mini bundle plus a partial es-MX that translates only the page title.
struct FallbackBundle {
    TempBundle files;
    BundleLoad load;
    FallbackBundle() {
        files.write("locales/es-MX.toml",
                    "[locale]\ndirection = \"ltr\"\nstatus = \"draft\"\n\n[page.intro]\ntitle = \"¡Bienvenido!\"\n");
        load = load_bundle(files.dir());
    }
};

std::vector<std::string> chain_tags(const LocaleChoice& choice) {
    std::vector<std::string> tags;
    for (const LocaleTexts* l : choice.chain) tags.push_back(l->tag);
    return tags;
}

}  // namespace

TEST_CASE("the locale is matched with ICU LocaleMatcher and the chain follows same-script parents") {
    FallbackBundle b;
    REQUIRE(b.load.usable);
    struct Row { const char* requested; std::vector<std::string> chain; };
    const std::vector<Row> rows = {
        {"es-MX", {"es-MX", "es", "en"}},
        {"es", {"es", "en"}},
        {"es-AR", {"es-MX", "es", "en"}},  // CLDR: Argentina and Mexico share Latin American Spanish (es-419)
        {"es-ES", {"es", "en"}},
        {"ar-EG", {"ar", "en"}},
        {"zh-CN", {"zh-Hans", "en"}},
        {"zh", {"zh-Hans", "en"}},
        {"zh-Hans-SG", {"zh-Hans", "en"}},
        {"zh-Hant", {"en"}},           // Traditional readers never get Simplified text
        {"zh-TW", {"en"}},
        {"zh-Hant-HK", {"en"}},
        {"fr", {"en"}},
        {"en-GB", {"en"}},
        {"not a tag", {"en"}},
        {"", {"en"}},
    };
    for (const Row& row : rows) {
        CAPTURE(std::string(row.requested));
        CHECK(chain_tags(choose_locale(b.load.bundle, row.requested)) == row.chain);
    }
}

TEST_CASE("each key falls back separately and the fallbacks are counted") {
    FallbackBundle b;
    const LocalizedText text(b.load.bundle, "es-MX");
    CHECK(text.text("page.intro.title") == "¡Bienvenido!");   // es-MX has it
    CHECK(text.text("page.intro.cell_a") == "Infusión");       // from es
    CHECK(text.fallbacks_served() == 1);
    CHECK(b.load.bundle.summaries.size() == 5);
    const auto es_mx = std::find_if(b.load.bundle.summaries.begin(), b.load.bundle.summaries.end(),
                                    [](const LocaleSummary& s) { return s.tag == "es-MX"; });
    REQUIRE(es_mx != b.load.bundle.summaries.end());
    CHECK(es_mx->translated == 1);
    CHECK(es_mx->missing == 10);
}

TEST_CASE("a key missing from a translation falls back to English, a broken translation too") {
    TempBundle files;
    files.replace("locales/es.toml", "title = \"Bienvenida\"\n", "");
    files.replace("locales/es.toml", "Su número es {ticket}", "Su número es {tiket}");
    const BundleLoad load = load_bundle(files.dir());
    REQUIRE(load.usable);  // translation errors never stop the kiosk; they fail the linter
    CHECK(load.diagnostics.has_errors());
    const LocalizedText text(load.bundle, "es");
    CHECK(text.text("page.intro.title") == "Welcome");
    const std::vector<MessageArgument> ticket = {{"ticket", std::string("K7M")}};
    CHECK(text.text("ui.ticket", ticket) == "Your number is \u2068K7M\u2069");
    CHECK(text.fallbacks_served() == 2);
}

TEST_CASE("a patient never sees a raw key, a raw placeholder or a blank") {
    FallbackBundle b;
    const LocalizedText text(b.load.bundle, "ar");
    CHECK(text.text("no.such.key") == "\u2026");
    CHECK(text.unavailable_served() == 1);
    // Without its argument the text cannot be formatted in any locale: no "{ticket}" appears.
    const std::string without_argument = text.text("ui.ticket");
    CHECK(without_argument.find('{') == std::string::npos);
    CHECK_FALSE(without_argument.empty());
}

TEST_CASE("the direction is the declared one of the chosen locale") {
    FallbackBundle b;
    CHECK(LocalizedText(b.load.bundle, "ar").direction() == TextDirection::right_to_left);
    CHECK(LocalizedText(b.load.bundle, "es").direction() == TextDirection::left_to_right);
}

TEST_CASE("native language names for the picker come from ICU") {
    FallbackBundle b;
    CHECK(b.load.bundle.find("es")->native_name == "Español");
    CHECK(b.load.bundle.find("ar")->native_name == "العربية");
    CHECK(b.load.bundle.find("zh-Hans")->native_name == "简体中文");
    CHECK(b.load.bundle.find("en")->native_name == "English");
}

TEST_CASE("a locale file that does not parse is never a silent absence: the bundle and lint's summary name it with file:line:col") {
    TempBundle files = TempBundle::shipped();
    files.replace("locales/es.toml", "title = \"¿Qué es el magnesio por vía intravenosa?\"", "title = \"¿Qué es el magnesio por vía intravenosa?");
    const BundleLoad load = load_bundle(files.dir());
    CHECK(load.usable);  // the other languages are still served
    CHECK(load.bundle.find("es") == nullptr);
    REQUIRE(load.bundle.unreadable.size() == 1);
    const UnreadableLocale& lost = load.bundle.unreadable.front();
    CHECK(lost.tag == "es");
    CHECK(lost.file == "locales/es.toml");
    const int line = kiosk::test::line_starting(kiosk::test::source_dir() / "locales/es.toml", "title = \"¿Qué es el magnesio por vía intravenosa?\"");
    CHECK(lost.error.where.line == line);
    CHECK(lost.error.where.column > 1);
    const std::string report = render_text_report(load, "");
    CHECK(report.find("summary: es (locales/es.toml): NOT READ, so not offered to patients: locales/es.toml:" + std::to_string(line) + ":") !=
          std::string::npos);
}
