#!/usr/bin/env bash
# Set-up on a fresh machine, then run the program, the tests or the benchmarks.
#   bash installer/bootstrap.sh run [program options]   install, then open Renshe Desk
#   bash installer/bootstrap.sh test                    install, then lint, types (mypy) + the whole test suite
#   bash installer/bootstrap.sh bench                   install, then the benchmarks timed at a million rows
# The virtual environment lives in .venv at the top of the repository.
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-run}"
shift || true
python="${PYTHON:-python3}"
venv=.venv

extras=""
[ "$mode" = "run" ] || extras="[test]"
bash installer/system-deps.sh "$([ "$mode" = run ] && echo run || echo test)"

stamp="$venv/.installed$extras"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q -e ".$extras"
  touch "$stamp"
fi

case "$mode" in
  run)
    exec "$venv/bin/python" main.py "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    "$venv/bin/ruff" check app ui tests main.py
    "$venv/bin/lint-imports"
    "$venv/bin/mypy"
    # both cores: one worker per core, each test file whole on one worker (its fixtures stay together)
    # a crashed worker ends the run at once (red) instead of leaving xdist waiting for its file
    exec "$venv/bin/python" -m pytest -q -n "${RENSHE_TEST_WORKERS:-2}" --dist loadfile --max-worker-restart=0 "$@"
    ;;
  bench)
    export QT_QPA_PLATFORM=offscreen
    exec "$venv/bin/python" -m pytest tests/benchmarks --benchmark-enable -q "$@"
    ;;
  *)
    echo "usage: bash installer/bootstrap.sh run|test|bench" >&2
    exit 2
    ;;
esac
