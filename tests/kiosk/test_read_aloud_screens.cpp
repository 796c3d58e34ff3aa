// Read aloud (#17) on the real screens, headless: the lines of the sentence heard are marked
// (paragraphs, table cells, answers), follow the sentences, and nothing is marked otherwise.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "screens_fixture.hpp"

using namespace kiosk::app;
using kiosk::test::answers;
using kiosk::test::Kiosk;

namespace {

// The top of each band drawn in the theme's highlight colour in the last frame (read aloud).
std::vector<float> highlight_tops(bool high_contrast) {
    const ImU32 colour = kiosk::ui::theme_for(high_contrast).highlight;
    std::vector<float> tops;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        // A filled rectangle is four vertices of its colour; its first is the top left.
        for (int v = 0; v + 3 < list->VtxBuffer.Size; ++v) {
            if (list->VtxBuffer[v].col == colour && list->VtxBuffer[v + 3].col == colour) {
                tops.push_back(list->VtxBuffer[v].pos.y);
                v += 3;
            }
        }
    }
    return tops;
}

}  // namespace

TEST_CASE("read aloud: the lines of the sentence heard are marked, follow the sentences in order, and nothing is marked when not reading") {
    Kiosk k;
    REQUIRE(k.tap("start"));
    REQUIRE(k.tap("option:none"));
    REQUIRE(k.tap("next"));
    REQUIRE(k.flow.screen() == Screen::education);
    REQUIRE(k.flow.page() == 0);
    const std::string intro = k.flow.text().text("page.what_is.intro");
    const std::size_t second_paragraph = intro.find("In IV therapy");
    REQUIRE(second_paragraph != std::string::npos);
    kiosk::ui::ReadAloudView view;
    view.available = true;
    view.reading = true;
    view.heard = intro;
    std::vector<float> previous;
    // The first sentence, then the first of the second paragraph: the mark moves down with them.
    for (const auto& [begin, end] : {std::pair<std::size_t, std::size_t>{0, intro.find("Your body")}, {second_paragraph, std::string::npos}}) {
        view.sentence_begin = begin;
        view.sentence_end = end;
        k.ui.set_read_aloud(view);
        k.ui.idle_frame(k.flow);
        const std::vector<float> tops = highlight_tops(false);
        REQUIRE_FALSE(tops.empty());
        if (!previous.empty()) CHECK(*std::min_element(tops.begin(), tops.end()) > *std::max_element(previous.begin(), previous.end()));
        previous = tops;
    }
    // The button says the reading can be stopped; once it ends, nothing is marked.
    CHECK(k.ui.state().targets.ids_labelled(k.flow.text().text("ui.button.stop_reading")).size() == 1);
    view.reading = false;
    k.ui.set_read_aloud(view);
    k.ui.idle_frame(k.flow);
    CHECK(highlight_tops(false).empty());
    CHECK(k.ui.state().targets.ids_labelled(k.flow.text().text("ui.button.read_aloud")).size() == 1);
    // Without speech there is no button at all.
    k.ui.set_read_aloud({});
    k.ui.idle_frame(k.flow);
    CHECK_FALSE(k.ui.on_screen("read_aloud"));
}

TEST_CASE("read aloud marks a table cell and an answer while they are read, and only those") {
    Kiosk k;
    REQUIRE(k.tap("start"));
    kiosk::ui::ReadAloudView view;
    view.available = true;
    view.reading = true;
    // An answer of the warning-signs question.
    view.heard = k.flow.text().text("answer.none");
    k.ui.set_read_aloud(view);
    k.ui.idle_frame(k.flow);
    CHECK(highlight_tops(false).size() == 1);
    // A cell of the IV-or-pills table (the second page).
    REQUIRE(k.tap("option:none"));
    REQUIRE(k.tap("next"));
    REQUIRE(k.tap("next"));
    REQUIRE(k.flow.page() == 1);
    view.heard = k.flow.text().text("page.iv_vs_oral.absorbed_iv");
    k.ui.set_read_aloud(view);
    k.ui.idle_frame(k.flow);
    const std::size_t lines = highlight_tops(false).size();
    CHECK(lines >= 1);
    CHECK(lines <= 3);  // the cell's own lines, nothing else on the page
}

TEST_CASE("on the review, each option of an answer of several is marked while it is read, and an option not chosen never is") {
    Kiosk k;
    k.walk_to_review(answers, false, {{"medicines", "blood_pressure"}});
    const auto option = [&](const char* id) { return k.flow.text().text("question.medicines.option." + std::string(id)); };
    kiosk::ui::ReadAloudView view;
    view.available = true;
    view.reading = true;
    for (const char* chosen : {"blood_pressure", "digoxin"}) {
        CAPTURE(chosen);
        view.heard = option(chosen);
        k.ui.set_read_aloud(view);
        k.ui.idle_frame(k.flow);
        CHECK_FALSE(highlight_tops(false).empty());
    }
    view.heard = option("blood_thinner");
    k.ui.set_read_aloud(view);
    k.ui.idle_frame(k.flow);
    CHECK(highlight_tops(false).empty());
}
