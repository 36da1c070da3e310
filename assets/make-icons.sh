#!/usr/bin/env bash
# Renders the window icons from the one source image, assets/icon.svg (needs ImageMagick).
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/com/ringside/desktop/icons
mkdir -p "$out"
for size in 16 32 48 64 128 256; do
  convert -background none assets/icon.svg -resize "${size}x${size}" -strip "PNG32:$out/ringside-$size.png"
done
echo "icons written to $out"
