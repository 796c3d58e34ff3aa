#include "condition.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "input_limits.hpp"
#include "questionnaire.hpp"
#include "spelling_suggestion.hpp"

namespace kiosk::screening {

// ---------------------------------------------------------------------------------------------
// [SECTION] Evaluation
// ---------------------------------------------------------------------------------------------

namespace {

bool compare_number(ConditionNode::Compare op, double a, double b) {
    switch (op) {
        case ConditionNode::Compare::less: return a < b;
        case ConditionNode::Compare::less_equal: return a <= b;
        case ConditionNode::Compare::greater: return a > b;
        case ConditionNode::Compare::greater_equal: return a >= b;
        case ConditionNode::Compare::equal: return a == b;
        case ConditionNode::Compare::not_equal: return a != b;
    }
    return false;
}

void collect_questions(const ConditionNode& node, std::vector<std::size_t>& out) {
    if (node.children.empty()) out.push_back(node.question);
    for (const ConditionNode& child : node.children) collect_questions(child, out);
}

bool evaluate_node(const ConditionNode& node, const AnswerSet& answers, std::vector<std::size_t>* cited) {
    using Kind = ConditionNode::Kind;
    switch (node.kind) {
        case Kind::all_of: {
            for (const ConditionNode& child : node.children) {
                if (!evaluate_node(child, answers, cited)) return false;
            }
            return true;
        }
        case Kind::any_of: {
            bool any = false;
            // Evaluate every branch (no short cut) so that staff see every answer that matched.
            for (const ConditionNode& child : node.children) any = evaluate_node(child, answers, cited) || any;
            return any;
        }
        case Kind::negation: {
            const bool inner = evaluate_node(node.children.front(), answers, nullptr);
            if (!inner && cited) collect_questions(node.children.front(), *cited);
            return !inner;
        }
        default: break;
    }
    const Answer& a = answers[node.question];
    bool result = false;
    switch (node.kind) {
        case Kind::chosen_any: result = a.given && (a.options & node.options) != 0; break;
        case Kind::chosen_other_than: result = a.given && (a.options & ~node.options) != 0; break;
        case Kind::number_compare: result = a.given && compare_number(node.compare, a.number, node.number); break;
        case Kind::unanswered: result = !a.given || a.assumed; break;
        case Kind::not_known: result = !a.given || a.assumed || (a.options & node.options) != 0; break;
        default: break;
    }
    if (result && cited) cited->push_back(node.question);
    return result;
}

void collect_option_bits(const ConditionNode& node, std::vector<std::uint64_t>& per_question) {
    using Kind = ConditionNode::Kind;
    if (node.kind == Kind::chosen_any) per_question[node.question] |= node.options;
    // "medicines any_except [none]" is about every option outside the list.
    if (node.kind == Kind::chosen_other_than) per_question[node.question] |= ~node.options;
    for (const ConditionNode& child : node.children) collect_option_bits(child, per_question);
}

}  // namespace

bool Condition::evaluate(const AnswerSet& answers, std::vector<std::size_t>* cited) const {
    const std::size_t before = cited ? cited->size() : 0;
    const bool result = evaluate_node(root_, answers, cited);
    if (cited) {
        if (!result) cited->resize(before);  // a false condition cites nothing
        std::sort(cited->begin() + static_cast<std::ptrdiff_t>(before), cited->end());
        cited->erase(std::unique(cited->begin() + static_cast<std::ptrdiff_t>(before), cited->end()), cited->end());
    }
    return result;
}

Condition::Condition(ConditionNode root, std::string text) : root_(std::move(root)), text_(std::move(text)) {
    collect_questions(root_, questions_);
    std::sort(questions_.begin(), questions_.end());
    questions_.erase(std::unique(questions_.begin(), questions_.end()), questions_.end());
}

void Condition::collect_options(std::vector<std::uint64_t>& per_question) const { collect_option_bits(root_, per_question); }

// ---------------------------------------------------------------------------------------------
// [SECTION] Parsing
// ---------------------------------------------------------------------------------------------

namespace {

struct Token {
    enum class Kind { name, number, symbol, end } kind = Kind::end;
    std::string text;
    double number = 0;
    std::size_t offset = 0;  // code points
};

struct ParseFailure {
    ConditionError error;
};

class ConditionParser {
public:
    ConditionParser(std::string_view text, const Questionnaire& q, std::size_t limit)
        : text_(text), questionnaire_(q), limit_(limit) {
        tokenize();
    }

