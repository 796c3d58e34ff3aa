#pragma once
// One draw function per patient screen: each reads the flow through the context and returns what
// the patient asked for. Only KioskFlow acts on it.
#include <optional>

#include "screen_context.hpp"

namespace kiosk::ui {

std::optional<app::Intent> draw_welcome(ScreenContext& ctx);
std::optional<app::Intent> draw_education(ScreenContext& ctx);
std::optional<app::Intent> draw_question(ScreenContext& ctx);
std::optional<app::Intent> draw_review(ScreenContext& ctx);
std::optional<app::Intent> draw_result(ScreenContext& ctx);
std::optional<app::Intent> draw_urgent(ScreenContext& ctx);
std::optional<app::Intent> draw_idle_overlay(ScreenContext& ctx);

// A number question's display and keypad (inside the question screen).
std::optional<app::Intent> draw_number_entry(ScreenContext& ctx, const screening::Question& q, float width);

// The scrolling middle of a screen between its top bar and its bottom button.
void begin_scrolling_area(ScreenContext& ctx, float bottom_reserved);
void end_scrolling_area(ScreenContext& ctx);

}  // namespace kiosk::ui
