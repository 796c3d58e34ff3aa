#include "number_text.hpp"

#include <optional>

#include <unicode/numberformatter.h>

namespace kiosk::content {

namespace {

// The unit as number skeletons (and MessageFormat's "::measure-unit/duration-hour") name it: the
// same "type-subtype" identifiers content editors already write in locale files.
std::optional<icu::number::UnlocalizedNumberFormatter> with_unit(std::string_view unit) {
    if (unit.empty()) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    const std::string skeleton = "measure-unit/" + std::string(unit) + " unit-width-full-name";
    auto formatter = icu::number::NumberFormatter::forSkeleton(icu::UnicodeString::fromUTF8(skeleton), status);
    if (U_FAILURE(status)) return std::nullopt;
    return formatter;
}

}  // namespace

std::string format_number(std::string_view locale_tag, double value, std::string_view cldr_unit) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(icu::StringPiece(locale_tag.data(), static_cast<int32_t>(locale_tag.size())), status);
    if (U_FAILURE(status)) locale = icu::Locale::getRoot();
    const auto unlocalized = with_unit(cldr_unit).value_or(icu::number::NumberFormatter::with());
    status = U_ZERO_ERROR;
    const icu::UnicodeString formatted = unlocalized.locale(locale).formatDouble(value, status).toString(status);
    if (U_FAILURE(status)) return std::to_string(value);
    std::string out;
    formatted.toUTF8String(out);
    return out;
}

bool is_cldr_unit(std::string_view unit) { return with_unit(unit).has_value(); }

}  // namespace kiosk::content
