// Screens shown from their descriptions, the layout lint that measures every text where the
// kiosk draws it, and the preview's fallback marks: through the kiosk's own program, headless,
// with the real fonts.
#include <doctest/doctest.h>

#include <algorithm>
#include <iostream>
#include <sstream>

#include "headless_platform.hpp"
#include "kiosk_app.hpp"
#include "layout_lint.hpp"
#include "screen_preview.hpp"
#include "shipped_bundle.hpp"
#include "temp_bundle.hpp"
#include "routing.hpp"
#include "screen_reading.hpp"
#include "draft_config.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk;
using kiosk::preview::LayoutSize;

namespace {

std::vector<content::Diagnostic> layout_errors(const test::TempBundle& bundle, const std::vector<LayoutSize>& sizes) {
    const screening::KioskBundle loaded = screening::load_kiosk_bundle(bundle.dir());
    REQUIRE(loaded.usable);
    const preview::LayoutLint lint = preview::lint_layout(bundle.dir(), loaded, {"es"}, sizes);
    REQUIRE(lint.failure.empty());
    return lint.diagnostics.items();
}

std::vector<content::Diagnostic> naming(const std::vector<content::Diagnostic>& all, std::string_view element) {
    std::vector<content::Diagnostic> out;
    for (const content::Diagnostic& d : all) {
        if (d.message.find(element) != std::string::npos) out.push_back(d);
    }
    return out;
}

int line_starting(const std::string& relative, const std::string& start) {
    const int line = test::line_starting(test::source_dir() / relative, start);
    REQUIRE(line > 0);
    return line;
}

const LayoutSize portrait{1080, 1920, false};
const LayoutSize portrait_larger{1080, 1920, true};

}  // namespace

TEST_CASE("a label with a word wider than its button fails layout lint, naming locale, screen, element, size and the key's line") {
    test::TempBundle bundle = test::TempBundle::shipped();
    bundle.replace("locales/es.toml", "next = \"Siguiente\"", "next = \"Siguienteeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee\"");
    std::vector<content::Diagnostic> found = naming(layout_errors(bundle, {portrait}), ": next ");
    // The same screens are also drawn in the high-contrast theme; look at the normal one first.
    std::stable_partition(found.begin(), found.end(), [](const content::Diagnostic& x) { return x.message.find("high contrast") == std::string::npos; });
    REQUIRE_FALSE(found.empty());
    const content::Diagnostic& d = found.front();
    CHECK(d.severity == content::Severity::error);
    CHECK(d.file == "locales/es.toml");
    CHECK(d.where.line == line_starting("locales/es.toml", "next = \"Siguiente\""));  // where ui.nav.next is written
    INFO(d.message);
    CHECK(d.message.starts_with("es: "));
    CHECK(d.message.find(": next \u201cSiguienteeee") != std::string::npos);
    CHECK(d.message.find("has a word wider than its button by ") != std::string::npos);
    CHECK(d.message.find("px (1080x1920) [ui.nav.next]") != std::string::npos);
    // On every screen that has the button: the pages, each question.
    const auto screen_named = [&](std::string_view screen) {
        return std::any_of(found.begin(), found.end(), [&](const content::Diagnostic& x) { return x.message.find(screen) != std::string::npos; });
    };
    CHECK(screen_named("es: page:1: "));
    CHECK(screen_named("es: question:pregnant: "));
}

TEST_CASE("a label that fits at normal size but not with larger text fails with that size named") {
    test::TempBundle bundle = test::TempBundle::shipped();
    // The longest word that still fits the top bar's back button at normal size.
    std::string longest;
    std::size_t low = 1;
    std::size_t high = 60;
    std::string current = "Atr\u00e1s";
    while (low < high) {
        const std::size_t mid = (low + high + 1) / 2;
        const std::string word = "W" + std::string(mid, 'm');
        bundle.replace("locales/es.toml", "back = \"" + current + "\"", "back = \"" + word + "\"");
        current = word;
        if (naming(layout_errors(bundle, {portrait}), ": back ").empty()) low = mid;
        else high = mid - 1;
    }
    const std::string fits = "W" + std::string(low, 'm');
    bundle.replace("locales/es.toml", "back = \"" + current + "\"", "back = \"" + fits + "\"");
    CHECK(naming(layout_errors(bundle, {portrait}), ": back ").empty());
    const std::vector<content::Diagnostic> larger = naming(layout_errors(bundle, {portrait_larger}), ": back ");
    REQUIRE_FALSE(larger.empty());
    INFO(larger.front().message);
    CHECK(larger.front().message.find("has a word wider than its button by ") != std::string::npos);
    CHECK(larger.front().message.find("(1080x1920, larger text)") != std::string::npos);
}

