// The note to an acknowledgement, typed on an on-screen keyboard (a kiosk has no other): letters,
// digits, space and a few marks, in rows of finger-sized keys.
#include "staff_screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

std::optional<app::StaffIntent> draw_staff_note(StaffContext& s) {
    ScreenContext& ctx = s.ui;
    const float width = ctx.column;
    std::optional<app::StaffIntent> intent = staff_bar(s, true);
    paragraph(ctx, ctx.text("staff.note.title"), ctx.fonts.heading, width, ctx.theme.text);
    const ImVec2 box_min = ImGui::GetCursorScreenPos();
    const float box_height = ctx.touch_height * 2;
    ImGui::GetWindowDrawList()->AddRectFilled(box_min, ImVec2(box_min.x + width - 6, box_min.y + box_height), ctx.theme.panel, 8);
    ImGui::SetCursorScreenPos(ImVec2(box_min.x + ctx.margin / 3, box_min.y + ctx.margin / 4));
    paragraph(ctx, s.staff.note() + "\u258F", ctx.fonts.body, width - ctx.margin, ctx.theme.text);
    ImGui::SetCursorScreenPos(ImVec2(box_min.x, box_min.y + box_height + ctx.margin / 3));
    ImGui::Dummy(ImVec2(width, 0));

    static const char* const rows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm.,-"};
    const float gap = ctx.margin / 6;
    const float key = (width - 6 - 9 * gap) / 10;
    for (const char* row : rows) {
        const std::string keys = row;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (i > 0) ImGui::SameLine(0, gap);
            const std::string letter(1, keys[i]);
            if (big_button(ctx, "letter:" + letter, letter, key, ButtonKind::secondary)) intent = app::StaffIntent{app::StaffIntent::Kind::letter, letter};
        }
        ImGui::Dummy(ImVec2(width, gap));
    }
    const float third = (width - 6 - 2 * gap) / 3;
    if (big_button(ctx, "letter:delete", ctx.text("staff.keypad.delete"), third, ButtonKind::secondary)) intent = app::StaffIntent{app::StaffIntent::Kind::letter, "delete"};
    ImGui::SameLine(0, gap);
    if (big_button(ctx, "letter:space", ctx.text("staff.note.space"), third, ButtonKind::secondary)) intent = app::StaffIntent{app::StaffIntent::Kind::letter, " "};
    ImGui::SameLine(0, gap);
    if (big_button(ctx, "ok", ctx.text("staff.note.done"), third, ButtonKind::primary)) intent = app::StaffIntent{app::StaffIntent::Kind::ok};
    return intent;
}

}  // namespace kiosk::ui
