// A translation becomes stale when its English source changes, until a translator confirms it.
#include <doctest/doctest.h>

#include <algorithm>

#include "content_bundle.hpp"
#include "lint_report.hpp"
#include "temp_bundle.hpp"
#include "translation_confirmations.hpp"

using namespace kiosk::content;
using kiosk::test::TempBundle;

namespace {

int stale_of(const BundleLoad& load, std::string_view tag) {
    for (const LocaleSummary& s : load.bundle.summaries)
        if (s.tag == tag) return s.stale;
    FAIL("no summary for " << tag);
    return -1;
}

std::vector<std::string> lines_with(const std::string& report, std::string_view needle) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < report.size()) {
        const std::size_t end = report.find('\n', start);
        const std::string line = report.substr(start, end - start);
        if (line.find(needle) != std::string::npos) out.push_back(line);
        start = end == std::string::npos ? report.size() : end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("the shipped fixtures are confirmed: nothing is stale") {
    TempBundle files;
    const BundleLoad load = load_bundle(files.dir());
    for (const char* tag : {"es", "ar", "zh-Hans"}) CHECK(stale_of(load, tag) == 0);
}

TEST_CASE("changing the English text makes every translation of that key stale, at its line") {
    TempBundle files;
    files.replace("locales/en.toml", "cell_b = \"One hour\"", "cell_b = \"Sixty minutes\"");
    const BundleLoad load = load_bundle(files.dir());
    CHECK_FALSE(load.diagnostics.has_errors());
    for (const char* tag : {"es", "ar", "zh-Hans"}) CHECK(stale_of(load, tag) == 1);
    const std::vector<std::string> stale = lines_with(render_text_report(load, ""), "stale:");
    REQUIRE(stale.size() == 3);
    CHECK(stale[0] == "locales/ar.toml:19:1: warning: stale: the English text of 'page.intro.cell_b' changed since this "
                      "translation was confirmed; check it, then run: kiosk-content confirm ar page.intro.cell_b");
    CHECK(stale[1].starts_with("locales/es.toml:19:1: warning: stale:"));
    CHECK(stale[2].starts_with("locales/zh-Hans.toml:19:1: warning: stale:"));

    SUBCASE("confirming records the new English fingerprint and clears it") {
        Diagnostics d;
        Confirmations c = read_confirmations(files.dir(), "es", d);
        c["page.intro.cell_b"] = confirmation_of("Sixty minutes", "Ana", "2026-12-02");
        REQUIRE(write_confirmations(files.dir(), "es", c).empty());
        const BundleLoad after = load_bundle(files.dir());
        CHECK(stale_of(after, "es") == 0);
        CHECK(stale_of(after, "ar") == 1);
    }
}

TEST_CASE("a translation never confirmed is stale") {
    TempBundle files;
    files.remove("locales/confirmed/zh-Hans.toml");
    const BundleLoad load = load_bundle(files.dir());
    CHECK(stale_of(load, "zh-Hans") == 11);
    CHECK(stale_of(load, "es") == 0);
    const auto lines = lines_with(render_text_report(load, ""), "(it never was)");
    CHECK(lines.size() == 11);
}

TEST_CASE("fingerprints are stable and notice any edit") {
    CHECK(source_fingerprint("Welcome") == source_fingerprint("Welcome"));
    CHECK(source_fingerprint("Welcome") != source_fingerprint("Welcome."));
    CHECK(source_fingerprint("").size() == 16);
}

TEST_CASE("a confirmation records the English, who and when, when the English changes, lint shows it as it was and as it is") {
    TempBundle files;
    Diagnostics d;
    Confirmations c = read_confirmations(files.dir(), "es", d);
    const std::string english = c.count("page.intro.cell_b") ? "One hour" : "";
    REQUIRE_FALSE(english.empty());
    c["page.intro.cell_b"] = confirmation_of("One hour", "Ana Ruiz", "2026-11-30");
    REQUIRE(write_confirmations(files.dir(), "es", c).empty());
    CHECK(files.read("locales/confirmed/es.toml").find("\"page.intro.cell_b\" = { english = \"One hour\", by = \"Ana Ruiz\", on = 2026-11-30 }\n") !=
          std::string::npos);
    const Confirmations back = read_confirmations(files.dir(), "es", d);
    CHECK(back.at("page.intro.cell_b").by == "Ana Ruiz");
    CHECK(back.at("page.intro.cell_b").on == "2026-11-30");
    CHECK(back.at("page.intro.cell_b").fingerprint == source_fingerprint("One hour"));
    CHECK(stale_of(load_bundle(files.dir()), "es") == 0);

    files.replace("locales/en.toml", "cell_b = \"One hour\"", "cell_b = \"Sixty minutes\"");
    const auto stale = lines_with(render_text_report(load_bundle(files.dir()), ""), "locales/es.toml:19:1: warning: stale:");
    REQUIRE(stale.size() == 1);
    CHECK(stale[0] == "locales/es.toml:19:1: warning: stale: the English text of 'page.intro.cell_b' changed since this translation was "
                      "confirmed by Ana Ruiz on 2026-11-30: the English was \"One hour\" and is now \"Sixty minutes\"; check it, then run: "
                      "kiosk-content confirm es page.intro.cell_b");
}
