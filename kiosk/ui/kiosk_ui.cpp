#include "kiosk_ui.hpp"

#include <algorithm>

#include "screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

namespace {

std::string view_key(const app::KioskFlow& flow) {
    switch (flow.screen()) {
        case app::Screen::education: return "page" + std::to_string(flow.page());
        case app::Screen::question: return "question" + std::to_string(flow.session().current_question().value_or(0));
        case app::Screen::review: return "review";
        case app::Screen::welcome: return "welcome";
        case app::Screen::result: return "result";
        case app::Screen::urgent: return "urgent";
    }
    return {};
}

}  // namespace

ScreenLayout layout_for(ImVec2 size, app::Orientation orientation) {
    ScreenLayout l;
    l.landscape = orientation == app::Orientation::landscape || (orientation == app::Orientation::automatic && size.x > size.y);
    const float shorter = std::min(size.x, size.y);
    l.margin = std::max(24.0F, shorter * 0.04F);
    // At least 12 mm on a 21.5" 1080x1920 kiosk (about 4 px/mm), more on larger screens.
    l.touch_height = std::max(96.0F, std::max(size.x, size.y) * 0.055F);
    // Landscape: lines of at most ~1.3 screen heights (about 75 characters of body text at 1080p).
    l.column = size.x - 2 * l.margin;
    if (l.landscape) l.column = std::min(l.column, shorter * 1.3F);
    l.side = (size.x - l.column) / 2;
    return l;
}

std::optional<app::Intent> draw_kiosk(const app::KioskFlow& flow, double now, const FontSet& fonts, UiState& state, ImVec2 size) {
    const Theme& theme = theme_for(flow.high_contrast());
    const UiFonts& chosen = flow.larger_text() ? fonts.large : fonts.normal;
    const std::string view = view_key(flow) + (flow.larger_text() ? "L" : "") + flow.text().locale().tag;
    if (view != state.view) {
        // Back at welcome (the next patient, or after the idle wipe): the laid-out texts of the
        // last visit (its review held the answers) leave memory too.
        if (flow.screen() == app::Screen::welcome) state.layout.clear();
        state.view = view;
        state.scroll.reset();
    }
    state.targets.clear();
    state.findings.clear();
    state.more_below = false;
    const ScreenLayout l = layout_for(size, flow.orientation());
    const float margin = l.margin;
    ScreenContext ctx{flow,   flow.text(), now, chosen, state, theme, size, flow.text().direction() == content::TextDirection::right_to_left,
                      l.touch_height, margin, l.column, l.landscape};

    begin_screen_window("kiosk", theme, l, size, chosen.body, state);
    std::optional<app::Intent> intent;
    switch (flow.screen()) {
        case app::Screen::welcome: intent = draw_welcome(ctx); break;
        case app::Screen::education: intent = draw_education(ctx); break;
        case app::Screen::question: intent = draw_question(ctx); break;
        case app::Screen::review: intent = draw_review(ctx); break;
        case app::Screen::result: intent = draw_result(ctx); break;
        case app::Screen::urgent: intent = draw_urgent(ctx); break;
    }
    end_screen_window();
    const app::Intent here{app::Intent::Kind::still_here, {}, 0, 0};
    if (flow.idle_countdown_showing(now)) {
        // Any touch while the question "are you still there?" shows counts as "yes, I am".
        const std::optional<app::Intent> answer = draw_idle_overlay(ctx);
        if (answer || intent) intent = here;
    }
    // A finger on the screen is a patient there, even one only dragging a page to read it: the
    // idle timer starts again, as it does for every tap.
    if (!intent && ImGui::IsMouseDown(ImGuiMouseButton_Left)) intent = here;
    return intent;
}

}  // namespace kiosk::ui
