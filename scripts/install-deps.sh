#!/usr/bin/env bash
# Installs every Debian 12 package the kiosk needs to build, run and test.
# Nothing is downloaded from anywhere but Debian's own archive, and nothing is vendored.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config ninja-build clang libclang-rt-14-dev
  # libraries (content/ and screening/)
  libicu-dev libtomlplusplus-dev libsqlite3-dev libsodium-dev nlohmann-json3-dev
  # pictures checked from their headers (lint and the kiosk: content/image_check.cpp)
  libstb-dev
  # translators' PO files, read and written by GNU gettext's library (msgfmt checks them in tests)
  libgettextpo-dev gettext
  # the kiosk UI (Dear ImGui 1.86 ships its GLFW/OpenGL3 backends and imgui_freetype in libimgui.a)
  libimgui-dev libglfw3-dev libgl-dev libfreetype-dev libfontconfig-dev
  # screenshots and previews as PNG: libpng writes a 1080x1920 screen ten times faster than stb
  libpng-dev
  # staff alerts: the chime through the system audio, and the freedesktop alarm sound it plays
  libcanberra-dev sound-theme-freedesktop
  # OpenGL without a GPU (Mesa llvmpipe), for Xvfb and cheap kiosk PCs
  libgl1-mesa-dri libglx-mesa0
  # fonts: Latin, Arabic (presentation forms), CJK
  fonts-noto-core fonts-noto-cjk fonts-dejavu-core
  # the service: readiness and watchdog for systemd (sd_notify); the .deb is built with CPack,
  # whose dependencies dpkg-shlibdeps works out
  libsystemd-dev dpkg-dev
  # speech, offline and in-process: eSpeak NG and its voices (sox: the listening report, docs/SPEECH.md)
  libespeak-ng-dev espeak-ng-data sox
  # recorded clips (assets/audio): checked and decoded with libsndfile
  libsndfile1-dev
  # the sound device speech plays on: ALSA's library (its "default" goes through PulseAudio or
  # PipeWire where the machine runs one, straight to the card where it does not)
  libasound2-dev
  # the service's compositor and its X11 server for GLFW (tests/kiosk/e2e_under_cage.sh runs it headless)
  cage xwayland
  # kiosk-content preview draws on a virtual screen where there is no display (tests use it too)
  xvfb xauth
  # tests and benchmarks; the benchmarks' screen-probe watches a program from outside through
  # the X server (XDamage for frames, XTest for a finger)
  doctest-dev libbenchmark-dev libx11-dev libxdamage-dev libxtst-dev
)

# Node.js and npm run the test-only FHIR schema validator (scripts/install-test-validators.sh).
# A machine that has them from elsewhere keeps its own; otherwise Debian's.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages are present."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: these packages are missing: ${missing[*]}" >&2
  echo "install-deps: run as root, or install them yourself with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
