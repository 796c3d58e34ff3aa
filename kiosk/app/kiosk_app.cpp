#include "kiosk_app.hpp"

#include "kiosk_program.hpp"
#include "system_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <imgui_internal.h>

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

int Kiosk::run() {
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

void Kiosk::start() {
    // Start-up as named steps; the first failure (in this order) is shown as "out of service"
    // (never a crash to the desktop) and its reason printed for staff. Opening the window needs
    // nothing from the content, and with software GL creating its context is the longest step
    // (about 140 ms of the kiosk's 330), so the content, the store and the fonts get ready on a
    // second thread meanwhile. The fonts are built at the screen's scale, known from the first
    // steps, into the Dear ImGui context's atlas, which nothing on this thread touches until the
    // two meet.
    failure_ = run_steps({{"read configuration", [&] { return read_configuration(); }},
                          {"find the screen", [&] { return platform_.find_screen(options_.width, options_.height); }}});
    if (failure_.empty()) {
        platform_.start_imgui();
        font_atlas_ = ImGui::GetIO().Fonts;
        const float scale = screen_scale();
        const Steps content_steps = {{"load content", [&] { return load_content(); }}, {"build fonts", [&] { return build_fonts(scale); }}};
        // The store waits on the disk (a new database's first commits are fsyncs), not on the
        // CPU: on a thread of its own it overlaps the other two instead of lengthening one.
        const Steps store_steps = {{"open submission store", [&] { return open_store(); }}};
        std::string content_failure;
        std::string store_failure;
        std::optional<std::thread> content_thread;
        std::optional<std::thread> store_thread;
        std::optional<SoundProbe> sound_probe;
        if (config_.read_aloud && !options_.quiet) sound_probe.emplace(platform_.sound_opener(config_.sound_device, config_.read_aloud_volume));
        try {
            content_thread.emplace([&] { content_failure = run_steps(content_steps); });
            store_thread.emplace([&] { store_failure = run_steps(store_steps); });
        } catch (const std::system_error&) {  // no more threads: what did not start runs after the window
        }
        const std::string window_failure = run_steps({{"open window", [&] { return platform_.open_window(); }}});
        if (content_thread) content_thread->join();
        else content_failure = run_steps(content_steps);
        if (store_thread) store_thread->join();
        else store_failure = run_steps(store_steps);
        if (sound_probe) take_sound_device(*sound_probe);
        failure_ = !content_failure.empty() ? content_failure : !store_failure.empty() ? store_failure : window_failure;
        if (failure_.empty()) failure_ = run_steps({{"start drawing", [&] { return start_drawing(); }}});
    }
    if (!failure_.empty()) system_log(LogLevel::error, "out_of_service", "out of service: " + failure_);
    // A step before the window failed: open it all the same, for the out-of-service screen.
    if (!platform_.is_open() && !failure_.empty()) {
        std::string problem = platform_.find_screen(options_.width, options_.height);
        if (problem.empty()) problem = platform_.open_window();
        if (!problem.empty()) system_log(LogLevel::error, "out_of_service", "no window either: " + problem);
    }
    if (platform_.is_open() && !failure_.empty()) use_out_of_service_fonts();
}

std::string Kiosk::run_steps(const Steps& steps) {
    for (const auto& [name, step] : steps) {
        const auto step_start = std::chrono::steady_clock::now();
        std::string problem;
        try {
            problem = step();
        } catch (const std::exception& e) {  // a library's error is a reason for staff, not a crash
            problem = e.what();
        }
        if (options_.measure) {
            std::printf("  start-up step %-22s %6.1f ms\n", name,
                        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - step_start).count());
        }
        if (!problem.empty()) return std::string(name) + ": " + problem;
    }
    return {};
}

