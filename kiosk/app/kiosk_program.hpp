#pragma once
// The kiosk program (kiosk_app.hpp runs it), one class in four files by purpose:
//   kiosk_app.cpp       start-up as named steps, fonts, content updates, the frame and the loop
//   kiosk_script.cpp    scripted taps, screenshots and waits (scripts, end-to-end tests)
//   kiosk_measure.cpp   kiosk --measure
//   screen_preview.cpp  screens drawn from their descriptions (previews, layout lint)
// Internal to the kiosk_app library: nothing outside it includes this.
#include "kiosk_app.hpp"
#include "platform.hpp"
#include "service_notify.hpp"

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <limits>
#include <sstream>

#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <malloc.h>
#include <stdlib.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "answers_json.hpp"
#include "bundle_releases.hpp"
#include "content_updates.hpp"
#include "content_watch.hpp"
#include "font_atlas.hpp"
#include "frame_fingerprint.hpp"
#include "image_textures.hpp"
#include "json_file.hpp"
#include "kiosk_config.hpp"
#include "kiosk_flow.hpp"
#include "kiosk_ui.hpp"
#include "lint_report.hpp"
#include "locale_readiness.hpp"
#include "long_press.hpp"
#include "out_of_service_screen.hpp"
#include "read_aloud_service.hpp"
#include "screen_preview.hpp"
#include "script_player.hpp"
#include "staff_flow.hpp"
#include "staff_ui.hpp"

namespace kiosk::app {

// Process figures for the measurements (kiosk_measure.cpp).
double cpu_seconds(clockid_t clock);
std::pair<double, double> median_p99(std::vector<double> v);

class Kiosk {
public:
    Kiosk(Options options, Platform& platform) : options_(std::move(options)), platform_(platform) {}

    const std::string& failure() const { return failure_; }

    // Starts, then runs until the window closes or the script ends: 0 when all went well.
    int run();
    // Start-up as named steps; a failure leaves the out-of-service screen (failure() says why).
    void start();
    // Draws each described screen (screen_preview.cpp).
    PreviewRun preview(std::vector<ScreenDescription> screens, const std::filesystem::path& png_dir, float px_per_mm = 0);
    // What the contrast check finds on the frame just drawn, as layout findings of `shot`.
    void add_contrast_findings(PreviewShot& shot) const;
    // Touch targets of the frame just drawn under 9 mm either way, as layout findings of `shot`.
    void add_touch_target_findings(PreviewShot& shot, float px_per_mm) const;

private:
    // kiosk --show: the described screen instead of welcome; the kiosk then runs on from there.
    std::string show_from_options();

    // What an out-of-service screen shown on purpose (a preview) gives as its reason for staff.
    static constexpr const char* example_failure = "load content: (an example for the preview) the content has errors (run kiosk-content lint)";

    using Steps = std::vector<std::pair<const char*, std::function<std::string()>>>;
    // Runs `steps` in order up to the first that fails: "step: reason", or empty.
    std::string run_steps(const Steps& steps);

    std::string read_configuration();

    // A content change is checked once the folder has been quiet this long (a copy may be going
    // on); where the folder cannot be watched, it is looked at this often instead.
    static constexpr double content_settle_seconds = 1.0;
    static constexpr double content_poll_seconds = 5.0;
    // How often background work (an alert command, a content check) is looked at while it runs.
    static constexpr double background_poll_seconds = 0.2;

    // Between patients only (the welcome screen, no finger down, staff mode closed): a content
    // update that was checked off the patient path is switched to; a refused one is logged and
    // shown to staff on the welcome screen, and the release in use keeps serving.
    void update_content_between_patients();

    std::string load_content();

    std::string open_store();
    // Writes the store's staff messages not logged yet (a full disk, a database moved aside).
    void log_store_news();
    void keep_verification_key(const store::VerificationKey& key);

    // The atlas of the first screen's language (the flow decides which) at `scale`, before there
    // is a window to upload it to.
    std::string build_fonts(float scale);

    std::string start_drawing();

    // Read aloud: the sound device, asked for at start on a thread of its own and waited for at
    // most options_.sound_wait (none, or no answer: no button, and the log says why); after each
    // frame's intent, a reading started or stopped (a tap, a new screen, the idle wipe and the
    // staff mode stop it; a patient who chose so hears each screen).
    void take_sound_device(SoundProbe& probe);
    void read_aloud_after(const std::optional<Intent>& intent);
    // What a reading belongs to: the screen, its page or question, the language.
    std::string reading_screen() const;

