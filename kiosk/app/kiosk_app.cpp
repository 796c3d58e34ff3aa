#include "kiosk_app.hpp"

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
#include <vector>

#include <malloc.h>
#include <stdlib.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "answers_json.hpp"
#include "bundle_releases.hpp"
#include "content_updates.hpp"
#include "font_atlas.hpp"
#include "image_textures.hpp"
#include "json_file.hpp"
#include "kiosk_config.hpp"
#include "kiosk_flow.hpp"
#include "kiosk_ui.hpp"
#include "lint_report.hpp"
#include "locale_readiness.hpp"
#include "long_press.hpp"
#include "out_of_service_screen.hpp"
#include "screen_preview.hpp"
#include "script_player.hpp"
#include "staff_flow.hpp"
#include "staff_ui.hpp"

#ifndef KIOSK_DEFAULT_BUNDLE_DIR
#define KIOSK_DEFAULT_BUNDLE_DIR "."
#endif

namespace kiosk::app {

bool parse_options(int argc, char** argv, Options& o, std::string& problem) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        if (a == "--config") o.config_file = value();
        else if (a == "--bundle") o.bundle = value();
        else if (a == "--database") o.database = value();
        else if (a == "--screenshot") o.screenshot_dir = value();
        else if (a == "--script") o.script = value();
        else if (a == "--measure") o.measure = true;
        else if (a == "--show") o.show = value();
        else if (a == "--locale") o.show_locale = value();
        else if (a == "--answers") o.answers_file = value();
        else if (a == "--larger-text") o.larger_text = true;
        else if (a == "--high-contrast") o.high_contrast = true;
        else if (a == "--offer-drafts") o.offer_drafts = true;
        else if (a == "--windowed") {
            if (std::sscanf(value().c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 200) {
                problem = "--windowed takes WIDTHxHEIGHT, such as 1080x1920";
                return false;
            }
        } else {
            problem = "unknown option " + a;
            return false;
        }
    }
    if (o.screenshot_dir.empty() != o.script.empty()) {
        problem = "--screenshot DIR and --script FILE go together";
        return false;
    }
    if (o.show.empty() && (!o.show_locale.empty() || !o.answers_file.empty() || o.larger_text || o.high_contrast)) {
        problem = "--locale, --answers, --larger-text and --high-contrast describe the screen of --show SCREEN";
        return false;
    }
    return true;
}

// The measurements (defined with measure(), below).
double cpu_seconds(clockid_t clock);
std::pair<double, double> median_p99(std::vector<double> v);

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] The kiosk
// ---------------------------------------------------------------------------------------------

class Kiosk {
public:
    Kiosk(Options options, Platform& platform) : options_(std::move(options)), platform_(platform) {}

    const std::string& failure() const { return failure_; }

    int run() {
        start();
        if (!platform_.is_open()) return 1;  // no window: nothing to show
        if (options_.measure) return measure();
        if (!options_.show.empty() && failure_.empty()) {
            if (std::string problem = show_from_options(); !problem.empty()) {
                std::cerr << "kiosk: --show " << options_.show << ": " << problem << "\n";
                return 2;
            }
        }
        if (!options_.script.empty()) return play_script();
        loop();
        return 0;
    }

    PreviewRun preview(std::vector<ScreenDescription> screens, const std::filesystem::path& png_dir);

    void start() {
        // Start-up as named steps; the first failure is shown as "out of service" (never a crash
        // to the desktop) and its reason printed for staff. The fonts are built before the window
        // opens: the platform may be loading its GL driver meanwhile.
        const std::vector<std::pair<const char*, std::function<std::string()>>> steps = {
            {"read configuration", [&] { return read_configuration(); }},
            {"find the screen", [&] { return platform_.find_screen(options_.width, options_.height); }},
            {"load content", [&] { return load_content(); }},
            {"open submission store", [&] { return open_store(); }},
            {"build fonts", [&] { return build_fonts(); }},
            {"open window", [&] { return platform_.open_window(); }},
            {"start drawing", [&] { return start_drawing(); }},
        };
        for (const auto& [name, step] : steps) {
            const auto step_start = std::chrono::steady_clock::now();
            std::string problem = step();
            if (options_.measure) {
                std::printf("  start-up step %-22s %6.1f ms\n", name,
                            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - step_start).count());
            }
            if (!problem.empty()) {
                failure_ = std::string(name) + ": " + problem;
                std::cerr << "kiosk: out of service: " << failure_ << "\n";
                break;
            }
        }
        // A step before the window failed: open it all the same, for the out-of-service screen.
        if (!platform_.is_open() && !failure_.empty()) {
            std::string problem = platform_.find_screen(options_.width, options_.height);
            if (problem.empty()) problem = platform_.open_window();
            if (!problem.empty()) std::cerr << "kiosk: no window either: " << problem << "\n";
        }
        if (platform_.is_open() && !failure_.empty()) use_out_of_service_fonts();
    }

