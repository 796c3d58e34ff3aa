// The queue: what staff must act on first (unacknowledged urgent, stop, caution, newest first),
// then the rest. Each row: ticket, how long ago, the severity in colour and in words, the
// patient's language, and who acknowledged it. A database that cannot be read says so: an empty
// list would hide flags.
#include <ctime>

#include "staff_screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

std::optional<app::StaffIntent> draw_staff_queue(StaffContext& s) {
    ScreenContext& ctx = s.ui;
    const app::StaffFlow& staff = s.staff;
    const float width = ctx.column;
    std::optional<app::StaffIntent> intent = staff_bar(s, false);
    paragraph(ctx, ctx.text("staff.queue.title"), ctx.fonts.heading, width, ctx.theme.text);
    if (!staff.message().empty()) paragraph(ctx, staff.message(), ctx.fonts.body, width, ctx.theme.muted);
    begin_scrolling_area(ctx, ctx.touch_height + ctx.margin);
    if (!staff.queue_fault().empty()) {
        paragraph(ctx, staff.queue_fault(), ctx.fonts.heading, width, ctx.theme.urgent);
    } else if (staff.queue().empty()) {
        paragraph(ctx, ctx.text("staff.queue.empty"), ctx.fonts.body, width, ctx.theme.muted);
    }
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    for (const store::QueueEntry& e : staff.queue()) {
        const screening::Severity severity = e.severity;
        std::string line = e.ticket + "  \u00B7  " + severity_words(ctx, severity);
        if (const auto minutes = app::StaffFlow::minutes_between(e.created_at, now)) {
            const std::vector<content::MessageArgument> args = {{"minutes", static_cast<std::int64_t>(*minutes)}};
            line += "  \u00B7  " + ctx.text("staff.queue.minutes_ago", args);
        }
        line += "  \u00B7  " + e.locale;
        if (e.acknowledged) {
            const std::vector<content::MessageArgument> args = {{"staff", e.acknowledged_by}};
            line += "  \u00B7  " + ctx.text("staff.queue.acknowledged_by", args);
        }
        // The severity's colour in a bar at the row's start, and its word in the row: never colour alone.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float bar = ctx.margin / 3;
        ImGui::SetCursorScreenPos(ImVec2(at.x + bar + 6, at.y));
        const bool pressed = big_button(ctx, "row:" + std::to_string(e.id), line, width - 12 - bar, ButtonKind::option);
        const float bottom = ImGui::GetItemRectMax().y;
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + bar, bottom), severity_colour(ctx, severity), 4);
        if (pressed) intent = app::StaffIntent{app::StaffIntent::Kind::open, {}, e.id};
        ImGui::Dummy(ImVec2(width, ctx.margin / 6));
    }
    end_scrolling_area(ctx);
    if (big_button(ctx, "export_recent", ctx.text("staff.queue.export_recent"), width, ButtonKind::secondary)) {
        intent = app::StaffIntent{app::StaffIntent::Kind::export_recent};
    }
    return intent;
}

}  // namespace kiosk::ui