TEST_CASE("the shipped bundle has no layout problem at any supported size, and every patient screen is drawn") {
    const screening::KioskBundle loaded = screening::load_kiosk_bundle(test::source_dir());
    const preview::LayoutLint lint = preview::lint_layout(test::source_dir(), loaded, {});
    REQUIRE(lint.failure.empty());
    for (const content::Diagnostic& d : lint.diagnostics.items()) CHECK_MESSAGE(false, content::format_diagnostic(d));
    // welcome + 9 pages + 20 questions + review + 5 results + urgent + idle = 38 a locale, at 4 sizes,
    // and in the high-contrast theme at both screen sizes (normal text): 6 times
    CHECK(lint.screens_drawn == 6 * loaded.content.bundle.locales.size() * (app::every_patient_screen(loaded, "en").size() - 1));
}

TEST_CASE("a text shown from a fallback language is marked in the preview, and listed") {
    test::TempBundle bundle = test::TempBundle::shipped();
    bundle.replace("locales/es.toml", "next = \"Siguiente\"\n", "");
    const screening::KioskBundle loaded = screening::load_kiosk_bundle(bundle.dir());
    REQUIRE(loaded.usable);
    app::PreviewRequest request;
    request.bundle = bundle.dir();
    app::ScreenDescription question = std::get<app::ScreenDescription>(app::parse_screen_name("question:adult", loaded));
    question.locale = "es";
    question.mark_fallbacks = true;
    question.record_texts = true;
    request.screens = {question};
    app::HeadlessPlatform platform;
    const app::PreviewRun run = app::run_preview(request, platform);
    REQUIRE(run.failure.empty());
    REQUIRE(run.shots.size() == 1);
    const app::PreviewShot& shot = run.shots.front();
    CHECK(shot.problem.empty());
    CHECK(shot.fallback_keys == std::vector<std::string>{"ui.nav.next"});
    const auto next = std::find_if(shot.texts.begin(), shot.texts.end(), [](const auto& t) { return t.first == "ui.nav.next"; });
    REQUIRE(next != shot.texts.end());
    CHECK(next->second == "[en] Next");  // drawn so on the button
    // The Spanish texts are not marked.
    for (const auto& [key, text] : shot.texts) {
        if (key != "ui.nav.next") CHECK_FALSE(text.starts_with("["));
    }
}

TEST_CASE("every described screen can be shown, and a description that cannot names what is wrong") {
    const screening::KioskBundle& loaded = test::shipped_bundle();
    for (const app::ScreenDescription& d : app::every_patient_screen(loaded, "ar")) {
        const auto parsed = app::parse_screen_name(d.name(), loaded);
        REQUIRE(std::holds_alternative<app::ScreenDescription>(parsed));
        CHECK(std::get<app::ScreenDescription>(parsed).name() == d.name());
    }
    CHECK(std::get<std::string>(app::parse_screen_name("page:99", loaded)).find("pages 1 to 9") != std::string::npos);
    CHECK(std::get<std::string>(app::parse_screen_name("question:nope", loaded)).find("no question 'nope'") != std::string::npos);
    CHECK(std::get<std::string>(app::parse_screen_name("result:urgent", loaded)).find("urgent is its own screen") != std::string::npos);
    CHECK(std::get<std::string>(app::parse_screen_name("goodbye", loaded)).find("screens are welcome, page:N") != std::string::npos);
}

TEST_CASE("a conditional question is shown with answers that show it, the full review answers every question") {
    const screening::ScreeningContent& content = test::shipped_bundle().screening;
    const screening::Questionnaire& q = content.questionnaire;
    const std::size_t older = *q.index_of("older_adult");
    const std::optional<screening::AnswerSet> showing = app::answers_showing(q, older);
    REQUIRE(showing);
    CHECK(screening::visible_questions(q, *showing)[older]);
    const screening::AnswerSet review = app::answers_for_full_review(content);
    const std::vector<bool> visible = screening::visible_questions(q, review);
    for (std::size_t i = 0; i < q.questions.size(); ++i) {
        if (visible[i]) CHECK_MESSAGE(review[i].given, q.questions[i].id);
    }
    // Both conditional questions are on it: adult "yes" shows older_adult; pregnant "no" keeps breastfeeding.
    CHECK(visible[older]);
    CHECK(visible[*q.index_of("breastfeeding")]);
    // Never a warning sign: that visit would have ended at the first question, not at the review.
    CHECK_FALSE(screening::urgent_now(content, review, q.questions.size()));
}

