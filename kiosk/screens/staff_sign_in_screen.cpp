// Staff sign-in: the staff number, then the PIN (shown as dots), on a keypad; why a sign-in was
// refused, never saying whether the number exists. Cancel returns to the patient screen.
#include "staff_screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

std::optional<app::StaffIntent> draw_staff_sign_in(StaffContext& s) {
    ScreenContext& ctx = s.ui;
    const app::StaffFlow& staff = s.staff;
    const float width = ctx.column;
    std::optional<app::StaffIntent> intent;
    ImGui::Dummy(ImVec2(width, ctx.margin / 2));
    paragraph(ctx, ctx.text("staff.sign_in.title"), ctx.fonts.heading, width, ctx.theme.text);
    paragraph(ctx, ctx.text(staff.entering_pin() ? "staff.sign_in.pin" : "staff.sign_in.number"), ctx.fonts.body, width, ctx.theme.muted);

    std::string shown = staff.entering_pin() ? std::string() : staff.staff_number();
    for (std::size_t i = 0; staff.entering_pin() && i < staff.pin_length(); ++i) shown += "\u25CF";  // the PIN is never drawn
    entry_display(ctx, shown, width);
    if (!staff.message().empty()) paragraph(ctx, staff.message(), ctx.fonts.body, width, ctx.theme.urgent);
    ImGui::Dummy(ImVec2(width, ctx.margin / 3));

    if (const auto key = phone_keypad(ctx, width, ctx.text("staff.keypad.delete"), false)) intent = app::StaffIntent{app::StaffIntent::Kind::key, *key};
    ImGui::Dummy(ImVec2(width, ctx.margin / 2));
    const float gap = ctx.margin / 2;
    const float half = (width - 6 - gap) / 2;
    if (big_button(ctx, "cancel", ctx.text("staff.keypad.cancel"), half, ButtonKind::secondary)) intent = app::StaffIntent{app::StaffIntent::Kind::cancel};
    ImGui::SameLine(0, gap);
    if (big_button(ctx, "ok", ctx.text("staff.keypad.ok"), half, ButtonKind::primary)) intent = app::StaffIntent{app::StaffIntent::Kind::ok};
    return intent;
}

}  // namespace kiosk::ui
