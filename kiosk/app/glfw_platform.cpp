#include "glfw_platform.hpp"

#include <algorithm>
#include <atomic>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <utility>
#include <vector>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <backends/imgui_impl_opengl3.h>
#include <png.h>

namespace kiosk::app {

namespace {

// The touch screen's input, from GLFW's callbacks (our own, not Dear ImGui's GLFW backend: its
// NewFrame asks the X server for the window size, the focus and the pointer every frame, four
// round trips that cost a dragging finger about a tenth of each frame; the callbacks already told
// us all of it). A touch screen needs the pointer and the first button; keys are not read.
struct TouchInput {
    bool exposed = false;  // the window's contents were lost
    double x = -FLT_MAX;
    double y = -FLT_MAX;
    bool down = false;
    bool pressed = false;  // a press not yet seen by a frame: a tap shorter than a frame still counts
    bool seen_down = false;  // the last frame saw the finger down
    bool lifted = false;     // a frame saw it lift: the pointer is gone until it moves or presses again
    bool gone_shown = false; // the last frame had the pointer gone
    int width = 0;         // of the framebuffer
    int height = 0;
    unsigned events = 0;   // callbacks so far: a wake-up that brought none has nothing to show
} touch;
// wake() was called (from any thread) since the last wait.
std::atomic<bool> woken{false};
void on_cursor(GLFWwindow*, double x, double y) {
    ++touch.events;
    touch.x = x;
    touch.y = y;
    touch.lifted = false;
}
void on_button(GLFWwindow*, int button, int action, int) {
    ++touch.events;
    if (button == GLFW_MOUSE_BUTTON_LEFT) {
        touch.down = action == GLFW_PRESS;
        touch.pressed = touch.pressed || touch.down;
        // A second tap on the same spot brings no motion: the finger is back where the pointer is.
        if (touch.down) touch.lifted = false;
    }
}
void on_size(GLFWwindow*, int width, int height) {
    ++touch.events;
    touch.width = width;
    touch.height = height;
}
void on_refresh(GLFWwindow*) {
    ++touch.events;
    touch.exposed = true;
}

GLuint gl_id(ImTextureID id) { return static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(id)); }
ImTextureID imgui_id(GLuint id) { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id)); }

GLuint new_texture() {
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    return id;
}

}  // namespace

GlfwLibrary::GlfwLibrary() : started_(glfwInit() == GLFW_TRUE) {}
GlfwLibrary::~GlfwLibrary() {
    if (started_) glfwTerminate();
}
void GlfwWindowDeleter::operator()(GLFWwindow* window) const { glfwDestroyWindow(window); }

GlfwPlatform::~GlfwPlatform() {
    if (driver_loader_.joinable()) driver_loader_.join();
    if (gl_) {
        gl_->stop([] { glfwMakeContextCurrent(nullptr); });  // the context comes back to this thread
        glfwMakeContextCurrent(window_.get());
    }
    forget_drawn_lists();
    if (imgui_) {
        if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
        ImGui_ImplOpenGL3_Shutdown();
    }
    // The window, the ImGui context and GLFW itself go with their members, in that order.
}

std::string GlfwPlatform::find_screen(int width, int height) {
    if (!glfw_) {
        if (!glfw_.emplace().started()) return "no display (GLFW could not start)";
#ifdef KIOSK_SOFTWARE_GL_DRIVER
        // No GPU (no /dev/dri): Mesa will draw with llvmpipe, whose driver spends 60-75 ms loading
        // LLVM inside glfwCreateWindow. Load it now on a second thread, while the content, the
        // store and the fonts get ready on this one; the window then finds it loaded.
        if (!std::filesystem::exists("/dev/dri")) {
            driver_loader_ = std::thread([] { dlopen(KIOSK_SOFTWARE_GL_DRIVER, RTLD_LAZY | RTLD_LOCAL); });
        }
#endif
    }
    full_screen_ = width == 0;
    if (full_screen_) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) return "no monitor";
        width = mode->width;
        height = mode->height;
    }
    width_ = width;
    height_ = height;
    return {};
}

void GlfwPlatform::start_imgui() {
    if (!context_) context_ = make_kiosk_imgui_context();
}

