#!/usr/bin/env bash
# End to end, the real kiosk's own loop under Xvfb touched from outside through XTest, as a touch
# screen's pointer (tests/bench/screen-probe): the first visit in English to the longest page in
# larger text, a finger dragging it, and back to the welcome screen. Every tap must change the
# screen (Next tapped page after page on the same spot counts each time), the drags must move the
# page, and at rest the kiosk draws nothing and no thread of it wakes.
#   e2e_touch_from_outside.sh BUILD_DIR WORK_DIR
set -euo pipefail
export BENCH_BUILD=$1 BENCH_IDLE_SECONDS=3 BENCH_LOCALES=en
work=$2
source "$(dirname "$0")/../../scripts/bench-lib.sh"
bench_e2e_start "$work"
bench_kiosk_plan "$work"
grep -v '^drag' "$work/kiosk.actions" | sed -n '/^pss/q;p' > "$work/touch.actions"   # to the longest page
printf 'drag en 540 1500 500 20\ndrag en 540 500 1500 20\n' >> "$work/touch.actions"
grep '^tap' "$work/kiosk.actions" | tail -n +"$(($(grep -c '^tap' "$work/touch.actions") + 1))" >> "$work/touch.actions"  # and back
bench_probe "$work/run.txt" -- --actions "$work/touch.actions" -- \
  "$BENCH_BUILD/kiosk/kiosk" --config "$bench_root/config/demo.toml" --database "$work/db/kiosk.db" || fail "the probe failed"
value() { sed -n "s/^$1=//p" "$work/run.txt"; }
! grep -q "nothing changed on the screen" "$work/run.txt.log" || fail "a tap did not reach the kiosk"
[ "$(value idle_frames)" = 0 ] || fail "frames drawn at rest: $(value idle_frames)"
[ "$(value idle_context_switches)" = 0 ] || fail "threads woke at rest: $(value idle_context_switches) context switches"
[ "$(value drag_en_frames)" -ge 10 ] || fail "the drags moved the page in only $(value drag_en_frames) frames"
echo "touch from outside: $(grep -c '^tap' "$work/touch.actions") taps, $(value drag_en_frames) frames of dragging, nothing at rest"
