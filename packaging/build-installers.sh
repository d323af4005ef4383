#!/usr/bin/env bash
# Builds the self-contained app image and this OS's installers from the shaded jar.
#
#   mvn -Ppackage -DskipTests package          (Maven runs this script after the shaded jar)
#   packaging/build-installers.sh [VERSION]    (after `mvn -DskipTests package`; VERSION defaults to the jar's)
#
# Steps:
#   1. fetch and verify the default model into models/ with the application's own `models fetch`;
#   2. stage target/jpackage/input: the jar without ONNX Runtime natives, this platform's natives in native/,
#      the manifest and the default model's two files in models/ (where the app looks: beside the jar);
#   3. jlink a trimmed runtime: the JDK modules jdeps finds in the jar, plus jdk.crypto.ec (HTTPS downloads
#      of other models use elliptic-curve TLS); no debug symbols, headers, man pages or JDK commands;
#   4. jpackage the app image into target/installer/ (launcher args pass straight to the app's command line);
#   5. jpackage this OS's installers from that image: Linux .deb (+ .rpm when rpmbuild exists), Windows .msi
#      (needs the WiX Toolset 3), macOS .dmg.
# Per-OS jpackage options live in packaging/{linux,windows,macos}/jpackage-*.options (app image, all
# installers, and optionally one installer type, e.g. packaging/linux/jpackage-deb.options). The project's
# identity (vendor, maintainer, homepage, licence, summary) is packaging/project.properties, the long
# description packaging/description.txt. On Linux, packaging/linux/templates/ (jpackage's .deb/.rpm script,
# control and spec templates, the desktop entry, the AppStream metainfo and desktop-integration.sh) are filled
# in with those values into target/jpackage/linux-resources (jpackage's --resource-dir) and the app image.
#
# Environment:
#   PACKAGE_TYPES     "auto" (default) = every installer type this OS can build; "app-image" = only the image;
#                     or a list such as "deb rpm".
#   JAVA_HOME         JDK 17+ whose java/jdeps/jlink/jpackage are used (default: the ones on PATH).
#   SKIP_MODEL_FETCH  1 = do not run `models fetch`; models/ must already hold the verified default model.
#   SOURCE_DATE_EPOCH time stamp (seconds) of the packaged files; default: the last commit's time.
#   DPKG_DEB_COMPRESSOR_LEVEL  read by dpkg-deb itself: xz level of the .deb (default 6; 1 builds about twice
#                     as fast for a 2-3 % larger .deb).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

JAR=target/sam-annotator.jar
WORK=target/jpackage
OUT=target/installer
MAIN_CLASS=org.samannotator.Main
EXTRA_MODULES=jdk.crypto.ec
LINUX_RESOURCES="$WORK/linux-resources"
INSTALL_DIR=/opt/sam-annotator # jpackage's --install-dir (packaging/linux/jpackage-installer.options) + --name

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'build-installers.sh: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }

jdk_tool() {
  if [ -n "${JAVA_HOME:-}" ] && { [ -x "$JAVA_HOME/bin/$1" ] || [ -x "$JAVA_HOME/bin/$1.exe" ]; }; then
    printf '%s/bin/%s' "$JAVA_HOME" "$1"
  elif command -v "$1" >/dev/null 2>&1; then
    command -v "$1"
  else
    fail "$1 not found: set JAVA_HOME to a JDK 17+ (jpackage is part of the JDK since 16)"
  fi
}

detect_os() {
  case "$(uname -s)" in
    Linux) echo linux ;;
    Darwin) echo macos ;;
    MINGW* | MSYS* | CYGWIN*) echo windows ;;
    *) fail "unsupported OS $(uname -s)" ;;
  esac
}

installer_types() {
  local requested="${PACKAGE_TYPES:-auto}"
  if [ "$requested" != auto ]; then
    echo "$requested" | tr ',' ' '
    return
  fi
  case "$OS" in
    linux)
      local types=""
      if command -v dpkg-deb >/dev/null 2>&1; then types="deb"; fi
      if command -v rpmbuild >/dev/null 2>&1; then types="$types rpm"; fi
      echo "$types" ;;
    windows) echo msi ;;
    macos) echo dmg ;;
  esac
}

mb() { # size in MB (1 MB = 1000000 bytes) of a file or directory tree
  local kib
  kib=$(du -sk "$1" | cut -f1)
  awk -v k="$kib" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'
}

