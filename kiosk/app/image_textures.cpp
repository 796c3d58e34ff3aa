#include "image_textures.hpp"

#include <cstdint>
#include <iostream>

#include <GL/gl.h>
#include <stb_image.h>

namespace kiosk::app {

ImageTextures::~ImageTextures() {
    for (const auto& [path, texture] : loaded_) {
        if (!texture) continue;
        const auto id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture->id));
        glDeleteTextures(1, &id);
    }
}

std::optional<ui::ImageTexture> ImageTextures::get(const std::string& bundle_path) {
    if (const auto it = loaded_.find(bundle_path); it != loaded_.end()) return it->second;
    int width = 0;
    int height = 0;
    int channels = 0;
    unsigned char* pixels = stbi_load((bundle_dir_ / bundle_path).c_str(), &width, &height, &channels, 4);
    std::optional<ui::ImageTexture> texture;
    if (pixels != nullptr) {
        GLuint id = 0;
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        stbi_image_free(pixels);
        texture = ui::ImageTexture{reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id)), static_cast<float>(width),
                                   static_cast<float>(height)};
    } else {
        std::cerr << "kiosk: cannot decode " << (bundle_dir_ / bundle_path) << ": " << stbi_failure_reason() << "\n";
    }
    loaded_[bundle_path] = texture;
    return texture;
}

}  // namespace kiosk::app
