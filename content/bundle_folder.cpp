#include "bundle_folder.hpp"

namespace kiosk::content {

bool holds_bundle(const std::filesystem::path& folder) {
    std::error_code ec;
    // Either is enough: a bundle missing the other is still the editor's bundle, and lint says what is missing.
    return std::filesystem::is_directory(folder / "structure", ec) || std::filesystem::is_directory(folder / "locales", ec);
}

std::variant<std::filesystem::path, std::string> bundle_folder(const std::optional<std::string>& given) {
    if (given) {
        if (given->empty()) return std::string("--bundle needs a folder");
        std::error_code ec;
        if (!std::filesystem::is_directory(*given, ec)) return "--bundle " + *given + ": no such folder";
        if (!holds_bundle(*given)) return "--bundle " + *given + ": not a content bundle (it has neither a structure/ nor a locales/ folder)";
        return std::filesystem::path(*given);
    }
    if (holds_bundle(".")) return std::filesystem::path(".");
    std::error_code ec;
    const std::filesystem::path here = std::filesystem::current_path(ec);
    return "no content bundle in the current folder (" + here.string() +
           " has neither a structure/ nor a locales/ folder): run this in a bundle's folder, or give --bundle DIR";
}

std::string bundle_line(const std::filesystem::path& folder) {
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(folder, ec), ec);
    return "bundle: " + (absolute.empty() ? folder.string() : absolute.string());
}

}  // namespace kiosk::content
