// [spoken] forms: how a text is read aloud when that differs from how it is shown. The screen
// keeps the shown words; lint names a spoken form that reads no text or uses a value the text is
// not given, at its line; a spoken form is read only once confirmed against its text as it is.
#include <doctest/doctest.h>

#include <algorithm>

#include "content_bundle.hpp"
#include "localized_text.hpp"
#include "temp_bundle.hpp"
#include "translation_confirmations.hpp"

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

std::string warnings_of(const BundleLoad& load) {
    std::string out;
    for (const auto& d : load.diagnostics.items())
        if (d.severity == kiosk::content::Severity::warning) out += kiosk::content::format_diagnostic(d) + "\n";
    return out;
}

// As `kiosk-content confirm TAG spoken.KEY` records it: checked against `shown`.
void confirm_spoken(const TempBundle& bundle, const std::string& tag, const std::string& key, const std::string& shown) {
    kiosk::content::Diagnostics ignored;
    kiosk::content::Confirmations c = kiosk::content::read_confirmations(bundle.dir(), tag, ignored);
    c["spoken." + key] = kiosk::content::confirmation_of(shown, "test", "2026-12-02");
    REQUIRE(kiosk::content::write_confirmations(bundle.dir(), tag, c).empty());
}

}  // namespace

TEST_CASE("a spoken form is what is read aloud, the screen shows the text as written, and a language without one reads its text") {
    const TempBundle bundle = TempBundle::shipped();
    append(bundle, "locales/en.toml", "\n[spoken.page.what_is]\ntitle = \"What is I.V. magnesium?\"\n");
    append(bundle, "locales/es.toml", "\n[spoken.ui.question]\nprogress = \"Pregunta número {current, number} de {total, number}\"\n");
    const BundleLoad unconfirmed = load_bundle(bundle.dir());
    confirm_spoken(bundle, "en", "page.what_is.title", unconfirmed.bundle.base().messages.at("page.what_is.title").source_text());
    confirm_spoken(bundle, "es", "ui.question.progress", unconfirmed.bundle.find("es")->messages.at("ui.question.progress").source_text());
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

TEST_CASE("a spoken form is read only once confirmed against its text as it is now: a new one, and one whose text changed since, are read as shown, and lint says why at its line") {
    const TempBundle bundle = TempBundle::shipped();
    const std::string before = bundle.read("locales/en.toml");
    const auto spoken_line = std::count(before.begin(), before.end(), '\n') + 3;  // after a blank line and the table's
    append(bundle, "locales/en.toml", "\n[spoken.page.what_is]\ntitle = \"What is I.V. magnesium?\"\n");
    const std::string at_line = "locales/en.toml:" + std::to_string(spoken_line) + ":1: warning: ";

    const BundleLoad fresh = load_bundle(bundle.dir());
    CHECK(warnings_of(fresh).find(at_line + "'spoken.page.what_is.title' has not been confirmed against the text it reads, \"What is IV magnesium?\"; "
                                            "until then the text is read as shown. Check the spoken form, then run: kiosk-content confirm en "
                                            "spoken.page.what_is.title") != std::string::npos);
    CHECK(LocalizedText(fresh.bundle, "en").spoken("page.what_is.title") == "What is IV magnesium?");

    confirm_spoken(bundle, "en", "page.what_is.title", "What is IV magnesium?");
    const BundleLoad confirmed = load_bundle(bundle.dir());
    CHECK(warnings_of(confirmed).find("spoken.") == std::string::npos);
    CHECK(LocalizedText(confirmed.bundle, "en").spoken("page.what_is.title") == "What is I.V. magnesium?");

    // The text shown is edited; its spoken form is not: what is heard would be the old text.
    std::string edited = bundle.read("locales/en.toml");
    edited.replace(edited.find("title = \"What is IV magnesium?\""), std::string("title = \"What is IV magnesium?\"").size(), "title = \"What is magnesium by IV?\"");
    bundle.write("locales/en.toml", edited);
    const BundleLoad stale = load_bundle(bundle.dir());
    CHECK(warnings_of(stale).find(at_line + "stale: the text 'page.what_is.title' changed since its spoken form was confirmed by test on 2026-12-02: "
                                            "it was \"What is IV magnesium?\" and is now \"What is magnesium by IV?\"; until then the text is read as "
                                            "shown") != std::string::npos);
    CHECK(LocalizedText(stale.bundle, "en").spoken("page.what_is.title") == "What is magnesium by IV?");
    CHECK(stale.usable);
}
