"""Frozen entry point: point python-vlc at the bundled libVLC, then run the CLI."""

import os
import sys
from pathlib import Path

if getattr(sys, "frozen", False):
    base = Path(sys._MEIPASS)  # type: ignore[attr-defined]  # set by PyInstaller
    os.environ.setdefault("PYTHON_VLC_LIB_PATH", str(base / "vlc" / "libvlc.dll"))
    os.environ.setdefault("PYTHON_VLC_MODULE_PATH", str(base / "vlc" / "plugins"))
    os.add_dll_directory(str(base / "vlc"))
    if len(sys.argv) == 1:
        data = Path(os.environ.get("PROGRAMDATA", "C:/ProgramData")) / "CounterKiosk"
        config = data / "config.toml"
        # The logon task starts the supervisor, which restarts the kiosk after a crash.
        sys.argv += ["supervise", "run", "--config", str(config)]

from kiosk.cli import main

raise SystemExit(main())