std::string Kiosk::show_from_options() {
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

std::string Kiosk::read_configuration() {
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
    set_log_kiosk_id(config_.kiosk_id);
    // A content root of releases (bundle_releases.hpp): serve `current`, and watch for updates.
    if (screening::is_release_root(config_.bundle)) {
        content_root_ = config_.bundle;
        config_.bundle = screening::current_release(content_root_);
        if (config_.bundle.empty()) return "no current release in " + content_root_.string() + ": publish one with kiosk-content publish DIR --to " + content_root_.string();
    }
    return {};
}

void Kiosk::update_content_between_patients() {
    if (!updates_) return;
    const bool checking_at_once = content_check_due_ && content_check_at_ == check_at_once;
    if (content_watch_->take_change() && !checking_at_once) {
        // Checked once the folder has been quiet for a moment: an operator's copy may be going on.
        content_check_due_ = true;
        content_check_at_ = now() + content_settle_seconds;
    } else if (!content_watch_->watching() && !content_check_due_) {
        content_check_due_ = true;
        content_check_at_ = now() + content_poll_seconds;
    }
    if (!flow_ || !failure_.empty() || flow_->screen() != Screen::welcome) return;
    if ((staff_ && staff_->active()) || ImGui::GetIO().MouseDown[0]) return;
    if (content_check_due_ && now() >= content_check_at_) {
        content_check_due_ = false;
        updates_->check();
    } else if (updates_->running()) {
        updates_->check();  // collects it once it has finished
    }
    if (const std::string news = updates_->take_news(); !news.empty()) system_log(LogLevel::notice, "content", news);
    if (updates_->refused() != flow_->content_notice()) {
        if (!updates_->refused().empty()) {
            system_log(LogLevel::warning, "content", "content: " + updates_->refused() + "; still serving " + config_.bundle.filename().string());
        }
        flow_->set_content_notice(updates_->refused());
    }
    std::optional<ReadyBundle> ready = updates_->take_ready();
    if (!ready) return;
    system_log(LogLevel::notice, "content",
               "content: now serving release " + ready->release.filename().string() + " (was " + config_.bundle.filename().string() + ")");
    // New flows on the new bundle first; the old bundle goes last, when nothing points at it.
    std::unique_ptr<screening::KioskBundle> old = std::move(bundle_);
    bundle_ = std::move(ready->bundle);
    config_.bundle = ready->release;
    updates_->serving(ready->release);
    flow_ = std::make_unique<KioskFlow>(*bundle_, *store_, config_, now(), alerter_.get());
    staff_ = std::make_unique<StaffFlow>(*bundle_, *store_, config_);
    images_ = std::make_unique<ImageTextures>(config_.bundle, platform_);
    if (speech_) speech_->use_bundle(config_.bundle);
    built_locale_.clear();  // the atlas holds the old texts' glyphs: rebuilt for the new ones
    atlas_locale_.clear();
    ui_.layout.clear();
}

std::string Kiosk::load_content() {
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
            for (const content::UnreadableLocale& u : unreadable) system_log(LogLevel::warning, "content", content::unreadable_line(u));
            for (const auto& [tag, why] : not_for_patients) system_log(LogLevel::notice, "content", tag + " is not offered to patients: " + why);
            if (config_.offer_drafts) {
                system_log(LogLevel::warning, "content", "offer_drafts = true: languages not reviewed for patients are offered (testing only)");
            }
            return {};
        }
        return "the configuration does not fit the content: " + content::format_diagnostic(d.items().front());
    }
    for (const auto& d : bundle_->content.diagnostics.items()) {
        if (d.severity == content::Severity::error) return "the content has errors (run kiosk-content lint): " + content::format_diagnostic(d);
    }
    return "the content in " + config_.bundle.string() + " cannot be used";
}

std::string Kiosk::open_store() {
    std::error_code ec;
    std::filesystem::create_directories(config_.database.parent_path(), ec);
    store::StoreOptions options;
    // Room for thousands of submissions (a few KB each with their audit rows) when the disk fills.
    options.reserve_bytes = 16 * 1024 * 1024;
    // Where the audit log ends, after every commit that adds to it: in the system log, where the
    // database cannot change it (`kiosk-store verify-audit --expect` reads it back).
    if (!options_.quiet) {
        options.on_audit_mark = [](const store::AuditMark& mark) { system_log(LogLevel::info, "audit_mark", "audit log: " + mark.text()); };
    }
    auto opened = store::SubmissionStore::open(config_.database, options);
    if (auto* e = std::get_if<store::SqliteError>(&opened)) return e->message;
    store_ = std::make_unique<store::SubmissionStore>(std::move(std::get<store::SubmissionStore>(opened)));
    log_store_news();
    // A preview's throwaway database needs no key kept.
    if (const std::optional<store::VerificationKey> key = store_->take_new_verification_key(); key && !options_.quiet) keep_verification_key(*key);
    return {};
}

