#pragma once
// The few widgets patient screens are made of, drawn with the text pipeline (so Arabic is joined
// and right-aligned, Chinese wraps correctly) and sized for fingers.
#include <string>
#include <string_view>
#include <vector>

#include "screen_context.hpp"

namespace kiosk::ui {

// Lays out and draws text at the cursor across `width`, right-aligned in right-to-left locales.
// While it is read aloud, the lines of the sentence heard are marked behind the words.
void paragraph(ScreenContext& ctx, std::string_view logical, ImFont* font, float width, ImU32 colour);

// option: a plain choice (staff screens). single_choice and multiple_choice carry a mark at the
// reading side, a radio circle or a check box, filled when chosen: the choice is never told by
// colour alone (WCAG 2.2, 1.4.1).
// read_aloud: a speaker at the reading side (a stop square while reading), the label after it.
enum class ButtonKind { primary, secondary, option, single_choice, multiple_choice, read_aloud };

// A finger-sized button whose label wraps; registered as tap target `id`. True when tapped.
bool big_button(ScreenContext& ctx, const std::string& id, std::string_view label, float width, ButtonKind kind,
                bool selected = false, float min_height = 0);

// The height big_button() gives `label` at `width`.
float button_height(ScreenContext& ctx, std::string_view label, float width, ButtonKind kind = ButtonKind::primary);

// A table with a header row; columns run right to left in right-to-left locales.
void table(ScreenContext& ctx, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
           float width);

// One row of a grid of `per_row` cells, items [first, end): the item indices in the order to draw
// them left to right, with SameLine between them. Reading order, mirrored in right-to-left locales,
// where a short last row is first pushed to the right (this draws that spacer).
std::vector<std::size_t> grid_row(ScreenContext& ctx, std::size_t first, std::size_t end, std::size_t per_row, float cell_width, float gap);

// The bar every patient screen has: back, larger text, high contrast; under them Read aloud
// (where the app offers it, on every screen but welcome) beside the progress (when given).
// `done`: the share of the way through (0 to 1) shown as a bar under the progress words; below 0, none.
std::optional<app::Intent> top_bar(ScreenContext& ctx, bool with_back, app::Intent::Kind back_intent, const std::string& progress,
                                   float done = -1);

text::MeasureText measure_with(ImFont* font);

// The ticket code in large type, centred, always left to right (staff read it out).
void ticket_code(ScreenContext& ctx, const std::string& ticket, float width);

// A framed box showing what was typed (a number, dots for a PIN), or a dash before anything is.
void entry_display(ScreenContext& ctx, const std::string& shown, float width);

// The full-screen window every screen is drawn in, and its end.
// It draws no background: it sets state.background, which the platform clears the screen to.
void begin_screen_window(const char* name, const Theme& theme, const ScreenLayout& layout, ImVec2 size, ImFont* body, UiState& state);
void end_screen_window();

// The language's decimal separator ("." in en, "," in es, "٫" in ar).
std::string decimal_separator(const std::string& locale_tag);

// 1 2 3 / 4 5 6 / 7 8 9 / (.) 0 delete: the phone's order, kept in every language (keypads are
// not mirrored for right-to-left scripts), digits in the screen's language. Returns the key
// tapped: "0"…"9", "." (with `decimal_point`) or "delete". Tap targets are "key:<key>".
[[nodiscard]] std::optional<std::string> phone_keypad(ScreenContext& ctx, float width, std::string_view delete_label, bool decimal_point);

// "Read about the treatment", under the answers of a question or the review: the education pages
// stay reachable after the warning signs.
std::optional<app::Intent> read_pages_button(ScreenContext& ctx, float width);

}  // namespace kiosk::ui
