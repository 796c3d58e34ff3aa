#pragma once
// One localized text, checked and compiled once at load time with ICU MessageFormat.
//
// Compiling also records the message's shape (its argument names, plural and select cases), so
// that the bundle checker can compare a translation with the English text, and rewrites every
// argument as FSI…PDI (U+2068…U+2069) so that numbers and codes keep their order inside
// right-to-left sentences.
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/locid.h>

#include "message_argument.hpp"

#include <unicode/utypes.h>
U_NAMESPACE_BEGIN
class MessageFormat;
U_NAMESPACE_END

namespace kiosk::content {

struct ChoiceArgument {
    std::string name;
    enum class Kind { plural, ordinal, select } kind = Kind::plural;
    std::vector<std::string> cases;  // keyword cases only ("one", "other", "female"); "=0" is left out
    std::size_t offset = 0;          // code points from the start of the text to the argument's '{'
};

struct MessageShape {
    std::vector<std::string> arguments;  // sorted and unique
    std::vector<ChoiceArgument> choices;
};

struct MessageProblem {
    std::size_t offset = 0;  // code points from the start of the text
    std::string message;
};

class CompiledMessage {
public:
    static CompiledMessage compile(std::string_view text, const icu::Locale& locale);

    CompiledMessage(CompiledMessage&&) noexcept;
    CompiledMessage& operator=(CompiledMessage&&) noexcept;
    ~CompiledMessage();

    bool ok() const { return !problem_.has_value(); }
    const std::optional<MessageProblem>& problem() const { return problem_; }
    const MessageShape& shape() const { return shape_; }
    const std::string& source_text() const { return source_; }

    // Formats with isolated arguments. Nothing when an argument the text uses is not given (the
    // caller then falls back rather than show a raw "{name}") or when ICU fails.
    [[nodiscard]] std::optional<std::string> format(std::span<const MessageArgument> arguments) const;

private:
    CompiledMessage() = default;

    std::string source_;
    std::optional<MessageProblem> problem_;
    MessageShape shape_;
    std::unique_ptr<icu::MessageFormat> format_;  // null for plain text without any syntax
};

// The plural categories a language distinguishes (CLDR via ICU PluralRules): en {one, other},
// ar {zero, one, two, few, many, other}, zh-Hans {other}.
std::vector<std::string> plural_categories(const icu::Locale& locale, bool ordinal);

}  // namespace kiosk::content
