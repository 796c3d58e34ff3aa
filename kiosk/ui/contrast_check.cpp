#include "contrast_check.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace kiosk::ui {

namespace {

double channel(unsigned value) {
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 colour) {
    return 0.2126 * channel((colour >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((colour >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * channel((colour >> IM_COL32_B_SHIFT) & 0xFF);
}

unsigned alpha_of(ImU32 c) { return (c >> IM_COL32_A_SHIFT) & 0xFF; }

// `over` painted on `under` with its alpha.
ImU32 blend(ImU32 over, ImU32 under) {
    const unsigned a = alpha_of(over);
    const auto mix = [&](int shift) {
        const unsigned o = (over >> shift) & 0xFF;
        const unsigned u = (under >> shift) & 0xFF;
        return ((o * a + u * (255 - a)) / 255) << shift;
    };
    return mix(IM_COL32_R_SHIFT) | mix(IM_COL32_G_SHIFT) | mix(IM_COL32_B_SHIFT) | (0xFFU << IM_COL32_A_SHIFT);
}

struct Fill {
    ImVec2 a, b, c;
    ImU32 colour;
    ImVec4 clip;  // only what is inside shows
};

bool within(const ImVec4& clip, ImVec2 p) { return p.x >= clip.x && p.x < clip.z && p.y >= clip.y && p.y < clip.w; }

std::string rgb_hex(ImU32 c) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02X%02X%02X", (c >> IM_COL32_R_SHIFT) & 0xFFU, (c >> IM_COL32_G_SHIFT) & 0xFFU, (c >> IM_COL32_B_SHIFT) & 0xFFU);
    return text;
}

bool inside(const Fill& f, ImVec2 p) {
    const auto side = [](ImVec2 p1, ImVec2 p2, ImVec2 q) { return (p2.x - p1.x) * (q.y - p1.y) - (p2.y - p1.y) * (q.x - p1.x); };
    const float d1 = side(f.a, f.b, p);
    const float d2 = side(f.b, f.c, p);
    const float d3 = side(f.c, f.a, p);
    const bool negative = d1 < 0 || d2 < 0 || d3 < 0;
    const bool positive = d1 > 0 || d2 > 0 || d3 > 0;
    return !(negative && positive);
}

// Fills binned by the screen's cells, so that each glyph looks only at the fills near it.
constexpr float cell = 64;
using CellKey = std::pair<int, int>;
CellKey cell_of(ImVec2 p) { return {static_cast<int>(std::floor(p.x / cell)), static_cast<int>(std::floor(p.y / cell))}; }

// The tap target a glyph is on; empty for free text.
std::string element_at(const TapTargets& targets, ImVec2 p) {
    for (const auto& [id, rect] : targets.all()) {
        if (p.x >= rect.first.x && p.x <= rect.second.x && p.y >= rect.first.y && p.y <= rect.second.y) return id;
    }
    return {};
}

}  // namespace

double contrast_ratio(ImU32 a, ImU32 b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<LowContrast> low_contrast_text(const ImDrawData& data, const ImFontAtlas& atlas, ImU32 background, const TapTargets& targets,
                                           double minimum) {
    const ImTextureID font_texture = atlas.TexID;
    const ImVec2 white_uv = atlas.TexUvWhitePixel;
    // Where the baked lines are (Dear ImGui draws thin anti-aliased lines from them).
    ImVec2 lines_min(FLT_MAX, FLT_MAX);
    ImVec2 lines_max(-FLT_MAX, -FLT_MAX);
    for (const ImVec4& uv : atlas.TexUvLines) {
        lines_min = ImVec2(std::min({lines_min.x, uv.x, uv.z}), std::min({lines_min.y, uv.y, uv.w}));
        lines_max = ImVec2(std::max({lines_max.x, uv.x, uv.z}), std::max({lines_max.y, uv.y, uv.w}));
    }
    const auto on_lines = [&](const ImDrawVert& v) {
        return v.uv.x >= lines_min.x - 1e-6F && v.uv.x <= lines_max.x + 1e-6F && v.uv.y >= lines_min.y - 1e-6F && v.uv.y <= lines_max.y + 1e-6F;
    };
    std::vector<Fill> fills;                       // in drawing order
    std::map<CellKey, std::vector<std::size_t>> bins;  // indices into fills
    std::vector<LowContrast> found;
    std::set<std::string> reported;
    const auto is_white = [&](const ImDrawVert& v) { return std::fabs(v.uv.x - white_uv.x) < 1e-6F && std::fabs(v.uv.y - white_uv.y) < 1e-6F; };
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr || cmd.TextureId != font_texture) continue;  // pictures: not a background we can read
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert& v0 = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])];
                const ImDrawVert& v1 = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 1)])];
                const ImDrawVert& v2 = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 2)])];
                if (is_white(v0) && is_white(v1) && is_white(v2)) {
                    // A fill; the see-through fringe of an anti-aliased edge is no background.
                    if (v0.col != v1.col || v1.col != v2.col || alpha_of(v0.col) == 0) continue;
                    fills.push_back({v0.pos, v1.pos, v2.pos, v0.col, cmd.ClipRect});
                    const ImVec2 lo(std::min({v0.pos.x, v1.pos.x, v2.pos.x}), std::min({v0.pos.y, v1.pos.y, v2.pos.y}));
                    const ImVec2 hi(std::max({v0.pos.x, v1.pos.x, v2.pos.x}), std::max({v0.pos.y, v1.pos.y, v2.pos.y}));
                    const CellKey from = cell_of(lo);
                    const CellKey to = cell_of(hi);
                    for (int x = from.first; x <= to.first; ++x)
                        for (int y = from.second; y <= to.second; ++y) bins[{x, y}].push_back(fills.size() - 1);
                    continue;
                }
                if (on_lines(v0) && on_lines(v1) && on_lines(v2)) continue;  // a line's edge, not text
                const ImVec2 centre((v0.pos.x + v1.pos.x + v2.pos.x) / 3, (v0.pos.y + v1.pos.y + v2.pos.y) / 3);
                if (!within(cmd.ClipRect, centre)) continue;  // clipped away: not on the screen
                ImU32 behind = background;
                if (const auto bin = bins.find(cell_of(centre)); bin != bins.end()) {
                    for (const std::size_t f : bin->second) {
                        if (within(fills[f].clip, centre) && inside(fills[f], centre)) behind = blend(fills[f].colour, behind);
                    }
                }
                const ImU32 ink = blend(v0.col, behind);
                const double ratio = contrast_ratio(ink, behind);
                if (ratio + 1e-9 >= minimum) continue;
                // Once per widget, and once per pair of colours for free text (a paragraph is many glyphs).
                std::string element = element_at(targets, centre);
                const std::string colours = rgb_hex(ink) + " on " + rgb_hex(behind);
                if (element.empty()) element = "text in " + colours + " at " + std::to_string(static_cast<int>(centre.x)) + "," + std::to_string(static_cast<int>(centre.y));
                if (!reported.insert(element.starts_with("text in ") ? colours : element).second) continue;
                found.push_back({element, ink, behind, ratio});
            }
        }
    }
    return found;
}

}  // namespace kiosk::ui
