#include "font_atlas.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui_freetype.h>

#include "text_layout.hpp"

namespace kiosk::app {

namespace {

std::optional<std::pair<std::string, int>> match(const char* family, const char* lang) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    if (lang) FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(lang));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* found = FcFontMatch(nullptr, pattern, &result);
    std::optional<std::pair<std::string, int>> out;
    FcChar8* file = nullptr;
    FcChar8* found_family = nullptr;
    int index = 0;
    if (found && FcPatternGetString(found, FC_FILE, 0, &file) == FcResultMatch &&
        FcPatternGetString(found, FC_FAMILY, 0, &found_family) == FcResultMatch) {
        FcPatternGetInteger(found, FC_INDEX, 0, &index);
        // fontconfig always answers with something; only the family asked for will do.
        if (std::string(reinterpret_cast<const char*>(found_family)).starts_with(family)) {
            out = std::make_pair(std::string(reinterpret_cast<const char*>(file)), index);
        }
    }
    if (found) FcPatternDestroy(found);
    FcPatternDestroy(pattern);
    return out;
}

}  // namespace

std::optional<FontFiles> find_font_files(std::string& problem) {
    FcInit();
    const auto latin = match("Noto Sans", nullptr);
    const auto arabic = match("Noto Sans Arabic", "ar");
    const auto cjk = match("Noto Sans CJK SC", "zh-cn");
    if (!latin || !arabic || !cjk) {
        problem = "fonts missing: install fonts-noto-core and fonts-noto-cjk (scripts/install-deps.sh does)";
        return std::nullopt;
    }
    return FontFiles{latin->first, arabic->first, cjk->first, cjk->second};
}

std::optional<ui::FontSet> build_font_atlas(const FontFiles& files, const screening::KioskBundle& bundle, float scale,
                                            ImVector<ImWchar>& glyph_ranges, std::string& problem) {
    // Every glyph any screen can draw: each text of each locale, formatted and shaped, plus digits
    // in every numbering system used and the ticket alphabet.
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    builder.AddText("\u2022\u2013\u2026");
    for (const content::LocaleTexts& locale : bundle.content.bundle.locales) {
        builder.AddText(text::visual_line(locale.native_name, text::Direction::left_to_right).c_str());
        for (const auto& [key, message] : locale.messages) {
            std::vector<content::MessageArgument> args;
            for (const std::string& name : message.shape().arguments) args.push_back({name, std::int64_t{1234567890}});
            const std::string formatted = message.format(args).value_or(message.source_text());
            builder.AddText(text::visual_line(formatted, text::Direction::right_to_left).c_str());
            builder.AddText(formatted.c_str());
        }
    }
    glyph_ranges.clear();
    builder.BuildRanges(&glyph_ranges);

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    const auto add = [&](float size) -> ImFont* {
        ImFontConfig config;
        config.OversampleH = 1;
        ImFont* font = io.Fonts->AddFontFromFileTTF(files.latin.c_str(), size, &config, glyph_ranges.Data);
        config.MergeMode = true;
        // Noto Sans Arabic draws small beside Noto Sans at the same size; this matches their x-heights.
        io.Fonts->AddFontFromFileTTF(files.arabic.c_str(), size * 1.25F, &config, glyph_ranges.Data);
        config.FontNo = files.cjk_index;
        io.Fonts->AddFontFromFileTTF(files.cjk.c_str(), size, &config, glyph_ranges.Data);
        return font;
    };
    ui::FontSet set;
    set.normal = {add(34 * scale), add(46 * scale), add(150 * scale)};
    set.large = {add(46 * scale), add(60 * scale), add(150 * scale)};
    if (!io.Fonts->Build()) {
        problem = "the font atlas could not be built";
        return std::nullopt;
    }
    return set;
}

}  // namespace kiosk::app
