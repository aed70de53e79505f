"""Small widgets shared by the screens: status icon, header, countdown bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.dossier import VN_TZ

_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Header", "Thứ Hai"),
    QT_TRANSLATE_NOOP("Header", "Thứ Ba"),
    QT_TRANSLATE_NOOP("Header", "Thứ Tư"),
    QT_TRANSLATE_NOOP("Header", "Thứ Năm"),
    QT_TRANSLATE_NOOP("Header", "Thứ Sáu"),
    QT_TRANSLATE_NOOP("Header", "Thứ Bảy"),
    QT_TRANSLATE_NOOP("Header", "Chủ Nhật"),
)


W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """Give `widget` an object name (the style sheet's #Name selectors) and return it."""
    widget.setObjectName(name)
    return widget


def vn_now() -> dt.datetime:
    """The current time in Vietnam."""
    return dt.datetime.now(VN_TZ)


class StatusIcon(QWidget):
    """A round icon drawn with QPainter (no font or image needed).

    Shapes: "check", "double_check", "clock", "alert", "cross", "info".
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shape = "info"
        self._colour = QColor("#1565c0")
        self.setFixedSize(QSize(64, 64))

    def set_icon(self, shape: str, colour: str, size: int) -> None:
        """Choose what to draw and how large (pixels)."""
        self._shape = shape
        self._colour = QColor(colour)
        self.setFixedSize(QSize(size, size))
        self.update()

    @property
    def shape(self) -> str:
        """The shape drawn now."""
        return self._shape

    def paintEvent(self, event: object) -> None:
        side = min(self.width(), self.height())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawEllipse(QRectF(0, 0, side, side))
        pen = QPen(QColor("white"), side * 0.1, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        s = side / 100
        path = QPainterPath()
        if self._shape in ("check", "double_check"):
            dx = 8 if self._shape == "double_check" else 0
            path.moveTo(QPointF((27 - dx) * s, 52 * s))
            path.lineTo(QPointF((43 - dx) * s, 68 * s))
            path.lineTo(QPointF((73 - dx) * s, 36 * s))
            if dx:
                path.moveTo(QPointF((55) * s, 66 * s))
                path.lineTo(QPointF(83 * s, 36 * s))
        elif self._shape == "cross":
            path.moveTo(QPointF(32 * s, 32 * s))
            path.lineTo(QPointF(68 * s, 68 * s))
            path.moveTo(QPointF(68 * s, 32 * s))
            path.lineTo(QPointF(32 * s, 68 * s))
        elif self._shape == "clock":
            painter.drawEllipse(QRectF(22 * s, 22 * s, 56 * s, 56 * s))
            path.moveTo(QPointF(50 * s, 34 * s))
            path.lineTo(QPointF(50 * s, 50 * s))
            path.lineTo(QPointF(62 * s, 58 * s))
        elif self._shape == "alert":
            path.moveTo(QPointF(50 * s, 26 * s))
            path.lineTo(QPointF(50 * s, 58 * s))
            path.moveTo(QPointF(50 * s, 74 * s))
            path.lineTo(QPointF(50 * s, 74.5 * s))
        else:  # info
            path.moveTo(QPointF(50 * s, 26 * s))
            path.lineTo(QPointF(50 * s, 26.5 * s))
            path.moveTo(QPointF(50 * s, 42 * s))
            path.lineTo(QPointF(50 * s, 74 * s))
        painter.drawPath(path)
        painter.end()


class Header(QWidget):
    """Office name and unit on the left, DEMO mark, date and clock on the right."""

    def __init__(
        self,
        office: str,
        unit: str,
        *,
        demo: bool,
        clock: Callable[[], dt.datetime] = vn_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._clock = clock
        names = QVBoxLayout()
        self.office_label = named(QLabel(office), "OfficeName")
        self.unit_label = named(QLabel(unit), "UnitName")
        names.addWidget(self.office_label)
        names.addWidget(self.unit_label)
        self.demo_label = named(QLabel(self.tr("DEMO — dữ liệu minh họa")), "DemoMark")
        self.demo_label.setVisible(demo)
        self.problem_label = named(QLabel(), "ConfigWarning")
        self.problem_label.setVisible(False)
        times = QVBoxLayout()
        self.clock_label = named(QLabel(), "Clock")
        self.date_label = named(QLabel(), "DateLabel")
        for label in (self.clock_label, self.date_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            times.addWidget(label)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.addLayout(names, 1)
        row.addWidget(self.problem_label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addSpacing(12)
        row.addWidget(self.demo_label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addSpacing(24)
        row.addLayout(times)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(1000)
        self.refresh()

    def show_config_problems(self, count: int) -> None:
        """Flag for staff that the config has `count` wrong keys (defaults used)."""
        self.problem_label.setText(self.tr("⚠ Cấu hình có %n lỗi", "", count))
        self.problem_label.setVisible(count > 0)

    @Slot()
    def refresh(self) -> None:
        """Show the current date and time."""
        now = self._clock()
        self.clock_label.setText(now.strftime("%H:%M"))
        weekday = QCoreApplication.translate("Header", str(_WEEKDAYS[now.weekday()]))
        self.date_label.setText(f"{weekday}, {now.strftime('%d/%m/%Y')}")


class CountdownBar(QWidget):
    """"Returns to the start in N s" and the "Xong" (done) button.

    Signals:
        done(): the citizen pressed the button.
    """

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = named(QLabel(), "Countdown")
        self.button = QPushButton(self.tr("Xong"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.done)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)

    @Slot(int)
    def set_seconds(self, seconds: int) -> None:
        """Show how long before the kiosk returns to its start screen."""
        self.label.setText(self.tr("Tự động quay về màn hình chính sau %n giây", "", seconds))
