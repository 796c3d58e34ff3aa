// The whole kiosk program (start-up steps, font atlas per language, scripts, the store) on the
// headless platform: what the Xvfb test checks, without a display, in every build.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <set>

#include <imgui.h>
#include <imgui_internal.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fcntl.h>
#include <unistd.h>

#include "draft_config.hpp"
#include "font_atlas.hpp"
#include "headless_platform.hpp"
#include "kiosk_app.hpp"
#include "out_of_service_screen.hpp"
#include "shipped_bundle.hpp"
#include "program_fixture.hpp"
#include "text_layout.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk::app;
using kiosk::test::ErrorsOf;
using kiosk::test::options_in;
using kiosk::test::TempDir;
using kiosk::test::with_script;
using kiosk::test::write_file;

namespace {

// Plays tests/kiosk/scripts/NAME.script to its end; false (with the reason) if the kiosk failed.
bool play_shipped_script(const std::string& name, HeadlessPlatform& platform, const TempDir& dir) {
    const auto script = kiosk::test::source_dir() / "tests/kiosk/scripts" / (name + ".script");
    std::string failure;
    const int code = run_kiosk(with_script(options_in(dir), script, dir), platform, &failure);
    const bool played = code == 0 && failure.empty();
    if (!played) MESSAGE(name, ": exit ", code, ", ", failure);
    return played;
}

// Runs the kiosk with `toml` as its kiosk.toml until its window closes; returns why it is out of
// service (empty if it is not).
std::string failure_with_config(HeadlessPlatform& platform, const TempDir& dir, const std::string& toml) {
    platform.close_after_frames = 5;
    Options o = options_in(dir);
    o.config_file = write_file(dir / "kiosk.toml", toml + kiosk::test::offer_drafts_line).string();
    std::string failure;
    CHECK(run_kiosk(o, platform, &failure) == 0);  // it ran until its window closed
    return failure;
}

std::vector<kiosk::store::QueueEntry> flagged(const TempDir& dir) {
    auto store = kiosk::test::open_store(dir / "kiosk.db");
    return kiosk::test::queue_of(store, 10);
}

}  // namespace

namespace kiosk::test {
std::u32string utf32(const std::string& utf8) {
    const icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
    std::u32string out;
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(s.char32At(i)));
    return out;
}
}  // namespace kiosk::test

TEST_CASE("the kiosk program plays a full flagged screening with no window, in every shipped language") {
    for (const char* tag : {"en", "es", "ar", "zh-Hans"}) {
        CAPTURE(tag);
        TempDir dir;
        HeadlessPlatform platform;
        CHECK(play_shipped_script(std::string("tour-") + tag, platform, dir));
        CHECK(platform.screenshots.size() >= 10);
        const auto queue = flagged(dir);
        REQUIRE(queue.size() == 1);
        CHECK(queue.front().severity == kiosk::screening::Severity::stop);  // stop: heart damage and digoxin
        CHECK(platform.live_textures == 0);  // the pictures were released before the platform
    }
}

TEST_CASE("the shipped urgent-and-idle scripts play to the end and store one urgent submission") {
    for (const char* tag : {"en", "es", "ar", "zh-Hans"}) {
        CAPTURE(tag);
        TempDir dir;
        HeadlessPlatform platform;
        CHECK(play_shipped_script(std::string("urgent-and-idle-") + tag, platform, dir));
        const auto queue = flagged(dir);
        REQUIRE(queue.size() == 1);  // the second patient, who walked away, sent nothing
        CHECK(queue.front().severity == kiosk::screening::Severity::urgent);  // urgent: chest pain right now, stored at the first Next
        CHECK(platform.screenshots.size() == 8);
    }
}

