#include "widgets.hpp"

#include <algorithm>
#include <cfloat>

#include <imgui_internal.h>  // ImMin, ImMax, IM_PI

#include "number_text.hpp"
#include "screen_reading.hpp"

namespace kiosk::ui {

namespace {

text::Direction direction(const ScreenContext& ctx) { return ctx.rtl ? text::Direction::right_to_left : text::Direction::left_to_right; }

const text::LaidOutParagraph& layout(ScreenContext& ctx, std::string_view logical, ImFont* font, float width) {
    return ctx.state.layout.get(logical, ctx.words.locale().tag, direction(ctx), width, static_cast<int>(font->FontSize),
                                measure_with(font));
}

float line_height(ImFont* font) { return font->FontSize * 1.3F; }

// The start of a text, to name it in a finding: at most 40 code points, never a split character.
std::string excerpt(std::string_view words) {
    std::size_t end = 0;
    for (int points = 0; end < words.size() && points < 40; ++points) {
        ++end;
        while (end < words.size() && (static_cast<unsigned char>(words[end]) & 0xC0U) == 0x80U) ++end;
    }
    std::string out(words.substr(0, end));
    for (char& c : out) {
        if (c == '\n') c = ' ';
    }
    return end < words.size() ? out + "\u2026" : out;
}

// How many lines a button's label may take before it crowds the screen: two for the actions
// (Next, Send, the top bar), four for an answer.
std::size_t lines_a_button_holds(ButtonKind kind) { return kind == ButtonKind::primary || kind == ButtonKind::secondary ? 2 : 4; }

// Whether the item just drawn ends below the screen, outside any scrolling part (which scrolls).
void check_on_screen(const ScreenContext& ctx, const std::string& element, std::string_view words, float bottom) {
    if (!ctx.in_scrolling_area && bottom > ctx.size.y + 0.5F) {
        ctx.does_not_fit(element, words, "is pushed off the bottom of the screen", bottom - ctx.size.y);
    }
}

}  // namespace

void ScreenContext::does_not_fit(std::string element, std::string_view shown, std::string problem, float by) const {
    if (!shown.empty()) element += " \u201c" + excerpt(shown) + "\u201d";
    for (const LayoutFinding& f : state.findings) {
        if (f.element == element && f.problem == problem) return;
    }
    state.findings.push_back({std::move(element), std::move(problem), by, std::string(shown)});
}

text::MeasureText measure_with(ImFont* font) {
    return [font](std::string_view s) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x; };
}

namespace {

// The part of `logical` being read aloud, in its bytes: [begin, end); nothing when it is not.
// The words read are the whole text, its end (a list item is drawn after its marker, "1. " +
// item), or one of the options an answer on the review joins with app::answer_separator.
std::optional<std::pair<std::size_t, std::size_t>> heard_in(const ReadAloudView& view, std::string_view logical) {
    if (!view.reading || view.heard.empty()) return std::nullopt;
    std::optional<std::size_t> at;
    if (logical.ends_with(view.heard)) at = logical.size() - view.heard.size();
    for (std::size_t p = logical.find(view.heard); !at && p != std::string_view::npos; p = logical.find(view.heard, p + 1)) {
        const std::size_t after = p + view.heard.size();
        const bool starts_an_option = p == 0 || logical.substr(0, p).ends_with(app::answer_separator);
        const bool ends_an_option = after == logical.size() || logical.substr(after).starts_with(app::answer_separator);
        if (starts_an_option && ends_an_option) at = p;
    }
    if (!at) return std::nullopt;
    const std::size_t end = std::min(view.sentence_end, view.heard.size());
    return std::pair(*at + std::min(view.sentence_begin, end), *at + end);
}

// A line being read aloud, marked as a reader's finger would: a band behind the words and a line
// under them (not colour alone).
void mark_heard(const ScreenContext& ctx, ImDrawList* draw, ImVec2 at, float width, ImFont* font) {
    const float pad = font->FontSize * 0.15F;
    const float bottom = at.y + line_height(font);
    draw->AddRectFilled(ImVec2(at.x - pad, at.y), ImVec2(at.x + width + pad, bottom), ctx.theme.highlight);
    const float thick = std::max(2.0F, font->FontSize * 0.08F);
    draw->AddRectFilled(ImVec2(at.x - pad, bottom - thick), ImVec2(at.x + width + pad, bottom), ctx.theme.text);
}

}  // namespace

