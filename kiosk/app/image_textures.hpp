#pragma once
// Pictures from the bundle as textures of the platform: decoded once with stb_image, kept while
// the kiosk runs (a handful of small images), released before the platform closes.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "platform.hpp"
#include "screen_context.hpp"

namespace kiosk::app {

class ImageTextures {
public:
    ImageTextures(std::filesystem::path bundle_dir, Platform& platform) : bundle_dir_(std::move(bundle_dir)), platform_(platform) {}
    ~ImageTextures();
    ImageTextures(const ImageTextures&) = delete;
    ImageTextures& operator=(const ImageTextures&) = delete;

    // Nothing when the file cannot be decoded (the screen then shows the description alone).
    std::optional<ui::ImageTexture> get(const std::string& bundle_path);

private:
    std::filesystem::path bundle_dir_;
    Platform& platform_;
    std::map<std::string, std::optional<ui::ImageTexture>> loaded_;
};

}  // namespace kiosk::app
