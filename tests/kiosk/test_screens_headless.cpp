// The real patient screens, tapped by widget id with no window: a whole visit in every shipped
// language, the urgent screen, drag-scroll that does not press, back navigation, Skip reading,
// the idle wipe, and hidden answers.
#include <doctest/doctest.h>

#include <map>

#include <imgui_internal.h>

#include "locale_readiness.hpp"
#include "screens_fixture.hpp"
#include "temp_bundle.hpp"

using namespace kiosk::app;
using kiosk::ui::ScreenLayout;
using kiosk::test::answers;
using kiosk::test::Kiosk;
using kiosk::test::shipped;

TEST_CASE("a patient taps from welcome to result in every shipped language, in portrait and in landscape") {
    for (const ImVec2 size : {ImVec2(1080, 1920), ImVec2(1920, 1080)}) for (const char* tag : {"en", "es", "ar", "zh-Hans"}) {
        CAPTURE(std::string(tag));
        CAPTURE(size.x);
        Kiosk k(size);
        REQUIRE(k.tap(std::string("lang:") + tag));
        CHECK(k.flow.text().locale().tag == tag);
        k.walk_to_review(answers, size.x > size.y);  // reads every page in landscape, skips them in portrait
        CHECK(k.ui.on_screen("edit:symptoms_now"));  // the first answer, with its "change" button
        REQUIRE(k.tap("send"));
        REQUIRE(k.flow.screen() == Screen::result);
        CHECK(k.flow.result()->severity == kiosk::screening::Severity::stop);
        CHECK(k.store.connection().query_int("SELECT count(*) FROM submissions") == 1);
        CHECK(k.store.connection().query_text("SELECT locale FROM submissions") == tag);
        REQUIRE(k.tap("done"));
        CHECK(k.flow.screen() == Screen::welcome);
    }
}

TEST_CASE("the language picker reads in the screen's direction, and is not there when one language is offered") {
    Kiosk k;
    k.ui.idle_frame(k.flow);
    const auto x = [&](const char* id) { return k.ui.state().targets.center(id).value_or(ImVec2(-1, -1)).x; };
    // The content's order: English, Arabic; then Spanish, Chinese.
    CHECK(x("lang:en") < x("lang:ar"));  // English first, on the left
    CHECK(x("lang:es") < x("lang:zh-Hans"));
    REQUIRE(k.tap("lang:ar"));
    k.ui.idle_frame(k.flow);
    CHECK(x("lang:en") > x("lang:ar"));  // in Arabic the first language is on the right
    CHECK(x("lang:es") > x("lang:zh-Hans"));

    Kiosk one;
    one.config.locales = {"es"};
    one.config.default_locale = "es";
    KioskFlow flow{shipped(), one.store, one.config, 0};
    one.ui.idle_frame(flow);
    CHECK(one.ui.on_screen("start"));
    CHECK_FALSE(one.ui.on_screen("lang:es"));
    CHECK(flow.text().locale().tag == "es");
}

TEST_CASE("a drag that starts on an answer button scrolls and does not press it") {
    Kiosk k;
    k.tap("start");
    REQUIRE(k.question() == "symptoms_now");
    // 40 px: past the drag threshold but still over the 96-px button, where a release would press it.
    const auto intent = k.ui.drag_from(k.flow, "option:chest_pain", -40);
    CHECK_FALSE(intent.has_value());
    CHECK_FALSE(k.flow.session().answers()[0].given);
    // The same button, tapped, does answer.
    CHECK(k.tap("option:chest_pain"));
    CHECK(k.flow.session().answers()[0].given);
}

