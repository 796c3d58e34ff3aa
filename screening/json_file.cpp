#include "json_file.hpp"

#include <fstream>
#include <sstream>

namespace kiosk::screening {

namespace {

std::string position_in_text(const std::string& file, const std::string& text, std::size_t byte) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
            ++column;
        }
    }
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

std::variant<nlohmann::json, std::string> read_json_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return file.string() + ": cannot read the file";
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann counts the byte after the problem; step back onto it.
        return position_in_text(file.string(), text, e.byte > 0 ? e.byte - 1 : 0) + ": not valid JSON (" + e.what() + ")";
    }
}

}  // namespace kiosk::screening
