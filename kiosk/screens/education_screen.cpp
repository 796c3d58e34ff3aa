// Education pages: text, headings, lists, tables and pictures from the bundle, each page ending
// with the reminder that the kiosk does not replace a clinician. Reading them is optional.
#include <algorithm>
#include <string>

#include "number_text.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

namespace {

void draw_block(ScreenContext& ctx, const content::PageBlock& block, float width) {
    const content::LocalizedText& t = ctx.flow.text();
    switch (block.kind) {
        case content::PageBlock::Kind::heading: paragraph(ctx, t.text(block.text), ctx.fonts.heading, width, ctx.theme.text); break;
        case content::PageBlock::Kind::paragraph: paragraph(ctx, t.text(block.text), ctx.fonts.body, width, ctx.theme.text); break;
        case content::PageBlock::Kind::list: {
            int n = 0;
            for (const content::TextRef& item : block.items) {
                // In the language's digits, as page and question numbers are (Arabic: ١. ٢. ٣.).
                const std::string marker = block.numbered ? content::format_number(t.locale().tag, ++n) + "." : "\u2022";
                // Logically first, so it is drawn on the reading side (the right in Arabic); isolated so
                // that "1." keeps its order inside right-to-left text.
                const std::string line = "\u2068" + marker + "\u2069 " + t.text(item);
                paragraph(ctx, line, ctx.fonts.body, width, ctx.theme.text);
            }
            break;
        }
        case content::PageBlock::Kind::table: {
            std::vector<std::string> header;
            for (const content::TextRef& c : block.table.columns) header.push_back(t.text(c));
            std::vector<std::vector<std::string>> rows;
            for (const auto& row : block.table.rows) {
                rows.emplace_back();
                for (const content::TextRef& cell : row) rows.back().push_back(t.text(cell));
            }
            table(ctx, header, rows, width);
            break;
        }
        case content::PageBlock::Kind::image: {
            const std::optional<ui::ImageTexture> image = ctx.state.image_for ? ctx.state.image_for(block.image.path) : std::nullopt;
            if (image) {
                const float shown = std::min(width * 0.8F, image->width * std::min(ctx.size.x, ctx.size.y) / 1080.0F);
                const float height = shown * image->height / image->width;
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - shown) / 2);
                ImGui::Image(image->id, ImVec2(shown, height));
            }
            // The description is also the caption: it says what the picture shows in words.
            paragraph(ctx, t.text(block.image.alt), ctx.fonts.body, width, ctx.theme.muted);
            break;
        }
    }
    ImGui::Dummy(ImVec2(width, ctx.fonts.body->FontSize * 0.6F));
}

}  // namespace

std::optional<app::Intent> draw_education(ScreenContext& ctx) {
    const content::LocalizedText& t = ctx.flow.text();
    const std::vector<content::MessageArgument> progress = {{"current", static_cast<std::int64_t>(ctx.flow.page() + 1)},
                                                            {"total", static_cast<std::int64_t>(ctx.flow.page_count())}};
    std::optional<app::Intent> intent =
        top_bar(ctx, true, app::Intent::Kind::previous_page, t.text("ui.nav.page_progress", progress),
                static_cast<float>(ctx.flow.page() + 1) / static_cast<float>(std::max<std::size_t>(1, ctx.flow.page_count())));
    const float width = ctx.column;
    // Room below for the two buttons as tall as their labels make them (never pushed off screen).
    const float gap = ctx.margin / 2;
    const float half = (width - gap) / 2;
    const std::string leave = t.text(ctx.flow.reading_from_questions() ? "ui.education.back_to_questions" : "ui.education.skip");
    const std::string next = t.text("ui.nav.next");
    const float height = std::max(button_height(ctx, leave, half), button_height(ctx, next, half));
    begin_scrolling_area(ctx, height + ctx.margin);
    const content::EducationPage& page = ctx.flow.current_page();
    paragraph(ctx, t.text(page.title), ctx.fonts.heading, width, ctx.theme.text);
    for (const content::PageBlock& block : page.blocks) draw_block(ctx, block, width);
    paragraph(ctx, t.text(ctx.flow.page_footer()), ctx.fonts.body, width, ctx.theme.muted);
    end_scrolling_area(ctx);
    // Reading is optional: "Skip reading" (or, when the pages were opened from the questions,
    // "Back to the questions") beside "Next", Next on the reading-end side.
    const std::vector<std::size_t> order = grid_row(ctx, 0, 2, 2, half, gap);
    for (const std::size_t b : order) {
        if (b != order.front()) ImGui::SameLine(0, gap);
        if (b == 0 && big_button(ctx, "skip", leave, half, ButtonKind::secondary, false, height)) {
            intent = app::Intent{app::Intent::Kind::skip_reading, {}, 0, 0};
        }
        if (b == 1 && big_button(ctx, "next", next, half, ButtonKind::primary, false, height)) {
            intent = app::Intent{app::Intent::Kind::next_page, {}, 0, 0};
        }
    }
    return intent;
}

}  // namespace kiosk::ui
