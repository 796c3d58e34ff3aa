#include "bounded_file.hpp"

#include <fstream>
#include <sstream>

namespace kiosk::content {

BoundedFile read_bounded_file(const std::filesystem::path& path, std::size_t max_bytes) {
    BoundedFile file;
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        file.problem = BoundedFile::Problem::unreadable;
        return file;
    }
    if (!std::filesystem::is_regular_file(status)) {
        file.problem = BoundedFile::Problem::not_regular;
        return file;
    }
    if (const std::uintmax_t size = std::filesystem::file_size(path, ec); !ec && size > max_bytes) {
        file.problem = BoundedFile::Problem::too_large;
        file.bytes = size;
        return file;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        file.problem = BoundedFile::Problem::unreadable;
        return file;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    file.text = buffer.str();
    file.bytes = file.text.size();
    if (file.text.size() > max_bytes) {  // grew while it was read
        file.problem = BoundedFile::Problem::too_large;
        file.text.clear();
    }
    return file;
}

std::string kilobytes(std::uintmax_t bytes) { return std::to_string((bytes + 1023) / 1024) + " KB"; }

}  // namespace kiosk::content
