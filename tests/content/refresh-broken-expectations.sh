#!/usr/bin/env bash
# Rewrites the "# expect:" lines of every broken case from what kiosk-content lint reports now.
# Use it only after a deliberate change of a message, and read the diff line by line before you
# commit it: the expectations are the test.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tool=${1:?usage: refresh-broken-expectations.sh PATH/TO/kiosk-content}
for case_file in "$here"/broken/*.toml; do
  sed -i '/^# expect: /d' "$case_file"
  work=$(mktemp -d)
  cp -r "$here/mini-bundle/." "$work/"
  target=$(grep -m1 '^# file: ' "$case_file" | sed 's/^# file: //' || true)
  removed=$(grep -m1 '^# remove: ' "$case_file" | sed 's/^# remove: //' || true)
  [ -n "$removed" ] && rm "$work/$removed"
  [ -n "$target" ] && cp "$case_file" "$work/$target"
  "$tool" lint "$work" | grep -E ': (error|warning): ' | sed "s|^$work/||; s|^|# expect: |" >> "$case_file" || true
  rm -rf "$work"
done
