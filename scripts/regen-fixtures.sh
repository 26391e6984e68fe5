#!/usr/bin/env bash
# Regenerate test/fixtures/reports/<project>/ by running the real, pinned tools on
# test/fixtures/projects/<project>, with the argv the gate uses (see src/checks/builtin.ts).
#
#   scripts/regen-fixtures.sh [project ...]        (default: every project with a pyproject.toml)
#
# Needs uv (0.13.8) on PATH, python3, and network to PyPI (uvx / uv run --with fetch the pinned tools; the
# pyright wheel fetches its npm package on first use). Never needs the real OSV service: pip-audit is
# pointed at scripts/osv-stub.py on 127.0.0.1, which knows one advisory (urllib3 1.26.4).
#
# Reproducible-ish:
# - Each project is copied to a FIXED directory, $NEBULA_FIXTURES_WORK/<project> (default
#   /tmp/nebula-gate-fixtures/<project>), so the absolute paths that tools write into reports (ruff and
#   pyright file names, coverage.xml <source>) are the same on every run. That directory is the project
#   root the parsers' tests pass (it is recorded in each meta.json).
# - PYTHONHASHSEED=0 keeps set-ordered output stable (pip-audit's aliases).
# - Still varying between runs: timestamps and durations (junit.xml, coverage.xml, bandit.json
#   generated_at), hostname (junit.xml), pytest.txt timings.
#
# Per project it writes, into test/fixtures/reports/<project>/:
#   uv-sync.txt         `uv sync --locked` (stdout+stderr)
#   ruff-format.txt     `ruff format --check --diff .` (stdout+stderr)
#   ruff-format-check.txt, ruff-format-concise.txt, ruff-format.json  (fail-format only) `ruff format --check .`
#                       with the default (full), concise and json output formats
#   ruff.json           `ruff check --output-format=json .`
#   mypy.jsonl          `mypy -O json src` (stdout)                        [not stale-lock]
#   pyright.json        `pyright --outputjson src` (demo, pyright-typed)
#   junit.xml, coverage.xml, pytest.txt                                    [not stale-lock]
#   junit-xunit2.xml    the same pytest run with junit_family=xunit2 (demo, fail-test)
#   bandit.json         `bandit -r src -f json -q`
#   requirements.txt    `uv export --format requirements-txt --locked --no-emit-project`
#   pip-audit.json      `pip-audit -r requirements.txt --disable-pip -f json ... -s osv --osv-url <stub>`
#   pip-audit-no-requirements.txt  projects without dependencies: that run's error; pip-audit.json then comes
#                       from the same argv + --no-deps
#   versions.txt        (pinned-tools) the versions of the project's own ruff and pytest
#   meta.json           project root, and for each step: output file, argv, exit code
#
# A tool the project itself installs (its dev group) runs from the project environment, as the gate does
# (src/checks/tools.ts toolCommand): only the pinned-tools fixture does that (ruff, pytest).
set -euo pipefail

RUFF_VERSION=0.17.5
MYPY_VERSION=2.4.1
PYTEST_VERSION=9.2.0
PYTEST_COV_VERSION=7.1.0
PIP_AUDIT_VERSION=2.10.1
BANDIT_VERSION=1.9.4
PYRIGHT_VERSION=1.1.414

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECTS_DIR=$REPO/test/fixtures/projects
REPORTS_DIR=$REPO/test/fixtures/reports
WORK=${NEBULA_FIXTURES_WORK:-/tmp/nebula-gate-fixtures}

export UV_PYTHON_DOWNLOADS=never
export PYTHONHASHSEED=0
unset VIRTUAL_ENV

command -v uv >/dev/null || { echo "regen-fixtures: uv is not on PATH" >&2; exit 2; }

