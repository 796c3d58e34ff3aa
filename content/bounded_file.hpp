#pragma once
// Reading a whole file that a person or a tool hands the kiosk, safely: only a regular file (a
// device, a pipe or a folder could block or never end), and only up to a size, checked before
// reading and again after (it may grow meanwhile). The callers word the problem for their users.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace kiosk::content {

struct BoundedFile {
    enum class Problem { none, unreadable, not_regular, too_large } problem = Problem::none;
    std::string text;          // the whole file, when problem is none
    std::uintmax_t bytes = 0;  // its size (too_large: as found)
};

BoundedFile read_bounded_file(const std::filesystem::path& path, std::size_t max_bytes);

// "N KB", rounded up: a file one byte over a limit of 1024 KB reads "1025 KB".
std::string kilobytes(std::uintmax_t bytes);

}  // namespace kiosk::content
