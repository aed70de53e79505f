"""The result screen: where the dossier stands and what to do next."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Slot
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk import vietqr
from kiosk.config import PaymentSettings
from kiosk.dossier import Dossier, Status, Step, Timeliness, standing
from kiosk.ui import texts, theme
from kiosk.ui.qr import QrCode
from kiosk.ui.widgets import CountdownBar, StatusIcon, named, vn_now

#: Steps shown at most; older ones are summarised in one line.
MAX_STEPS = 6


def _label(name: str, text: str = "", *, wrap: bool = True) -> QLabel:
    label = named(QLabel(text), name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)  # back-office text is never markup
    return label


def _card() -> QWidget:
    card = named(QWidget(), "Card")
    card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    return card


class ToneCard(QWidget):
    """A rounded card painted in a status tone.

    Painted directly rather than through a per-dossier style sheet: parsing a
    new style sheet on every scan cost more than the rest of the screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = QColor(theme.CARD)
        self.radius = 12.0

    def set_colour(self, colour: str) -> None:
        """Repaint in `colour` (e.g. a status's pale tone)."""
        self.colour = QColor(colour)
        self.update()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(QRectF(self.rect()), self.radius, self.radius)
        painter.end()


def _set_tone(label: QLabel, tone: str) -> None:
    """Colour `label` through its `tone` property (rules in theme.stylesheet)."""
    if label.property("tone") != tone:
        label.setProperty("tone", tone)
        style = label.style()
        style.unpolish(label)
        style.polish(label)


class _StepRow(QWidget):
    """One processing step: name (with a tick when done), unit and date."""

    def __init__(self) -> None:
        super().__init__()
        self.name = _label("StepName")
        self.meta = _label("StepMeta")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.name)
        column.addWidget(self.meta)

    def show_step(self, step: Step) -> None:
        mark = "✓" if step.finished else "•"
        self.name.setText(f"{mark} {step.name}")
        when = step.finished or step.started
        meta = " · ".join(x for x in (step.unit, texts.date_time_text(when) if when else "") if x)
        self.meta.setText(meta)
        self.meta.setVisible(bool(meta))


