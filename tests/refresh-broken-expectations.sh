#!/usr/bin/env bash
# Rewrites the "# expect:" lines of a broken-bundle corpus from what kiosk-content lint reports now.
#   refresh-broken-expectations.sh PATH/TO/kiosk-content content     tests/content/broken (mini bundle)
#   refresh-broken-expectations.sh PATH/TO/kiosk-content screening   tests/screening/broken (shipped bundle)
# Use it only after a deliberate change of a message, and read the diff line by line before you
# commit it: the expectations are the test. (The content corpus's mini bundle has no
# questionnaire, so the CLI leaves out its "not used" warnings, which the content test still sees
# and may expect: keep such lines when the diff drops them.)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tool=${1:?usage: refresh-broken-expectations.sh PATH/TO/kiosk-content content|screening}
corpus=${2:?usage: refresh-broken-expectations.sh PATH/TO/kiosk-content content|screening}

make_base() {  # copies the corpus's base bundle into $1
  if [ "$corpus" = content ]; then cp -r "$here/content/mini-bundle/." "$1/"
  else for d in structure locales assets; do [ -d "$here/../$d" ] && cp -r "$here/../$d" "$1/"; done; fi
}
only_what_the_test_loads() {
  # The content corpus tests the content library alone: what the screening files (questionnaire,
  # rules) report is left out, since the mini bundle has none.
  if [ "$corpus" = content ]; then grep -vE '^(structure/(questionnaire|rules)\.toml):' || true; else cat; fi
}

for case_file in "$here/$corpus"/broken/*.toml; do
  sed -i '/^# expect: /d' "$case_file"
  work=$(mktemp -d)
  make_base "$work"
  target=$(grep -m1 '^# file: ' "$case_file" | sed 's/^# file: //' || true)
  removed=$(grep -m1 '^# remove: ' "$case_file" | sed 's/^# remove: //' || true)
  [ -n "$removed" ] && rm "$work/$removed"
  [ -n "$target" ] && cp "$case_file" "$work/$target"
  "$tool" lint --no-layout --bundle "$work" | grep -E ': (error|warning): ' | sed "s|^$work/||" | only_what_the_test_loads \
    | sed 's|^|# expect: |' >> "$case_file" || true
  rm -rf "$work"
done
