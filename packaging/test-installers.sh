#!/usr/bin/env bash
# CI test of the Linux installers (standalone, idempotent; no root install needed):
#   1. builds the app image and the .deb through the Maven profile (mvn -Ppackage);
#   2. unpacks the .deb into a temporary root with dpkg-deb -x and checks the desktop integration files;
#   3. runs the unpacked launcher headless (no DISPLAY): `--version`, then `selftest --offline` (the bundled
#      model must be used, nothing downloaded) - as user "nobody" when run as root, so the install is
#      read-only for it as in a real installation;
#   4. prints the .deb size, the app image size and the selftest wall time, also written to
#      target/installer/packaging-report.txt.
# Environment: MVN_ARGS extra Maven arguments (e.g. "-o" offline); SKIP_BUILD=1 reuses target/installer.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT=target/installer
REPORT="$OUT/packaging-report.txt"

fail() { printf 'test-installers.sh: FAILED: %s\n' "$*" >&2; exit 1; }
mb() { awk -v k="$(du -sk "$1" | cut -f1)" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'; }
millis() { date +%s%3N; }

[ "$(uname -s)" = Linux ] || fail "this test builds and unpacks a .deb: Linux only"
command -v dpkg-deb >/dev/null || fail "dpkg-deb not found"

build_started=$(millis)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086 # MVN_ARGS is a list of arguments
  mvn -B -q ${MVN_ARGS:-} -Ppackage -Dinstaller.types=deb -DskipTests package
fi
build_time="$(( ($(millis) - build_started) / 1000 )) s"
if [ "${SKIP_BUILD:-0}" = 1 ]; then build_time="skipped (SKIP_BUILD=1)"; fi

DEB="$(find "$OUT" -maxdepth 1 -name "*.deb" | head -1)"
APP_IMAGE="$OUT/sam-annotator"
[ -f "$DEB" ] || fail "no .deb in $OUT"
[ -x "$APP_IMAGE/bin/sam-annotator" ] || fail "no app image launcher $APP_IMAGE/bin/sam-annotator"

UNPACKED="$(mktemp -d "${TMPDIR:-/tmp}/sam-annotator-deb.XXXXXX")"
trap 'rm -rf "$UNPACKED"' EXIT
chmod 755 "$UNPACKED"
dpkg-deb -x "$DEB" "$UNPACKED"
INSTALL="$UNPACKED/opt/sam-annotator"
LAUNCHER="$INSTALL/bin/sam-annotator"
[ -x "$LAUNCHER" ] || fail "the .deb has no launcher /opt/sam-annotator/bin/sam-annotator"

echo "== desktop integration"
DESKTOP="$INSTALL/lib/sam-annotator-sam-annotator.desktop"
[ -f "$DESKTOP" ] || fail "no desktop entry in the .deb"
grep -q '^Exec=/opt/sam-annotator/bin/sam-annotator %F$' "$DESKTOP" || fail "desktop Exec line: $(grep Exec "$DESKTOP")"
for mime in image/png image/jpeg image/bmp image/gif image/tiff application/x-sam-annotator-project; do
  grep -q "^MimeType=.*$mime;" "$DESKTOP" || fail "desktop entry lacks MIME type $mime"
done
grep -q 'type="application/x-sam-annotator-project"' "$INSTALL"/lib/*MimeInfo.xml \
  || fail "no shared-mime-info definition of application/x-sam-annotator-project"
dpkg-deb -I "$DEB" postinst | grep -q 'xdg-desktop-menu install' || fail "postinst does not install the menu entry"
dpkg-deb -f "$DEB" Depends | grep -q 'libgtk-3-0' || fail "the .deb does not depend on GTK 3 (JavaFX needs it)"
ls "$INSTALL/lib/app/models/"*.onnx >/dev/null 2>&1 || fail "no model files in the .deb"
echo "ok: menu entry, MIME types, model files"

# Run as an unprivileged user when we are root: the installed tree is then read-only, as for a real user.
RUN_AS=()
USER_HOME="$UNPACKED/home"
mkdir -p "$USER_HOME"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
  RUN_AS=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
  chown nobody "$USER_HOME"
fi
run_headless() { env -u DISPLAY -u WAYLAND_DISPLAY HOME="$USER_HOME" ${RUN_AS[@]+"${RUN_AS[@]}"} "$@"; }

echo "== --version"
VERSION_OUTPUT="$(run_headless "$LAUNCHER" --version)" || fail "--version exited non-zero"
echo "$VERSION_OUTPUT"
case "$VERSION_OUTPUT" in "sam-annotator "[0-9]*) ;; *) fail "unexpected --version output: $VERSION_OUTPUT" ;; esac

echo "== selftest (headless${RUN_AS:+, as nobody})"
SELFTEST_LOG="$UNPACKED/selftest.log"
selftest_started=$(millis)
set +e
run_headless "$LAUNCHER" selftest --offline >"$SELFTEST_LOG" 2>&1
selftest_exit=$?
set -e
selftest_millis=$(( $(millis) - selftest_started ))
cat "$SELFTEST_LOG"
[ "$selftest_exit" = 0 ] || fail "selftest exited with $selftest_exit"
grep -q 'selftest PASSED' "$SELFTEST_LOG" || fail "selftest did not report PASSED"
if grep -qiE 'warning|exception|\[W:' "$SELFTEST_LOG"; then fail "selftest printed warnings (see above)"; fi

{
  echo "SAM Annotator packaging test ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores)"
  echo ".deb:               $(basename "$DEB")  $(mb "$DEB") MB"
  echo "app image:          $(mb "$APP_IMAGE") MB  (runtime $(mb "$APP_IMAGE/lib/runtime") MB, model $(mb "$APP_IMAGE/lib/app/models") MB, ONNX Runtime $(mb "$APP_IMAGE/lib/app/native") MB, jar $(mb "$APP_IMAGE/lib/app/sam-annotator.jar") MB)"
  echo "selftest wall time: ${selftest_millis} ms (launcher start to exit, unpacked .deb)"
  grep -E '^(model load|encode|decode|mask):' "$SELFTEST_LOG" | sed 's/^/  /'
  echo "build (mvn -Ppackage, deb): $build_time"
} | tee "$REPORT"
echo "test-installers.sh: PASSED"
