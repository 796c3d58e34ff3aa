// Starting a language: every key, nothing counted as translated, ICU's direction and plurals; a
// text left the same as English is reported unless marked as the same on purpose.
#include <doctest/doctest.h>

#include <algorithm>

#include "content_bundle.hpp"
#include "new_locale.hpp"
#include "temp_bundle.hpp"

using namespace kiosk::content;
using kiosk::test::TempBundle;

namespace {

const LocaleSummary& summary_of(const BundleLoad& load, const std::string& tag) {
    const auto it = std::find_if(load.bundle.summaries.begin(), load.bundle.summaries.end(), [&](const LocaleSummary& s) { return s.tag == tag; });
    REQUIRE(it != load.bundle.summaries.end());
    return *it;
}

int warnings_about(const BundleLoad& load, std::string_view words) {
    return static_cast<int>(std::count_if(load.diagnostics.items().begin(), load.diagnostics.items().end(),
                                          [&](const Diagnostic& d) { return d.severity == Severity::warning && d.message.find(words) != std::string::npos; }));
}

}  // namespace

TEST_CASE("new-locale writes every key empty, with the English above it: nothing counts as translated, nothing is an error") {
    const TempBundle bundle = TempBundle::shipped();
    const NewLocale made = create_locale_file(bundle.dir(), "fr");
    REQUIRE(made.problem.empty());
    CHECK(made.file == "locales/fr.toml");
    CHECK(made.summary == "Français (fr), left to right; plurals: many, one, other; ordinals: one, other");
    const std::string text = bundle.read("locales/fr.toml");
    CHECK(text.find("[locale]\ndirection = \"ltr\"\nstatus = \"draft\"\n") != std::string::npos);
    CHECK(text.find("# en: Next\nnext = \"\"\n") != std::string::npos);
    CHECK(text.find("# en: Chest pain or tightness\noption.chest_pain = \"\"\n") != std::string::npos);
    const BundleLoad load = load_bundle(bundle.dir());
    CHECK_FALSE(load.diagnostics.has_errors());
    const LocaleSummary& fr = summary_of(load, "fr");
    CHECK(fr.translated == 0);
    CHECK(fr.missing == fr.total);
    CHECK(warnings_about(load, "has no Français (fr) translation") == fr.total);
}

TEST_CASE("new-locale takes direction and plural categories from ICU, and never overwrites a file") {
    const TempBundle bundle = TempBundle::shipped();
    const NewLocale arabic = create_locale_file(bundle.dir(), "ar-EG");
    REQUIRE(arabic.problem.empty());
    const std::string text = bundle.read("locales/ar-EG.toml");
    CHECK(text.find("direction = \"rtl\"") != std::string::npos);
    CHECK(text.find("need the cases: few, many, one, other, two, zero") != std::string::npos);
    CHECK(create_locale_file(bundle.dir(), "es").problem == "locales/es.toml exists already; edit it, or export-po it for a translator");
    CHECK(create_locale_file(bundle.dir(), "en").problem.find("exists already") != std::string::npos);
    CHECK(create_locale_file(bundle.dir(), "xx-Nope-1").problem.find("is not a language tag ICU knows") != std::string::npos);
}

TEST_CASE("a translation the same as English is a warning, unless it is listed as the same on purpose") {
    TempBundle bundle = TempBundle::shipped();
    bundle.replace("locales/es.toml", "next = \"Siguiente\"", "next = \"Next\"");
    const BundleLoad load = load_bundle(bundle.dir());
    CHECK(warnings_about(load, "'ui.nav.next' is the same as the English text") == 1);
    // "No" in Spanish is listed in the shipped file; a text with no words ({minutes, number, …}) needs no listing.
    CHECK(warnings_about(load, "'answer.no' is the same") == 0);
    CHECK(warnings_about(load, "'duration.minutes' is the same") == 0);
    bundle.replace("locales/es.toml", "same_as_english = [", "same_as_english = [\"ui.nav.next\", ");
    CHECK(warnings_about(load_bundle(bundle.dir()), "'ui.nav.next' is the same") == 0);
}