TEST_CASE("the font atlas holds every character the Chinese texts use, and only a Chinese screen pays for it") {
    TempDir dir;
    HeadlessPlatform platform;
    const auto script = write_file(dir / "zh.script", "shot welcome\ntap lang:zh-Hans\nshot welcome-zh\n");
    REQUIRE(run_kiosk(with_script(options_in(dir), script, dir), platform) == 0);
    // English first, then Chinese: two uploads, and the Chinese atlas is the larger.
    CHECK(platform.font_atlas_uploads == 2);
    CHECK(platform.font_atlas_size.x * platform.font_atlas_size.y >= 2048.0F * 1024.0F);

    const ImFont* body = ImGui::GetIO().Fonts->Fonts[0];
    const kiosk::screening::KioskBundle& bundle = kiosk::test::shipped_bundle();
    std::set<UChar32> missing;
    for (const auto& locale : bundle.content.bundle.locales) {
        if (locale.tag != "zh-Hans") continue;
        for (const auto& [key, message] : locale.messages) {
            const std::u32string text = kiosk::test::utf32(message.source_text());
            for (const char32_t code_point : text) {
                const auto c = static_cast<UChar32>(code_point);
                // Placeholders' syntax and invisible formatting marks are never drawn as such.
                if (c < 0x3000 || u_charType(c) == U_FORMAT_CHAR) continue;
                if (body->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) missing.insert(c);
            }
        }
    }
    CHECK_MESSAGE(missing.empty(), missing.size() << " Chinese characters have no glyph");
}

