#!/usr/bin/env bash
# Create (or refresh) the project's virtual environment in .venv.
# Usage: scripts/venv.sh [EXTRA]   e.g. scripts/venv.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
extra=${1:-}
spec="."
if [ -n "$extra" ]; then
  spec=".[$extra]"
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e "$spec"
