# shellcheck shell=bash
# Checks of packaging/test-installers.sh (sourced by it; uses its variables DEB, RPM, APP_IMAGE, WORK, PACKAGE,
# INSTALL_DIR, APP_ID and its functions fail, millis, seconds_since, package_status, apt_get_recording,
# installed_packages, dpkg_waiting).

prop() { sed -n "s/^$1=//p" packaging/project.properties; }

check_deb_metadata() {
  local control description_lines
  control="$(dpkg-deb -f "$DEB")"
  grep -E '^(Package|Version|Maintainer|Homepage|Description):' <<<"$control"
  grep -qx "Maintainer: $(prop vendor) <$(prop maintainer.email)>" <<<"$control" \
    || fail "Maintainer is not the project's: $(grep '^Maintainer' <<<"$control")"
  grep -qx "Homepage: $(prop homepage)" <<<"$control" || fail "no Homepage $(prop homepage) in the control file"
  description_lines="$(dpkg-deb -f "$DEB" Description | wc -l)"
  [ "$description_lines" -ge 3 ] || fail "the Description has $description_lines line(s), no long description"
  grep -q 'libgtk-3-0' <<<"$(dpkg-deb -f "$DEB" Depends)" || fail "the .deb does not depend on GTK 3 (JavaFX needs it)"
  grep -q 'desktop-integration.sh install' <<<"$(dpkg-deb -I "$DEB" postinst)" || fail "postinst does not run the integration"
  grep -q 'desktop-integration.sh uninstall' <<<"$(dpkg-deb -I "$DEB" prerm)" || fail "prerm does not undo the integration"
  dpkg-deb -c "$DEB" >"$WORK/deb-listing" # (a file, not a pipe into grep -q: pipefail would see SIGPIPE)
  grep -q "\./opt/sam-annotator/lib/app/models/.*\.onnx$" "$WORK/deb-listing" || fail "no model files in the .deb"
  echo "ok: maintainer, homepage, $description_lines-line description, GTK 3 dependency, scripts, model files"
}

check_metainfo() { # FILE
  appstreamcli validate --no-net --explain "$1" || fail "appstreamcli validate: $1"
  grep -q "<image[^>]*>$(prop screenshot.url)</image>" "$1" || fail "the metainfo does not show the screenshot"
  grep -q "<launchable type=\"desktop-id\">$APP_ID.desktop</launchable>" "$1" || fail "metainfo launchable"
  echo "ok: AppStream metainfo $1"
}

check_desktop_entry() { # FILE
  local out
  out="$(desktop-file-validate "$1" 2>&1)" || fail "desktop-file-validate $1: $out"
  if grep -q 'error:' <<<"$out"; then fail "desktop-file-validate $1: $out"; fi
  [ -z "$out" ] || echo "$out"
  grep -qx "Exec=$INSTALL_DIR/bin/sam-annotator %F" "$1" || fail "desktop Exec line: $(grep '^Exec' "$1")"
  for mime in image/png image/jpeg image/bmp image/gif image/tiff application/x-sam-annotator-project; do
    grep -q "^MimeType=.*$mime;" "$1" || fail "the desktop entry lacks the MIME type $mime"
  done
  echo "ok: desktop entry $1 (desktop-file-validate, Exec, MIME types)"
}

check_rpm() {
  local info scripts
  info="$(rpm -qpi "$RPM")"
  grep -E '^(Name|Version|Release|License|URL|Packager|Summary) ' <<<"$info"
  grep -qE "^License +: $(prop license)$" <<<"$info" || fail "rpm License is not $(prop license)"
  grep -qE "^URL +: $(prop homepage)$" <<<"$info" || fail "rpm URL is not $(prop homepage)"
  grep -qE "^Packager +: .*<$(prop maintainer.email)>$" <<<"$info" || fail "rpm Packager is not the project's"
  [ "$(sed -n '/^Description :/,$p' <<<"$info" | wc -l)" -ge 4 ] || fail "the rpm has no long description"
  grep -qE "^Summary +: $(prop summary)$" <<<"$info" || fail "rpm Summary is not the project's summary"
  # Same files as the .deb (directories aside; the Debian copyright file is for the .deb only), no system folder.
  rpm -qpl "$RPM" >"$WORK/rpm-listing"
  if grep -qxE '/opt|/usr|/usr/share' "$WORK/rpm-listing"; then fail "the rpm owns a system folder (/opt, /usr)"; fi
  rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$RPM" | awk '$1 !~ /^d/ { print $2 }' | sort >"$WORK/rpm-files"
  awk '$1 !~ /^d/ { sub(/^\./, "", $6); print $6 }' "$WORK/deb-listing" | grep -vx "$INSTALL_DIR/share/doc/copyright" \
    | sort >"$WORK/deb-files"
  diff "$WORK/deb-files" "$WORK/rpm-files" >/dev/null \
    || fail ".deb and .rpm differ in files: $(diff "$WORK/deb-files" "$WORK/rpm-files" | head -5)"
  grep -qx 'gtk3' <<<"$(rpm -qpR "$RPM")" || fail "the rpm does not require gtk3"
  scripts="$(rpm -qp --scripts "$RPM")"
  grep -q 'desktop-integration.sh install' <<<"$scripts" || fail "the rpm's post-install does not run the integration"
  # shellcheck disable=SC2016 # the literal "$1" of the scriptlet
  grep -q 'if \[ "$1" = 0 \]' <<<"$scripts" || fail "the rpm's pre-uninstall is not limited to erasing"
  sed -n '/^postinstall scriptlet/,/^preuninstall scriptlet/p' <<<"$scripts" | sed '1d;$d' | sh -n \
    || fail "the rpm's post-install script has a syntax error"
  sed -n '/^preuninstall scriptlet/,$p' <<<"$scripts" | sed '1d' | sh -n || fail "pre-uninstall syntax error"
  echo "ok: .rpm License, URL, Packager, long description, $(wc -l <"$WORK/rpm-files") files as in the .deb," \
    "requires: $(rpm -qpR "$RPM" | grep -v '^rpmlib' | tr '\n' ' ')scripts"
}

