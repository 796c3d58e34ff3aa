#include "toml_nesting.hpp"

#include <vector>

namespace kiosk::content {

namespace {

class NestingScan {
public:
    NestingScan(std::string_view text, int limit) : text_(text), limit_(limit) {}

    std::optional<SourcePosition> run() {
        while (i_ < text_.size() && !too_deep_) {
            const char c = text_[i_];
            if (c == '#') {
                skip_comment();
            } else if (c == '"' || c == '\'') {
                skip_string();
            } else if (c == '\n') {
                if (open_.empty()) start_line();
                step();
            } else if (at_line_start_ && open_.empty() && (c == ' ' || c == '\t' || c == '\r')) {
                step();
            } else if (at_line_start_ && open_.empty() && c == '[') {
                table_header();
            } else {
                at_line_start_ = false;
                value_or_key(c);
            }
        }
        if (too_deep_) return where_;
        return std::nullopt;
    }

private:
    // Levels of the table header above (a [[array]] is one more), of the dotted key of this line,
    // and of the arrays and inline tables open in its value.
    int header_levels_ = 0;
    int key_levels_ = 0;
    std::vector<char> open_;
    bool in_key_ = true;       // before '=' on a line, or after '{' or ',' in an inline table
    std::vector<int> inline_key_levels_;  // per open inline table: its current key's dots

    int depth() const {
        int inline_keys = 0;
        for (int levels : inline_key_levels_) inline_keys += levels;
        return header_levels_ + key_levels_ + static_cast<int>(open_.size()) + inline_keys;
    }
    void check() {
        if (depth() > limit_) {
            too_deep_ = true;
            where_ = {line_, column_};
        }
    }
    void start_line() {
        at_line_start_ = true;
        key_levels_ = 0;
        in_key_ = true;
    }
    void step() {
        if (text_[i_] == '\n') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(text_[i_]) & 0xC0U) != 0x80U) {
            ++column_;
        }
        ++i_;
    }
    void skip_comment() {
        while (i_ < text_.size() && text_[i_] != '\n') step();
    }
    void skip_string() {
        const char quote = text_[i_];
        const bool multi_line = text_.substr(i_, 3) == std::string_view(quote == '"' ? "\"\"\"" : "'''");
        for (int n = 0; n < (multi_line ? 3 : 1); ++n) step();
        while (i_ < text_.size()) {
            if (quote == '"' && text_[i_] == '\\') {
                step();
                if (i_ < text_.size()) step();
                continue;
            }
            if (multi_line ? text_.substr(i_, 3) == std::string_view(quote == '"' ? "\"\"\"" : "'''") : text_[i_] == quote) {
                for (int n = 0; n < (multi_line ? 3 : 1); ++n) step();
                // A multi-line string may end in up to two more quotes that belong to it.
                while (multi_line && i_ < text_.size() && text_[i_] == quote) step();
                return;
            }
            if (!multi_line && text_[i_] == '\n') return;  // unterminated: toml++ says so
            step();
        }
    }
    void table_header() {
        const SourcePosition at{line_, column_};
        step();
        int levels = 1;
        if (i_ < text_.size() && text_[i_] == '[') {
            ++levels;  // an array of tables: its elements are one level further down
            step();
        }
        while (i_ < text_.size() && text_[i_] != ']' && text_[i_] != '\n') {
            if (text_[i_] == '"' || text_[i_] == '\'') {
                skip_string();
                continue;
            }
            if (text_[i_] == '.') ++levels;
            step();
        }
        header_levels_ = levels;
        if (depth() > limit_) {
            too_deep_ = true;
            where_ = at;
        }
        at_line_start_ = false;
        while (i_ < text_.size() && text_[i_] == ']') step();
    }
    void value_or_key(char c) {
        if (in_key_) {
            if (c == '=') {
                in_key_ = false;
            } else if (c == '.') {
                if (inline_key_levels_.empty()) ++key_levels_;
                else ++inline_key_levels_.back();
                check();
            }
            step();
            return;
        }
        if (c == '[' || c == '{') {
            open_.push_back(c);
            if (c == '{') {
                inline_key_levels_.push_back(0);
                in_key_ = true;
            }
            check();
        } else if ((c == ']' || c == '}') && !open_.empty()) {
            if (open_.back() == '{') inline_key_levels_.pop_back();
            open_.pop_back();
        } else if (c == ',' && !open_.empty() && open_.back() == '{') {
            inline_key_levels_.back() = 0;
            in_key_ = true;
        }
        step();
    }

    std::string_view text_;
    int limit_;
    std::size_t i_ = 0;
    int line_ = 1;
    int column_ = 1;
    bool at_line_start_ = true;
    bool too_deep_ = false;
    SourcePosition where_;
};

}  // namespace

std::optional<SourcePosition> find_nesting_deeper_than(std::string_view toml_text, int limit) {
    return NestingScan(toml_text, limit).run();
}

}  // namespace kiosk::content
