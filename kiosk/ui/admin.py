"""The staff admin screen: the kiosk's state and a few settings, no keyboard needed.

The screen never talks to services: it reads an `AdminStatus` from an injected
callable and emits what staff asked for. The way in (`HoldCorner`, `PinScreen`)
lives in `kiosk.ui.pin_pad` and is re-exported here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import DisplaySettings
from kiosk.media.settings import MediaSettings
from kiosk.ui.entry import EntryScreen
from kiosk.ui.pin_pad import HoldCorner, PinScreen
from kiosk.ui.stepper import Stepper
from kiosk.ui.widgets import named

__all__ = ["AdminScreen", "AdminStatus", "HoldCorner", "PinScreen"]

TIMEOUT_KEY = "display.result_timeout_s"
VOLUME_KEY = "media.volume"
MUTED_KEY = "media.muted"


@dataclasses.dataclass(frozen=True)
class AdminStatus:
    """What the admin screen shows; read-only, built by the app on request.

    Attributes:
        version: the kiosk's version.
        backend_kind: "demo", "http" or "tracking_book".
        last_ok: whether the last back-office lookup worked; None before the first.
        counts: today's scans by outcome ("found", "not_found", "failed", "refused").
        problems: configuration problems, one line each (empty when none).
        log_folder: where the log files are.
        result_timeout_s: the result timeout in use.
        volume: the video volume in use, in percent.
        muted: whether video sound is off.
    """

    version: str
    backend_kind: str
    last_ok: bool | None
    counts: Mapping[str, int]
    problems: Sequence[str]
    log_folder: str
    result_timeout_s: int = 30
    volume: int = 60
    muted: bool = False


def _bounds(cls: type, name: str) -> tuple[int, int]:
    """The declared (min, max) of an integer setting: one source for the limits."""
    meta = {f.name: f.metadata for f in dataclasses.fields(cls)}[name]
    return int(meta["min"]), int(meta["max"])


class AdminScreen(QWidget):
    """State of the kiosk, result timeout, video volume, test lookup, leave or quit.

    Settings are emitted as dotted config keys shortly after the last press
    (and at once when the screen is left); the app saves them and answers with
    `report_saved`.

    Signals:
        closed(): staff left the admin screen (back to idle), or nobody touched it.
        quit_requested(): staff confirmed quitting the application.
        settings_changed(dict): dotted config key -> new value, e.g.
            {"display.result_timeout_s": 45, "media.volume": 40, "media.muted": True}.
        test_lookup(str): staff typed a dossier code to try the back office.
    """

    closed = Signal()
    quit_requested = Signal()
    settings_changed = Signal(dict)
    test_lookup = Signal(str)

    def __init__(
        self,
        status: Callable[[], AdminStatus],
        *,
        idle_timeout_s: int = 120,
        save_delay_ms: int = 800,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._status = status
        self._pending: dict[str, object] = {}
        self.title = named(QLabel(self.tr("Quản trị máy tra cứu")), "MessageTitle")

        self.version_value = self._value_label()
        self.backend_value = self._value_label()
        self.last_value = self._value_label()
        self.counts_value = self._value_label()
        self.problems_value = self._value_label()
        self.log_value = self._value_label()
        state = QGridLayout()
        rows = [
            (self.tr("Phiên bản"), self.version_value),
            (self.tr("Nguồn dữ liệu"), self.backend_value),
            (self.tr("Lần tra cứu gần nhất"), self.last_value),
            (self.tr("Hôm nay"), self.counts_value),
            (self.tr("Cấu hình"), self.problems_value),
            (self.tr("Thư mục nhật ký"), self.log_value),
        ]
        for index, (name, value) in enumerate(rows):
            state.addWidget(named(QLabel(name), "FieldName"), index, 0, Qt.AlignmentFlag.AlignTop)
            state.addWidget(value, index, 1)
        state.setColumnStretch(1, 1)

        low, high = _bounds(DisplaySettings, "result_timeout_s")
        self.timeout = Stepper(low, high, 5, self.tr("giây"))
        self.timeout.changed.connect(self._on_timeout)
        low, high = _bounds(MediaSettings, "volume")
        self.volume = Stepper(low, high, 10, "%")
        self.volume.changed.connect(self._on_volume)
        self.mute_button = named(QPushButton(), "Secondary")
        self.mute_button.setCheckable(True)
        self.mute_button.toggled.connect(self._on_mute)
        settings = QGridLayout()
        settings.addWidget(named(QLabel(self.tr("Thời gian hiện kết quả")), "FieldName"), 0, 0)
        settings.addWidget(self.timeout, 0, 1)
        settings.addWidget(named(QLabel(self.tr("Âm lượng video")), "FieldName"), 1, 0)
        settings.addWidget(self.volume, 1, 1)
        settings.addWidget(self.mute_button, 1, 2)
        settings.setColumnStretch(3, 1)
        self.saved_label = named(QLabel(), "Note")
        self.saved_label.setWordWrap(True)
        self.test_label = named(QLabel(), "Note")
        self.test_label.setWordWrap(True)

        self.test_button = named(QPushButton(self.tr("Thử tra cứu một mã")), "Secondary")
        self.close_button = QPushButton(self.tr("Đóng"))
        self.quit_button = named(QPushButton(), "Danger")
        for button in (self.mute_button, self.test_button, self.close_button, self.quit_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.test_button.clicked.connect(self._open_test)
        self.close_button.clicked.connect(self._close)
        self.quit_button.clicked.connect(self._on_quit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.close_button)

        main = QWidget()
        column = QVBoxLayout(main)
        column.setContentsMargins(48, 16, 48, 16)
        column.addWidget(self.title)
        column.addWidget(self._card(state))
        column.addWidget(self._card(settings))
        column.addWidget(self.saved_label)
        column.addWidget(self.test_label)
        column.addStretch(1)
        column.addLayout(buttons)
        self.entry = EntryScreen()
        self.entry.submitted.connect(self._on_test_code)
        self.entry.cancelled.connect(self._show_main)
        self.entry.activity.connect(self._poke)
        self.pages = QStackedWidget()
        self.pages.addWidget(main)
        self.pages.addWidget(self.entry)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self._save = self._timer(save_delay_ms, self.flush)
        self._idle = self._timer(idle_timeout_s * 1000, self._close)
        self._quit_armed = self._timer(5000, self._disarm_quit)
        self._tick = QTimer(self)
        self._tick.setInterval(2000)
        self._tick.timeout.connect(self.refresh)
        self.reset()

    def _timer(self, ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    @staticmethod
    def _value_label() -> QLabel:
        label = named(QLabel(), "FieldValue")
        label.setWordWrap(True)
        return label

    @staticmethod
    def _card(layout: QGridLayout) -> QWidget:
        card = named(QWidget(), "Card")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        card.setLayout(layout)
        return card

    def reset(self) -> None:
        """Show fresh state and the settings in use (call before showing the screen)."""
        status = self._status()
        self._pending.clear()
        self.timeout.set_value(status.result_timeout_s)
        self.volume.set_value(status.volume)
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(status.muted)
        self.mute_button.blockSignals(False)
        self._label_mute()
        self.saved_label.setText(
            self.tr("Thay đổi được lưu vào tệp cấu hình và có hiệu lực ngay.")
        )
        self.test_label.clear()
        self._disarm_quit()
        self.pages.setCurrentIndex(0)
        self._poke()
        self.refresh(status)

    @Slot()
    def refresh(self, status: AdminStatus | None = None) -> None:
        """Show the kiosk's state now."""
        status = status or self._status()
        self.version_value.setText(status.version)
        kinds = {
            "demo": self.tr("Dữ liệu minh họa (demo)"),
            "http": self.tr("Hệ thống nghiệp vụ qua mạng (http)"),
            "tracking_book": self.tr("Sổ theo dõi hồ sơ (tracking_book)"),
        }
        self.backend_value.setText(kinds.get(status.backend_kind, status.backend_kind))
        if status.last_ok is None:
            self.last_value.setText(self.tr("— Chưa có lần tra cứu nào từ khi khởi động"))
        elif status.last_ok:
            self.last_value.setText(self.tr("✓ Thành công"))
        else:
            self.last_value.setText(self.tr("✗ Lỗi: không tra cứu được"))
        counts = status.counts
        self.counts_value.setText(
            self.tr("Tìm thấy %1 · Không tìm thấy %2 · Lỗi %3 · Mã không hợp lệ %4")
            .replace("%1", str(counts.get("found", 0)))
            .replace("%2", str(counts.get("not_found", 0)))
            .replace("%3", str(counts.get("failed", 0)))
            .replace("%4", str(counts.get("refused", 0)))
        )
        if status.problems:
            heading = self.tr("⚠ %n lỗi (đang dùng giá trị mặc định):", "", len(status.problems))
            self.problems_value.setText("\n".join([heading, *status.problems]))
        else:
            self.problems_value.setText(self.tr("✓ Không có lỗi"))
        self.log_value.setText(status.log_folder)

    @Slot()
    def flush(self) -> None:
        """Emit the settings changed so far, if any."""
        self._save.stop()
        if self._pending:
            values, self._pending = self._pending, {}
            self.settings_changed.emit(values)

    @Slot(bool, str)
    def report_saved(self, ok: bool, detail: str = "") -> None:
        """Tell staff whether the last settings were saved (`detail` says why not)."""
        if ok:
            self.saved_label.setText(self.tr("✓ Đã lưu."))
        else:
            self.saved_label.setText(self.tr("✗ Chưa lưu được: %1").replace("%1", detail))

    @Slot(str)
    def show_test_result(self, text: str) -> None:
        """Show the outcome of a test lookup in one line."""
        self.test_label.setText(text)
        self.refresh()

    def _change(self, key: str, value: object) -> None:
        self._poke()
        self._pending[key] = value
        self.saved_label.setText(self.tr("Đang lưu…"))
        self._save.start()

    @Slot(int)
    def _on_timeout(self, seconds: int) -> None:
        self._change(TIMEOUT_KEY, seconds)

    @Slot(int)
    def _on_volume(self, percent: int) -> None:
        self._change(VOLUME_KEY, percent)

    @Slot(bool)
    def _on_mute(self, muted: bool) -> None:
        self._label_mute()
        self._change(MUTED_KEY, muted)

    def _label_mute(self) -> None:
        muted = self.mute_button.isChecked()
        self.mute_button.setText(self.tr("🔇 Đang tắt tiếng") if muted else self.tr("🔊 Tắt tiếng"))

    @Slot()
    def _open_test(self) -> None:
        self._poke()
        self.entry.reset()
        self.pages.setCurrentWidget(self.entry)

    @Slot(str)
    def _on_test_code(self, code: str) -> None:
        self._show_main()
        self.test_label.setText(self.tr("Đang tra cứu thử mã %1…").replace("%1", code))
        self.test_lookup.emit(code)

    @Slot()
    def _show_main(self) -> None:
        self._poke()
        self.pages.setCurrentIndex(0)

    @Slot()
    def _close(self) -> None:
        self.flush()
        self._idle.stop()
        self._tick.stop()
        self.closed.emit()

    @Slot()
    def _on_quit(self) -> None:
        self._poke()
        if self._quit_armed.isActive():
            self._quit_armed.stop()
            self.flush()
            self.quit_requested.emit()
            return
        # Two presses: one stray touch must not leave the counter with a dark screen.
        self.quit_button.setText(self.tr("Chạm lần nữa để thoát"))
        self._quit_armed.start()

    @Slot()
    def _disarm_quit(self) -> None:
        self._quit_armed.stop()
        self.quit_button.setText(self.tr("Thoát ứng dụng"))

    @Slot()
    def _poke(self) -> None:
        if self.isVisible():
            self._idle.start()

    def showEvent(self, event: QShowEvent) -> None:
        self._idle.start()
        self._tick.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        self._idle.stop()
        self._tick.stop()
        super().hideEvent(event)
