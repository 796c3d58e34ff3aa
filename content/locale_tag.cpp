#include "locale_tag.hpp"

#include <array>
#include <memory>

#include <unicode/locdspnm.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

namespace kiosk::content {

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

LanguageTagCheck check_language_tag(std::string_view tag) {
    LanguageTagCheck check;
    const std::string quoted = "'" + std::string(tag) + "'";
    if (tag.empty()) {
        check.problem = "the language tag is empty";
        return check;
    }
    if (tag.find('_') != std::string_view::npos) {
        std::string hyphenated(tag);
        for (char& c : hyphenated) c = c == '_' ? '-' : c;
        check.problem = quoted + " uses '_'; BCP-47 language tags use '-' (write '" + hyphenated + "')";
        return check;
    }
    std::array<char, ULOC_FULLNAME_CAPACITY> id{};
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    const std::string tag_text(tag);
    uloc_forLanguageTag(tag_text.c_str(), id.data(), static_cast<int32_t>(id.size()), &parsed, &status);
    if (U_FAILURE(status) || parsed != static_cast<int32_t>(tag.size()) || id[0] == '\0') {
        check.problem = quoted + " is not a valid BCP-47 language tag (examples: en, es-MX, zh-Hans)";
        return check;
    }
    const icu::Locale locale(id.data());
    if (std::string(locale.getISO3Language()).empty()) {
        check.problem = "'" + std::string(locale.getLanguage()) + "' is not a known language code (use codes such as en, es, ar, zh-Hans)";
        return check;
    }
    status = U_ZERO_ERROR;
    const std::string canonical = locale.toLanguageTag<std::string>(status);
    if (U_FAILURE(status)) {
        check.problem = quoted + " is not a valid BCP-47 language tag";
        return check;
    }
    if (canonical != tag) {
        check.problem = quoted + " should be written '" + canonical + "'";
        return check;
    }
    check.valid = true;
    check.canonical = canonical;
    return check;
}

icu::Locale locale_from_tag(std::string_view tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
    return U_FAILURE(status) ? icu::Locale::getRoot() : locale;
}

std::string likely_script(const icu::Locale& locale) {
    icu::Locale maximized(locale);
    UErrorCode status = U_ZERO_ERROR;
    maximized.addLikelySubtags(status);
    return U_FAILURE(status) ? std::string(locale.getScript()) : std::string(maximized.getScript());
}

std::vector<std::string> same_script_parents(std::string_view tag) {
    std::vector<std::string> parents;
    const icu::Locale start = locale_from_tag(tag);
    const std::string script = likely_script(start);
    std::string id = start.getName();
    while (true) {
        std::array<char, ULOC_FULLNAME_CAPACITY> parent{};
        UErrorCode status = U_ZERO_ERROR;
        uloc_getParent(id.c_str(), parent.data(), static_cast<int32_t>(parent.size()), &status);
        if (U_FAILURE(status) || parent[0] == '\0') break;  // reached root
        const icu::Locale parent_locale(parent.data());
        if (likely_script(parent_locale) != script) break;  // zh-Hant -> zh would switch to Hans
        status = U_ZERO_ERROR;
        parents.push_back(parent_locale.toLanguageTag<std::string>(status));
        id = parent.data();
    }
    return parents;
}

bool language_is_right_to_left(const icu::Locale& locale) {
    icu::Locale maximized(locale);
    UErrorCode status = U_ZERO_ERROR;
    maximized.addLikelySubtags(status);
    return maximized.isRightToLeft();
}

std::string native_language_name(const icu::Locale& locale) {
    std::array<UDisplayContext, 2> contexts{UDISPCTX_CAPITALIZATION_FOR_UI_LIST_OR_MENU, UDISPCTX_DIALECT_NAMES};
    std::unique_ptr<icu::LocaleDisplayNames> names(
        icu::LocaleDisplayNames::createInstance(locale, contexts.data(), static_cast<int32_t>(contexts.size())));
    icu::UnicodeString name;
    if (names) names->localeDisplayName(locale, name);
    return name.isEmpty() ? std::string(locale.getName()) : to_utf8(name);
}

}  // namespace kiosk::content
