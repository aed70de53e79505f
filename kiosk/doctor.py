"""`kiosk doctor`: one page for IT on why the kiosk does or does not work.

Every check prints one plain line; nothing here raises. No personal data is
printed (the probe lookup uses a code no office issues).
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path
from typing import TextIO

from kiosk import __version__, log
from kiosk.config import Config, ConfigError, load_lenient

#: A well-formed code that no office issues (day 00 of month 01 of year 2000).
PROBE_CODE = "000.00.00.H00-000101-0000"


def report(path: Path, out: TextIO) -> int:
    """Print the report; returns 0 when nothing blocks the kiosk, else 1."""
    blocking = 0
    out.write(f"kiosk {__version__} on Python {sys.version.split()[0]}, {platform.platform()}\n")
    blocking += _qt(out)
    config, failed = _config(path, out)
    blocking += failed
    blocking += _backend(config, out)
    _logs(config, out)
    out.write("Idle video:\n")
    try:
        from kiosk.media.doctor import diagnose

        for line in diagnose(config.media):
            out.write(f"  {line}\n")
    except Exception as exc:  # a broken media stack must not hide the rest
        out.write(f"  cannot check: {type(exc).__name__}: {exc}\n")
    out.write("Result: " + ("OK\n" if not blocking else f"{blocking} problem(s) to fix\n"))
    return 1 if blocking else 0


def _qt(out: TextIO) -> int:
    try:
        import PySide6
        from PySide6 import QtCore
    except ImportError as exc:
        out.write(f"Qt: cannot load ({exc}); install the packages listed in the README\n")
        return 1
    out.write(f"Qt: PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}\n")
    return 0


def _config(path: Path, out: TextIO) -> tuple[Config, int]:
    if not path.exists():
        out.write(f"Config: {path} not found; built-in defaults (demo data)\n")
        return Config(), 0
    try:
        config, problems = load_lenient(path)
    except ConfigError as exc:
        out.write(f"Config: {exc}\n")
        return Config(), 1
    if problems:
        out.write(f"Config: {path}: {len(problems)} problem(s), defaults used for them:\n")
        for problem in problems:
            out.write(f"  {problem}\n")
    else:
        out.write(f"Config: {path}: valid\n")
    return config, 0


def _backend(config: Config, out: TextIO) -> int:
    from kiosk.backends import BackendError
    from kiosk.backends.factory import create_backend
    from kiosk.scan import DossierQuery

    kind = config.backend.kind
    try:
        backend = create_backend(config.backend)
    except BackendError as exc:
        out.write(f"Back office ({kind}): cannot set up: {exc.detail}\n")
        return 1
    try:
        backend.lookup(DossierQuery(PROBE_CODE))
    except BackendError as exc:
        out.write(f"Back office ({kind}): NOT reachable: {exc.kind.value}: {exc.detail}\n")
        return 1
    finally:
        backend.close()
    out.write(f"Back office ({kind}): answers\n")
    return 0


def _logs(config: Config, out: TextIO) -> None:
    folder = Path(config.log.folder) if config.log.folder else log.data_dir() / "logs"
    out.write(f"Logs: {folder}\n")
    crash = folder / "crash.txt"
    try:
        if crash.exists() and crash.stat().st_size:
            out.write(f"  the last run crashed; see {crash}\n")
    except OSError:
        pass
