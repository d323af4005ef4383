#!/usr/bin/env bash
# Resident memory of the desktop app while annotating: launches JAR on FOLDER on an X display (Xvfb), waits
# 12 s, then does ROUNDS rounds of 3 point clicks near the image centre, Enter (accept) and D (next image),
# then stays idle 45 s, printing VmRSS and the peak VmHWM of the app after each step. A fresh embedding
# cache (XDG_CACHE_HOME in a temporary folder) makes every image encode once, as on a new machine.
#   DISPLAY=:57 bash src/test/scripts/app-memory.sh JAR FOLDER [ROUNDS=14]
# Needs xdotool and the model (SAM_ANNOTATOR_MODELS or the default models folder). The app's log and
# settings go to a temporary folder; the folder's project is changed (objects are added).
set -euo pipefail
jar=$1; folder=$2; rounds=${3:-14}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
XDG_CACHE_HOME="$work/cache" java -Dsamannotator.configDir="$work/config" -Dsamannotator.logDir="$work/logs" \
    -jar "$jar" "$folder" > "$work/app.txt" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
name=$(basename "$folder")
until wid=$(xdotool search --onlyvisible --name "$name/" 2>/dev/null | head -1) && [ -n "$wid" ]; do
    kill -0 $pid 2>/dev/null || { echo "the app exited:"; cat "$work/app.txt"; exit 1; }
    sleep 0.1
done
sleep 12
memory() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' /proc/$pid/status; echo; }
echo "window shown + 12 s: $(memory)"
xdotool windowactivate --sync "$wid" 2>/dev/null || true
xdotool windowsize "$wid" 1400 900
sleep 1
eval "$(xdotool getwindowgeometry --shell "$wid")"
for i in $(seq 1 "$rounds"); do
    for p in "0.45 0.45" "0.55 0.5" "0.5 0.6"; do
        set -- $p
        xdotool mousemove "$(awk "BEGIN {print int($X + $WIDTH * $1)}")" "$(awk "BEGIN {print int($Y + $HEIGHT * $2)}")"
        sleep 0.4; xdotool click 1; sleep 0.6
    done
    xdotool key Return; sleep 0.5
    xdotool key d; sleep 5
    echo "round $i: $(memory)"
done
sleep 45
echo "idle 45 s: $(memory)"
