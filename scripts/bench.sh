#!/usr/bin/env bash
# Builds the release preset and prints the benchmarks' figures (they are not tests).
#   1. the libraries: bundle load, routing, store commit latency, the staff queue;
#   2. the kiosk itself, measured from outside as a user's machine runs it: the real binary,
#      full screen under Xvfb (1080x1920, Mesa llvmpipe), BENCH_RUNS runs (default 5), medians:
#        start_ms              exec to the first frame showing the complete welcome screen, seen
#                              in Xvfb's framebuffer
#        idle_*                20 s at the welcome screen, nothing touched: CPU of all threads
#                              (schedstat), context switches (each a wake-up), frames drawn
#        pss_*_mb              PSS of the process at the welcome screen, after each language, peak
#        drag_LOCALE_*         a finger (XTest) dragging the longest page in larger text, up and
#                              down three times in each language: main-thread CPU per frame
#                              (median, p99) read from /proc as each frame reaches the screen
#      Every figure comes from tests/bench/screen-probe, outside the program.
# scripts/bench-compare.sh measures the same way beside the bare Dear ImGui page and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target bench_content_load bench_routing bench_store kiosk screen-probe
./build/release/tests/bench/bench_content_load
./build/release/tests/bench/bench_routing
# On the disk the kiosk's database would use (the build folder here).
./build/release/tests/bench/bench_store build/release/bench-store
bash scripts/bench-staff-queue.sh

source scripts/bench-lib.sh
work=$bench_build/bench-kiosk
rm -rf "$work"
mkdir -p "$work"
bench_xvfb "$work"
bench_kiosk_plan "$work"
for i in $(seq "$BENCH_RUNS"); do
  rm -rf "$work/db"
  bench_probe "$work/kiosk-$i.txt" -- --actions "$work/kiosk.actions" -- \
    "$bench_build/kiosk/kiosk" --config config/demo.toml --database "$work/db/kiosk.db"
  echo "bench: kiosk run $i of $BENCH_RUNS done"
done
echo
echo "The kiosk from outside: median of $BENCH_RUNS runs (range), $(nproc) cores, Xvfb 1080x1920, Mesa llvmpipe"
bench_medians kiosk "$work"/kiosk-*.txt | tee "$work/medians.txt" | bench_table
echo "(runs: $work/kiosk-N.txt; where the plan tapped: $work/plan-shots)"
