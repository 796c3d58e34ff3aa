#!/usr/bin/env bash
# Builds the Debian package: build/package/magnesium-kiosk_VERSION_ARCH.deb (docs/DEPLOY.md says
# how to install it). Release build, installed to /usr, the shipped bundle inside.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset package > /dev/null
cmake --build --preset package -j "$(nproc)"
(cd build/package && cpack -G DEB > cpack.log) || { cat build/package/cpack.log >&2; exit 1; }
deb=$(ls build/package/magnesium-kiosk_*.deb)
echo "package: $deb"
dpkg-deb --field "$deb" Depends | tr ',' '\n' | sed 's/^ */  depends: /'