namespace {

// The scrolling area of the screen: the one window that can scroll.
const ImGuiWindow* scrolling_window() {
    for (const ImGuiWindow* w : GImGui->Windows) {
        if (w->WasActive && w->ScrollMax.y > 0) return w;
    }
    return nullptr;
}

bool scroll_asked_for_next_frame() {
    for (const ImGuiWindow* w : GImGui->Windows) {
        if (w->WasActive && w->ScrollTarget.y != FLT_MAX) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a finger moving a page shows the move in the frame of the move, a finger resting on it asks for no further frame") {
    Kiosk k;
    ScreenDescription page;
    page.kind = ScreenDescription::Kind::education;
    page.page = 7;  // the longest page, in larger text: it scrolls
    page.larger_text = true;
    REQUIRE(k.flow.show(page, 0).empty());
    k.ui.idle_frame(k.flow);
    k.ui.idle_frame(k.flow);  // a new window knows its content's height from its second frame
    const ImGuiWindow* area = scrolling_window();
    REQUIRE(area != nullptr);
    const ImVec2 at(540, 1200);
    k.ui.frame(k.flow, at, true);
    k.ui.frame(k.flow, ImVec2(at.x, at.y - 30), true);  // past the drag threshold: the drag starts
    const float before = area->Scroll.y;
    k.ui.frame(k.flow, ImVec2(at.x, at.y - 130), true);
    CHECK(area->Scroll.y == doctest::Approx(before + 100).epsilon(0.02));  // in this very frame
    // The finger stays where it is: nothing is left for another frame to show.
    k.ui.frame(k.flow, ImVec2(at.x, at.y - 130), true);
    CHECK_FALSE(scroll_asked_for_next_frame());
    CHECK(area->Scroll.y == doctest::Approx(before + 100).epsilon(0.02));
}

namespace {

// Vertices drawn in the last frame in a button's reading-side middle, away from its border
// (whose width changes when chosen): the shapes there, whatever their colours.
std::size_t vertices_at_reading_side(const kiosk::test::HeadlessUi& ui, const std::string& id, bool rtl) {
    const auto& rects = ui.state().targets.all();
    const auto it = rects.find(id);
    REQUIRE(it != rects.end());
    const auto [min, max] = it->second;
    const float h = max.y - min.y;
    const float x0 = rtl ? max.x - h * 0.5F : min.x + 8;
    const float x1 = rtl ? max.x - 8 : min.x + h * 0.5F;
    const float y0 = min.y + h * 0.25F;
    const float y1 = max.y - h * 0.25F;
    std::size_t n = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
            if (v.pos.x > x0 && v.pos.x < x1 && v.pos.y > y0 && v.pos.y < y1) ++n;
        }
    }
    return n;
}

}  // namespace

TEST_CASE("a chosen answer is marked by a shape, not by its colour alone: a filled radio mark, a checked box") {
    for (const bool rtl : {false, true}) {
        CAPTURE(rtl);
        Kiosk k;
        if (rtl) REQUIRE(k.tap("lang:ar"));
        REQUIRE(k.tap("start"));
        k.ui.idle_frame(k.flow);
        // symptoms_now: choose all that apply (check boxes).
        const std::size_t unchecked = vertices_at_reading_side(k.ui, "option:none", rtl);
        REQUIRE(k.tap("option:none"));
        k.ui.idle_frame(k.flow);
        CHECK(vertices_at_reading_side(k.ui, "option:none", rtl) > unchecked);  // the check inside the box
        REQUIRE(k.tap("next"));
        REQUIRE(k.tap("skip"));
        REQUIRE(k.question() == "adult");  // one answer only (radio marks)
        k.ui.idle_frame(k.flow);
        const std::size_t empty = vertices_at_reading_side(k.ui, "option:yes", rtl);
        REQUIRE(k.tap("option:yes"));
        k.ui.idle_frame(k.flow);
        CHECK(vertices_at_reading_side(k.ui, "option:yes", rtl) > empty);  // the filled dot inside the circle
    }
}

TEST_CASE("'Next' does nothing until a required question is answered, back goes to the previous screen") {
    Kiosk k;
    k.tap("start");
    CHECK(k.flow.screen() == Screen::question);  // the warning signs first
    CHECK_FALSE(k.ui.on_screen("read_pages"));   // and nothing to read before them
    k.tap("next");  // nothing chosen
    CHECK(k.question() == "symptoms_now");
    k.tap("option:none");
    k.tap("next");
    REQUIRE(k.flow.screen() == Screen::education);
    CHECK(k.flow.page() == 0);
    CHECK(k.ui.on_screen("skip"));
    k.tap("next");
    CHECK(k.flow.page() == 1);
    k.tap("back");
    CHECK(k.flow.page() == 0);
    k.tap("back");
    CHECK(k.question() == "symptoms_now");
    k.tap("next");
    CHECK(k.question() == "adult");  // the pages were offered once; they stay one tap away
    CHECK(k.tap("read_pages"));
    CHECK(k.flow.screen() == Screen::education);
    CHECK(k.tap("skip"));  // "Back to the questions"
    CHECK(k.question() == "adult");
    k.tap("back");
    CHECK(k.question() == "symptoms_now");
}

