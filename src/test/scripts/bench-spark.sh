#!/usr/bin/env bash
# Throughput of the automatic pass: single-machine `auto` against the Spark job in local[1] and local[2] on the
# same images (the first $N GrabCut-50 images, copied to $WORK; nothing is committed), per-task overhead
# (local[1] with one task per image against one task for all), model load per executor, and peak memory.
# Each run holds the shared benchmark lock; every figure is one run (whole runs are minutes long).
# Usage: mvn -o -q -DskipTests package && bash src/test/scripts/bench-spark.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
N=${N:-8}
PPS=${PPS:-8}
DATA=${DATA:-/work/shared/datasets/GrabCut50/images}
WORK=${WORK:-/tmp/sam-spark-bench}
LOCK=${LOCK:-/tmp/sam-bench.lock}
rm -rf "$WORK" && mkdir -p "$WORK/images"
ls "$DATA" | sort | head -n "$N" | while read -r f; do cp "$DATA/$f" "$WORK/images/"; done
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=compile >/dev/null
# a snapshot of the build, so that a build running meanwhile cannot change the classes under a measured run
cp -r target/classes "$WORK/classes" && cp target/sam-annotator.jar "$WORK/sam-annotator.jar"
CP="$WORK/classes:$(cat "$WORK/cp.txt")"
SPARK_OPTS=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' pom.xml)
CONF=(--conf spark.ui.enabled=false --conf spark.driver.bindAddress=127.0.0.1 --conf spark.driver.host=127.0.0.1)

run() { # name, command...
    local name=$1; shift
    local log="$WORK/$name.log"
    local start end
    start=$(date +%s.%N)
    flock "$LOCK" /usr/bin/time -v "$@" >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
    end=$(date +%s.%N)
    local wall rss done
    wall=$(echo "$end - $start" | bc)
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    done=$(grep -o 'Done in [0-9.]* s' "$log" | grep -o '[0-9.]*' || true)
    printf '%s\twall %.1f s\tjob %s s\tpeak RSS %s MB\t%s\n' "$name" "$wall" "${done:--}" "$rss" \
        "$(grep -E 'model loaded|written' "$log" | tr '\n' ' ')"
}

run auto java -jar "$WORK/sam-annotator.jar" auto "$WORK/images" --points-per-side "$PPS" --no-cache --out "$WORK/auto"
# local[1] with one task per image, and with one task for all images: the difference is the per-task overhead
for parts in "$N" 1; do
    run "spark-local[1]-partitions-$parts" java $SPARK_OPTS -Xmx4g -cp "$CP" org.samannotator.spark.SparkAutoJob \
        "$WORK/images" --master 'local[1]' --partitions "$parts" --points-per-side "$PPS" --out "$WORK/out-p$parts" "${CONF[@]}"
done
run "spark-local[2]" java $SPARK_OPTS -Xmx4g -cp "$CP" org.samannotator.spark.SparkAutoJob "$WORK/images" \
    --master 'local[2]' --points-per-side "$PPS" --out "$WORK/out-local[2]" "${CONF[@]}"
run "spark-local[2]-resume" java $SPARK_OPTS -Xmx4g -cp "$CP" org.samannotator.spark.SparkAutoJob "$WORK/images" \
    --master 'local[2]' --points-per-side "$PPS" --out "$WORK/out-local[2]" "${CONF[@]}"
for f in "$WORK"/auto/*.json; do cmp -s "$f" "$WORK/out-local[2]/$(basename "$f")" || echo "DIFFERENT: $f"; done
python3 - "$WORK" <<'PY'
import glob, json, statistics, sys
for out in sorted(glob.glob(sys.argv[1] + '/out-*')):
    for run in sorted(glob.glob(out + '/_manifest/run=*')):
        rows = [json.loads(l) for f in glob.glob(run + '/part-*.json') for l in open(f) if l.strip()]
        secs = [r['seconds'] for r in rows]
        print(f"{out.split('/')[-1]} {run.split('=')[-1]}: {len(rows)} rows, statuses "
              f"{sorted(set(r['status'] for r in rows))}, seconds per image median {statistics.median(secs):.2f} "
              f"sum {sum(secs):.1f}")
PY
