#include "toml_string_position.hpp"

namespace kiosk::content {

namespace {

bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

// A cursor over the raw file that keeps line and column (in code points) up to date.
struct Cursor {
    std::string_view text;
    std::size_t at = 0;
    SourcePosition pos;

    bool done() const { return at >= text.size(); }
    char peek(std::size_t ahead = 0) const { return at + ahead < text.size() ? text[at + ahead] : '\0'; }
    bool starts_with(std::string_view s) const { return text.substr(at, s.size()) == s; }

    // Advances over one code point.
    void step() {
        if (done()) return;
        if (text[at] == '\n') {
            ++pos.line;
            pos.column = 1;
            ++at;
            return;
        }
        ++at;
        while (!done() && is_utf8_continuation(text[at])) ++at;
        ++pos.column;
    }
};

// Skips one escape sequence in a basic string and says how many parsed characters it stood for.
std::size_t skip_escape(Cursor& c, bool multi_line) {
    c.step();  // the backslash
    const char kind = c.peek();
    if (multi_line && (kind == '\n' || kind == ' ' || kind == '\t' || kind == '\r')) {
        // A line-ending backslash trims the newline and the white space after it.
        while (!c.done() && (c.peek() == ' ' || c.peek() == '\t' || c.peek() == '\r' || c.peek() == '\n')) c.step();
        return 0;
    }
    const std::size_t digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
    c.step();
    for (std::size_t i = 0; i < digits && !c.done(); ++i) c.step();
    return 1;
}

}  // namespace

SourcePosition position_in_toml_string(std::string_view file_text, SourcePosition value_start, std::size_t offset) {
    Cursor c{file_text, 0, {1, 1}};
    while (!c.done() && c.pos.line < value_start.line) c.step();
    while (!c.done() && c.pos.column < value_start.column && c.peek() != '\n') c.step();

    const bool literal = c.peek() == '\'';
    if (!literal && c.peek() != '"') return value_start;
    const bool multi_line = c.starts_with(literal ? "'''" : "\"\"\"");
    for (int i = 0; i < (multi_line ? 3 : 1); ++i) c.step();
    if (multi_line) {
        // TOML drops a newline that immediately follows the opening delimiter.
        if (c.starts_with("\r\n")) { c.step(); c.step(); }
        else if (c.peek() == '\n') c.step();
    }

    std::size_t consumed = 0;
    while (!c.done() && consumed < offset) {
        if (!literal && c.peek() == '\\') {
            consumed += skip_escape(c, multi_line);
        } else {
            c.step();
            ++consumed;
        }
    }
    return c.pos;
}

}  // namespace kiosk::content
