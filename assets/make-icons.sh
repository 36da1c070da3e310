#!/usr/bin/env bash
# Makes every icon Ringside ships from the one source image, assets/icon.svg: the PNG set (Linux, the window),
# ringside.ico (Windows) and ringside.icns (macOS). Needs ImageMagick and png2icns (Debian: icnsutils).
# The output is byte-for-byte the same on every run: no dates or tool comments are written into the files.
set -euo pipefail
cd "$(dirname "$0")/.."
icons=assets/icons
window=src/main/resources/com/ringside/desktop/icons
mkdir -p "$icons" "$window"

render() { # size, output
  convert -background none -density 384 assets/icon.svg -resize "$1x$1" -strip \
    -define png:exclude-chunks=date,time,tEXt,zTXt,iTXt "PNG32:$2"
}

for size in 16 24 32 48 64 128 256 512 1024; do
  render "$size" "$icons/ringside-$size.png"
done
for size in 16 32 48 64 128 256; do
  cp "$icons/ringside-$size.png" "$window/ringside-$size.png"
done
convert $(for s in 16 24 32 48 64 128 256; do echo "$icons/ringside-$s.png"; done) "$icons/ringside.ico"
png2icns "$icons/ringside.icns" $(for s in 16 32 48 128 256 512 1024; do echo "$icons/ringside-$s.png"; done) >/dev/null
echo "icons written to $icons and $window"
