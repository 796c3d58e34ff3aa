#include "export_folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk::screening {

namespace {

std::string problem(const std::string& what, const std::filesystem::path& path, int error) {
    return what + " " + path.string() + ": " + std::strerror(error);
}

// Empty on success.
std::string write_synced(const std::filesystem::path& path, const std::string& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return problem("cannot create", path, errno);
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int e = n < 0 ? errno : ENOSPC;
            ::close(fd);
            return problem("cannot write", path, e);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int e = errno;
        ::close(fd);
        return problem("cannot save", path, e);
    }
    if (::close(fd) != 0) return problem("cannot save", path, errno);
    return {};
}

std::string sync_folder(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return problem("cannot open", path, errno);
    const int rc = ::fsync(fd);
    const int e = errno;
    ::close(fd);
    // Some file systems of USB sticks (vfat) do not sync folders: the files themselves are synced.
    if (rc != 0 && e != EINVAL && e != EROFS) return problem("cannot save", path, e);
    return {};
}

}  // namespace

std::variant<std::filesystem::path, std::string> write_export_folder(const std::filesystem::path& parent, const std::string& name,
                                                                     const std::vector<ExportFile>& files) {
    std::error_code ec;
    if (!std::filesystem::is_directory(parent, ec)) return "the export folder " + parent.string() + " does not exist (is the USB stick in?)";
    const std::filesystem::path target = parent / name;
    if (std::filesystem::exists(target, ec)) return "an export named " + target.string() + " is already there; nothing was replaced";
    const std::filesystem::path partial = parent / ("." + name + ".partial");
    std::filesystem::remove_all(partial, ec);  // left by an export cut off earlier
    if (::mkdir(partial.c_str(), 0700) != 0) return problem("cannot create", partial, errno);
    std::string failure;
    for (const ExportFile& f : files) {
        if (f.name.empty() || f.name.find('/') != std::string::npos || f.name.front() == '.') {
            failure = "not a plain file name: '" + f.name + "'";
            break;
        }
        failure = write_synced(partial / f.name, f.content);
        if (!failure.empty()) break;
    }
    if (failure.empty()) failure = sync_folder(partial);
    if (failure.empty() && ::rename(partial.c_str(), target.c_str()) != 0) failure = problem("cannot move the export into", target, errno);
    if (!failure.empty()) {
        std::filesystem::remove_all(partial, ec);
        return failure;
    }
    if (std::string e = sync_folder(parent); !e.empty()) return e;
    return target;
}

}  // namespace kiosk::screening
