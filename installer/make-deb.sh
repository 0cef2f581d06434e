#!/usr/bin/env bash
# dist/renshe-desk/ (already smoke-tested) -> dist/renshe-desk_<version>_amd64.deb, with dpkg-deb.
#   bash installer/make-deb.sh VERSION
# The program goes to /opt/renshe-desk, a launcher to /usr/bin/renshe-desk, a menu entry and its
# icon to /usr/share.  No maintainer scripts: installing and removing never touch the user's data
# (~/.local/share/renshe-desk), which the program alone creates and keeps.
# gzip, not xz: xz took minutes of CPU over the 200 MB bundle (CI time), and every dpkg reads gzip.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$1"
[ -x dist/renshe-desk/renshe-desk ] || { echo "make-deb: build dist/renshe-desk first" >&2; exit 1; }

root="build/deb/renshe-desk_${version}_amd64"
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/icons/hicolor/scalable/apps" \
  "$root/usr/share/doc/renshe-desk"
cp -a dist/renshe-desk "$root/opt/renshe-desk"
cat >"$root/usr/bin/renshe-desk" <<'LAUNCHER'
#!/bin/sh
exec /opt/renshe-desk/renshe-desk "$@"
LAUNCHER
chmod 755 "$root/usr/bin/renshe-desk"
sed 's|^Exec=.*|Exec=/usr/bin/renshe-desk|' installer/renshe-desk.desktop >"$root/usr/share/applications/renshe-desk.desktop"
cp resources/icons/renshe-desk.png "$root/usr/share/icons/hicolor/256x256/apps/renshe-desk.png"
cp resources/icons/renshe-desk.svg "$root/usr/share/icons/hicolor/scalable/apps/renshe-desk.svg"
cp resources/fonts/wqy-microhei-LICENSE.txt "$root/usr/share/doc/renshe-desk/copyright"

# Qt's system libraries: the list installer/system-deps.sh installs for running the program.
depends="$(bash installer/system-deps.sh list | paste -sd, - | sed 's/,/, /g')"
# The newest glibc symbol version any file of the bundle asks for (installer/README.md).
glibc="$(find "$root/opt" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null |
  grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
cat >"$root/DEBIAN/control" <<CONTROL
Package: renshe-desk
Version: ${version}
Architecture: amd64
Maintainer: Renshe Desk <renshe-desk@localhost>
Installed-Size: $(du -sk "$root" --exclude=DEBIAN | cut -f1)
Depends: libc6 (>= ${glibc}), ${depends}
Section: misc
Priority: optional
Description: 人社办案台 Renshe Desk — labour cases offline
 An offline desktop program for a district human-resources and social-security
 bureau: wage complaints, the arbitration docket, mediation, staff, training,
 construction projects and the yearly report.  No Python needed; data stays in
 ~/.local/share/renshe-desk and is kept when the package is removed.
CONTROL
find "$root" -type d -exec chmod 755 {} +
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "dist/renshe-desk_${version}_amd64.deb" >/dev/null
echo "make-deb: dist/renshe-desk_${version}_amd64.deb (libc6 >= ${glibc})" >&2
