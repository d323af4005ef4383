#!/usr/bin/env bash
# Regenerates every raster icon from the SVG sources. The outputs are committed; run this after editing
# an SVG:   icons/generate.sh
# Tools (Debian/Ubuntu): apt-get install -y librsvg2-bin icoutils icnsutils
#   rsvg-convert (librsvg2-bin) renders the PNGs, icotool (icoutils) packs the Windows .ico,
#   png2icns (icnsutils) packs the macOS .icns.
# Sizes 16 and 24 come from sam-annotator-small.svg (bolder strokes hinted for tiny sizes); 32 and up
# from sam-annotator.svg. The build copies icons/sam-annotator-*.png onto the classpath as /icons/.
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool not found (apt-get install -y librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done

SIZES=(16 24 32 48 64 128 256 512)
for size in "${SIZES[@]}"; do
  source=sam-annotator.svg
  if [ "$size" -le 24 ]; then source=sam-annotator-small.svg; fi
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$source" -o "sam-annotator-$size.png"
done

# Windows: classic BMP entries up to 64 px, PNG-compressed ("raw") entries for 128 and 256.
icotool --create --output sam-annotator.ico \
  sam-annotator-16.png sam-annotator-24.png sam-annotator-32.png sam-annotator-48.png sam-annotator-64.png \
  --raw sam-annotator-128.png --raw sam-annotator-256.png

# macOS: the sizes the icns format defines (16, 32, 48, 128, 256, 512).
png2icns sam-annotator.icns \
  sam-annotator-16.png sam-annotator-32.png sam-annotator-48.png sam-annotator-128.png \
  sam-annotator-256.png sam-annotator-512.png >/dev/null

# Self-check: list what the containers hold.
icotool --list sam-annotator.ico
icns2png --list sam-annotator.icns
