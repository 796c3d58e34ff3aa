#!/usr/bin/env bash
# The kiosk beside what else could show its screens, measured in the same run, the same way (from
# outside, tests/bench/screen-probe, under one Xvfb at 1080x1920 with Mesa llvmpipe), BENCH_RUNS
# runs each (default 5), medians:
#   kiosk     the real kiosk binary, full screen, welcome screen; the drag on its longest page
#   floor     a bare Dear ImGui + GLFW page with one button, drawn only on input: the floor of
#             this stack (tests/bench/imgui_floor_page.cpp)
#   chromium  the welcome screen and the longest page as HTML (words from the bundle's en.toml,
#             tests/bench/kiosk_pages_as_html.py) in Debian's Chromium in kiosk mode: what a
#             clinic would pick instead. Installed here for the benchmark only (not a dependency).
# Each figure is printed with its ratio to the floor and to Chromium. Pictures of what each showed
# once complete: build/release/bench-compare/*-start.png.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if ! command -v chromium > /dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "bench-compare: Chromium is missing: sudo apt-get install -y chromium" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
fi
cmake --preset release > /dev/null
cmake --build --preset release -j "$(nproc)" --target kiosk imgui-floor-page screen-probe

source scripts/bench-lib.sh
work=$bench_build/bench-compare
rm -rf "$work"
mkdir -p "$work/html"
bench_xvfb "$work"
python3 tests/bench/kiosk_pages_as_html.py . "$work/html"

# The same finger on each: the kiosk's longest page in English, larger text (its plan's English
# part), the floor's page, Chromium's page.html.
BENCH_LOCALES=en bench_kiosk_plan "$work"
drags() { for _ in 1 2 3; do printf 'drag page 540 1500 500 40\ndrag page 540 500 1500 40\n'; done; }
{ sed -n '/^drag/q;p' "$work/kiosk.actions"; drags; } > "$work/kiosk-page.actions"
drags > "$work/page.actions"
chromium_args=(--kiosk --no-sandbox --no-first-run --no-default-browser-check --disable-background-networking
               --disable-component-update --disable-sync --password-store=basic --window-position=0,0 --window-size=1080,1920)

for i in $(seq "$BENCH_RUNS"); do
  rm -rf "$work/db" "$work/chromium-profile"
  bench_probe "$work/kiosk-$i.txt" -- --actions "$work/kiosk-page.actions" --start-screen "$work/kiosk-$i.xwd" -- \
    "$bench_build/kiosk/kiosk" --config config/demo.toml --database "$work/db/kiosk.db"
  bench_probe "$work/floor-$i.txt" -- --actions "$work/page.actions" --start-screen "$work/floor-$i.xwd" -- \
    "$bench_build/tests/bench/imgui-floor-page"
  # Welcome first (start and idle), then the page in a fresh profile for the drag.
  bench_probe "$work/chromium-$i.txt" -- --start-screen "$work/chromium-$i.xwd" -- \
    chromium "${chromium_args[@]}" --user-data-dir="$work/chromium-profile" \
    "file://$work/html/welcome.html"
  rm -rf "$work/chromium-profile"
  BENCH_IDLE_SECONDS=1 bench_probe "$work/chromium-page-$i.txt" -- --actions "$work/page.actions" -- \
    chromium "${chromium_args[@]}" --user-data-dir="$work/chromium-profile" "file://$work/html/page.html"
  grep '^drag' "$work/chromium-page-$i.txt" >> "$work/chromium-$i.txt"
  echo "bench-compare: run $i of $BENCH_RUNS done"
done
# What each showed once complete (run 1), for a person to look at.
for program in kiosk floor chromium; do
  python3 tests/bench/xvfb_screen_to_png.py "$work/$program-1.xwd" "$work/$program-start.png"
done

bench_medians kiosk "$work"/kiosk-*.txt > "$work/kiosk.medians"
bench_medians floor "$work"/floor-*.txt > "$work/floor.medians"
bench_medians chromium "$work"/chromium-[0-9]*.txt > "$work/chromium.medians"
echo
echo "Median of $BENCH_RUNS runs each, $(nproc) cores, Xvfb 1080x1920, Mesa llvmpipe; ratios: kiosk / floor, kiosk / Chromium"
awk '
  FNR == 1 { file++ }
  { v[file, $2] = $3; if (file == 1) order[++n] = $2 }
  END {
    printf "  %-28s %12s %12s %12s %10s %10s\n", "figure", "kiosk", "floor", "chromium", "/floor", "/chromium"
    for (i = 1; i <= n; ++i) {
      k = order[i]; a = v[1, k]; f = v[2, k]; c = v[3, k]
      rf = (f != "" && f + 0 != 0) ? sprintf("%.2f", a / f) : "-"
      rc = (c != "" && c + 0 != 0) ? sprintf("%.2f", a / c) : "-"
      printf "  %-28s %12s %12s %12s %10s %10s\n", k, a, (f == "" ? "-" : f), (c == "" ? "-" : c), rf, rc
    }
  }' "$work/kiosk.medians" "$work/floor.medians" "$work/chromium.medians" | tee "$work/table.txt"
echo "(runs: $work; the figures of each run in NAME-N.txt)"