TEST_CASE("every language's name in the picker has its glyphs in the normal and in the larger text, in every language") {
    std::string problem;
    const std::optional<FontFiles> files = find_font_files(problem);
    REQUIRE_MESSAGE(files.has_value(), problem);
    const kiosk::screening::KioskBundle& bundle = kiosk::test::shipped_bundle();
    ImGuiContext* context = ImGui::CreateContext();
    for (const auto& screen_locale : bundle.content.bundle.locales) {
        CAPTURE(screen_locale.tag);
        ImVector<ImWchar> ranges;
        const std::optional<kiosk::ui::FontSet> fonts = build_font_atlas(*ImGui::GetIO().Fonts, *files, bundle, screen_locale.tag, 1.0F, ranges, problem);
        REQUIRE_MESSAGE(fonts.has_value(), problem);
        // The picker draws each name in the body font of the text size the patient chose.
        for (const ImFont* picker_font : {fonts->normal.body, fonts->large.body}) {
            for (const auto& offered : bundle.content.bundle.locales) {
                const std::string shaped = kiosk::text::visual_line(offered.native_name, kiosk::text::Direction::left_to_right);
                for (const char32_t c : kiosk::test::utf32(shaped)) {
                    CAPTURE(offered.native_name);
                    CHECK(picker_font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
                }
            }
        }
    }
    ImGui::DestroyContext(context);
}

TEST_CASE("a start-up failure shows the out-of-service screen and tells staff why, never a crash") {
    TempDir dir;
    HeadlessPlatform platform;
    const std::string failure = failure_with_config(platform, dir, "idle_timeout_seconds = 9000\n");
    CHECK(failure.find("read configuration") == 0);
    CHECK(failure.find("kiosk.toml:1") != std::string::npos);
    CHECK(failure.find("idle_timeout_seconds") != std::string::npos);
    const ImGuiWindow* shown = ImGui::FindWindowByName("out_of_service");
    REQUIRE(shown != nullptr);
    CHECK(shown->Active);
}

TEST_CASE("out of service with the content loaded, the screen says so in every offered language, default first") {
    TempDir dir;
    HeadlessPlatform platform;
    platform.close_after_frames = 5;
    Options o = options_in(dir);
    o.database = "/dev/null/kiosk.db";  // no store can be opened there
    std::string failure;
    CHECK(run_kiosk(o, platform, &failure) == 0);
    CHECK(failure.find("open submission store") == 0);
    REQUIRE(ImGui::FindWindowByName("out_of_service") != nullptr);

    KioskConfig config = kiosk::test::draft_config(kiosk::test::source_dir());
    const std::vector<kiosk::ui::OutOfServiceNotice> notices = kiosk::ui::out_of_service_notices(&kiosk::test::shipped_bundle(), config);
    REQUIRE(notices.size() == 4);
    CHECK(notices.front().locale == config.default_locale);
    // Every character of every notice is in the fonts the screen was drawn with.
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    REQUIRE(atlas.Fonts.Size == 2);
    for (const auto& notice : notices) {
        CAPTURE(notice.locale);
        CHECK_FALSE(notice.title.empty());
        for (const std::string& logical : {notice.title, notice.body}) {
            const auto direction = notice.rtl ? kiosk::text::Direction::right_to_left : kiosk::text::Direction::left_to_right;
            for (const char32_t c : kiosk::test::utf32(kiosk::text::visual_line(logical, direction))) {
                for (const ImFont* font : atlas.Fonts) CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            }
        }
    }
    // A kiosk that offers fewer languages says it in those, its default first.
    config.locales = {"en", "ar"};
    config.default_locale = "ar";
    const auto two = kiosk::ui::out_of_service_notices(&kiosk::test::shipped_bundle(), config);
    REQUIRE(two.size() == 2);
    CHECK(two[0].locale == "ar");
    CHECK(two[0].rtl);
    CHECK(two[1].locale == "en");
    // Without usable content: the built-in English sentence alone.
    const auto built_in = kiosk::ui::out_of_service_notices(nullptr, config);
    REQUIRE(built_in.size() == 1);
    CHECK(built_in[0].body == "Please ask at the front desk.");
}

TEST_CASE("a configuration naming a language the content lacks takes the kiosk out of service, at its line") {
    TempDir dir;
    HeadlessPlatform platform;
    const std::string failure = failure_with_config(platform, dir, "# front desk\nlocales = [\"fr\"]\ndefault_locale = \"fr\"\n");
    const std::string file = (dir / "kiosk.toml").string();
    CHECK(failure.find("load content: the configuration does not fit the content: " + file + ":2:12: error: setting 'locales' names 'fr'") == 0);
    CHECK(ImGui::FindWindowByName("out_of_service") != nullptr);
    CHECK(ImGui::FindWindowByName("kiosk") == nullptr);  // no welcome screen without a language to offer
}

TEST_CASE("a configured language whose file does not parse takes the kiosk out of service, naming that file's line and column") {
    TempDir dir;
    kiosk::test::TempBundle bundle = kiosk::test::TempBundle::shipped();
    bundle.replace("locales/es.toml", "title = \"¿Qué es el magnesio por vía intravenosa?\"", "title = \"¿Qué es el magnesio por vía intravenosa?");
    HeadlessPlatform platform;
    platform.close_after_frames = 5;
    Options o = options_in(dir);
    o.bundle = bundle.dir().string();
    o.config_file = write_file(dir / "kiosk.toml", std::string("locales = [\"en\", \"es\"]\n") + kiosk::test::offer_drafts_line).string();
    std::string failure;
    CHECK(run_kiosk(o, platform, &failure) == 0);
    INFO(failure);
    const int line = kiosk::test::line_starting(kiosk::test::source_dir() / "locales/es.toml", "title = \"¿Qué es el magnesio por vía intravenosa?\"");
    CHECK(failure.find("setting 'locales' names 'es', whose file locales/es.toml could not be read: locales/es.toml:" + std::to_string(line) + ":") !=
          std::string::npos);
    CHECK(ImGui::FindWindowByName("out_of_service") != nullptr);
}

TEST_CASE("content with errors takes the kiosk out of service and names the problem") {
    TempDir dir;
    kiosk::test::TempBundle bundle = kiosk::test::TempBundle::shipped();
    bundle.replace("structure/rules.toml", "severity = \"stop\"", "severity = \"stopp\"");
    HeadlessPlatform platform;
    platform.close_after_frames = 5;
    Options o = options_in(dir);
    o.bundle = bundle.dir().string();
    std::string failure;
    run_kiosk(o, platform, &failure);
    CHECK(failure.find("load content") == 0);
    CHECK(failure.find("rules.toml") != std::string::npos);
    CHECK(ImGui::FindWindowByName("out_of_service") != nullptr);
    CHECK(flagged(dir).empty());
}

TEST_CASE("after the idle timeout the script finds the welcome screen again, with nothing of the visit left") {
    TempDir dir;
    HeadlessPlatform platform;
    const auto script = write_file(dir / "idle.script",
                                   "tap start\ntap next\nidle 600\n"
                                   // back at welcome: the language picker and start are there again
                                   "tap lang:es\ntap start\n");
    std::string failure;
    CHECK(run_kiosk(with_script(options_in(dir), script, dir), platform, &failure) == 0);
    CHECK(failure.empty());
    CHECK(flagged(dir).empty());
}

TEST_CASE("a script that taps what is not on the screen stops with the line that did") {
    TempDir dir;
    HeadlessPlatform platform;
    const auto script = write_file(dir / "bad.script", "tap start\ntap send\n");
    const ErrorsOf run([&] { return run_kiosk(with_script(options_in(dir), script, dir), platform); });
    CHECK(run.code == 1);
    CHECK(run.errors.find("bad.script:2: no 'send' on this screen") != std::string::npos);
}

TEST_CASE("a script taps by the words a patient reads, and says so when the words fit several widgets") {
    TempDir dir;
    HeadlessPlatform platform;
    // Spanish words on Spanish screens; "Cambiar" (change) is on every answer of the review.
    std::string taps = "tap \"Español\"\ntap \"Empezar\"\ntap \"Ninguno de estos\"\ntap \"Siguiente\"\n";
    for (int page = 0; page < 9; ++page) taps += "tap \"Siguiente\"\n";
    const auto script = write_file(dir / "words.script", taps + "shot first-question\n");
    CHECK(run_kiosk(with_script(options_in(dir), script, dir), platform) == 0);
    CHECK(platform.screenshots.size() == 1);

    // The English tour up to its review screen, then "Change", which every answer there has.
    std::ifstream tour(kiosk::test::source_dir() / "tests/kiosk/scripts/tour-en.script");
    std::string up_to_review;
    int lines = 0;
    for (std::string line; std::getline(tour, line) && line != "shot review"; ++lines) up_to_review += line + "\n";
    HeadlessPlatform again;
    const auto ambiguous = write_file(dir / "ambiguous.script", up_to_review + "tap \"Change\"\n");
    const ErrorsOf run([&] { return run_kiosk(with_script(options_in(dir), ambiguous, dir), again); });
    CHECK(run.code == 1);
    const std::string where = "ambiguous.script:" + std::to_string(lines + 1) + ": ";
    INFO(run.errors);
    CHECK(run.errors.find(where) != std::string::npos);
    CHECK(run.errors.find(" widgets read \"Change\" on this screen (edit:") != std::string::npos);
    CHECK(run.errors.find("edit:symptoms_now") != std::string::npos);
    CHECK(run.errors.find("): tap one of them by id") != std::string::npos);
    CHECK(flagged(dir).empty());  // nothing was sent
}

TEST_CASE("a script line the player does not understand is refused before anything runs, with its line") {
    TempDir dir;
    for (const auto& [script_line, expected] : {std::pair{"idle soon", "'idle' needs a number of seconds (idle 120), not 'soon'"},
                                                std::pair{"idle -5", "'idle' needs a number of seconds"},
                                                std::pair{"tap \"Next", "a label to tap goes between double quotes"},
                                                std::pair{"tap next please", "expected 'tap ID'"},
                                                std::pair{"press next", "expected 'tap ID'"}}) {
        const char* const line = script_line;  // CAPTURE's lambda cannot capture a structured binding (clang)
        CAPTURE(line);
        HeadlessPlatform platform;
        const auto script = write_file(dir / "odd.script", std::string("# a comment\ntap start\n") + line + "\n");
        const ErrorsOf run([&] { return run_kiosk(with_script(options_in(dir), script, dir), platform); });
        CHECK(run.code == 2);
        CHECK(run.errors.find("odd.script:3: " + std::string(expected)) != std::string::npos);
        CHECK(platform.screenshots.empty());
        CHECK(flagged(dir).empty());
    }
}

TEST_CASE("a screen that changes size mid-visit gets fonts at its new scale, and taps still land") {
    TempDir dir;
    HeadlessPlatform platform;
    platform.resize_at = {std::pair{12, ImVec2(1280, 720)}};  // a smaller landscape screen, after welcome
    const auto script = write_file(dir / "resize.script", "shot welcome\ntap start\ntap option:none\ntap next\ntap next\ntap back\ntap next\nshot page\n");
    std::string failure;
    CHECK(run_kiosk(with_script(options_in(dir), script, dir), platform, &failure) == 0);
    CHECK(failure.empty());
    CHECK(platform.font_atlas_uploads == 2);
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(34.0 * 720 / 1080));
}

