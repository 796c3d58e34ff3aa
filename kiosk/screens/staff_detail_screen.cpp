// One submission as staff need it: why it was flagged (each rule's rationale, its source and the
// answers that fired it), then every answer in the staff member's language with the patient's
// words beside it; the version of the questions; acknowledge (with a note), the plan check and
// export. Every view is in the audit log (the store records it when the flow opens it).
#include "staff_screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

namespace {

void answer_lines(ScreenContext& ctx, const app::DetailAnswer& a, float width, float indent) {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    paragraph(ctx, a.question, ctx.fonts.body, width - indent, ctx.theme.muted);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    // The staff member's words first; the patient's, as they read them, beside (after a bar).
    paragraph(ctx, a.patient_answer.empty() ? a.answer : a.answer + "   |   " + a.patient_answer, ctx.fonts.body, width - indent, ctx.theme.text);
}

}  // namespace

std::optional<app::StaffIntent> draw_staff_detail(StaffContext& s) {
    ScreenContext& ctx = s.ui;
    const app::StaffFlow& staff = s.staff;
    const store::StoredSubmission& sub = *staff.submission();
    const float width = ctx.column;
    std::optional<app::StaffIntent> intent = staff_bar(s, true);
    const screening::Severity severity = sub.severity;
    const std::vector<content::MessageArgument> title = {{"ticket", sub.ticket}};
    paragraph(ctx, ctx.text("staff.detail.title", title) + "  \u00B7  " + severity_words(ctx, severity), ctx.fonts.heading, width,
              severity_colour(ctx, severity));
    if (!staff.message().empty()) paragraph(ctx, staff.message(), ctx.fonts.body, width, ctx.theme.muted);
    begin_scrolling_area(ctx, ctx.touch_height * 2 + ctx.margin * 1.5F);

    paragraph(ctx, ctx.text("staff.detail.rules"), ctx.fonts.heading, width, ctx.theme.text);
    if (staff.detail_rules().empty()) paragraph(ctx, ctx.text("staff.detail.no_flags"), ctx.fonts.body, width, ctx.theme.muted);
    for (const app::DetailRule& r : staff.detail_rules()) {
        paragraph(ctx, severity_words(ctx, r.severity) + ": " + r.rationale, ctx.fonts.body, width, severity_colour(ctx, r.severity));
        const std::vector<content::MessageArgument> source = {{"source", r.source.empty() ? std::string("\u2013") : r.source}};
        paragraph(ctx, ctx.text("staff.detail.source", source), ctx.fonts.body, width, ctx.theme.muted);
        for (const app::DetailAnswer& a : r.answers) answer_lines(ctx, a, width, ctx.margin);
        ImGui::Dummy(ImVec2(width, ctx.margin / 3));
    }
    paragraph(ctx, ctx.text("staff.detail.answers"), ctx.fonts.heading, width, ctx.theme.text);
    for (const app::DetailAnswer& a : staff.detail_answers()) answer_lines(ctx, a, width, 0);
    const std::vector<content::MessageArgument> version = {{"version", sub.content_version}, {"kiosk", sub.kiosk_id}, {"language", sub.locale}};
    paragraph(ctx, ctx.text("staff.detail.version", version), ctx.fonts.body, width, ctx.theme.muted);
    if (sub.acknowledged) {
        const std::vector<content::MessageArgument> who = {{"staff", sub.acknowledged_by}, {"time", sub.acknowledged_at}};
        paragraph(ctx, ctx.text("staff.detail.acknowledged", who), ctx.fonts.body, width, ctx.theme.text);
    }
    const std::string& note = sub.acknowledged ? sub.note : staff.note();
    if (!note.empty()) {
        const std::vector<content::MessageArgument> args = {{"note", note}};
        paragraph(ctx, ctx.text("staff.detail.note", args), ctx.fonts.body, width, ctx.theme.text);
    }
    end_scrolling_area(ctx);

    const float gap = ctx.margin / 2;
    const float half = (width - 6 - gap) / 2;
    if (!sub.acknowledged) {
        if (big_button(ctx, "write_note", ctx.text("staff.detail.write_note"), half, ButtonKind::secondary)) intent = app::StaffIntent{app::StaffIntent::Kind::write_note};
        ImGui::SameLine(0, gap);
        if (big_button(ctx, "acknowledge", ctx.text("staff.detail.acknowledge"), half, ButtonKind::primary)) intent = app::StaffIntent{app::StaffIntent::Kind::acknowledge};
    }
    if (big_button(ctx, "check_plan", ctx.text("staff.detail.plan"), half, ButtonKind::secondary)) intent = app::StaffIntent{app::StaffIntent::Kind::check_plan};
    ImGui::SameLine(0, gap);
    if (big_button(ctx, "export_this", ctx.text("staff.detail.export"), half, ButtonKind::secondary)) intent = app::StaffIntent{app::StaffIntent::Kind::export_this};
    return intent;
}

}  // namespace kiosk::ui
