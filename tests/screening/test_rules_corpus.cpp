// Broken questionnaire and rules files (tests/screening/broken/): each is the shipped file with one
// fault, and must give exactly its expected file:line:col messages.
#include <doctest/doctest.h>

#include "broken_corpus.hpp"
#include "kiosk_bundle.hpp"

TEST_CASE("every broken questionnaire or rules file gives exactly its expected messages") {
    kiosk::test::check_broken_corpus(
        kiosk::test::source_dir() / "tests/screening/broken", [] { return kiosk::test::TempBundle::shipped(); },
        [](const std::filesystem::path& dir) { return kiosk::screening::load_kiosk_bundle(dir).content.diagnostics; }, 15);
}
