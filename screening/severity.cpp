#include "severity.hpp"

namespace kiosk::screening {

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::urgent: return "urgent";
        case Severity::stop: return "stop";
        case Severity::caution: return "caution";
        case Severity::info: return "info";
        case Severity::none: break;
    }
    return "none";
}

std::optional<Severity> parse_severity(std::string_view name) {
    for (Severity s : {Severity::urgent, Severity::stop, Severity::caution, Severity::info}) {
        if (severity_name(s) == name) return s;
    }
    return std::nullopt;
}

}  // namespace kiosk::screening
