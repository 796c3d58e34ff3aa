#include "text_layout.hpp"

#include <algorithm>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubidi.h>
#include <unicode/unistr.h>
#include <unicode/ushape.h>

namespace kiosk::text {

namespace {

struct BidiCloser {
    void operator()(UBiDi* b) const { ubidi_close(b); }
};

icu::UnicodeString to_utf16(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

bool is_arabic(UChar c) { return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF); }

// Right-to-left letters or bidi controls (the isolates around every message argument): the line
// needs ubidi. Plain left-to-right text skips it.
bool needs_bidi(const icu::UnicodeString& s) {
    for (int32_t i = 0; i < s.length(); ++i) {
        const UChar c = s.charAt(i);
        if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) || c == 0x200E ||
            c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return true;
        }
    }
    return false;
}

// The combining mark a presentation form of a mark stands for: FE70/FE71 fathatan, FE72
// dammatan, FE74 kasratan, then fatha, damma, kasra, shadda and sukun in isolated/medial pairs.
char16_t combining_mark(char16_t form) {
    if (form <= 0xFE71) return u'\u064B';
    if (form == 0xFE72) return u'\u064C';
    if (form == 0xFE74) return u'\u064D';
    return static_cast<char16_t>(0x064E + (form - 0xFE76) / 2);
}

// Arabic letters into their presentation forms (initial, medial, final, isolated; lam-alef
// ligatures), so that a font without OpenType shaping draws them joined.
icu::UnicodeString shape_arabic(const icu::UnicodeString& logical) {
    bool any = false;
    for (int32_t i = 0; i < logical.length() && !any; ++i) any = is_arabic(logical.charAt(i));
    if (!any) return logical;
    const uint32_t options = U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL | U_SHAPE_LENGTH_GROW_SHRINK;
    std::u16string out(static_cast<std::size_t>(logical.length()) + 8, u'\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = u_shapeArabic(logical.getBuffer(), logical.length(), out.data(), static_cast<int32_t>(out.size()), options, &status);
    if (U_FAILURE(status)) return logical;
    // u_shapeArabic also turns vowel marks (tanween, shadda…) into spacing presentation forms
    // (U+FE70–FE7F), which Dear ImGui then draws a whole advance away from their letter ("أولا ً").
    // Back to the combining marks: reordering puts each just before its letter in drawing order,
    // and the font draws it there with no advance, over that letter.
    for (int32_t i = 0; i < length; ++i) {
        const char16_t c = out[static_cast<std::size_t>(i)];
        if (c >= 0xFE70 && c <= 0xFE7F && c != 0xFE73 && c != 0xFE75) out[static_cast<std::size_t>(i)] = combining_mark(c);
    }
    return icu::UnicodeString(out.data(), length);
}

// One line from logical to visual order, mirrored ("(" in RTL becomes ")"), controls removed.
icu::UnicodeString reorder(const icu::UnicodeString& logical, Direction direction) {
    if (!needs_bidi(logical)) return logical;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UBiDi, BidiCloser> bidi(ubidi_openSized(logical.length(), 0, &status));
    if (U_FAILURE(status)) return logical;
    ubidi_setPara(bidi.get(), logical.getBuffer(), logical.length(),
                  direction == Direction::right_to_left ? UBIDI_RTL : UBIDI_LTR, nullptr, &status);
    std::u16string out(static_cast<std::size_t>(logical.length()) + 8, u'\0');
    const int32_t length = ubidi_writeReordered(bidi.get(), out.data(), static_cast<int32_t>(out.size()),
                                                UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
    if (U_FAILURE(status)) return logical;
    return icu::UnicodeString(out.data(), length);
}

icu::UnicodeString trimmed_end(const icu::UnicodeString& s) {
    int32_t end = s.length();
    while (end > 0 && (s.charAt(end - 1) == u' ' || s.charAt(end - 1) == u'\t' || s.charAt(end - 1) == u'\r')) --end;
    return icu::UnicodeString(s, 0, end);
}

class ParagraphBreaker {
public:
    ParagraphBreaker(const icu::Locale& locale, Direction direction, float max_width, const MeasureText& measure)
        : locale_(locale), direction_(direction), max_width_(max_width), measure_(measure) {}

    void lay_out(const icu::UnicodeString& paragraph, std::vector<LaidOutLine>& lines, float& overflow) {
        if (paragraph.isEmpty()) {
            lines.push_back({});
            return;
        }
        const std::vector<int32_t> breaks = opportunities(paragraph, false);
        int32_t start = 0;
        std::size_t next = 0;
        while (start < paragraph.length()) {
            while (next < breaks.size() && breaks[next] <= start) ++next;
            std::size_t best = breaks.size();
            for (std::size_t j = next; j < breaks.size() && fits(paragraph, start, breaks[j]); ++j) best = j;
            if (best < breaks.size()) {
                emit(paragraph, start, breaks[best], lines);
                start = breaks[best];
                continue;
            }
            // Not even the next word fits: broken with a hyphen, and how far it overflows noted.
            const int32_t word_end = next < breaks.size() ? breaks[next] : paragraph.length();
            overflow = std::max(overflow, visual(icu::UnicodeString(paragraph, start, word_end - start)).width - max_width_);
            const int32_t end = split_overlong(paragraph, start, word_end);
            if (end < word_end) {
                lines.push_back(visual(icu::UnicodeString(paragraph, start, end - start) + hyphen));
                lines.back().logical_begin = static_cast<std::size_t>(start);
            } else {
                emit(paragraph, start, end, lines);
            }
            start = end;
        }
    }

private:
    std::vector<int32_t> opportunities(const icu::UnicodeString& text, bool characters) const {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it(characters ? icu::BreakIterator::createCharacterInstance(locale_, status)
                                                          : icu::BreakIterator::createLineInstance(locale_, status));
        std::vector<int32_t> out;
        if (U_FAILURE(status)) {
            out.push_back(text.length());
            return out;
        }
        it->setText(text);
        for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) out.push_back(p);
        return out;
    }

    LaidOutLine visual(const icu::UnicodeString& logical) const {
        LaidOutLine line;
        line.visual = to_utf8(reorder(shape_arabic(trimmed_end(logical)), direction_));
        line.width = measure_(line.visual);
        return line;
    }

    bool fits(const icu::UnicodeString& text, int32_t start, int32_t end) const {
        return visual(icu::UnicodeString(text, start, end - start)).width <= max_width_;
    }

    // A word wider than the whole box: break it between characters (grapheme clusters), leaving
    // room for the hyphen that shows the reader the word goes on; at least one character a line.
    int32_t split_overlong(const icu::UnicodeString& text, int32_t start, int32_t word_end) const {
        const icu::UnicodeString word(text, start, word_end - start);
        int32_t end = start;
        for (int32_t p : opportunities(word, true)) {
            const bool last = start + p >= word_end;
            const icu::UnicodeString piece(text, start, p);
            if (end > start && visual(last ? piece : piece + hyphen).width > max_width_) break;
            end = start + p;
        }
        return end;
    }

    static constexpr UChar hyphen = u'-';

    void emit(const icu::UnicodeString& text, int32_t start, int32_t end, std::vector<LaidOutLine>& lines) const {
        lines.push_back(visual(icu::UnicodeString(text, start, end - start)));
        lines.back().logical_begin = static_cast<std::size_t>(start);
    }

    const icu::Locale& locale_;
    Direction direction_;
    float max_width_;
    const MeasureText& measure_;
};

}  // namespace