TEST_CASE("answers to a question that becomes hidden are dropped, on screen too") {
    Kiosk k;
    k.tap("start");
    k.tap("option:none");
    k.tap("next");
    k.tap("skip");
    for (const char* option : {"option:yes", "option:no", "option:no", "option:yes"}) {
        k.tap(option);
        k.tap("next");
    }
    CHECK(k.question() == "heart");
    k.tap("back");
    k.tap("back");
    REQUIRE(k.question() == "pregnant");
    k.tap("option:yes");
    k.tap("next");
    CHECK(k.question() == "heart");  // breastfeeding is no longer asked
    const std::size_t breastfeeding = *shipped().screening.questionnaire.index_of("breastfeeding");
    CHECK_FALSE(k.flow.session().answers()[breastfeeding].given);
}

TEST_CASE("left alone, the screen asks 'are you still there?', then wipes everything") {
    Kiosk k;
    k.tap("lang:es");
    k.tap("start");
    k.tap("option:none");
    k.tap("next");
    k.tap("skip");
    k.tap("option:yes");
    k.ui.advance(k.config.idle_timeout_seconds + 1);
    k.ui.idle_frame(k.flow);
    k.ui.idle_frame(k.flow);  // Dear ImGui sizes a new auto-fit window in its first frame, unseen
    CHECK(k.ui.on_screen("still_here"));
    k.ui.advance(k.config.idle_countdown_seconds);
    k.ui.idle_frame(k.flow);
    k.ui.idle_frame(k.flow);
    CHECK(k.flow.screen() == Screen::welcome);
    CHECK(k.ui.on_screen("start"));
    CHECK_FALSE(k.ui.on_screen("still_here"));
    CHECK(k.flow.text().locale().tag == "en");
    for (const auto& a : k.flow.session().answers()) CHECK_FALSE(a.given);
}

TEST_CASE("the 'are you still there?' question is drawn above the dimmed screen, not under the dimming") {
    Kiosk k;
    k.tap("start");
    k.ui.advance(k.config.idle_timeout_seconds + 1);
    k.ui.idle_frame(k.flow);
    k.ui.idle_frame(k.flow);
    REQUIRE(k.ui.on_screen("still_here"));
    // Draw lists are painted in order: the translucent full-screen rectangle (the dimming) must
    // come after every list of the screen (its window and scrolling children) and before the
    // question, or the question is dimmed too, or nothing is.
    const ImDrawData* drawn = ImGui::GetDrawData();
    const ImGuiWindow* question = ImGui::FindWindowByName("idle");
    const ImGuiWindow* screen = ImGui::FindWindowByName("kiosk");
    REQUIRE(question != nullptr);
    REQUIRE(screen != nullptr);
    int question_at = -1;
    int last_screen_at = -1;
    int last_dimming_at = -1;
    for (int i = 0; i < drawn->CmdListsCount; ++i) {
        const ImDrawList* list = drawn->CmdLists[i];
        if (list == question->DrawList) question_at = i;
        for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
            if (w->DrawList == list && w->RootWindow == screen) last_screen_at = i;
        }
        for (const ImDrawVert& v : list->VtxBuffer) {
            const bool translucent_black = (v.col & IM_COL32(255, 255, 255, 0)) == 0 && (v.col >> IM_COL32_A_SHIFT) > 0 && (v.col >> IM_COL32_A_SHIFT) < 255;
            if (translucent_black && v.pos.x <= 0 && v.pos.y <= 0) last_dimming_at = i;
        }
    }
    REQUIRE(last_screen_at >= 0);
    CHECK(last_dimming_at > last_screen_at);
    CHECK(question_at > last_dimming_at);
    // A touch on the dimmed screen beneath also means "I am here" and changes nothing else.
    const std::size_t page = k.flow.page();
    k.tap("next");
    CHECK(k.flow.page() == page);
    CHECK_FALSE(k.flow.idle_countdown_showing(k.ui.now()));
}

