#!/usr/bin/env bash
# Installs what is missing, builds the release preset and runs the main job.
# Until the kiosk window exists (issue 5), the main job is the content check that every content
# editor runs: kiosk-content lint on the bundled content, then a preview of every language.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"

./build/release/content/kiosk-content lint .
for tag in en es ar zh-Hans; do
  ./build/release/content/kiosk-content preview "$tag" > "build/release/preview-$tag.txt"
done
echo "Each language's education pages, as text: build/release/preview-{en,es,ar,zh-Hans}.txt"
