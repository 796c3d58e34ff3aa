#include "atomic_file.hpp"

#include <fstream>

#include <unistd.h>

namespace kiosk::content {

std::string replace_file(const std::filesystem::path& file, const std::string& text) {
    const std::filesystem::path temporary = file.string() + ".tmp" + std::to_string(getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return "cannot write " + temporary.string();
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (!ec) return {};
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return "cannot replace " + file.string() + ": " + ec.message();
}

}  // namespace kiosk::content
