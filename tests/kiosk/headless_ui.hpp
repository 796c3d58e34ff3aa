#pragma once
// Drives the real screens with no window: an ImGui context without a backend, frames stepped by
// hand, and taps as Dear ImGui 1.86 sees them (press in one frame, release in the next, then the
// pointer moved away so nothing stays hovered).
#include <cfloat>
#include <optional>
#include <string>

#include <imgui.h>

#include "kiosk_ui.hpp"
#include "staff_ui.hpp"

namespace kiosk::test {

class HeadlessUi {
public:
    explicit HeadlessUi(ImVec2 size = ImVec2(1080, 1920)) : size_(size) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = size;
        ImFontConfig config;
        config.SizePixels = 26;
        ImFont* body = io.Fonts->AddFontDefault(&config);
        config.SizePixels = 36;
        ImFont* heading = io.Fonts->AddFontDefault(&config);
        config.SizePixels = 96;
        ImFont* huge = io.Fonts->AddFontDefault(&config);
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        fonts_ = {{body, heading, huge}, {heading, heading, huge}};
    }
    ~HeadlessUi() { ImGui::DestroyContext(context_); }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // One frame with the pointer where given; returns the screen's intent, applied to the flow.
    std::optional<app::Intent> frame(app::KioskFlow& flow, ImVec2 pointer, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0F / 60.0F;
        io.MousePos = pointer;
        io.MouseDown[0] = down;
        now_ += 1.0 / 60.0;
        flow.tick(now_);
        ImGui::NewFrame();
        std::optional<app::Intent> intent = ui::draw_kiosk(flow, now_, fonts_, state_, size_);
        ImGui::Render();
        if (intent) flow.apply(*intent, now_);
        return intent;
    }

    void idle_frame(app::KioskFlow& flow) { frame(flow, ImVec2(-FLT_MAX, -FLT_MAX), false); }

    // The same for the staff mode's screens (drawn beside the patient flow, as the app does).
    std::optional<app::StaffIntent> staff_frame(app::StaffFlow& staff, app::KioskFlow& flow, ImVec2 pointer, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0F / 60.0F;
        io.MousePos = pointer;
        io.MouseDown[0] = down;
        now_ += 1.0 / 60.0;
        staff.tick(now_);
        ImGui::NewFrame();
        std::optional<app::StaffIntent> intent = ui::draw_staff(staff, flow, now_, fonts_, state_, size_);
        ImGui::Render();
        if (intent) staff.apply(*intent, now_);
        return intent;
    }
    void idle_staff_frame(app::StaffFlow& staff, app::KioskFlow& flow) { staff_frame(staff, flow, ImVec2(-FLT_MAX, -FLT_MAX), false); }
    bool tap_staff(app::StaffFlow& staff, app::KioskFlow& flow, const std::string& id) {
        idle_staff_frame(staff, flow);
        const std::optional<ImVec2> at = state_.targets.center(id);
        if (!at) return false;
        staff_frame(staff, flow, *at, true);
        const std::optional<app::StaffIntent> intent = staff_frame(staff, flow, *at, false);
        idle_staff_frame(staff, flow);
        return intent.has_value();
    }

    // Taps the widget registered as `id`; false if no such widget is on screen.
    bool tap(app::KioskFlow& flow, const std::string& id) {
        idle_frame(flow);
        const std::optional<ImVec2> at = state_.targets.center(id);
        if (!at) return false;
        frame(flow, *at, true);
        const std::optional<app::Intent> intent = frame(flow, *at, false);
        idle_frame(flow);
        return intent.has_value();
    }

    // Presses at `id`, moves the finger by `dy` over several frames, and lifts it. Returns what
    // the drag pressed, if anything: "still here" (a finger is on the screen) does not count.
    std::optional<app::Intent> drag_from(app::KioskFlow& flow, const std::string& id, float dy) {
        idle_frame(flow);
        const std::optional<ImVec2> at = state_.targets.center(id);
        if (!at) return std::nullopt;
        std::optional<app::Intent> pressed;
        const auto keep = [&](std::optional<app::Intent> i) {
            if (i && i->kind != app::Intent::Kind::still_here) pressed = i;
        };
        keep(frame(flow, *at, true));
        for (int step = 1; step <= 10; ++step) keep(frame(flow, ImVec2(at->x, at->y + dy * static_cast<float>(step) / 10.0F), true));
        keep(frame(flow, ImVec2(at->x, at->y + dy), false));
        idle_frame(flow);
        return pressed;
    }

    bool on_screen(const std::string& id) const { return state_.targets.center(id).has_value(); }
    const ui::UiState& state() const { return state_; }
    // What the app tells the screens of read aloud (the kiosk program sets it each frame).
    void set_read_aloud(ui::ReadAloudView view) { state_.read_aloud = std::move(view); }

    // Drags the list up (from one of its answers) until `id` comes into view, as a patient would.
    bool scroll_to(app::KioskFlow& flow, const std::string& id) {
        for (int attempt = 0; attempt < 10; ++attempt) {
            idle_frame(flow);
            if (on_screen(id)) return true;
            // From the lowest answer in view: a finger drags upwards from low on the screen.
            std::string handle;
            float lowest = -1;
            for (const auto& [target, rect] : state_.targets.all()) {
                if (target.rfind("option:", 0) == 0 && rect.second.y > lowest) {
                    handle = target;
                    lowest = rect.second.y;
                }
            }
            if (handle.empty()) return false;
            drag_from(flow, handle, -200);
            for (int i = 0; i < 120; ++i) idle_frame(flow);  // let the inertia settle
        }
        return on_screen(id);
    }
    double now() const { return now_; }
    void advance(double seconds) { now_ += seconds; }

private:
    ImGuiContext* context_ = nullptr;
    ImVec2 size_;
    ui::FontSet fonts_;
    ui::UiState state_;
    double now_ = 1;
};

}  // namespace kiosk::test
