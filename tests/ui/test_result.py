"""The result screen on its own: what each kind of answer puts in front of the citizen."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from kiosk.dossier import VN_TZ, Dossier, Status, Step
from kiosk.ui.result import MAX_STEPS, ResultScreen

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
