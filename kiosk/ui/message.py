"""The looking-up screen and the message screen (not found, errors)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.controller import Notice
from kiosk.ui import texts, theme
from kiosk.ui.widgets import CountdownBar, StatusIcon, named

_NOTICE_ICONS = {
    Notice.NOT_FOUND: ("info", theme.BLUE),
    Notice.INFO_QR: ("info", theme.BLUE),
    Notice.NOT_A_CODE: ("alert", theme.AMBER),
    Notice.TYPING_TOOL: ("alert", theme.AMBER),
    Notice.UNREACHABLE: ("alert", theme.AMBER),
    Notice.SLOW: ("clock", theme.AMBER),
    Notice.BAD_ANSWER: ("alert", theme.AMBER),
}


def _centred(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class LookingUpScreen(QWidget):
    """"Looking up dossier N…" with moving dots while the back office answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _centred("MessageTitle")
        self.code = _centred("MessageBody")
        self._dots = 0
        self._timer = QTimer(self)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self._animate)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.code)
        layout.addStretch(1)

    def show_code(self, code: str) -> None:
        """Start showing the code being looked up."""
        self.code.setText(self.tr("Mã hồ sơ: %1").replace("%1", code))
        self._dots = 0
        self._animate()
        self._timer.start()

    def stop(self) -> None:
        """Stop the animation when the screen is left."""
        self._timer.stop()

    @Slot()
    def _animate(self) -> None:
        self._dots = self._dots % 3 + 1
        self.title.setText(self.tr("Đang tra cứu hồ sơ") + "." * self._dots)


class MessageScreen(QWidget):
    """A calm message for the citizen, with the way back to the start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice: Notice | None = None
        self.icon = StatusIcon()
        self.title = _centred("MessageTitle")
        self.body = _centred("MessageBody")
        self.countdown = CountdownBar()
        card = named(QWidget(), "Card")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(card)
        column.setContentsMargins(48, 40, 48, 40)
        column.setSpacing(24)
        icon_row = QHBoxLayout()
        icon_row.addStretch(1)
        icon_row.addWidget(self.icon)
        icon_row.addStretch(1)
        column.addLayout(icon_row)
        column.addWidget(self.title)
        column.addWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 40, 120, 24)
        layout.addStretch(1)
        layout.addWidget(card)
        layout.addStretch(1)
        layout.addWidget(self.countdown)
        self._unit = 10.0

    def set_unit(self, unit: float) -> None:
        """Size the painted icon to the current text scale."""
        self._unit = unit

    def show_notice(self, notice: Notice, code: str) -> None:
        """Fill the screen for `notice`."""
        self.notice = notice
        title, body = texts.notice_texts(notice, code)
        shape, colour = _NOTICE_ICONS[notice]
        self.icon.set_icon(shape, colour, round(self._unit * 12))
        self.title.setText(title)
        self.body.setText(body)
