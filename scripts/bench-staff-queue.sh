#!/usr/bin/env bash
# The staff queue's first screen with 1,000,000 submissions, measured in the real kiosk binary
# under Xvfb: a database is filled (1 in 50 flagged and waiting, the rest reviewed), a staff
# account added with kiosk-store, and a script signs in and taps Refresh 40 times; the kiosk
# prints the main thread's CPU from each press to the queue drawn anew (target: under 16 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build --preset release -j "$(nproc)" --target kiosk kiosk-store >/dev/null
work=build/release/bench-staff-queue
rm -rf "$work"
mkdir -p "$work"
db="$work/kiosk.db"
# Creates the schema the way the kiosk does, then fills it in one transaction.
printf '482913\n482913\n' | ./build/release/screening/kiosk-store --db "$db" staff add 1001 --name "Bench" >/dev/null
python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("BEGIN")
rows = ((f"T{i:06d}", f"2026-11-{1 + i % 28:02d}", f"2026-11-{1 + i % 28:02d}T10:00:00Z", ["en", "es", "ar", "zh-Hans"][i % 4],
         "bench", '{"symptoms_now":["none"]}', 3 if i % 50 == 0 else i % 5, 0 if i % 50 == 0 else 1) for i in range(1_000_000))
db.executemany("INSERT INTO submissions (ticket, day, created_at, locale, content_version, answers_json, severity, acknowledged) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
db.execute("COMMIT")
db.execute("ANALYZE")
print("filled:", db.execute("SELECT count(*) FROM submissions").fetchone()[0], "submissions")
PY
cat > "$work/queue.script" <<'S'
hold-corner 3
tap key:1
tap key:0
tap key:0
tap key:1
tap ok
tap key:4
tap key:8
tap key:2
tap key:9
tap key:1
tap key:3
tap ok
shot queue
measure-tap refresh 40
quit
S
printf 'offer_drafts = true\nchime = false\n' > "$work/kiosk.toml"
xvfb-run -a -s "-screen 0 1080x1920x24" ./build/release/kiosk/kiosk --config "$work/kiosk.toml" --database "$db" \
  --screenshot "$work/shots" --script "$work/queue.script" | grep -E "^tap "
echo "screenshot of the queue: $work/shots/01-queue.png"
