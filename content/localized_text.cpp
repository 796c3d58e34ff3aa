#include "localized_text.hpp"

#include <algorithm>

#include <memory>

#include <unicode/localematcher.h>

#include "locale_tag.hpp"

namespace kiosk::content {

namespace {

const LocaleTexts& match_locale(const ContentBundle& bundle, std::string_view requested_tag) {
    const LanguageTagCheck check = check_language_tag(requested_tag);
    if (!check.valid) return bundle.base();

    std::vector<icu::Locale> supported;
    supported.reserve(bundle.locales.size());
    for (const LocaleTexts& l : bundle.locales) supported.push_back(l.locale);
    const icu::Locale desired = locale_from_tag(check.canonical);

    UErrorCode status = U_ZERO_ERROR;
    icu::LocaleMatcher matcher = icu::LocaleMatcher::Builder()
                                     .setSupportedLocales(supported.begin(), supported.end())
                                     .setDefaultLocale(&bundle.base().locale)
                                     .build(status);
    if (U_FAILURE(status)) return bundle.base();
    // The result points into `supported`, which stays alive for this whole function.
    const icu::LocaleMatcher::Result result = matcher.getBestMatchResult(desired, status);
    const int32_t index = result.getSupportedIndex();
    if (U_FAILURE(status) || index < 0) return bundle.base();
    const LocaleTexts& best = bundle.locales[static_cast<std::size_t>(index)];
    // CLDR lets zh-Hant match zh-Hans at a distance; a reader of one script may not read the other.
    if (likely_script(best.locale) != likely_script(desired)) return bundle.base();
    return best;
}

}  // namespace

LocaleChoice choose_locale(const ContentBundle& bundle, std::string_view requested_tag) {
    LocaleChoice choice;
    const LocaleTexts& best = match_locale(bundle, requested_tag);
    choice.chain.push_back(&best);
    for (const std::string& parent : same_script_parents(best.tag)) {
        if (const LocaleTexts* l = bundle.find(parent)) choice.chain.push_back(l);
    }
    if (&best != &bundle.base()) choice.chain.push_back(&bundle.base());
    return choice;
}

LocalizedText::LocalizedText(const ContentBundle& bundle, std::string_view requested_tag)
    : choice_(choose_locale(bundle, requested_tag)) {}

std::string LocalizedText::spoken(std::string_view key, std::span<const MessageArgument> arguments) const {
    const std::string k(key);
    for (const LocaleTexts* locale : choice_.chain) {
        if (!locale->messages.contains(k)) continue;  // not the locale the text is shown from
        if (const auto it = locale->spoken.find(k); it != locale->spoken.end()) {
            if (std::optional<std::string> formatted = it->second.format(arguments); formatted && !formatted->empty()) return *formatted;
        }
        break;
    }
    return text(key, arguments);
}

std::string LocalizedText::text(std::string_view key, std::span<const MessageArgument> arguments) const {
    const std::string k(key);
    for (std::size_t i = 0; i < choice_.chain.size(); ++i) {
        const auto& messages = choice_.chain[i]->messages;
        const auto it = messages.find(k);
        if (it == messages.end()) continue;
        if (std::optional<std::string> formatted = it->second.format(arguments); formatted && !formatted->empty()) {
            if (i > 0) ++fallbacks_served_;
            if (i > 0 && mark_fallbacks_) {
                if (std::find(fallback_keys_.begin(), fallback_keys_.end(), k) == fallback_keys_.end()) fallback_keys_.push_back(k);
                *formatted = "[" + choice_.chain[i]->tag + "] " + *formatted;
            }
            if (record_served_ && served_.size() < 10000) served_.emplace_back(k, *formatted);
            return *formatted;
        }
    }
    ++unavailable_served_;
    return "\u2026";
}

}  // namespace kiosk::content
