"""The whole window with the real controller, lookup thread and demo backend.

Scans are delivered as a scanner would: a fast burst of key presses ended by
Enter, sent to the window (whatever has focus). Assertions read what the
citizen sees on the screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.demo import DemoBackend
from kiosk.backends.http import HttpBackend
from kiosk.backends.http_settings import HttpSettings
from kiosk.config import Config
from kiosk.controller import Controller, Mode, Notice
from kiosk.dossier import VN_TZ, Dossier, Status, Timeliness, standing
from kiosk.lookup import LookupService
from kiosk.scan import DossierQuery
from kiosk.ui.main_window import MainWindow
from kiosk.ui.scanner_input import ScannerInput
from tests.backends.server import free_port

NOW = dt.datetime(2026, 12, 3, 9, 30, tzinfo=VN_TZ)


def clock() -> dt.datetime:
    return NOW


class Kit:
    """The wired-up window and its parts."""

    def __init__(self, qtbot: QtBot, backend: object, **controller_kw: int) -> None:
        self.config = Config()
        self.backend = backend
        self.lookup = LookupService(backend)  # type: ignore[arg-type]
        self.controller = Controller(self.lookup, **controller_kw)  # type: ignore[arg-type]
        self.scanner = ScannerInput(max_gap_ms=40, min_length=8, terminators=["enter", "tab"])
        self.scanner.scanned.connect(self.controller.scanned)
        self.window = MainWindow(
            self.config, self.controller, self.scanner, QLabel("video"), clock=clock
        )
        QApplication.instance().installEventFilter(self.scanner)
        qtbot.addWidget(self.window)
        self.window.resize(1280, 720)
        self.window.show()
        qtbot.waitExposed(self.window)
        qtbot.wait(50)  # let the first layout and style pass run before any key
        self.qtbot = qtbot

    def scan(self, payload: str, terminator: Qt.Key = Qt.Key.Key_Return) -> None:
        # As from a keyboard: through the window, which hands keys to the focus widget.
        handle = self.window.windowHandle()
        for char in payload:
            QTest.keyClick(handle, char)
        QTest.keyClick(handle, terminator)

    def wait_mode(self, mode: Mode) -> None:
        self.qtbot.waitUntil(lambda: self.controller.mode is mode, timeout=5000)

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self.scanner)
        self.lookup.shutdown()


@pytest.fixture
def kit(qtbot: QtBot) -> Iterator[Kit]:
    k = Kit(qtbot, DemoBackend(now=clock))
    yield k
    k.close()


def _record(backend: DemoBackend, status: Status, timeliness: Timeliness | None = None) -> Dossier:
    for code in backend.codes():
        dossier = backend.lookup(DossierQuery(code))
        assert dossier is not None
        if dossier.status is status and (
            timeliness is None or standing(dossier, NOW).timeliness is timeliness
        ):
            return dossier
    raise AssertionError(f"demo data has no {status} {timeliness}")


def test_idle_screen_invites_a_scan(kit: Kit) -> None:
    assert kit.window.current_screen is kit.window.idle
    assert "Quét mã QR" in kit.window.idle.prompt.text()
    assert kit.window.header.demo_label.isVisible()
    assert kit.window.header.clock_label.text() == "09:30"
    assert kit.window.header.date_label.text() == "Thứ Năm, 03/12/2026"


def test_scan_shows_the_dossier(kit: Kit) -> None:
    dossier = _record(kit.backend, Status.PROCESSING, Timeliness.WITHIN)  # type: ignore[arg-type]
    kit.scan(dossier.code.lower())
    kit.wait_mode(Mode.RESULT)
    result = kit.window.result
    assert kit.window.current_screen is result
    assert result.procedure_label.text() == dossier.procedure
    assert result.code_value.text() == dossier.code
    assert result.applicant_value.text() == dossier.applicant
    assert result.status_label.text() == "Đang xử lý"
    assert result.timeliness_label.text().startswith("Trong hạn")
    assert dossier.appointment is not None
    assert dossier.appointment.strftime("%d/%m/%Y") in result.next_label.text()
    assert result.icon.shape == "clock"
    steps = result.step_texts()
    assert steps and dossier.steps[-1].name in " ".join(steps)
    assert result.countdown.label.text() == "Tự động quay về màn hình chính sau 30 giây"


def test_overdue_dossier_says_so_and_points_to_the_counter(kit: Kit) -> None:
    dossier = _record(kit.backend, Status.PROCESSING, Timeliness.OVERDUE)  # type: ignore[arg-type]
    kit.scan(dossier.code, Qt.Key.Key_Tab)
    kit.wait_mode(Mode.RESULT)
    result = kit.window.result
    assert result.timeliness_label.text().startswith("Quá hạn")
    assert "phiếu xin lỗi" in result.next_label.text()


def test_receipt_url_with_id_number_shows_no_id_number(kit: Kit) -> None:
    dossier = _record(kit.backend, Status.DONE)  # type: ignore[arg-type]
    url = f"https://dichvucong.example.gov.vn/portaldvc/tra-cuu?MHS={dossier.code}"
    kit.scan(url)
    kit.wait_mode(Mode.RESULT)
    shown = " ".join(label.text() for label in kit.window.findChildren(QLabel))
    assert dossier.code in shown
    assert "Kết quả đã sẵn sàng" in kit.window.result.next_label.text()
    assert kit.window.result.icon.shape == "check"


def test_unknown_code_gets_the_not_found_message(kit: Kit) -> None:
    kit.scan("000.00.53.H48-200101-9999")
    kit.wait_mode(Mode.MESSAGE)
    assert kit.window.message.notice is Notice.NOT_FOUND
    assert kit.window.message.title.text() == "Không tìm thấy hồ sơ"
    assert "000.00.53.H48-200101-9999" in kit.window.message.body.text()


def test_information_qr_and_product_barcode_get_their_own_messages(kit: Kit) -> None:
    kit.scan("https://dichvucong.example.gov.vn/apiqr/qr?id=3f2504e0-4f89-11d3-9a0c-0305e82c3301")
    kit.wait_mode(Mode.MESSAGE)
    assert kit.window.message.title.text() == "Đây là mã QR thông tin"
    kit.scan("8934563138165")
    kit.qtbot.waitUntil(lambda: kit.window.message.notice is Notice.NOT_A_CODE, timeout=3000)
    assert kit.window.message.title.text() == "Mã vừa quét không phải mã hồ sơ"


def test_slow_typing_is_not_a_scan(kit: Kit, qtbot: QtBot) -> None:
    dossier = _record(kit.backend, Status.RECEIVED)  # type: ignore[arg-type]
    handle = kit.window.windowHandle()
    for char in dossier.code[:10]:
        QTest.keyClick(handle, char)
        qtbot.wait(80)
    QTest.keyClick(handle, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert kit.controller.mode is Mode.IDLE
    assert kit.window.current_screen is kit.window.idle


def test_done_button_and_countdown_return_to_idle(qtbot: QtBot) -> None:
    kit = Kit(qtbot, DemoBackend(now=clock), result_timeout_s=2)
    try:
        dossier = _record(kit.backend, Status.RETURNED)  # type: ignore[arg-type]
        kit.scan(dossier.code)
        kit.wait_mode(Mode.RESULT)
        qtbot.mouseClick(kit.window.result.countdown.button, Qt.MouseButton.LeftButton)
        assert kit.controller.mode is Mode.IDLE
        kit.scan(dossier.code)
        kit.wait_mode(Mode.RESULT)
        assert kit.window.result.countdown.label.text().endswith("2 giây")
        kit.wait_mode(Mode.IDLE)  # the countdown ran out
        assert kit.window.current_screen is kit.window.idle
    finally:
        kit.close()


def test_new_scan_replaces_the_result_at_once(kit: Kit) -> None:
    first = _record(kit.backend, Status.RETURNED)  # type: ignore[arg-type]
    second = _record(kit.backend, Status.NEEDS_PAYMENT)  # type: ignore[arg-type]
    kit.scan(first.code)
    kit.wait_mode(Mode.RESULT)
    kit.scan(second.code)
    kit.qtbot.waitUntil(lambda: kit.window.result.code_value.text() == second.code, timeout=3000)
    assert kit.window.result.status_label.text() == "Yêu cầu thực hiện nghĩa vụ tài chính"
    assert "đồng" in kit.window.result.next_label.text()


def test_touch_opens_manual_entry_and_typed_code_is_looked_up(kit: Kit, qtbot: QtBot) -> None:
    dossier = _record(kit.backend, Status.NEEDS_SUPPLEMENT)  # type: ignore[arg-type]
    qtbot.mouseClick(kit.window.idle.prompt, Qt.MouseButton.LeftButton)
    assert kit.controller.mode is Mode.ENTRY
    handle = kit.window.windowHandle()
    for char in dossier.code.lower():
        QTest.keyClick(handle, char)
        qtbot.wait(60)  # a person typing, not a scanner
    assert kit.window.entry.field.text() == dossier.code
    qtbot.mouseClick(kit.window.entry.search_button, Qt.MouseButton.LeftButton)
    kit.wait_mode(Mode.RESULT)
    assert kit.window.result.status_label.text() == "Yêu cầu bổ sung giấy tờ"
    assert dossier.note and kit.window.result.note_label.text() == dossier.note


class _Down:
    name = "down"

    def __init__(self, kind: ErrorKind) -> None:
        self.kind = kind

    def lookup(self, query: DossierQuery) -> Dossier | None:
        raise BackendError(self.kind, "forced for the test")

    def close(self) -> None:
        pass


def test_scan_while_typing_a_code_by_hand_wins(kit: Kit, qtbot: QtBot) -> None:
    qtbot.mouseClick(kit.window.idle.prompt, Qt.MouseButton.LeftButton)
    handle = kit.window.windowHandle()
    for char in "h10.22":
        QTest.keyClick(handle, char)
        qtbot.wait(60)
    assert kit.window.entry.field.text() == "H10.22"
    kit.scan("https://dichvucong.example.gov.vn/apiqr/qr?id=3f2504e0-4f89-11d3-9a0c-0305e82c3301")
    kit.wait_mode(Mode.MESSAGE)
    assert kit.window.message.notice is Notice.INFO_QR


def test_back_office_refusing_connections_gets_a_calm_message(qtbot: QtBot) -> None:
    url = f"http://127.0.0.1:{free_port()}/api/v1/dossiers/{{code}}"
    backend = HttpBackend(HttpSettings(url=url, retries=0))
    kit = Kit(qtbot, backend, message_timeout_s=3)
    try:
        kit.scan("000.00.53.H48-261201-0001")
        kit.wait_mode(Mode.MESSAGE)
        assert kit.window.message.notice is Notice.UNREACHABLE
        assert kit.window.message.title.text() == "Tạm thời chưa tra cứu được"
        assert "thử lại sau ít phút" in kit.window.message.body.text()
        kit.wait_mode(Mode.IDLE)  # and it goes back by itself
    finally:
        kit.close()


# Rare faults are forced with a backend that raises them.
@pytest.mark.parametrize(
    ("kind", "title"),
    [
        (ErrorKind.TIMEOUT, "Hệ thống phản hồi chậm"),
        (ErrorKind.INVALID, "Tạm thời chưa tra cứu được"),
    ],
)
def test_back_office_down_gets_a_calm_message(qtbot: QtBot, kind: ErrorKind, title: str) -> None:
    kit = Kit(qtbot, _Down(kind), message_timeout_s=3)
    try:
        kit.scan("000.00.53.H48-261201-0001")
        kit.wait_mode(Mode.MESSAGE)
        assert kit.window.message.title.text() == title
        kit.wait_mode(Mode.IDLE)  # and it goes back by itself
    finally:
        kit.close()