class ResultScreen(QWidget):
    """Shows one dossier. Fill it with `show_dossier()`."""

    def __init__(
        self,
        default_counter: str,
        *,
        payment: PaymentSettings | None = None,
        clock: Callable[[], dt.datetime] = vn_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._default_counter = default_counter
        self._clock = clock
        self._unit = 10.0
        self._icon_colour = theme.BLUE

        # Status band: icon, status words, timeliness.
        self.band = ToneCard()
        self.icon = StatusIcon()
        self.status_label = _label("StatusText")
        self.timeliness_label = _label("Timeliness")
        band_text = QVBoxLayout()
        band_text.addWidget(self.status_label)
        band_text.addWidget(self.timeliness_label)
        band_row = QHBoxLayout(self.band)
        band_row.setContentsMargins(24, 16, 24, 16)
        band_row.setSpacing(24)
        band_row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        band_row.addLayout(band_text, 1)

        # Facts card.
        facts = _card()
        self.procedure_label = _label("Procedure")
        self.code_value = _label("FieldValue")
        self.applicant_value = _label("FieldValue")
        self.received_value = _label("FieldValue")
        self.appointment_value = _label("FieldValue")
        self.finished_name = _label("FieldName", self.tr("Ngày có kết quả"))
        self.finished_value = _label("FieldValue")
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        rows = [
            (self.tr("Mã hồ sơ"), self.code_value),
            (self.tr("Người nộp"), self.applicant_value),
            (self.tr("Ngày tiếp nhận"), self.received_value),
            (self.tr("Ngày hẹn trả"), self.appointment_value),
        ]
        for row, (name, value) in enumerate(rows):
            grid.addWidget(_label("FieldName", name), row, 0)
            grid.addWidget(value, row, 1)
        grid.addWidget(self.finished_name, len(rows), 0)
        grid.addWidget(self.finished_value, len(rows), 1)
        grid.setColumnStretch(1, 1)
        facts_column = QVBoxLayout(facts)
        facts_column.setContentsMargins(24, 20, 24, 20)
        facts_column.addWidget(self.procedure_label)
        facts_column.addSpacing(12)
        facts_column.addLayout(grid)
        facts_column.addStretch(1)

        # Steps card.
        steps_card = _card()
        self.steps_title = _label("FieldName", self.tr("Các bước xử lý"))
        self.steps_box = QVBoxLayout()
        self.steps_box.setSpacing(10)
        # Built once and refilled: creating widgets on every scan is slow.
        self.steps_more = _label("StepMeta")
        self.steps_box.addWidget(self.steps_more)
        self.step_rows = [_StepRow() for _ in range(MAX_STEPS)]
        for step_row in self.step_rows:
            self.steps_box.addWidget(step_row)
        # When a long history does not fit, the oldest steps give way (scrolled to the
        # end, never to the point of pushing the "Xong" button off the screen).
        steps_inner = QWidget()
        inner_column = QVBoxLayout(steps_inner)
        inner_column.setContentsMargins(0, 0, 0, 0)
        inner_column.addLayout(self.steps_box)
        inner_column.addStretch(1)
        self.steps_scroll = QScrollArea()
        self.steps_scroll.setWidget(steps_inner)
        self.steps_scroll.setWidgetResizable(True)
        self.steps_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.steps_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps_scroll.verticalScrollBar().rangeChanged.connect(self._show_latest_steps)
        steps_column = QVBoxLayout(steps_card)
        steps_column.setContentsMargins(24, 20, 24, 20)
        steps_column.addWidget(self.steps_title)
        steps_column.addWidget(self.steps_scroll, 1)

        # Next action and footer.
        self.action_card = ToneCard()
        self.next_label = _label("NextAction")
        self.note_label = _label("Note")
        self._payment = payment if payment is not None and payment.enabled else None
        # The payment code sits beside the text, so the card grows by its height only.
        self.pay_qr = QrCode()
        self.pay_label = _label("PayText")
        self.pay_qr.hide()
        self.pay_label.hide()
        action_text = QVBoxLayout()
        action_text.addWidget(self.next_label)
        action_text.addWidget(self.note_label)
        action_text.addWidget(self.pay_label)
        action_text.addStretch(1)
        action_row = QHBoxLayout(self.action_card)
        action_row.setContentsMargins(24, 16, 24, 16)
        action_row.setSpacing(24)
        action_row.addLayout(action_text, 1)
        action_row.addWidget(self.pay_qr, 0, Qt.AlignmentFlag.AlignVCenter)
        self.updated_label = _label("Updated")
        self.countdown = CountdownBar()

        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(facts, 3)
        middle.addWidget(steps_card, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(self.band)
        layout.addLayout(middle, 1)
        layout.addWidget(self.action_card)
        layout.addWidget(self.updated_label)
        layout.addWidget(self.countdown)

    def set_unit(self, unit: float) -> None:
        """Size the painted icon to the current text scale."""
        self._unit = unit
        self.pay_qr.set_side(round(unit * 17))  # about 5 cm on a 21" screen: phones read it
        self.icon.set_icon(self.icon.shape, self._icon_colour, round(unit * 9))

    def show_dossier(self, dossier: Dossier) -> None:
        """Fill every field from `dossier`."""
        now = self._clock()
        where = standing(dossier, now)
        tone = theme.TONES[dossier.status]
        self._icon_colour = tone.colour
        self.icon.set_icon(tone.icon, tone.colour, round(self._unit * 9))
        self.band.set_colour(tone.pale)
        _set_tone(self.status_label, tone.name)
        self.status_label.setText(texts.status_name(dossier.status))
        self.timeliness_label.setText(texts.timeliness_text(where))
        late = where.timeliness in (Timeliness.OVERDUE, Timeliness.LATE)
        _set_tone(self.timeliness_label, "late" if late else "plain")
        self.timeliness_label.setVisible(bool(self.timeliness_label.text()))

        self.procedure_label.setText(dossier.procedure or self.tr("(chưa có tên thủ tục)"))
        self.code_value.setText(dossier.code)
        self.applicant_value.setText(dossier.applicant or "—")
        self.received_value.setText(texts.date_time_text(dossier.received))
        self.appointment_value.setText(texts.date_time_text(dossier.appointment))
        finished = dossier.completed or dossier.returned
        self.finished_name.setVisible(finished is not None)
        self.finished_value.setVisible(finished is not None)
        self.finished_value.setText(texts.date_time_text(finished))

        self._fill_steps(dossier.steps)
        self.next_label.setText(texts.next_action(dossier, where, self._default_counter))
        self.note_label.setText(dossier.note)
        self.note_label.setVisible(bool(dossier.note))
        self.action_card.set_colour(tone.pale)
        self._show_payment(dossier)
        self.updated_label.setText(texts.updated_text(dossier, now))
        _set_tone(self.updated_label, "late" if dossier.offline else "plain")
        self.updated_label.setVisible(bool(self.updated_label.text()))

    def _show_payment(self, dossier: Dossier) -> None:
        """A VietQR code for the fee, when the office takes payment by transfer."""
        payment = self._payment
        if payment is None or dossier.status is not Status.NEEDS_PAYMENT or not dossier.fee:
            self.pay_qr.hide()
            self.pay_label.hide()
            return
        try:
            text = vietqr.payload(
                payment.bank_bin, payment.account, amount=dossier.fee, purpose=dossier.code
            )
        except vietqr.VietQRError:
            self.pay_qr.hide()  # checked at start-up; never show a code that cannot pay
            self.pay_label.hide()
            return
        self.pay_qr.set_text(text)
        self.pay_label.setText(
            self.tr("Hoặc quét mã VietQR bên cạnh bằng ứng dụng ngân hàng để nộp %1 cho %2.")
            .replace("%1", texts.money_text(dossier.fee))
            .replace("%2", payment.account_name or payment.account)
        )
        self.pay_qr.show()
        self.pay_label.show()

    def _fill_steps(self, steps: tuple[Step, ...]) -> None:
        shown = steps[-MAX_STEPS:]
        hidden = len(steps) - len(shown)
        if not steps:
            self.steps_more.setText(self.tr("Chưa có thông tin các bước."))
        elif hidden:
            self.steps_more.setText(self.tr("… và %n bước trước đó", "", hidden))
        self.steps_more.setVisible(not steps or hidden > 0)
        for index, row in enumerate(self.step_rows):
            if index < len(shown):
                row.show_step(shown[index])
            row.setVisible(index < len(shown))

    @Slot(int, int)
    def _show_latest_steps(self, low: int, high: int) -> None:
        self.steps_scroll.verticalScrollBar().setValue(high)

    def step_texts(self) -> list[str]:
        """The step lines shown now (for tests and diagnostics)."""
        lines = [self.steps_more.text()] if not self.steps_more.isHidden() else []
        for row in self.step_rows:
            if not row.isHidden():
                lines.append(row.name.text())
                if not row.meta.isHidden():
                    lines.append(row.meta.text())
        return lines
