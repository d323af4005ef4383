#!/usr/bin/env bash
# CI test of the Linux installers, as a user installs them (Debian/Ubuntu, run as root; CI runs it as root):
#   1. installs the Debian packages the test needs and lacks (apt-get update once): fakeroot, rpm (rpmbuild),
#      desktop-file-utils, appstream, xdg-utils, shared-mime-info;
#   2. builds the app image, the .deb and the .rpm through the Maven profile (mvn -Ppackage);
#   3. checks the package metadata: .deb control (maintainer, homepage, long description), the AppStream
#      metainfo (appstreamcli validate --no-net), the desktop entry (desktop-file-validate), and the .rpm with
#      rpm -qpi / -qpl / -qpR / --scripts (same files as the .deb, dependencies, scripts);
#   4. installs the real .deb twice, once without and once with /usr/share/desktop-directories: dpkg -i (its
#      missing dependencies then with apt-get -f install, as a user would), dpkg -s says installed, the menu
#      entry, MIME types, icon and metainfo are registered, the launcher's --version and `selftest --offline`
#      pass headless as user "nobody"; then dpkg -r and dpkg --purge leave no file of it under /opt or
#      /usr/share (the whole file list of both is compared with the one before dpkg -i);
#   5. runs the desktop integration script against empty folders: it skips every part with a message, exit 0;
#   6. prints sizes, install/remove times and the first-start (selftest) time, also written to
#      target/installer/packaging-report.txt.
# It leaves the system as it found it (also when it fails): the package is purged, the packages it installed
# are purged again (KEEP_TEST_PACKAGES=1 keeps them for the next run), /usr/share/desktop-directories is
# restored.
# Environment: MVN_ARGS extra Maven arguments (e.g. "-o" offline); SKIP_BUILD=1 reuses target/installer.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT=target/installer
REPORT="$OUT/packaging-report.txt"
PACKAGE=sam-annotator
INSTALL_DIR=/opt/sam-annotator
APP_ID="$(sed -n 's/^app.id=//p' packaging/project.properties)"
MENU_DIRS=/usr/share/desktop-directories
TEST_TOOLS=(fakeroot rpm desktop-file-utils appstream xdg-utils shared-mime-info)

