#pragma once
// The contrast of every text as drawn: from a frame's draw data, each glyph's colour against the
// colour of what was drawn under it before (the shapes' fills, else the screen's background),
// as WCAG 2.2 defines the ratio (1.4.3: 4.5:1; the kiosk asks 7:1 of its high-contrast theme).
// What is measured is what the screens drew, never a list of colour pairs kept beside them.
#include <string>
#include <vector>

#include <imgui.h>

#include "screen_context.hpp"

namespace kiosk::ui {

// WCAG's contrast ratio of two opaque colours, 1 to 21.
double contrast_ratio(ImU32 a, ImU32 b);

struct LowContrast {
    std::string element;  // the tap target the text is on ("option:yes"), or "text at x,y"
    ImU32 text = 0;
    ImU32 background = 0;
    double ratio = 0;
};

// Every widget (or free text) with a glyph under `minimum`, once each, in drawing order. Glyphs are
// the triangles that sample the font atlas away from its white pixel and its baked lines; fills
// are the opaque triangles at the white pixel; pictures (other textures) are left out.
// `atlas`: the fonts' atlas (its white pixel, and the baked anti-aliased lines, which are not text).
std::vector<LowContrast> low_contrast_text(const ImDrawData& data, const ImFontAtlas& atlas, ImU32 background, const TapTargets& targets,
                                           double minimum);

}  // namespace kiosk::ui
