// The contrast check reads what the screens drew: the shipped welcome screen passes in both
// themes, and a theme colour turned low-contrast fails with the element it is on.
#include <doctest/doctest.h>

#include "../store/store_fixture.hpp"
#include "contrast_check.hpp"
#include "draft_config.hpp"
#include "headless_ui.hpp"
#include "kiosk_flow.hpp"
#include "shipped_bundle.hpp"

using kiosk::ui::contrast_ratio;
using kiosk::ui::low_contrast_text;

TEST_CASE("the contrast ratio is WCAG's: 21:1 black on white, 1:1 a colour on itself, about 4.5:1 for #767676 on white") {
    CHECK(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(IM_COL32(31, 95, 173, 255), IM_COL32(31, 95, 173, 255)) == doctest::Approx(1.0));
    CHECK(contrast_ratio(IM_COL32(118, 118, 118, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(4.54).epsilon(0.01));
}

namespace {

// The welcome screen of a new visit, drawn headless, in the normal or the high-contrast theme.
struct Visit {
    explicit Visit(bool high_contrast) {
        if (high_contrast) REQUIRE(ui.tap(flow, "high_contrast"));
    }
    kiosk::test::TempDir dir;
    kiosk::store::SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    const kiosk::app::KioskConfig config = kiosk::test::draft_config(kiosk::test::source_dir());
    kiosk::app::KioskFlow flow{kiosk::test::shipped_bundle(), store, config, 0};
    kiosk::test::HeadlessUi ui{ImVec2(1080, 1920)};
};

}  // namespace

TEST_CASE("the welcome screen as drawn passes, with its button text turned pale it fails, naming the button") {
    for (const bool high_contrast : {false, true}) {
        CAPTURE(high_contrast);
        Visit visit(high_contrast);
        kiosk::app::KioskFlow& flow = visit.flow;
        kiosk::test::HeadlessUi& ui = visit.ui;
        ui.idle_frame(flow);
        const kiosk::ui::Theme& theme = kiosk::ui::theme_for(high_contrast);
        const double minimum = high_contrast ? 7.0 : 4.5;
        const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        CHECK(low_contrast_text(*ImGui::GetDrawData(), atlas, theme.background, ui.state().targets, minimum).empty());

        // The primary button's text made close to its fill, as a careless theme change would.
        const ImU32 pale = high_contrast ? IM_COL32(200, 200, 0, 255) : IM_COL32(90, 140, 210, 255);
        ImDrawData& data = *ImGui::GetDrawData();
        for (int l = 0; l < data.CmdListsCount; ++l) {
            for (ImDrawVert& v : data.CmdLists[l]->VtxBuffer) {
                if (v.col == theme.primary_text) v.col = pale;
            }
        }
        const std::vector<kiosk::ui::LowContrast> found = low_contrast_text(data, atlas, theme.background, ui.state().targets, minimum);
        REQUIRE_FALSE(found.empty());
        bool start_named = false;
        for (const kiosk::ui::LowContrast& f : found) {
            CHECK(f.ratio < minimum);
            start_named = start_named || f.element == "start";
        }
        CHECK(start_named);
    }
}

TEST_CASE("words read aloud keep their contrast on the mark behind them: the urgent screen's white-on-red title, in both themes") {
    for (const bool high_contrast : {false, true}) {
        CAPTURE(high_contrast);
        Visit visit(high_contrast);
        kiosk::app::KioskFlow& flow = visit.flow;
        kiosk::test::HeadlessUi& ui = visit.ui;
        REQUIRE(ui.tap(flow, "start"));
        REQUIRE(ui.tap(flow, "option:chest_pain"));
        REQUIRE(ui.tap(flow, "next"));
        REQUIRE(flow.screen() == kiosk::app::Screen::urgent);
        kiosk::ui::ReadAloudView view;
        view.available = true;
        view.reading = true;
        view.heard = flow.text().text("ui.urgent.title");
        ui.set_read_aloud(view);
        ui.idle_frame(flow);
        const kiosk::ui::Theme& theme = kiosk::ui::theme_for(high_contrast);
        bool marked = false;
        const ImDrawData& data = *ImGui::GetDrawData();
        for (int l = 0; l < data.CmdListsCount; ++l)
            for (const ImDrawVert& v : data.CmdLists[l]->VtxBuffer) marked = marked || v.col == theme.highlight;
        CHECK(marked);
        CHECK(low_contrast_text(data, *ImGui::GetIO().Fonts, theme.background, ui.state().targets, high_contrast ? 7.0 : 4.5).empty());
    }
}
