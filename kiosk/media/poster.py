"""What the video area shows when it is not video: an image slide or a calm text card."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

BACKGROUND = QColor("#12324a")
TEXT = QColor("#f2f5f7")


class PosterView(QWidget):
    """Paints one image scaled to fit (letterboxed), or a title and body text.

    Mouse presses are not handled here, so they reach the idle screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        """Start with an empty card."""
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._pixmap: QPixmap | None = None
        self._title = ""
        self._body = ""
        self.shown_image = ""

    def show_image(self, path: str) -> bool:
        """Show the image at `path`; False (and nothing changes) when it cannot be read."""
        pixmap = QPixmap(path)
        if pixmap.isNull():
            return False
        self._pixmap, self.shown_image = pixmap, path
        self._title = self._body = ""
        self.update()
        return True

    def show_pixmap(self, pixmap: QPixmap) -> None:
        """Show `pixmap` (a still of the video surface) until something else is shown."""
        self._pixmap, self.shown_image = pixmap, ""
        self._title = self._body = ""
        self.update()

    def clear(self) -> None:
        """Show only the background (and let go of a still that is no longer needed)."""
        self.show_card("")

    def show_card(self, title: str, body: str = "") -> None:
        """Show a text card."""
        self._pixmap, self.shown_image = None, ""
        self._title, self._body = title, body
        self.update()

    @property
    def card_text(self) -> str:
        """The text on the card (empty while an image shows)."""
        return f"{self._title}\n{self._body}".strip()

    def sizeHint(self) -> QSize:
        """A 16:9 area."""
        return QSize(640, 360)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Letterboxed image, or the card's text centred."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        if self._pixmap is not None and self._pixmap.size() == self.size():
            painter.drawPixmap(0, 0, self._pixmap)  # a still of the surface: as it was
            return
        if self._pixmap is not None:
            scaled = self._pixmap.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            painter.drawPixmap(
                (self.width() - scaled.width()) // 2, (self.height() - scaled.height()) // 2, scaled
            )
            return
        painter.setPen(TEXT)
        font = QFont(self.font())
        font.setPixelSize(max(18, self.height() // 12))
        font.setBold(True)
        painter.setFont(font)
        top = self.rect().adjusted(24, 0, -24, -self.height() // 2)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(top, flags | Qt.AlignmentFlag.AlignBottom, self._title)
        font.setPixelSize(max(14, self.height() // 20))
        font.setBold(False)
        painter.setFont(font)
        bottom = self.rect().adjusted(24, self.height() // 2 + 16, -24, -16)
        painter.drawText(bottom, flags | Qt.AlignmentFlag.AlignTop, self._body)