void paragraph(ScreenContext& ctx, std::string_view logical, ImFont* font, float width, ImU32 colour) {
    const text::LaidOutParagraph& p = layout(ctx, logical, font, width);
    if (p.overflow > 0) ctx.does_not_fit("text", logical, "has a word wider than the column", p.overflow);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::optional<std::pair<std::size_t, std::size_t>> heard = heard_in(ctx.state.read_aloud, logical);
    float y = origin.y;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        const text::LaidOutLine& line = p.lines[i];
        const float x = ctx.rtl ? origin.x + width - line.width : origin.x;
        // The lines the sentence heard runs over, in the text's own ink over the mark (white on a
        // red banner would not read on it).
        const std::size_t line_end = i + 1 < p.lines.size() ? p.lines[i + 1].logical_begin : logical.size();
        const bool marked = heard && line.logical_begin < heard->second && line_end > heard->first;
        if (marked) mark_heard(ctx, draw, ImVec2(x, y), line.width, font);
        draw->AddText(font, font->FontSize, ImVec2(x, y), marked ? ctx.theme.text : colour, line.visual.c_str());
        y += line_height(font);
    }
    ImGui::Dummy(ImVec2(width, y - origin.y));
    check_on_screen(ctx, "text", logical, y);
}

namespace {

bool reads_like_text(ButtonKind kind) {
    return kind == ButtonKind::option || kind == ButtonKind::single_choice || kind == ButtonKind::multiple_choice;
}

// How far a choice's label moves away from its reading side to make room for its mark. The
// label keeps its width (the far side's padding shrinks by as much), so a mark never wraps a
// label onto one more line.
float mark_room(const ImFont* font, ButtonKind kind) {
    return kind == ButtonKind::single_choice || kind == ButtonKind::multiple_choice ? font->FontSize * 0.35F : 0;
}

// The Read aloud button's speaker, as large as a capital letter and a half: room taken from its
// label's width (the label is centred in what is left).
float icon_size(const ImFont* font) { return font->FontSize * 0.9F; }
float icon_room(const ImFont* font, ButtonKind kind) { return kind == ButtonKind::read_aloud ? icon_size(font) * 1.4F : 0; }

// A radio circle (filled when chosen) or a check box (with a check when chosen), `size` across,
// centred on `centre`, in the label's ink.
void draw_choice_mark(ImDrawList* draw, ButtonKind kind, ImVec2 centre, float size, bool chosen, ImU32 ink, bool mirrored) {
    const float r = size / 2;
    const float line = std::max(2.0F, size * 0.1F);
    if (kind == ButtonKind::read_aloud) {
        if (chosen) {  // reading: a stop square
            draw->AddRectFilled(ImVec2(centre.x - r * 0.7F, centre.y - r * 0.7F), ImVec2(centre.x + r * 0.7F, centre.y + r * 0.7F), ink, size * 0.08F);
            return;
        }
        // A speaker: its box, its cone, and two waves of sound, facing away from the reading side.
        const float m = mirrored ? -1.0F : 1.0F;
        const auto at = [&](float dx, float dy) { return ImVec2(centre.x + m * dx * r, centre.y + dy * r); };
        draw->AddRectFilled(ImMin(at(-1, -0.35F), at(-0.55F, 0.35F)), ImMax(at(-1, -0.35F), at(-0.55F, 0.35F)), ink);
        draw->AddTriangleFilled(at(-0.6F, -0.35F), at(0, -0.9F), at(0, 0.9F), ink);
        draw->AddTriangleFilled(at(-0.6F, -0.35F), at(0, 0.9F), at(-0.6F, 0.35F), ink);
        const float facing = mirrored ? IM_PI : 0;
        for (const float radius : {0.6F, 1.0F}) {
            draw->PathArcTo(centre, r * radius, facing - 0.8F, facing + 0.8F);
            draw->PathStroke(ink, 0, line);
        }
        return;
    }
    if (kind == ButtonKind::single_choice) {
        draw->AddCircle(centre, r, ink, 0, line);
        if (chosen) draw->AddCircleFilled(centre, r * 0.55F, ink);
        return;
    }
    draw->AddRect(ImVec2(centre.x - r, centre.y - r), ImVec2(centre.x + r, centre.y + r), ink, size * 0.15F, 0, line);
    if (chosen) {
        const ImVec2 check[] = {ImVec2(centre.x - r * 0.55F, centre.y), ImVec2(centre.x - r * 0.15F, centre.y + r * 0.45F),
                                ImVec2(centre.x + r * 0.6F, centre.y - r * 0.5F)};
        draw->AddPolyline(check, 3, ink, 0, line * 1.4F);
    }
}

}  // namespace

