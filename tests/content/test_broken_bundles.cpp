// The corpus of broken content bundles in tests/content/broken/ (see support/broken_corpus.hpp).
#include <doctest/doctest.h>

#include "broken_corpus.hpp"
#include "content_bundle.hpp"

using namespace kiosk::content;
using kiosk::test::TempBundle;

TEST_CASE("the mini bundle itself is clean") {
    TempBundle files;
    const BundleLoad load = load_bundle(files.dir());
    CHECK(load.usable);
    CHECK(load.diagnostics.items().empty());
}

TEST_CASE("every broken bundle gives exactly its expected file:line:col messages") {
    kiosk::test::check_broken_corpus(
        kiosk::test::source_dir() / "tests/content/broken", [] { return TempBundle(); },
        [](const std::filesystem::path& dir) { return load_bundle(dir).diagnostics; }, 30);
}
