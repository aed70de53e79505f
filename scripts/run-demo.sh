#!/usr/bin/env bash
# Set everything up on a fresh Debian/Ubuntu machine and start the kiosk on
# the built-in demo data. Extra arguments go to `kiosk run` (e.g. --windowed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-deps.sh
scripts/venv.sh
exec .venv/bin/kiosk run --config config.toml "$@"