// How tall a button must be for its wrapped label (never below a fingertip's height).
float button_height(ScreenContext& ctx, std::string_view label, float width, ButtonKind kind) {
    ImFont* font = ctx.fonts.body;
    const float padding = font->FontSize * 0.6F;
    const text::LaidOutParagraph& p = layout(ctx, label, font, width - 2 * padding - icon_room(font, kind));
    return std::max(ctx.touch_height, static_cast<float>(p.lines.size()) * line_height(font) + 2 * padding);
}

bool big_button(ScreenContext& ctx, const std::string& id, std::string_view label, float width, ButtonKind kind, bool selected,
                float min_height) {
    ImFont* font = ctx.fonts.body;
    const float padding = font->FontSize * 0.6F;
    const float mark = mark_room(font, kind);
    const float icon = icon_room(font, kind);
    const text::LaidOutParagraph& p = layout(ctx, label, font, width - 2 * padding - icon);
    const float height = std::max(min_height, button_height(ctx, label, width, kind));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
    const ImVec2 max(min.x + width, min.y + height);
    if (p.overflow > 0) ctx.does_not_fit(id, label, "has a word wider than its button", p.overflow);
    if (p.lines.size() > lines_a_button_holds(kind)) {
        ctx.does_not_fit(id, label,
                         "needs " + std::to_string(p.lines.size()) + " lines, its button holds " + std::to_string(lines_a_button_holds(kind)),
                         static_cast<float>(p.lines.size() - lines_a_button_holds(kind)) * line_height(font));
    }
    check_on_screen(ctx, id, label, max.y);
    // Only the part a finger can reach: a button scrolled out of view is no target.
    const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
    const ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    const ImVec2 seen_min(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
    const ImVec2 seen_max(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    if (seen_min.x < seen_max.x && seen_min.y < seen_max.y) ctx.state.targets.add(id, seen_min, seen_max, label, ImVec2(width, height));

    const Theme& t = ctx.theme;
    const bool secondary = kind == ButtonKind::secondary || kind == ButtonKind::read_aloud;
    ImU32 fill = kind == ButtonKind::primary ? t.primary : secondary ? t.secondary : t.panel;
    ImU32 ink = kind == ButtonKind::primary ? t.primary_text : secondary ? t.secondary_text : t.text;
    if (selected) {
        fill = t.selected;
        ink = t.primary_text;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, fill, font->FontSize * 0.35F);
    if (ImGui::IsItemActive()) draw->AddRectFilled(min, max, IM_COL32(0, 0, 0, 40), font->FontSize * 0.35F);
    draw->AddRect(min, max, t.text, font->FontSize * 0.35F, 0, selected ? 4.0F : 1.5F);
    if (mark > 0) {
        const float size = font->FontSize * 0.6F;
        const float inset = font->FontSize * 0.2F + size / 2;
        const float centre_x = ctx.rtl ? max.x - inset : min.x + inset;
        draw_choice_mark(draw, kind, ImVec2(centre_x, (min.y + max.y) / 2), size, selected, ink, ctx.rtl);
    }
    if (icon > 0) {
        const float centre_x = ctx.rtl ? max.x - padding - icon_size(font) / 2 : min.x + padding + icon_size(font) / 2;
        draw_choice_mark(draw, kind, ImVec2(centre_x, (min.y + max.y) / 2), icon_size(font), selected, ink, ctx.rtl);
    }
    float y = min.y + (height - static_cast<float>(p.lines.size()) * line_height(font)) / 2 + font->FontSize * 0.15F;
    // An option read aloud now: its words marked as a paragraph's are, in the text's own ink.
    const bool heard = ctx.state.read_aloud.reading && !ctx.state.read_aloud.heard.empty() && label == ctx.state.read_aloud.heard;
    if (heard) ink = ctx.theme.text;
    for (const text::LaidOutLine& line : p.lines) {
        // Options read like text (aligned to the reading side, after their mark); actions are centred.
        const float x = reads_like_text(kind) ? (ctx.rtl ? max.x - padding - mark - line.width : min.x + padding + mark)
                                              : (ctx.rtl ? min.x : min.x + icon) + (width - icon - line.width) / 2;
        if (heard) mark_heard(ctx, draw, ImVec2(x, y), line.width, font);
        draw->AddText(font, font->FontSize, ImVec2(x, y), ink, line.visual.c_str());
        y += line_height(font);
    }
    return pressed;
}

void table(ScreenContext& ctx, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows, float width) {
    if (header.empty()) return;
    ImFont* font = ctx.fonts.body;
    const float column = width / static_cast<float>(header.size());
    const float pad = font->FontSize * 0.4F;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 row_min = ImGui::GetCursorScreenPos();
    const auto draw_row = [&](const std::vector<std::string>& cells, bool is_header) {
        float tallest = 0;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const auto& p = layout(ctx, cells[c], font, column - 2 * pad);
            tallest = std::max(tallest, static_cast<float>(p.lines.size()) * line_height(font));
        }
        const float height = tallest + 2 * pad;
        if (is_header) draw->AddRectFilled(row_min, ImVec2(row_min.x + width, row_min.y + height), ctx.theme.panel);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::size_t slot = ctx.rtl ? cells.size() - 1 - c : c;  // first column on the reading side
            const float x0 = row_min.x + static_cast<float>(slot) * column;
            const auto& p = layout(ctx, cells[c], font, column - 2 * pad);
            if (p.overflow > 0) ctx.does_not_fit("table cell", cells[c], "has a word wider than its cell", p.overflow);
            float y = row_min.y + pad;
            // A cell read aloud now (read row by row): its words marked as a paragraph's are.
            const bool heard = ctx.state.read_aloud.reading && !ctx.state.read_aloud.heard.empty() && cells[c] == ctx.state.read_aloud.heard;
            for (const auto& line : p.lines) {
                const float x = ctx.rtl ? x0 + column - pad - line.width : x0 + pad;
                if (heard) mark_heard(ctx, draw, ImVec2(x, y), line.width, font);
                draw->AddText(font, font->FontSize, ImVec2(x, y), ctx.theme.text, line.visual.c_str());
                y += line_height(font);
            }
            draw->AddRect(ImVec2(x0, row_min.y), ImVec2(x0 + column, row_min.y + height), ctx.theme.muted);
        }
        row_min.y += height;
    };
    draw_row(header, true);
    for (const auto& row : rows) draw_row(row, false);
    ImGui::Dummy(ImVec2(width, row_min.y - ImGui::GetCursorScreenPos().y));
}

