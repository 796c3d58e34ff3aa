#pragma once
// One draw function per staff screen: each reads the StaffFlow and returns what the staff member
// asked for. They share the patient screens' widgets, fonts and text layout, in the staff
// member's language (ScreenContext::words).
#include <optional>

#include "screen_context.hpp"
#include "screens.hpp"
#include "staff_flow.hpp"

namespace kiosk::ui {

struct StaffContext {
    ScreenContext& ui;
    const app::StaffFlow& staff;
};

std::optional<app::StaffIntent> draw_staff_sign_in(StaffContext& ctx);
std::optional<app::StaffIntent> draw_staff_queue(StaffContext& ctx);
std::optional<app::StaffIntent> draw_staff_detail(StaffContext& ctx);
std::optional<app::StaffIntent> draw_staff_note(StaffContext& ctx);
std::optional<app::StaffIntent> draw_staff_plan(StaffContext& ctx);

// The bar of every signed-in staff screen: Back (or, on the queue, Refresh), who, and Sign out.
std::optional<app::StaffIntent> staff_bar(StaffContext& ctx, bool with_back);
// "Urgent", "Stop", … in the staff member's language, and its colour.
std::string severity_words(const ScreenContext& ctx, screening::Severity s);
ImU32 severity_colour(const ScreenContext& ctx, screening::Severity s);

}  // namespace kiosk::ui
