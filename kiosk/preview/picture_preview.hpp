#pragma once
// kiosk-content preview --png: every patient screen in each locale, drawn by the kiosk's own
// program into PNGs (on Xvfb, started here when there is no display), and index.html, a contact
// sheet with one row per screen and one column per locale, what does not fit beside each picture.
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk_bundle.hpp"

namespace kiosk::preview {

struct PicturePreviewRequest {
    std::filesystem::path bundle_dir;
    std::vector<std::string> locales;               // empty: every locale of the bundle
    std::vector<std::pair<int, int>> sizes;         // empty: portrait 1080x1920
    bool larger_text = false;                       // also with larger text
    bool high_contrast = false;                     // also in high contrast
    std::filesystem::path out_dir;
};

struct PicturePreview {
    std::size_t pictures = 0;
    std::size_t findings = 0;        // texts that do not fit, over every picture
    std::size_t fallback_texts = 0;  // texts shown from a fallback language, over every picture
    std::filesystem::path contact_sheet;
    std::vector<std::string> problems;  // screens that could not be drawn or saved
    std::string failure;             // nothing could be drawn (no display, no fonts)
};

PicturePreview render_picture_preview(const PicturePreviewRequest& request, const screening::KioskBundle& bundle,
                                      const content::BundleLoad& load);

}  // namespace kiosk::preview