TEST_CASE("staff mode: only a long press in the corner opens it, only a PIN gets past it, from the urgent screen staff acknowledge and the screen ends") {
    TempDir dir;
    {
        auto store = kiosk::test::open_store(dir / "kiosk.db");
        REQUIRE_FALSE(store.add_staff("1001", "482913", "Ana Ruiz").has_value());
    }
    Options o = options_in(dir);
    o.config_file = write_file(dir / "kiosk.toml", std::string(kiosk::test::offer_drafts_line) + "chime = false\nexport_folder = \"" + dir.path().string() + "\"\n").string();
    // A patient's taps and a short press in the corner open nothing; the keypad's OK without a
    // PIN, or with a wrong one, gets nowhere.
    const auto script = write_file(dir / "staff.script",
                                   "tap start\ntap option:chest_pain\ntap next\nhold-corner 1\nshot still-urgent\n"
                                   "hold-corner 3\nshot sign-in\ntap key:1\ntap key:0\ntap key:0\ntap key:1\ntap ok\ntap ok\n"
                                   "tap key:1\ntap key:1\ntap key:1\ntap key:1\ntap key:1\ntap key:2\ntap ok\nshot wrong\n"
                                   "tap key:1\ntap key:0\ntap key:0\ntap key:1\ntap ok\n"
                                   "tap key:4\ntap key:8\ntap key:2\ntap key:9\ntap key:1\ntap key:3\ntap ok\nshot detail\n"
                                   "tap acknowledge\ntap sign_out\nshot welcome\nquit\n");
    HeadlessPlatform platform;
    std::string failure;
    const ErrorsOf run([&] { return run_kiosk(with_script(o, script, dir), platform, &failure); });
    INFO(run.errors);
    REQUIRE(run.code == 0);
    auto store = kiosk::test::open_store(dir / "kiosk.db");
    // The urgent submission, acknowledged by 1001 from the urgent screen itself.
    const auto queue = std::get<std::vector<kiosk::store::QueueEntry>>(store.staff_queue(kiosk::test::nurse(store), 10));
    REQUIRE(queue.size() == 1);
    CHECK(queue[0].severity == kiosk::screening::Severity::urgent);
    CHECK(queue[0].acknowledged);
    CHECK(queue[0].acknowledged_by == "1001");
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'pin_failed'") == 1);
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'staff_sign_in'") == 1);
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'submission_viewed'") >= 1);
    CHECK(store.connection().query_text("SELECT detail FROM audit_log WHERE event = 'staff_signed_out'") == "signed out");
    CHECK(platform.screenshots.size() == 5);
}

