#!/usr/bin/env bash
# Start time only, the kiosk beside the bare Dear ImGui page (the floor of this stack), measured
# from outside the same way as scripts/bench-compare.sh: exec to the first frame showing the
# complete first screen in Xvfb's framebuffer. The start time of one run on this kind of VM varies
# by +-20 ms, as much as the gap to be measured, so this takes many runs (BENCH_RUNS, default 21),
# alternates which program goes first in each pair (neither always pays for the other's exit),
# and prints the medians, their ratio, the median of the pairs' ratios, and how sure the ratio is
# (a 95% interval from resampling the pairs).
# BENCH_DATABASE=fresh (the default) starts the kiosk on no database each run, as on its first
# boot (it makes the database, its audit seal and its 16 MB reserve for a full disk);
# BENCH_DATABASE=kept starts it on the database an unmeasured first run made, as every later boot.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_RUNS=${BENCH_RUNS:-21}
bash scripts/install-deps.sh
cmake --preset release > /dev/null
cmake --build --preset release -j "$(nproc)" --target kiosk imgui-floor-page screen-probe

source scripts/bench-lib.sh
BENCH_IDLE_SECONDS=1
work=$bench_build/bench-start
rm -rf "$work"
mkdir -p "$work"
bench_xvfb "$work"
BENCH_DATABASE=${BENCH_DATABASE:-fresh}
case "$BENCH_DATABASE" in fresh|kept) ;; *) echo "bench-start: BENCH_DATABASE is fresh or kept, not '$BENCH_DATABASE'" >&2; exit 2 ;; esac
kiosk_run() {
  [ "$BENCH_DATABASE" = kept ] || rm -rf "$work/db"
  bench_probe "$work/kiosk-$1.txt" -- -- \
    "$bench_build/kiosk/kiosk" --config config/demo.toml --database "$work/db/kiosk.db"
}
floor_run() { bench_probe "$work/floor-$1.txt" -- -- "$bench_build/tests/bench/imgui-floor-page"; }
[ "$BENCH_DATABASE" = kept ] && kiosk_run 0
for i in $(seq "$BENCH_RUNS"); do
  if [ $((i % 2)) -eq 1 ]; then kiosk_run "$i"; floor_run "$i"; else floor_run "$i"; kiosk_run "$i"; fi
done
start_of() { sed -n 's/^start_ms=//p' "$1"; }
for i in $(seq "$BENCH_RUNS"); do
  echo "$(start_of "$work/kiosk-$i.txt") $(start_of "$work/floor-$i.txt")"
done > "$work/pairs.txt"
echo
echo "Exec to complete first screen ($BENCH_DATABASE database), $BENCH_RUNS runs each, alternating, $(nproc) cores, Xvfb 1080x1920, Mesa llvmpipe"
awk '
  function median(a, m,   x, y, t) {
    for (x = 1; x <= m; ++x) for (y = x + 1; y <= m; ++y) if (a[y] < a[x]) { t = a[x]; a[x] = a[y]; a[y] = t }
    return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  { ++n; k[n] = K[n] = $1; f[n] = F[n] = $2; r[n] = $1 / $2; kmin = (n == 1 || $1 < kmin) ? $1 : kmin; kmax = ($1 > kmax) ? $1 : kmax
    fmin = (n == 1 || $2 < fmin) ? $2 : fmin; fmax = ($2 > fmax) ? $2 : fmax }
  END {
    km = median(k, n); fm = median(f, n); rm = median(r, n)
    printf "  kiosk  median %7.1f ms  (%.1f to %.1f)\n", km, kmin, kmax
    printf "  floor  median %7.1f ms  (%.1f to %.1f)\n", fm, fmin, fmax
    printf "  kiosk / floor: ratio of medians %.2f, median of the %d pairs'"'"' ratios %.2f\n", km / fm, n, rm
    # How sure that ratio is, given this machine'"'"'s spread: the pairs drawn again at random (with
    # their repeats) 2000 times, the ratio of medians of each draw; a fixed seed, so the same runs
    # always give the same interval.
    srand(1)
    for (b = 1; b <= 2000; ++b) {
      for (i = 1; i <= n; ++i) { j = int(rand() * n) + 1; kk[i] = K[j]; ff[i] = F[j] }
      rb[b] = median(kk, n) / median(ff, n)
    }
    median(rb, 2000)
    printf "  95%% interval of the ratio of medians (the pairs resampled 2000 times): %.2f to %.2f\n", rb[50], rb[1951]
  }' "$work/pairs.txt" | tee "$work/table.txt"
echo "(runs: $work/NAME-N.txt; pairs, kiosk then floor: $work/pairs.txt)"
