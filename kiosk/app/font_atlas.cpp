#include "font_atlas.hpp"

#include <fstream>
#include <iterator>

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

bool contains_cjk(std::string_view utf8) {
    // Any code point from U+3000 (CJK punctuation) on: three-byte UTF-8 sequences from E3 80 80.
    for (std::size_t i = 0; i + 2 < utf8.size(); ++i) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        if (b >= 0xE3 && b <= 0xE9) return true;
    }
    return false;
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

std::optional<ui::FontSet> build_font_atlas(const FontFiles& files, const screening::KioskBundle& bundle, std::string_view locale_tag,
                                            float scale, ImVector<ImWchar>& glyph_ranges, std::string& problem) {
    // Every glyph any screen can draw: each text of each locale, formatted and shaped, plus digits
    // in every numbering system used and the ticket alphabet.
    ImFontGlyphRangesBuilder builder;
    bool uses_cjk = false;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    builder.AddText("\u2022\u2013\u2026");
    for (const content::LocaleTexts& locale : bundle.content.bundle.locales) {
        builder.AddText(text::visual_line(locale.native_name, text::Direction::left_to_right).c_str());
        if (locale.tag != locale_tag && locale.tag != content::base_locale_tag) continue;
        for (const auto& [key, message] : locale.messages) {
            std::vector<content::MessageArgument> args;
            for (const std::string& name : message.shape().arguments) args.push_back({name, std::int64_t{1234567890}});
            const std::string formatted = message.format(args).value_or(message.source_text());
            if (locale.tag == locale_tag) uses_cjk = uses_cjk || contains_cjk(formatted);
            builder.AddText(text::visual_line(formatted, text::Direction::right_to_left).c_str());
            builder.AddText(formatted.c_str());
        }
    }
    glyph_ranges.clear();
    builder.BuildRanges(&glyph_ranges);

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    // Each file is read once and shared by every size; nothing of it is kept after the build.
    std::vector<std::vector<unsigned char>> data;
    for (const std::string* file : {&files.latin, &files.arabic, &files.cjk}) {
        std::ifstream in(*file, std::ios::binary | std::ios::ate);  // one read of the whole file
        data.emplace_back(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())));
        in.seekg(0);
        in.read(reinterpret_cast<char*>(data.back().data()), static_cast<std::streamsize>(data.back().size()));
        if (data.back().empty()) {
            problem = "cannot read " + *file;
            return std::nullopt;
        }
    }
    // Dear ImGui 1.86 copies font data it does not own, once per size: the 19 MB CJK collection
    // goes only into the sizes that draw Chinese (all of them for a Chinese screen; otherwise just
    // the body size, for the name "简体中文" in the language picker).
    const auto add = [&](float size, const ImWchar* ranges, bool with_cjk) -> ImFont* {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        config.OversampleH = 1;
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(data[0].data(), static_cast<int>(data[0].size()), size, &config, ranges);
        config.MergeMode = true;
        // Noto Sans Arabic draws small beside Noto Sans at the same size; this matches their x-heights.
        io.Fonts->AddFontFromMemoryTTF(data[1].data(), static_cast<int>(data[1].size()), size * 1.25F, &config, ranges);
        if (with_cjk) {
            config.FontNo = files.cjk_index;
            io.Fonts->AddFontFromMemoryTTF(data[2].data(), static_cast<int>(data[2].size()), size, &config, ranges);
        }
        return font;
    };
    // The ticket code is the only text in the largest size: it needs the ticket alphabet alone.
    static const ImWchar ticket_glyphs[] = {0x0020, 0x007E, 0};
    ImFont* body = add(34 * scale, glyph_ranges.Data, true);
    ImFont* heading = add(46 * scale, glyph_ranges.Data, uses_cjk);
    ImFont* large_heading = add(60 * scale, glyph_ranges.Data, uses_cjk);
    ImFont* huge = add(150 * scale, ticket_glyphs, false);
    ui::FontSet set{{body, heading, huge}, {heading, large_heading, huge}};
    const bool built = io.Fonts->Build();
    if (!built) {
        problem = "the font atlas could not be built";
        return std::nullopt;
    }
    io.Fonts->ClearInputData();  // the file data above goes out of scope with it
    return set;
}

}  // namespace kiosk::app
