"""The admin screen: a long press on the header corner, a PIN, then state and settings.

Real widgets on the offscreen platform; assertions read what staff see.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.pin import PinGuard, hash_pin
from kiosk.ui.admin import AdminScreen, AdminStatus, HoldCorner, PinScreen
from kiosk.ui.admin_panel import AdminPanel
from kiosk.ui.widgets import Header

PIN = "4826"
STORED = hash_pin(PIN)


class Clock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def status(**changes: object) -> AdminStatus:
    base: dict[str, object] = {
        "version": "0.1.0",
        "backend_kind": "http",
        "last_ok": True,
        "counts": {"found": 12, "not_found": 3, "failed": 1, "refused": 2},
        "problems": [],
        "log_folder": "/var/log/kiosk",
    }
    base.update(changes)
    return AdminStatus(**base)  # type: ignore[arg-type]


class Counter:
    """A window as the app will build it: header with the corner, idle or admin below."""

    def __init__(self, qtbot: QtBot, *, pin_hash: str = STORED, hold_ms: int = 300) -> None:
        self.window = QWidget()
        self.header = Header("UBND xã Minh An", "Bộ phận một cửa", demo=False)
        self.corner = HoldCorner(self.header, hold_ms=hold_ms)
        self.idle = QLabel("idle")
        self.clock = Clock()
        self.panel = AdminPanel(pin_hash, status, guard=PinGuard(self.clock))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.idle)
        self.stack.addWidget(self.panel)
        layout = QVBoxLayout(self.window)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.corner.held.connect(self.open_admin)
        self.panel.closed.connect(lambda: self.stack.setCurrentWidget(self.idle))
        qtbot.addWidget(self.window)
        self.window.resize(1280, 720)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.qtbot = qtbot

    def open_admin(self) -> None:
        self.panel.open()
        self.stack.setCurrentWidget(self.panel)

    def hold(self) -> None:
        with self.qtbot.waitSignal(self.corner.held, timeout=3000):
            self.qtbot.mousePress(self.corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        self.qtbot.mouseRelease(self.corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))

    def type_pin(self, pin: str) -> None:
        for digit in pin:
            self.qtbot.mouseClick(self.panel.pin.keys[digit], Qt.MouseButton.LeftButton)
        self.qtbot.mouseClick(self.panel.pin.keys["OK"], Qt.MouseButton.LeftButton)

    def visible_texts(self) -> list[str]:
        return [
            w.text()
            for w in self.window.findChildren(QWidget)
            if isinstance(w, QLabel | QPushButton) and w.isVisible()
        ]


@pytest.fixture
def counter(qtbot: QtBot) -> Iterator[Counter]:
    yield Counter(qtbot)


def test_the_corner_sits_over_the_top_left_of_the_header(counter: Counter) -> None:
    assert counter.corner.geometry().topLeft() == QPoint(0, 0)
    assert counter.corner.width() == counter.header.height()
    assert counter.corner.findChild(QWidget) is None  # an empty square: nothing to see


def test_a_short_tap_on_the_corner_does_not_open_admin(counter: Counter, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(counter.corner.held, wait=700):
        qtbot.mouseClick(counter.corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert counter.stack.currentWidget() is counter.idle


def test_sliding_off_the_corner_does_not_open_admin(counter: Counter, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(counter.corner.held, wait=700):
        qtbot.mousePress(counter.corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        away = QPointF(counter.corner.width() + 50, 10)
        move = QMouseEvent(
            QEvent.Type.MouseMove, away, counter.corner.mapToGlobal(away),
            Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(counter.corner, move)
    assert counter.stack.currentWidget() is counter.idle


def test_holding_the_corner_opens_the_pin_pad_not_the_admin_screen(counter: Counter) -> None:
    counter.hold()
    assert counter.panel.currentWidget() is counter.panel.pin
    texts = counter.visible_texts()
    assert "Nhập mã PIN quản trị" in texts
    assert "Hủy" in texts
    assert not any("Thoát" in t for t in texts)  # no way to quit before the PIN


def test_digits_are_masked(counter: Counter, qtbot: QtBot) -> None:
    counter.hold()
    for digit in "482":
        qtbot.mouseClick(counter.panel.pin.keys[digit], Qt.MouseButton.LeftButton)
    assert counter.panel.pin.dots.text() == "● ● ●"
    pin = counter.panel.pin
    assert not any(ch.isdigit() for ch in pin.dots.text() + pin.message.text())
    qtbot.mouseClick(counter.panel.pin.keys["⌫"], Qt.MouseButton.LeftButton)
    assert counter.panel.pin.dots.text() == "● ●"


def test_wrong_pin_says_so_and_five_lock_the_pad(counter: Counter) -> None:
    counter.hold()
    pin = counter.panel.pin
    counter.type_pin("1111")
    assert pin.message.text() == "✗ Mã PIN không đúng. Còn 4 lần thử."
    assert pin.dots.text().strip() == ""
    for _ in range(4):
        counter.type_pin("1111")
    assert pin.message.text() == "⚠ Nhập sai quá nhiều lần. Thử lại sau 5 phút."
    assert not pin.keys["OK"].isEnabled() and not pin.keys["4"].isEnabled()
    # Cancelling and coming back does not lift the lock.
    counter.qtbot.mouseClick(pin.cancel_button, Qt.MouseButton.LeftButton)
    assert counter.stack.currentWidget() is counter.idle
    counter.hold()
    assert "Thử lại sau 5 phút" in pin.message.text()
    counter.clock.now += 250
    counter.qtbot.waitUntil(lambda: pin.message.text().endswith("sau 50 giây."), timeout=3000)
    counter.clock.now += 50
    counter.qtbot.waitUntil(lambda: pin.keys["OK"].isEnabled(), timeout=3000)
    assert pin.message.text() == ""
    counter.type_pin(PIN)
    assert counter.panel.unlocked


def test_too_short_pin_is_explained(counter: Counter) -> None:
    counter.hold()
    counter.type_pin("48")
    assert counter.panel.pin.message.text() == "Mã PIN có từ 4 đến 8 chữ số."
    assert not counter.panel.unlocked


def test_right_pin_shows_the_admin_screen_and_quit_needs_two_taps(counter: Counter) -> None:
    counter.hold()
    counter.type_pin(PIN)
    admin = counter.panel.admin
    assert counter.panel.currentWidget() is admin and admin.isVisible()
    assert admin.version_value.text() == "0.1.0"
    assert admin.counts_value.text() == (
        "Tìm thấy 12 · Không tìm thấy 3 · Lỗi 1 · Mã không hợp lệ 2"
    )
    assert admin.last_value.text() == "✓ Thành công"
    assert admin.problems_value.text() == "✓ Không có lỗi"
    assert admin.log_value.text() == "/var/log/kiosk"
    assert admin.quit_button.text() == "Thoát ứng dụng"
    with counter.qtbot.assertNotEmitted(counter.panel.quit_requested):
        counter.qtbot.mouseClick(admin.quit_button, Qt.MouseButton.LeftButton)
    assert admin.quit_button.text() == "Chạm lần nữa để thoát"
    with counter.qtbot.waitSignal(counter.panel.quit_requested, timeout=1000):
        counter.qtbot.mouseClick(admin.quit_button, Qt.MouseButton.LeftButton)


def test_leaving_admin_goes_to_idle_and_locks_again(counter: Counter) -> None:
    counter.hold()
    counter.type_pin(PIN)
    with counter.qtbot.waitSignal(counter.panel.closed, timeout=1000):
        counter.qtbot.mouseClick(counter.panel.admin.close_button, Qt.MouseButton.LeftButton)
    assert counter.stack.currentWidget() is counter.idle
    counter.hold()
    assert counter.panel.currentWidget() is counter.panel.pin
    assert counter.panel.pin.dots.text().strip() == ""


def test_no_pin_set_explains_how_to_set_one(qtbot: QtBot) -> None:
    counter = Counter(qtbot, pin_hash="")
    counter.hold()
    assert "kiosk set-pin" in counter.panel.pin.message.text()
    assert not any(key.isEnabled() for key in counter.panel.pin.keys.values())


def test_state_with_problems_and_a_failed_lookup(qtbot: QtBot) -> None:
    screen = AdminScreen(
        lambda: status(
            backend_kind="demo",
            last_ok=False,
            problems=["line 31: display.result_timeout_s: must be at least 5, not 2"],
        )
    )
    qtbot.addWidget(screen)
    assert screen.backend_value.text() == "Dữ liệu minh họa (demo)"
    assert screen.last_value.text() == "✗ Lỗi: không tra cứu được"
    assert screen.problems_value.text() == (
        "⚠ 1 lỗi (đang dùng giá trị mặc định):\n"
        "line 31: display.result_timeout_s: must be at least 5, not 2"
    )


@pytest.fixture
def admin(qtbot: QtBot) -> AdminScreen:
    screen = AdminScreen(lambda: status(result_timeout_s=30, volume=60), save_delay_ms=100)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_changing_the_timeout_emits_the_new_value(admin: AdminScreen, qtbot: QtBot) -> None:
    assert admin.timeout.label.text() == "30 giây"
    with qtbot.waitSignal(admin.settings_changed, timeout=2000) as emitted:
        qtbot.mouseClick(admin.timeout.plus, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(admin.timeout.plus, Qt.MouseButton.LeftButton)
    assert emitted.args == [{"display.result_timeout_s": 40}]
    assert admin.timeout.label.text() == "40 giây"
    admin.report_saved(True)
    assert admin.saved_label.text() == "✓ Đã lưu."
    admin.report_saved(False, "display.result_timeout_s: must be at most 600")
    assert admin.saved_label.text().startswith("✗ Chưa lưu được: display.result_timeout_s")


def test_volume_and_mute_are_sent_together(admin: AdminScreen, qtbot: QtBot) -> None:
    with qtbot.waitSignal(admin.settings_changed, timeout=2000) as emitted:
        qtbot.mouseClick(admin.volume.minus, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(admin.volume.minus, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(admin.mute_button, Qt.MouseButton.LeftButton)
    assert emitted.args == [{"media.volume": 40, "media.muted": True}]
    assert admin.mute_button.text() == "🔇 Đang tắt tiếng"


def test_timeout_stops_at_its_declared_bounds(admin: AdminScreen, qtbot: QtBot) -> None:
    admin.timeout.set_value(10)
    qtbot.mouseClick(admin.timeout.minus, Qt.MouseButton.LeftButton)
    assert admin.timeout.value == 5
    assert not admin.timeout.minus.isEnabled()


def test_leaving_sends_pending_changes_at_once(admin: AdminScreen, qtbot: QtBot) -> None:
    qtbot.mouseClick(admin.volume.plus, Qt.MouseButton.LeftButton)
    with qtbot.waitSignals([admin.settings_changed, admin.closed], timeout=50, order="strict"):
        qtbot.mouseClick(admin.close_button, Qt.MouseButton.LeftButton)


def test_test_lookup_emits_the_typed_code(admin: AdminScreen, qtbot: QtBot) -> None:
    qtbot.mouseClick(admin.test_button, Qt.MouseButton.LeftButton)
    assert admin.pages.currentWidget() is admin.entry
    admin.entry.field.setText("000.00.53.H48-261201-0001")
    with qtbot.waitSignal(admin.test_lookup, timeout=1000) as emitted:
        qtbot.mouseClick(admin.entry.search_button, Qt.MouseButton.LeftButton)
    assert emitted.args == ["000.00.53.H48-261201-0001"]
    assert admin.pages.currentIndex() == 0
    assert admin.test_label.text() == "Đang tra cứu thử mã 000.00.53.H48-261201-0001…"
    admin.show_test_result("✓ Tìm thấy: Đang xử lý")
    assert admin.test_label.text() == "✓ Tìm thấy: Đang xử lý"


def test_unattended_screens_close_by_themselves(qtbot: QtBot) -> None:
    screen = AdminScreen(status, idle_timeout_s=1)
    pin = PinScreen(STORED, idle_timeout_s=1)
    for widget in (screen, pin):
        qtbot.addWidget(widget)
        widget.show()
    with qtbot.waitSignals([screen.closed, pin.cancelled], timeout=3000):
        pass
