#!/usr/bin/env bash
# `kiosk-content confirm TAG spoken.KEY`: lint names a spoken form not yet confirmed against the
# text it reads; once confirmed (English's own included) it is quiet; a spoken form a file does not
# have, and an English text, are refused.
# Usage: cli_confirm_spoken.sh KIOSK_CONTENT WORK_DIR SOURCE_BUNDLE
set -euo pipefail
tool=$1 work=$2 source_bundle=$3
fail() { echo "cli_confirm_spoken: $*" >&2; exit 1; }
rm -rf "$work"
cp -r "$source_bundle" "$work"
printf '\n[spoken.page.intro]\ntitle = "Welcome, dear patient"\n' >> "$work/locales/en.toml"

"$tool" lint --bundle "$work" > "$work/lint-before.txt" 2>&1 || true
grep -q "'spoken.page.intro.title' has not been confirmed against the text it reads, \"Welcome\"" "$work/lint-before.txt" ||
  { cat "$work/lint-before.txt" >&2; fail "lint did not name the unconfirmed spoken form"; }

"$tool" confirm --bundle "$work" --by Tester en spoken.page.intro.title > "$work/confirmed.txt"
grep -q "confirmed 1 text(s) of en against the texts they read, by Tester" "$work/confirmed.txt" ||
  { cat "$work/confirmed.txt" >&2; fail "confirm did not say what it confirmed against"; }
grep -q '^"spoken.page.intro.title" = { english = "Welcome", by = "Tester", on = ' "$work/locales/confirmed/en.toml" ||
  { cat "$work/locales/confirmed/en.toml" >&2; fail "the confirmation was not recorded against the text shown"; }
"$tool" lint --bundle "$work" > "$work/lint-after.txt" 2>&1 || true
if grep -q "spoken.page.intro.title" "$work/lint-after.txt"; then cat "$work/lint-after.txt" >&2; fail "lint still names the confirmed spoken form"; fi

if "$tool" confirm --bundle "$work" --by Tester es spoken.page.intro.title > /dev/null 2> "$work/refused.txt"; then fail "confirmed a spoken form es.toml does not have"; fi
grep -q "locales/es.toml has no spoken form of 'page.intro.title'" "$work/refused.txt" || { cat "$work/refused.txt" >&2; fail "the refusal does not say why"; }
if "$tool" confirm --bundle "$work" --by Tester en page.intro.title > /dev/null 2>&1; then fail "confirmed an English text as if it were a translation"; fi
echo "confirm records spoken forms against the text shown, and lint agrees"
