#include "lint_report.hpp"

#include "bundle_folder.hpp"

#include <cstdio>

namespace kiosk::content {

namespace {

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    return out + "\"";
}

std::string joined_path(std::string_view prefix, const std::string& file) {
    if (prefix.empty() || prefix == ".") return file;
    std::string out(prefix);
    if (out.back() != '/') out += '/';
    return out + file;
}

std::string review_words(const LocaleSummary& s, const ContentBundle& bundle) {
    if (s.status == ReviewStatus::draft) return "draft";
    const LocaleTexts* l = bundle.find(s.tag);
    return "reviewed by " + (l ? l->reviewer : std::string("?")) + " on " + (l ? l->reviewed_on : std::string("?"));
}

}  // namespace

std::string summary_line(const LocaleSummary& s) {
    return s.tag + " (" + s.native_name + ", " + (s.direction == TextDirection::right_to_left ? "rtl" : "ltr") +
           "): " + std::to_string(s.translated) + "/" + std::to_string(s.total) + " translated, " + std::to_string(s.missing) +
           " missing, " + std::to_string(s.stale) + " stale, " + (s.status == ReviewStatus::draft ? "draft" : "reviewed");
}

std::string unreadable_line(const UnreadableLocale& u, std::string_view path_prefix) {
    const Diagnostic& e = u.error;
    return u.tag + " (" + joined_path(path_prefix, u.file) + "): NOT READ, so not offered to patients: " +
           format_diagnostic(Diagnostic{joined_path(path_prefix, e.file), e.where, e.severity, e.message});
}

std::string render_text_report(const BundleLoad& load, std::string_view path_prefix) {
    std::string out = bundle_line(path_prefix.empty() ? std::string(".") : std::string(path_prefix)) + "\n";
    for (const Diagnostic& d : load.diagnostics.items()) {
        out += format_diagnostic(Diagnostic{joined_path(path_prefix, d.file), d.where, d.severity, d.message}) + "\n";
    }
    for (const LocaleSummary& s : load.bundle.summaries) {
        out += "summary: " + summary_line(s);
        if (s.status == ReviewStatus::reviewed) out += " (" + review_words(s, load.bundle) + ")";
        out += "\n";
    }
    for (const UnreadableLocale& u : load.bundle.unreadable) out += "summary: " + unreadable_line(u, path_prefix) + "\n";
    out += std::to_string(load.diagnostics.error_count()) + " error(s), " + std::to_string(load.diagnostics.warning_count()) +
           " warning(s)\n";
    return out;
}

std::string render_json_report(const BundleLoad& load, std::string_view path_prefix) {
    const std::string folder = bundle_line(path_prefix.empty() ? std::string(".") : std::string(path_prefix)).substr(std::string_view("bundle: ").size());
    std::string out = "{\n  \"bundle\": " + json_string(folder) + ",\n  \"diagnostics\": [";
    bool first = true;
    for (const Diagnostic& d : load.diagnostics.items()) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += "{\"file\": " + json_string(joined_path(path_prefix, d.file)) + ", \"line\": " + std::to_string(d.where.line) +
               ", \"column\": " + std::to_string(d.where.column) + ", \"severity\": " + json_string(severity_name(d.severity)) +
               ", \"message\": " + json_string(d.message) + "}";
    }
    out += first ? "],\n  \"locales\": [" : "\n  ],\n  \"locales\": [";
    first = true;
    for (const LocaleSummary& s : load.bundle.summaries) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += "{\"tag\": " + json_string(s.tag) + ", \"name\": " + json_string(s.native_name) +
               ", \"direction\": " + json_string(s.direction == TextDirection::right_to_left ? "rtl" : "ltr") +
               ", \"status\": " + json_string(s.status == ReviewStatus::draft ? "draft" : "reviewed") +
               ", \"total\": " + std::to_string(s.total) + ", \"translated\": " + std::to_string(s.translated) +
               ", \"missing\": " + std::to_string(s.missing) + ", \"stale\": " + std::to_string(s.stale) + "}";
    }
    out += first ? "],\n" : "\n  ],\n";
    out += "  \"errors\": " + std::to_string(load.diagnostics.error_count()) +
           ",\n  \"warnings\": " + std::to_string(load.diagnostics.warning_count()) + "\n}\n";
    return out;
}

}  // namespace kiosk::content