private:
    // kiosk --show: the described screen instead of welcome; the kiosk then runs on from there.
    std::string show_from_options() {
        const std::variant<ScreenDescription, std::string> parsed = parse_screen_name(options_.show, *bundle_);
        if (const auto* problem = std::get_if<std::string>(&parsed)) return *problem;
        ScreenDescription d = std::get<ScreenDescription>(parsed);
        d.locale = options_.show_locale.empty() ? config_.default_locale : options_.show_locale;
        d.larger_text = options_.larger_text;
        d.high_contrast = options_.high_contrast;
        if (!options_.answers_file.empty()) {
            auto read = screening::read_json_file(options_.answers_file);
            if (const auto* problem = std::get_if<std::string>(&read)) return *problem;
            const nlohmann::json& document = std::get<nlohmann::json>(read);
            if (!document.is_object() || !document.contains("answers")) return options_.answers_file + ": expected {\"answers\": {\"question_id\": answer, …}}";
            screening::AnswersRead answers = screening::read_answers(document["answers"], bundle_->screening.questionnaire, screening::HiddenAnswers::reject);
            if (!answers.ok()) return options_.answers_file + ": " + answers.errors.front();
            d.answers = std::move(answers.answers);
        }
        if (d.kind == ScreenDescription::Kind::out_of_service) {
            failure_ = example_failure;
            return {};
        }
        return flow_->show(d, now());
    }

    // What an out-of-service screen shown on purpose (a preview) gives as its reason for staff.
    static constexpr const char* example_failure = "load content: (an example for the preview) the content has errors (run kiosk-content lint)";

    std::string read_configuration() {
        config_ = default_config(KIOSK_DEFAULT_BUNDLE_DIR);
        if (!options_.config_file.empty()) {
            content::Diagnostics d;
            auto read = read_config(options_.config_file, config_, d);
            if (!read) return d.items().empty() ? "cannot read " + options_.config_file : content::format_diagnostic(d.items().front());
            config_ = *read;
        }
        if (!options_.bundle.empty()) config_.bundle = options_.bundle;
        if (!options_.database.empty()) config_.database = options_.database;
        if (options_.offer_drafts) config_.offer_drafts = true;
        // A content root of releases (bundle_releases.hpp): serve `current`, and watch for updates.
        if (screening::is_release_root(config_.bundle)) {
            content_root_ = config_.bundle;
            config_.bundle = screening::current_release(content_root_);
            if (config_.bundle.empty()) return "no current release in " + content_root_.string() + ": publish one with kiosk-content publish DIR --to " + content_root_.string();
        }
        return {};
    }

    // Between patients only (the welcome screen, no finger down, staff mode closed): a content
    // update that was checked off the patient path is switched to; a refused one is logged and
    // shown to staff on the welcome screen, and the release in use keeps serving.
    void update_content_between_patients() {
        if (!updates_ || !flow_ || !failure_.empty() || flow_->screen() != Screen::welcome) return;
        if ((staff_ && staff_->active()) || ImGui::GetIO().MouseDown[0]) return;
        if (now() - last_update_check_ >= 1.0) {
            last_update_check_ = now();
            updates_->check();
        }
        if (const std::string news = updates_->take_news(); !news.empty()) std::cerr << "kiosk: " << news << "\n";
        if (updates_->refused() != flow_->content_notice()) {
            if (!updates_->refused().empty()) std::cerr << "kiosk: content: " << updates_->refused() << "; still serving " << config_.bundle.filename().string() << "\n";
            flow_->set_content_notice(updates_->refused());
        }
        std::optional<ReadyBundle> ready = updates_->take_ready();
        if (!ready) return;
        std::cerr << "kiosk: content: now serving release " << ready->release.filename().string() << " (was " << config_.bundle.filename().string() << ")\n";
        // New flows on the new bundle first; the old bundle goes last, when nothing points at it.
        std::unique_ptr<screening::KioskBundle> old = std::move(bundle_);
        bundle_ = std::move(ready->bundle);
        config_.bundle = ready->release;
        updates_->serving(ready->release);
        flow_ = std::make_unique<KioskFlow>(*bundle_, *store_, config_, now(), alerter_.get());
        staff_ = std::make_unique<StaffFlow>(*bundle_, *store_, config_);
        images_ = std::make_unique<ImageTextures>(config_.bundle, platform_);
        built_locale_.clear();  // the atlas holds the old texts' glyphs: rebuilt for the new ones
        atlas_locale_.clear();
        ui_.layout.clear();
    }

    std::string load_content() {
        bundle_ = std::make_unique<screening::KioskBundle>(screening::load_kiosk_bundle(config_.bundle));
        if (bundle_->usable) {
            // The languages the configuration names can only be checked against the content.
            std::vector<std::string> tags;
            for (const content::LocaleTexts& l : bundle_->content.bundle.locales) tags.push_back(l.tag);
            content::Diagnostics d;
            const auto& unreadable = bundle_->content.bundle.unreadable;
            const std::map<std::string, std::string> not_for_patients =
                config_.offer_drafts ? std::map<std::string, std::string>() : languages_not_for_patients(*bundle_);
            if (check_languages_in_content(config_, tags, d, unreadable, not_for_patients)) {
                // Never a silent absence: the languages whose file could not be read, or that are
                // not fit for patients yet, for staff.
                if (options_.quiet) return {};
                for (const content::UnreadableLocale& u : unreadable) std::cerr << "kiosk: " << content::unreadable_line(u) << "\n";
                for (const auto& [tag, why] : not_for_patients) std::cerr << "kiosk: " << tag << " is not offered to patients: " << why << "\n";
                if (config_.offer_drafts) std::cerr << "kiosk: offer_drafts = true: languages not reviewed for patients are offered (testing only)\n";
                return {};
            }
            return "the configuration does not fit the content: " + content::format_diagnostic(d.items().front());
        }
        for (const auto& d : bundle_->content.diagnostics.items()) {
            if (d.severity == content::Severity::error) return "the content has errors (run kiosk-content lint): " + content::format_diagnostic(d);
        }
        return "the content in " + config_.bundle.string() + " cannot be used";
    }

    std::string open_store() {
        std::error_code ec;
        std::filesystem::create_directories(config_.database.parent_path(), ec);
        auto opened = store::SubmissionStore::open(config_.database);
        if (auto* e = std::get_if<store::SqliteError>(&opened)) return e->message;
        store_ = std::make_unique<store::SubmissionStore>(std::move(std::get<store::SubmissionStore>(opened)));
        for (const std::string& m : store_->status().staff_messages) std::cerr << "kiosk: " << m << "\n";
        return {};
    }

    // The atlas of the first screen's language (the flow decides which), before there is a window
    // to upload it to.
    std::string build_fonts() {
        std::string problem;
        const auto files = find_font_files(problem);
        if (!files) return problem;
        font_files_ = *files;
        alerter_ = make_system_alerter(config_.alerts);
        flow_ = std::make_unique<KioskFlow>(*bundle_, *store_, config_, now(), alerter_.get());
        staff_ = std::make_unique<StaffFlow>(*bundle_, *store_, config_);
        platform_.start_imgui();
        return build_atlas(flow_->text().locale().tag, screen_scale());
    }

    std::string start_drawing() {
        if (!content_root_.empty()) updates_ = std::make_unique<ContentUpdates>(content_root_, config_.bundle);
        images_ = std::make_unique<ImageTextures>(config_.bundle, platform_);
        ui_.image_for = [this](const std::string& path) { return images_->get(path); };
        return atlas_for(flow_->text().locale().tag);
    }

    float screen_scale() const {
        const ImVec2 size = platform_.framebuffer_size();
        return std::max(0.6F, std::min(size.x, size.y) / 1080.0F);
    }

    std::string build_atlas(const std::string& tag, float scale) {
        std::string problem;
        auto fonts = build_font_atlas(font_files_, *bundle_, tag, scale, glyph_ranges_, problem);
        if (!fonts) return problem;
        fonts_ = *fonts;
        built_locale_ = tag;
        built_scale_ = scale;
        return {};
    }

    // The atlas holds the glyphs of the language on screen at the screen's scale; another language,
    // or a screen turned or resized, rebuilds it between two frames (never during one), so the
    // switch shows no glitch.
    std::string atlas_for(const std::string& tag) {
        const float scale = screen_scale();
        if (tag == atlas_locale_ && scale == atlas_scale_) return {};
        if (tag != built_locale_ || scale != built_scale_) {
            if (std::string problem = build_atlas(tag, scale); !problem.empty()) return problem;
        }
        // Upload now and drop the CPU copies of the atlas: only the GPU needs it from here on.
        platform_.upload_font_atlas();
        ImGui::GetIO().Fonts->ClearTexData();
        ui_.layout.clear();  // widths were measured with the old fonts
        atlas_locale_ = tag;
        atlas_scale_ = scale;
        // The atlas's CPU pixels and FreeType's working memory were freed; give the memory back to
        // the system instead of keeping it in the heap for a rebuild.
        malloc_trim(0);
        return {};
    }

    // Start-up failed: the out-of-service sentence in every offered language (when the content
    // loaded and the fonts are installed), else in English with Noto Sans, else with Dear ImGui's
    // own font. Whatever failed, something readable is on the screen.
    void use_out_of_service_fonts() {
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        notices_ = ui::out_of_service_notices(bundle_ && bundle_->usable ? bundle_.get() : nullptr, config_);
        std::vector<std::string> texts;
        for (const ui::OutOfServiceNotice& n : notices_) texts.insert(texts.end(), {n.title, n.body});
        std::string problem;
        const std::optional<FontFiles> files = find_font_files(problem);
        std::optional<NoticeFonts> fonts;
        if (files) fonts = build_notice_atlas(*files, texts, screen_scale(), glyph_ranges_, problem);
        if (fonts) {
            notice_fonts_ = *fonts;
        } else {
            notices_ = ui::out_of_service_notices(nullptr, config_);  // English: the one script every font has
            atlas.Clear();
            ImFontConfig config;
            config.SizePixels = 26;
            ImFont* plain = atlas.AddFontDefault(&config);
            notice_fonts_ = {plain, plain};
        }
        platform_.upload_font_atlas();
        atlas.ClearTexData();
    }

    double now() const { return platform_.time() + time_offset_; }

    // The languages on screen: the patient's; in staff mode the staff member's, with the patient's
    // of the submission open (its answers are shown as the patient read them).
    std::string languages_on_screen() const {
        if (!staff_ || !staff_->active()) return flow_->text().locale().tag;
        const std::string& staff = staff_->text().locale().tag;
        const auto& open = staff_->submission();
        return open && open->locale != staff ? staff + "+" + open->locale : staff;
    }

    // The staff mode's way in, read from the pointer of this frame.
    void watch_for_staff_gesture() {
        if (!staff_ || !flow_ || staff_->active()) return;
        const ImGuiIO& io = ImGui::GetIO();
        if (!staff_gesture_) {
            staff_gesture_.emplace(config_.staff_gesture_seconds, ui::layout_for(io.DisplaySize, config_.orientation).touch_height);
        }
        if (staff_gesture_->feed(io.MouseDown[0], io.MousePos.x, io.MousePos.y, now())) {
            // A visit in progress ends, as on idle; an urgent one stays on screen until acknowledged.
            const std::optional<std::string> urgent = flow_->urgent_ticket();
            flow_->end_visit_for_staff();
            staff_->begin(now(), urgent);
        }
    }

    // One frame. `pointer` overrides the mouse (scripts); otherwise a released finger is moved away
    // from the frame after its release, so that no button stays hovered.
    // How far a frame goes: onto the screen (the kiosk), into its PNG only, or laid out and emitted
    // but not drawn (a preview's settling frame).
    enum class Draw { to_screen, picture_only, layout_only };

    void frame(bool capture_to_file, const std::string& png, std::optional<ImVec2> pointer = std::nullopt, bool down = false,
               Draw draw = Draw::to_screen) {
        if (flow_ && failure_.empty()) {
            if (std::string problem = atlas_for(languages_on_screen()); !problem.empty()) failure_ = "build fonts: " + problem;
        }
        if (!failure_.empty() && notices_.empty()) use_out_of_service_fonts();  // failed while running
        platform_.new_frame();
        // Text must never silently turn into garbage. Our atlas drops its CPU pixels once uploaded;
        // if they are back, something rebuilt it from nothing behind our back.
        if (flow_ && failure_.empty() && !atlas_locale_.empty() && ImGui::GetIO().Fonts->TexPixelsRGBA32 != nullptr) {
            failure_ = "build fonts: the font atlas was rebuilt without its fonts";
            std::cerr << "kiosk: out of service: " << failure_ << "\n";
        }
        ImGuiIO& io = ImGui::GetIO();
        if (pointer_from_caller_) {
            io.MousePos = pointer.value_or(ImVec2(-FLT_MAX, -FLT_MAX));
            io.MouseDown[0] = down;
        } else if (!io.MouseDown[0]) {
            if (released_) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            released_ = was_down_;
        }
        was_down_ = io.MouseDown[0];
        if (io.MouseDown[0]) released_ = false;
        if (flow_) flow_->tick(now());
        if (staff_) staff_->tick(now());
        update_content_between_patients();
        watch_for_staff_gesture();
        ImGui::NewFrame();
        std::optional<Intent> intent;
        std::optional<StaffIntent> staff_intent;
        const bool staff_mode = staff_ && staff_->active();
        if (flow_ && failure_.empty() && staff_mode) staff_intent = ui::draw_staff(*staff_, *flow_, now(), fonts_, ui_, io.DisplaySize);
        else if (flow_ && failure_.empty()) intent = ui::draw_kiosk(*flow_, now(), fonts_, ui_, io.DisplaySize);
        else draw_out_of_service();
        ImGui::Render();
        if (draw != Draw::layout_only && !platform_.present(capture_to_file ? png : std::string(), ui_.background, draw == Draw::to_screen) && capture_to_file) {
            std::cerr << "kiosk: could not write " << png << "\n";
            screenshot_failed_ = true;
        }
        if (intent && flow_) flow_->apply(*intent, now());
        if (staff_intent) staff_->apply(*staff_intent, now());
        if (staff_mode && flow_) {
            if (staff_->acknowledged_urgent()) flow_->urgent_acknowledged();
            if (!staff_->active()) {
                flow_->refresh_staff_mark();
                ui_.layout.clear();  // what staff read (answers, notes) leaves memory with them
            }
        }
    }

    void draw_out_of_service() {
        if (notices_.empty()) {
            // Failed during this very frame: English in the font at hand; the next frame has its own.
            ImFont* font = ImGui::GetFont();
            ui::draw_out_of_service(ui::out_of_service_notices(nullptr, config_), failure_, font, font, ImGui::GetIO().DisplaySize);
            return;
        }
        ui::draw_out_of_service(notices_, failure_, notice_fonts_.title, notice_fonts_.body, ImGui::GetIO().DisplaySize);
    }

    void loop() {
        int frames_wanted = 3;
        while (!platform_.should_close()) {
            if (frames_wanted <= 0) {
                // Sleep until input or until a timer (idle countdown, result screen) needs a frame.
                double next = flow_ ? flow_->seconds_until_next_change(now()) : 5.0;
                if (staff_ && staff_->active()) next = std::min(next, staff_->seconds_until_sign_out(now()));
                if (staff_gesture_ && staff_gesture_->seconds_left(now()) >= 0) next = std::min(next, staff_gesture_->seconds_left(now()));
                const double timeout = std::clamp(next, 0.02, 5.0);
                frames_wanted = platform_.wait_for_input(timeout) ? 3 : 1;
            } else if (platform_.poll_input()) {
                frames_wanted = 3;
            }
            frame(false, {});
            --frames_wanted;
            if (ImGui::GetIO().MouseDown[0] || ImGui::IsAnyItemActive() || ui_.scroll.animating()) frames_wanted = std::max(frames_wanted, 1);
        }
    }

    int play_script() {
        std::string problem;
        const auto steps = read_script(options_.script, problem);
        if (!steps) {
            std::cerr << "kiosk: " << problem << "\n";
            return 2;
        }
        std::filesystem::create_directories(options_.screenshot_dir);
        pointer_from_caller_ = true;
        int shots = 0;
        const auto settle = [&] {
            for (int i = 0; i < 3; ++i) frame(false, {});
        };
        settle();
        for (const ScriptStep& step : *steps) {
            switch (step.kind) {
                case ScriptStep::Kind::tap: {
                    const std::string where = "kiosk: " + options_.script + ":" + std::to_string(step.line) + ": ";
                    std::string id = step.argument;
                    if (step.by_label) {
                        const std::vector<std::string> ids = ui_.targets.ids_labelled(step.argument);
                        if (ids.size() > 1) {
                            std::cerr << where << ids.size() << " widgets read \"" << step.argument << "\" on this screen (";
                            for (const std::string& each : ids) std::cerr << (&each == &ids.front() ? "" : ", ") << each;
                            std::cerr << "): tap one of them by id\n";
                            return 1;
                        }
                        id = ids.empty() ? std::string() : ids.front();
                    }
                    const std::optional<ImVec2> at = ui_.targets.center(id);
                    if (!at) {
                        std::cerr << where << "no " << (step.by_label ? "widget reading \"" + step.argument + "\"" : "'" + step.argument + "'") << " on this screen\n";
                        return 1;
                    }
                    frame(false, {}, at, true);
                    frame(false, {}, at, false);
                    settle();
                    break;
                }
                case ScriptStep::Kind::shot: {
                    char name[256];
                    std::snprintf(name, sizeof name, "%s/%02d-%s.png", options_.screenshot_dir.c_str(), ++shots, step.argument.c_str());
                    frame(true, name);
                    std::cout << "screenshot: " << name << "\n";
                    break;
                }
                case ScriptStep::Kind::idle:
                    time_offset_ += step.seconds;
                    settle();
                    break;
                case ScriptStep::Kind::measure_tap: {
                    // The main thread's CPU from the press to the first frame drawn after the
                    // release, as a finger would see it: reading, laying out and drawing included.
                    std::vector<double> cpu_ms;
                    for (int i = 0; i < static_cast<int>(step.seconds); ++i) {
                        const std::optional<ImVec2> at = ui_.targets.center(step.argument);
                        if (!at) {
                            std::cerr << "kiosk: " << options_.script << ":" << step.line << ": no '" << step.argument << "' on this screen\n";
                            return 1;
                        }
                        const double cpu0 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
                        frame(false, {}, at, true);
                        frame(false, {}, at, false);
                        frame(false, {});
                        cpu_ms.push_back((cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu0) * 1000);
                    }
                    const auto [median, p99] = median_p99(cpu_ms);
                    std::printf("tap %s: main thread CPU from press to the next screen drawn: median %.2f ms, p99 %.2f ms (%zu taps)\n",
                                step.argument.c_str(), median, p99, cpu_ms.size());
                    std::fflush(stdout);
                    break;
                }
                case ScriptStep::Kind::hold_corner: {
                    const ImVec2 corner(4, 4);
                    frame(false, {}, corner, true);
                    for (int i = 0; i < 10; ++i) {
                        time_offset_ += step.seconds / 10;
                        frame(false, {}, corner, true);
                    }
                    frame(false, {}, corner, false);
                    settle();
                    break;
                }
                case ScriptStep::Kind::wait_file: {
                    // Another process acts meanwhile (an end-to-end test publishing content): wait
                    // for its sign, drawing frames as the loop would, then let an update settle.
                    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
                    while (!std::filesystem::exists(step.argument) && std::chrono::steady_clock::now() < until) {
                        frame(false, {});
                        usleep(50000);
                    }
                    if (!std::filesystem::exists(step.argument)) {
                        std::cerr << "kiosk: " << options_.script << ":" << step.line << ": " << step.argument << " did not appear within 60 s\n";
                        return 1;
                    }
                    if (updates_) {
                        last_update_check_ = -1e9;
                        frame(false, {});
                        updates_->wait();
                    }
                    settle();
                    break;
                }
                case ScriptStep::Kind::quit: return 0;
            }
        }
        return 0;
    }

    int measure();

    Options options_;
    Platform& platform_;
    std::unique_ptr<ImageTextures> images_;
    KioskConfig config_;
    std::unique_ptr<screening::KioskBundle> bundle_;
    std::unique_ptr<store::SubmissionStore> store_;
    std::unique_ptr<StaffAlerter> alerter_;  // before flow_, which points at it
    std::unique_ptr<KioskFlow> flow_;
    std::unique_ptr<StaffFlow> staff_;       // the staff mode, beside the patient flow
    std::filesystem::path content_root_;     // a folder of releases, when the bundle is one
    std::unique_ptr<ContentUpdates> updates_;
    double last_update_check_ = -1e9;
    std::optional<LongPress> staff_gesture_;
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
    bool was_down_ = false;
    bool released_ = false;
    bool screenshot_failed_ = false;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Screens from descriptions (previews and layout lint)