files_under_opt_and_share() { find /opt /usr/share -xdev 2>/dev/null | sort; }

# install_and_check CYCLE: dpkg -i (then apt-get -f install when dependencies are missing), checks, first start.
install_and_check() {
  local cycle=$1
  local log="$WORK/install-$cycle.log" started added
  files_under_opt_and_share >"$WORK/files-before-$cycle"
  installed_packages >"$WORK/packages-before-$cycle"
  started=$(millis)
  if ! dpkg_waiting -i "$DEB" >"$log" 2>&1; then
    grep -q 'dependency problems' "$log" || { cat "$log"; fail "dpkg -i failed"; }
    echo "dpkg -i: dependencies missing, installing them: apt-get -f install"
    apt_get_recording -f install --no-install-recommends >>"$log" 2>&1 || { cat "$log"; fail "apt-get -f install failed"; }
  fi
  installed_packages >"$WORK/packages-after-$cycle"
  added="$(comm -13 "$WORK/packages-before-$cycle" "$WORK/packages-after-$cycle" | awk -v p="$PACKAGE" '$1 != p' | wc -l)"
  echo "dpkg -i: $(seconds_since "$started")$([ "$added" = 0 ] || echo " (with apt-get -f install of $added dependencies)")" \
    >"$WORK/timings-$cycle"
  echo "$added" >"$WORK/dependencies-added-$cycle"
  grep '^sam-annotator:' "$log" || true
  [ "$(package_status)" = installed ] || { cat "$log"; fail "dpkg -s: $(dpkg -s "$PACKAGE" | grep '^Status')"; }
  grep -qx 'Status: install ok installed' <<<"$(dpkg -s "$PACKAGE")" || fail "dpkg -s: not 'install ok installed'"
  echo "ok: dpkg -s: install ok installed"
  check_registration
  check_first_start "$cycle"
  if [ "$cycle" = with ]; then check_integration_skips; fi
}

check_registration() {
  check_desktop_entry "/usr/share/applications/$APP_ID.desktop"
  grep -q "^image/png=.*$APP_ID.desktop" /usr/share/applications/mimeinfo.cache || fail "not in Open with for PNG"
  grep -q "^application/x-sam-annotator-project=$APP_ID.desktop" /usr/share/applications/mimeinfo.cache \
    || fail "mimeinfo.cache does not map the project type to the app"
  [ -f "/usr/share/mime/packages/$APP_ID.xml" ] || fail "MIME definition not installed"
  [ -f /usr/share/mime/application/x-sam-annotator-project.xml ] || fail "MIME database not updated"
  grep -q '^[0-9]*:application/x-sam-annotator-project:\*\.samproj$' /usr/share/mime/globs2 || fail "*.samproj glob"
  local handler
  handler="$(XDG_CURRENT_DESKTOP='' xdg-mime query default application/x-sam-annotator-project)"
  [ "$handler" = "$APP_ID.desktop" ] || fail "xdg-mime default handler of a project: '$handler'"
  if [ -d /usr/share/icons/hicolor/48x48/mimetypes ]; then
    [ -f /usr/share/icons/hicolor/48x48/mimetypes/application-x-sam-annotator-project.png ] || fail "no project icon"
  fi
  check_metainfo "/usr/share/metainfo/$APP_ID.metainfo.xml"
  echo "ok: MIME type *.samproj, Open with (mimeinfo.cache, xdg-mime: $handler), project icon, metainfo"
}

