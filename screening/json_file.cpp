#include "json_file.hpp"

#include <iterator>
#include <set>
#include <vector>

#include "bounded_file.hpp"
#include "input_limits.hpp"

namespace kiosk::screening {

namespace {

std::string position_in_text(const std::string& file, const std::string& text, std::size_t byte) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
            ++column;
        }
    }
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

// Walks the text for nlohmann's parser and counts the bytes it has read: the parser tells a
// handler what it found but not where, and a duplicate key must be reported with its place.
class CountingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* at, std::size_t* read) : at_(at), read_(read) {}
    reference operator*() const { return *at_; }
    CountingIterator& operator++() {
        ++at_;
        ++*read_;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    friend bool operator==(const CountingIterator& a, const CountingIterator& b) { return a.at_ == b.at_; }
    friend bool operator!=(const CountingIterator& a, const CountingIterator& b) { return a.at_ != b.at_; }

private:
    const char* at_;
    std::size_t* read_;
};

// A duplicate key is reported at its opening quote; the parser has just read its closing one.
std::size_t start_of_key(const std::string& text, std::size_t after_closing_quote) {
    std::size_t i = after_closing_quote >= 2 ? after_closing_quote - 2 : 0;
    while (i > 0 && !(text[i] == '"' && text[i - 1] != '\\')) --i;
    return i;
}

// What nlohmann accepts and a screening tool must not: a key given twice in one object (nlohmann
// keeps the last, so `"pregnant": "yes", "pregnant": "no"` read as "no"), a number too large for
// a double, and nesting deeper than limits::json_nesting. Stops at the first, with its byte.
class StrictJson : public nlohmann::json_sax<nlohmann::json> {
public:
    StrictJson(const std::string& text, const std::size_t& read) : text_(text), read_(read) {}

    std::string problem;
    std::size_t at = 0;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override {
        keys_.emplace_back();
        return deeper();
    }
    bool key(string_t& name) override {
        if (keys_.back().insert(name).second) return true;
        return fail(start_of_key(text_, read_), "the key \"" + name + "\" is given twice in this object (which one is meant?)");
    }
    bool end_object() override {
        keys_.pop_back();
        return true;
    }
    bool start_array(std::size_t) override {
        keys_.emplace_back();
        return deeper();
    }
    bool end_array() override {
        keys_.pop_back();
        return true;
    }
    bool parse_error(std::size_t byte, const std::string& token, const nlohmann::json::exception& e) override {
        // A number too large for a double (nlohmann's error 406) ends at `byte`.
        if (e.id == 406) return fail(byte >= token.size() ? byte - token.size() : 0, "the number " + token + " is out of range");
        // Otherwise nlohmann counts the byte after the problem; step back onto it.
        return fail(byte > 0 ? byte - 1 : 0, std::string("not valid JSON (") + e.what() + ")");
    }

private:
    bool deeper() {
        if (keys_.size() <= static_cast<std::size_t>(limits::json_nesting)) return true;
        return fail(read_ > 0 ? read_ - 1 : 0, "objects and lists nest more than " + std::to_string(limits::json_nesting) + " levels deep here");
    }
    bool fail(std::size_t byte, std::string message) {
        at = byte;
        problem = std::move(message);
        return false;
    }

    const std::string& text_;
    const std::size_t& read_;
    std::vector<std::set<std::string>> keys_;
};

}  // namespace

std::variant<nlohmann::json, std::string> read_json_file(const std::filesystem::path& file) {
    const content::BoundedFile bounded = content::read_bounded_file(file, limits::json_file_bytes);
    switch (bounded.problem) {
        case content::BoundedFile::Problem::none: break;
        case content::BoundedFile::Problem::unreadable: return file.string() + ": cannot read the file (is it there, and readable?)";
        case content::BoundedFile::Problem::not_regular:
            return file.string() + ": is not a file (a folder, a device or a pipe): only a regular file is read";
        case content::BoundedFile::Problem::too_large:
            return file.string() + ": the file is " + content::kilobytes(bounded.bytes) + "; at most " + content::kilobytes(limits::json_file_bytes) +
                   " are read";
    }
    const std::string& text = bounded.text;

    std::size_t read = 0;
    StrictJson strict(text, read);
    const bool ok = nlohmann::json::sax_parse(CountingIterator(text.data(), &read), CountingIterator(text.data() + text.size(), &read), &strict);
    if (!ok) return position_in_text(file.string(), text, strict.at) + ": " + strict.problem;
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {  // the strict pass has seen the same text
        return file.string() + ": not valid JSON (" + e.what() + ")";
    }
}

}  // namespace kiosk::screening
