#pragma once
// The real kiosk window: GLFW 3.3, an OpenGL 3 context owned by a drawing thread of its own
// (gl_thread.hpp), Dear ImGui's OpenGL3 backend, and the touch screen's input read from GLFW's
// callbacks (glfw_platform.cpp says why not Dear ImGui's GLFW backend). Full screen and
// undecorated unless given a size; the cursor is hidden.
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "gl_thread.hpp"
#include "imgui_context.hpp"
#include "platform.hpp"

struct GLFWwindow;

namespace kiosk::app {

// GLFW itself (glfwInit … glfwTerminate) and a window, each released with its owner.
class GlfwLibrary {
public:
    GlfwLibrary();
    ~GlfwLibrary();
    GlfwLibrary(const GlfwLibrary&) = delete;
    GlfwLibrary& operator=(const GlfwLibrary&) = delete;
    bool started() const { return started_; }

private:
    bool started_ = false;
};
struct GlfwWindowDeleter {
    void operator()(GLFWwindow* window) const;
};
using OwnedGlfwWindow = std::unique_ptr<GLFWwindow, GlfwWindowDeleter>;

class GlfwPlatform final : public Platform {
public:
    GlfwPlatform() = default;
    ~GlfwPlatform() override;
    GlfwPlatform(const GlfwPlatform&) = delete;
    GlfwPlatform& operator=(const GlfwPlatform&) = delete;

    std::string find_screen(int width, int height) override;
    void start_imgui() override;
    std::string open_window() override;
    bool is_open() const override { return gl_ != nullptr; }
    ImVec2 framebuffer_size() const override;
    double time() const override;
    bool should_close() const override;
    void wait_for_input(double timeout_seconds) override;
    void poll_input() override;
    void wake() override;
    bool input_pending() const override;
    bool take_exposed() override;
    void new_frame() override;
    bool present(const std::string& png_path, ImU32 background, bool to_screen = true) override;
    void wait_until_drawn() override;
    void upload_font_atlas() override;
    std::optional<ImTextureID> create_texture(const unsigned char* rgba, int width, int height) override;
    void destroy_texture(ImTextureID id) override;

private:
    // Declared in the order they start, so that they end in reverse: the window before GLFW.
    std::optional<GlfwLibrary> glfw_;
    int width_ = 0;  // planned size
    int height_ = 0;
    bool full_screen_ = false;
    std::thread driver_loader_;  // loads the software GL driver while the kiosk gets ready
    OwnedImGuiContext context_;
    OwnedGlfwWindow window_;
    bool imgui_ = false;  // Dear ImGui's OpenGL backend started (start_renderer())
    bool alpha_only_textures_ = false;  // swizzled one-channel textures (GL 3.3 or ARB_texture_swizzle)
    unsigned int font_texture_ = 0;
    double last_frame_ = 0;  // glfwGetTime() of the last frame, for Dear ImGui's DeltaTime
    std::unique_ptr<GlThread> gl_;      // owns the context once the window is open
    std::vector<ImDrawList*> drawn_lists_;  // the copy of the frame being drawn…
    ImDrawData drawn_;                      // …and its draw data

    void forget_drawn_lists();
    // Dear ImGui's OpenGL backend, on the drawing thread, once.
    void start_renderer();
};

}  // namespace kiosk::app
