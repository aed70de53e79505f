"""A stand-in idle screen around VideoArea, run as a subprocess by the Xvfb test.

It does what the app's idle screen does: a scan (keystrokes ending in Enter, seen
by an application-wide event filter) or a press anywhere leaves the video for a
"lookup" page; after `--back-after` seconds it returns to idle and resumes.
Events are printed one per line for the test to read.

Usage: python -m tests.media.idle_demo [--folder DIR] [--back-after S]
"""

from __future__ import annotations

import argparse
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.media.settings import MediaSettings, OpeningHours, ScheduleSettings
from kiosk.media.video_area import VideoArea


def say(*parts: object) -> None:
    print(*parts, flush=True)


class IdlePage(QWidget):
    def __init__(self, area: VideoArea, on_touch: object) -> None:
        super().__init__()
        self.setStyleSheet("background: #f5f0e6;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("UBND xã Minh An — Bộ phận tiếp nhận và trả kết quả")
        title.setStyleSheet("font-size: 28px; font-weight: bold; color: #12324a; padding: 18px;")
        prompt = QLabel("Quét mã QR trên giấy hẹn để xem tiến độ hồ sơ  ↓")
        prompt.setStyleSheet("font-size: 24px; color: #12324a; padding: 14px;")
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addWidget(area, 1)
        layout.addWidget(prompt)
        self._on_touch = on_touch

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._on_touch()  # type: ignore[operator]


class Window(QStackedWidget):
    def __init__(self, folder: str, back_after: float) -> None:
        super().__init__()
        settings = MediaSettings(
            folder=folder, schedule=ScheduleSettings(hours=OpeningHours(days=[], times=[]))
        )
        self.area = VideoArea(settings)
        self.area.playing.connect(lambda title: say("PLAYING", title))
        self.area.frame_shown.connect(lambda: say("FRAME"))
        self.area.fallback.connect(lambda reason: say("FALLBACK", reason))
        self.idle = IdlePage(self.area, self.touched)
        self.lookup = QLabel("Đang tra cứu hồ sơ…")
        self.lookup.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lookup.setStyleSheet("background: #ffffff; color: #12324a; font-size: 40px;")
        self.addWidget(self.idle)
        self.addWidget(self.lookup)
        self.back_after = back_after
        self.typed = ""

    def leave(self, what: str) -> None:
        began = time.perf_counter()
        self.area.stop()
        self.setCurrentWidget(self.lookup)
        say(what, f"stop_ms={(time.perf_counter() - began) * 1000:.1f}")
        QTimer.singleShot(int(self.back_after * 1000), self.back)

    def back(self) -> None:
        self.setCurrentWidget(self.idle)
        self.area.start()
        say("IDLE")

    def touched(self) -> None:
        if self.currentWidget() is self.idle:
            self.leave("TOUCH")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                payload, self.typed = self.typed, ""
                say("SCAN", payload)
                self.leave("LOOKUP")
            elif event.text():
                self.typed += event.text()
            return True
        return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", default="")
    parser.add_argument("--back-after", type=float, default=2.0)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    window = Window(args.folder, args.back_after)
    app.installEventFilter(window)
    screen = app.primaryScreen().geometry()
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    window.setGeometry(screen)
    window.show()
    window.activateWindow()
    app.aboutToQuit.connect(window.area.shutdown)
    window.area.start()
    say("READY")
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
