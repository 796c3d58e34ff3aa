#pragma once
// Draws the staff mode's screen for the current state of the StaffFlow, in the staff member's
// language, and returns what they asked for. The app (and the headless tests) apply it.
#include <optional>

#include "screen_context.hpp"
#include "staff_flow.hpp"

namespace kiosk::ui {

std::optional<app::StaffIntent> draw_staff(const app::StaffFlow& staff, const app::KioskFlow& patient, double now, const FontSet& fonts,
                                           UiState& state, ImVec2 size);

}  // namespace kiosk::ui
