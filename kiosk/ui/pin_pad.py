"""The way into the admin screen: a long press on a corner, then a PIN pad."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QHideEvent, QMouseEvent, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.pin import PinGuard
from kiosk.ui.widgets import named

BACKSPACE = "⌫"
MAX_DIGITS = 8
MIN_DIGITS = 4


class HoldCorner(QWidget):
    """An invisible square over the top-left corner of `parent`; holding it opens admin.

    A tap, or a press that slides off the square, does nothing. While held, a
    thin ring fills up so staff know to keep pressing.

    Signals:
        held(): the corner was pressed for the whole hold time.
    """

    held = Signal()

    def __init__(self, parent: QWidget, *, hold_ms: int = 3000, side: int = 0) -> None:
        super().__init__(parent)
        self._host = parent
        self._side = side
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(hold_ms)
        self._hold.timeout.connect(self._on_held)
        self._since = QElapsedTimer()
        self._repaint = QTimer(self)
        self._repaint.setInterval(50)
        self._repaint.timeout.connect(self.update)
        parent.installEventFilter(self)
        self._follow()

    @property
    def holding(self) -> bool:
        """Whether a press is being held now."""
        return self._hold.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._follow()
        return False

    def _follow(self) -> None:
        side = self._side or self._host.height()
        self.setGeometry(0, 0, side, side)
        self.raise_()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._since.start()
            self._hold.start()
            self._repaint.start()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._stop()
        elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            if not self.rect().contains(event.position().toPoint()):
                self._stop()  # slid off the corner: not a deliberate hold
        else:
            return super().event(event)
        event.accept()
        return True

    def _stop(self) -> None:
        self._hold.stop()
        self._repaint.stop()
        self.update()

    @Slot()
    def _on_held(self) -> None:
        self._stop()
        self.held.emit()

    def paintEvent(self, event: object) -> None:
        if not self._hold.isActive():
            return
        share = min(1.0, self._since.elapsed() / max(1, self._hold.interval()))
        side = min(self.width(), self.height())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(255, 255, 255, 200), max(2.0, side * 0.06)))
        box = QRectF(side * 0.2, side * 0.2, side * 0.6, side * 0.6)
        painter.drawArc(box, 90 * 16, -round(share * 360 * 16))
        painter.end()


class PinScreen(QWidget):
    """A digit pad with masked dots, for staff to unlock the admin screen.

    Signals:
        unlocked(): the right PIN was entered.
        cancelled(): staff pressed "Hủy", or nobody touched the pad for a while.
    """

    unlocked = Signal()
    cancelled = Signal()

    def __init__(
        self,
        pin_hash: str,
        guard: PinGuard | None = None,
        *,
        idle_timeout_s: int = 30,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pin_hash = pin_hash
        self._guard = guard or PinGuard()
        self._digits = ""
        self.title = named(QLabel(self.tr("Nhập mã PIN quản trị")), "MessageTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = named(QLabel(), "PinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = named(QLabel(), "PinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        self.enter_label = self.tr("Vào")
        layout_keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", BACKSPACE, "0", "OK"]
        for index, key in enumerate(layout_keys):
            text = self.enter_label if key == "OK" else key
            button = named(QPushButton(text), "KeyButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            self.keys[key] = button
            grid.addWidget(button, index // 3, index % 3)
        self.cancel_button = named(QPushButton(self.tr("Hủy")), "Secondary")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self._cancel)

        pad = QWidget()
        pad.setLayout(grid)
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(self.dots)
        column.addWidget(self.message)
        column.addWidget(pad, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        column.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout(self)
        row.addStretch(1)
        row.addLayout(column, 2)
        row.addStretch(1)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_timeout_s * 1000)
        self._idle.timeout.connect(self._cancel)
        self._lock_tick = QTimer(self)
        self._lock_tick.setInterval(1000)
        self._lock_tick.timeout.connect(self._show_lock)
        self.reset()

    @property
    def entered(self) -> int:
        """How many digits are entered now."""
        return len(self._digits)

    def set_pin_hash(self, pin_hash: str) -> None:
        """Use a new stored hash (the PIN was changed)."""
        self._pin_hash = pin_hash
        self.reset()

    def reset(self) -> None:
        """Clear the pad for a new entry (call before showing the screen)."""
        self._digits = ""
        self._update_dots()
        self.message.clear()
        self._poke()
        if not self._pin_hash:
            self.message.setText(
                self.tr(
                    "Chưa đặt mã PIN quản trị. Cán bộ kỹ thuật đặt mã bằng lệnh: kiosk set-pin"
                )
            )
            self._set_pad_enabled(False)
            return
        self._set_pad_enabled(True)
        self._show_lock()

    @Slot()
    def _cancel(self) -> None:
        self._digits = ""
        self._update_dots()
        self._idle.stop()
        self._lock_tick.stop()
        self.cancelled.emit()

    def _poke(self) -> None:
        if self.isVisible():
            self._idle.start()

    def showEvent(self, event: QShowEvent) -> None:
        self._idle.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._idle.stop()
        super().hideEvent(event)

    def _press(self, key: str) -> None:
        self._poke()
        if key == BACKSPACE:
            self._digits = self._digits[:-1]
        elif key == "OK":
            self._submit()
            return
        elif len(self._digits) < MAX_DIGITS:
            self._digits += key
        self._update_dots()

    def _submit(self) -> None:
        if len(self._digits) < MIN_DIGITS:
            self.message.setText(self.tr("Mã PIN có từ 4 đến 8 chữ số."))
            return
        attempt = self._guard.attempt(self._digits, self._pin_hash)
        self._digits = ""
        self._update_dots()
        if attempt.ok:
            self.message.clear()
            self._idle.stop()
            self.unlocked.emit()
        elif attempt.locked_s:
            self._show_lock()
        else:
            self.message.setText(
                self.tr("✗ Mã PIN không đúng. Còn %n lần thử.", "", attempt.tries_left)
            )

    @Slot()
    def _show_lock(self) -> None:
        left = self._guard.locked_for()
        if not left:
            if self._lock_tick.isActive():
                self._lock_tick.stop()
                self.message.clear()
            self._set_pad_enabled(bool(self._pin_hash))
            return
        if left >= 60:
            wait = self.tr("%n phút", "", -(-left // 60))
        else:
            wait = self.tr("%n giây", "", left)
        self.message.setText(
            self.tr("⚠ Nhập sai quá nhiều lần. Thử lại sau %1.").replace("%1", wait)
        )
        self._set_pad_enabled(False)
        self._lock_tick.start()

    def _set_pad_enabled(self, enabled: bool) -> None:
        for button in self.keys.values():
            button.setEnabled(enabled)

    def _update_dots(self) -> None:
        self.dots.setText(" ".join("●" * len(self._digits)) or " ")