if [[ $# -gt 0 ]]; then
  projects=("$@")
else
  projects=()
  for d in "$PROJECTS_DIR"/*/; do
    [[ -f $d/pyproject.toml ]] && projects+=("$(basename "$d")")
  done
fi

mkdir -p "$WORK"

# --- the OSV stub, on loopback, for the whole run ------------------------------------------------------
port_file=$WORK/osv-stub.port
rm -f "$port_file"
python3 "$REPO/scripts/osv-stub.py" "$port_file" 2>"$WORK/osv-stub.log" &
stub_pid=$!
trap 'kill "$stub_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  [[ -s $port_file ]] && break
  kill -0 "$stub_pid" 2>/dev/null || { echo "regen-fixtures: the OSV stub did not start:" >&2; cat "$WORK/osv-stub.log" >&2; exit 2; }
  sleep 0.05
done
[[ -s $port_file ]] || { echo "regen-fixtures: the OSV stub did not write its port" >&2; exit 2; }
OSV_URL="http://127.0.0.1:$(cat "$port_file")/v1/query"

# --- helpers --------------------------------------------------------------------------------------------

# step FILE MODE ARGV...   runs ARGV in the current directory; never fails the script.
#   MODE out: stdout -> $OUT/FILE, stderr -> the log;  all: stdout+stderr -> $OUT/FILE;  log: all -> the log
# Records FILE, the exit code and ARGV (the stub's port replaced by PORT) in $STEPS; sets $rc.
step() {
  local file=$1 mode=$2
  shift 2
  local started=$SECONDS
  rc=0
  echo "\$ $*" >>"$LOG"
  case $mode in
    out) "$@" >"$OUT/$file" 2>>"$LOG" || rc=$? ;;
    all) "$@" >"$OUT/$file" 2>&1 || rc=$? ;;
    log) "$@" >>"$LOG" 2>&1 || rc=$? ;;
  esac
  echo "[exit $rc, $((SECONDS - started))s]" >>"$LOG"
  python3 -c 'import json, sys; print(json.dumps({"file": sys.argv[1], "exitCode": int(sys.argv[2]), "argv": [a.replace(sys.argv[3], "PORT") for a in sys.argv[4:]]}))' \
    "$file" "$rc" "$(cat "$port_file")" "$@" >>"$STEPS"
}

# installed NAME: the project environment has the distribution NAME (its own pin wins over ours).
installed() {
  local dist=${1//-/_}
  compgen -G ".venv/lib/python*/site-packages/${dist}-*.dist-info" >/dev/null
}

# --- per project ----------------------------------------------------------------------------------------
regen() {
  local p=$1 src=$PROJECTS_DIR/$1 dir=$WORK/$1
  [[ -f $src/pyproject.toml ]] || { echo "regen-fixtures: no such project: $src" >&2; return 2; }
  OUT=$REPORTS_DIR/$p
  LOG=$WORK/$p.log
  STEPS=$WORK/$p.steps.jsonl
  rm -rf "$dir" "$OUT" "$LOG" "$STEPS"
  mkdir -p "$OUT"
  cp -R "$src" "$dir"
  rm -rf "$dir/.venv" "$dir/.nebula-gate"
  cd "$dir"

  step uv-sync.txt all uv sync --locked
  local synced=$rc
  if [[ $p != stale-lock && $synced -ne 0 ]]; then
    echo "regen-fixtures: $p: uv sync --locked failed (see $OUT/uv-sync.txt)" >&2
    return 1
  fi
  if [[ $p == stale-lock && $synced -eq 0 ]]; then
    echo "regen-fixtures: stale-lock: uv sync --locked unexpectedly succeeded" >&2
    return 1
  fi

  local ruff=(uvx "ruff@$RUFF_VERSION")
  installed ruff && ruff=(uv run --no-sync ruff)
  step ruff-format.txt all "${ruff[@]}" format --check --diff .
  step ruff.json out "${ruff[@]}" check --output-format=json .
  if [[ $p == fail-format ]]; then
    # What the gate itself runs (no --diff). ruff 0.17 prints a diagnostic per file ("unformatted: File would
    # be reformatted" + " --> PATH:LINE:COL"), older ruff printed "Would reformat: PATH". `format --check`
    # also takes --output-format (and reads RUFF_OUTPUT_FORMAT), so keep the concise and JSON forms too.
    step ruff-format-check.txt all "${ruff[@]}" format --check .
    step ruff-format-concise.txt all "${ruff[@]}" format --check --output-format=concise .
    step ruff-format.json out "${ruff[@]}" format --check --output-format=json .
  fi

  if [[ $synced -eq 0 ]]; then
    local mypy=(uv run --no-sync --with "mypy==$MYPY_VERSION" mypy)
    installed mypy && mypy=(uv run --no-sync mypy)
    step mypy.jsonl out "${mypy[@]}" -O json src
  fi

  if [[ $p == demo || $p == pyright-typed ]]; then
    step pyright.json out uvx "pyright@$PYRIGHT_VERSION" --outputjson src
  fi

  if [[ $synced -eq 0 ]]; then
    local pytest=(uv run --no-sync)
    installed pytest || pytest+=(--with "pytest==$PYTEST_VERSION")
    installed pytest-cov || pytest+=(--with "pytest-cov==$PYTEST_COV_VERSION")
    pytest+=(pytest)
    rm -f junit.xml coverage.xml coverage.json
    step pytest.txt all "${pytest[@]}" -o junit_family=xunit1 --junitxml=junit.xml --cov --cov-report=xml:coverage.xml --cov-report=json:coverage.json -p no:cacheprovider
    # pytest writes these even when tests fail; a missing one is left missing (and so visible in git status).
    [[ -f junit.xml ]] && cp junit.xml "$OUT/junit.xml"
    [[ -f coverage.xml ]] && cp coverage.xml "$OUT/coverage.xml"
    [[ -f coverage.json ]] && cp coverage.json "$OUT/coverage.json"
    if [[ $p == demo || $p == fail-test ]]; then
      rm -f junit-xunit2.xml
      step junit-xunit2.xml log "${pytest[@]}" -o junit_family=xunit2 --junitxml=junit-xunit2.xml --cov --cov-report=xml:coverage-xunit2.xml -p no:cacheprovider
      cp junit-xunit2.xml "$OUT/junit-xunit2.xml"
    fi
  fi

  step bandit.json out uvx "bandit@$BANDIT_VERSION" -r src -f json -q

  step requirements.txt out uv export --format requirements-txt --locked --no-emit-project
  if [[ $rc -eq 0 ]]; then
    cp "$OUT/requirements.txt" requirements.txt
    local audit=(uvx "pip-audit@$PIP_AUDIT_VERSION" -r requirements.txt --disable-pip -f json --progress-spinner off -s osv --osv-url "$OSV_URL")
    if grep -qE '^[A-Za-z0-9]' requirements.txt; then
      step pip-audit.json out "${audit[@]}"
    else
      # No requirement at all (a project without dependencies): pip-audit 2.10.1 refuses --disable-pip on a
      # file with no hashed requirement ("can only be used with a hashed requirements files or if the
      # --no-deps flag has been provided"), exits 1 and writes nothing. Keep that message, then the report of
      # the same run with --no-deps (valid here: an exported lock is fully pinned).
      step pip-audit-no-requirements.txt all "${audit[@]}"
      step pip-audit.json out "${audit[@]}" --no-deps
    fi
  else
    rm -f "$OUT/requirements.txt"
  fi

  if [[ $p == pinned-tools ]]; then
    step versions.txt out bash -c 'uv run --no-sync ruff --version && uv run --no-sync pytest --version 2>&1'
  fi

  python3 - "$p" "$dir" "$STEPS" "$OUT/meta.json" <<'PY'
import json, sys
project, root, steps, out = sys.argv[1:5]
with open(steps) as f:
    records = [json.loads(line) for line in f if line.strip()]
meta = {
    "project": project,
    "projectRoot": root,
    "generatedBy": "scripts/regen-fixtures.sh",
    "steps": records,
}
with open(out, "w") as f:
    json.dump(meta, f, indent=2)
    f.write("\n")
PY
  cd "$REPO"
}

# Projects run concurrently (each in its own subshell and directory), NEBULA_FIXTURES_JOBS at a time.
JOBS=${NEBULA_FIXTURES_JOBS:-4}
total_started=$SECONDS
pids=()
for p in "${projects[@]}"; do
  while (($(jobs -rp | wc -l) >= JOBS)); do wait -n || true; done
  rm -f "$WORK/$p.ok"
  (
    started=$SECONDS
    regen "$p" # set -e: a failure ends this subshell before the .ok marker is written
    touch "$WORK/$p.ok"
    echo "regen-fixtures: $p done in $((SECONDS - started))s (log: $WORK/$p.log)"
  ) &
  pids+=("$!")
done
wait "${pids[@]}" || true # (not a bare `wait`: that would wait for the OSV stub too)
failed=0
for p in "${projects[@]}"; do
  [[ -f $WORK/$p.ok ]] || { echo "regen-fixtures: $p FAILED (log: $WORK/$p.log)" >&2; failed=1; }
done
echo "regen-fixtures: ${#projects[@]} projects in $((SECONDS - total_started))s with $JOBS jobs; reports in $REPORTS_DIR"
exit "$failed"
