#include "staff_ui.hpp"

#include "staff_screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

std::string severity_words(const ScreenContext& ctx, screening::Severity s) {
    return ctx.text("staff.severity." + std::string(screening::severity_name(s)));
}

ImU32 severity_colour(const ScreenContext& ctx, screening::Severity s) {
    switch (s) {
        case screening::Severity::urgent: return ctx.theme.urgent;
        case screening::Severity::stop: return IM_COL32(0xB3, 0x4A, 0x00, 0xFF);     // dark orange: 5.3:1 on the light background
        case screening::Severity::caution: return IM_COL32(0x7A, 0x5C, 0x00, 0xFF);  // dark amber
        default: return ctx.theme.muted;
    }
}

std::optional<app::StaffIntent> staff_bar(StaffContext& s, bool with_back) {
    ScreenContext& ctx = s.ui;
    std::optional<app::StaffIntent> intent;
    const float gap = ctx.margin / 2;
    const float third = (ctx.column - 2 * gap) / 3;
    // On the queue, where there is nowhere to go back to, the same place reads the queue again
    // (submissions keep arriving while staff look).
    if (big_button(ctx, with_back ? "back" : "refresh", ctx.text(with_back ? "staff.nav.back" : "staff.nav.refresh"), third, ButtonKind::secondary)) {
        intent = app::StaffIntent{app::StaffIntent::Kind::back};
    }
    ImGui::SameLine(0, gap);
    const std::string who = s.staff.session() ? (s.staff.session()->display_name.empty() ? s.staff.session()->staff_number : s.staff.session()->display_name)
                                              : std::string();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(third, ctx.touch_height));
    ImGui::GetWindowDrawList()->AddText(ctx.fonts.body, ctx.fonts.body->FontSize,
                                        ImVec2(at.x, at.y + (ctx.touch_height - ctx.fonts.body->FontSize) / 2), ctx.theme.muted, who.c_str());
    ImGui::SameLine(0, gap);
    if (big_button(ctx, "sign_out", ctx.text("staff.nav.sign_out"), third, ButtonKind::secondary)) intent = app::StaffIntent{app::StaffIntent::Kind::sign_out};
    ImGui::Dummy(ImVec2(ctx.column, ctx.margin / 4));
    return intent;
}

std::optional<app::StaffIntent> draw_staff(const app::StaffFlow& staff, const app::KioskFlow& patient, double now, const FontSet& fonts,
                                           UiState& state, ImVec2 size) {
    const Theme& theme = theme_for(false);
    const std::string view = "staff:" + std::to_string(static_cast<int>(staff.screen())) +
                             (staff.submission() ? ":" + std::to_string(staff.submission()->id) : std::string());
    if (view != state.view) {
        state.view = view;
        state.scroll.reset();
    }
    state.targets.clear();
    state.findings.clear();
    state.more_below = false;
    const ScreenLayout l = layout_for(size, app::Orientation::automatic);
    ScreenContext ctx{patient, staff.text(), now, fonts.normal, state, theme, size,
                      staff.text().direction() == content::TextDirection::right_to_left, l.touch_height, l.margin, l.column, l.landscape};
    begin_screen_window("staff", theme, l, size, fonts.normal.body, state);
    StaffContext s{ctx, staff};
    std::optional<app::StaffIntent> intent;
    switch (staff.screen()) {
        case app::StaffScreen::sign_in: intent = draw_staff_sign_in(s); break;
        case app::StaffScreen::queue: intent = draw_staff_queue(s); break;
        case app::StaffScreen::detail: intent = staff.submission() ? draw_staff_detail(s) : draw_staff_queue(s); break;
        case app::StaffScreen::note: intent = draw_staff_note(s); break;
        case app::StaffScreen::plan: intent = draw_staff_plan(s); break;
    }
    end_screen_window();
    // Any finger on the screen keeps the staff session alive, as on the patient screens.
    if (!intent && ImGui::IsMouseDown(ImGuiMouseButton_Left)) intent = app::StaffIntent{app::StaffIntent::Kind::touch};
    return intent;
}

}  // namespace kiosk::ui
