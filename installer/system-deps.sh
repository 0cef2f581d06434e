#!/usr/bin/env bash
# Qt's system libraries (and, for the tests, poppler-utils to look at PDFs).
# As root: installs what is missing with apt-get.  Otherwise: prints the line to run.
#   installer/system-deps.sh run    libraries the program needs (offscreen or on a desktop)
#   installer/system-deps.sh test   the same plus what the tests use (poppler-utils to look at
#                                   PDFs; postgresql: the tests start a throw-away server of their
#                                   own on a free port, tests/fixtures/postgres.py — the package's
#                                   own cluster, running or not, is never used)
#   installer/system-deps.sh list   print the 'run' packages, one a line (the .deb's Depends)
set -euo pipefail

mode="${1:-run}"
# Measured on a fresh Debian 12 (shared/TOOLCHAIN.md): enough for QtWidgets offscreen and on X11.
packages=(libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
          libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
          libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0)
if [ "$mode" = "test" ]; then
  packages+=(poppler-utils postgresql)
fi
if [ "$mode" = "list" ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-family system; install Qt 6's X11/EGL libraries with your package manager." >&2
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

# --no-install-recommends: recommended packages bring a CJK font that would
# hide a missing-font bug (shared/TOOLCHAIN.md trap 7).
line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: missing system libraries. As root, run:" >&2
  echo "  sudo $line" >&2
  exit 1
fi
