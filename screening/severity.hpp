#pragma once
// How urgently staff must speak with the patient. The kiosk never clears anyone: "none" only
// means no rule fired, and staff still review every answer before treatment.
#include <optional>
#include <string_view>

namespace kiosk::screening {

// Ordered: a higher value is more urgent, so the outcome is the maximum over fired rules.
enum class Severity { none = 0, info = 1, caution = 2, stop = 3, urgent = 4 };

std::string_view severity_name(Severity s);  // "urgent", "stop", "caution", "info", "none"
std::optional<Severity> parse_severity(std::string_view name);  // rules may not say "none"

}  // namespace kiosk::screening
