// [spoken] forms: how a text is read aloud when that differs from how it is shown. The screen
// keeps the shown words; lint names a spoken form that reads no text or uses a value the text is
// not given, at its line.
#include <doctest/doctest.h>

#include <algorithm>

#include "content_bundle.hpp"
#include "localized_text.hpp"
#include "temp_bundle.hpp"

using kiosk::content::BundleLoad;
using kiosk::content::LocalizedText;
using kiosk::content::load_bundle;
using kiosk::test::TempBundle;

namespace {

std::string errors_of(const BundleLoad& load) {
    std::string out;
    for (const auto& d : load.diagnostics.items())
        if (d.severity == kiosk::content::Severity::error) out += kiosk::content::format_diagnostic(d) + "\n";
    return out;
}

void append(const TempBundle& bundle, const std::string& file, const std::string& text) {
    bundle.write(file, bundle.read(file) + text);
}

}  // namespace

TEST_CASE("a spoken form is what is read aloud, the screen shows the text as written, and a language without one reads its text") {
    const TempBundle bundle = TempBundle::shipped();
    append(bundle, "locales/en.toml", "\n[spoken.page.what_is]\ntitle = \"What is I.V. magnesium?\"\n");
    append(bundle, "locales/es.toml", "\n[spoken.ui.question]\nprogress = \"Pregunta número {current, number} de {total, number}\"\n");
    const BundleLoad load = load_bundle(bundle.dir());
    REQUIRE_MESSAGE(errors_of(load).empty(), errors_of(load));
    const LocalizedText en(load.bundle, "en");
    CHECK(en.text("page.what_is.title") == "What is IV magnesium?");
    CHECK(en.spoken("page.what_is.title") == "What is I.V. magnesium?");
    const LocalizedText es(load.bundle, "es");
    const std::vector<kiosk::content::MessageArgument> at = {{"current", std::int64_t{2}}, {"total", std::int64_t{9}}};
    // Values are set apart as in any formatted text (first-strong isolates: right to left safe).
    CHECK(es.spoken("ui.question.progress", at) == "Pregunta número \u20682\u2069 de \u20689\u2069");
    CHECK(es.text("ui.question.progress", at) != es.spoken("ui.question.progress", at));
    // Spanish has its own title: English's spoken form is not read over Spanish words.
    CHECK(es.spoken("page.what_is.title") == es.text("page.what_is.title"));
    // Not a text of its own: nothing reports it missing from the other languages.
    for (const auto& d : load.diagnostics.items()) CHECK(d.message.find("spoken.") == std::string::npos);
}

TEST_CASE("lint names a spoken form for a text that does not exist, or with a value its text is not given, at its line") {
    const TempBundle bundle = TempBundle::shipped();
    const std::string before = bundle.read("locales/es.toml");
    const auto titel_line = std::count(before.begin(), before.end(), '\n') + 3;  // after a blank line and the table's
    append(bundle, "locales/es.toml", "\n[spoken.page.what_is]\ntitel = \"Qué es\"\ndose = \"{grams} gramos en {hours} horas\"\n");
    const BundleLoad load = load_bundle(bundle.dir());
    const std::string errors = errors_of(load);
    CAPTURE(errors);
    CHECK(errors.find("locales/es.toml:" + std::to_string(titel_line) +
                      ":1: error: 'spoken.page.what_is.titel': 'page.what_is.titel' is not a text of the base locale") != std::string::npos);
    CHECK(errors.find("error: 'spoken.page.what_is.dose' uses {hours}, which 'page.what_is.dose' is not given; it may use {grams}, {minutes}") !=
          std::string::npos);
    CHECK(load.usable);  // a slip in a translation's spoken form never takes the kiosk down
}
