#include "toml_text.hpp"

#include <cstdio>

namespace kiosk::content {

std::size_t offset_of(const std::string& text, int line, int column) {
    std::size_t at = 0;
    for (int l = 1; l < line && at < text.size(); ++l) {
        at = text.find('\n', at);
        if (at == std::string::npos) return text.size();
        ++at;
    }
    for (int c = 1; c < column && at < text.size(); ++c) {
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0U) == 0x80U) ++at;
    }
    return at;
}

std::size_t string_end(const std::string& text, std::size_t begin) {
    const char quote = text[begin];
    const bool multi = text.compare(begin, 3, std::string(3, quote)) == 0;
    std::size_t at = begin + (multi ? 3 : 1);
    while (at < text.size()) {
        if (quote == '"' && text[at] == '\\') {
            at += 2;
            continue;
        }
        if (multi ? text.compare(at, 3, std::string(3, quote)) == 0 : text[at] == quote) {
            at += multi ? 3 : 1;
            while (multi && at < text.size() && text[at] == quote) ++at;  // """a"""" ends with a quote in the text
            return at;
        }
        ++at;
    }
    return text.size();
}

std::string toml_quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

}  // namespace kiosk::content
