"""Read the USB scanner (keyboard mode) from anywhere in the application.

An application-wide event filter feeds every key press to the pure
`BurstDetector`. A fast burst ended by Enter/Tab (or by a pause, for scanners
set up without a terminator) is a scan, whatever widget has the focus. Keys
never reach the screens unless a text field is open for a person to type in.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QWindow

from kiosk import log
from kiosk.scan import BurstDetector

_TERMINATOR_KEYS = {
    "enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter),
    "tab": (Qt.Key.Key_Tab, Qt.Key.Key_Backtab),
}


def _now_ms() -> float:
    return time.monotonic() * 1000


class ScannerInput(QObject):
    """Turns keystroke bursts into scans.

    Signals:
        scanned(str): a complete payload from the scanner.
    """

    scanned = Signal(str)

    def __init__(
        self,
        *,
        max_gap_ms: int,
        min_length: int,
        terminators: list[str],
        event_time: bool = False,
        parent: QObject | None = None,
    ) -> None:
        """Args (besides the detector's):
            event_time: time keys by when the system saw them (the event's
                timestamp) rather than by when Qt delivered them. Right on a real
                display (X11, Windows): a busy moment of the UI thread (a repaint,
                a video switch) then cannot split one scan into two. Synthetic
                events (tests, offscreen) have no real timestamps.
        """
        super().__init__(parent)
        self._event_time = event_time
        # Event clock minus monotonic clock at the last key, to time the idle poll.
        self._offset = 0.0
        self._detector = BurstDetector(max_gap_ms=max_gap_ms, min_length=min_length)
        self._terminators = {key for name in terminators for key in _TERMINATOR_KEYS.get(name, ())}
        self.passthrough = False  # True while a text field is open for typing
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(max(60, max_gap_ms * 4))
        self._idle.timeout.connect(self._on_idle)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A key press reaches the filter twice: first addressed to the window
        # (QWindow), then to the focused widget. Read it once, at the window.
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or not isinstance(
            watched, QWindow
        ):
            return False
        if kind == QEvent.Type.KeyRelease:
            return not self.passthrough  # keys reach no widget unless someone types
        assert isinstance(event, QKeyEvent)
        now = self._key_time(event)
        if event.key() in self._terminators:
            payload = self._detector.terminator(now)
            self._idle.stop()
            if payload is not None:
                self._emit(payload)
                return True
            return not self.passthrough
        text = event.text()
        if text and text.isprintable():
            self._detector.key(text, now)
            self._idle.start()
        return not self.passthrough

    def _key_time(self, event: QKeyEvent) -> float:
        local = _now_ms()
        if not self._event_time or not event.timestamp():
            self._offset = 0.0
            return local
        stamp = float(event.timestamp())
        self._offset = stamp - local
        return stamp

    @Slot()
    def _on_idle(self) -> None:
        payload = self._detector.poll(_now_ms() + self._offset)
        if payload is not None:
            self._emit(payload)

    def _emit(self, payload: str) -> None:
        log.scan.debug("burst of %d characters", len(payload))
        self.scanned.emit(payload)
