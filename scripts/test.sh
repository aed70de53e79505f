#!/usr/bin/env bash
# Set everything up on a fresh Debian/Ubuntu machine and run the whole test
# suite: unit, widget (offscreen), integration (loopback HTTP), real libVLC,
# and end-to-end runs under Xvfb. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-deps.sh --test
scripts/venv.sh test
exec .venv/bin/python -m pytest "$@"
