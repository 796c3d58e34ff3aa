#pragma once
// The screen a kiosk shows when start-up failed: one sentence for patients in every language the
// kiosk offers (when the content loaded; English otherwise) and the reason, for staff, at the foot.
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk_bundle.hpp"
#include "kiosk_config.hpp"

namespace kiosk::ui {

struct OutOfServiceNotice {
    std::string locale;  // BCP 47 tag
    bool rtl = false;
    std::string title;
    std::string body;
};

// The notices in the order the language picker shows its languages, the default one first; only
// the built-in English one when the content could not be loaded.
std::vector<OutOfServiceNotice> out_of_service_notices(const screening::KioskBundle* bundle, const app::KioskConfig& config);

// Fonts may be Dear ImGui's own (no fonts found), which only has Latin: then pass the English
// notice alone.
void draw_out_of_service(const std::vector<OutOfServiceNotice>& notices, std::string_view staff_reason, ImFont* title_font,
                         ImFont* body_font, ImVec2 size);

}  // namespace kiosk::ui