TEST_CASE("a script line that holds the corner needs its seconds") {
    TempDir dir;
    HeadlessPlatform platform;
    const auto script = write_file(dir / "odd.script", "hold-corner soon\n");
    const ErrorsOf run([&] { return run_kiosk(with_script(options_in(dir), script, dir), platform); });
    CHECK(run.code == 2);
    CHECK(run.errors.find("odd.script:1: 'hold-corner' needs a number of seconds") != std::string::npos);
}

TEST_CASE("with no reviewed language the kiosk goes out of service, saying why and how to test with drafts") {
    TempDir dir;
    HeadlessPlatform platform;
    platform.close_after_frames = 5;
    Options o = options_in(dir);
    o.config_file.clear();  // the built-in settings: drafts are not for patients
    std::string failure;
    CHECK(run_kiosk(o, platform, &failure) == 0);
    INFO(failure);
    CHECK(failure.find("setting 'default_locale' names 'en', which is not offered to patients: status = \"draft\" in locales/en.toml") !=
          std::string::npos);
    CHECK(failure.find("offer_drafts = true offers it anyway (for testing)") != std::string::npos);
    CHECK(ImGui::FindWindowByName("out_of_service") != nullptr);
}

TEST_CASE("at rest the kiosk's own loop draws the welcome screen once, then sleeps with no timeout: no frame, no wake-up") {
    TempDir dir;
    HeadlessPlatform platform;
    platform.close_at_time = 24 * 3600;  // a day with no one at the kiosk
    std::string failure;
    CHECK(run_kiosk(options_in(dir), platform, &failure) == 0);
    CHECK(failure.empty());
    CHECK(platform.frames_presented == 1);  // the start-up frames after the first drew the same screen
    REQUIRE(platform.waits.size() == 1);
    CHECK(std::isinf(platform.waits.front()));
}

