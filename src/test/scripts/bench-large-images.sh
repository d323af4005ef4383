#!/usr/bin/env bash
# Peak memory and time to first click for large images, with the default heap:
#   load (subsampled encoder copy) + encode + one decode at full resolution, via `segment`.
# Generates 4000x3000, 12000x9000 and 20000x20000 JPEGs into $WORK (default /tmp/sam-large-images; not
# committed), then runs each under /usr/bin/time -v and the shared benchmark lock.
# Then the same images in the app (bench-large-images-app.sh: peak RSS of the app process and time from
# launch to the first click's result, on a virtual X screen); SKIP_APP=1 skips that part.
# Usage: mvn -o -q -DskipTests package && bash src/test/scripts/bench-large-images.sh [JAR]
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=${1:-target/sam-annotator.jar}
WORK=${WORK:-/tmp/sam-large-images}
LOCK=${LOCK:-/tmp/sam-bench.lock}
mkdir -p "$WORK"
for size in 4000x3000 12000x9000 20000x20000; do
    w=${size%x*}; h=${size#*x}
    [ -s "$WORK/$size.jpg" ] || java -Xmx4g src/test/scripts/GenerateLargeJpeg.java "$WORK/$size.jpg" "$w" "$h"
done
printf '| Image | File | Peak RSS | Image load | Encode (incl. preprocess) | First decode | Time to first click | Whole command |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for size in 4000x3000 12000x9000 20000x20000; do
    w=${size%x*}; h=${size#*x}
    log="$WORK/$size.log"
    start=$(date +%s.%N)
    flock "$LOCK" /usr/bin/time -v java -jar "$JAR" segment "$WORK/$size.jpg" --point "$((w / 2)),$((h / 2))" \
        --coco "$WORK/$size.coco.json" >"$log" 2>&1 || { cat "$log"; exit 1; }
    end=$(date +%s.%N)
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
    load=$(awk '/^image load/ {print $3}' "$log")
    pre=$(awk '/^preprocess/ {print $2}' "$log")
    enc=$(awk '/^encode/ {print $2}' "$log")
    dec=$(awk '/^decode/ {print $2 + $5}' "$log")
    first=$(echo "$load + $pre + $enc + $dec" | bc)
    kb=$(( $(stat -c %s "$WORK/$size.jpg") / 1024 ))
    printf '| %s | %s KB | %s | %s ms | %s ms | %s ms | %s ms | %s |\n' "$size" "$kb" "$rss" "$load" \
        "$(echo "$pre + $enc" | bc)" "$dec" "$first" "$wall"
done
if [ -z "${SKIP_APP:-}" ]; then
    echo
    bash src/test/scripts/bench-large-images-app.sh "$JAR"
fi