    float screen_scale() const {
        const ImVec2 size = platform_.framebuffer_size();
        return std::max(0.6F, std::min(size.x, size.y) / 1080.0F);
    }

    std::string build_atlas(const std::string& tag, float scale);

    // The atlas holds the glyphs of the language on screen at the screen's scale; another language,
    // or a screen turned or resized, rebuilds it between two frames (never during one), so the
    // switch shows no glitch.
    std::string atlas_for(const std::string& tag);

    // Start-up failed: the out-of-service sentence in every offered language (when the content
    // loaded and the fonts are installed), else in English with Noto Sans, else with Dear ImGui's
    // own font. Whatever failed, something readable is on the screen.
    void use_out_of_service_fonts();

    double now() const { return platform_.time() + time_offset_; }

    // The languages on screen: the patient's; in staff mode the staff member's, with the patient's
    // of the submission open (its answers are shown as the patient read them).
    std::string languages_on_screen() const;

    // The staff mode's way in, read from the pointer of this frame.
    void watch_for_staff_gesture();

    // How far a frame goes: onto the screen (the kiosk), into its PNG only, or laid out and emitted
    // but not drawn (a preview's settling frame).
    enum class Draw { to_screen, picture_only, layout_only };

    // One frame. `pointer` overrides the touch screen (scripts; the platform moves a lifted finger
    // away otherwise, glfw_platform.cpp). Drawn only when it differs
    // from the screen. True when it has settled: with no new input and no timer due, the next
    // frame would be the same.
    bool frame(bool capture_to_file, const std::string& png, std::optional<ImVec2> pointer = std::nullopt, bool down = false,
               Draw draw = Draw::to_screen);

    void draw_out_of_service();

    // The kiosk's own loop: it builds frames on input, when a timer changes what is shown, and
    // while background work runs, until they settle, and draws only a frame that differs from the
    // screen. At rest (nothing due, nothing running) it sleeps with no timeout: no thread wakes.
    void loop();
    // How long the loop may sleep (infinity: until input).
    double seconds_until_work() const;

    int play_script();

    int measure();

    Options options_;
    Platform& platform_;
    std::unique_ptr<ImageTextures> images_;
    KioskConfig config_;
    std::unique_ptr<screening::KioskBundle> bundle_;
    ServiceNotifier service_;  // systemd's readiness and watchdog, when run as the service
    std::unique_ptr<store::SubmissionStore> store_;
    std::size_t store_messages_logged_ = 0;
    std::unique_ptr<StaffAlerter> alerter_;  // before flow_, which points at it
    std::unique_ptr<KioskFlow> flow_;
    std::unique_ptr<StaffFlow> staff_;       // the staff mode, beside the patient flow
    std::filesystem::path content_root_;     // a folder of releases, when the bundle is one
    std::unique_ptr<ContentUpdates> updates_;
    std::unique_ptr<ContentWatch> content_watch_;
    std::unique_ptr<speech::AudioOutput> sound_;  // found at start, then the read-aloud service's
    std::unique_ptr<ReadAloudService> speech_;
    std::string read_screen_;  // reading_screen() after the last frame
    bool content_check_due_ = true;  // at start: a bundle may be waiting in incoming/
    static constexpr double check_at_once = -1e300;  // no settling: start-up, a script's sign
    double content_check_at_ = check_at_once;
    std::uint64_t on_screen_ = 0;  // frame_fingerprint() of the last frame drawn to the screen
    std::optional<LongPress> staff_gesture_;
    ImFontAtlas* font_atlas_ = nullptr;  // the context's io.Fonts, from start-up on (built off this thread then)
    ImVector<ImWchar> glyph_ranges_;
    FontFiles font_files_;
    std::string built_locale_;  // what the atlas holds…
    float built_scale_ = 0;
    std::string atlas_locale_;  // …and what of it is uploaded
    float atlas_scale_ = 0;
    ui::FontSet fonts_;
    std::vector<ui::OutOfServiceNotice> notices_;  // once out of service
    NoticeFonts notice_fonts_;
    ui::UiState ui_;
    std::string failure_;
    double time_offset_ = 0;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();  // constructed first thing in main()
    bool pointer_from_caller_ = false;  // scripts and --measure move the pointer, not the mouse
    bool screenshot_failed_ = false;
};

}  // namespace kiosk::app
