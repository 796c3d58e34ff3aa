#include "compiled_message.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include <unicode/fmtable.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/plurrule.h>
#include <unicode/strenum.h>
#include <unicode/utypes.h>

#include "input_limits.hpp"
#include "locale_tag.hpp"

namespace kiosk::content {

namespace {

constexpr char16_t first_strong_isolate = u'\u2068';
constexpr char16_t pop_directional_isolate = u'\u2069';

// Text with no braces and no doubled apostrophe means the same to MessageFormat as it says, so it
// needs no ICU object: most education paragraphs take this path, which keeps loading fast.
bool is_plain_text(std::string_view text) {
    return text.find_first_of("{}") == std::string_view::npos && text.find("''") == std::string_view::npos;
}

std::string explain(UErrorCode status) {
    switch (status) {
        case U_UNMATCHED_BRACES: return "a '{' has no matching '}'";
        case U_PATTERN_SYNTAX_ERROR:
        case U_MESSAGE_PARSE_ERROR:
            return "message syntax error: braces must hold {name}, {name, number}, {name, plural, …} or {name, select, …}";
        case U_DEFAULT_KEYWORD_MISSING: return "a plural or select must have an 'other {…}' case";
        case U_DUPLICATE_KEYWORD: return "the same case is written twice in one plural or select";
        case U_UNDEFINED_KEYWORD: return "unknown case keyword in a plural or select";
        case U_ILLEGAL_ARGUMENT_ERROR:
            return "invalid placeholder: write {name}, {name, number}, {name, plural, …} or {name, select, …}";
        case U_NUMBER_SKELETON_SYNTAX_ERROR:
            return "unknown number format after '::' (see docs/CONTENT.md for the ones to use)";
        case U_ARGUMENT_TYPE_MISMATCH: return "a placeholder is used with two different types";
        default: return std::string("message syntax error (ICU: ") + u_errorName(status) + ")";
    }
}

std::size_t code_points_before(const icu::UnicodeString& s, int32_t utf16_index) {
    const int32_t clamped = std::clamp<int32_t>(utf16_index, 0, s.length());
    return static_cast<std::size_t>(s.countChar32(0, clamped));
}

// The same for indexes met mostly in increasing order (the parts of a pattern): each call counts
// on from the last, so a long text with many placeholders is counted about once, not once per
// placeholder (which made lint quadratic in the text).
class CodePointOffsets {
public:
    explicit CodePointOffsets(const icu::UnicodeString& s) : s_(s) {}
    std::size_t before(int32_t utf16_index) {
        const int32_t clamped = std::clamp<int32_t>(utf16_index, 0, s_.length());
        if (clamped < index_) {
            index_ = 0;
            count_ = 0;
        }
        count_ += static_cast<std::size_t>(s_.countChar32(index_, clamped - index_));
        index_ = clamped;
        return count_;
    }

private:
    const icu::UnicodeString& s_;
    int32_t index_ = 0;
    std::size_t count_ = 0;
};

// How deep '{' nest in a pattern, outside ICU's apostrophe quoting ('{' quoted, '' an
// apostrophe), and where it first goes deeper than `limit`. A plural or select inside another
// is two levels deeper (its own brace and its case's). ICU parses and formats nested messages
// recursively: a hostile text of thousands of levels crashed the kiosk inside ICU.
std::optional<int32_t> nesting_deeper_than(const icu::UnicodeString& s, int limit) {
    int depth = 0;
    bool quoted = false;
    for (int32_t i = 0; i < s.length(); ++i) {
        const char16_t c = s.charAt(i);
        if (c == u'\'') {
            if (i + 1 < s.length() && s.charAt(i + 1) == u'\'') {
                ++i;  // '' is an apostrophe, in quotes or not
            } else if (quoted) {
                quoted = false;
            } else if (i + 1 < s.length() && (s.charAt(i + 1) == u'{' || s.charAt(i + 1) == u'}' || s.charAt(i + 1) == u'#' || s.charAt(i + 1) == u'|')) {
                quoted = true;
            }
        } else if (!quoted && c == u'{') {
            if (++depth > limit) return i;
        } else if (!quoted && c == u'}') {
            --depth;
        }
    }
    return std::nullopt;
}

// ICU reports "no other case" at offset 0; point at the first plural or select instead.
int32_t first_choice_argument(const icu::UnicodeString& s) {
    for (const char16_t* word : {u"plural", u"select"}) {
        const int32_t at = s.indexOf(icu::UnicodeString(word));
        if (at >= 0) {
            const int32_t brace = s.lastIndexOf(u'{', 0, at);
            return brace >= 0 ? brace : at;
        }
    }
    return 0;
}

// ICU reports an unclosed '{' at offset 0; find it (or a stray '}') so the editor is sent there.
int32_t unbalanced_brace(const icu::UnicodeString& s) {
    std::vector<int32_t> open;
    for (int32_t i = 0; i < s.length(); ++i) {
        const char16_t c = s.charAt(i);
        if (c == u'\'' && i + 1 < s.length() && (s.charAt(i + 1) == u'{' || s.charAt(i + 1) == u'}')) {
            const int32_t close = s.indexOf(u'\'', i + 1);  // a quoted literal brace
            if (close < 0) break;
            i = close;
        } else if (c == u'{') {
            open.push_back(i);
        } else if (c == u'}') {
            if (open.empty()) return i;
            open.pop_back();
        }
    }
    return open.empty() ? 0 : open.front();
}

std::vector<std::string> enumerate(icu::StringEnumeration* keywords) {
    std::vector<std::string> out;
    if (keywords == nullptr) return out;
    UErrorCode status = U_ZERO_ERROR;
    while (const char* keyword = keywords->next(nullptr, status)) {
        if (U_FAILURE(status)) break;
        out.emplace_back(keyword);
    }
    delete keywords;
    std::sort(out.begin(), out.end());
    return out;
}

struct Insertion {
    int32_t index;
    char16_t mark;
};

}  // namespace

CompiledMessage::CompiledMessage(CompiledMessage&&) noexcept = default;
CompiledMessage& CompiledMessage::operator=(CompiledMessage&&) noexcept = default;
CompiledMessage::~CompiledMessage() = default;

CompiledMessage CompiledMessage::compile(std::string_view text, const icu::Locale& locale) {
    CompiledMessage m;
    m.source_ = std::string(text);
    if (is_plain_text(text)) return m;

    const icu::UnicodeString pattern = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (const std::optional<int32_t> deep = nesting_deeper_than(pattern, 2 * limits::message_nesting + 1)) {
        m.problem_ = MessageProblem{code_points_before(pattern, *deep),
                                    "plural and select nest more than " + std::to_string(limits::message_nesting) + " levels deep here"};
        return m;
    }
    UParseError parse_error{};
    UErrorCode status = U_ZERO_ERROR;
    icu::MessagePattern parts(pattern, &parse_error, status);
    if (U_FAILURE(status)) {
        int32_t at = parse_error.offset;
        if (status == U_DEFAULT_KEYWORD_MISSING) at = first_choice_argument(pattern);
        if (status == U_UNMATCHED_BRACES) at = unbalanced_brace(pattern);
        m.problem_ = MessageProblem{code_points_before(pattern, at), explain(status)};
        return m;
    }

    std::vector<Insertion> isolates;
    CodePointOffsets offsets(pattern);
    for (int32_t i = 0; i < parts.countParts(); ++i) {
        const icu::MessagePattern::Part& part = parts.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_REPLACE_NUMBER) {  // '#' inside a plural
            isolates.push_back({part.getIndex(), first_strong_isolate});
            isolates.push_back({part.getLimit(), pop_directional_isolate});
            continue;
        }
        if (part.getType() != UMSGPAT_PART_TYPE_ARG_START) continue;

        const icu::MessagePattern::Part& name_part = parts.getPart(i + 1);
        const std::size_t offset = offsets.before(part.getIndex());
        if (name_part.getType() == UMSGPAT_PART_TYPE_ARG_NUMBER) {
            m.problem_ = MessageProblem{offset, "numbered placeholder {" + to_utf8(parts.getSubstring(name_part)) +
                                                    "}: use the name given in the English text, such as {minutes}"};
            return m;
        }
        const std::string name = to_utf8(parts.getSubstring(name_part));
        m.shape_.arguments.push_back(name);
        const int32_t limit = parts.getLimitPartIndex(i);

        switch (part.getArgType()) {
            case UMSGPAT_ARG_TYPE_NONE:
            case UMSGPAT_ARG_TYPE_SIMPLE:
                isolates.push_back({part.getIndex(), first_strong_isolate});
                isolates.push_back({parts.getPart(limit).getLimit(), pop_directional_isolate});
                break;
            case UMSGPAT_ARG_TYPE_CHOICE:
                m.problem_ = MessageProblem{offset, "'choice' is not supported: use {" + name + ", plural, …}"};
                return m;
            case UMSGPAT_ARG_TYPE_PLURAL:
            case UMSGPAT_ARG_TYPE_SELECTORDINAL:
            case UMSGPAT_ARG_TYPE_SELECT: {
                ChoiceArgument choice;
                std::set<std::string> seen;
                choice.name = name;
                choice.offset = offset;
                choice.kind = part.getArgType() == UMSGPAT_ARG_TYPE_SELECT ? ChoiceArgument::Kind::select
                              : part.getArgType() == UMSGPAT_ARG_TYPE_PLURAL ? ChoiceArgument::Kind::plural
                                                                             : ChoiceArgument::Kind::ordinal;
                for (int32_t j = i + 2; j < limit;) {
                    const icu::MessagePattern::Part& p = parts.getPart(j);
                    if (p.getType() == UMSGPAT_PART_TYPE_ARG_SELECTOR) {
                        const std::string selector = to_utf8(parts.getSubstring(p));
                        // ICU takes the first of two equal cases silently; an editor meant something else.
                        if (!seen.insert(selector).second) {
                            m.problem_ = MessageProblem{offsets.before(p.getIndex()),
                                                        "the case '" + selector + "' is written twice in {" + name + ", …}"};
                            return m;
                        }
                        if (!selector.starts_with('=')) choice.cases.push_back(selector);
                        ++j;
                    } else if (p.getType() == UMSGPAT_PART_TYPE_MSG_START) {
                        j = parts.getLimitPartIndex(j) + 1;
                    } else {
                        ++j;
                    }
                }
                std::sort(choice.cases.begin(), choice.cases.end());
                m.shape_.choices.push_back(std::move(choice));
                break;
            }
        }
    }
    std::sort(m.shape_.arguments.begin(), m.shape_.arguments.end());
    m.shape_.arguments.erase(std::unique(m.shape_.arguments.begin(), m.shape_.arguments.end()), m.shape_.arguments.end());

