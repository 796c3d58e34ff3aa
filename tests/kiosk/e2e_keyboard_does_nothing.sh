#!/usr/bin/env bash
# A keyboard plugged into the kiosk does nothing: the real kiosk under Xvfb, typed at through
# XTest (tests/bench/screen-probe) with the keys that close, quit or switch away elsewhere. It
# must still run, and nothing on its screen may change.
#   e2e_keyboard_does_nothing.sh BUILD_DIR WORK_DIR
set -euo pipefail
export BENCH_BUILD=$1 BENCH_IDLE_SECONDS=1
work=$2
source "$(dirname "$0")/../../scripts/bench-lib.sh"
bench_e2e_start "$work"
echo "keys Escape Alt+F4 Control+q Control+w Control+c Alt+Tab Super Control+Alt+BackSpace Control+Alt+F1 F11 Tab Return space q" > "$work/keys.actions"
bench_probe "$work/run.txt" -- --actions "$work/keys.actions" -- \
  "$BENCH_BUILD/kiosk/kiosk" --config "$bench_root/config/demo.toml" --database "$work/db/kiosk.db" || fail "the probe failed"
value() { sed -n "s/^$1=//p" "$work/run.txt"; }
[ "$(value keys_alive)" = 1 ] || fail "a key ended the kiosk"
[ "$(value keys_frames)" = 0 ] || fail "keys changed the screen ($(value keys_frames) frames)"
echo "keyboard: 15 combinations typed, the kiosk still runs and drew nothing"
