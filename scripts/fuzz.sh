#!/usr/bin/env bash
# Runs one libFuzzer harness (tests/fuzz/fuzz_NAME.cpp) for SECONDS on its seed corpus and
# dictionary, and prints how many inputs it ran. A crash is copied into
# tests/fuzz/regressions/NAME/, which CTest replays in every build from then on.
#   scripts/fuzz.sh NAME SECONDS      (NAME: locale_file message_format condition answers_json
#                                      config script po_import; `scripts/fuzz.sh list` lists them)
set -euo pipefail
cd "$(dirname "$0")/.."
names=(locale_file message_format condition answers_json config script po_import)
if [ "${1:-}" = list ]; then printf '%s\n' "${names[@]}"; exit 0; fi
[ $# -eq 2 ] || { echo "usage: scripts/fuzz.sh NAME SECONDS (scripts/fuzz.sh list)" >&2; exit 2; }
name=$1 seconds=$2
printf '%s\n' "${names[@]}" | grep -qx "$name" || { echo "fuzz: no harness '$name' (scripts/fuzz.sh list)" >&2; exit 2; }
bash scripts/install-deps.sh > /dev/null
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz -j "$(nproc)" --target "fuzz_$name"

# The seeds CTest replays (listed by tests/fuzz/CMakeLists.txt), copied into a corpus the fuzzer
# may grow.
seeds=$(cat "build/fuzz/tests/fuzz/seeds_$name.txt")
work=build/fuzz/runs/$name
rm -rf "$work"
mkdir -p "$work/corpus" "$work/crashes"
while read -r seed; do
  if [ -d "$seed" ]; then find "$seed" -type f ! -name .keep -exec cp -t "$work/corpus" {} + 2>/dev/null || true
  elif [ -f "$seed" ]; then cp "$seed" "$work/corpus/"; fi
done <<< "$seeds"

status=0
# The same sanitizer settings as the sanitize preset, with its list of third-party leaks.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=tests/lsan-suppressions.txt \
  "build/fuzz/tests/fuzz/fuzz_$name" "$work/corpus" -dict="tests/fuzz/$name.dict" -max_total_time="$seconds" \
  -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/crashes/" -print_final_stats=1 \
  > "$work/log.txt" 2>&1 || status=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log.txt" | grep -o '[0-9]*$' || echo 0)
echo "fuzz $name: $runs inputs in $seconds s ($(( runs / (seconds > 0 ? seconds : 1) ))/s), corpus $(ls "$work/corpus" | wc -l) files; log: $work/log.txt"
if [ "$status" -ne 0 ] || [ -n "$(ls -A "$work/crashes")" ]; then
  mkdir -p "tests/fuzz/regressions/$name"
  cp "$work"/crashes/* "tests/fuzz/regressions/$name/" 2>/dev/null || true
  echo "fuzz $name: FOUND A PROBLEM (exit $status); the input is now in tests/fuzz/regressions/$name/:" >&2
  grep -m 5 -E "ERROR|SUMMARY|runtime error" "$work/log.txt" >&2 || tail -20 "$work/log.txt" >&2
  exit 1
fi