# Runs the installed launcher headless as user "nobody" (the installed tree is read-only for it).
check_first_start() {
  local cycle=$1
  local home="$WORK/home-$cycle" log="$WORK/selftest-$cycle.log" version started exit_code
  mkdir -p "$home"
  chown nobody "$home"
  run_as_nobody() {
    env -u DISPLAY -u WAYLAND_DISPLAY HOME="$home" setpriv --reuid=nobody --regid="$(id -g nobody)" \
      --clear-groups "$@"
  }
  version="$(run_as_nobody "$INSTALL_DIR/bin/sam-annotator" --version)" || fail "--version exited non-zero"
  case "$version" in "sam-annotator "[0-9]*) echo "ok: --version: $version" ;; *) fail "--version: $version" ;; esac
  started=$(millis)
  set +e
  run_as_nobody "$INSTALL_DIR/bin/sam-annotator" selftest --offline >"$log" 2>&1
  exit_code=$?
  set -e
  echo "selftest as nobody (first start): $(( $(millis) - started )) ms" >>"$WORK/timings-$cycle"
  [ "$exit_code" = 0 ] || { cat "$log"; fail "selftest exited with $exit_code"; }
  grep -q 'selftest PASSED' "$log" || { cat "$log"; fail "selftest did not report PASSED"; }
  if grep -qiE 'warning|exception|\[W:' "$log"; then cat "$log"; fail "selftest printed warnings"; fi
  echo "ok: selftest PASSED as nobody ($(tail -1 "$WORK/timings-$cycle"))"
}

# The integration script against folders without the desktop's places: every part skipped, exit 0, nothing
# written; with only applications/: just the menu entry, removed again by uninstall.
check_integration_skips() {
  local share="$WORK/share" script="$INSTALL_DIR/lib/app/desktop-integration.sh" out
  mkdir -p "$share"
  out="$(SAM_ANNOTATOR_SHARE_DIR="$share" sh "$script" install)" || fail "integration failed on an empty system"
  [ "$(grep -c 'skipped: no ' <<<"$out")" = 4 ] || fail "expected 4 skipped parts: $out"
  [ -z "$(ls -A "$share")" ] || fail "the integration wrote into $share without its folders"
  mkdir -p "$share/applications"
  out="$(SAM_ANNOTATOR_SHARE_DIR="$share" sh "$script" install)" || fail "integration failed with applications/ only"
  [ -f "$share/applications/$APP_ID.desktop" ] || fail "menu entry not installed into applications/: $out"
  [ "$(grep -c 'skipped: no ' <<<"$out")" = 3 ] || fail "expected 3 skipped parts: $out"
  SAM_ANNOTATOR_SHARE_DIR="$share" sh "$script" uninstall >/dev/null || fail "integration uninstall failed"
  [ ! -e "$share/applications/$APP_ID.desktop" ] || fail "uninstall left the menu entry"
  echo "ok: without the desktop's folders every part is skipped with a message (exit 0); partial folders work"
}

# remove_and_check CYCLE: dpkg -r, then dpkg --purge; nothing of the package left under /opt or /usr/share.
remove_and_check() {
  local cycle=$1 started leftovers
  started=$(millis)
  dpkg_waiting -r "$PACKAGE" >"$WORK/remove-$cycle.log" 2>&1 || { cat "$WORK/remove-$cycle.log"; fail "dpkg -r failed"; }
  echo "dpkg -r: $(seconds_since "$started")" >>"$WORK/timings-$cycle"
  grep '^sam-annotator:' "$WORK/remove-$cycle.log" || true
  [ ! -e "$INSTALL_DIR" ] || fail "dpkg -r left $INSTALL_DIR: $(find "$INSTALL_DIR" | head -5)"
  dpkg_waiting --purge "$PACKAGE" >/dev/null || fail "dpkg --purge failed"
  [ "$(package_status)" = not-installed ] || fail "after dpkg --purge: $(package_status)"
  leftovers="$(find /opt /usr/share -xdev \( -iname '*sam-annotator*' -o -iname '*samannotator*' \) 2>/dev/null)"
  [ -z "$leftovers" ] || fail "files left after dpkg --purge: $leftovers"
  if [ "$(cat "$WORK/dependencies-added-$cycle")" = 0 ]; then
    files_under_opt_and_share >"$WORK/files-after-$cycle"
    diff "$WORK/files-before-$cycle" "$WORK/files-after-$cycle" >"$WORK/files-diff-$cycle" \
      || fail "/opt and /usr/share differ from before dpkg -i: $(head -10 "$WORK/files-diff-$cycle")"
    echo "ok: dpkg -r and --purge: /opt and /usr/share hold exactly the files they held before dpkg -i"
  else
    echo "ok: dpkg -r and --purge: nothing named sam-annotator left (whole-tree comparison in the other cycle:" \
      "apt-get installed dependencies in this one)"
  fi
}
