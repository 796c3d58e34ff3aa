#!/usr/bin/env bash
# The kiosk killed (SIGKILL) on the urgent screen, as a crash would, then started again as the
# service's Restart=always does: it comes back to the welcome screen, and the urgent submission
# the patient sent is in the database, still waiting for staff, its audit log intact.
#   e2e_kill_and_restart.sh KIOSK KIOSK_STORE SOURCE_BUNDLE WORK_DIR
set -euo pipefail
kiosk=$1 store=$2 bundle=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*"; cat "$work"/log-*.txt 2>/dev/null || true; exit 1; }
xvfb-run -a -s "-screen 0 1080x1920x24" true > /dev/null 2>&1 || fail "xvfb-run does not work here"

# The patient: a warning sign right now, sent; then the kiosk waits (wait-file) until it is killed.
printf 'tap lang:en\ntap start\ntap option:chest_pain\ntap next\nwait-file %s\nquit\n' "$work/never" > "$work/visit.script"
xvfb-run -a -s "-screen 0 1080x1920x24" "$kiosk" --offer-drafts --bundle "$bundle" --database "$work/kiosk.db" \
  --screenshot "$work/shots-before" --script "$work/visit.script" > "$work/log-1.txt" 2>&1 &
runner=$!
# The submission is committed before the urgent screen shows: wait for it, then kill the kiosk.
for _ in $(seq 300); do
  "$store" --db "$work/kiosk.db" list --flagged 2> /dev/null | grep -q urgent && break
  sleep 0.1
done
"$store" --db "$work/kiosk.db" list --flagged 2> /dev/null | grep -q urgent || fail "the urgent submission was never stored"
killed=0
for pid in $(pgrep -x kiosk); do
  if tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -qF -- "--database $work/kiosk.db"; then kill -KILL "$pid"; killed=1; fi
done
[ "$killed" = 1 ] || fail "found no kiosk process to kill"
wait "$runner" 2> /dev/null || true
[ -e "$work/kiosk.db-wal" ] || echo "(no WAL left behind)"

# Restart=always: the same command again, now asked where its Start button is (the welcome screen).
printf 'where start\nshot after-restart\nquit\n' > "$work/after.script"
xvfb-run -a -s "-screen 0 1080x1920x24" "$kiosk" --offer-drafts --bundle "$bundle" --database "$work/kiosk.db" \
  --screenshot "$work/shots" --script "$work/after.script" > "$work/log-2.txt" 2>&1 || fail "the kiosk did not start again"
grep -q '^where start ' "$work/log-2.txt" || fail "the kiosk did not come back to the welcome screen"
[ -f "$work/shots/01-after-restart.png" ] || fail "no screenshot after the restart"
"$store" --db "$work/kiosk.db" list --flagged | grep -q urgent || fail "the urgent submission was lost"
[ "$("$store" --db "$work/kiosk.db" stats | sed -n 's/^submissions: //p')" = 1 ] || fail "not exactly one submission"
"$store" --db "$work/kiosk.db" verify-audit > "$work/verify.txt" || { cat "$work/verify.txt"; fail "the audit log broke"; }
echo "killed on the urgent screen, restarted: welcome screen, the urgent submission waiting for staff, audit log intact"