// The progress words and bar across `inner` (`done` below 0: the words alone).
void progress_line(ScreenContext& ctx, const std::string& progress, float done, float inner);

std::optional<app::Intent> top_bar(ScreenContext& ctx, bool with_back, app::Intent::Kind back_intent, const std::string& progress,
                                   float done) {
    std::optional<app::Intent> intent;
    const float inner = ctx.column;
    const float gap = ctx.margin / 2;
    // Read aloud, where the app offers it: in landscape (short of height) a fourth button in the
    // row, after back; in portrait under back, beside the progress.
    const bool read_button = ctx.state.read_aloud.available && ctx.flow.screen() != app::Screen::welcome;
    const bool reading = ctx.state.read_aloud.reading;
    const std::string read = ctx.text(reading ? "ui.button.stop_reading" : "ui.button.read_aloud");
    const bool read_in_row = read_button && ctx.landscape;
    const float in_row = read_in_row ? 4.0F : 3.0F;
    const float button = (inner - (in_row - 1) * gap) / in_row;
    // Mirrored in right-to-left locales: back sits on the right, where reading starts.
    std::vector<int> order = read_in_row ? std::vector<int>{0, 3, 1, 2} : std::vector<int>{0, 1, 2};
    if (ctx.rtl) std::reverse(order.begin(), order.end());
    // One height for the row: the tallest label decides (a wrapped "Letra más grande").
    const std::string labels[] = {ctx.text("ui.nav.back"), ctx.text("ui.button.larger_text"), ctx.text("ui.button.high_contrast"), read};
    float row = 0;
    for (const int b : order) row = std::max(row, button_height(ctx, labels[b], button, b == 3 ? ButtonKind::read_aloud : ButtonKind::secondary));
    // In its own row (portrait) as tall as the row above, or as its labels need: both of them, so
    // that nothing below moves when a reading starts or stops.
    if (read_button) {
        for (const char* key : {"ui.button.read_aloud", "ui.button.stop_reading"}) row = std::max(row, button_height(ctx, ctx.text(key), button, ButtonKind::read_aloud));
    }
    const auto read_aloud_button = [&] {
        if (big_button(ctx, "read_aloud", read, button, ButtonKind::read_aloud, reading, row)) intent = app::Intent{app::Intent::Kind::read_aloud, {}, 0, 0};
    };
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        switch (order[i]) {
            case 0:
                if (with_back) {
                    if (big_button(ctx, "back", labels[0], button, ButtonKind::secondary, false, row)) intent = app::Intent{back_intent, {}, 0, 0};
                } else {
                    ImGui::Dummy(ImVec2(button, row));
                }
                break;
            case 1:
                if (big_button(ctx, "larger_text", labels[1], button, ButtonKind::secondary, ctx.flow.larger_text(), row))
                    intent = app::Intent{app::Intent::Kind::toggle_larger_text, {}, 0, 0};
                break;
            case 2:
                if (big_button(ctx, "high_contrast", labels[2], button, ButtonKind::secondary, ctx.flow.high_contrast(), row))
                    intent = app::Intent{app::Intent::Kind::toggle_high_contrast, {}, 0, 0};
                break;
            case 3: read_aloud_button(); break;
        }
    }
    if (read_button && !read_in_row) {
        ImGui::Dummy(ImVec2(inner, 0));
        const ImVec2 row_at = ImGui::GetCursorScreenPos();
        if (ctx.rtl) ImGui::SetCursorScreenPos(ImVec2(row_at.x + inner - button, row_at.y));
        read_aloud_button();
        if (progress.empty()) return intent;
        // The progress in the rest of the row, centred on the button's height.
        const float line = line_height(ctx.fonts.body);
        ImGui::SetCursorScreenPos(ImVec2(ctx.rtl ? row_at.x : row_at.x + button + gap, row_at.y + (row - line) / 2));
        progress_line(ctx, progress, done, inner - button - gap);
        ImGui::SetCursorScreenPos(ImVec2(row_at.x, row_at.y + row));
        ImGui::Dummy(ImVec2(inner, 0));
        return intent;
    }
    if (progress.empty()) return intent;
    progress_line(ctx, progress, done, inner);
    return intent;
}

