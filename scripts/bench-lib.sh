# Shared by scripts/bench.sh and scripts/bench-compare.sh (sourced, not run): programs measured
# from outside on a virtual screen, the way a user's machine runs them.
#   bench_xvfb WORK           starts Xvfb (1080x1920, framebuffer file in WORK/fb) on a free display
#   bench_probe OUT -- [PROBE OPTIONS] -- CMD…
#                             one run of tests/bench/screen-probe on CMD, its figures into OUT
#   bench_e2e_start WORK      a fresh WORK, Xvfb on it, and `fail MESSAGE` for end-to-end tests
#   bench_medians NAME FILE…  the median (and range) of every figure over the runs' files
#   bench_kiosk_plan WORK     the kiosk's own idea of where its buttons are (script step `where`),
#                             turned into WORK/kiosk.actions: through every language to the longest
#                             page in larger text, a finger dragging it up and down three times,
#                             PSS after each language
# Settings: BENCH_RUNS (default 5), BENCH_IDLE_SECONDS (default 20), BENCH_LOCALES (the four
# shipped), BENCH_BUILD (build/release).

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_build=${BENCH_BUILD:-$bench_root/build/release}
BENCH_RUNS=${BENCH_RUNS:-5}
BENCH_IDLE_SECONDS=${BENCH_IDLE_SECONDS:-20}
BENCH_LOCALES=${BENCH_LOCALES:-en es ar zh-Hans}

bench_xvfb() {
  local work=$1 n
  mkdir -p "$work/fb"
  for n in $(seq 90 130); do [ -e "/tmp/.X$n-lock" ] || break; done
  Xvfb ":$n" -screen 0 1080x1920x24 -fbdir "$work/fb" -nolisten tcp > "$work/xvfb.log" 2>&1 &
  bench_xvfb_pid=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "$work/fb/Xvfb_screen0" ] && break; sleep 0.1; done
  [ -e "$work/fb/Xvfb_screen0" ] || { echo "bench: Xvfb did not start (see $work/xvfb.log)" >&2; return 1; }
  bench_fb=$work/fb/Xvfb_screen0
  trap 'kill "$bench_xvfb_pid" 2>/dev/null || true' EXIT
}

# For an end-to-end test driving the kiosk through the probe: WORK made fresh, Xvfb on it, and
# fail MESSAGE, which prints the probe's figures and log (WORK/run.txt) and exits 1.
bench_e2e_start() {
  local work=$1
  rm -rf "$work"
  mkdir -p "$work"
  bench_e2e_work=$work
  fail() { echo "FAIL: $*"; cat "$bench_e2e_work/run.txt" "$bench_e2e_work/run.txt.log" 2>/dev/null; exit 1; }
  bench_xvfb "$work"
}

# Waits (up to 15 s) until the machine is quiet: under 5% of its CPU busy over half a second.
# A program measured right after another would otherwise pay for the other's exit (Chromium's
# processes and their 400 MB take seconds to go), and the order of the runs would decide.
bench_quiet() {
  local a b busy
  for _ in $(seq 30); do
    read -r -a a < /proc/stat; sleep 0.5; read -r -a b < /proc/stat
    busy=$(( (b[1]+b[2]+b[3]+b[6]+b[7]) - (a[1]+a[2]+a[3]+a[6]+a[7]) ))
    [ $(( busy * 100 )) -lt $(( 5 * ( (b[1]+b[2]+b[3]+b[4]+b[5]+b[6]+b[7]) - (a[1]+a[2]+a[3]+a[4]+a[5]+a[6]+a[7]) ) )) ] && return 0
  done
  echo "bench: the machine did not become quiet in 15 s; measuring anyway" >&2
}

bench_probe() {
  local out=$1
  shift 2  # OUT --
  bench_quiet
  "$bench_build/tests/bench/screen-probe" --fb "$bench_fb" --idle "$BENCH_IDLE_SECONDS" "$@" > "$out" 2> "$out.log" ||
    { echo "bench: the probe failed on $*:" >&2; cat "$out.log" >&2; return 1; }
}

# Prints "NAME KEY median (min–max, n runs)" for every key of the runs' key=value files.
bench_medians() {
  local name=$1
  shift
  cat "$@" | awk -F= -v name="$name" '
    NF == 2 { v[$1] = v[$1] " " $2; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
    END {
      for (i = 1; i <= n; ++i) {
        k = order[i]; m = split(substr(v[k], 2), a, " ")
        for (x = 1; x <= m; ++x) for (y = x + 1; y <= m; ++y) if (a[y] + 0 < a[x] + 0) { t = a[x]; a[x] = a[y]; a[y] = t }
        med = (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
        printf "%s %s %s %s %s %d\n", name, k, med, a[1], a[m], m
      }
    }'
}

# Prints the figures of bench_medians as a table.
bench_table() {
  awk '{ printf "  %-34s %12s   (%s to %s, %d runs)\n", $2, $3, $4, $5, $6 }'
}

bench_kiosk_plan() {
  local work=$1 script=$1/plan.script
  {
    # The first visit: "None of these" at the warning signs leads to the pages. Back at the
    # language the answers stay, so the later visits go on to the next question and open the
    # pages from there (and back leads to that question first).
    local first=yes
    for l in $BENCH_LOCALES; do
      printf 'where lang:%s\ntap lang:%s\nwhere start\ntap start\n' "$l" "$l"
      if [ -n "$first" ]; then printf 'where option:none\ntap option:none\nwhere next\ntap next\n'
      else printf 'where next\ntap next\nwhere read_pages\ntap read_pages\n'; fi
      for _ in 1 2 3 4 5 6 7; do printf 'where next\ntap next\n'; done
      # The longest page ("who should not"), in larger text so that it scrolls in every
      # language: the finger drags here.
      printf 'where larger_text\ntap larger_text\nshot page-%s\nwhere larger_text\ntap larger_text\n' "$l"
      for _ in 1 2 3 4 5 6 7 8 9; do printf 'where back\ntap back\n'; done
      [ -n "$first" ] || printf 'where back\ntap back\n'
      first=
    done
    printf 'shot welcome-again\n'
  } > "$script"
  # The kiosk lays its screens out the same at the same size: where it says a button is, a finger
  # outside finds it (full screen, on the same virtual screen).
  "$bench_build/kiosk/kiosk" --config "$bench_root/config/demo.toml" --database "$work/plan.db" \
    --script "$script" --screenshot "$work/plan-shots" > "$work/plan.txt" 2> "$work/plan.log" ||
    { echo "bench: the plan script failed:" >&2; cat "$work/plan.log" >&2; return 1; }
  awk '
    $1 == "where" { print "tap", $3, $4 }
    $1 == "screenshot:" && $2 ~ /page-/ { l = $2; sub(/.*page-/, "", l); sub(/\.png$/, "", l)
      for (i = 0; i < 3; ++i) { print "drag", l, 540, 1500, 500, 40; print "drag", l, 540, 500, 1500, 40 }
      print "pss", l }
  ' "$work/plan.txt" > "$work/kiosk.actions"
}
