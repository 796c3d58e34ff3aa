// "Are you still there?": shown over whatever screen was left alone, with a countdown to the wipe.
#include <algorithm>

#include "screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

namespace {

constexpr ImGuiWindowFlags fixed_window = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;

// The screen behind is dimmed by a window of its own, drawn between the screen and the question:
// a rectangle on the foreground list would dim the question too, and one in the screen's window
// would sit under that screen's scrolling child. It also catches touches, so that a touch on the
// dimmed screen only says "I am here" (kiosk_ui.cpp) and never presses what lies beneath.
void dim_the_screen(const ScreenContext& ctx) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ctx.size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 170));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    // Not ImGuiWindowFlags_NoBringToFrontOnFocus: Dear ImGui would create it behind the screen.
    ImGui::Begin("idle dim", nullptr, fixed_window | ImGuiWindowFlags_NoNav);
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

}  // namespace

std::optional<app::Intent> draw_idle_overlay(ScreenContext& ctx) {
    dim_the_screen(ctx);
    const content::LocalizedText& t = ctx.flow.text();
    const float width = std::min(ctx.size.x * 0.85F, ctx.column);
    const float padding = ctx.margin;
    ImGui::SetNextWindowPos(ImVec2((ctx.size.x - width) / 2, ctx.size.y * 0.3F));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    // Brought to the front every frame, so that a touch on the dimming never buries it.
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(ctx.theme.background));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ctx.theme.text));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(padding, padding));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(padding / 2, padding / 2));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2);
    ImGui::Begin("idle", nullptr, fixed_window);
    std::optional<app::Intent> intent;
    const float inner = width - 2 * padding;
    paragraph(ctx, t.text("ui.idle.title"), ctx.fonts.heading, inner, ctx.theme.text);
    const std::vector<content::MessageArgument> seconds = {{"seconds", static_cast<std::int64_t>(ctx.flow.idle_seconds_left(ctx.now))}};
    paragraph(ctx, t.text("ui.idle.countdown", seconds), ctx.fonts.body, inner, ctx.theme.text);
    if (big_button(ctx, "still_here", t.text("ui.idle.continue"), inner, ButtonKind::primary)) intent = app::Intent{app::Intent::Kind::still_here, {}, 0, 0};
    ImGui::End();
    ImGui::PopStyleVar(4);
    ImGui::PopStyleColor(2);
    return intent;
}

}  // namespace kiosk::ui