std::string GlfwPlatform::open_window() {
    if (!glfw_ || !glfw_->started()) return "no display (GLFW could not start)";
    if (driver_loader_.joinable()) driver_loader_.join();
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // Dear ImGui draws with neither: no depth or stencil buffer (with llvmpipe, 8 MB of memory at
    // 1080x1920 that nothing would use).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    window_.reset(glfwCreateWindow(width_, height_, "Magnesium IV kiosk", full_screen_ ? glfwGetPrimaryMonitor() : nullptr, nullptr));
    if (!window_) return "the window could not be created";
    GLFWwindow* const window = window_.get();
    glfwMakeContextCurrent(window);
    if (glfwGetCurrentContext() != window) return "no OpenGL context";
    glfwSwapInterval(1);
    glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetMouseButtonCallback(window, on_button);
    glfwSetFramebufferSizeCallback(window, on_size);
    glfwSetWindowRefreshCallback(window, on_refresh);
    glfwGetFramebufferSize(window, &touch.width, &touch.height);
    const int major = glfwGetWindowAttrib(window, GLFW_CONTEXT_VERSION_MAJOR);
    const int minor = glfwGetWindowAttrib(window, GLFW_CONTEXT_VERSION_MINOR);
    alpha_only_textures_ = major > 3 || (major == 3 && minor >= 3) || glfwExtensionSupported("GL_ARB_texture_swizzle");

    // From here on the context is the drawing thread's (gl_thread.hpp): every GL call goes there.
    glfwMakeContextCurrent(nullptr);
    gl_ = std::make_unique<GlThread>([window] { glfwMakeContextCurrent(window); });
    return {};
}

void GlfwPlatform::start_renderer() {
    // Not in open_window(): start-up may still be building the font atlas on another thread then,
    // and Dear ImGui's allocations count themselves in its context. Here, before the first upload
    // or frame, start-up is one thread again.
    if (imgui_) return;
    imgui_ = true;
    gl_->run([] {
        ImGuiIO& io = ImGui::GetIO();
        io.BackendPlatformName = "kiosk_glfw_touch";
        ImGui_ImplOpenGL3_Init("#version 130");
        // Now, not lazily in the first NewFrame(): that would upload a font atlas of its own after
        // we have uploaded ours and dropped its CPU copy, rebuilding it from nothing (garbled
        // text). The backend makes a font texture as it goes, which is not used
        // (upload_font_atlas() makes a smaller one): it makes it from a stand-in atlas of one
        // small font, not by converting the whole of io.Fonts to four bytes a pixel.
        ImFontAtlas stand_in;
        ImFontAtlas* const fonts = std::exchange(io.Fonts, &stand_in);
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        io.Fonts = fonts;
    });
}

ImVec2 GlfwPlatform::framebuffer_size() const {
    if (!window_) return {static_cast<float>(width_), static_cast<float>(height_)};
    return {static_cast<float>(touch.width), static_cast<float>(touch.height)};  // kept by on_size
}

double GlfwPlatform::time() const { return glfwGetTime(); }

bool GlfwPlatform::should_close() const { return glfwWindowShouldClose(window_.get()) != 0; }

void GlfwPlatform::wait_for_input(double timeout_seconds) {
    // Not while the drawing thread talks to the X server: the two threads share one connection,
    // and while that thread reads the server's replies the connection's socket stays readable
    // with nothing this thread may take, so GLFW's wait spins in poll() (perf, while a finger
    // drags: bursts of 1.5-3 ms of CPU on this thread, a few times a second). A frame could not
    // be shown before the drawing is done anyway; input that comes meanwhile waits in the socket.
    if (gl_) gl_->wait();
    // No timeout: the thread sleeps in the X or Wayland connection's poll() until an event or a
    // wake() arrives, with no periodic wake-up at all. The X server also sends events that carry
    // no input (a pointer moved to where it already was, focus, the window's own bookkeeping):
    // GLFW wakes for them, but they change nothing on screen, so the wait goes on.
    const double until = glfwGetTime() + timeout_seconds;
    const unsigned events_before = touch.events;
    while (true) {
        if (std::isinf(timeout_seconds)) glfwWaitEvents();
        else glfwWaitEventsTimeout(std::max(until - glfwGetTime(), 0.0));
        if (touch.events != events_before || woken.exchange(false) || should_close() || glfwGetTime() >= until) return;
    }
}

void GlfwPlatform::wake() {
    woken = true;
    glfwPostEmptyEvent();
}

bool GlfwPlatform::input_pending() const {
    return touch.pressed || touch.down != touch.seen_down || (touch.lifted && !touch.gone_shown);
}

bool GlfwPlatform::take_exposed() {
    const bool was = touch.exposed;
    touch.exposed = false;
    return was;
}

void GlfwPlatform::poll_input() {
    glfwPollEvents();
}

void GlfwPlatform::new_frame() {
    start_renderer();
    ImGui_ImplOpenGL3_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = framebuffer_size();
    io.DisplayFramebufferScale = ImVec2(1, 1);
    const double now = glfwGetTime();
    io.DeltaTime = last_frame_ > 0 ? static_cast<float>(std::max(now - last_frame_, 1e-4)) : 1.0F / 60.0F;
    last_frame_ = now;
    const bool down = touch.down || touch.pressed;
    touch.pressed = false;
    // The frame that sees a finger lift still has it where it was (the tap lands there); after
    // that it is gone, so that no button stays lit as if a finger hovered over it.
    const bool gone = touch.lifted;
    if (down) touch.lifted = false;
    else if (touch.seen_down) touch.lifted = true;
    touch.seen_down = down;
    touch.gone_shown = gone && !down;
    io.MousePos = touch.gone_shown ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(static_cast<float>(touch.x), static_cast<float>(touch.y));
    io.MouseDown[0] = down;
}