void Kiosk::keep_verification_key(const store::VerificationKey& key) {
    // The kiosk made its own seal (no `kiosk-store init` before it): the key goes to a file for
    // the operator to take away, never to the log, which an intruder could read.
    const std::filesystem::path file = config_.database.string() + ".verification-key";
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    const std::string text = key.text() + "\n";
    const bool written = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    if (fd >= 0) ::close(fd);
    if (written) {
        system_log(LogLevel::warning, "store",
                   "a new audit seal was made; its verification key is in " + file.string() + ": keep it away from the kiosk, then delete the file");
    } else {
        system_log(LogLevel::error, "store",
                   "a new audit seal was made, but its verification key could not be written to " + file.string() +
                       "; the seals of this log cannot be checked: run `kiosk-store init` on a new database");
    }
}

void Kiosk::log_store_news() {
    // Staff messages carry file names and counts, never an answer or a ticket: they go to the system log.
    const std::vector<std::string>& messages = store_->status().staff_messages;
    for (; store_messages_logged_ < messages.size(); ++store_messages_logged_) {
        system_log(LogLevel::warning, "store", messages[store_messages_logged_]);
    }
}

void Kiosk::take_sound_device(SoundProbe& probe) {
    std::string problem;
    sound_ = probe.take(options_.sound_wait, problem);
    if (!sound_) system_log(LogLevel::warning, "speech", "read aloud is not offered (no Read aloud button): " + problem);
}

std::string Kiosk::reading_screen() const {
    const std::optional<std::size_t> question = flow_->screen() == Screen::question ? flow_->session().current_question() : std::nullopt;
    return std::to_string(static_cast<int>(flow_->screen())) + ":" + std::to_string(flow_->page()) + ":" +
           std::to_string(question.value_or(0)) + ":" + flow_->text().locale().tag + (flow_->idle_countdown_showing(now()) ? ":idle" : "");
}

void Kiosk::read_aloud_after(const std::optional<Intent>& intent) {
    if (!speech_ || !flow_) return;
    if (staff_ && staff_->active()) {  // staff mode: at once, and nothing read meanwhile
        speech_->stop();
        read_screen_.clear();
        return;
    }
    const std::string screen = reading_screen();
    const bool moved = screen != read_screen_;
    read_screen_ = screen;
    const std::string& tag = flow_->text().locale().tag;
    if (intent && intent->kind == Intent::Kind::read_aloud) {
        if (speech_->reading()) speech_->stop();
        else speech_->start(tag, screen_reading(*flow_));
        return;
    }
    // Any other tap stops it (an answer chosen, larger text), and so does a new screen, the idle
    // wipe's included; a patient who chose so hears the new screen. "Are you still there?" is
    // read to a patient who chose so, or who was listening when it came: they may not read it.
    const bool was_reading = speech_->reading();
    if (moved || (intent && intent->kind != Intent::Kind::still_here)) speech_->stop();
    if (!moved || flow_->screen() == Screen::welcome || !speech_->available(tag)) return;
    if (flow_->idle_countdown_showing(now())) {
        if (flow_->read_every_screen() || was_reading) speech_->start(tag, idle_question_reading(*flow_, flow_->idle_seconds_left(now())));
    } else if (flow_->read_every_screen()) {
        speech_->start(tag, screen_reading(*flow_));
    }
}

std::string Kiosk::build_fonts(float scale) {
    std::string problem;
    const auto files = find_font_files(problem);
    if (!files) return problem;
    font_files_ = *files;
    // The welcome screen's language, as the flow will choose it (the flow needs the store, which
    // is still opening on its own thread).
    return build_atlas(content::LocalizedText(bundle_->content.bundle, config_.default_locale).locale().tag, scale);
}

std::string Kiosk::start_drawing() {
    alerter_ = make_system_alerter(config_.alerts);
    flow_ = std::make_unique<KioskFlow>(*bundle_, *store_, config_, now(), alerter_.get());
    staff_ = std::make_unique<StaffFlow>(*bundle_, *store_, config_);
    if (!content_root_.empty()) {
        updates_ = std::make_unique<ContentUpdates>(content_root_, config_.bundle);
        content_watch_ = std::make_unique<ContentWatch>(content_root_, [this] { platform_.wake(); });
        if (!content_watch_->watching()) {
            system_log(LogLevel::warning, "content",
                       "content updates: " + content_watch_->problem() + "; looking every " + std::to_string(static_cast<int>(content_poll_seconds)) + " s instead");
        }
    }
    images_ = std::make_unique<ImageTextures>(config_.bundle, platform_);
    ui_.image_for = [this](const std::string& path) { return images_->get(path); };
    if (sound_) speech_ = std::make_unique<ReadAloudService>(std::move(sound_), config_.bundle, [this] { platform_.wake(); });
    return atlas_for(flow_->text().locale().tag);
}

