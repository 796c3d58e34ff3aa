#pragma once
// Ticket codes: what the patient is shown and staff call out instead of a name. Four characters
// from an alphabet without look-alikes (no O/0, I/1/L, S/5, Z/2, B/8, G/6, U/V), e.g. "K7MX".
// 19^4 = 130,321 codes a day; uniqueness within a day is enforced by the database.
#include <string>
#include <string_view>

namespace kiosk::store {

inline constexpr std::string_view ticket_alphabet = "ACDEFHJKMNPRTWXY347";
inline constexpr std::size_t ticket_length = 4;

std::string random_ticket_code();  // from libsodium's CSPRNG
bool is_valid_ticket_code(std::string_view code);

}  // namespace kiosk::store
