#pragma once
// Which staff numbers and PINs are accepted: numbers of 1 to 10 digits (typed on the kiosk's
// keypad), PINs of at least 6 digits that are not easy to guess (one digit repeated, a run such
// as 123456 or 987654, a short pattern repeated such as 121212 or 123123, a well-known PIN, or the
// staff number itself). Checked by `kiosk-store staff add|reset`; the message says what is wrong.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::store {

[[nodiscard]] std::optional<std::string> staff_number_problem(std::string_view staff_number);
[[nodiscard]] std::optional<std::string> pin_problem(std::string_view staff_number, std::string_view pin);

}  // namespace kiosk::store
