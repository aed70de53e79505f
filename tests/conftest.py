"""Test-wide set-up: Qt offscreen for widget tests, no writes to the user's folders."""

from __future__ import annotations

import os
import tempfile

from hypothesis import settings

# Before any Qt import: widget tests run without a screen. End-to-end tests
# start their own Xvfb and pass DISPLAY to the app subprocess.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIOSK_DATA_DIR", tempfile.mkdtemp(prefix="kiosk-test-"))

# In CI, property tests draw the same examples every run: a red build is then
# reproducible, and never depends on the luck of the draw.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
