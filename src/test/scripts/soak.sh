#!/usr/bin/env bash
# Soak test: a scripted annotation session (SessionDriver: clicks, strokes, accept, undo, image switches
# with pre-encoding, hover, COCO export/import) on the real AnnotationSession with the real default model,
# for MINUTES minutes at low priority, sampling RSS, heap after GC, threads and open files every minute.
#   bash src/test/scripts/soak.sh [MINUTES=5] [OUTDIR=target/soak]
# Needs the model (SAM_ANNOTATOR_MODELS or the default models folder). Prints the table and the summary.
set -euo pipefail
cd "$(dirname "$0")/../../.."
minutes=${1:-5}
out=${2:-target/soak}
rm -rf "$out" && mkdir -p "$out"
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test >/dev/null
# a private copy of the classes, so rebuilding the worktree does not disturb a long run
cp -r target/classes "$out/classes" && cp -r target/test-classes "$out/test-classes"
cp="$out/test-classes:$out/classes:$(cat "$out/cp.txt")"
java -cp "$cp" org.samannotator.gui.SyntheticImages "$out/images" 8
nice -n 19 java -cp "$cp" -Dsamannotator.logDir="$out/logs" org.samannotator.reliability.session.SessionDriver \
    folder="$out/images" cache="$out/cache" journal="$out/journal.log" seconds=$((minutes * 60)) \
    statsEvery=60 bound=6 seed=7 > "$out/driver.txt" 2>&1
java -cp "$cp" org.samannotator.reliability.session.SoakReport "$out/journal.log" | tee "$out/report.md"
