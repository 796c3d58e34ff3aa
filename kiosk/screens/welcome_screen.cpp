// Welcome: what the kiosk is for, the language picker (native names), and Start.
#include <algorithm>
#include <cfloat>

#include "screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

std::optional<app::Intent> draw_welcome(ScreenContext& ctx) {
    std::optional<app::Intent> intent = top_bar(ctx, false, app::Intent::Kind::start, {});
    const float width = ctx.column;
    ImGui::Dummy(ImVec2(width, ctx.margin));
    paragraph(ctx, ctx.text("ui.app.title"), ctx.fonts.heading, width, ctx.theme.text);
    paragraph(ctx, ctx.text("ui.welcome.title"), ctx.fonts.heading, width, ctx.theme.text);
    paragraph(ctx, ctx.text("ui.welcome.body"), ctx.fonts.body, width, ctx.theme.text);
    // The picker, two languages a row in reading order (the first on the right in Arabic); none
    // when the kiosk offers one language only.
    const std::vector<app::LanguageChoice>& languages = ctx.flow.languages();
    if (languages.size() > 1) {
        ImGui::Dummy(ImVec2(width, ctx.margin / 2));
        paragraph(ctx, ctx.text("ui.welcome.choose_language"), ctx.fonts.body, width, ctx.theme.muted);
        const float gap = ctx.margin / 2;
        const float half = (width - gap) / 2;
        for (std::size_t row = 0; row < languages.size(); row += 2) {
            const std::vector<std::size_t> order = grid_row(ctx, row, std::min(languages.size(), row + 2), 2, half, gap);
            for (const std::size_t l : order) {
                const app::LanguageChoice& language = languages[l];
                if (l != order.front()) ImGui::SameLine(0, gap);
                const bool chosen = language.tag == ctx.flow.text().locale().tag;
                if (big_button(ctx, "lang:" + language.tag, language.native_name, half, ButtonKind::single_choice, chosen)) {
                    intent = app::Intent{app::Intent::Kind::choose_language, language.tag, 0, 0};
                }
            }
        }
    }
    // For a patient who reads with difficulty: every screen read aloud as it appears, chosen once
    // here (each screen also has its own Read aloud button). Beside Start in landscape, where the
    // height is short; above it in portrait.
    const bool offer_reading = ctx.state.read_aloud.available;
    const bool side_by_side = offer_reading && ctx.landscape;
    const float gap = ctx.margin / 2;
    const float start_width = side_by_side ? (width - gap) / 2 : width;
    const std::string read_label = ctx.text("ui.welcome.read_every_screen");
    const std::string start_label = ctx.text("ui.welcome.start");
    const float row = side_by_side ? std::max(button_height(ctx, read_label, start_width), button_height(ctx, start_label, start_width)) : 0;
    const auto read_every_screen = [&] {
        if (big_button(ctx, "read_every_screen", read_label, start_width, ButtonKind::multiple_choice, ctx.flow.read_every_screen(), row)) {
            intent = app::Intent{app::Intent::Kind::toggle_read_every_screen, {}, 0, 0};
        }
    };
    if (offer_reading && !side_by_side) {
        ImGui::Dummy(ImVec2(width, ctx.margin / 2));
        read_every_screen();
    }
    ImGui::Dummy(ImVec2(width, ctx.margin));
    const std::vector<std::size_t> order = side_by_side ? grid_row(ctx, 0, 2, 2, start_width, gap) : std::vector<std::size_t>{1};
    for (const std::size_t b : order) {
        if (b != order.front()) ImGui::SameLine(0, gap);
        if (b == 0) read_every_screen();
        if (b == 1 && big_button(ctx, "start", start_label, start_width, ButtonKind::primary, false, row)) {
            intent = app::Intent{app::Intent::Kind::start, {}, 0, 0};
        }
    }
    // For staff: a language whose file could not be read is missing from the picker; say which
    // file and line, small, at the foot of the screen.
    for (const content::UnreadableLocale& lost : ctx.flow.unreadable_locales()) {
        ImGui::Dummy(ImVec2(width, ctx.margin / 2));
        const std::vector<content::MessageArgument> where = {{"file", lost.file}, {"line", static_cast<std::int64_t>(lost.error.where.line)}};
        paragraph(ctx, ctx.text("ui.welcome.staff_language_not_read", where), ctx.fonts.body, width, ctx.theme.muted);
    }
    // For staff: a content update was refused and the content in use keeps serving; why.
    if (!ctx.flow.content_notice().empty()) {
        ImGui::Dummy(ImVec2(width, ctx.margin / 2));
        const std::vector<content::MessageArgument> why = {{"reason", ctx.flow.content_notice()}};
        paragraph(ctx, ctx.text("ui.welcome.staff_update_refused", why), ctx.fonts.body, width, ctx.theme.muted);
    }
    // For staff: languages on offer that no medical translator has reviewed (offer_drafts), in
    // small type in the bottom corner, where it does not compete with the patient's words.
    if (ctx.flow.offering_drafts()) {
        const std::string notice = ctx.text("ui.welcome.draft_notice");
        ImFont* font = ctx.fonts.body;
        const float small = font->FontSize * 0.7F;
        const std::string shown = text::visual_line(notice, ctx.rtl ? text::Direction::right_to_left : text::Direction::left_to_right);
        const float w = font->CalcTextSizeA(small, FLT_MAX, 0, shown.c_str()).x;
        const float x = ctx.rtl ? ctx.margin / 2 : ctx.size.x - ctx.margin / 2 - w;
        const ImVec2 at(x, ctx.size.y - small * 1.6F);
        // On a patch of the screen's own background: readable wherever a short screen puts it,
        // even over a button.
        ImDrawList* draw = ImGui::GetForegroundDrawList();
        draw->AddRectFilled(ImVec2(at.x - small * 0.3F, at.y - small * 0.15F), ImVec2(at.x + w + small * 0.3F, at.y + small * 1.25F), ctx.theme.background,
                            small * 0.2F);
        draw->AddText(font, small, at, ctx.theme.muted, shown.c_str());
    }
    // For staff only: an urgent submission waits for acknowledgement. A small dot in the corner
    // where staff sign in, with no ticket and no words, so that it tells a patient nothing.
    if (ctx.flow.staff_mark()) {
        const float r = ctx.margin / 5;
        ImGui::GetForegroundDrawList()->AddCircleFilled(ImVec2(r * 2, r * 2), r, ctx.theme.urgent);
    }
    return intent;
}

}  // namespace kiosk::ui
