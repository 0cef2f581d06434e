#!/usr/bin/env bash
# Smoke test of a built program, before it is packaged (and after it is installed).
#   bash installer/smoke-test.sh PROGRAM [--quick]
#   PROGRAM: dist/renshe-desk/renshe-desk, /usr/bin/renshe-desk, or "wine C:/…/renshe-desk.exe"
#   --quick: only --smoke-test (an installed copy: the full test already ran on the same files)
# Offscreen, on scratch databases in a folder whose name has Chinese characters and a space.
# Proves the bundle holds the migrations (a new database is migrated), Qt's platform plugins
# (the main window shows), the translations, the demo data code and the Chinese font (the PDF
# embeds it).  Exits non-zero on the first failure.
set -euo pipefail

read -r -a program <<<"$1"
quick="${2:-}"
export QT_QPA_PLATFORM=offscreen
unset DISPLAY WAYLAND_DISPLAY RENSHE_DB || true

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
work="$scratch/冒烟 测试"
mkdir -p "$work"

# The database URL and file names as the program sees them (Windows paths under Wine).
as_program_path() {
  if [ "${program[0]}" = wine ] || [ "${program[0]}" = wine64 ]; then
    winepath -w "$1" 2>/dev/null | tr '\\' '/'
  else
    printf '%s' "$1"
  fi
}
db_url() { printf 'sqlite:///%s' "$(as_program_path "$work/$1")"; }

# Through pipes: Wine hands a Windows program an invalid handle when its stdout or stderr
# is a regular file ("init_sys_streams: can't initialize sys standard streams"); pipes work.
run() { { "${program[@]}" "$@" 2>&1 1>&3 3>&- | cat >&2; } 3>&1 | cat; }

step() { printf 'smoke-test: %s\n' "$*" >&2; }
fail() { printf 'smoke-test FAILED: %s\n' "$*" >&2; exit 1; }

step "--version"
version="$(run --version | tr -d '\r')"
case "$version" in renshe-desk\ [0-9]*) ;; *) fail "--version printed '$version'" ;; esac
step "$version"

step "--smoke-test on a new database (migrations, Qt platform plugin, translations)"
start=$(date +%s.%N)
run --db "$(db_url smoke.db)" --smoke-test || fail "--smoke-test exited $?"
elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
step "main window shown in $elapsed s"
[ "$quick" = --quick ] && { step "passed (quick)"; exit 0; }

step "demo --year 2023 on a scratch database"
run demo --year 2023 --db "$(db_url demo.db)" >"$scratch/demo.out" || fail "demo exited $?"

step "report yearly --year 2023 --json --pdf"
run report yearly --year 2023 --json --pdf "$(as_program_path "$work/年报 2023.pdf")" \
  --db "$(db_url demo.db)" >"$scratch/yearly.json" || fail "report yearly exited $?"

# The bureau's published 2023 figures (shared/DOMAIN.md A4; README "The command line").
python3 - "$scratch/yearly.json" <<'EOF' || fail "the yearly figures differ from the bureau's 2023 report"
import json, sys
figures = json.loads(open(sys.argv[1], encoding="utf-8").read())
expected = {
    "year": 2023, "complaints_received": 861, "workers_recovered": 1020,
    "wages_recovered_wan_yuan": "523.30", "projects_active": 12, "project_compliance_rate": "95.45",
    "arbitration_received": 757, "arbitration_accepted": 673, "arbitration_not_accepted": 84,
    "arbitration_amount_wan_yuan": "4965.37", "arbitration_closed_award_or_mediation": 660,
    "arbitration_pending": 13, "mediation_online_handled": 54, "mediation_online_successful": 27,
    "certified_staff": 17,
}
wrong = {k: (figures.get(k), v) for k, v in expected.items() if str(figures.get(k)) != str(v)}
if wrong:
    print("smoke-test: figure: (got, expected)", wrong, file=sys.stderr)
    sys.exit(1)
print(f"smoke-test: {len(expected)} figures as published", file=sys.stderr)
EOF

pdf="$work/年报 2023.pdf"
[ -s "$pdf" ] || fail "no PDF written"
fonts="$(pdffonts "$pdf")"
echo "$fonts" >&2
echo "$fonts" | grep -qi "WenQuanYi\|wqy" || fail "the PDF does not name the shipped Chinese font"
echo "$fonts" | awk 'NR>2 && /WenQuanYi|wqy/ {print $(NF-4)}' | grep -q yes || fail "the Chinese font is not embedded"
step "passed"
