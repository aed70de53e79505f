"""A number set with two large buttons: touch-friendly, no keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.ui.widgets import named


class Stepper(QWidget):
    """A number between two large "−" and "+" buttons.

    Signals:
        changed(int): the value after a press.
    """

    changed = Signal(int)

    def __init__(
        self, low: int, high: int, step: int, unit: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._low, self._high, self._step, self._unit = low, high, step, unit
        self._value = low
        self.minus = named(QPushButton("−"), "KeyButton")
        self.plus = named(QPushButton("+"), "KeyButton")
        self.label = named(QLabel(), "FieldValue")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(160)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.minus, self.label, self.plus):
            row.addWidget(widget)
        for button, sign in ((self.minus, -1), (self.plus, 1)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRepeat(True)  # holding "+" keeps counting
            button.clicked.connect(lambda _=False, s=sign: self._nudge(s))
        self.set_value(low)

    @property
    def value(self) -> int:
        """The value shown."""
        return self._value

    def set_value(self, value: int) -> None:
        """Show `value` (clamped to the bounds) without emitting `changed`."""
        self._value = max(self._low, min(self._high, value))
        self.label.setText(f"{self._value} {self._unit}")
        self.minus.setEnabled(self._value > self._low)
        self.plus.setEnabled(self._value < self._high)

    def _nudge(self, sign: int) -> None:
        before = self._value
        # Land on multiples of the step, so 33 + 5 shows 35.
        target = (self._value // self._step + (1 if sign > 0 else 0)) * self._step
        if sign < 0 and self._value % self._step == 0:
            target = self._value - self._step
        self.set_value(target)
        if self._value != before:
            self.changed.emit(self._value)
