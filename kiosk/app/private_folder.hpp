#pragma once
// A folder for files that show a patient's answers (screenshots): only the kiosk's user may
// read it.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include <sys/stat.h>

namespace kiosk::app {

// Creates `folder` (and its missing parents) with mode 0700. An existing folder must already be
// private: its mode is never changed (it may be /tmp, or someone else's). Empty on success,
// otherwise what is wrong.
inline std::string make_private_folder(const std::filesystem::path& folder) {
    std::error_code ec;
    if (folder.has_parent_path() && !std::filesystem::exists(folder.parent_path(), ec)) {
        std::filesystem::create_directories(folder.parent_path(), ec);
        if (ec) return "cannot create " + folder.parent_path().string() + ": " + ec.message();
    }
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) return std::string("cannot create the folder: ") + std::strerror(errno);
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0) return std::string("cannot read the folder: ") + std::strerror(errno);
    if (!S_ISDIR(st.st_mode)) return "is not a folder";
    if ((st.st_mode & 077) != 0) {
        return "the folder is open to other users (mode " + std::to_string((st.st_mode >> 6) & 7) + std::to_string((st.st_mode >> 3) & 7) +
               std::to_string(st.st_mode & 7) + "); screenshots can show a patient's answers: name a new folder, or one only you can read (chmod 700)";
    }
    return {};
}

}  // namespace kiosk::app
