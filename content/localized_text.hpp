#pragma once
// What a screen asks for a text: the requested language is matched to a shipped locale with ICU
// LocaleMatcher, and each key is looked up along a fallback chain (es-MX, es, en) that never
// crosses scripts. A patient never sees a raw key, a raw "{placeholder}" or a blank.
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content_bundle.hpp"

namespace kiosk::content {

// The shipped locale that best serves `requested`, and the chain of locales to try per key.
struct LocaleChoice {
    std::vector<const LocaleTexts*> chain;  // chosen locale first, base locale last
    const LocaleTexts& chosen() const { return *chain.front(); }
};

// Never crosses scripts: zh-Hant gets English, not Simplified Chinese. An unknown or invalid
// request gets the base locale.
LocaleChoice choose_locale(const ContentBundle& bundle, std::string_view requested_tag);

class LocalizedText {
public:
    LocalizedText(const ContentBundle& bundle, std::string_view requested_tag);

    const LocaleTexts& locale() const { return choice_.chosen(); }
    TextDirection direction() const { return choice_.chosen().direction; }

    // Formats the text in the first locale of the chain that has it. Shows "…" only if even the
    // base locale cannot (which the linter and the loader rule out for every known key).
    std::string text(std::string_view key, std::span<const MessageArgument> arguments = {}) const;
    std::string text(const TextRef& ref) const { return text(ref.key, ref.arguments); }
    // What is said when the text is read aloud: the spoken form ([spoken] in the locale file) of
    // the locale that serves the text, else the text as shown.
    std::string spoken(std::string_view key, std::span<const MessageArgument> arguments = {}) const;

    // Previews: a text served by a fallback locale comes back marked with that locale's tag,
    // "[en] Next", so that an editor sees in the picture what is not translated yet; the keys
    // served so are kept for the report.
    void mark_fallbacks(bool on) { mark_fallbacks_ = on; }
    const std::vector<std::string>& fallback_keys() const { return fallback_keys_; }
    // Previews and layout lint: every (key, text) served, so that a text that does not fit is
    // traced back to its key and its line in the locale file.
    void record_served(bool on) { record_served_ = on; }
    const std::vector<std::pair<std::string, std::string>>& served() const { return served_; }

    // How many texts were served by a fallback locale or not at all, since construction.
    int fallbacks_served() const { return fallbacks_served_; }
    int unavailable_served() const { return unavailable_served_; }

private:
    LocaleChoice choice_;
    mutable int fallbacks_served_ = 0;
    mutable int unavailable_served_ = 0;
    bool mark_fallbacks_ = false;
    mutable std::vector<std::string> fallback_keys_;  // while marking, each key once
    bool record_served_ = false;
    mutable std::vector<std::pair<std::string, std::string>> served_;
};

}  // namespace kiosk::content
