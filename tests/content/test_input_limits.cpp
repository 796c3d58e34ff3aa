// The limits of content/input_limits.hpp: each exceeded is an error with the file, line and column,
// never a crash (the findings of an adversarial run: stack overflows in toml++ and ICU, gigabyte
// pictures, quadratic lint).
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "content_bundle.hpp"
#include "image_check.hpp"
#include "input_limits.hpp"
#include "temp_bundle.hpp"
#include "toml_nesting.hpp"

using namespace kiosk::content;
using kiosk::test::TempBundle;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

// The one error about `file`, formatted as an editor reads it.
std::string only_error_in(const BundleLoad& load, const std::string& file) {
    std::string found;
    for (const Diagnostic& d : load.diagnostics.items()) {
        if (d.severity == Severity::error && d.file == file) found += format_diagnostic(d) + "\n";
    }
    return found;
}

// A PNG's signature and header chunk saying `width` x `height`: enough for a decoder to believe
// it (the pixels that would follow are what a hostile file leaves out).
std::string png_header(std::uint32_t width, std::uint32_t height) {
    std::string bytes = "\x89PNG\r\n\x1a\n";
    const auto be32 = [&](std::uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) bytes += static_cast<char>((v >> shift) & 0xFFU);
    };
    be32(13);
    bytes += "IHDR";
    be32(width);
    be32(height);
    bytes += std::string("\x08\x06\x00\x00\x00", 5);  // 8-bit RGBA
    be32(0);                                           // CRC, not checked for the header
    return bytes;
}

}  // namespace

TEST_CASE("the nesting scan counts table headers, dotted keys, arrays and inline tables, and skips strings and comments") {
    // Tables a, b and c, then two arrays: five levels.
    CHECK_FALSE(find_nesting_deeper_than("[a.b]\nc.d = [1, [2]]\n", 5).has_value());
    CHECK(find_nesting_deeper_than("[a.b]\nc.d = [1, [2]]\n", 4) == SourcePosition{2, 11});
    CHECK(find_nesting_deeper_than("[a.b.c.d]\n", 3) == SourcePosition{1, 1});
    CHECK_FALSE(find_nesting_deeper_than("x = { a.b = { c = 1 } }\n", 3).has_value());
    CHECK(find_nesting_deeper_than("x = { a.b = { c = 1 } }\n", 2) == SourcePosition{1, 13});
    // Dots and brackets inside strings and comments are text, not structure.
    CHECK_FALSE(find_nesting_deeper_than("x = \"[[[[a.b.c.d]]]]\" # [[[[ a.b.c\ny = '''[[[[\n]]]]'''\n", 2).has_value());
    // A multi-line array keeps its depth across lines.
    CHECK(find_nesting_deeper_than("x = [\n [\n  [\n   1]]]\n", 2) == SourcePosition{3, 3});
}

TEST_CASE("a table header of thousands of dotted segments is an error with its line, not a stack overflow") {
    TempBundle files;
    files.write("locales/es.toml", files.read("locales/es.toml") + "\n[" + repeat("a.", 20000) + "b]\nc = \"x\"\n");
    const BundleLoad load = load_bundle(files.dir());
    const std::string error = only_error_in(load, "locales/es.toml");
    CHECK_MESSAGE(error.find("locales/es.toml:") == 0, error);
    CHECK_MESSAGE(error.find("nest more than " + std::to_string(kiosk::limits::toml_nesting) + " levels") != std::string::npos, error);
}

TEST_CASE("arrays nested thousands deep are an error, not a stack overflow") {
    TempBundle files;
    files.write("structure/pages.toml", files.read("structure/pages.toml") + "\nx = " + repeat("[", 50000) + repeat("]", 50000) + "\n");
    const BundleLoad load = load_bundle(files.dir());
    CHECK(only_error_in(load, "structure/pages.toml").find("nest more than") != std::string::npos);
}

