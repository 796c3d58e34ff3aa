#include "headless_platform.hpp"

#include <chrono>
#include <condition_variable>

#include "read_aloud.hpp"

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

namespace kiosk::app {

namespace {

// Takes each piece at the pace a device would play it, so that a stop arrives mid-reading as it
// does on a kiosk; drop() ends the wait at once.
class PacedRecorder final : public speech::AudioOutput {
public:
    explicit PacedRecorder(std::shared_ptr<SoundLog> log) : log_(std::move(log)) {}
    void begin() override {
        const std::lock_guard<std::mutex> lock(mutex_);
        dropped_ = false;
        note("begin");
    }
    bool play(const std::int16_t*, std::size_t count, int sample_rate, std::string& problem) override {
        std::unique_lock<std::mutex> lock(mutex_);
        const auto lasts = std::chrono::microseconds(static_cast<long long>(count) * 1'000'000 / std::max(1, sample_rate));
        if (changed_.wait_for(lock, lasts, [this] { return dropped_; })) {
            note("cut");
            problem = "stopped";
            return false;
        }
        note("play");
        const std::lock_guard<std::mutex> log_lock(log_->mutex);
        log_->samples += count;
        return true;
    }
    void drop() override {
        const std::lock_guard<std::mutex> lock(mutex_);
        dropped_ = true;
        changed_.notify_all();
    }
    void finish() override { note("finish"); }

private:
    void note(const char* event) {
        const std::lock_guard<std::mutex> lock(log_->mutex);
        // A reading plays hundreds of pieces: one "play" for a run of them.
        if (std::string_view(event) == "play" && !log_->events.empty() && log_->events.back() == "play") return;
        log_->events.emplace_back(event);
    }

    std::shared_ptr<SoundLog> log_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool dropped_ = false;
};

}  // namespace

SoundProbe::Open HeadlessPlatform::sound_opener(const std::string& device, double) {
    return [device, present = has_sound_device, log = sound, answers_when = sound_answers_when](std::string& problem) -> std::unique_ptr<speech::AudioOutput> {
        if (answers_when.valid()) answers_when.wait();
        if (!present) {
            problem = "cannot open sound device '" + device + "': no such device (headless test)";
            return nullptr;
        }
        return std::make_unique<PacedRecorder>(log);
    };
}

}  // namespace kiosk::app
