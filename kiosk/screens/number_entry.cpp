// A number question's answer: the number typed so far (in the language's digits, with its unit in
// words), the range it must fall in, and a phone-style keypad with finger-sized keys. The flow
// keeps the digits; this only draws them and turns key presses into intents.
#include <algorithm>

#include "number_text.hpp"
#include "screens.hpp"
#include "widgets.hpp"

namespace kiosk::ui {

std::optional<app::Intent> draw_number_entry(ScreenContext& ctx, const screening::Question& q, float width) {
    const content::LocalizedText& t = ctx.flow.text();
    const std::string& tag = t.locale().tag;
    const std::string entry = ctx.flow.number_entry();
    const bool answered = ctx.flow.session().answer(*ctx.flow.session().current_question()).given;
    // Red only when no further digit can bring the number into range ("5" for 6 to 48), not on
    // the way to a valid one ("1" on the way to "12").
    const bool stuck = !entry.empty() && !answered && std::stod(entry) * 10 > q.maximum;

    const std::vector<content::MessageArgument> range = {{"min", q.minimum}, {"max", q.maximum}};
    paragraph(ctx, t.text("ui.question.number_range", range), ctx.fonts.body, width, stuck ? ctx.theme.urgent : ctx.theme.muted);

    // The display: what was typed, as the patient reads numbers.
    entry_display(ctx, entry.empty() ? std::string() : content::format_number(tag, std::stod(entry), q.unit), width);

    std::optional<app::Intent> intent;
    if (const auto key = phone_keypad(ctx, width, t.text("ui.question.number_delete"), false)) intent = app::Intent{app::Intent::Kind::number_key, *key, 0, 0};
    return intent;
}

}  // namespace kiosk::ui