TEST_CASE("a patient who only drags a page to read it is not asked 'are you still there?'") {
    Kiosk k;
    k.tap("start");
    k.ui.advance(k.config.idle_timeout_seconds - 10);
    CHECK_FALSE(k.ui.drag_from(k.flow, "option:chest_pain", -40).has_value());  // reads, presses nothing
    k.ui.advance(20);
    k.ui.idle_frame(k.flow);
    k.ui.idle_frame(k.flow);
    CHECK_FALSE(k.ui.on_screen("still_here"));
    k.ui.advance(k.config.idle_timeout_seconds - 20 + 1);
    k.ui.idle_frame(k.flow);
    k.ui.idle_frame(k.flow);
    CHECK(k.ui.on_screen("still_here"));  // and when the finger is gone, the timer runs again
}

TEST_CASE("a warning sign, then Next, shows the urgent screen at once in every language: stay seated, the ticket, no way out") {
    for (const char* tag : {"en", "es", "ar", "zh-Hans"}) for (const char* number : {"", "112"}) {
        CAPTURE(std::string(tag));
        CAPTURE(std::string(number));
        Kiosk k;
        k.config.emergency_number = number;
        KioskFlow flow{shipped(), k.store, k.config, 0};
        REQUIRE(k.ui.tap(flow, std::string("lang:") + tag));
        REQUIRE(k.ui.tap(flow, "start"));
        REQUIRE(k.ui.tap(flow, "option:chest_pain"));
        REQUIRE(k.ui.tap(flow, "next"));
        REQUIRE(flow.screen() == Screen::urgent);
        k.ui.idle_frame(flow);
        CHECK(k.store.connection().query_int("SELECT severity FROM submissions") == 4);
        const kiosk::text::TextLayoutCache& drawn = k.ui.state().layout;
        const kiosk::content::LocalizedText& t = flow.text();
        CHECK(drawn.holds_text(t.text("ui.urgent.title")));
        CHECK(drawn.holds_text(t.text("ui.urgent.raise_hand")));
        const std::vector<kiosk::content::MessageArgument> ticket = {{"ticket", flow.result()->ticket}};
        CHECK(drawn.holds_text(t.text("ui.result.ticket", ticket)));
        const std::vector<kiosk::content::MessageArgument> call = {{"number", std::string(number)}};
        CHECK(drawn.holds_text(*number ? t.text("ui.urgent.if_worse_call", call) : t.text("ui.urgent.if_worse")));
        // Nothing that sends a patient who may faint anywhere, nor "wait to be called".
        CHECK_FALSE(drawn.holds_text(t.text("ui.result.staff_will_talk")));
        CHECK_FALSE(k.ui.on_screen("done"));
        CHECK_FALSE(k.ui.on_screen("back"));
        k.ui.advance(k.config.idle_timeout_seconds + k.config.idle_countdown_seconds + 5);
        k.ui.idle_frame(flow);
        k.ui.idle_frame(flow);
        CHECK(flow.screen() == Screen::urgent);  // idle never wipes it
        CHECK_FALSE(k.ui.on_screen("still_here"));
    }
}

TEST_CASE("after the idle wipe, not even the laid-out text of the review is left in memory") {
    Kiosk k;
    k.walk_to_review();
    // The review lays out each answer on its own, e.g. "Digoxin (for the heart)".
    const std::string digoxin = k.flow.text().text("question.medicines.option.digoxin");
    REQUIRE(k.ui.state().layout.holds_text(digoxin));
    k.ui.advance(k.config.idle_timeout_seconds + k.config.idle_countdown_seconds + 2);
    k.ui.idle_frame(k.flow);
    k.ui.idle_frame(k.flow);
    REQUIRE(k.flow.screen() == Screen::welcome);
    CHECK_FALSE(k.ui.state().layout.holds_text(digoxin));
}

