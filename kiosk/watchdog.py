"""End the process when the UI thread freezes, so the service manager restarts it.

A kiosk that stays frozen helps nobody; one that restarts in a few seconds is
back on its idle screen. The UI thread calls `beat()` from a timer; a plain
Python thread checks the beats. No Qt here.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import IO

from kiosk import log

#: Exit status after a freeze (EX_SOFTWARE): the service manager restarts the kiosk.
FROZEN_EXIT = 70


def _exit_frozen(stalled_s: float) -> None:
    os._exit(FROZEN_EXIT)  # sys.exit() would need the frozen thread's cooperation


class Watchdog:
    """Watches the heartbeat of the UI thread.

    Args:
        timeout_s: how long without a beat counts as frozen.
        on_freeze: what to do then (default: exit with FROZEN_EXIT); gets the
            seconds since the last beat.
        crash_file: where to dump every thread's stack before acting.
        clock: monotonic seconds (injected in tests).
    """

    def __init__(
        self,
        timeout_s: float,
        *,
        on_freeze: Callable[[float], None] = _exit_frozen,
        crash_file: IO[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._timeout_s = timeout_s
        self._on_freeze = on_freeze
        self._crash_file = crash_file
        self._clock = clock
        self._last = clock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="watchdog", daemon=True)

    def start(self) -> None:
        """Start watching (call `beat()` regularly from the UI thread from now on)."""
        self._last = self._clock()
        self._thread.start()

    def beat(self) -> None:
        """The UI thread is alive."""
        self._last = self._clock()

    def stop(self) -> None:
        """Stop watching (clean shutdown)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _watch(self) -> None:
        interval = min(1.0, self._timeout_s / 4)
        while not self._stop.wait(interval):
            stalled = self._clock() - self._last
            if stalled < self._timeout_s:
                continue
            log.app.critical("the screen has not responded for %.0f s; restarting", stalled)
            target = self._crash_file or sys.stderr
            try:
                target.write(f"UI thread frozen for {stalled:.0f} s; stacks:\n")
                target.flush()
                faulthandler.dump_traceback(file=target, all_threads=True)
            except (OSError, ValueError):
                pass  # a closed or broken crash file must not stop the restart
            self._on_freeze(stalled)
            return
