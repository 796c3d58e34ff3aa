#pragma once
// Pictures from the bundle as OpenGL textures: decoded once with stb_image, kept while the kiosk
// runs (a handful of small images), released before the GL context is.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "screen_context.hpp"

namespace kiosk::app {

class ImageTextures {
public:
    explicit ImageTextures(std::filesystem::path bundle_dir) : bundle_dir_(std::move(bundle_dir)) {}
    ~ImageTextures();
    ImageTextures(const ImageTextures&) = delete;
    ImageTextures& operator=(const ImageTextures&) = delete;

    // Nothing when the file cannot be decoded (the screen then shows the description alone).
    std::optional<ui::ImageTexture> get(const std::string& bundle_path);

private:
    std::filesystem::path bundle_dir_;
    std::map<std::string, std::optional<ui::ImageTexture>> loaded_;
};

}  // namespace kiosk::app