void progress_line(ScreenContext& ctx, const std::string& progress, float done, float inner) {
    if (done < 0) {
        paragraph(ctx, progress, ctx.fonts.body, inner, ctx.theme.muted);
        return;
    }
    // The words, and the same progress as a bar beside them (filled from the reading side), on
    // one line: not words alone, and not a line taller than before.
    ImFont* font = ctx.fonts.body;
    const std::string shown = text::visual_line(progress, ctx.rtl ? text::Direction::right_to_left : text::Direction::left_to_right);
    const float words = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str()).x;
    const float row_height = line_height(font);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddText(font, font->FontSize, ImVec2(ctx.rtl ? origin.x + inner - words : origin.x, origin.y), ctx.theme.muted, shown.c_str());
    const float gap_to_bar = font->FontSize;
    const float bar_width = inner - words - gap_to_bar;
    if (bar_width > font->FontSize * 2) {
        const float height = std::max(6.0F, font->FontSize * 0.3F);
        const float top = origin.y + (row_height - height) / 2;
        const float left = ctx.rtl ? origin.x : origin.x + words + gap_to_bar;
        const ImVec2 min(left, top);
        const ImVec2 max(left + bar_width, top + height);
        const float filled = bar_width * std::clamp(done, 0.0F, 1.0F);
        draw->AddRectFilled(min, max, ctx.theme.panel, height / 2);
        draw->AddRectFilled(ctx.rtl ? ImVec2(max.x - filled, min.y) : min, ctx.rtl ? max : ImVec2(min.x + filled, max.y), ctx.theme.text, height / 2);
        draw->AddRect(min, max, ctx.theme.muted, height / 2);
    }
    ImGui::Dummy(ImVec2(inner, row_height));
}