TEST_CASE("a text or a key past its limit is an error at its place") {
    TempBundle files;
    const std::string long_text = repeat("word ", kiosk::limits::text_bytes / 5 + 1);
    files.replace("locales/es.toml", "[page.intro]\n", "[page.intro]\nlong = \"" + long_text + "\"\n" + repeat("k", kiosk::limits::key_bytes + 1) + " = \"x\"\n");
    const BundleLoad load = load_bundle(files.dir());
    const std::string errors = only_error_in(load, "locales/es.toml");
    const int line = kiosk::test::line_starting(files.dir() / "locales/es.toml", "long = ");
    CHECK_MESSAGE(errors.find("locales/es.toml:" + std::to_string(line) + ":8: error: 'page.intro.long' is 32 KB of text; a text has at most 32 KB") !=
                      std::string::npos,
                  errors);
    CHECK_MESSAGE(errors.find("locales/es.toml:" + std::to_string(line + 1) + ":1: error: a key of") != std::string::npos, errors);
}

TEST_CASE("plural inside plural thousands deep is refused before ICU sees it") {
    TempBundle files;
    const std::string deep = repeat("{n, plural, other {", 200) + "x" + repeat("}}", 200);
    files.replace("locales/en.toml", "[page.intro]\n", "[page.intro]\ndeep = \"" + deep + "\"\n");
    const BundleLoad load = load_bundle(files.dir());
    const std::string errors = only_error_in(load, "locales/en.toml");
    CHECK_MESSAGE(errors.find("plural and select nest more than " + std::to_string(kiosk::limits::message_nesting) + " levels deep here") !=
                      std::string::npos,
                  errors);
}

TEST_CASE("a content file larger than the limit, or not a regular file, is refused unread") {
    TempBundle files;
    files.write("locales/es.toml", files.read("locales/es.toml") + "# " + repeat("x", kiosk::limits::content_file_bytes) + "\n");
    std::filesystem::remove(files.dir() / "locales/zh-Hans.toml");
    std::filesystem::create_directory(files.dir() / "locales/zh-Hans.toml");
    const BundleLoad load = load_bundle(files.dir());
    CHECK(only_error_in(load, "locales/es.toml").find("a content file may have at most 4096 KB") != std::string::npos);
    CHECK(only_error_in(load, "locales/zh-Hans.toml").find("is not a file") != std::string::npos);
}

TEST_CASE("a picture is checked from its header: too many pixels, too many bytes, not a picture") {
    TempBundle files;
    files.write("assets/huge.png", png_header(5000, 5000));
    files.write("assets/absurd.png", png_header(30000, 30000));  // stb refuses it itself: over 2^30 bytes
    files.write("assets/fine.png", png_header(800, 600));
    files.write("assets/text.png", "not a picture");
    CHECK(image_problem(files.dir() / "assets/fine.png").empty());
    CHECK(image_problem(files.dir() / "assets/huge.png") == "is 5000 x 5000 pixels; a picture may have at most 4096 on each side");
    CHECK(image_problem(files.dir() / "assets/absurd.png").find("is not a picture the kiosk can show") == 0);
    CHECK(image_problem(files.dir() / "assets/text.png").find("is not a picture the kiosk can show") == 0);
    CHECK(image_problem(files.dir() / "assets") == "is not a file (a folder, a device or a pipe)");
    CHECK(image_problem(files.dir() / "assets/none.png") == "not found in the bundle folder");
    {
        std::ofstream big(files.dir() / "assets/big.png", std::ios::binary);
        big << png_header(100, 100) << std::string(kiosk::limits::image_bytes, '\0');
    }
    CHECK(image_problem(files.dir() / "assets/big.png").find("a picture may have at most 8192 KB") != std::string::npos);
}

TEST_CASE("a picture past the limits is a lint error at its block") {
    TempBundle files;
    files.write("assets/huge.png", png_header(5000, 5000));
    files.replace("structure/pages.toml", "  [[page.block]]\n  text = \"page.intro.body\"\n",
                  "  [[page.block]]\n  text = \"page.intro.body\"\n\n  [[page.block]]\n  image = \"assets/huge.png\"\n  alt = \"page.intro.body\"\n");
    const BundleLoad load = load_bundle(files.dir());
    const int line = kiosk::test::line_starting(files.dir() / "structure/pages.toml", "  image = ");
    CHECK(only_error_in(load, "structure/pages.toml") ==
          "structure/pages.toml:" + std::to_string(line) + ":11: error: image 'assets/huge.png' is 5000 x 5000 pixels; a picture may have at most 4096 on each side\n");
}