// ---------------------------------------------------------------------------------------------

PreviewRun Kiosk::preview(std::vector<ScreenDescription> screens, const std::filesystem::path& png_dir) {
    PreviewRun run;
    if (!failure_.empty() || !flow_) {
        run.failure = failure_.empty() ? "the kiosk did not start" : failure_;
        return run;
    }
    // Out of service last: its notice fonts replace the atlas.
    std::stable_partition(screens.begin(), screens.end(), [](const ScreenDescription& d) { return d.kind != ScreenDescription::Kind::out_of_service; });
    pointer_from_caller_ = true;
    for (const ScreenDescription& d : screens) {
        PreviewShot shot;
        shot.screen = d;
        if (d.kind == ScreenDescription::Kind::out_of_service) failure_ = example_failure;
        else shot.problem = flow_->show(d, now());
        if (shot.problem.empty()) {
            // One frame to settle (scroll extents come from the frame before), then the one kept.
            frame(false, {}, std::nullopt, false, Draw::layout_only);
            if (!png_dir.empty()) {
                std::error_code ec;
                std::filesystem::create_directories(png_dir / d.locale, ec);
                shot.png = (png_dir / d.locale / (d.file_name() + ".png")).string();
            }
            screenshot_failed_ = false;
            frame(!shot.png.empty(), shot.png, std::nullopt, false, shot.png.empty() ? Draw::layout_only : Draw::picture_only);
            if (screenshot_failed_) shot.problem = "could not write " + shot.png;
            shot.findings = ui_.findings;
            shot.fallback_keys = flow_->text().fallback_keys();
            shot.texts = flow_->text().served();
        }
        run.shots.push_back(std::move(shot));
    }
    return run;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Measurements (kiosk --measure): printed figures for the benchmark, not a test
// ---------------------------------------------------------------------------------------------

double seconds_since_process_start() {
    // Field 22 of /proc/self/stat: start time in clock ticks after boot; /proc/uptime: now.
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {}
    std::ifstream uptime("/proc/uptime");
    double up = 0;
    uptime >> up;
    return up - std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

long pss_kib() {
    std::ifstream rollup("/proc/self/smaps_rollup");
    std::string key;
    long value = 0;
    while (rollup >> key) {
        if (key == "Pss:" && rollup >> value) return value;
        rollup.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    }
    return -1;
}

double cpu_seconds(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::pair<double, double> median_p99(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 99 / 100)]};
}

