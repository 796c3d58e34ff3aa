#pragma once
// Draws the patient's screen for the current state of the flow, in the current ImGui frame, and
// returns what the patient asked for. The app (and the headless tests) apply it to the flow.
#include <optional>

#include "screen_context.hpp"

namespace kiosk::ui {

std::optional<app::Intent> draw_kiosk(const app::KioskFlow& flow, double now, const FontSet& fonts, UiState& state, ImVec2 size);

}  // namespace kiosk::ui
