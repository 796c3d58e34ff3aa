#include "page_preview.hpp"

namespace kiosk::content {

std::string render_pages_as_text(const ContentBundle& bundle, const LocalizedText& text) {
    std::string out;
    int page_number = 0;
    for (const EducationPage& page : bundle.structure.pages) {
        out += "=== " + std::to_string(++page_number) + ". " + text.text(page.title) + "  [" + page.id + "]\n\n";
        for (const PageBlock& block : page.blocks) {
            switch (block.kind) {
                case PageBlock::Kind::heading: out += "## " + text.text(block.text) + "\n\n"; break;
                case PageBlock::Kind::paragraph: out += text.text(block.text) + "\n\n"; break;
                case PageBlock::Kind::list: {
                    int n = 0;
                    for (const TextRef& item : block.items) {
                        out += block.numbered ? "  " + std::to_string(++n) + ". " : "  - ";
                        out += text.text(item) + "\n";
                    }
                    out += "\n";
                    break;
                }
                case PageBlock::Kind::table: {
                    std::string header = "|";
                    for (const TextRef& c : block.table.columns) header += " " + text.text(c) + " |";
                    out += header + "\n";
                    for (const auto& row : block.table.rows) {
                        std::string line = "|";
                        for (const TextRef& cell : row) line += " " + text.text(cell) + " |";
                        out += line + "\n";
                    }
                    out += "\n";
                    break;
                }
                case PageBlock::Kind::image:
                    out += "[image " + block.image.path + ": " + text.text(block.image.alt) + "]\n\n";
                    break;
            }
        }
        out += "— " + text.text(bundle.structure.page_footer) + "\n\n";
    }
    return out;
}

}  // namespace kiosk::content