    // The marks go in with one pass over the text (inserting them one by one was quadratic).
    // Marks at the same index go in the reverse of the order they were found, as inserting each
    // from the back did before.
    std::reverse(isolates.begin(), isolates.end());
    std::stable_sort(isolates.begin(), isolates.end(), [](const Insertion& a, const Insertion& b) { return a.index < b.index; });
    icu::UnicodeString isolated;
    int32_t copied = 0;
    for (const Insertion& ins : isolates) {
        isolated.append(pattern, copied, ins.index - copied);
        isolated.append(ins.mark);
        copied = ins.index;
    }
    isolated.append(pattern, copied, pattern.length() - copied);

    status = U_ZERO_ERROR;
    parse_error = {};
    m.format_ = std::make_unique<icu::MessageFormat>(isolated, locale, parse_error, status);
    if (U_FAILURE(status)) {
        // Map the offset in the isolated pattern back onto the editor's text.
        int32_t at = std::max<int32_t>(parse_error.offset, 0);
        const int32_t inserted_before = static_cast<int32_t>(std::count_if(
            isolates.begin(), isolates.end(), [&](const Insertion& ins) { return ins.index < at; }));
        at -= inserted_before;
        if (parse_error.offset <= 0 && !m.shape_.arguments.empty()) at = pattern.indexOf(u'{');
        m.problem_ = MessageProblem{code_points_before(pattern, at), explain(status)};
        m.format_.reset();
    }
    return m;
}

