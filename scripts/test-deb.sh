#!/usr/bin/env bash
# The Debian package on a clean Debian 12: builds it (scripts/package.sh), installs it with apt
# into a fresh debootstrap root, and checks what docs/DEPLOY.md promises: the tools run, the
# service unit verifies, `apt remove` keeps configuration and data, `apt purge` removes the
# configuration, says where the data is, and leaves it. Needs root and Debian's archive (apt).
# Not part of scripts/test.sh (it downloads a few hundred MB into the root); run it before a release.
#   scripts/test-deb.sh [ROOT_CACHE]     (default /var/tmp/kiosk-chroot: a minbase root, made once)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "test-deb: needs root (debootstrap, chroot)" >&2; exit 1; }
base=${1:-/var/tmp/kiosk-chroot}
command -v debootstrap > /dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
[ -x "$base/usr/bin/apt-get" ] || debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian

bash scripts/package.sh
deb=$(ls build/package/magnesium-kiosk_*.deb)

# A throwaway copy of the clean root for each run.
root=$(mktemp -d /var/tmp/kiosk-deb-test.XXXXXX)
cleanup() { umount "$root/proc" 2> /dev/null || true; rm -rf "$root"; }
trap cleanup EXIT
cp -a "$base/." "$root/"
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2> /dev/null || true
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }

in_root apt-get update -qq
# A machine that boots has systemd (minbase leaves it out); the unit is verified against it.
in_root apt-get install -y -qq systemd > /dev/null 2>&1 || fail "installing systemd into the root"
in_root apt-get install -y -qq "/tmp/$(basename "$deb")" > "$root/tmp/install.log" 2>&1 || { cat "$root/tmp/install.log"; fail "apt install"; }
echo "test-deb: installed $(basename "$deb") into a clean Debian 12 root"

in_root kiosk-content lint --bundle /usr/share/magnesium-kiosk/bundle > "$root/tmp/lint.log" 2>&1 || { cat "$root/tmp/lint.log"; fail "kiosk-content lint"; }
tail -1 "$root/tmp/lint.log" | sed 's/^/test-deb: lint: /'
[ "$(in_root stat -c %a /var/lib/magnesium-kiosk)" = 700 ] || fail "the data folder is not 0700"
[ "$(in_root stat -c %U /var/lib/magnesium-kiosk)" = magnesium-kiosk ] || fail "the data folder is not the kiosk user's"
in_root setpriv --reuid=magnesium-kiosk --regid=magnesium-kiosk --clear-groups \
  kiosk-store --db /var/lib/magnesium-kiosk/kiosk.db init > "$root/tmp/init.log" 2>&1 || { cat "$root/tmp/init.log"; fail "kiosk-store init"; }
grep -q 'kiosk-seal-1:' "$root/tmp/init.log" || fail "init showed no verification key"
in_root setpriv --reuid=magnesium-kiosk --regid=magnesium-kiosk --clear-groups \
  kiosk-store --db /var/lib/magnesium-kiosk/kiosk.db stats | sed 's/^/test-deb: stats: /'

# The unit as installed, with the programs it names present.
systemd-analyze verify --root="$root" /lib/systemd/system/magnesium-kiosk.service 2>&1 | tee "$root/tmp/verify.log" | sed 's/^/test-deb: verify: /'
[ ! -s "$root/tmp/verify.log" ] || fail "systemd-analyze verify complained"

in_root apt-get remove -y -qq magnesium-kiosk > /dev/null
[ -f "$root/etc/magnesium-kiosk/kiosk.toml" ] || fail "apt remove deleted the configuration"
[ -f "$root/var/lib/magnesium-kiosk/kiosk.db" ] || fail "apt remove deleted the database"
[ ! -e "$root/usr/bin/kiosk" ] || fail "apt remove left the program"
echo "test-deb: apt remove kept /etc/magnesium-kiosk/kiosk.toml and the database"

in_root apt-get purge -y -qq magnesium-kiosk > "$root/tmp/purge.log" 2>&1
[ ! -e "$root/etc/magnesium-kiosk" ] || fail "apt purge left the configuration"
[ -f "$root/var/lib/magnesium-kiosk/kiosk.db" ] || fail "apt purge deleted the database"
grep -q "stay in /var/lib/magnesium-kiosk" "$root/tmp/purge.log" || { cat "$root/tmp/purge.log"; fail "apt purge did not say where the data stays"; }
echo "test-deb: apt purge removed the configuration, said where the data stays, and kept the database"
echo "test-deb: all checks passed"
