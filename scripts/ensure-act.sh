#!/usr/bin/env bash
# Builds nektos/act (pinned) from source with Go, from the Go module proxy, into .tools/go-bin (gitignored), for
# scripts/act-e2e.ts (run by .ci/run). Exits non-zero when it cannot: .ci/run must not pass without that run.
set -euo pipefail
cd "$(dirname "$0")/.."
ACT_VERSION=v0.2.89
BIN=.tools/go-bin/act
if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -qx "act version ${ACT_VERSION#v}"; then
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "ensure-act: go is not on PATH, so $BIN cannot be built" >&2; exit 1; }
mkdir -p .tools/go-bin
GOBIN="$PWD/.tools/go-bin" go install "github.com/nektos/act@$ACT_VERSION"
"$BIN" --version
