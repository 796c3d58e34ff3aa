#include "condition_field.hpp"

#include "toml_file.hpp"
#include "toml_string_position.hpp"

namespace kiosk::screening {

std::optional<Condition> read_condition_field(const toml::node& value, const std::string& file, const std::string& file_text,
                                              const Questionnaire& questionnaire, std::size_t question_limit,
                                              content::Diagnostics& diagnostics) {
    const auto text = value.value<std::string>();
    if (!text || !value.is_string()) {
        diagnostics.error(file, content::position_of(value),
                          "a condition must be text in quotes, such as \"heart in [heart_block, heart_damage]\"");
        return std::nullopt;
    }
    auto parsed = parse_condition(*text, questionnaire, question_limit);
    if (auto* error = std::get_if<ConditionError>(&parsed)) {
        diagnostics.error(file, content::position_in_toml_string(file_text, content::position_of(value), error->offset),
                          error->message);
        return std::nullopt;
    }
    return std::get<Condition>(std::move(parsed));
}

}  // namespace kiosk::screening