ensure_deb_tools() {
  command -v dpkg-deb >/dev/null 2>&1 || fail "dpkg-deb not found (needed for .deb)"
  if ! command -v fakeroot >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      apt-get install -y fakeroot >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null && apt-get install -y fakeroot >/dev/null; } \
        || fail "could not install fakeroot"
    else
      fail "fakeroot not found (needed by jpackage for .deb): sudo apt-get install fakeroot"
    fi
  fi
}

# prop KEY: the value of KEY in packaging/project.properties.
prop() {
  local value
  value="$(sed -n "s/^$1=//p" packaging/project.properties)"
  [ -n "$value" ] || fail "packaging/project.properties has no $1"
  printf '%s' "$value"
}

# png_size FILE: "WIDTH HEIGHT" from a PNG's header.
png_size() {
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%d %d", $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
}

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

# Fills packaging/linux/templates/* into $LINUX_RESOURCES: @KEY@ placeholders get the project's metadata; the
# jpackage placeholders (APPLICATION_*, PACKAGE_*) are left for jpackage.
fill_linux_templates() {
  local -A values
  local key template content screenshot_size
  for key in name app.id vendor homepage screenshot.url license metadata.license summary; do
    values[$(echo "$key" | tr 'a-z.' 'A-Z_')]="$(prop "$key")"
  done
  screenshot_size="$(png_size src/site/resources/screenshot-candidate.png)"
  values[SCREENSHOT_WIDTH]="${screenshot_size% *}"
  values[SCREENSHOT_HEIGHT]="${screenshot_size#* }"
  values[MAINTAINER]="$(prop vendor) <$(prop maintainer.email)>"
  values[VERSION]="$APP_VERSION"
  values[RELEASE_DATE]="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)"
  values[INSTALL_DIR]="$INSTALL_DIR"
  values[DESCRIPTION_TEXT]="$(cat packaging/description.txt)"
  # Debian control: continuation lines start with a space, an empty line is " ." (Debian policy 5.6.13).
  values[DESCRIPTION_DEB]="$(sed -e 's/^$/./' -e 's/^/ /' packaging/description.txt)"
  values[DESCRIPTION_XML]="$(xml_escape <packaging/description.txt | awk -v RS= '{ gsub(/\n/, " "); print "    <p>" $0 "</p>" }')"
  rm -rf "$LINUX_RESOURCES"
  mkdir -p "$LINUX_RESOURCES"
  shopt -u patsub_replacement 2>/dev/null || true # bash 5.2: "&" in a replacement is literal again
  for template in packaging/linux/templates/*; do
    content="$(cat "$template")"
    for key in "${!values[@]}"; do
      content="${content//"@$key@"/"${values[$key]}"}"
    done
    case "$content" in *@[A-Z_]*@*) fail "unfilled placeholder in $template: $(grep -o '@[A-Z_]*@' <<<"$content" | head -1)" ;; esac
    printf '%s\n' "$content" >"$LINUX_RESOURCES/$(basename "$template")"
  done
  mv "$LINUX_RESOURCES/metainfo.xml" "$LINUX_RESOURCES/$(prop app.id).metainfo.xml"
}

OS="$(detect_os)"
JAVA="$(jdk_tool java)"
JDEPS="$(jdk_tool jdeps)"
JLINK="$(jdk_tool jlink)"
JPACKAGE="$(jdk_tool jpackage)"
[ -f "$JAR" ] || fail "$JAR not found: run 'mvn -DskipTests package' first (or 'mvn -Ppackage -DskipTests package')"
VERSION="${1:-$("$JAVA" -jar "$JAR" --version | awk '{print $2}')}"
APP_VERSION="${VERSION%%-*}" # jpackage wants numbers only: 0.2.0-SNAPSHOT -> 0.2.0
STARTED=$(now)
# One fixed time for the packaged files (reproducible builds' convention: the last commit's time). The model
# files carry it so that their hash sidecars stay valid; dpkg-deb clamps every file time in the .deb to it.
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || now)}"
export SOURCE_DATE_EPOCH
echo "Packaging SAM Annotator $APP_VERSION for $OS with $("$JPACKAGE" --version 2>/dev/null | head -1) jpackage ($JPACKAGE)"

step "1/5 default model (fetched and verified by the application)"
if [ "${SKIP_MODEL_FETCH:-0}" != 1 ]; then
  "$JAVA" -jar "$JAR" models fetch --models-dir "$ROOT/models"
fi

step "2/5 staging $WORK/input"
rm -rf "$WORK" "$OUT"
mkdir -p "$WORK/input" "$OUT"
"$JAVA" -cp "$JAR" packaging/PackagingTool.java split-natives "$JAR" "$WORK/input/sam-annotator.jar" "$WORK/input/native"
"$JAVA" -cp "$JAR" packaging/PackagingTool.java stage-models "$ROOT/models" "$WORK/input/models" "$SOURCE_DATE_EPOCH"
# Verify the staged copy the way the installed app will (this also writes the hash sidecars it reuses).
"$JAVA" -jar "$WORK/input/sam-annotator.jar" models fetch --models-dir "$WORK/input/models"
if [ "$OS" = linux ]; then
  fill_linux_templates
  install -m 755 "$LINUX_RESOURCES/desktop-integration.sh" "$WORK/input/desktop-integration.sh"
  install -m 644 "$LINUX_RESOURCES/$(prop app.id).metainfo.xml" "$WORK/input/"
  echo "  filled packaging/linux/templates into $LINUX_RESOURCES; desktop integration and metainfo staged"
fi

step "3/5 trimmed Java runtime (jlink)"
MODULES="$("$JDEPS" --ignore-missing-deps --print-module-deps --multi-release 17 "$WORK/input/sam-annotator.jar"),$EXTRA_MODULES"
echo "modules: $MODULES"
"$JLINK" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --strip-native-commands \
  --compress=2 --output "$WORK/runtime"
echo "runtime: $(mb "$WORK/runtime") MB"

step "4/5 app image (jpackage)"
COMMON=(--app-version "$APP_VERSION" --vendor "$(prop vendor)" --description "$(prop summary)"
  --copyright "Copyright $(date -u -d "@$SOURCE_DATE_EPOCH" +%Y 2>/dev/null || date +%Y) $(prop vendor)")
"$JPACKAGE" --type app-image --dest "$OUT" "@packaging/$OS/jpackage-app-image.options" "${COMMON[@]}" \
  --input "$WORK/input" --main-jar sam-annotator.jar --main-class "$MAIN_CLASS" \
  --runtime-image "$WORK/runtime" --java-options "-Donnxruntime.native.path=\$APPDIR/native"
APP_IMAGE="$(find "$OUT" -mindepth 1 -maxdepth 1 -type d | head -1)"
# jpackage copies files with new times; give the model files back the time their hash sidecars record.
APP_MODELS="$(find "$APP_IMAGE" -type d -name models -path '*app/models' | head -1)"
"$JAVA" -cp "$JAR" packaging/PackagingTool.java set-mtime "$APP_MODELS" "$SOURCE_DATE_EPOCH"
echo "app image: $APP_IMAGE ($(mb "$APP_IMAGE") MB)"

step "5/5 installers"
TYPES="$(installer_types)"
for type in $TYPES; do
  case "$type" in
    app-image) continue ;;
    deb | rpm | msi | exe | dmg | pkg) ;;
    *) fail "unknown installer type '$type' (PACKAGE_TYPES / -Dinstaller.types: auto, app-image, deb, rpm, msi, exe, dmg, pkg)" ;;
  esac
  if [ "$type" = deb ]; then ensure_deb_tools; fi
  echo "-- $type"
  type_started=$(now)
  TYPE_OPTIONS=(--about-url "$(prop homepage)")
  case "$type" in
    deb) TYPE_OPTIONS+=(--linux-deb-maintainer "$(prop maintainer.email)") ;;
    rpm) TYPE_OPTIONS+=(--linux-rpm-license-type "$(prop license)") ;;
  esac
  if [ -f "packaging/$OS/jpackage-$type.options" ]; then TYPE_OPTIONS+=("@packaging/$OS/jpackage-$type.options"); fi
  "$JPACKAGE" --type "$type" --dest "$OUT" "@packaging/$OS/jpackage-installer.options" "${TYPE_OPTIONS[@]}" \
    "${COMMON[@]}" --app-image "$APP_IMAGE"
  echo "   built in $(( $(now) - type_started )) s"
done

step "done in $(( $(now) - STARTED )) s"
echo "app image: $APP_IMAGE  $(mb "$APP_IMAGE") MB"
for file in "$OUT"/*; do
  [ -f "$file" ] && echo "installer: $file  $(mb "$file") MB"
done
exit 0
