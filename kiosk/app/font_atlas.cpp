#include "font_atlas.hpp"

#include <algorithm>
#include <fontconfig/fontconfig.h>
#include <imgui_freetype.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

// A font file mapped read-only: FreeType reads only the tables and glyphs it needs, straight from
// the page cache (of the 19 MB CJK collection, a few hundred KB), and nothing is copied.
class MappedFile {
public:
    explicit MappedFile(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat info {};
        if (::fstat(fd, &info) == 0 && info.st_size > 0) {
            void* mapped = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (mapped != MAP_FAILED) {
                data_ = mapped;
                size_ = static_cast<std::size_t>(info.st_size);
            }
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (data_) ::munmap(data_, size_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    void* data() const { return data_; }
    int size() const { return static_cast<int>(size_); }

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

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
    // Only the file names are needed: fontconfig's configuration and caches are released again
    // (they would otherwise stay in memory for the kiosk's whole life).
    struct Fontconfig {
        Fontconfig() { FcInit(); }
        ~Fontconfig() { FcFini(); }
    } const fontconfig;
    const auto latin = match("Noto Sans", nullptr);
    const auto arabic = match("Noto Sans Arabic", "ar");
    const auto cjk = match("Noto Sans CJK SC", "zh-cn");
    if (!latin || !arabic || !cjk) {
        problem = "fonts missing: install fonts-noto-core and fonts-noto-cjk (scripts/install-deps.sh does)";
        return std::nullopt;
    }
    return FontFiles{latin->first, arabic->first, cjk->first, cjk->second};
}

namespace {

// Every glyph `logical_utf8` is drawn with, whichever way its paragraph runs: Arabic shaped into
// presentation forms (right to left) and the text as it is (left to right).
void add_glyphs_of(ImFontGlyphRangesBuilder& builder, std::string_view logical_utf8) {
    builder.AddText(text::visual_line(logical_utf8, text::Direction::right_to_left).c_str());
    builder.AddText(std::string(logical_utf8).c_str());
}

// The three font files, mapped for as long as the atlas is being built.
class AtlasSources {
public:
    explicit AtlasSources(const FontFiles& files) : files_(files), latin_(files.latin), arabic_(files.arabic), cjk_(files.cjk) {}

    std::string problem() const {
        for (const auto& [file, path] : {std::pair{&latin_, &files_.latin}, {&arabic_, &files_.arabic}, {&cjk_, &files_.cjk}}) {
            if (!file->data()) return "cannot read " + *path;
        }
        return {};
    }

    // Noto Sans at `size`, with Noto Sans Arabic and (if asked) Noto Sans CJK merged in.
    ImFont* add(ImFontAtlas& atlas, float size, const ImWchar* ranges, bool with_cjk) const {
        // "Owned by the atlas" only so that Dear ImGui 1.86 does not copy the file (it copies what
        // it does not own, once per size); the pointers are taken back before ClearInputData().
        ImFontConfig config;
        config.FontDataOwnedByAtlas = true;
        config.OversampleH = 1;
        ImFont* font = atlas.AddFontFromMemoryTTF(latin_.data(), latin_.size(), size, &config, ranges);
        config.MergeMode = true;
        // Noto Sans Arabic draws small beside Noto Sans at the same size; this matches their x-heights.
        atlas.AddFontFromMemoryTTF(arabic_.data(), arabic_.size(), size * 1.4F, &config, ranges);
        if (with_cjk) {
            config.FontNo = files_.cjk_index;
            atlas.AddFontFromMemoryTTF(cjk_.data(), cjk_.size(), size, &config, ranges);
        }
        return font;
    }

    // Rasterises what was added; the mappings stay ours (they close with this object).
    static bool build(ImFontAtlas& atlas) {
        const bool built = atlas.Build();
        for (ImFontConfig& config : atlas.ConfigData) config.FontData = nullptr;
        atlas.ClearInputData();
        return built;
    }

private:
    const FontFiles& files_;
    MappedFile latin_;
    MappedFile arabic_;
    MappedFile cjk_;
};

void clear_for_freetype(ImFontAtlas& atlas) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
}

}  // namespace

std::optional<ui::FontSet> build_font_atlas(ImFontAtlas& atlas, const FontFiles& files, const screening::KioskBundle& bundle, std::string_view locale_tag,
                                            float scale, ImVector<ImWchar>& glyph_ranges, std::string& problem) {
    // Every glyph any screen can draw: each text of each locale, formatted and shaped, plus digits
    // in every numbering system used and the ticket alphabet.
    // `locale_tag` may name two languages, "en+ar": the staff mode shows a patient's answers as
    // the patient read them beside the staff member's language.
    std::vector<std::string_view> tags;
    for (std::size_t start = 0; start <= locale_tag.size();) {
        const std::size_t plus = std::min(locale_tag.find('+', start), locale_tag.size());
        tags.push_back(locale_tag.substr(start, plus - start));
        start = plus + 1;
    }
    const auto chosen = [&](std::string_view tag) { return std::find(tags.begin(), tags.end(), tag) != tags.end(); };
    ImFontGlyphRangesBuilder builder;
    bool uses_cjk = false;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    builder.AddText("\u2022\u2013\u2026\u00B7\u25CF\u2713\u2717\u2610\u258F");  // bullets, dashes; the staff screens' marks
    for (const content::LocaleTexts& locale : bundle.content.bundle.locales) {
        builder.AddText(text::visual_line(locale.native_name, text::Direction::left_to_right).c_str());
        if (!chosen(locale.tag) && locale.tag != content::base_locale_tag) continue;
        for (const auto& [key, message] : locale.messages) {
            std::vector<content::MessageArgument> args;
            for (const std::string& name : message.shape().arguments) args.push_back({name, std::int64_t{1234567890}});
            const std::string formatted = message.format(args).value_or(message.source_text());
            if (chosen(locale.tag)) uses_cjk = uses_cjk || contains_cjk(formatted);
            add_glyphs_of(builder, formatted);
        }
    }
    glyph_ranges.clear();
    builder.BuildRanges(&glyph_ranges);

    const AtlasSources sources(files);
    if (problem = sources.problem(); !problem.empty()) return std::nullopt;
    clear_for_freetype(atlas);
    // The ticket code is the only text in the largest size: it needs the ticket alphabet alone.
    static const ImWchar ticket_glyphs[] = {0x0020, 0x007E, 0};
    // Chinese glyphs in every size for a Chinese screen; otherwise only in the two body sizes
    // (the heading size is the body of larger text), for the name "简体中文" in the language picker.
    ImFont* body = sources.add(atlas, 34 * scale, glyph_ranges.Data, true);
    ImFont* heading = sources.add(atlas, 46 * scale, glyph_ranges.Data, true);
    ImFont* large_heading = sources.add(atlas, 60 * scale, glyph_ranges.Data, uses_cjk);
    ImFont* huge = sources.add(atlas, 150 * scale, ticket_glyphs, false);
    if (!AtlasSources::build(atlas)) {
        problem = "the font atlas could not be built";
        return std::nullopt;
    }
    return ui::FontSet{{body, heading, huge}, {heading, large_heading, huge}};
}

std::optional<NoticeFonts> build_notice_atlas(ImFontAtlas& atlas, const FontFiles& files, const std::vector<std::string>& texts, float scale,
                                              ImVector<ImWchar>& glyph_ranges, std::string& problem) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    bool uses_cjk = false;
    for (const std::string& t : texts) {
        add_glyphs_of(builder, t);
        uses_cjk = uses_cjk || contains_cjk(t);
    }
    glyph_ranges.clear();
    builder.BuildRanges(&glyph_ranges);
    const AtlasSources sources(files);
    if (problem = sources.problem(); !problem.empty()) return std::nullopt;
    clear_for_freetype(atlas);
    NoticeFonts fonts{sources.add(atlas, 46 * scale, glyph_ranges.Data, uses_cjk), sources.add(atlas, 34 * scale, glyph_ranges.Data, uses_cjk)};
    if (!AtlasSources::build(atlas)) {
        problem = "the font atlas could not be built";
        return std::nullopt;
    }
    return fonts;
}

}  // namespace kiosk::app
