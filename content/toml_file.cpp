#include "toml_file.hpp"


#include "bounded_file.hpp"
#include "input_limits.hpp"
#include "spelling_suggestion.hpp"
#include "toml_nesting.hpp"

namespace kiosk::content {

namespace {

// toml++'s descriptions are accurate but terse; the most common mistakes get a plain hint.
std::string plain_toml_message(std::string_view description) {
    std::string message = "TOML syntax: " + std::string(description);
    if (description.find("redefin") != std::string_view::npos) {
        message += " (the same key is written twice; keep one)";
    } else if (description.find("unterminated") != std::string_view::npos ||
               description.find("encountered end-of-file") != std::string_view::npos ||
               description.find("control characters") != std::string_view::npos) {
        message += " (a quote or bracket is probably not closed on this line)";
    } else if (description.find("utf-8") != std::string_view::npos) {
        message += " (save the file as UTF-8)";
    }
    return message;
}

}  // namespace

SourcePosition position_of(const toml::node& node) {
    const auto& begin = node.source().begin;
    return {static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

SourcePosition position_of(const toml::key& key) {
    const auto& begin = key.source().begin;
    return {static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

std::optional<TomlFile> read_toml_file(const std::filesystem::path& bundle_dir, std::string relative_path,
                                       Diagnostics& diagnostics) {
    BoundedFile read = read_bounded_file(bundle_dir / relative_path, limits::content_file_bytes);
    switch (read.problem) {
        case BoundedFile::Problem::none: break;
        case BoundedFile::Problem::unreadable:
            diagnostics.error(relative_path, {}, "cannot open the file (is it there, and readable?)");
            return std::nullopt;
        case BoundedFile::Problem::not_regular:
            diagnostics.error(relative_path, {}, "is not a file (a folder, a device or a pipe): only a regular file is read");
            return std::nullopt;
        case BoundedFile::Problem::too_large:
            diagnostics.error(relative_path, {}, "the file is " + kilobytes(read.bytes) + "; a content file may have at most " +
                                                     kilobytes(limits::content_file_bytes));
            return std::nullopt;
    }
    TomlFile file{std::move(relative_path), std::move(read.text), {}};
    if (const std::optional<SourcePosition> deep = find_nesting_deeper_than(file.text, limits::toml_nesting)) {
        diagnostics.error(file.relative_path, *deep, "tables, lists and dotted keys nest more than " + std::to_string(limits::toml_nesting) +
                                                         " levels deep here; the kiosk reads no deeper");
        return std::nullopt;
    }
    try {
        file.root = toml::parse(file.text, file.relative_path);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        diagnostics.error(file.relative_path, {static_cast<int>(begin.line), static_cast<int>(begin.column)},
                          plain_toml_message(e.description()));
        return std::nullopt;
    }
    return file;
}

void report_unknown_keys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                         const std::string& file, std::string_view context, Diagnostics& diagnostics) {
    for (const auto& [key, value] : table) {
        bool known = false;
        for (std::string_view a : allowed) known = known || key.str() == a;
        if (known) continue;
        std::string expected;
        for (std::string_view a : allowed) expected += (expected.empty() ? "" : ", ") + std::string(a);
        const std::string suggestion = closest_spelling(key.str(), std::vector<std::string_view>(allowed));
        diagnostics.error(file, position_of(key),
                          "unknown key '" + std::string(key.str()) + "' in " + std::string(context) +
                              (suggestion.empty() ? " (expected one of: " + expected + ")" : "; did you mean '" + suggestion + "'?"));
    }
}

std::string_view describe_toml_type(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "text";
        case toml::node_type::integer:
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "true/false";
        case toml::node_type::array: return "a list [ ]";
        case toml::node_type::table: return "a table";
        case toml::node_type::date:
        case toml::node_type::time:
        case toml::node_type::date_time: return "a date or time";
        default: return "nothing";
    }
}

}  // namespace kiosk::content
