#include "image_check.hpp"

#include <cstdio>
#include <memory>

#include <stb_image.h>

#include "input_limits.hpp"

namespace kiosk::content {

std::string image_problem(const std::filesystem::path& file) {
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::exists(status)) return "not found in the bundle folder";
    if (!std::filesystem::is_regular_file(status)) return "is not a file (a folder, a device or a pipe)";
    const std::uintmax_t bytes = std::filesystem::file_size(file, ec);
    if (ec) return "cannot be read (" + ec.message() + ")";
    if (bytes > limits::image_bytes) {
        return "is " + std::to_string(bytes / 1024) + " KB; a picture may have at most " + std::to_string(limits::image_bytes / 1024) + " KB";
    }
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!in) return "cannot be read";
    int width = 0;
    int height = 0;
    int channels = 0;
    if (stbi_info_from_file(in.get(), &width, &height, &channels) == 0) {
        return std::string("is not a picture the kiosk can show (") + stbi_failure_reason() + "; use PNG or JPEG)";
    }
    if (width > limits::image_side || height > limits::image_side) {
        return "is " + std::to_string(width) + " x " + std::to_string(height) + " pixels; a picture may have at most " +
               std::to_string(limits::image_side) + " on each side";
    }
    return {};
}

}  // namespace kiosk::content