std::optional<ImVec2> TapTargets::center(const std::string& id) const {
    const auto it = rects_.find(id);
    if (it == rects_.end()) return std::nullopt;
    return ImVec2((it->second.first.x + it->second.second.x) / 2, (it->second.first.y + it->second.second.y) / 2);
}

std::vector<std::size_t> grid_row(ScreenContext& ctx, std::size_t first, std::size_t end, std::size_t per_row, float cell_width, float gap) {
    if (ctx.rtl && end - first < per_row) {  // a short last row starts on the right, where reading does
        ImGui::Dummy(ImVec2((cell_width + gap) * static_cast<float>(per_row - (end - first)) - gap, 0));
        ImGui::SameLine(0, gap);
    }
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < end - first; ++i) order.push_back(ctx.rtl ? end - 1 - i : first + i);
    return order;
}

std::vector<std::string> TapTargets::ids_labelled(std::string_view label) const {
    std::vector<std::string> ids;
    for (const auto& [id, words] : labels_) {
        if (words == label) ids.push_back(id);
    }
    return ids;
}

const Theme& theme_for(bool high_contrast) {
    static const Theme normal{IM_COL32(247, 247, 242, 255), IM_COL32(26, 26, 26, 255),  IM_COL32(90, 90, 90, 255),
                              IM_COL32(31, 95, 173, 255),  IM_COL32(255, 255, 255, 255), IM_COL32(225, 230, 238, 255),
                              IM_COL32(20, 40, 80, 255),   IM_COL32(176, 0, 32, 255),    IM_COL32(255, 255, 255, 255),
                              IM_COL32(18, 110, 60, 255),  IM_COL32(232, 236, 228, 255),
                              IM_COL32(255, 236, 150, 255)};
    static const Theme contrast{IM_COL32(0, 0, 0, 255),       IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 0, 255),
                                IM_COL32(255, 255, 0, 255),   IM_COL32(0, 0, 0, 255),       IM_COL32(0, 0, 0, 255),
                                IM_COL32(255, 255, 255, 255), IM_COL32(255, 110, 110, 255), IM_COL32(0, 0, 0, 255),
                                IM_COL32(0, 200, 255, 255),   IM_COL32(30, 30, 30, 255),
                                IM_COL32(0, 0, 140, 255)};
    return high_contrast ? contrast : normal;
}

std::optional<app::Intent> read_pages_button(ScreenContext& ctx, float width) {
    ImGui::Dummy(ImVec2(width, ctx.margin / 2));
    if (big_button(ctx, "read_pages", ctx.flow.text().text("ui.question.read_pages"), width - 6, ButtonKind::secondary)) {
        return app::Intent{app::Intent::Kind::read_pages, {}, 0, 0};
    }
    return std::nullopt;
}

