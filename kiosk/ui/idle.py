"""The idle screen: guidance video, the scan prompt and the announcement ticker."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets import named


class Arrow(QWidget):
    """A bold arrow pointing at the scanner ("below", "left" or "right")."""

    def __init__(self, direction: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.direction = direction
        self.setMinimumSize(60, 60)

    def paintEvent(self, event: object) -> None:
        w, h = self.width(), self.height()
        side = min(w, h)
        cx, cy = w / 2, h / 2
        s = side / 2
        # Arrow pointing down, then rotated for left/right.
        points = [(-0.3, -0.9), (0.3, -0.9), (0.3, 0.0), (0.7, 0.0), (0.0, 0.9), (-0.7, 0.0),
                  (-0.3, 0.0)]
        angle = {"below": 0, "left": 90, "right": -90}.get(self.direction, 0)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(cx, cy)
        painter.rotate(angle)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.NAVY))
        painter.drawPolygon(QPolygonF([QPointF(x * s, y * s) for x, y in points]))
        painter.end()


class Ticker(QWidget):
    """An announcement that scrolls right to left, painted without a layout pass."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Ticker")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._text = text
        self._offset = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._advance)
        self.setVisible(bool(text))

    @property
    def text(self) -> str:
        """The announcement shown."""
        return self._text

    def set_running(self, running: bool) -> None:
        """Scroll only while visible on the idle screen (saves CPU elsewhere)."""
        if running and self._text:
            self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def _advance(self) -> None:
        self._offset += max(1.0, self.height() / 30)
        self.update()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(theme.NAVY))
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setPixelSize(max(12, int(self.height() * 0.5)))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        gap = self.width() // 3
        span = metrics.horizontalAdvance(self._text) + gap
        x = self.width() - (self._offset % (span + self.width()))
        baseline = (self.height() + metrics.ascent() - metrics.descent()) / 2
        while x < self.width():
            painter.drawText(QPointF(x, baseline), self._text)
            x += span
        painter.end()


class IdleScreen(QWidget):
    """Video area on the left, the scan prompt on the right, the ticker below.

    Signals:
        touched(): the citizen touched the screen (opens the manual entry).
    """

    touched = Signal()

    def __init__(
        self,
        video: QWidget,
        *,
        scanner_position: str,
        announcement: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.video = video
        self.prompt = named(QLabel(self.tr("Quét mã QR trên giấy hẹn trả kết quả")), "Prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        where = {
            "below": self.tr("Đưa mã QR vào máy quét phía dưới màn hình"),
            "left": self.tr("Đưa mã QR vào máy quét bên trái màn hình"),
            "right": self.tr("Đưa mã QR vào máy quét bên phải màn hình"),
        }[scanner_position]
        self.where = named(QLabel(where), "PromptSub")
        self.where.setWordWrap(True)
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.touch_hint = named(
            QLabel(self.tr("Không có mã QR? Chạm vào màn hình để nhập mã hồ sơ.")), "PromptSub"
        )
        self.touch_hint.setWordWrap(True)
        self.touch_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.arrow = Arrow(scanner_position)
        self.arrow.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        panel = named(QWidget(), "Card")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(panel)
        column.setContentsMargins(32, 32, 32, 32)
        column.addStretch(1)
        column.addWidget(self.prompt)
        column.addSpacing(16)
        column.addWidget(self.where)
        column.addWidget(self.arrow, 2)
        column.addWidget(self.touch_hint)
        column.addStretch(1)

        body = QHBoxLayout()
        body.setContentsMargins(24, 24, 24, 24)
        body.setSpacing(24)
        body.addWidget(video, 3)
        body.addWidget(panel, 2)

        self.ticker = Ticker(announcement)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(body, 1)
        layout.addWidget(self.ticker)

    def resizeEvent(self, event: object) -> None:
        self.ticker.setFixedHeight(max(32, self.height() // 16))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.touched.emit()
        event.accept()
