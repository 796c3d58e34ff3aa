#pragma once
// Problems found in a content bundle, as values. Every loader reports into a Diagnostics list
// instead of throwing, so that one run of the linter shows a content editor every problem at once.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

// 1-based line and column (in characters, as editors count them).
struct SourcePosition {
    int line = 0;
    int column = 0;
    friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

enum class Severity { error, warning };

struct Diagnostic {
    std::string file;         // path relative to the bundle folder, e.g. "locales/es.toml"
    SourcePosition where;
    Severity severity = Severity::error;
    std::string message;      // plain words for a content editor, no C++ in it
};

class Diagnostics {
public:
    void error(std::string file, SourcePosition where, std::string message);
    void warning(std::string file, SourcePosition where, std::string message);

    const std::vector<Diagnostic>& items() const { return items_; }
    int error_count() const;
    int warning_count() const;
    bool has_errors() const { return error_count() > 0; }

    void append(const Diagnostics& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }

    // Orders by file, then line and column, so that output reads top to bottom per file.
    void sort();

private:
    std::vector<Diagnostic> items_;
};

// "locales/es.toml:12:5: error: message" (the form compilers use, so editors can jump to it).
// `path_prefix` is put before the file name (the bundle folder as the user typed it).
std::string format_diagnostic(const Diagnostic& d, std::string_view path_prefix = {});

std::string_view severity_name(Severity s);

}  // namespace kiosk::content
