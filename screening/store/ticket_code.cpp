#include "ticket_code.hpp"

#include <sodium.h>

namespace kiosk::store {

std::string random_ticket_code() {
    std::string code;
    for (std::size_t i = 0; i < ticket_length; ++i) {
        code.push_back(ticket_alphabet[randombytes_uniform(static_cast<std::uint32_t>(ticket_alphabet.size()))]);
    }
    return code;
}

bool is_valid_ticket_code(std::string_view code) {
    if (code.size() != ticket_length) return false;
    for (char c : code) {
        if (ticket_alphabet.find(c) == std::string_view::npos) return false;
    }
    return true;
}

}  // namespace kiosk::store
