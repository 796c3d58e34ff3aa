// The corpus of broken bundles: each file in tests/content/broken/ is one file of the mini bundle
// with one fault. Its header says where it goes (# file: …) or what to delete (# remove: …); the
// lines "# expect: …" at its end are exactly the problems the linter must report: every expected
// line must appear, and no error may appear that is not expected.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "content_bundle.hpp"
#include "lint_report.hpp"
#include "temp_bundle.hpp"

using namespace kiosk::content;
using kiosk::test::TempBundle;

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
    c.text = kiosk::test::read_text_file(path);
    for (const std::string& line : split_lines(c.text)) {
        if (auto v = directive(line, "file"); !v.empty() && c.file.empty()) c.file = v;
        if (auto v = directive(line, "remove"); !v.empty()) c.remove = v;
        if (auto v = directive(line, "expect"); !v.empty()) c.expected.push_back(v);
    }
    return c;
}

std::vector<BrokenCase> all_cases() {
    std::vector<BrokenCase> cases;
    for (const auto& entry : std::filesystem::directory_iterator(kiosk::test::source_dir() / "tests/content/broken")) {
        if (entry.path().extension() == ".toml") cases.push_back(read_case(entry.path()));
    }
    std::sort(cases.begin(), cases.end(), [](const BrokenCase& a, const BrokenCase& b) { return a.name < b.name; });
    return cases;
}

std::vector<std::string> reported(const BundleLoad& load) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : load.diagnostics.items()) lines.push_back(format_diagnostic(d));
    return lines;
}

}  // namespace

TEST_CASE("the mini bundle itself is clean") {
    TempBundle files;
    const BundleLoad load = load_bundle(files.dir());
    CHECK(load.usable);
    CHECK(reported(load).empty());
}

TEST_CASE("every broken bundle gives exactly its expected file:line:col messages") {
    const std::vector<BrokenCase> cases = all_cases();
    CHECK(cases.size() >= 30);
    std::set<std::string> messages_seen;
    for (const BrokenCase& c : cases) {
        CAPTURE(c.name);
        REQUIRE_MESSAGE(!c.expected.empty(), "a broken case must say what it expects");
        TempBundle files;
        if (!c.remove.empty()) files.remove(c.remove);
        if (!c.file.empty()) files.write(c.file, c.text);

        const BundleLoad load = load_bundle(files.dir());
        const std::vector<std::string> lines = reported(load);
        for (const std::string& expected : c.expected) {
            CAPTURE(expected);
            CHECK(std::find(lines.begin(), lines.end(), expected) != lines.end());
            messages_seen.insert(expected);
        }
        for (const std::string& line : lines) {
            if (line.find(": error: ") == std::string::npos) continue;
            CAPTURE(line);
            CHECK_MESSAGE(std::find(c.expected.begin(), c.expected.end(), line) != c.expected.end(), "unexpected error");
        }
        CHECK(load.diagnostics.has_errors() ==
              std::any_of(c.expected.begin(), c.expected.end(), [](const std::string& e) { return e.find(": error: ") != std::string::npos; }));
    }
    CHECK(messages_seen.size() >= cases.size());
}
