#include "disk_reserve.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::store {

std::optional<DiskReserve::Problem> DiskReserve::ensure() {
    if (!enabled()) return std::nullopt;
    // O_NOFOLLOW: a link planted where the reserve goes must not send the blocks somewhere else;
    // O_NONBLOCK: a pipe planted there must not hang the kiosk.
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int why = errno;
        return Problem{path_.string() + ": " + std::strerror(why), why == ENOSPC};
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Problem{path_.string() + " is not a regular file; it was left alone"};
    }
    if (static_cast<std::uint64_t>(st.st_size) >= bytes_ && static_cast<std::uint64_t>(st.st_blocks) * 512 >= bytes_) {
        ::close(fd);
        return std::nullopt;
    }
    const int rc = ::posix_fallocate(fd, 0, static_cast<off_t>(bytes_));
    ::close(fd);
    if (rc != 0) {
        // A part-made reserve would hold space and promise more than it has.
        ::unlink(path_.c_str());
        return Problem{"no room for the reserve " + path_.string() + " (" + std::to_string(bytes_ / 1024) + " KB): " + std::strerror(rc),
                       rc == ENOSPC};
    }
    return std::nullopt;
}

bool DiskReserve::release() {
    if (!enabled()) return false;
    struct stat st {};
    if (::lstat(path_.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    return ::unlink(path_.c_str()) == 0;
}

bool DiskReserve::held() const {
    struct stat st {};
    return enabled() && ::lstat(path_.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) >= bytes_;
}

}  // namespace kiosk::store
