#pragma once
// A plain-text rendering of every education page in one language, so that a content editor can
// read their work as a patient would, without a kiosk (`kiosk-content preview es`).
#include <string>

#include "localized_text.hpp"

namespace kiosk::content {

std::string render_pages_as_text(const ContentBundle& bundle, const LocalizedText& text);

}  // namespace kiosk::content
