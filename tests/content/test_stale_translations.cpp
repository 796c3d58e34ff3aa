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
        c["page.intro.cell_b"] = source_fingerprint("Sixty minutes");
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
