#!/usr/bin/env bash
# Builds the release preset and prints the benchmarks' figures (they are not tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target bench_content_load bench_routing bench_store
./build/release/tests/bench/bench_content_load
./build/release/tests/bench/bench_routing
# On the disk the kiosk's database would use (the build folder here).
./build/release/tests/bench/bench_store build/release/bench-store
# The kiosk itself, as issue 5 asks: under Xvfb with Mesa llvmpipe at 1080x1920.
cmake --build --preset release -j "$(nproc)" --target kiosk
rm -rf build/release/bench-kiosk
xvfb-run -a -s "-screen 0 1080x1920x24" ./build/release/kiosk/kiosk --offer-drafts --measure --database build/release/bench-kiosk/kiosk.db
bash scripts/bench-staff-queue.sh
