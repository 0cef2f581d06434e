#!/usr/bin/env bash
# Install the .deb on this machine (root), smoke-test the installed program, check the menu entry,
# remove the package and check the user's data is still there.
#   bash installer/test-deb.sh dist/renshe-desk_<version>_amd64.deb
set -euo pipefail
deb="$(realpath "$1")"
[ "$(id -u)" -eq 0 ] || { echo "test-deb: run as root (apt-get install)" >&2; exit 1; }
fail() { echo "test-deb FAILED: $*" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen

apt-get install -y -qq "$deb" >/dev/null
dpkg -s renshe-desk | grep -q '^Status: install ok installed' || fail "not installed"
[ "$(command -v renshe-desk)" = /usr/bin/renshe-desk ] || fail "no /usr/bin/renshe-desk on PATH"
desktop=/usr/share/applications/renshe-desk.desktop
grep -q '^Exec=/usr/bin/renshe-desk' "$desktop" || fail "menu entry does not start /usr/bin/renshe-desk"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ -f "/usr/share/icons/hicolor/256x256/apps/$icon.png" ] || fail "menu entry's icon '$icon' not installed"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
echo "test-deb: installed $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} KiB' renshe-desk)" >&2

# The user's data folder, as a clerk's first start creates it.
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
HOME="$home" XDG_DATA_HOME="" renshe-desk --smoke-test || fail "installed renshe-desk --smoke-test"
data="$home/.local/share/renshe-desk"
[ -n "$(ls -A "$data" 2>/dev/null)" ] || fail "the smoke test left no data in $data"
before="$(cd "$data" && find . -type f | sort)"
bash "$(dirname "$0")/smoke-test.sh" /usr/bin/renshe-desk --quick

apt-get remove -y -qq --purge renshe-desk >/dev/null
[ ! -e /opt/renshe-desk ] && [ ! -e /usr/bin/renshe-desk ] && [ ! -e "$desktop" ] || fail "files left after removal"
after="$(cd "$data" && find . -type f | sort)"
[ "$before" = "$after" ] || fail "removing the package changed the user's data"
echo "test-deb: removed (purged); user data kept: $(echo "$after" | tr '\n' ' ')" >&2
