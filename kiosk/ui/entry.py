"""Manual code entry: an on-screen keyboard for citizens without a QR code."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.widgets import named

_ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL.", "ZXCVBNM-")
BACKSPACE = "⌫"


class EntryScreen(QWidget):
    """A line for the dossier code, a touch keyboard and the search button.

    Signals:
        submitted(str): the citizen asked to look the typed code up.
        cancelled(): the citizen went back.
        activity(): a key was touched (keeps the screen from timing out).
    """

    submitted = Signal(str)
    cancelled = Signal()
    activity = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = named(QLabel(self.tr("Nhập mã hồ sơ in trên giấy hẹn")), "MessageTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.example = named(QLabel(self.tr("Ví dụ: 000.00.53.H48-220921-0099")), "PromptSub")
        self.example.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field = named(QLineEdit(), "CodeEntry")
        self.field.setMaxLength(64)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # No input method: a Vietnamese IME would turn "dd" into "đ" in a code.
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.textEdited.connect(self._on_edited)
        self.field.returnPressed.connect(self._submit)

        keys = QGridLayout()
        keys.setSpacing(8)
        for row, chars in enumerate(_ROWS):
            for column, char in enumerate(chars):
                keys.addWidget(self._key(char), row, column)
        keys.addWidget(self._key(BACKSPACE), len(_ROWS) - 1, len(_ROWS[-1]), 1, 2)

        self.search_button = QPushButton(self.tr("Tra cứu"))
        self.back_button = named(QPushButton(self.tr("Quay lại")), "Secondary")
        for button in (self.search_button, self.back_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.search_button.clicked.connect(self._submit)
        self.back_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.search_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 24, 120, 24)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.example)
        layout.addWidget(self.field)
        layout.addLayout(keys)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _key(self, char: str) -> QPushButton:
        button = named(QPushButton(char), "KeyButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self._press(char))
        return button

    def reset(self) -> None:
        """Empty the field and give it the keyboard focus."""
        self.field.clear()
        self.field.setFocus()

    def _press(self, char: str) -> None:
        if char == BACKSPACE:
            self.field.backspace()
        else:
            self.field.insert(char)
        self.activity.emit()

    @Slot(str)
    def _on_edited(self, text: str) -> None:
        upper = text.upper()
        if upper != text:
            position = self.field.cursorPosition()
            self.field.setText(upper)
            self.field.setCursorPosition(position)
        self.activity.emit()

    @Slot()
    def _submit(self) -> None:
        code = self.field.text().strip()
        if code:
            self.submitted.emit(code)
