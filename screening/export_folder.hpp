#pragma once
// Writing an export where staff asked (a USB stick): all of it or nothing. The files go into a
// hidden folder beside the target, each written, synced and closed; then the folder is renamed
// into place in one step and its parent synced. A failure removes the hidden folder and says
// which file and why; an existing export of the same name is never replaced.
#include <filesystem>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kiosk::screening {

struct ExportFile {
    std::string name;  // a plain file name, no folders
    std::string content;
};

// Returns the folder written, or what went wrong in plain words (with the path).
[[nodiscard]] std::variant<std::filesystem::path, std::string> write_export_folder(const std::filesystem::path& parent, const std::string& name,
                                                                     const std::vector<ExportFile>& files);

}  // namespace kiosk::screening
