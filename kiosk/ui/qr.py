"""A QR code painted by Qt from the `qrcode` package's module matrix (no image library)."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Light modules around the code that readers need to find it.
QUIET_ZONE = 4


class QrCode(QWidget):
    """Draws `text` as a QR code, square, as large as the widget allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self.text = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_text(self, text: str) -> None:
        """Encode `text` (error correction M: a scratched screen still reads)."""
        self.text = text
        code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
        code.add_data(text)
        code.make(fit=True)
        self._matrix = code.get_matrix()
        self.update()

    def set_side(self, pixels: int) -> None:
        """Make the code `pixels` wide and high."""
        self.setFixedSize(QSize(pixels, pixels))

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        count = len(self._matrix)
        if count:
            side = min(self.width(), self.height())
            module = side / (count + 2 * QUIET_ZONE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("black"))
            for y, row in enumerate(self._matrix):
                for x, dark in enumerate(row):
                    if dark:
                        painter.drawRect(
                            QRectF((x + QUIET_ZONE) * module, (y + QUIET_ZONE) * module,
                                   module + 0.5, module + 0.5)
                        )  # fmt: skip
        painter.end()
