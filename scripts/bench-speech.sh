#!/usr/bin/env bash
# Read aloud measured from outside (#17): the real kiosk under Xvfb with an ALSA device that
# writes its samples to a FIFO (ALSA's "file" plugin on its "null" device) which
# tests/bench/screen-probe reads. BENCH_RUNS runs (default 5), medians of:
#   hear_LOCALE_ms / _voice_ms   a finger's tap on Read aloud on the first question, to the first
#                                sample reaching the device / the first audible one
#   pss_LOCALE_mb, pss_peak_mb   PSS once each language has been read (eSpeak loaded)
#   idle_*                       20 s at the welcome screen with a sound device present
#   drag_silent_* / drag_speaking_*  the longest page in English, larger text, dragged up and
#                                down three times before and while it is read aloud: main-thread
#                                CPU per frame (the ratio speaking / silent is printed)
# The probe empties the FIFO at a speaker's pace, so that the reading lasts as long as on a kiosk.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release > /dev/null
cmake --build --preset release -j "$(nproc)" --target kiosk screen-probe

source scripts/bench-lib.sh
work=$bench_build/bench-speech
rm -rf "$work"
mkdir -p "$work"
bench_xvfb "$work"
fifo=$work/sound.fifo
mkfifo "$fifo"
# Held open read-write here, so that the kiosk's device opens whoever reads it.
exec 3<> "$fifo"
printf 'offer_drafts = true\nsound_device = "file:FILE=%s,FORMAT=raw"\n' "$fifo" > "$work/kiosk.toml"

{
  for l in $BENCH_LOCALES; do
    printf 'where lang:%s\ntap lang:%s\nwhere start\ntap start\nwhere read_aloud\nwhere back\ntap back\n' "$l" "$l"
  done
  # The longest page ("who should not") in English, larger text, as scripts/bench.sh drags it.
  printf 'where lang:en\ntap lang:en\nwhere start\ntap start\nwhere option:none\ntap option:none\nwhere next\ntap next\n'
  for _ in 1 2 3 4 5 6 7; do printf 'where next\ntap next\n'; done
  printf 'where larger_text\ntap larger_text\nwhere read_aloud\n'
} > "$work/plan.script"
"$bench_build/kiosk/kiosk" --config "$work/kiosk.toml" --database "$work/plan.db" --script "$work/plan.script" \
  --screenshot "$work/plan-shots" > "$work/plan.txt" 2> "$work/plan.log" ||
  { echo "bench-speech: the plan script failed:" >&2; cat "$work/plan.log" >&2; exit 1; }
# Each language: choose it, start, hear the first question, its PSS, stop the reading, back.
# Then the page: dragged silent, then read aloud and dragged while it is heard, then stopped.
awk -v fifo="$fifo" '
  function drags(label) { for (i = 0; i < 3; ++i) { print "drag", label, 540, 1500, 500, 40; print "drag", label, 540, 500, 1500, 40 } }
  $1 != "where" { next }
  $2 ~ /^lang:/ { l = substr($2, 6); print "tap", $3, $4; next }
  $2 == "larger_text" { page = 1 }
  $2 == "read_aloud" && page { drags("silent"); print "hear page", $3, $4, fifo; drags("speaking"); print "tap", $3, $4; next }
  $2 == "read_aloud" { print "hear", l, $3, $4, fifo; print "pss", l; print "tap", $3, $4; next }
  { print "tap", $3, $4 }
' "$work/plan.txt" > "$work/speech.actions"

for i in $(seq "$BENCH_RUNS"); do
  rm -rf "$work/db"
  bench_probe "$work/kiosk-$i.txt" -- --actions "$work/speech.actions" -- \
    "$bench_build/kiosk/kiosk" --config "$work/kiosk.toml" --database "$work/db/kiosk.db"
  echo "bench-speech: run $i of $BENCH_RUNS done"
done
echo
echo "Read aloud from outside: median of $BENCH_RUNS runs (range), $(nproc) cores, Xvfb 1080x1920, Mesa llvmpipe"
bench_medians kiosk "$work"/kiosk-*.txt | tee "$work/medians.txt" | bench_table
awk '{ v[$2] = $3 } END {
  printf "  main-thread CPU per frame while speaking / silent: median %.2f, p99 %.2f\n",
         v["drag_speaking_main_ms_median"] / v["drag_silent_main_ms_median"], v["drag_speaking_main_ms_p99"] / v["drag_silent_main_ms_p99"] }' "$work/medians.txt"
echo "(runs: $work/kiosk-N.txt)"
