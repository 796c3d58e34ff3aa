#pragma once
// A named value passed into a message: a number (formatted per locale) or text (a ticket code).
#include <cstdint>
#include <string>
#include <variant>

namespace kiosk::content {

using ArgumentValue = std::variant<std::int64_t, double, std::string>;

struct MessageArgument {
    std::string name;
    ArgumentValue value;
};

}  // namespace kiosk::content
