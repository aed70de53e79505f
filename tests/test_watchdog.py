from __future__ import annotations

import io
import threading
import time
from pathlib import Path

from kiosk.watchdog import Watchdog


def test_a_frozen_ui_thread_is_acted_on_with_its_stack(tmp_path: Path) -> None:
    frozen = threading.Event()
    stalls: list[float] = []
    crash = (tmp_path / "crash.txt").open("w", encoding="utf-8")

    def on_freeze(stalled: float) -> None:
        stalls.append(stalled)
        frozen.set()

    dog = Watchdog(0.3, on_freeze=on_freeze, crash_file=crash)
    dog.start()
    assert frozen.wait(5)  # nobody beats: the UI thread is "frozen"
    dog.stop()
    crash.close()
    assert stalls and stalls[0] >= 0.3
    text = (tmp_path / "crash.txt").read_text(encoding="utf-8")
    assert "UI thread frozen" in text
    assert "test_a_frozen_ui_thread_is_acted_on_with_its_stack" in text


def test_a_beating_ui_thread_is_left_alone() -> None:
    stalls: list[float] = []
    dog = Watchdog(0.3, on_freeze=stalls.append, crash_file=io.StringIO())
    dog.start()
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        dog.beat()
        time.sleep(0.05)
    dog.stop()
    assert stalls == []
