#!/usr/bin/env bash
# Builds actionlint (pinned) from source with Go, from the Go module proxy, into .tools/go-bin (gitignored).
# test/workflows.test.ts runs it on every workflow file and FAILS when it is missing — everywhere, CI or not —
# so a missing Go toolchain shows as a red test, never as a silently skipped lint.
set -euo pipefail
cd "$(dirname "$0")/.."
ACTIONLINT_VERSION=v1.7.12
BIN=.tools/go-bin/actionlint
if [ -x "$BIN" ] && "$BIN" -version 2>/dev/null | head -1 | grep -qx "$ACTIONLINT_VERSION"; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "ensure-actionlint: go is not on PATH, so $BIN cannot be built; the workflow lint test will fail" >&2
  exit 0
fi
mkdir -p .tools/go-bin
GOBIN="$PWD/.tools/go-bin" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
"$BIN" -version | head -1
