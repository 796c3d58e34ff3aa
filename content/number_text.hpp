#pragma once
// Numbers as a patient reads them: in the language's own digits (Arabic: ٤٨), and with a CLDR
// unit written out in words ("48 hours", "48 horas", "٤٨ ساعة", "48小时"). Used where the kiosk
// shows a number the patient typed, not a number inside a text (those go through MessageFormat).
#include <string>
#include <string_view>

namespace kiosk::content {

std::string format_number(std::string_view locale_tag, double value, std::string_view cldr_unit = {});

// Whether ICU knows `unit` as a CLDR unit identifier such as "duration-hour" or "mass-kilogram".
bool is_cldr_unit(std::string_view unit);

}  // namespace kiosk::content
