#pragma once
// Everything the kiosk loads from a bundle folder, checked as one: the education content and
// texts (content library) and the questionnaire and rules (this library). The linter and the
// kiosk both load through here, so what the linter passes is what patients get.
#include <filesystem>

#include "content_bundle.hpp"
#include "screening_content.hpp"

namespace kiosk::screening {

struct KioskBundle {
    content::BundleLoad content;  // its diagnostics hold every problem of the whole bundle, sorted
    ScreeningContent screening;
    // Safe to show to patients: texts complete in English and the questionnaire and every rule
    // loaded. A bundle with any rule error is never used: a missing rule could miss a patient.
    bool usable = false;
};

KioskBundle load_kiosk_bundle(const std::filesystem::path& bundle_dir);

}  // namespace kiosk::screening
