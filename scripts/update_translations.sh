#!/usr/bin/env bash
# Refresh kiosk/i18n/*.ts from the source strings (Vietnamese) and build the .qm
# files the app loads. Translate new strings in Qt Linguist (pyside6-linguist).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
for ts in kiosk/i18n/kiosk_*.ts; do
  "$bin/pyside6-lupdate" kiosk/ui/*.py kiosk/media/*.py kiosk/app.py -source-language vi -ts "$ts"
  "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