// The language's decimal separator: 0.5 formatted, without its first and last digit ("," in es).
std::string decimal_separator(const std::string& tag) {
    const std::string half = content::format_number(tag, 0.5);
    const auto is_continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; };
    std::size_t begin = 1;
    while (begin < half.size() && is_continuation(half[begin])) ++begin;
    std::size_t end = half.size() - 1;
    while (end > begin && is_continuation(half[end])) --end;
    return end > begin ? half.substr(begin, end - begin) : std::string(".");
}

std::optional<std::string> phone_keypad(ScreenContext& ctx, float width, std::string_view delete_label, bool decimal_point) {
    const std::string& tag = ctx.words.locale().tag;
    static const char* const keys[4][3] = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {".", "0", "delete"}};
    const float gap = ctx.margin / 2;
    const float pad_width = std::min(width - 6, ctx.touch_height * 9);
    const float key_width = (pad_width - 2 * gap) / 3;
    const float left = ImGui::GetCursorPosX() + (width - 6 - pad_width) / 2;
    std::optional<std::string> pressed;
    for (const auto& row : keys) {
        const float top = ImGui::GetCursorPosY();
        float below = top;
        for (int k = 0; k < 3; ++k) {
            const std::string key = row[k];
            if (key == "." && !decimal_point) continue;
            ImGui::SetCursorPos(ImVec2(left + static_cast<float>(k) * (key_width + gap), top));
            const std::string label = key == "delete" ? std::string(delete_label) : key == "." ? decimal_separator(tag)
                                                                                              : content::format_number(tag, std::stod(key));
            if (big_button(ctx, "key:" + key, label, key_width, ButtonKind::secondary)) pressed = key;
            below = std::max(below, ImGui::GetCursorPosY());
        }
        ImGui::SetCursorPosY(below);
    }
    return pressed;
}

void ticket_code(ScreenContext& ctx, const std::string& ticket, float width) {
    const std::string code = text::visual_line(ticket, text::Direction::left_to_right);
    const float code_width = ctx.fonts.huge->CalcTextSizeA(ctx.fonts.huge->FontSize, FLT_MAX, 0, code.c_str()).x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(ctx.fonts.huge, ctx.fonts.huge->FontSize, ImVec2(at.x + (width - code_width) / 2, at.y), ctx.theme.text,
                                        code.c_str());
    ImGui::Dummy(ImVec2(width, ctx.fonts.huge->FontSize * 1.2F));
}

void entry_display(ScreenContext& ctx, const std::string& shown, float width) {
    const float box_height = ctx.touch_height * 1.2F;
    const ImVec2 box_min = ImGui::GetCursorScreenPos();
    const ImVec2 box_max(box_min.x + width - 6, box_min.y + box_height);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(box_min, box_max, ctx.theme.panel, 8);
    draw->AddRect(box_min, box_max, ctx.theme.text, 8, 0, 2);
    const float pad = ctx.margin / 2;
    ImGui::SetCursorScreenPos(ImVec2(box_min.x + pad, box_min.y + (box_height - ctx.fonts.heading->FontSize * 1.4F) / 2));
    paragraph(ctx, shown.empty() ? "\u2013" : shown, ctx.fonts.heading, width - 6 - 2 * pad, ctx.theme.text);
    ImGui::SetCursorScreenPos(ImVec2(box_min.x, box_max.y + ctx.margin / 2));
    ImGui::Dummy(ImVec2(width, 0));
}

void begin_screen_window(const char* name, const Theme& theme, const ScreenLayout& layout, ImVec2 size, ImFont* body, UiState& state) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    // No background of its own: the platform clears the screen to it (see UiState::background).
    state.background = theme.background;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(layout.side, layout.margin / 2));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(layout.margin / 2, layout.margin / 3));
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PushFont(body);
}

void end_screen_window() {
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

}  // namespace kiosk::ui
