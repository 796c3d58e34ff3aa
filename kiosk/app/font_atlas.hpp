#pragma once
// The font atlas: Noto Sans (Latin), Noto Sans Arabic (with its presentation forms) and Noto Sans
// CJK SC, found through fontconfig and merged, rasterised with imgui_freetype, holding only the
// glyphs the bundle's texts use once shaped (not whole Unicode blocks: the full CJK range alone
// would make a 128 MB atlas).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk_bundle.hpp"
#include "screen_context.hpp"

namespace kiosk::app {

struct FontFiles {
    std::string latin;
    std::string arabic;
    std::string cjk;
    int cjk_index = 0;  // face of the .ttc collection
};

// Nothing, with `problem` set, when a required font is not installed.
std::optional<FontFiles> find_font_files(std::string& problem);

// Builds `atlas` (the Dear ImGui context's io.Fonts, named so that start-up can build it on a
// thread of its own) for one language: its texts (shaped), the base language's (texts fall back
// to it), every language's native name for the picker, digits and punctuation. Call between
// frames; `glyph_ranges` must outlive the atlas.
std::optional<ui::FontSet> build_font_atlas(ImFontAtlas& atlas, const FontFiles& files, const screening::KioskBundle& bundle, std::string_view locale_tag,
                                            float scale, ImVector<ImWchar>& glyph_ranges, std::string& problem);

// The out-of-service screen's fonts: only the glyphs of `texts` (its sentences in every offered
// language), in a title and a body size.
struct NoticeFonts {
    ImFont* title = nullptr;
    ImFont* body = nullptr;
};
std::optional<NoticeFonts> build_notice_atlas(ImFontAtlas& atlas, const FontFiles& files, const std::vector<std::string>& texts, float scale,
                                              ImVector<ImWchar>& glyph_ranges, std::string& problem);

}  // namespace kiosk::app
