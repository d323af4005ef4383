#!/usr/bin/env bash
# The app with a huge image: peak RSS of the app process and time from launch to the first click's result,
# for the JPEGs bench-large-images.sh generates (4000x3000, 12000x9000, 20000x20000), default heap.
# For each size: a fresh folder holding only that image, fresh config, log and cache folders (no embedding
# from an earlier run), the real app on a virtual X screen (Xvfb, 1600x1000): wait until the log says the
# image is ready, fit it to the window (F), click the image centre, wait for the first decode, accept it (Enter), zoom in to about 1:1 with the
# mouse wheel at the disc's edge (detail regions are decoded), pan, then read the peak RSS (VmHWM) and take screenshots.
# Usage: mvn -o -q -DskipTests package && bash src/test/scripts/bench-large-images-app.sh [JAR]
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=$(realpath "${1:-target/sam-annotator.jar}")
WORK=${WORK:-/tmp/sam-large-images}
LOCK=${LOCK:-/tmp/sam-bench.lock}
DISP=${DISP:-:87}
SIZES=${SIZES:-4000x3000 12000x9000 20000x20000}
mkdir -p "$WORK"
for size in $SIZES; do
    w=${size%x*}; h=${size#*x}
    [ -s "$WORK/$size.jpg" ] || java -Xmx4g src/test/scripts/GenerateLargeJpeg.java "$WORK/$size.jpg" "$w" "$h"
done

Xvfb "$DISP" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$DISP

# Seconds since $1 (date +%s.%N) when the log file $2 first has a line matching $3 (waits up to 600 s).
since_line() {
    local start=$1 log=$2 pattern=$3 i
    for i in $(seq 1 6000); do
        if [ -f "$log" ] && grep -q "$pattern" "$log"; then
            echo "$(date +%s.%N) - $start" | bc
            return 0
        fi
        sleep 0.1
    done
    echo "timeout waiting for '$pattern' in $log" >&2
    return 1
}

run_one() {
    local size=$1
    local out="$WORK/app-$size" w=${1%x*} h=${1#*x}
    rm -rf "$out"; mkdir -p "$out/images" "$out/config" "$out/logs" "$out/cache"
    cp "$WORK/$size.jpg" "$out/images/"
    local log="$out/logs/sam-annotator.log" start pid
    start=$(date +%s.%N)
    XDG_CACHE_HOME="$out/cache" java -Dsamannotator.logDir="$out/logs" -Dsamannotator.configDir="$out/config" \
        -jar "$JAR" "$out/images/$size.jpg" >"$out/stdout.txt" 2>&1 &
    pid=$!
    local ready first
    ready=$(since_line "$start" "$log" "ready for prompts")
    sleep 1
    local win
    win=$(xdotool search --sync --onlyvisible --name "SAM Annotator" | head -1)
    xdotool windowsize "$win" 1600 1000 windowmove "$win" 0 0
    sleep 2
    xdotool key f # fit the image to the resized window
    sleep 1
    import -window root "$out/1-fit.png"
    xdotool mousemove 786 517 click 1
    first=$(since_line "$start" "$log" "first prompt decoded")
    sleep 1
    import -window root "$out/2-clicked.png"
    local rss_fit
    rss_fit=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    xdotool key Return
    sleep 2
    import -window root "$out/2b-accepted.png"
    # Zoom (about 10% per wheel notch) around the disc's left edge to about 1:1. The canvas is about
    # 1032 x 907 pixels centred at (786, 517); the image is fitted with a 10-pixel margin.
    local fit notches edge
    fit=$(awk -v w="$w" -v h="$h" 'BEGIN { f = 1012 / w; g = 887 / h; print (g < f ? g : f) }')
    notches=$(awk -v f="$fit" 'BEGIN { n = int(log(1 / f) / log(1.105)); print (n < 1 ? 1 : n) }')
    edge=$(awk -v w="$w" -v h="$h" -v f="$fit" 'BEGIN { print int(786 - (w < h ? w : h) / 4 * f) }')
    xdotool mousemove "$edge" 517
    for _ in $(seq 1 "$notches"); do xdotool click 4; sleep 0.05; done
    sleep 15
    import -window root "$out/3-zoomed.png"
    xdotool mousedown 2 mousemove 400 400 mousemove 300 300 mouseup 2
    sleep 15
    import -window root "$out/4-panned.png"
    local rss
    rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    printf '| %s | %s MB | %s MB | %.1f s | %.1f s |\n' "$size" "$rss_fit" "$rss" "$ready" "$first"
}

printf '| Image | Peak RSS, image open and clicked | Peak RSS, after zooming to about 1:1 and panning | Launch to ready | Launch to first click result |\n'
printf '| --- | ---: | ---: | ---: | ---: |\n'
for size in $SIZES; do
    flock "$LOCK" bash -c "$(declare -f since_line run_one); WORK='$WORK' JAR='$JAR' DISPLAY='$DISP' run_one $size"
done