TEST_CASE("a locale file that does not parse: the kiosk serves the others, logs the file's line and column, and tells staff on the welcome screen") {
    test::TempDir dir;
    test::TempBundle bundle = test::TempBundle::shipped();
    bundle.replace("locales/es.toml", "title = \"¿Qué es el magnesio por vía intravenosa?\"", "title = \"¿Qué es el magnesio por vía intravenosa?");
    const screening::KioskBundle loaded = screening::load_kiosk_bundle(bundle.dir());
    REQUIRE(loaded.content.bundle.unreadable.size() == 1);
    // The start-up report.
    app::Options o;
    o.bundle = bundle.dir().string();
    o.database = (dir / "kiosk.db").string();
    o.offer_drafts = true;  // the shipped translations are drafts
    app::HeadlessPlatform platform;
    platform.close_after_frames = 5;
    std::ostringstream log;
    std::streambuf* const before = std::cerr.rdbuf(log.rdbuf());
    std::string failure;
    const int code = app::run_kiosk(o, platform, &failure);
    std::cerr.rdbuf(before);
    CHECK(code == 0);
    CHECK(failure.empty());  // en, ar and zh-Hans are served
    INFO(log.str());
    const int broken_line = line_starting("locales/es.toml", "title = \"¿Qué es el magnesio por vía intravenosa?\"");
    CHECK(log.str().find("es (locales/es.toml): NOT READ, so not offered to patients: locales/es.toml:" + std::to_string(broken_line) + ":") !=
          std::string::npos);
    // The welcome screen, as the preview draws it: the note for staff names the file and line.
    app::PreviewRequest request;
    request.bundle = bundle.dir();
    app::ScreenDescription welcome;
    welcome.record_texts = true;
    request.screens = {welcome};
    app::HeadlessPlatform preview_platform;
    const app::PreviewRun run = app::run_preview(request, preview_platform);
    REQUIRE(run.shots.size() == 1);
    const auto& texts = run.shots.front().texts;
    const auto note = std::find_if(texts.begin(), texts.end(), [](const auto& t) { return t.first == "ui.welcome.staff_language_not_read"; });
    REQUIRE(note != texts.end());
    CHECK(note->second.find("locales/es.toml") != std::string::npos);
    CHECK(note->second.find("(line \u2068" + std::to_string(broken_line) + "\u2069)") != std::string::npos);  // isolated, as every argument is
}

TEST_CASE("on a small screen the buttons under 9 mm are lint errors naming screen, button and size, on the usual 21.5-inch none") {
    const screening::KioskBundle loaded = screening::load_kiosk_bundle(test::source_dir());
    const preview::LayoutLint usual = preview::lint_layout(test::source_dir(), loaded, {"en"}, {portrait});
    REQUIRE(usual.failure.empty());
    CHECK(usual.diagnostics.items().empty());
    // The same pixels on a 7-inch tablet: about 12 px a millimetre, so a button must be 112 px.
    const preview::LayoutLint tablet = preview::lint_layout(test::source_dir(), loaded, {"en"}, {portrait}, 7.0F);
    REQUIRE(tablet.failure.empty());
    bool start_named = false;
    for (const content::Diagnostic& d : tablet.diagnostics.items()) {
        CHECK(d.message.find("is a touch target of ") != std::string::npos);
        start_named = start_named || d.message.find("en: welcome: start: is a touch target of ") != std::string::npos;
    }
    CHECK(start_named);
}

TEST_CASE("read aloud reads what each screen draws, in the order it draws it, in every language") {
    const screening::KioskBundle& loaded = test::shipped_bundle();
    test::TempDir dir;
    store::SubmissionStore store = test::open_store(dir / "kiosk.db");
    const app::KioskConfig config = test::draft_config(test::source_dir());
    for (const content::LocaleTexts& locale : loaded.content.bundle.locales) {
        CAPTURE(locale.tag);
        app::PreviewRequest request;
        request.bundle = test::source_dir();
        for (app::ScreenDescription d : app::every_patient_screen(loaded, locale.tag)) {
            if (d.kind == app::ScreenDescription::Kind::idle || d.kind == app::ScreenDescription::Kind::out_of_service) continue;
            d.record_texts = true;
            request.screens.push_back(d);
        }
        app::HeadlessPlatform platform;
        const app::PreviewRun run = app::run_preview(request, platform);
        REQUIRE(run.failure.empty());
        REQUIRE(run.shots.size() == request.screens.size());
        for (const app::PreviewShot& shot : run.shots) {
            CAPTURE(shot.screen.name());
            app::KioskFlow flow(loaded, store, config, 0);
            REQUIRE(flow.show(shot.screen, 0).empty());
            const std::vector<app::ReadText> reading = app::screen_reading(flow);
            // Every screen but welcome is read: at least its title or question.
            CHECK(reading.empty() == (shot.screen.kind == app::ScreenDescription::Kind::welcome));
            // Each text read is a text drawn, after the one read before it, within one frame (the
            // texts of several frames were recorded: one ends where its first three come again).
            REQUIRE(shot.texts.size() >= 3);
            const auto& texts = shot.texts;
            auto frame_end = texts.end();
            for (std::size_t k = 1; k + 2 < texts.size(); ++k) {
                if (texts[k] == texts[0] && texts[k + 1] == texts[1] && texts[k + 2] == texts[2]) {
                    frame_end = texts.begin() + static_cast<std::ptrdiff_t>(k);
                    break;
                }
            }
            auto drawn = shot.texts.begin();
            for (const app::ReadText& read : reading) {
                if (read.key.empty()) continue;  // words put together on the review (an answer)
                CAPTURE(read.key);
                drawn = std::find_if(drawn, frame_end, [&](const auto& t) { return t.first == read.key && t.second == read.shown; });
                REQUIRE(drawn != frame_end);
                CHECK(read.spoken == read.shown);  // no spoken forms shipped yet
            }
        }
    }
}
