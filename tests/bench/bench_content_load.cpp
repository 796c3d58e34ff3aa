// How long it takes to load and fully validate the shipped bundle (every locale, every text
// compiled with ICU, the questionnaire and rules, every cross-check): what the kiosk does at
// start-up and the linter on every run.
// Target: under 20 ms on the 2-core reference machine.
#include <benchmark/benchmark.h>

#include "content_bundle.hpp"
#include "kiosk_bundle.hpp"
#include "localized_text.hpp"
#include "page_preview.hpp"

namespace {

void BM_LoadAndValidateShippedBundle(benchmark::State& state) {
    for (auto _ : state) {
        kiosk::screening::KioskBundle load = kiosk::screening::load_kiosk_bundle(KIOSK_SOURCE_DIR);
        if (!load.usable || load.content.diagnostics.has_errors()) state.SkipWithError("the shipped bundle has errors");
        benchmark::DoNotOptimize(load);
    }
    state.SetLabel("all locales, questionnaire and rules");
}
BENCHMARK(BM_LoadAndValidateShippedBundle)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Formatting every page of one locale (what a screen does when it lays out its text).
void BM_FormatAllPages(benchmark::State& state, const char* tag) {
    const kiosk::content::BundleLoad load = kiosk::content::load_bundle(KIOSK_SOURCE_DIR);
    const kiosk::content::LocalizedText text(load.bundle, tag);
    for (auto _ : state) benchmark::DoNotOptimize(kiosk::content::render_pages_as_text(load.bundle, text));
}
BENCHMARK_CAPTURE(BM_FormatAllPages, en, "en")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FormatAllPages, ar, "ar")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FormatAllPages, zh_Hans, "zh-Hans")->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