std::string Kiosk::build_atlas(const std::string& tag, float scale) {
    std::string problem;
    auto fonts = build_font_atlas(*font_atlas_, font_files_, *bundle_, tag, scale, glyph_ranges_, problem);
    if (!fonts) return problem;
    fonts_ = *fonts;
    built_locale_ = tag;
    built_scale_ = scale;
    return {};
}

std::string Kiosk::atlas_for(const std::string& tag) {
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

void Kiosk::use_out_of_service_fonts() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    notices_ = ui::out_of_service_notices(bundle_ && bundle_->usable ? bundle_.get() : nullptr, config_);
    std::vector<std::string> texts;
    for (const ui::OutOfServiceNotice& n : notices_) texts.insert(texts.end(), {n.title, n.body});
    std::string problem;
    const std::optional<FontFiles> files = find_font_files(problem);
    std::optional<NoticeFonts> fonts;
    if (files) fonts = build_notice_atlas(atlas, *files, texts, screen_scale(), glyph_ranges_, problem);
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

std::string Kiosk::languages_on_screen() const {
    if (!staff_ || !staff_->active()) return flow_->text().locale().tag;
    const std::string& staff = staff_->text().locale().tag;
    const auto& open = staff_->submission();
    return open && open->locale != staff ? staff + "+" + open->locale : staff;
}

void Kiosk::watch_for_staff_gesture() {
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

namespace {

// Whether Dear ImGui will draw the next frame differently with no new input: a window that
// appeared is hidden for a frame or two while it measures itself, and a scroll set during a frame
// takes effect in the next.
bool imgui_has_pending_changes() {
    for (const ImGuiWindow* window : GImGui->Windows) {
        if (!window->WasActive) continue;
        if (window->HiddenFramesCanSkipItems > 0 || window->HiddenFramesCannotSkipItems > 0 || window->HiddenFramesForRenderOnly > 0) return true;
        if (window->AutoFitFramesX > 0 || window->AutoFitFramesY > 0) return true;
        if (window->ScrollTarget.x != FLT_MAX || window->ScrollTarget.y != FLT_MAX) return true;
    }
    return false;
}

}  // namespace

bool Kiosk::frame(bool capture_to_file, const std::string& png, std::optional<ImVec2> pointer, bool down,
           Draw draw) {
    if (flow_ && failure_.empty()) {
        if (std::string problem = atlas_for(languages_on_screen()); !problem.empty()) failure_ = "build fonts: " + problem;
    }
    if (!failure_.empty() && notices_.empty()) use_out_of_service_fonts();  // failed while running
    platform_.new_frame();
    // Text must never silently turn into garbage. Our atlas drops its CPU pixels once uploaded;
    // if they are back, something rebuilt it from nothing behind our back.
    if (flow_ && failure_.empty() && !atlas_locale_.empty() && ImGui::GetIO().Fonts->TexPixelsRGBA32 != nullptr) {
        failure_ = "build fonts: the font atlas was rebuilt without its fonts";
        system_log(LogLevel::error, "out_of_service", "out of service: " + failure_);
    }
    ImGuiIO& io = ImGui::GetIO();
    if (pointer_from_caller_) {
        io.MousePos = pointer.value_or(ImVec2(-FLT_MAX, -FLT_MAX));
        io.MouseDown[0] = down;
    }
    if (flow_) flow_->tick(now());
    if (staff_) staff_->tick(now());
    update_content_between_patients();
    watch_for_staff_gesture();
    ImGui::NewFrame();
    std::optional<Intent> intent;
    std::optional<StaffIntent> staff_intent;
    const bool staff_mode = staff_ && staff_->active();
    if (flow_ && !options_.quiet) ui_.read_aloud = speech_ && !staff_mode ? speech_->view(flow_->text().locale().tag) : ui::ReadAloudView{};
    if (flow_ && failure_.empty() && staff_mode) staff_intent = ui::draw_staff(*staff_, *flow_, now(), fonts_, ui_, io.DisplaySize);
    else if (flow_ && failure_.empty()) intent = ui::draw_kiosk(*flow_, now(), fonts_, ui_, io.DisplaySize);
    else draw_out_of_service();
    ImGui::Render();
    // A frame the same as the one on screen is not drawn again (unless the window system lost it).
    std::uint64_t fingerprint = 0;
    bool already_on_screen = false;
    if (draw == Draw::to_screen) {
        fingerprint = frame_fingerprint(*ImGui::GetDrawData(), ui_.background);
        already_on_screen = !platform_.take_exposed() && !capture_to_file && fingerprint == on_screen_;
    }
    if (draw != Draw::layout_only && !already_on_screen) {
        if (!platform_.present(capture_to_file ? png : std::string(), ui_.background, draw == Draw::to_screen) && capture_to_file) {
            system_log(LogLevel::error, "screenshot", "could not write " + png);
            screenshot_failed_ = true;
        }
        if (draw == Draw::to_screen) on_screen_ = fingerprint;
    }
    // What this frame did to the next: an intent applied changes the state the next frame shows,
    // except a finger resting on the screen, which only keeps the visit (or the staff session)
    // alive; over the idle question it also takes the question away.
    const bool acted = (intent && (intent->kind != Intent::Kind::still_here || (flow_ && flow_->idle_countdown_showing(now())))) ||
                       (staff_intent && staff_intent->kind != StaffIntent::Kind::touch);
    if (intent && flow_) {
        flow_->apply(*intent, now());
        log_store_news();
    }
    if (staff_intent) staff_->apply(*staff_intent, now());
    if (failure_.empty()) read_aloud_after(intent);
    if (staff_mode && flow_) {
        if (staff_->acknowledged_urgent()) flow_->urgent_acknowledged();
        if (!staff_->active()) {
            flow_->refresh_staff_mark();
            ui_.layout.clear();  // what staff read (answers, notes) leaves memory with them
        }
    }
    return !acted && !ui_.scroll.coasting() && !imgui_has_pending_changes();
}

void Kiosk::draw_out_of_service() {
    if (notices_.empty()) {
        // Failed during this very frame: English in the font at hand; the next frame has its own.
        ImFont* font = ImGui::GetFont();
        ui::draw_out_of_service(ui::out_of_service_notices(nullptr, config_), failure_, font, font, ImGui::GetIO().DisplaySize);
        return;
    }
    ui::draw_out_of_service(notices_, failure_, notice_fonts_.title, notice_fonts_.body, ImGui::GetIO().DisplaySize);
}

void Kiosk::loop() {
    // Any wake-up (input, a timer, background work) builds a frame; frames follow while the
    // last one left something that changes the next (frame() says whether it settled) or input
    // it has not shown yet; then the loop sleeps. A frame is a function of the program's state,
    // the input and the timers: once one has settled, the next would draw the same.
    bool settled = false;
    bool first = true;
    while (!platform_.should_close()) {
        if (settled) platform_.wait_for_input(seconds_until_work());
        else platform_.poll_input();
        settled = frame(false, {}) && !platform_.input_pending();
        if (first) {
            // systemd's "ready" once the first screen is really on the glass.
            platform_.wait_until_drawn();
            service_.ready();
            first = false;
        }
        // Only a loop that keeps coming round pings: one stuck anywhere is restarted.
        service_.keep_alive(now());
    }
}

double Kiosk::seconds_until_work() const {
    double next = flow_ ? flow_->seconds_until_next_change(now()) : std::numeric_limits<double>::infinity();
    if (staff_ && staff_->active()) next = std::min(next, staff_->seconds_until_sign_out(now()));
    if (staff_gesture_ && staff_gesture_->seconds_left(now()) >= 0) next = std::min(next, staff_gesture_->seconds_left(now()));
    // Background work, never at rest: an alert command's outcome for the audit trail, a content
    // check (the watch wakes the loop when the folder changes).
    if (alerter_ && alerter_->waiting()) next = std::min(next, background_poll_seconds);
    if (updates_ && updates_->running()) next = std::min(next, background_poll_seconds);
    if (updates_ && content_check_due_) next = std::min(next, content_check_at_ - now());
    if (const std::optional<double> ping = service_.seconds_until_ping(now())) next = std::min(next, *ping);
    return std::max(next, 0.01);  // a timer just due: its frame comes at once, never a busy loop
}

int run_kiosk(const Options& options, Platform& platform, std::string* failure) {
    Kiosk kiosk(options, platform);
    const int code = kiosk.run();
    if (failure) *failure = kiosk.failure();
    return code;
}

}  // namespace kiosk::app
