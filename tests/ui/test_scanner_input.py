"""Key events to scans: what the scanner types becomes one payload, once."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QWindow
from pytestqt.qtbot import QtBot

from kiosk.ui.scanner_input import ScannerInput

CODE = "000.00.53.H48-261201-0001"


def _feed(scanner: ScannerInput, window: QWindow, text: str, stamps: list[int]) -> list[bool]:
    """Deliver `text` then Enter with the given system timestamps; returns 'consumed' flags."""
    consumed = []
    keys = [(Qt.Key.Key_unknown, ch) for ch in text] + [(Qt.Key.Key_Return, "\r")]
    for (key, char), stamp in zip(keys, stamps, strict=True):
        press = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
        press.setTimestamp(stamp)
        consumed.append(scanner.eventFilter(window, press))
        if len(consumed) == 3:
            time.sleep(0.12)  # the UI thread is busy mid-scan (a repaint, a video switch)
    return consumed


def test_a_busy_moment_does_not_split_a_scan_when_timed_by_the_system(qtbot: QtBot) -> None:
    scanner = ScannerInput(max_gap_ms=40, min_length=8, terminators=["enter"], event_time=True)
    window = QWindow()
    stamps = [1_000_000 + 4 * i for i in range(len(CODE) + 1)]  # typed 4 ms apart
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as blocker:
        consumed = _feed(scanner, window, CODE, stamps)
    assert blocker.args == [CODE]
    assert all(consumed)  # no key reached a widget


def test_timed_on_arrival_the_same_stall_splits_the_scan(qtbot: QtBot) -> None:
    scanner = ScannerInput(max_gap_ms=40, min_length=8, terminators=["enter"], event_time=False)
    window = QWindow()
    stamps = [1_000_000 + 4 * i for i in range(len(CODE) + 1)]
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as blocker:
        _feed(scanner, window, CODE, stamps)
    assert blocker.args == [CODE[3:]]  # what a stall did before: the first keys lost


def test_keys_pass_to_a_text_field_only_in_passthrough() -> None:
    scanner = ScannerInput(max_gap_ms=40, min_length=8, terminators=["enter"], event_time=True)
    window = QWindow()
    release = QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert scanner.eventFilter(window, release) is True
    scanner.passthrough = True
    assert scanner.eventFilter(window, release) is False
