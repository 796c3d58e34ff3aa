// The bundle that ships with the kiosk: clean, complete in every language, and readable.
#include <doctest/doctest.h>

#include <string>

#include "content_bundle.hpp"
#include "kiosk_bundle.hpp"
#include "lint_report.hpp"
#include "localized_text.hpp"
#include "page_preview.hpp"
#include "temp_bundle.hpp"

using namespace kiosk::content;

namespace {

// Loaded as the kiosk loads it: texts, questionnaire and rules together.
const BundleLoad& shipped() {
    static const BundleLoad load = kiosk::screening::load_kiosk_bundle(kiosk::test::source_dir()).content;
    return load;
}

}  // namespace

TEST_CASE("the shipped bundle lints with no error and no warning") {
    CHECK(shipped().usable);
    const std::string report = render_text_report(shipped(), "");
    CHECK(report.starts_with("bundle: /"));  // the folder checked, first
    CHECK(report.find("\nsummary: en ") != std::string::npos);
    CHECK(shipped().diagnostics.items().empty());
}

TEST_CASE("it ships en, es, ar and zh-Hans, the translations are drafts until a medical translator reviews them") {
    const auto& summaries = shipped().bundle.summaries;
    REQUIRE(summaries.size() == 4);
    for (const LocaleSummary& s : summaries) {
        CAPTURE(s.tag);
        CHECK(s.missing == 0);
        CHECK(s.stale == 0);
        CHECK(s.translated == s.total);
        if (s.tag != "en") CHECK(s.status == ReviewStatus::draft);
    }
    CHECK(shipped().bundle.find("ar")->direction == TextDirection::right_to_left);
    CHECK(shipped().bundle.find("zh-Hans")->direction == TextDirection::left_to_right);
}

TEST_CASE("every page reads completely in every language: no fallback, no raw key, no raw placeholder") {
    for (const char* tag : {"en", "es", "ar", "zh-Hans"}) {
        CAPTURE(std::string(tag));
        const LocalizedText text(shipped().bundle, tag);
        CHECK(text.locale().tag == tag);
        const std::string pages = render_pages_as_text(shipped().bundle, text);
        CHECK(text.fallbacks_served() == 0);
        CHECK(text.unavailable_served() == 0);
        CHECK(pages.find('{') == std::string::npos);
        CHECK(pages.find("page.") == std::string::npos);
    }
}

TEST_CASE("every page ends by saying the kiosk does not replace a clinician") {
    const LocalizedText text(shipped().bundle, "en");
    const std::string pages = render_pages_as_text(shipped().bundle, text);
    const std::string footer = text.text(shipped().bundle.structure.page_footer);
    CHECK(footer.find("does not replace") != std::string::npos);
    std::size_t count = 0;
    for (std::size_t at = pages.find(footer); at != std::string::npos; at = pages.find(footer, at + 1)) ++count;
    CHECK(count == shipped().bundle.structure.pages.size());
}

TEST_CASE("the dose and durations come from the structure and are formatted per language") {
    const std::string en = render_pages_as_text(shipped().bundle, LocalizedText(shipped().bundle, "en"));
    // The label's unit ("1 g of magnesium sulfate"), said in plain words too.
    CHECK(en.find("\u20681 g\u2069 (\u20681 gram\u2069) of magnesium sulfate over \u206860 minutes\u2069") != std::string::npos);
    CHECK(en.find("1 gram of magnesium ") == std::string::npos);
    const std::string ar = render_pages_as_text(shipped().bundle, LocalizedText(shipped().bundle, "ar"));
    CHECK(ar.find("\u2068٦٠ دقيقة\u2069") != std::string::npos);
    const std::string zh = render_pages_as_text(shipped().bundle, LocalizedText(shipped().bundle, "zh-Hans"));
    CHECK(zh.find("\u206860分钟\u2069") != std::string::npos);
}