fail() { printf 'test-installers.sh: FAILED: %s\n' "$*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }
mb() { awk -v k="$(du -sk "$1" | cut -f1)" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'; }
millis() { date +%s%3N; }
seconds_since() { awk -v ms="$(( $(millis) - $1 ))" 'BEGIN { printf "%.1f s", ms / 1000 }'; }
installed_packages() { dpkg-query -W -f='${Package} ${db:Status-Status}\n' | awk '$2 == "installed" { print $1 }' | sort; }
package_status() { dpkg-query -W -f='${db:Status-Status}' "$PACKAGE" 2>/dev/null || echo not-installed; }
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=300 "$@"; }
# apt_get_recording ARGS...: apt_get, first writing the packages it will newly install (apt-get -s: "Inst" lines
# without an [old version]) to $WORK/installed-by-test; only these are purged at the end, never packages that
# somebody else installs on the machine meanwhile.
apt_get_recording() {
  apt-get -s "$@" | awk '/^Inst / && $3 !~ /^\[/ { print $2 }' >>"$WORK/installed-by-test"
  apt_get "$@"
}

[ "$(uname -s)" = Linux ] || fail "this test installs a .deb: Linux only"
[ "$(id -u)" = 0 ] || fail "run as root: the test installs the .deb with dpkg -i and removes it again"
if ! command -v apt-get >/dev/null || ! command -v dpkg >/dev/null; then fail "needs Debian/Ubuntu (dpkg, apt-get)"; fi
TEST_STARTED=$(millis)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sam-annotator-installers.XXXXXX")"
chmod 755 "$WORK"
MENU_DIRS_ORIGINAL=absent
if [ -d "$MENU_DIRS" ]; then MENU_DIRS_ORIGINAL=present; fi
MENU_DIRS_ASIDE="$MENU_DIRS.moved-by-sam-annotator-test"

# Runs dpkg, waiting while another package manager holds the dpkg lock (the machine may be shared).
dpkg_waiting() {
  local tries=0 status
  while true; do
    set +e
    dpkg "$@" 2>"$WORK/dpkg-stderr"
    status=$?
    set -e
    if [ "$status" = 0 ] || ! grep -qE 'frontend lock|is locked by another|database is locked' "$WORK/dpkg-stderr" || [ "$tries" -ge 60 ]; then
      cat "$WORK/dpkg-stderr" >&2
      return "$status"
    fi
    tries=$((tries + 1))
    sleep 5
  done
}

# Purges the packages this test installed (apt_get_recording), except those that a package installed meanwhile
# needs: marked automatic, only those apt-get autoremove would remove are purged, and only if that removes
# nothing else.
purge_installed_packages() {
  local ours removable others
  [ -s "$WORK/installed-by-test" ] || return 0
  ours="$(sort -u "$WORK/installed-by-test" | comm -12 - <(installed_packages))"
  [ -n "$ours" ] || return 0
  if [ "${KEEP_TEST_PACKAGES:-0}" = 1 ]; then
    echo "test-installers.sh: keeping the packages it installed (KEEP_TEST_PACKAGES=1): $(tr '\n' ' ' <<<"$ours")"
    return 0
  fi
  # shellcheck disable=SC2086 # lists of package names
  apt-mark auto $ours >/dev/null
  removable="$(apt-get -s autoremove | awk '/^Remv/ { print $2 }' | grep -Fx -f <(echo "$ours") || true)"
  others="$(comm -23 <(echo "$ours") <(echo "$removable" | sort) | tr '\n' ' ')"
  if [ -n "$removable" ]; then
    # shellcheck disable=SC2086
    if apt-get -s purge $removable | awk '/^Purg/ { print $2 }' | grep -Fvxq -f <(echo "$removable"); then
      echo "test-installers.sh: not purging $(tr '\n' ' ' <<<"$removable"): that would remove others too" >&2
    else
      echo "test-installers.sh: purging the packages this test installed: $(tr '\n' ' ' <<<"$removable")"
      # shellcheck disable=SC2086
      apt_get purge $removable >/dev/null
    fi
  fi
  if [ -n "${others// /}" ]; then echo "test-installers.sh: kept (needed by packages installed meanwhile): $others"; fi
}

# Puts the system back as it was: no sam-annotator, the packages this test installed purged, the menu folder.
restore_system() {
  set +e
  if [ "$(package_status)" != not-installed ]; then dpkg_waiting --purge "$PACKAGE" >/dev/null; fi
  if [ "$MENU_DIRS_ORIGINAL" = absent ] && [ -d "$MENU_DIRS" ]; then rmdir "$MENU_DIRS"; fi
  if [ "$MENU_DIRS_ORIGINAL" = present ] && [ -d "$MENU_DIRS_ASIDE" ]; then mv "$MENU_DIRS_ASIDE" "$MENU_DIRS"; fi
  purge_installed_packages
  rm -rf "$WORK"
}
trap restore_system EXIT

step "test tools"
missing=()
for tool in "${TEST_TOOLS[@]}"; do
  grep -qx "$tool" <<<"$(installed_packages)" || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt_get update >/dev/null
  apt_get_recording install --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "ok: ${TEST_TOOLS[*]}"

build_started=$(millis)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  step "build: mvn -Ppackage -Dinstaller.types=deb,rpm"
  # shellcheck disable=SC2086 # MVN_ARGS is a list of arguments
  mvn -B -q ${MVN_ARGS:-} -Ppackage -Dinstaller.types=deb,rpm -DskipTests package
  build_time="$(seconds_since "$build_started")"
else
  build_time="skipped (SKIP_BUILD=1)"
fi
DEB="$(find "$OUT" -maxdepth 1 -name "*.deb" | head -1)"
RPM="$(find "$OUT" -maxdepth 1 -name "*.rpm" | head -1)"
APP_IMAGE="$OUT/sam-annotator"
[ -f "$DEB" ] || fail "no .deb in $OUT"
[ -f "$RPM" ] || fail "no .rpm in $OUT"
[ -x "$APP_IMAGE/bin/sam-annotator" ] || fail "no app image launcher $APP_IMAGE/bin/sam-annotator"

# shellcheck source=packaging/test-installers-checks.sh
. packaging/test-installers-checks.sh

step "no Spark in the app (the Spark job has its own jar, target/sam-annotator-spark-job.jar)"
if find "$APP_IMAGE" -name '*.jar' -exec jar tf {} \; | grep -E '^(org/apache/spark|org/samannotator/spark|scala)/' | head -3 | grep -q .; then
  fail "the app image contains Spark or the Spark job"
fi
if find "$APP_IMAGE" -iname '*spark*' | grep -q .; then
  fail "the app image contains a Spark file: $(find "$APP_IMAGE" -iname '*spark*' | head -1)"
fi

step "package metadata"
check_deb_metadata
check_metainfo "$APP_IMAGE/lib/app/$APP_ID.metainfo.xml"
step ".rpm (rpm -qp; installing it needs an RPM-based system)"
check_rpm

step "install without $MENU_DIRS"
if [ -d "$MENU_DIRS" ]; then mv "$MENU_DIRS" "$MENU_DIRS_ASIDE"; fi
install_and_check without
remove_and_check without

step "install with $MENU_DIRS"
if [ ! -d "$MENU_DIRS" ]; then mkdir "$MENU_DIRS"; fi
install_and_check with
remove_and_check with

{
  echo "SAM Annotator packaging test ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"))"
  echo ".deb:               $(basename "$DEB")  $(mb "$DEB") MB"
  echo ".rpm:               $(basename "$RPM")  $(mb "$RPM") MB"
  echo "installed:          $(mb "$APP_IMAGE") MB in $INSTALL_DIR  (runtime $(mb "$APP_IMAGE/lib/runtime") MB, model $(mb "$APP_IMAGE/lib/app/models") MB, ONNX Runtime $(mb "$APP_IMAGE/lib/app/native") MB, jar $(mb "$APP_IMAGE/lib/app/sam-annotator.jar") MB)"
  for cycle in without with; do
    echo "$MENU_DIRS $cycle:"
    sed 's/^/  /' "$WORK/timings-$cycle"
  done
  echo "selftest (first start, as nobody, headless):"
  grep -E '^(model load|encode|decode|mask):' "$WORK/selftest-with.log" | sed 's/^/  /'
  echo "build (mvn -Ppackage, deb + rpm): $build_time"
  echo "whole test: $(seconds_since "$TEST_STARTED") (tool installation, build, checks, two install cycles)"
} | tee "$REPORT"
echo "test-installers.sh: PASSED"
