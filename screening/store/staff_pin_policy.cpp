#include "staff_pin_policy.hpp"

#include <algorithm>
#include <array>

namespace kiosk::store {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 123456, 234567, 987654, 0123…: each digit one more (or one less) than the last, wrapping 9→0.
bool is_run(std::string_view pin) {
    for (const int step : {1, 9}) {
        bool run = true;
        for (std::size_t i = 1; i < pin.size() && run; ++i) run = (pin[i] - '0') == ((pin[i - 1] - '0') + step) % 10;
        if (run) return true;
    }
    return false;
}

// 121212, 123123, 000000: a pattern of at most half the length, repeated.
bool is_repeated_pattern(std::string_view pin) {
    for (std::size_t period = 1; period <= pin.size() / 2; ++period) {
        if (pin.size() % period != 0) continue;
        bool repeated = true;
        for (std::size_t i = period; i < pin.size() && repeated; ++i) repeated = pin[i] == pin[i - period];
        if (repeated) return true;
    }
    return false;
}

}  // namespace

std::optional<std::string> staff_number_problem(std::string_view staff_number) {
    if (!all_digits(staff_number) || staff_number.size() > 10) {
        return "a staff number is 1 to 10 digits (staff sign in on the kiosk's number keypad): '" + std::string(staff_number) + "'";
    }
    return std::nullopt;
}

std::optional<std::string> pin_problem(std::string_view staff_number, std::string_view pin) {
    if (!all_digits(pin)) return "a PIN is digits only (it is typed on the kiosk's number keypad)";
    if (pin.size() < 6) return "a PIN needs at least 6 digits (this one has " + std::to_string(pin.size()) + ")";
    if (pin.size() > 12) return "a PIN has at most 12 digits";
    if (is_repeated_pattern(pin)) return "this PIN repeats a short pattern (such as 111111 or 121212): choose one that is harder to guess";
    if (is_run(pin)) return "this PIN is a run of digits (such as 123456 or 987654): choose one that is harder to guess";
    static constexpr std::array<std::string_view, 8> well_known = {"112233", "123321", "654321", "159753", "147258", "696969", "102030", "520520"};
    if (std::find(well_known.begin(), well_known.end(), pin) != well_known.end()) return "this PIN is among the most often used: choose another";
    if (pin.find(staff_number) != std::string_view::npos || staff_number.find(pin) != std::string_view::npos) {
        return "the PIN may not contain the staff number";
    }
    return std::nullopt;
}

}  // namespace kiosk::store
