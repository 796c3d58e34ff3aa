#pragma once
// Everything the kiosk needs from a window, OpenGL and the touch screen, behind one small
// interface: the program itself (start-up steps, font atlas switches, the render loop, scripts,
// the idle wipe) runs the same on GLFW + OpenGL (glfw_platform.hpp) and with no window at all
// (headless_platform.hpp, for tests). No GLFW or GL type appears here.
#include <memory>
#include <optional>
#include <string>

#include <imgui.h>

#include "sound_probe.hpp"

namespace kiosk::app {

class Platform {
public:
    virtual ~Platform() = default;

    // Start-up in three parts, so that the fonts can be built (at the screen's scale) on another
    // thread while the window opens. Empty on success, otherwise the reason for staff.
    //   find_screen: the size to draw at (width 0: full screen on the primary monitor); quick.
    //   start_imgui: the Dear ImGui context, without backends: its font atlas can be built.
    //   open_window: the window and its OpenGL context; touches no Dear ImGui state, since the
    //                atlas may be in the making meanwhile. Dear ImGui's renderer backend starts
    //                with the first upload_font_atlas() or new_frame().
    virtual std::string find_screen(int width, int height) = 0;
    virtual void start_imgui() = 0;
    virtual std::string open_window() = 0;
    virtual bool is_open() const = 0;             // open_window() succeeded: frames can be drawn
    virtual ImVec2 framebuffer_size() const = 0;  // from find_screen() on
    virtual double time() const = 0;  // seconds, monotonic
    virtual bool should_close() const = 0;

    // Both take in the input that arrived (new_frame() hands it on); the first sleeps until some does, until
    // wake() is called or until `timeout_seconds` have passed (infinity: no timeout at all).
    virtual void wait_for_input(double timeout_seconds) = 0;
    virtual void poll_input() = 0;
    // From any thread: ends a wait_for_input() early, for work done off the UI thread.
    virtual void wake() = 0;
    // Input already received that the last frame has not shown yet: a tap shorter than a frame is
    // seen pressed by one frame and released by the next; a lifted finger leaves the frame after.
    virtual bool input_pending() const = 0;
    // Whether the window system lost what the window showed since the last call (uncovered,
    // mapped again): the next frame must be drawn even when it is the same as the last one.
    virtual bool take_exposed() = 0;

    // Before ImGui::NewFrame(): display size, clock, and the pointer from the touch screen.
    virtual void new_frame() = 0;
    // After ImGui::Render(): clears to `background` and draws the frame. With a path, saves it as a
    // PNG first (false if that failed). `to_screen` false: the picture only, never shown.
    virtual bool present(const std::string& png_path, ImU32 background, bool to_screen = true) = 0;
    virtual void wait_until_drawn() = 0;  // for measurements: the frame is really on screen

    // Uploads io.Fonts' pixels as the font texture, replacing the previous one, and sets its id.
    virtual void upload_font_atlas() = 0;
    virtual std::optional<ImTextureID> create_texture(const unsigned char* rgba, int width, int height) = 0;
    virtual void destroy_texture(ImTextureID id) = 0;
    // How to open the sound device read aloud plays on (`device`: an ALSA name such as
    // "default"): a function answering with it, or nothing with its problem when there is none.
    // It owns all it uses: start-up asks it on a thread that may outlive the platform (a sound
    // server that hangs, sound_probe.hpp). ALSA unless a platform has its own (tests record).
    virtual SoundProbe::Open sound_opener(const std::string& device, double volume);
};

}  // namespace kiosk::app
