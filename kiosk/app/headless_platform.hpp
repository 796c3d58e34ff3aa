#pragma once
// The kiosk with no window: a Dear ImGui context without backends, a clock that moves only when
// the program draws or waits, and no pixels. Tests run the whole program on it (start-up steps,
// scripts, font atlas switches, the idle wipe) on machines without a display.
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "imgui_context.hpp"
#include "platform.hpp"

#include <algorithm>
#include <string>

namespace kiosk::app {

// What the headless "sound device" was asked to do, in order: "begin" (a reading), "play" (a
// piece, taken at the pace a device plays it), "cut" (a piece stopped by drop()), "finish".
struct SoundLog {
    std::mutex mutex;
    std::vector<std::string> events;
    std::size_t samples = 0;
    bool has(const std::string& event) {
        const std::lock_guard<std::mutex> lock(mutex);
        return std::find(events.begin(), events.end(), event) != events.end();
    }
};

class HeadlessPlatform final : public Platform {
public:
    explicit HeadlessPlatform(ImVec2 size = ImVec2(1080, 1920)) : size_(size) {}
    ~HeadlessPlatform() override = default;
    HeadlessPlatform(const HeadlessPlatform&) = delete;
    HeadlessPlatform& operator=(const HeadlessPlatform&) = delete;

    std::string find_screen(int width, int height) override;
    void start_imgui() override;
    std::string open_window() override;
    bool is_open() const override { return opened_; }
    ImVec2 framebuffer_size() const override { return size_; }
    double time() const override { return clock_; }
    bool should_close() const override { return frames_ >= close_after_frames || clock_ >= close_at_time; }
    void wait_for_input(double timeout_seconds) override;
    void poll_input() override {}
    void wake() override {}
    bool input_pending() const override { return false; }
    bool take_exposed() override { return false; }
    void new_frame() override;
    bool present(const std::string& png_path, ImU32 background, bool to_screen = true) override;
    void wait_until_drawn() override {}
    void upload_font_atlas() override;
    std::optional<ImTextureID> create_texture(const unsigned char* rgba, int width, int height) override;
    void destroy_texture(ImTextureID id) override;
    SoundProbe::Open sound_opener(const std::string& device, double volume) override;

    // What the program did, for tests to check.
    std::vector<std::string> screenshots;  // the paths it asked to save, in order (nothing is written)
    ImVec2 font_atlas_size{0, 0};           // of the last upload
    int font_atlas_uploads = 0;
    int live_textures = 0;                   // created and not yet destroyed
    int close_after_frames = 1 << 30;        // should_close() after this many frames…
    double close_at_time = 1e300;            // …or once its clock reaches this
    int frames_presented = 0;                // frames drawn to the screen (present(), to_screen)
    std::vector<double> waits;               // the timeout of each wait_for_input(), in order
    std::optional<std::pair<int, ImVec2>> resize_at;  // at that frame, the screen takes that size
    bool has_sound_device = true;                     // false: the sound opener finds none
    std::shared_future<void> sound_answers_when;      // valid: the sound opener waits for it first
    std::shared_ptr<SoundLog> sound = std::make_shared<SoundLog>();

private:
    ImVec2 size_;
    OwnedImGuiContext context_;
    bool opened_ = false;
    double clock_ = 0;
    int frames_ = 0;
};

}  // namespace kiosk::app
