#include "broken_corpus.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk::test {

namespace {

struct BrokenCase {
    std::string name;
    std::string file;    // where the case's text goes in the bundle
    std::string remove;  // a bundle file to delete instead
    std::string text;
    std::vector<std::string> expected;
};

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end - start));
        start = end == std::string::npos ? text.size() : end + 1;
    }
    return lines;
}

std::string directive(const std::string& line, std::string_view name) {
    const std::string prefix = "# " + std::string(name) + ": ";
    return line.starts_with(prefix) ? line.substr(prefix.size()) : std::string();
}

BrokenCase read_case(const std::filesystem::path& path) {
    BrokenCase c;
    c.name = path.stem().string();
    c.text = read_text_file(path);
    for (const std::string& line : split_lines(c.text)) {
        if (auto v = directive(line, "file"); !v.empty() && c.file.empty()) c.file = v;
        if (auto v = directive(line, "remove"); !v.empty()) c.remove = v;
        if (auto v = directive(line, "expect"); !v.empty()) c.expected.push_back(v);
    }
    return c;
}

std::vector<BrokenCase> read_cases(const std::filesystem::path& folder) {
    std::vector<BrokenCase> cases;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".toml") cases.push_back(read_case(entry.path()));
    }
    std::sort(cases.begin(), cases.end(), [](const BrokenCase& a, const BrokenCase& b) { return a.name < b.name; });
    return cases;
}

TempBundle with_case(const BrokenCase& c, const std::function<TempBundle()>& make_base) {
    TempBundle files = make_base();
    if (!c.remove.empty()) files.remove(c.remove);
    if (!c.file.empty()) files.write(c.file, c.text);
    return files;
}

}  // namespace

void for_each_corpus_bundle(const std::filesystem::path& folder, const std::function<TempBundle()>& make_base,
                            const std::function<void(const std::string&, const TempBundle&)>& each) {
    for (const BrokenCase& c : read_cases(folder)) each(c.name, with_case(c, make_base));
}

void check_broken_corpus(const std::filesystem::path& folder, const std::function<TempBundle()>& make_base,
                         const BundleChecker& check, std::size_t minimum_cases) {
    const std::vector<BrokenCase> cases = read_cases(folder);
    CHECK(cases.size() >= minimum_cases);
    for (const BrokenCase& c : cases) {
        CAPTURE(c.name);
        REQUIRE_MESSAGE(!c.expected.empty(), "a broken case must say what it expects");
        const TempBundle files = with_case(c, make_base);

        const content::Diagnostics diagnostics = check(files.dir());
        std::vector<std::string> lines;
        for (const content::Diagnostic& d : diagnostics.items()) lines.push_back(content::format_diagnostic(d));
        for (const std::string& expected : c.expected) {
            CAPTURE(expected);
            CHECK(std::find(lines.begin(), lines.end(), expected) != lines.end());
        }
        for (const std::string& line : lines) {
            if (line.find(": error: ") == std::string::npos) continue;
            CAPTURE(line);
            CHECK_MESSAGE(std::find(c.expected.begin(), c.expected.end(), line) != c.expected.end(), "unexpected error");
        }
        const bool errors_expected = std::any_of(c.expected.begin(), c.expected.end(),
                                                  [](const std::string& e) { return e.find(": error: ") != std::string::npos; });
        CHECK(diagnostics.has_errors() == errors_expected);
    }
}

}  // namespace kiosk::test
