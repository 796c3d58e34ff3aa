// What lint accepts, the kiosk starts on: every bundle of the broken corpora that lint passes (only
// warnings) starts the real program (headless) without going out of service, and no bundle, passed
// or not, crashes it. The corpora's cases are faults an editor makes; the hostile ones below are the
// findings of an adversarial run (deep nesting, huge pictures).
#include <doctest/doctest.h>

#include <fstream>

#include "broken_corpus.hpp"
#include "draft_config.hpp"
#include "headless_platform.hpp"
#include "kiosk_app.hpp"
#include "kiosk_bundle.hpp"
#include "../store/store_fixture.hpp"

using kiosk::app::HeadlessPlatform;
using kiosk::app::Options;
using kiosk::test::TempBundle;
using kiosk::test::TempDir;

namespace {

struct Verdicts {
    int accepted = 0;
    int refused = 0;
};

// Lint's verdict on the bundle, and the kiosk started on it for a few frames.
void check_agreement(const std::string& name, const TempBundle& bundle, Verdicts& verdicts) {
    CAPTURE(name);
    const bool lint_accepts = !kiosk::screening::load_kiosk_bundle(bundle.dir()).content.diagnostics.has_errors();
    TempDir dir;
    std::ofstream(dir / "kiosk.toml") << kiosk::test::offer_drafts_line;
    Options o;
    o.bundle = bundle.dir().string();
    o.database = (dir / "kiosk.db").string();
    o.config_file = (dir / "kiosk.toml").string();
    o.quiet = true;
    HeadlessPlatform platform;
    platform.close_after_frames = 5;
    std::string failure;
    CHECK(kiosk::app::run_kiosk(o, platform, &failure) == 0);  // ran until its window closed
    if (lint_accepts) {
        CHECK_MESSAGE(failure.empty(), "lint accepts the bundle, yet the kiosk is out of service: " << failure);
        ++verdicts.accepted;
    } else {
        ++verdicts.refused;
    }
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

}  // namespace

TEST_CASE("every questionnaire or rules fault that lint accepts, the kiosk starts on, none crashes it") {
    Verdicts verdicts;
    kiosk::test::for_each_corpus_bundle(kiosk::test::source_dir() / "tests/screening/broken", [] { return TempBundle::shipped(); },
                                        [&](const std::string& name, const TempBundle& bundle) { check_agreement(name, bundle, verdicts); });
    MESSAGE("accepted by lint: " << verdicts.accepted << ", refused: " << verdicts.refused);
    CHECK(verdicts.accepted >= 1);
    CHECK(verdicts.refused >= 15);
}

TEST_CASE("hostile bundles: lint refuses them, and the kiosk survives them") {
    Verdicts verdicts;
    {
        TempBundle bundle = TempBundle::shipped();
        bundle.write("locales/es.toml", bundle.read("locales/es.toml") + "\n[" + repeat("a.", 20000) + "b]\nc = \"x\"\n");
        check_agreement("a table header of 20000 dotted segments", bundle, verdicts);
    }
    {
        TempBundle bundle = TempBundle::shipped();
        bundle.replace("locales/en.toml", "[page.steps]\n", "[page.steps]\ndeep = \"" + repeat("{n, plural, other {", 500) + "x" + repeat("}}", 500) + "\"\n");
        check_agreement("plural in plural 500 deep", bundle, verdicts);
    }
    {
        TempBundle bundle = TempBundle::shipped();
        bundle.write("structure/rules.toml", bundle.read("structure/rules.toml") + "\nx = " + repeat("[", 50000) + repeat("]", 50000) + "\n");
        check_agreement("arrays 50000 deep in the rules", bundle, verdicts);
    }
    CHECK(verdicts.refused == 3);
}
