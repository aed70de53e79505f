"""The result screen on its own: what each kind of answer puts in front of the citizen."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.config import PaymentSettings
from kiosk.dossier import VN_TZ, Dossier, Status, Step
from kiosk.ui.result import MAX_STEPS, ResultScreen
from kiosk.vietqr import fields

NOW = dt.datetime(2026, 12, 3, 9, 30, tzinfo=VN_TZ)

BASE = Dossier(
    code="000.00.53.H48-261201-0001",
    procedure="Chứng thực bản sao từ bản chính",
    applicant="Lê T. H.",
    received=dt.datetime(2026, 12, 1, 8, 0, tzinfo=VN_TZ),
    appointment=dt.datetime(2026, 12, 4, 16, 30, tzinfo=VN_TZ),
    status=Status.PROCESSING,
    steps=(Step("Tiếp nhận hồ sơ", "Bộ phận một cửa", finished=NOW - dt.timedelta(days=2)),),
    fetched=NOW,
)


@pytest.fixture
def screen(qtbot: QtBot) -> ResultScreen:
    widget = ResultScreen("Quầy số 1", clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def test_fresh_answer_shows_no_age_line(screen: ResultScreen) -> None:
    screen.show_dossier(BASE)
    assert screen.updated_label.isHidden()
    assert screen.timeliness_label.text() == "Trong hạn — hẹn trả kết quả ngày mai"


def test_last_known_status_says_the_system_is_unreachable(screen: ResultScreen) -> None:
    fetched = dt.datetime(2026, 12, 1, 9, 0, tzinfo=VN_TZ)
    screen.show_dossier(dataclasses.replace(BASE, fetched=fetched, offline=True))
    assert not screen.updated_label.isHidden()
    text = screen.updated_label.text()
    assert text.startswith("Chưa kết nối được hệ thống tra cứu.")
    assert "cập nhật lúc 09:00 ngày 01/12" in text
    assert screen.updated_label.property("tone") == "late"


def test_an_old_export_gives_its_time_without_alarm(screen: ResultScreen) -> None:
    fetched = NOW - dt.timedelta(hours=3)
    screen.show_dossier(dataclasses.replace(BASE, fetched=fetched))
    assert screen.updated_label.text().startswith("Thông tin cập nhật lúc 06:30 ngày 03/12")
    assert screen.updated_label.property("tone") == "plain"


def test_long_histories_show_the_latest_steps_and_count_the_rest(screen: ResultScreen) -> None:
    steps = tuple(Step(f"Bước {n}", "Bộ phận một cửa") for n in range(1, MAX_STEPS + 4))
    screen.show_dossier(dataclasses.replace(BASE, steps=steps))
    lines = screen.step_texts()
    assert lines[0] == "… và 3 bước trước đó"
    assert lines[1] == "• Bước 4"
    assert lines[-2:] == [f"• Bước {MAX_STEPS + 3}", "Bộ phận một cửa"]
    screen.show_dossier(dataclasses.replace(BASE, steps=()))
    assert screen.step_texts() == ["Chưa có thông tin các bước."]


def test_back_office_text_is_never_read_as_markup(screen: ResultScreen) -> None:
    screen.show_dossier(dataclasses.replace(BASE, procedure="<b>Đăng ký</b> & <i>x</i>"))
    assert screen.procedure_label.text() == "<b>Đăng ký</b> & <i>x</i>"
    assert screen.procedure_label.textFormat().name == "PlainText"


PAYMENT = PaymentSettings(
    enabled=True, bank_bin="970415", account="0011001932418", account_name="UBND XA MINH AN"
)


def _zbar() -> str:
    found = shutil.which("zbarimg")
    if found is None:
        pytest.fail("zbarimg is missing: run scripts/test.sh (it installs zbar-tools)")
    return found


def test_a_fee_to_pay_comes_with_a_vietqr_code_a_phone_can_read(
    qtbot: QtBot, tmp_path: Path
) -> None:
    screen = ResultScreen("Quầy số 1", payment=PAYMENT, clock=lambda: NOW)
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.set_unit(10.8)
    screen.show()
    dossier = dataclasses.replace(BASE, status=Status.NEEDS_PAYMENT, fee=50000)
    screen.show_dossier(dossier)
    assert not screen.pay_qr.isHidden()
    assert "50.000 đồng" in screen.pay_label.text()
    assert "UBND XA MINH AN" in screen.pay_label.text()
    image = tmp_path / "qr.png"
    assert screen.pay_qr.grab().save(str(image))
    read = subprocess.run(
        [_zbar(), "--quiet", "--raw", str(image)], capture_output=True, text=True, timeout=30
    )
    decoded = read.stdout.strip()
    assert decoded == screen.pay_qr.text
    parsed = fields(decoded)
    assert parsed["54"] == "50000" and parsed["01"] == "12"
    assert parsed["62"] == "08" + f"{len(BASE.code):02d}" + BASE.code


@pytest.mark.parametrize(
    ("payment", "status", "fee"),
    [
        (PAYMENT, Status.PROCESSING, 50000),  # nothing to pay now
        (PAYMENT, Status.NEEDS_PAYMENT, None),  # amount unknown: no code with a guess
        (dataclasses.replace(PAYMENT, enabled=False), Status.NEEDS_PAYMENT, 50000),
    ],
)
def test_no_payment_code_when_it_would_not_be_right(
    qtbot: QtBot, payment: PaymentSettings, status: Status, fee: int | None
) -> None:
    screen = ResultScreen("Quầy số 1", payment=payment, clock=lambda: NOW)
    qtbot.addWidget(screen)
    screen.show()
    screen.show_dossier(dataclasses.replace(BASE, status=status, fee=fee))
    assert screen.pay_qr.isHidden() and screen.pay_label.isHidden()


def test_when_steps_do_not_fit_the_latest_stays_in_view(qtbot: QtBot) -> None:
    screen = ResultScreen("Quầy số 1", clock=lambda: NOW)
    qtbot.addWidget(screen)
    screen.resize(1280, 560)  # a small screen, a long history
    screen.show()
    steps = tuple(
        Step(f"Bước {n}: chuyển hồ sơ giữa các bộ phận", "Bộ phận một cửa") for n in range(1, 9)
    )
    screen.show_dossier(dataclasses.replace(BASE, steps=steps))
    viewport = screen.steps_scroll.viewport()
    last = next(row for row in reversed(screen.step_rows) if not row.isHidden())

    def latest_in_view() -> bool:
        bottom = last.mapTo(viewport, last.rect().bottomLeft()).y()
        return 0 < bottom <= viewport.height()

    qtbot.waitUntil(latest_in_view, timeout=2000)
    assert last.name.text() == "• Bước 8: chuyển hồ sơ giữa các bộ phận"
    assert screen.countdown.button.isVisible()
