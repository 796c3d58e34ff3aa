#include "image_textures.hpp"

#include "system_log.hpp"

#include <iostream>

#include <stb_image.h>

#include "image_check.hpp"

namespace kiosk::app {

ImageTextures::~ImageTextures() {
    for (const auto& [path, texture] : loaded_) {
        if (texture) platform_.destroy_texture(texture->id);
    }
}

std::optional<ui::ImageTexture> ImageTextures::get(const std::string& bundle_path) {
    if (const auto it = loaded_.find(bundle_path); it != loaded_.end()) return it->second;
    // Lint has said the same of the bundle in use; a file changed since, or a hostile one, is
    // still never decoded past the limits.
    if (const std::string problem = content::image_problem(bundle_dir_ / bundle_path); !problem.empty()) {
        system_log(LogLevel::warning, "picture", "not showing the picture " + bundle_path + ": it " + problem);
        loaded_[bundle_path] = std::nullopt;
        return std::nullopt;
    }
    int width = 0;
    int height = 0;
    int channels = 0;
    unsigned char* pixels = stbi_load((bundle_dir_ / bundle_path).c_str(), &width, &height, &channels, 4);
    std::optional<ui::ImageTexture> texture;
    if (pixels != nullptr) {
        const std::optional<ImTextureID> id = platform_.create_texture(pixels, width, height);
        stbi_image_free(pixels);
        if (id) texture = ui::ImageTexture{*id, static_cast<float>(width), static_cast<float>(height)};
    } else {
        system_log(LogLevel::warning, "picture", "cannot decode " + (bundle_dir_ / bundle_path).string() + ": " + stbi_failure_reason());
    }
    loaded_[bundle_path] = texture;
    return texture;
}

}  // namespace kiosk::app
