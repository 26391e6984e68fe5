#!/usr/bin/env bash
# Regenerate test/fixtures/shards/ — real shard outputs for the merge tests (src/merge, test/merge).
#
#   scripts/regen-shards.sh        (or: npm run fixtures:shards)
#
# Runs the committed action bundle (node dist/index.js, as the runner runs it) in `mode: collect` on
# test/fixtures/shards/project, copied to a FIXED directory ($NEBULA_SHARDS_WORK, default /tmp/nebula-gate-shards,
# so the absolute paths inside the reports are stable), three times:
#   file-1of2, file-2of2   test-shard 1/2 and 2/2: the test files split by src/merge/split.ts
#   xdist-1of2, xdist-2of2 the same two shards, each spreading its tests over two pytest-xdist workers
#                          (`pytest-args: -n 2`; the project locks pytest-xdist in its dev group): the controller
#                          writes one JUnit file, pytest-cov combines the workers' coverage data
#   unsharded              every test, one job — the reference the merge must reproduce
#
# Each shard directory holds what collect mode writes (shard.json, junit.xml, coverage.xml) plus the shard's
# coverage.py data file (.coverage, copied after the run). Then `coverage combine` over the file shards' data and
# `coverage json` give the reference total, recorded in combine.json; the unsharded run's test count is in
# unsharded/shard.json. The tests assert the merge equals both.
#
# Needs uv 0.13.8 on PATH (scripts/ensure-tools.sh puts it in .tools/bin), python3, PyPI; pip-audit is disabled
# (no network to OSV needed). Varies between runs: timestamps and durations.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
OUT=$REPO/test/fixtures/shards
WORK=${NEBULA_SHARDS_WORK:-/tmp/nebula-gate-shards}
export PATH="$REPO/.tools/bin:$PATH" UV_PYTHON_DOWNLOADS=never PYTHONHASHSEED=0

rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$OUT/project" "$WORK/project"
rm -rf "$WORK/project/.venv" "$WORK/project/.nebula-gate"

collect() { # name test-shard [pytest-args]
  local name=$1 shard=$2 pyargs=${3:-}
  local runner
  runner=$(mktemp -d)
  : >"$runner/output"
  : >"$runner/summary"
  rm -f "$WORK/project/.coverage"
  env GITHUB_ACTIONS=true GITHUB_WORKSPACE="$WORK" GITHUB_EVENT_NAME=push GITHUB_OUTPUT="$runner/output" \
    GITHUB_STEP_SUMMARY="$runner/summary" RUNNER_TEMP="$runner" RUNNER_OS=Linux \
    INPUT_MODE=collect INPUT_WORKING-DIRECTORY=project INPUT_TEST-SHARD="$shard" INPUT_SHARD-ID="$name" \
    INPUT_RESULTS-PATH="results/$name" INPUT_DISABLE=pip-audit INPUT_COMMENT=off INPUT_CACHE=none \
    INPUT_PYTEST-ARGS="$pyargs" \
    node "$REPO/dist/index.js" >"$runner/log" 2>&1 || { cat "$runner/log"; echo "collect $name failed" >&2; exit 1; }
  if [[ $pyargs == *"-n "* ]] && ! grep -q 'created: 2/2 workers' "$runner/log"; then
    cat "$runner/log"
    echo "collect $name: pytest did not report two xdist workers" >&2
    exit 1
  fi
  cp "$WORK/project/.coverage" "$WORK/results/$name/.coverage"
  rm -rf "$runner"
  echo "collected $name"
}

collect file-1of2 1/2
collect file-2of2 2/2
collect xdist-1of2 1/2 '-n 2'
collect xdist-2of2 2/2 '-n 2'
collect unsharded ''

# The reference: coverage.py's own union of each pair of shards' data (file-split → combine.json,
# xdist-split → combine-xdist.json).
reference() { # out-name shard...
  local out=$1
  shift
  local data=()
  for s in "$@"; do data+=("$WORK/results/$s/.coverage"); done
  (
    cd "$WORK/project"
    rm -f .coverage.combined
    uvx --from 'coverage==7.*' coverage combine --keep --data-file=.coverage.combined "${data[@]}" >/dev/null
    uvx --from 'coverage==7.*' coverage json --data-file=.coverage.combined -o "$WORK/results/combined.json" >/dev/null
  )
  python3 - "$WORK/results/combined.json" "$WORK/results/$out" "$*" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
t = data["totals"]
json.dump({"tool": "coverage combine + coverage json", "coverage_version": data["meta"]["version"],
           "shards": sys.argv[3].split(),
           "covered_lines": t["covered_lines"], "num_statements": t["num_statements"],
           "percent_covered": t["percent_covered"],
           "files": {f: {"executed_lines": v["executed_lines"]} for f, v in sorted(data["files"].items())}},
          open(sys.argv[2], "w"), indent=2, sort_keys=True)
PY
}
reference combine.json file-1of2 file-2of2
reference combine-xdist.json xdist-1of2 xdist-2of2

rm -rf "$OUT/results"
mkdir -p "$OUT/results"
for d in "$WORK"/results/*/; do
  name=$(basename "$d")
  mkdir -p "$OUT/results/$name"
  cp "$d"shard.json "$OUT/results/$name/"
  for f in junit.xml coverage.xml .coverage; do [ -f "$d$f" ] && cp "$d$f" "$OUT/results/$name/"; done
done
cp "$WORK/results/combine.json" "$WORK/results/combine-xdist.json" "$OUT/"
echo "project root: $WORK/project" >"$OUT/ROOT.txt"
echo "wrote $OUT/results ($(ls "$OUT/results" | tr '\n' ' '))"