std::optional<std::string> CompiledMessage::format(std::span<const MessageArgument> arguments) const {
    if (problem_) return std::nullopt;
    if (!format_) return source_;

    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    names.reserve(shape_.arguments.size());
    values.reserve(shape_.arguments.size());
    for (const std::string& wanted : shape_.arguments) {
        const auto given = std::find_if(arguments.begin(), arguments.end(),
                                        [&](const MessageArgument& a) { return a.name == wanted; });
        if (given == arguments.end()) return std::nullopt;
        names.push_back(icu::UnicodeString::fromUTF8(wanted));
        if (const auto* i = std::get_if<std::int64_t>(&given->value)) {
            values.emplace_back(static_cast<int64_t>(*i));
        } else if (const auto* d = std::get_if<double>(&given->value)) {
            values.emplace_back(*d);
        } else {
            values.emplace_back(icu::UnicodeString::fromUTF8(std::get<std::string>(given->value)));
        }
    }
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    format_->format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
    if (U_FAILURE(status)) return std::nullopt;
    return to_utf8(out);
}

std::vector<std::string> plural_categories(const icu::Locale& locale, bool ordinal) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(
        icu::PluralRules::forLocale(locale, ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, status));
    if (U_FAILURE(status) || !rules) return {"other"};
    status = U_ZERO_ERROR;
    return enumerate(rules->getKeywords(status));
}

}  // namespace kiosk::content
