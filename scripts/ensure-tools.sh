#!/usr/bin/env bash
# Puts the pinned uv (from PyPI) in .tools/bin, so the demo and the tests need nothing installed by hand.
# The Python tools themselves (ruff, mypy, pytest, ...) are fetched by uv from PyPI on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=$(grep -oE "uv: '[0-9.]+'" src/checks/tools.ts | grep -oE "[0-9.]+")
if [ -x .tools/bin/uv ] && [ "$(.tools/bin/uv --version 2>/dev/null | cut -d' ' -f2)" = "$UV_VERSION" ]; then
  exit 0
fi
python3 -m venv .tools
.tools/bin/python -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
.tools/bin/uv --version
