#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the debug build, then the same suites
# built with AddressSanitizer + UndefinedBehaviorSanitizer. Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/install-test-validators.sh
jobs=$(nproc)

for preset in debug sanitize; do
  echo "==> configure, build and test: $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done
echo "==> all tests passed (debug and sanitize)"