TEST_CASE("a screen longer than the kiosk shows that there is more below, until the patient reaches its end") {
    Kiosk k;
    k.ui.idle_frame(k.flow);
    CHECK_FALSE(k.ui.state().more_below);  // the welcome screen fits
    k.walk_to_review();
    k.ui.idle_frame(k.flow);
    CHECK(k.ui.state().more_below);  // nineteen answers do not fit on 1920 px
    for (int drag = 0; drag < 20 && k.ui.state().more_below; ++drag) {
        std::string handle;
        for (const auto& [target, rect] : k.ui.state().targets.all()) {
            if (target.rfind("edit:", 0) == 0) handle = target;
        }
        REQUIRE_FALSE(handle.empty());
        CHECK_FALSE(k.ui.drag_from(k.flow, handle, -300).has_value());
        for (int i = 0; i < 120; ++i) k.ui.idle_frame(k.flow);
    }
    CHECK_FALSE(k.ui.state().more_below);
    CHECK(k.ui.on_screen("edit:drank_water"));  // the last answer is in view
}

TEST_CASE("when the disk fails at Send, the patient still gets a number and is sent to the desk, the answers are kept and saved later") {
    Kiosk k(ImVec2(1080, 1920), true);
    kiosk::test::FaultPlan& plan = kiosk::test::fault_vfs();
    const auto visit = [&] {
        k.walk_to_review();
        REQUIRE(k.tap("send"));
        k.ui.idle_frame(k.flow);
    };

    plan.reset(1, 0, SQLITE_FULL);  // the disk is full when the first patient sends
    visit();
    REQUIRE(k.flow.screen() == Screen::result);
    CHECK_FALSE(k.flow.result()->stored);
    const std::string first_ticket = k.flow.result()->ticket;
    CHECK(first_ticket.size() == 4);
    CHECK(k.ui.state().layout.holds_text(k.flow.text().text("ui.result.not_saved")));
    CHECK(k.store.status().pending == 1);
    CHECK(k.flow.staff_mark());  // a submission only in memory: staff must know now
    REQUIRE(k.tap("done"));

    plan.disarm();  // space again: the next patient's Send saves both, the first one first
    visit();
    CHECK(k.flow.result()->stored);
    CHECK_FALSE(k.ui.state().layout.holds_text(k.flow.text().text("ui.result.not_saved")));
    CHECK(k.store.status().pending == 0);
    CHECK(k.store.connection().query_int("SELECT count(*) FROM submissions") == 2);
    CHECK(k.store.connection().query_text("SELECT ticket FROM submissions ORDER BY id LIMIT 1") == first_ticket);
}

TEST_CASE("when the disk is full at Send, the reserve takes the submission: saved, and the staff mark is on until there is room") {
    Kiosk k(ImVec2(1080, 1920), true, 1024 * 1024);
    REQUIRE_FALSE(k.flow.staff_mark());
    kiosk::test::FaultPlan& plan = kiosk::test::fault_vfs();
    plan.disk = kiosk::test::FaultPlan::Disk::full;
    plan.full_until_removed = (k.dir / "kiosk.db.reserve").string();
    k.walk_to_review();
    REQUIRE(k.tap("send"));
    k.ui.idle_frame(k.flow);
    REQUIRE(k.flow.screen() == Screen::result);
    CHECK(k.flow.result()->stored);  // the patient is not sent to the desk for the disk's sake
    CHECK(k.store.connection().query_int("SELECT count(*) FROM submissions") == 1);
    CHECK(k.flow.staff_mark());
    CHECK_FALSE(std::filesystem::exists(k.dir / "kiosk.db.reserve"));
    // Between patients the store makes its reserve again; the real disk under the test has room,
    // so it can, and the mark goes.
    REQUIRE(k.tap("done"));
    CHECK(std::filesystem::exists(k.dir / "kiosk.db.reserve"));
    CHECK_FALSE(k.flow.staff_mark());
    plan.disk = kiosk::test::FaultPlan::Disk::working;
    plan.full_until_removed.clear();
}

