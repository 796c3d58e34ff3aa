#include "headless_platform.hpp"

#include <algorithm>
#include <cstdint>

namespace kiosk::app {

std::string HeadlessPlatform::find_screen(int width, int height) {
    if (width > 0 && height > 0) size_ = ImVec2(static_cast<float>(width), static_cast<float>(height));
    return {};
}

void HeadlessPlatform::start_imgui() {
    if (!context_) context_ = make_kiosk_imgui_context();
}

std::string HeadlessPlatform::open_window() {
    start_imgui();
    opened_ = true;
    return {};
}

void HeadlessPlatform::wait_for_input(double timeout_seconds) {
    // No one touches a headless screen: the clock moves to the timeout, or to the close.
    waits.push_back(timeout_seconds);
    clock_ = std::min(clock_ + timeout_seconds, std::max(clock_, close_at_time));
}

void HeadlessPlatform::new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    ++frames_;
    if (resize_at && frames_ >= resize_at->first) size_ = resize_at->second;
    io.DisplaySize = size_;
    io.DeltaTime = 1.0F / 60.0F;
    clock_ += 1.0 / 60.0;
}

bool HeadlessPlatform::present(const std::string& png_path, ImU32 /*background*/, bool to_screen) {
    if (!png_path.empty()) screenshots.push_back(png_path);
    if (to_screen) ++frames_presented;
    return true;
}

void HeadlessPlatform::upload_font_atlas() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    font_atlas_size = ImVec2(static_cast<float>(width), static_cast<float>(height));
    ++font_atlas_uploads;
    atlas.SetTexID(reinterpret_cast<ImTextureID>(std::uintptr_t{1}));
}

std::optional<ImTextureID> HeadlessPlatform::create_texture(const unsigned char*, int, int) {
    ++live_textures;
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(100 + live_textures));
}

void HeadlessPlatform::destroy_texture(ImTextureID) { --live_textures; }

}  // namespace kiosk::app