LaidOutParagraph lay_out(std::string_view logical_utf8, std::string_view locale_tag, Direction direction, float max_width,
                         const MeasureText& measure) {
    LaidOutParagraph out;
    out.direction = direction;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(icu::StringPiece(locale_tag.data(), static_cast<int32_t>(locale_tag.size())), status);
    ParagraphBreaker breaker(U_FAILURE(status) ? icu::Locale::getRoot() : locale, direction, max_width, measure);
    const icu::UnicodeString text = to_utf16(logical_utf8);
    int32_t start = 0;
    // Where the lines so far start, in UTF-16 and in UTF-8: each line's start is counted on from
    // the last one's, never from the beginning again.
    int32_t counted_utf16 = 0;
    std::size_t counted_utf8 = 0;
    while (start <= text.length()) {
        int32_t end = text.indexOf(u'\n', start);
        if (end < 0) end = text.length();
        const std::size_t first = out.lines.size();
        breaker.lay_out(icu::UnicodeString(text, start, end - start), out.lines, out.overflow);
        // Each line's start, from UTF-16 in its paragraph to UTF-8 bytes in the whole text.
        for (std::size_t i = first; i < out.lines.size(); ++i) {
            const int32_t at = start + static_cast<int32_t>(out.lines[i].logical_begin);
            std::string between;
            icu::UnicodeString(text, counted_utf16, at - counted_utf16).toUTF8String(between);
            counted_utf16 = at;
            counted_utf8 += between.size();
            out.lines[i].logical_begin = counted_utf8;
        }
        start = end + 1;
    }
    return out;
}

std::string visual_line(std::string_view logical_utf8, Direction direction) {
    return to_utf8(reorder(shape_arabic(to_utf16(logical_utf8)), direction));
}

bool TextLayoutCache::holds_text(std::string_view utf8) const {
    for (const auto& [key, paragraph] : entries_) {
        // The key ends with the logical text, after the last separator.
        if (std::string_view(key).substr(key.rfind('\x1f') + 1).find(utf8) != std::string_view::npos) return true;
    }
    return false;
}

const LaidOutParagraph& TextLayoutCache::get(std::string_view logical_utf8, std::string_view locale_tag, Direction direction,
                                             float max_width, int font_size_key, const MeasureText& measure) {
    std::string key(locale_tag);
    key += direction == Direction::right_to_left ? "\x1fR\x1f" : "\x1fL\x1f";
    key += std::to_string(static_cast<long>(max_width * 4)) + "\x1f" + std::to_string(font_size_key) + "\x1f";
    key += logical_utf8;
    if (auto it = entries_.find(key); it != entries_.end()) {
        ++hits_;
        return *it->second;
    }
    ++misses_;
    auto [it, inserted] = entries_.emplace(std::move(key), std::make_unique<LaidOutParagraph>(
                                                               lay_out(logical_utf8, locale_tag, direction, max_width, measure)));
    return *it->second;
}

}  // namespace kiosk::text
