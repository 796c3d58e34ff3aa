#pragma once
// A patient's visit on the real screens with no window (HeadlessUi over a KioskFlow on its own
// database), and answers that take it to the review: shared by the screen tests.
#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <string>

#include "draft_config.hpp"
#include "headless_ui.hpp"
#include "kiosk_flow.hpp"
#include "shipped_bundle.hpp"
#include "../store/fault_vfs.hpp"
#include "../store/store_fixture.hpp"

namespace kiosk::test {

inline const kiosk::screening::KioskBundle& shipped() { return kiosk::test::shipped_bundle(); }

// An answer to every question that keeps the visit going to the review (no warning sign).
inline const std::map<std::string, std::string> answers = {
    {"symptoms_now", "none"},   {"adult", "yes"},           {"older_adult", "no"},     {"pregnant", "no"},
    {"breastfeeding", "no"},    {"heart", "heart_damage"},  {"kidney", "no"},          {"neuromuscular", "none"},
    {"medicines", "digoxin"},   {"low_blood_pressure", "no"}, {"allergies", "none"},   {"other_magnesium", "none"},
    {"unwell_today", "none"},   {"prior_reaction", "no"},   {"needle_fainting", "no"}, {"diabetes", "no"},
    {"oral_magnesium", "no"},   {"ate_today", "yes"},       {"drank_water", "yes"}};

// A visit on the real patient screens, headless, on its own database.
struct Kiosk {
    // `faulty_disk`: the store sits on the test VFS, so that a test can make the disk fail.
    // `reserve_bytes`: the space the store holds for a full disk, as the kiosk program does.
    explicit Kiosk(ImVec2 size = ImVec2(1080, 1920), bool faulty_disk = false, std::uint64_t reserve_bytes = 0)
        : store(faulty_disk ? kiosk::test::open_store_on_fault_vfs(dir / "kiosk.db", with_reserve(reserve_bytes))
                            : kiosk::test::open_store(dir / "kiosk.db", with_reserve(reserve_bytes))),
          ui(size) {}
    static kiosk::store::StoreOptions with_reserve(std::uint64_t bytes) {
        kiosk::store::StoreOptions options;
        options.reserve_bytes = bytes;
        return options;
    }
    kiosk::test::TempDir dir;
    kiosk::store::SubmissionStore store;
    app::KioskConfig config = kiosk::test::draft_config(kiosk::test::source_dir());
    app::KioskFlow flow{shipped(), store, config, 0};
    kiosk::test::HeadlessUi ui;

    bool tap(const std::string& id) { return ui.tap(flow, id); }
    std::string question() const {
        const auto q = flow.session().current_question();
        return q ? shipped().screening.questionnaire.questions[*q].id : std::string();
    }
    // Taps Start, every question (answering those `given` names, after the options `also` names)
    // and, after the warning signs, every page (or "skip") up to the review.
    void walk_to_review(const std::map<std::string, std::string>& given = answers, bool read = true,
                        const std::map<std::string, std::string>& also = {}) {
        REQUIRE(tap("start"));
        while (flow.screen() == app::Screen::question || flow.screen() == app::Screen::education) {
            if (flow.screen() == app::Screen::education) {
                REQUIRE(tap(read ? "next" : "skip"));
                continue;
            }
            if (const auto more = also.find(question()); more != also.end()) REQUIRE(tap("option:" + more->second));
            const auto it = given.find(question());
            if (it != given.end()) REQUIRE(tap("option:" + it->second));
            REQUIRE(tap("next"));
        }
        REQUIRE(flow.screen() == app::Screen::review);
    }
};

}  // namespace kiosk::test
