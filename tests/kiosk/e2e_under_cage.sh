#!/usr/bin/env bash
# The kiosk as the service runs it: under cage, the Wayland kiosk compositor, drawing through
# Xwayland (Debian's GLFW 3.3 is built for X11). cage's headless backend with its software
# renderer stands in for a screen. cage refuses to run as root, so as root this runs as `nobody`.
#   e2e_under_cage.sh KIOSK SOURCE_BUNDLE WORK_DIR
set -euo pipefail
kiosk=$1 bundle=$2 result=$3
rm -rf "$result"
mkdir -p "$result"
# Everything the run needs in one folder under /tmp: as `nobody`, the build tree's folders may
# not be reachable.
work=$(mktemp -d /tmp/kiosk-cage.XXXXXX)
trap 'cp -r "$work/shots" "$work/log.txt" "$result/" 2> /dev/null || true; rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir -p "$work/runtime" "$work/bundle"
chmod 700 "$work/runtime"
cp "$kiosk" "$work/kiosk"
cp -r "$bundle/structure" "$bundle/locales" "$bundle/assets" "$work/bundle/"
printf 'where start\nshot under-cage\nquit\n' > "$work/check.script"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R nobody "$work"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
if ! "${as_user[@]}" env XDG_RUNTIME_DIR="$work/runtime" HOME="$work" WLR_BACKENDS=headless WLR_RENDERER=pixman \
     WLR_LIBINPUT_NO_DEVICES=1 timeout 60 cage -- "$work/kiosk" --offer-drafts --bundle "$work/bundle" --database "$work/kiosk.db" \
     --screenshot "$work/shots" --script "$work/check.script" > "$work/log.txt" 2>&1; then
  cat "$work/log.txt"
  echo "FAIL: the kiosk did not run under cage"
  exit 1
fi
grep -q '^where start ' "$work/log.txt" || { cat "$work/log.txt"; echo "FAIL: no welcome screen under cage"; exit 1; }
[ -s "$work/shots/01-under-cage.png" ] || { echo "FAIL: no screenshot under cage"; exit 1; }
echo "under cage (Xwayland, headless): the welcome screen, $(grep '^where start' "$work/log.txt")"
