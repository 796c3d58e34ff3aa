#!/usr/bin/env bash
# End to end, the real kiosk under Xvfb serving a content root of releases while an operator
# updates it: a new release published during a visit is switched to only at the next welcome
# screen; a broken bundle copied into incoming/ is refused and the release in use keeps serving;
# a rollback brings the first release back. The kiosk's script waits for this script's signs.
#   e2e_content_update.sh KIOSK KIOSK_CONTENT SOURCE_BUNDLE WORK_DIR
set -euo pipefail
kiosk=$1 tool=$2 source=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
root=$work/content
fail() { echo "FAIL: $*"; echo "--- kiosk log:"; cat "$work/log.txt" 2>/dev/null || true; exit 1; }
wait_for() { for _ in $(seq 600); do [ -e "$1" ] && return 0; sleep 0.1; done; fail "waited 60 s for $1"; }

"$tool" publish --bundle "$source" --to "$root" > /dev/null
first=$(basename "$(readlink "$root/current")")
# The second release: a new welcome title. The broken one: a rule with a misspelt severity.
for name in second broken; do
  mkdir -p "$work/$name"
  cp -r "$source/structure" "$source/locales" "$source/assets" "$work/$name/"
done
sed -i '0,/^title = "Welcome"$/s//title = "Welcome to the clinic"/' "$work/second/locales/en.toml"
sed -i '0,/^severity = "stop"$/s//severity = "stopp"/' "$work/broken/structure/rules.toml"

cat > "$work/visit.script" <<SCRIPT
shot welcome-first
tap start
tap option:none
wait-file $work/sign-second-published
shot question-while-published
idle 200
wait-file $work/sign-second-published
shot welcome-second
wait-file $work/sign-broken-copied
shot welcome-broken-refused
wait-file $work/sign-rolled-back
shot welcome-rolled-back
quit
SCRIPT
xvfb-run -a -s "-screen 0 1080x1920x24" "$kiosk" --offer-drafts --bundle "$root" --database "$work/kiosk.db" \
  --screenshot "$work/shots" --script "$work/visit.script" > "$work/log.txt" 2>&1 &
kiosk_pid=$!

wait_for "$work/shots/01-welcome-first.png"
"$tool" publish --bundle "$work/second" --to "$root" > /dev/null   # a patient is at the first question now
second=$(basename "$(readlink "$root/current")")
touch "$work/sign-second-published"
wait_for "$work/shots/03-welcome-second.png"
cp -r "$work/broken" "$root/incoming/broken"
touch "$work/sign-broken-copied"
wait_for "$work/shots/04-welcome-broken-refused.png"
"$tool" rollback --to "$root" > /dev/null
touch "$work/sign-rolled-back"
wait "$kiosk_pid" || fail "the kiosk exited with an error"

log=$(cat "$work/log.txt")
# Order in the log: the question's screenshot before the switch, the switch before the next welcome.
line() { grep -n -- "$1" "$work/log.txt" | head -1 | cut -d: -f1; }
[ -n "$(line "02-question-while-published.png")" ] || fail "no screenshot of the question"
[ -n "$(line "now serving release $second (was $first)")" ] || fail "never switched to $second"
[ "$(line "02-question-while-published.png")" -lt "$(line "now serving release $second")" ] || fail "switched during a visit"
[ "$(line "now serving release $second")" -lt "$(line "03-welcome-second.png")" ] || fail "not switched at the welcome screen"
grep -q "The bundle copied to incoming/broken was refused: .*structure/rules.toml:[0-9]*:[0-9]*: error: rule 'under_18' needs severity.*; still serving $second" <<<"$log" \
  || fail "the broken bundle was not refused with its file and line"
[ -d "$root/incoming/refused-broken" ] || fail "the refused bundle was not kept for the operator"
[ -n "$(line "now serving release $first (was $second)")" ] || fail "the rollback was not served"
# What patients saw: the new title after the switch, and exactly the first welcome screen again
# after the rollback (the refusal's note for staff gone with it).
cmp -s "$work/shots/01-welcome-first.png" "$work/shots/03-welcome-second.png" && fail "the welcome screen did not change with the second release"
cmp -s "$work/shots/03-welcome-second.png" "$work/shots/04-welcome-broken-refused.png" && fail "no note for staff after the refusal"
cmp -s "$work/shots/01-welcome-first.png" "$work/shots/05-welcome-rolled-back.png" || fail "after the rollback the welcome screen is not the first one"

# The kiosk's own loop, no script: at rest it sleeps with no timer; the content root's watch wakes
# it when a release is published, and it switches within seconds.
xvfb-run -a -s "-screen 0 1080x1920x24" "$kiosk" --offer-drafts --bundle "$root" --database "$work/kiosk.db" > "$work/loop-log.txt" 2>&1 &
loop_pid=$!
for _ in $(seq 100); do pgrep -P "$loop_pid" -x kiosk > /dev/null && break; sleep 0.1; done
sleep 2
"$tool" publish --bundle "$work/second" --to "$root" > /dev/null
third=$(basename "$(readlink "$root/current")")
switched=
for _ in $(seq 100); do grep -q "now serving release $third" "$work/loop-log.txt" && { switched=yes; break; }; sleep 0.1; done
pkill -P "$loop_pid" -x kiosk || true
wait "$loop_pid" || true
[ -n "$switched" ] || { cat "$work/loop-log.txt"; fail "the kiosk's loop did not switch to $third within 10 s of its publishing"; }
echo "content update: switched between patients, refused the broken bundle, rolled back; the loop woke for a publish"