TEST_CASE("landscape keeps a centred column, portrait uses the full width, the setting can force either") {
    const ScreenLayout portrait = kiosk::ui::layout_for(ImVec2(1080, 1920), Orientation::automatic);
    const ScreenLayout landscape = kiosk::ui::layout_for(ImVec2(1920, 1080), Orientation::automatic);
    CHECK_FALSE(portrait.landscape);
    CHECK(landscape.landscape);
    CHECK(portrait.margin == landscape.margin);  // the same spacing in both
    CHECK(portrait.column == doctest::Approx(1080 - 2 * portrait.margin));
    CHECK(landscape.column < 1920 - 2 * landscape.margin);
    CHECK(landscape.side * 2 + landscape.column == doctest::Approx(1920));
    for (const ScreenLayout& l : {portrait, landscape}) CHECK(l.touch_height >= 96);  // 12 mm at about 4 px/mm
    CHECK_FALSE(kiosk::ui::layout_for(ImVec2(1920, 1080), Orientation::portrait).landscape);
    CHECK(kiosk::ui::layout_for(ImVec2(1080, 1920), Orientation::landscape).landscape);
}

TEST_CASE("an answer scrolled out of view is no tap target until a drag brings it in") {
    Kiosk k(ImVec2(1280, 720));
    k.tap("larger_text");
    k.tap("start");
    while ((k.flow.screen() == Screen::question || k.flow.screen() == Screen::education) && k.question() != "medicines") {
        if (k.flow.screen() == Screen::education) {
            REQUIRE(k.tap("skip"));
            continue;
        }
        const auto it = answers.find(k.question());
        if (it != answers.end()) REQUIRE((k.ui.scroll_to(k.flow, "option:" + it->second) && k.tap("option:" + it->second)));
        REQUIRE(k.tap("next"));
    }
    REQUIRE(k.question() == "medicines");
    k.ui.idle_frame(k.flow);
    REQUIRE(k.ui.on_screen("option:blood_pressure"));
    REQUIRE_FALSE(k.ui.on_screen("option:not_sure"));  // below the fold in landscape
    CHECK_FALSE(k.tap("option:not_sure"));
    CHECK(k.ui.scroll_to(k.flow, "option:not_sure"));
    CHECK(k.tap("option:not_sure"));
    CHECK(k.flow.session().answers()[k.flow.session().current_question().value()].given);
}

TEST_CASE("only reviewed languages with every safety text are offered to patients, offer_drafts offers the rest, and says so") {
    kiosk::test::TempBundle files = kiosk::test::TempBundle::shipped();
    const std::string reviewed = "status = \"reviewed\"\nreviewer = \"R. Medina, medical translator\"\nreviewed_on = 2026-11-30\n";
    files.replace("locales/en.toml", "status = \"draft\"\n", reviewed);
    files.replace("locales/es.toml", "status = \"draft\"\n", reviewed);
    files.replace("locales/zh-Hans.toml", "status = \"draft\"\n", reviewed);  // reviewed, but a safety text is missing:
    files.replace("locales/zh-Hans.toml", "text = \"您是否已经怀孕，或可能怀孕？\"\n", "");
    const kiosk::screening::KioskBundle bundle = kiosk::screening::load_kiosk_bundle(files.dir());
    REQUIRE(bundle.usable);
    kiosk::test::TempDir dir;
    kiosk::store::SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    kiosk::test::HeadlessUi ui;

    KioskConfig config = default_config(files.dir());
    KioskFlow flow{bundle, store, config, 0};
    ui.idle_frame(flow);
    CHECK(ui.on_screen("lang:en"));
    CHECK(ui.on_screen("lang:es"));
    CHECK_FALSE(ui.on_screen("lang:ar"));       // a draft
    CHECK_FALSE(ui.on_screen("lang:zh-Hans"));  // reviewed, but a safety question would show in English
    CHECK_FALSE(flow.offering_drafts());
    CHECK(kiosk::app::why_not_for_patients(bundle, *bundle.content.bundle.find("zh-Hans")) ==
          "1 safety text(s) missing or stale in locales/zh-Hans.toml: question.pregnant.text");

    config.offer_drafts = true;
    KioskFlow testing{bundle, store, config, 0};
    ui.idle_frame(testing);
    for (const char* id : {"lang:en", "lang:es", "lang:ar", "lang:zh-Hans"}) CHECK(ui.on_screen(id));
    CHECK(testing.offering_drafts());  // the welcome screen's corner says so, for staff
}
