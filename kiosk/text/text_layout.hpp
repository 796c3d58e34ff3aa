#pragma once
// Text layout for every script the kiosk shows, on top of ICU 72 (Dear ImGui draws left to right,
// one glyph per code point, and wraps only at spaces). Per paragraph:
//   1. break the logical text into lines with ICU's line BreakIterator for the locale (UAX #14:
//      CJK without spaces, no line starting with 。or 、), measuring each candidate as it will be
//      drawn (shaped and reordered);
//   2. shape Arabic into presentation forms with u_shapeArabic (lam-alef ligatures included);
//   3. reorder each line with ubidi (mirroring, bidi controls and isolates removed).
// The result is visual-order UTF-8 per line, ready to draw left to right, plus its width. Glyph
// widths come from the caller (the font), so this needs no window and is tested without one.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::text {

enum class Direction { left_to_right, right_to_left };

struct LaidOutLine {
    std::string visual;  // UTF-8 in drawing order
    float width = 0;
    std::size_t logical_begin = 0;  // where the line starts in the text laid out, in its UTF-8 bytes
};

struct LaidOutParagraph {
    std::vector<LaidOutLine> lines;
    Direction direction = Direction::left_to_right;  // right-to-left paragraphs are drawn right-aligned
    // How far the widest word that had to be broken was wider than the box (0: every word fit).
    // Such a word is broken between characters with a visible hyphen at each break; layout lint
    // reports it, so that it never reaches patients.
    float overflow = 0;
};

// Width of a visual-order UTF-8 run at the current font and size.
using MeasureText = std::function<float(std::string_view visual_utf8)>;

// Lays out one paragraph (a text may hold several, separated by '\n'; each becomes lines).
LaidOutParagraph lay_out(std::string_view logical_utf8, std::string_view locale_tag, Direction direction, float max_width,
                         const MeasureText& measure);

// Shapes and reorders one line without breaking it (for labels and buttons).
std::string visual_line(std::string_view logical_utf8, Direction direction);

// Layouts reused until the text, locale, width or font size changes: no ICU work per frame for
// unchanged text.
class TextLayoutCache {
public:
    const LaidOutParagraph& get(std::string_view logical_utf8, std::string_view locale_tag, Direction direction, float max_width,
                                int font_size_key, const MeasureText& measure);
    void clear() { entries_.clear(); }
    // Whether any cached paragraph contains `utf8` (tests: nothing of a patient's answers is kept).
    bool holds_text(std::string_view utf8) const;
    std::size_t hits() const { return hits_; }
    std::size_t misses() const { return misses_; }

private:
    std::unordered_map<std::string, std::unique_ptr<LaidOutParagraph>> entries_;
    std::size_t hits_ = 0;
    std::size_t misses_ = 0;
};

}  // namespace kiosk::text
