"""Topic loggers, log files and crash records. A Qt-free zone.

Nothing personal is logged: callers pass dossier codes at most, never names,
ID numbers or scanned URLs with their parameters.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import IO

app = logging.getLogger("kiosk.app")
scan = logging.getLogger("kiosk.scan")
lookup = logging.getLogger("kiosk.lookup")
media = logging.getLogger("kiosk.media")
ui = logging.getLogger("kiosk.ui")
qt = logging.getLogger("kiosk.qt")

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_crash_file: IO[str] | None = None


def data_dir() -> Path:
    """The per-user folder for logs and state (Windows: %LOCALAPPDATA%)."""
    override = os.environ.get("KIOSK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "CounterKiosk"
    base = Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state"))
    return base / "counter-kiosk"


def setup(folder: Path | None, level: str = "info", max_mb: int = 5, keep: int = 10) -> Path:
    """Send kiosk logs to a rotating file in `folder` and to stderr.

    Returns the log folder actually used.
    """
    folder = folder or data_dir() / "logs"
    root = logging.getLogger("kiosk")
    root.setLevel(level.upper())
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    if sys.stderr is not None:  # a windowed Windows build has no console at all
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(stream)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        rotating = logging.handlers.RotatingFileHandler(
            folder / "kiosk.log", maxBytes=max_mb * 1024 * 1024, backupCount=keep, encoding="utf-8"
        )
    except OSError as exc:
        app.warning("cannot write logs to %s (%s); logging to the console only", folder, exc)
        return folder
    rotating.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(rotating)
    return folder


def crash_stream() -> IO[str] | None:
    """The open crash file, if `enable_crash_file` succeeded."""
    return _crash_file


def enable_crash_file(folder: Path) -> str | None:
    """Dump tracebacks of hard crashes into `folder/crash.txt`.

    Returns the text of the previous crash if one was recorded (the file is
    then cleared), so the start-up log can tell IT what happened.
    """
    global _crash_file
    path = folder / "crash.txt"
    previous: str | None = None
    try:
        if path.exists() and path.stat().st_size:
            previous = path.read_text(encoding="utf-8", errors="replace")
        _crash_file = path.open("w", encoding="utf-8")
    except OSError as exc:
        app.warning("no crash file: %s", exc)
        return previous
    faulthandler.enable(_crash_file, all_threads=True)
    return previous
