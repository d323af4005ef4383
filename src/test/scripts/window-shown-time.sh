#!/usr/bin/env bash
# Launcher start to window shown: runs COMMAND (on $DISPLAY) RUNS times, polls every 10 ms for a visible
# X window named "SAM Annotator" (xdotool), prints the milliseconds from start to that window, then ends the
# app (by its process id) and waits a second. Run it under the shared benchmark lock, e.g.
#   DISPLAY=:57 flock /tmp/sam-bench.lock bash src/test/scripts/window-shown-time.sh 5 java -jar target/sam-annotator.jar
set -euo pipefail
runs=$1
shift
for _ in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 &
    pid=$!
    until xdotool search --onlyvisible --name "SAM Annotator" >/dev/null 2>&1; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "the app exited before showing its window" >&2
            exit 1
        fi
        sleep 0.01
    done
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    sleep 1
done
