#!/usr/bin/env bash
# Screenshots can show a patient's answers: the real kiosk under Xvfb writes them 0600 in a folder
# it makes 0700, refuses a folder other users can open, and exits non-zero when one cannot be
# written (it said "screenshot:" and exited 0 before).
#   e2e_screenshots_private.sh KIOSK SOURCE_BUNDLE WORK_DIR
set -euo pipefail
kiosk=$1 bundle=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*"; cat "$work/log.txt" 2>/dev/null || true; exit 1; }
run() { xvfb-run -a -s "-screen 0 1080x1920x24" "$kiosk" --offer-drafts --bundle "$bundle" --database "$work/kiosk.db" \
          --screenshot "$1" --script "$work/visit.script" > "$work/log.txt" 2>&1; }
printf 'tap start\ntap option:none\nshot question\nquit\n' > "$work/visit.script"

run "$work/new/shots" || fail "the kiosk failed with a new folder"
[ "$(stat -c %a "$work/new/shots")" = 700 ] || fail "folder mode $(stat -c %a "$work/new/shots"), not 700"
[ "$(stat -c %a "$work/new/shots/01-question.png")" = 600 ] || fail "screenshot mode $(stat -c %a "$work/new/shots/01-question.png"), not 600"

mkdir -m 755 "$work/open"
if run "$work/open"; then fail "a folder open to others was used"; fi
grep -q "the folder is open to other users (mode 755)" "$work/log.txt" || fail "no reason given for the open folder"
[ -z "$(ls -A "$work/open")" ] || fail "something was written into the open folder"

mkdir -m 700 "$work/blocked" && mkdir "$work/blocked/01-question.png"  # the screenshot's name is taken by a folder
if run "$work/blocked"; then fail "exit 0 although the screenshot could not be written"; fi
grep -q "could not write $work/blocked/01-question.png" "$work/log.txt" || fail "the failed file is not named"
echo "screenshots: 0600 in a 0700 folder; an open folder refused; a failed write exits non-zero"