TEST_CASE("out of service, the kiosk's loop also sleeps with no timeout after its one frame") {
    TempDir dir;
    HeadlessPlatform platform;
    platform.close_at_time = 24 * 3600;
    Options o = options_in(dir);
    o.config_file = write_file(dir / "kiosk.toml", "default_locale = \"xx\"\n" + std::string(kiosk::test::offer_drafts_line)).string();
    std::string failure;
    CHECK(run_kiosk(o, platform, &failure) == 0);
    CHECK_FALSE(failure.empty());
    CHECK(platform.frames_presented == 1);
    REQUIRE(platform.waits.size() == 1);
    CHECK(std::isinf(platform.waits.front()));
}

TEST_CASE("a script says where a widget is, in the screen's pixels, for a finger outside the program") {
    TempDir dir;
    HeadlessPlatform platform;
    const auto script = write_file(dir / "where.script", "where start\nwhere lang:es\n");
    // The program prints to standard output: caught in a file for the test.
    const std::filesystem::path printed = dir / "printed.txt";
    std::fflush(stdout);
    const int saved = dup(1);
    const int file = ::open(printed.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(file, 1);
    const int code = run_kiosk(with_script(options_in(dir), script, dir), platform);
    std::fflush(stdout);
    dup2(saved, 1);
    ::close(file);
    ::close(saved);
    CHECK(code == 0);
    std::ifstream in(printed);
    std::string word;
    std::string id;
    float x = 0;
    float y = 0;
    REQUIRE(static_cast<bool>(in >> word >> id >> x >> y));
    CHECK(word == "where");
    CHECK(id == "start");
    CHECK(x == doctest::Approx(540).epsilon(0.05));  // the Start button spans the column
    CHECK(y > 0);
    CHECK(y < 1920);
    REQUIRE(static_cast<bool>(in >> word >> id >> x >> y));
    CHECK(id == "lang:es");
    CHECK(x > 0);
    CHECK(x < 1080);
}

TEST_CASE("the log of a whole day (a flagged visit, an urgent one, staff signing in and reading both) holds no answer, ticket or PIN") {
    TempDir dir;
    {
        auto store = kiosk::test::open_store(dir / "kiosk.db");
        REQUIRE_FALSE(store.add_staff("1001", "482913", "Ana Ruiz").has_value());
    }
    std::string log;
    for (const char* name : {"tour-en", "urgent-and-idle-es", "staff-tour"}) {
        CAPTURE(name);
        HeadlessPlatform platform;
        const ErrorsOf run([&] { return play_shipped_script(name, platform, dir) ? 0 : 1; });
        CHECK(run.code == 0);
        log += run.errors;
    }
    REQUIRE(log.find("audit log: ") != std::string::npos);  // the log was captured, with its audit marks

    auto store = kiosk::test::open_store(dir / "kiosk.db");
    std::vector<std::string> secrets = {"482913"};
    kiosk::store::SqliteError error;
    auto rows = store.connection().prepare("SELECT ticket, answers_json FROM submissions", error);
    REQUIRE(rows);
    int submissions = 0;
    while (rows->step() == SQLITE_ROW) {
        ++submissions;
        secrets.push_back(rows->column_text(0));
        // Every answer that says something about the patient (not "yes", "no", "none").
        const nlohmann::json answers = nlohmann::json::parse(rows->column_text(1));
        for (const auto& [question, value] : answers.items()) {
            for (const nlohmann::json& each : value.is_array() ? value : nlohmann::json::array({value})) {
                if (each.is_string() && each.get<std::string>().size() > 4 && each != "not_sure") secrets.push_back(each.get<std::string>());
            }
        }
    }
    rows.reset();
    REQUIRE(submissions == 2);
    REQUIRE(secrets.size() > 5);
    for (const std::string& secret : secrets) {
        CAPTURE(secret);
        CHECK(log.find(secret) == std::string::npos);
    }
}

