"""`kiosk supervise ARGS...`: run `kiosk ARGS...` and start it again if it dies.

For PCs without a service manager that restarts programs (a Windows logon task
starts the kiosk once). A clean exit (status 0: staff quit from the admin
screen, or the session ends) ends the supervisor too; any other exit, a crash
or the watchdog's restart, starts the kiosk again after a pause that grows if
it keeps failing quickly.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable

from kiosk import log

#: A run shorter than this counts as failing quickly (the pause then grows).
QUICK_FAILURE_S = 60.0


def command(args: list[str]) -> list[str]:
    """The command line that runs `kiosk ARGS` (also from a frozen build)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "kiosk", *args]


def supervise(
    args: list[str],
    *,
    pause_s: float = 3.0,
    max_pause_s: float = 300.0,
    sleep: Callable[[float], None] = time.sleep,
    max_runs: int | None = None,
) -> int:
    """Run the kiosk until it exits cleanly; returns that exit status (0).

    `max_runs` bounds the loop (tests); the kiosk itself runs unbounded.
    """
    pause = pause_s
    runs = 0
    while True:
        started = time.monotonic()
        try:
            status = subprocess.call(command(args))
        except KeyboardInterrupt:
            return 130
        runs += 1
        if status == 0:
            log.app.info("kiosk exited cleanly; supervisor stops")
            return 0
        lasted = time.monotonic() - started
        pause = min(pause * 2, max_pause_s) if lasted < QUICK_FAILURE_S else pause_s
        log.app.warning(
            "kiosk exited with status %d after %.0f s; starting it again in %.0f s",
            status, lasted, pause,
        )
        if max_runs is not None and runs >= max_runs:
            return status
        sleep(pause)