namespace {

// For writing, mode 0600 whatever the umask: a screenshot can show a patient's answers.
std::FILE* open_private_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return nullptr;
    ::fchmod(fd, 0600);  // an older file of that name keeps its mode otherwise
    std::FILE* file = ::fdopen(fd, "wb");
    if (file == nullptr) ::close(fd);
    return file;
}

// Writes the back buffer as an RGB PNG. libpng at zlib level 1 with no row filter (a screen is
// mostly flat colour, which deflate alone packs well): a 1080x1920 screen in about 29 ms and
// 94 KB, measured over the 153 preview screens (level 3 with the "sub" filter: 40 ms and 105 KB;
// stb_image_write: 500 ms).
bool save_png(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    std::FILE* const file = open_private_file(path);
    if (file == nullptr) return false;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
    volatile bool written = false;  // volatile: it must survive libpng's longjmp
    // libpng reports errors by longjmp: nothing with a destructor may live between here and there.
    if (info != nullptr && setjmp(png_jmpbuf(png)) == 0) {
        png_init_io(png, file);
        png_set_compression_level(png, 1);
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
        png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_write_info(png, info);
        // OpenGL's rows run bottom to top, PNG's top to bottom.
        const std::size_t row = static_cast<std::size_t>(width) * 3;
        for (int y = height - 1; y >= 0; --y) png_write_row(png, pixels.data() + row * static_cast<std::size_t>(y));
        png_write_end(png, nullptr);
        written = true;
    }
    png_destroy_write_struct(&png, info != nullptr ? &info : nullptr);
    return std::fclose(file) == 0 && written;
}

}  // namespace

void GlfwPlatform::forget_drawn_lists() {
    for (ImDrawList* list : drawn_lists_) IM_DELETE(list);
    drawn_lists_.clear();
}

bool GlfwPlatform::present(const std::string& png_path, ImU32 background, bool to_screen) {
    // The frame is handed to the drawing thread as a copy (Dear ImGui reuses its lists for the next
    // frame). Copies are made and freed on this thread, the one Dear ImGui allocates on; the last
    // frame's are freed once its drawing is done.
    gl_->wait();
    forget_drawn_lists();
    const ImDrawData& source = *ImGui::GetDrawData();
    for (int n = 0; n < source.CmdListsCount; ++n) drawn_lists_.push_back(source.CmdLists[n]->CloneOutput());
    drawn_ = source;
    drawn_.CmdLists = drawn_lists_.data();
    const ImVec2 size = framebuffer_size();
    const int width = static_cast<int>(size.x);
    const int height = static_cast<int>(size.y);
    const auto draw = [this, width, height, background, to_screen, png_path] {
        glViewport(0, 0, width, height);
        const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(background);
        glClearColor(clear.x, clear.y, clear.z, 1.0F);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(&drawn_);
        // Read before the swap: the back buffer holds exactly this frame.
        const bool saved = png_path.empty() || save_png(png_path, width, height);
        if (to_screen) glfwSwapBuffers(window_.get());
        return saved;
    };
    // A screenshot is waited for (whether it was written is the answer); a frame is not.
    if (png_path.empty()) {
        gl_->post([draw] { draw(); });
        return true;
    }
    bool saved = false;
    gl_->run([&] { saved = draw(); });
    return saved;
}

void GlfwPlatform::wait_until_drawn() {
    gl_->run([] { glFinish(); });
}

void GlfwPlatform::upload_font_atlas() {
    start_renderer();
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    // One byte per pixel instead of four where the GL can swizzle: the atlas is coverage only. The
    // swizzle hands the shader (1, 1, 1, coverage), exactly what the RGBA atlas holds. For the
    // Chinese atlas (2048x2048) that is 4 MB in llvmpipe's memory instead of 16.
    if (alpha_only_textures_) atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    else atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    gl_->run([&] {
        if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
        font_texture_ = new_texture();
        if (alpha_only_textures_) {
            const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
            glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
        } else {
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        }
    });
    atlas.SetTexID(imgui_id(font_texture_));
}

std::optional<ImTextureID> GlfwPlatform::create_texture(const unsigned char* rgba, int width, int height) {
    GLuint id = 0;
    gl_->run([&] {
        id = new_texture();
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    });
    return imgui_id(id);
}

void GlfwPlatform::destroy_texture(ImTextureID id) {
    const GLuint gl = gl_id(id);
    gl_->run([gl] { glDeleteTextures(1, &gl); });
}

}  // namespace kiosk::app