int Kiosk::measure() {
    if (!flow_ || !failure_.empty()) return 1;
    frame(false, {});
    platform_.wait_until_drawn();  // the complete welcome screen is on screen
    const double to_welcome = seconds_since_process_start();
    const double from_main = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    long peak = pss_kib();
    std::printf("PSS at the welcome screen: %.1f MB\n", static_cast<double>(peak) / 1024.0);
    std::printf("start to complete welcome screen: %.0f ms (process start, 10 ms ticks); %.0f ms from main()\n", to_welcome * 1000,
                from_main * 1000);

    // Idle: the real loop's sleep, for 10 seconds with no input.
    const double cpu_before = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
    const double idle_until = platform_.time() + 10;
    int idle_frames = 0;
    while (platform_.time() < idle_until) {
        if (platform_.wait_for_input(
                std::clamp(std::min(flow_->seconds_until_next_change(now()), idle_until - platform_.time()), 0.01, 5.0))) {
            frame(false, {});
            ++idle_frames;
        }
    }
    const double idle_cpu = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_before;
    std::printf("idle for 10 s: %.3f s CPU = %.3f%% of a core (%d frames drawn)\n", idle_cpu, idle_cpu * 10, idle_frames);

    // Scrolling: a finger dragging the longest education page, 240 frames, in every language.
    pointer_from_caller_ = true;
    const std::vector<LanguageChoice> languages = flow_->languages();  // flow_ is replaced below
    for (const LanguageChoice& language : languages) {
        flow_ = std::make_unique<KioskFlow>(*bundle_, *store_, config_, now(), alerter_.get());
        flow_->apply(Intent{Intent::Kind::choose_language, language.tag, 0, 0}, now());
        flow_->apply(Intent{Intent::Kind::start, {}, 0, 0}, now());
        flow_->apply(Intent{Intent::Kind::toggle_option, "none", 0, 0}, now());  // no warning signs: on to the pages
        flow_->apply(Intent{Intent::Kind::next_question, {}, 0, 0}, now());
        for (int p = 0; p < 7; ++p) flow_->apply(Intent{Intent::Kind::next_page, {}, 0, 0}, now());  // "who should not"
        for (int i = 0; i < 3; ++i) frame(false, {});
        std::vector<double> cpu_ms;
        std::vector<double> wall_ms;
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        for (int i = 0; i < 240; ++i) {
            const float phase = static_cast<float>(i % 60) / 60.0F;  // drag up, lift, again
            const ImVec2 at(size.x / 2, size.y * (0.75F - 0.4F * phase));
            const double cpu0 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
            const double wall0 = platform_.time();
            frame(false, {}, at, i % 60 != 59);
            platform_.wait_until_drawn();
            cpu_ms.push_back((cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu0) * 1000);
            wall_ms.push_back((platform_.time() - wall0) * 1000);
        }
        const auto [cpu_median, cpu_p99] = median_p99(cpu_ms);
        const auto [wall_median, wall_p99] = median_p99(wall_ms);
        std::printf("scrolling %-8s main thread CPU per frame: median %.2f ms, p99 %.2f ms; wall: median %.2f ms, p99 %.2f ms\n",
                    language.tag.c_str(), cpu_median, cpu_p99, wall_median, wall_p99);
        const long pss = pss_kib();
        std::printf("           PSS after %s: %.1f MB\n", language.tag.c_str(), static_cast<double>(pss) / 1024.0);
        peak = std::max(peak, pss);
    }
    std::printf("peak PSS: %.1f MB\n", static_cast<double>(peak) / 1024.0);
    return 0;
}

PreviewRun run_preview(const PreviewRequest& request, Platform& platform) {
    // A database of its own, never the clinic's: a preview stores nothing, but the flow needs one.
    std::string folder = (std::filesystem::temp_directory_path() / "kiosk-preview-XXXXXX").string();
    if (mkdtemp(folder.data()) == nullptr) return PreviewRun{{}, "cannot make a temporary folder in " + std::filesystem::temp_directory_path().string()};
    Options options;
    options.bundle = request.bundle.string();
    options.database = folder + "/preview.db";
    options.width = request.width;
    options.height = request.height;
    options.offer_drafts = true;  // editors preview their drafts as patients will see them once reviewed
    options.quiet = true;         // lint and the preview report what matters themselves
    PreviewRun run;
    {
        Kiosk kiosk(options, platform);
        kiosk.start();
        run = kiosk.preview(request.screens, request.png_dir);
    }
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
    return run;
}

int run_kiosk(const Options& options, Platform& platform, std::string* failure) {
    Kiosk kiosk(options, platform);
    const int code = kiosk.run();
    if (failure) *failure = kiosk.failure();
    return code;
}

}  // namespace kiosk::app
