#include "diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace kiosk::content {

namespace {
// A problem with a whole file (a missing file, a bad file name) is placed at its start, so that
// every line of the report has the same file:line:col form.
SourcePosition at_least_file_start(SourcePosition where) {
    return where.line > 0 ? where : SourcePosition{1, 1};
}
}  // namespace

void Diagnostics::error(std::string file, SourcePosition where, std::string message) {
    where = at_least_file_start(where);
    items_.push_back({std::move(file), where, Severity::error, std::move(message)});
}

void Diagnostics::warning(std::string file, SourcePosition where, std::string message) {
    where = at_least_file_start(where);
    items_.push_back({std::move(file), where, Severity::warning, std::move(message)});
}

int Diagnostics::error_count() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

int Diagnostics::warning_count() const {
    return static_cast<int>(items_.size()) - error_count();
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.where.line, a.where.column) < std::tie(b.file, b.where.line, b.where.column);
    });
}

std::string_view severity_name(Severity s) {
    return s == Severity::error ? "error" : "warning";
}

std::string format_diagnostic(const Diagnostic& d, std::string_view path_prefix) {
    std::string out(path_prefix);
    if (!out.empty() && out.back() != '/') out += '/';
    out += d.file;
    if (d.where.line > 0) {
        out += ':' + std::to_string(d.where.line) + ':' + std::to_string(std::max(d.where.column, 1));
    }
    out += ": ";
    out += severity_name(d.severity);
    out += ": ";
    out += d.message;
    return out;
}

}  // namespace kiosk::content
