#!/usr/bin/env bash
# Installs what is missing, builds the release preset and runs the kiosk with the bundled content
# and an embedded SQLite database (under $XDG_STATE_HOME or ~/.local/state/magnesium-kiosk/).
# With a display, the kiosk opens full screen (Esc does nothing: it is a kiosk; close it from
# another terminal). Without one, it runs under Xvfb at 1080x1920 (and 1920x1080) and walks a
# patient through every screen in each language, saving screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
./build/release/content/kiosk-content lint | tail -5

if [ -n "${DISPLAY:-}" ]; then
  exec ./build/release/kiosk/kiosk --config config/demo.toml "$@"
fi

shots=build/release/screenshots
rm -rf "$shots"
for tag in en es ar zh-Hans; do
  xvfb-run -a -s "-screen 0 1080x1920x24" ./build/release/kiosk/kiosk --config config/demo.toml \
    --database "build/release/screenshot-run/kiosk-$tag.db" \
    --screenshot "$shots/$tag" --script "tests/kiosk/scripts/tour-$tag.script" > /dev/null
done
# The same visit on a landscape screen, left to right and right to left.
for tag in en ar; do
  xvfb-run -a -s "-screen 0 1920x1080x24" ./build/release/kiosk/kiosk --config config/demo.toml --windowed 1920x1080 \
    --database "build/release/screenshot-run/kiosk-$tag-landscape.db" \
    --screenshot "$shots/$tag-landscape" --script "tests/kiosk/scripts/tour-$tag.script" > /dev/null
done
# What only some patients see: a warning sign ends the visit at once (the urgent screen, still
# there after 5 minutes of no touch), then "are you still there?" and the wipe.
for tag in en es ar zh-Hans; do
  xvfb-run -a -s "-screen 0 1080x1920x24" ./build/release/kiosk/kiosk --config config/demo.toml \
    --database "build/release/screenshot-run/kiosk-$tag-urgent.db" \
    --screenshot "$shots/$tag-urgent-and-idle" --script "tests/kiosk/scripts/urgent-and-idle-$tag.script" > /dev/null
done
# The staff mode, on a database with a Chinese patient's flagged screening and an Arabic
# patient's warning sign: sign-in, the queue, both submissions read by an English-speaking nurse,
# the plan check. Staff number 1001, PIN 482913.
staff_db=build/release/screenshot-run/kiosk-staff.db
rm -f "$staff_db" "$staff_db"-wal "$staff_db"-shm
rm -rf build/release/screenshot-run/unused  # an older run's may be open to others: the kiosk refuses that
printf '482913\n482913\n' | ./build/release/screening/kiosk-store --db "$staff_db" staff add 1001 --name "Ana Ruiz" > /dev/null
for script in tour-zh-Hans urgent-and-idle-ar; do
  xvfb-run -a -s "-screen 0 1080x1920x24" ./build/release/kiosk/kiosk --config config/demo.toml --database "$staff_db" \
    --screenshot "build/release/screenshot-run/unused" --script "tests/kiosk/scripts/$script.script" > /dev/null 2>&1
done
printf 'offer_drafts = true\nchime = false\nexport_folder = "build/release/screenshot-run"\n' > build/release/screenshot-run/staff.toml
xvfb-run -a -s "-screen 0 1080x1920x24" ./build/release/kiosk/kiosk --config build/release/screenshot-run/staff.toml \
  --database "$staff_db" --screenshot "$shots/staff" --script tests/kiosk/scripts/staff-tour.script > /dev/null
# Every patient screen in every language, as content editors preview them (Xvfb started by the tool).
./build/release/content/kiosk-content preview --png build/release/preview | tail -2
echo "No display here: the kiosk ran under Xvfb (1080x1920) through a full flagged screening in"
echo "en, es, ar and zh-Hans, and at 1920x1080 in en and ar; then through a warning sign that ends"
echo "the visit at once (the urgent screen) and an idle wipe in each language. Its screenshots are"
echo "in $shots/<language>/, the staff mode in $shots/staff/,"
echo "$shots/<language>-landscape/ and $shots/<language>-urgent-and-idle/:"
for dir in "$shots"/*/; do echo "  $dir ($(ls "$dir" | wc -l) screens)"; done
echo "Every patient screen in every language, as content editors preview it: build/release/preview/index.html"
