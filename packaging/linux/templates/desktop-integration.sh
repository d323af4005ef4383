#!/bin/sh
# Registers ("install") or removes ("uninstall") @NAME@'s desktop integration, system-wide:
#   menu entry      /usr/share/applications/@APP_ID@.desktop      (+ update-desktop-database: "Open with")
#   MIME type       /usr/share/mime/packages/@APP_ID@.xml         (+ update-mime-database)
#   project icon    /usr/share/icons/hicolor/48x48/mimetypes/     (+ gtk-update-icon-cache where a cache exists)
#   AppStream       /usr/share/metainfo/@APP_ID@.metainfo.xml     (software centres)
# Run as root by the .deb's postinst/prerm and the .rpm's post-install/pre-uninstall scripts; after installing a
# desktop on a minimal system later, run it again by hand:
#   sudo @INSTALL_DIR@/lib/app/desktop-integration.sh install
# Each part goes only where the system already has its folder (created by the desktop's own packages) and is
# skipped with a message otherwise: the application works without any of them, so this script never fails for
# a missing place. (xdg-desktop-menu is not used: it writes to the same folder, but refuses to install anything
# when /usr/share/desktop-directories is missing, as on minimal systems, WSL and containers.)
# Template packaging/linux/templates/desktop-integration.sh, filled in by build-installers.sh.
set -u

LIB="$(cd "$(dirname "$0")/.." && pwd)"
SHARE="${SAM_ANNOTATOR_SHARE_DIR:-/usr/share}" # another folder only in packaging/test-installers.sh
APP_ID=@APP_ID@
MIME_ICON=application-x-sam-annotator-project

say() { echo "sam-annotator: $*"; }

# copy_into SOURCE DIR NAME WHAT: copies SOURCE to DIR/NAME (mode 644) when DIR exists.
copy_into() {
  if [ ! -d "$2" ]; then
    say "$4 skipped: no $2 on this system"
    return 1
  fi
  if install -m 644 "$1" "$2/$3"; then
    say "$4 installed: $2/$3"
  else
    say "$4 skipped: could not write $2/$3"
    return 1
  fi
}

# remove_from DIR NAME WHAT: deletes DIR/NAME when present.
remove_from() {
  if [ -e "$1/$2" ]; then
    rm -f "$1/$2" && say "$3 removed: $1/$2"
  fi
}

# run_if_present COMMAND ARGS...: runs a cache-update tool when the system has it; its failure is reported only.
run_if_present() {
  if command -v "$1" >/dev/null 2>&1; then
    "$@" || say "$1 failed (exit $?); the caches are updated at the next run of $1"
  fi
}

refresh_caches() {
  [ -d "$SHARE/applications" ] && run_if_present update-desktop-database -q "$SHARE/applications"
  [ -d "$SHARE/mime/packages" ] && run_if_present update-mime-database "$SHARE/mime"
  # Only refresh an icon cache that exists: a new cache would hide icons installed later without one.
  [ -f "$SHARE/icons/hicolor/icon-theme.cache" ] && run_if_present gtk-update-icon-cache -q -t "$SHARE/icons/hicolor"
  return 0
}

install_integration() {
  copy_into "$LIB/sam-annotator-sam-annotator.desktop" "$SHARE/applications" "$APP_ID.desktop" "menu entry"
  copy_into "$LIB/sam-annotator-sam-annotator-MimeInfo.xml" "$SHARE/mime/packages" "$APP_ID.xml" "MIME type"
  copy_into "$LIB/$MIME_ICON.png" "$SHARE/icons/hicolor/48x48/mimetypes" "$MIME_ICON.png" "project file icon"
  copy_into "$LIB/app/$APP_ID.metainfo.xml" "$SHARE/metainfo" "$APP_ID.metainfo.xml" "AppStream metadata"
  refresh_caches
}

uninstall_integration() {
  remove_from "$SHARE/applications" "$APP_ID.desktop" "menu entry"
  remove_from "$SHARE/mime/packages" "$APP_ID.xml" "MIME type"
  remove_from "$SHARE/icons/hicolor/48x48/mimetypes" "$MIME_ICON.png" "project file icon"
  remove_from "$SHARE/metainfo" "$APP_ID.metainfo.xml" "AppStream metadata"
  refresh_caches
}

case "${1:-}" in
  install) install_integration; exit 0 ;;
  uninstall) uninstall_integration; exit 0 ;;
  *) echo "usage: $0 install|uninstall" >&2; exit 2 ;;
esac
