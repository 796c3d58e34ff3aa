#include "out_of_service_screen.hpp"

#include <algorithm>
#include <cfloat>

#include "kiosk_flow.hpp"
#include "localized_text.hpp"
#include "text_layout.hpp"

namespace kiosk::ui {

namespace {

// The one sentence that must never be missing, whatever failed.
OutOfServiceNotice built_in_notice() {
    return {"en", false, "This kiosk is not available right now.", "Please ask at the front desk."};
}

// Draws a paragraph on the reading side of the column and moves the cursor below it.
void paragraph(std::string_view logical, const OutOfServiceNotice& notice, ImFont* font, float left, float width, ImU32 colour) {
    const auto measure = [font](std::string_view s) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x; };
    const text::LaidOutParagraph p =
        text::lay_out(logical, notice.locale, notice.rtl ? text::Direction::right_to_left : text::Direction::left_to_right, width, measure);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float y = ImGui::GetCursorScreenPos().y;
    for (const text::LaidOutLine& line : p.lines) {
        const float x = notice.rtl ? left + width - line.width : left;
        draw->AddText(font, font->FontSize, ImVec2(x, y), colour, line.visual.c_str());
        y += font->FontSize * 1.35F;
    }
    ImGui::SetCursorScreenPos(ImVec2(left, y));
}

}  // namespace

std::vector<OutOfServiceNotice> out_of_service_notices(const screening::KioskBundle* bundle, const app::KioskConfig& config) {
    if (bundle == nullptr || !bundle->usable) return {built_in_notice()};
    std::vector<OutOfServiceNotice> notices;
    for (const app::LanguageChoice& language : app::offered_languages(*bundle, config)) {
        const content::LocalizedText text(bundle->content.bundle, language.tag);
        OutOfServiceNotice n{language.tag, text.direction() == content::TextDirection::right_to_left,
                             text.text("ui.out_of_service.title"), text.text("ui.out_of_service.body")};
        if (language.tag == config.default_locale) notices.insert(notices.begin(), std::move(n));
        else notices.push_back(std::move(n));
    }
    if (notices.empty()) notices.push_back(built_in_notice());
    return notices;
}

void draw_out_of_service(const std::vector<OutOfServiceNotice>& notices, std::string_view staff_reason, ImFont* title_font,
                         ImFont* body_font, ImVec2 size) {
    const ImU32 ink = IM_COL32(26, 26, 26, 255);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(247, 247, 242, 255));
    ImGui::Begin("out_of_service", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    const float margin = std::min(size.x, size.y) * 0.06F;
    const float width = size.x - 2 * margin;
    const float block = title_font->FontSize * 1.35F + body_font->FontSize * 1.35F * 2;
    // The notices in the middle of the screen, the first language first.
    const float top = std::max(margin, (size.y - block * static_cast<float>(notices.size())) / 2);
    ImGui::SetCursorScreenPos(ImVec2(margin, top));
    for (const OutOfServiceNotice& notice : notices) {
        paragraph(notice.title, notice, title_font, margin, width, ink);
        paragraph(notice.body, notice, body_font, margin, width, ink);
        ImGui::SetCursorScreenPos(ImVec2(margin, ImGui::GetCursorScreenPos().y + body_font->FontSize));
    }
    // For staff, small and at the foot: what failed, with file and line where there is one.
    const std::string reason = "For staff: " + std::string(staff_reason);
    ImGui::SetCursorScreenPos(ImVec2(margin, size.y - margin - body_font->FontSize * 3));
    ImGui::PushFont(body_font);
    ImGui::SetWindowFontScale(0.7F);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(90, 90, 90, 255));
    ImGui::PushTextWrapPos(margin + width);
    ImGui::TextUnformatted(reason.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SetWindowFontScale(1.0F);
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace kiosk::ui
