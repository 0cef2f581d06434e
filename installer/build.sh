#!/usr/bin/env bash
# Build Renshe Desk for clerks' PCs (no Python needed there).
#   bash installer/build.sh                  Linux build + smoke test + .deb, then the Windows chain
#   bash installer/build.sh --linux-only     Linux build + smoke test + .deb (what CI runs)
#   bash installer/build.sh --windows        only the Windows chain (installer/windows/build-on-linux.sh)
#   add --test-install (as root): install the .deb with apt-get, smoke-test it, remove it again
# Outputs in dist/: renshe-desk/ (the one-folder build), renshe-desk_<version>_amd64.deb,
# RensheDesk-Setup-<version>.exe.  Every artefact's size is printed.  A failed smoke test fails
# the build before anything is packaged.
set -euo pipefail
cd "$(dirname "$0")/.."

linux=1 windows=1 test_install=0
for arg in "$@"; do
  case "$arg" in
    --linux-only) windows=0 ;;
    --windows) linux=0 ;;
    --test-install) test_install=1 ;;
    *) echo "usage: bash installer/build.sh [--linux-only|--windows] [--test-install]" >&2; exit 2 ;;
  esac
done

# The PyInstaller used on both sides (its Windows wheel carries the Windows bootloader).
export PYINSTALLER_VERSION="${PYINSTALLER_VERSION:-6.22.3}"
venv=.venv
python="$venv/bin/python"
version="$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
export RENSHE_VERSION="$version"

# Everything printed also goes into a log kept in dist/logs/ (not committed).
mkdir -p dist/logs
log="dist/logs/build-$(date -u +%Y%m%dT%H%M%SZ).log"
exec > >(tee -a "$log") 2>&1
printf 'build: log %s\n' "$log"

say() { printf '\n== build: %s\n' "$*" >&2; }
size() { printf 'build: size %-45s %s\n' "$1" "$(du -sh "$1" | cut -f1)" >&2; }
timed() {  # timed LABEL COMMAND…: runs it and prints the wall time
  local label="$1" start end
  shift
  start=$(date +%s)
  "$@"
  end=$(date +%s)
  printf 'build: time %-45s %d s\n' "$label" $((end - start)) >&2
}

build_linux() {
  say "Linux one-folder build (PyInstaller $PYINSTALLER_VERSION)"
  bash installer/system-deps.sh run
  if [ ! -x "$python" ]; then
    python3 -m venv "$venv"
    "$python" -m pip install -q -e .
  fi
  if [ "$("$python" -m PyInstaller --version 2>/dev/null)" != "$PYINSTALLER_VERSION" ]; then
    "$python" -m pip install -q "pyinstaller==$PYINSTALLER_VERSION"
  fi
  command -v objdump >/dev/null || { echo "build: PyInstaller needs objdump: apt-get install binutils" >&2; exit 1; }
  rm -rf dist/renshe-desk
  timed "pyinstaller" "$python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/renshe-desk.spec
  size dist/renshe-desk

  say "smoke test of the frozen program (before packaging)"
  timed "smoke test" bash installer/smoke-test.sh dist/renshe-desk/renshe-desk

  say "Debian package"
  bash installer/make-deb.sh "$version"
  size "dist/renshe-desk_${version}_amd64.deb"
  if [ "$test_install" = 1 ]; then
    timed "install test" bash installer/test-deb.sh "dist/renshe-desk_${version}_amd64.deb"
  fi
}

[ "$linux" = 1 ] && timed "Linux build in all" build_linux
if [ "$windows" = 1 ]; then
  say "Windows chain (Wine)"
  timed "Windows chain in all" bash installer/windows/build-on-linux.sh "$version"
fi
say "done"
