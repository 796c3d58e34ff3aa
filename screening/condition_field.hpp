#pragma once
// Parses a condition written as a TOML string value, reporting an error at its exact line and
// column in the file (the parser's offset mapped through the string's quotes and escapes).
#include <optional>
#include <string>

#include <toml++/toml.h>

#include "condition.hpp"
#include "diagnostic.hpp"

namespace kiosk::screening {

std::optional<Condition> read_condition_field(const toml::node& value, const std::string& file, const std::string& file_text,
                                              const Questionnaire& questionnaire, std::size_t question_limit,
                                              content::Diagnostics& diagnostics);

}  // namespace kiosk::screening