    ConditionNode parse() {
        if (tokens_.front().kind == Token::Kind::end) fail(0, "the condition is empty");
        ConditionNode node = parse_or();
        if (peek().kind != Token::Kind::end) fail(peek().offset, "unexpected '" + peek().text + "' (expected 'and', 'or' or the end)");
        return node;
    }

private:
    [[noreturn]] void fail(std::size_t offset, std::string message) { throw ParseFailure{{offset, std::move(message)}}; }

    void tokenize() {
        std::size_t i = 0;
        std::size_t code_points = 0;
        const auto advance = [&](std::size_t bytes) {
            for (std::size_t k = 0; k < bytes && i < text_.size(); ++k, ++i) {
                if ((static_cast<unsigned char>(text_[i]) & 0xC0U) != 0x80U) ++code_points;
            }
        };
        while (i < text_.size()) {
            const char c = text_[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance(1);
                continue;
            }
            Token t;
            t.offset = code_points;
            const auto is_name_char = [](char ch) { return std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) || ch == '_'; };
            if (std::islower(static_cast<unsigned char>(c)) || c == '_') {
                std::size_t end = i;
                while (end < text_.size() && is_name_char(text_[end])) ++end;
                t.kind = Token::Kind::name;
                t.text = std::string(text_.substr(i, end - i));
                advance(end - i);
            } else if (std::isdigit(static_cast<unsigned char>(c)) || (c == '-' && i + 1 < text_.size() && std::isdigit(static_cast<unsigned char>(text_[i + 1])))) {
                std::size_t end = i + 1;
                while (end < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[end])) || text_[end] == '.')) ++end;
                t.kind = Token::Kind::number;
                t.text = std::string(text_.substr(i, end - i));
                const auto [ptr, ec] = std::from_chars(text_.data() + i, text_.data() + end, t.number);
                if (ec != std::errc() || ptr != text_.data() + end) fail(t.offset, "'" + t.text + "' is not a number");
                advance(end - i);
            } else {
                const std::string_view two = text_.substr(i, 2);
                const bool is_two = two == "!=" || two == "<=" || two == ">=";
                if (!is_two && std::string_view("=<>()[],").find(c) == std::string_view::npos) {
                    fail(t.offset, "unexpected character '" + std::string(1, c) + "'" +
                                       (std::isupper(static_cast<unsigned char>(c)) ? " (ids are lower case)" : ""));
                }
                t.kind = Token::Kind::symbol;
                t.text = std::string(text_.substr(i, is_two ? 2 : 1));
                advance(t.text.size());
            }
            tokens_.push_back(std::move(t));
        }
        Token end;
        end.offset = code_points;
        end.text = "end of the condition";
        tokens_.push_back(end);
    }

    const Token& peek() const { return tokens_[pos_]; }
    const Token& take() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
    bool accept(std::string_view word) {
        if (peek().kind != Token::Kind::end && peek().text == word) {
            ++pos_;
            return true;
        }
        return false;
    }
    const Token& expect(std::string_view symbol, std::string_view what) {
        if (peek().text != symbol) fail(peek().offset, "expected " + std::string(what) + " but found '" + peek().text + "'");
        return take();
    }

    ConditionNode parse_or() {
        ConditionNode first = parse_and();
        if (peek().text != "or") return first;
        ConditionNode node{ConditionNode::Kind::any_of, {std::move(first)}};
        node.offset = node.children.front().offset;
        while (accept("or")) node.children.push_back(parse_and());
        return node;
    }

    ConditionNode parse_and() {
        ConditionNode first = parse_unary();
        if (peek().text != "and") return first;
        ConditionNode node{ConditionNode::Kind::all_of, {std::move(first)}};
        node.offset = node.children.front().offset;
        while (accept("and")) node.children.push_back(parse_unary());
        return node;
    }

    // 'not' and brackets nest; parsing (and later evaluating) recurses once per level, so the
    // depth is bounded before the stack is.
    struct Level {
        ConditionParser& parser;
        Level(ConditionParser& p, std::size_t at) : parser(p) {
            if (++parser.depth_ > limits::condition_nesting) {
                parser.fail(at, "'not' and brackets nest more than " + std::to_string(limits::condition_nesting) + " levels deep here");
            }
        }
        ~Level() { --parser.depth_; }
        Level(const Level&) = delete;
        Level& operator=(const Level&) = delete;
    };

    ConditionNode parse_unary() {
        const std::size_t at = peek().offset;
        if (accept("not")) {
            const Level level(*this, at);
            ConditionNode node{ConditionNode::Kind::negation, {parse_unary()}};
            node.offset = at;
            return node;
        }
        if (accept("(")) {
            const Level level(*this, at);
            ConditionNode inner = parse_or();
            expect(")", "')'");
            return inner;
        }
        if (peek().text == "unanswered" || peek().text == "not_known") {
            const Token fn = take();
            expect("(", "'(' after " + fn.text);
            const std::size_t q = question(take());
            expect(")", "')'");
            ConditionNode node;
            node.kind = fn.text == "unanswered" ? ConditionNode::Kind::unanswered : ConditionNode::Kind::not_known;
            node.question = q;
            node.options = questionnaire_.questions[q].not_known;
            node.offset = fn.offset;
            return node;
        }
        return parse_test();
    }

    std::size_t question(const Token& t) {
        if (t.kind != Token::Kind::name) fail(t.offset, "expected a question id but found '" + t.text + "'");
        const auto index = questionnaire_.index_of(t.text);
        if (!index) {
            std::vector<std::string_view> ids;
            for (const Question& q : questionnaire_.questions) ids.push_back(q.id);
            fail(t.offset, "unknown question '" + t.text + "'" + content::did_you_mean(t.text, ids));
        }
        if (*index >= limit_) {
            fail(t.offset, "'" + t.text + "' is not asked before this question; a question can only depend on earlier answers");
        }
        return *index;
    }

    std::uint64_t option_bit(std::size_t q, const Token& t) {
        const Question& question = questionnaire_.questions[q];
        if (t.kind != Token::Kind::name) fail(t.offset, "expected an option of '" + question.id + "' but found '" + t.text + "'");
        const auto index = question.option_index(t.text);
        if (!index) {
            std::vector<std::string_view> options(question.options.begin(), question.options.end());
            fail(t.offset, "'" + t.text + "' is not an option of '" + question.id + "'" + content::did_you_mean(t.text, options));
        }
        return std::uint64_t{1} << *index;
    }

    std::uint64_t option_list(std::size_t q) {
        expect("[", "'[' to start a list of options");
        std::uint64_t bits = option_bit(q, take());
        while (accept(",")) bits |= option_bit(q, take());
        expect("]", "']' to end the list");
        return bits;
    }

    ConditionNode parse_test() {
        const Token& name = take();
        ConditionNode node;
        node.offset = name.offset;
        node.question = question(name);
        const Question& q = questionnaire_.questions[node.question];
        const Token op = take();
        const bool is_number = q.type == QuestionType::number;

        static const std::vector<std::pair<std::string_view, ConditionNode::Compare>> comparisons = {
            {"=", ConditionNode::Compare::equal},        {"!=", ConditionNode::Compare::not_equal},
            {"<", ConditionNode::Compare::less},         {"<=", ConditionNode::Compare::less_equal},
            {">", ConditionNode::Compare::greater},      {">=", ConditionNode::Compare::greater_equal}};
        const auto cmp = std::find_if(comparisons.begin(), comparisons.end(), [&](const auto& c) { return c.first == op.text; });

        if (is_number) {
            if (cmp == comparisons.end()) fail(op.offset, "'" + q.id + "' is a number question: compare it with = != < <= > >=");
            const Token& value = take();
            if (value.kind != Token::Kind::number) fail(value.offset, "'" + q.id + "' is a number question: compare it with a number");
            node.kind = ConditionNode::Kind::number_compare;
            node.compare = cmp->second;
            node.number = value.number;
            return node;
        }
        if (op.text == "=" || op.text == "!=") {
            node.kind = ConditionNode::Kind::chosen_any;
            node.options = option_bit(node.question, take());
            if (op.text == "=") return node;
            ConditionNode negation{ConditionNode::Kind::negation, {std::move(node)}};
            negation.offset = name.offset;
            return negation;
        }
        if (op.text == "in" || op.text == "any_except") {
            node.kind = op.text == "in" ? ConditionNode::Kind::chosen_any : ConditionNode::Kind::chosen_other_than;
            node.options = option_list(node.question);
            return node;
        }
        if (cmp != comparisons.end()) fail(op.offset, "'" + op.text + "' compares numbers, but '" + q.id + "' is a " +
                                                          std::string(question_type_name(q.type)) + " question");
        fail(op.offset, "expected = != in any_except after '" + q.id + "' but found '" + op.text + "'");
    }

    std::string_view text_;
    const Questionnaire& questionnaire_;
    std::size_t limit_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;  // 'not' and brackets open around the token being read
};

}  // namespace

std::variant<Condition, ConditionError> parse_condition(std::string_view text, const Questionnaire& questionnaire,
                                                        std::size_t question_limit) {
    try {
        ConditionParser parser(text, questionnaire, question_limit);
        return Condition(parser.parse(), std::string(text));
    } catch (const ParseFailure& failure) {
        return failure.error;
    }
}

}  // namespace kiosk::screening
