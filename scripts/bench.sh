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
