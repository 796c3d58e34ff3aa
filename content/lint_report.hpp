#pragma once
// How `kiosk-content lint` shows a bundle's problems: one "file:line:col: error|warning: message"
// line each plus a summary per locale, or the same as JSON for tools.
#include <string>
#include <string_view>

#include "content_bundle.hpp"

namespace kiosk::content {

// Both start with the folder checked ("bundle: /abs/path", or "bundle" in JSON).
std::string render_text_report(const BundleLoad& load, std::string_view path_prefix);
std::string render_json_report(const BundleLoad& load, std::string_view path_prefix);

// "es (Español): 57/57 translated, 0 missing, 0 stale, draft"
std::string summary_line(const LocaleSummary& s);
// "es (locales/es.toml): NOT READ, so not offered to patients: locales/es.toml:13:50: error: …"
std::string unreadable_line(const UnreadableLocale& u, std::string_view path_prefix = {});

}  // namespace kiosk::content
