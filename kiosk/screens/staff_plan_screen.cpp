// The infusion plan check: the dose of magnesium sulfate, the minutes, and what was given in the
// 48 hours before, typed on a keypad; each of the clinic's limits with what the plan gives, met
// or not, in words and colour; and the monitoring checklist. A checklist, not a prescription.
#include "staff_screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

std::optional<app::StaffIntent> draw_staff_plan(StaffContext& s) {
    ScreenContext& ctx = s.ui;
    const app::StaffFlow& staff = s.staff;
    const float width = ctx.column;
    std::optional<app::StaffIntent> intent = staff_bar(s, true);
    paragraph(ctx, ctx.text("staff.plan.title"), ctx.fonts.heading, width, ctx.theme.text);
    paragraph(ctx, ctx.text("staff.plan.not_a_prescription"), ctx.fonts.body, width, ctx.theme.muted);
    begin_scrolling_area(ctx, ctx.touch_height + ctx.margin);

    static const char* const fields[] = {"staff.plan.dose", "staff.plan.minutes", "staff.plan.earlier"};
    const float gap = ctx.margin / 3;
    const float third = (width - 6 - 2 * gap) / 3;
    float tallest = 0;
    for (std::size_t i = 0; i < 3; ++i) tallest = std::max(tallest, button_height(ctx, ctx.text(fields[i]) + ": " + staff.plan_fields()[i] + "0", third));
    for (std::size_t i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        // As typed, with the language's decimal separator ("1,5" in Spanish).
        std::string value = staff.plan_fields()[i].empty() ? "\u2013" : staff.plan_fields()[i];
        if (const auto point = value.find('.'); point != std::string::npos) value.replace(point, 1, decimal_separator(ctx.words.locale().tag));
        if (big_button(ctx, "field:" + std::to_string(i), ctx.text(fields[i]) + ": " + value, third, ButtonKind::option, staff.plan_field() == i,
                       tallest)) {
            intent = app::StaffIntent{app::StaffIntent::Kind::plan_field, {}, 0, i};
        }
    }
    ImGui::Dummy(ImVec2(width, ctx.margin / 3));
    if (staff.kidney_disease()) paragraph(ctx, ctx.text("staff.plan.kidney"), ctx.fonts.body, width, ctx.theme.text);
    if (const auto key = phone_keypad(ctx, width, ctx.text("staff.keypad.delete"), true)) intent = app::StaffIntent{app::StaffIntent::Kind::key, *key};

    if (const auto& result = staff.plan_result()) {
        ImGui::Dummy(ImVec2(width, ctx.margin / 2));
        // The check that the audit log could not record, said where it was run.
        if (!staff.message().empty()) paragraph(ctx, staff.message(), ctx.fonts.body, width, ctx.theme.urgent);
        if (!result->valid) {
            paragraph(ctx, ctx.text("staff.plan.invalid"), ctx.fonts.heading, width, ctx.theme.urgent);
        } else {
            paragraph(ctx, ctx.text(result->within_limits ? "staff.plan.within" : "staff.plan.outside"), ctx.fonts.heading, width,
                      result->within_limits ? ctx.theme.text : ctx.theme.urgent);
            for (const screening::LimitCheck& c : result->checks) {
                if (!c.applies) continue;
                const std::vector<content::MessageArgument> args = {{"allowed", c.allowed}, {"planned", c.planned}};
                // A mark and the words, not colour alone.
                paragraph(ctx, std::string(c.within ? "\u2713 " : "! ") + ctx.text("staff.plan.limit_" + c.limit, args), ctx.fonts.body, width,
                          c.within ? ctx.theme.text : ctx.theme.urgent);
            }
        }
        ImGui::Dummy(ImVec2(width, ctx.margin / 2));
        paragraph(ctx, ctx.text("staff.plan.checklist"), ctx.fonts.heading, width, ctx.theme.text);
        for (const char* item : {"check_pressure", "check_reflex", "check_breathing", "check_urine", "check_alert", "check_calcium"}) {
            paragraph(ctx, "\u2022 " + ctx.text(std::string("staff.plan.") + item), ctx.fonts.body, width, ctx.theme.text);
        }
    }
    end_scrolling_area(ctx);
    if (big_button(ctx, "run_plan_check", ctx.text("staff.plan.check"), width, ButtonKind::primary)) intent = app::StaffIntent{app::StaffIntent::Kind::run_plan_check};
    return intent;
}

}  // namespace kiosk::ui
