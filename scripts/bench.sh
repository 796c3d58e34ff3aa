#!/usr/bin/env bash
# Builds the release preset and prints the benchmarks' figures (they are not tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target bench_content_load bench_routing
./build/release/tests/bench/bench_content_load
./build/release/tests/bench/bench_routing
