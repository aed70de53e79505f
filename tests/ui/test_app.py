"""The composed kiosk (kiosk.app.Kiosk): admin wiring, saved settings, usage counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk import config as config_module
from kiosk.app import Kiosk
from kiosk.backends.demo import EXAMPLE_CODE
from kiosk.config_edit import set_values
from kiosk.controller import Mode
from kiosk.pin import hash_pin

PIN = "2468"


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Kiosk]:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))  # its own usage database
    path = tmp_path / "config.toml"
    path.write_text(
        "# the office's settings\n[display]\nresult_timeout_s = 30  # seconds\n"
        "[media]\nenabled = false\n[admin]\nhold_s = 2\n",
        encoding="utf-8",
    )
    set_values(path, {"admin.pin_hash": hash_pin(PIN)})
    app = Kiosk(config_module.load(path), windowed=True, config_path=path)
    qtbot.waitExposed(app.window)
    yield app
    QApplication.instance().removeEventFilter(app.scanner)
    app.shutdown()


def _scan(app: Kiosk, payload: str) -> None:
    handle = app.window.windowHandle()
    for char in payload:
        QTest.keyClick(handle, char)
    QTest.keyClick(handle, Qt.Key.Key_Return)


def _unlock(app: Kiosk, qtbot: QtBot) -> None:
    corner = app.window.corner
    QTest.mousePress(corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.controller.mode is Mode.ADMIN, timeout=4000)
    QTest.mouseRelease(corner, Qt.MouseButton.LeftButton)
    pad = app.window.admin.pin
    for digit in PIN:
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.keys["OK"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window.admin.unlocked, timeout=3000)


def test_staff_change_the_result_timeout_and_it_is_saved(kiosk: Kiosk, qtbot: QtBot) -> None:
    _unlock(kiosk, qtbot)
    screen = kiosk.window.admin.admin
    qtbot.mouseClick(screen.timeout.plus, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã lưu" in screen.saved_label.text(), timeout=5000)
    assert kiosk.config_path is not None
    text = kiosk.config_path.read_text(encoding="utf-8")
    assert "result_timeout_s = 35  # seconds" in text
    assert text.startswith("# the office's settings\n")
    assert config_module.load(kiosk.config_path).display.result_timeout_s == 35
    # Applied at once: the next result counts down from 35.
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    assert kiosk.controller.mode is Mode.IDLE
    _scan(kiosk, EXAMPLE_CODE)
    qtbot.waitUntil(lambda: kiosk.controller.mode is Mode.RESULT, timeout=3000)
    assert kiosk.window.result.countdown.label.text().endswith("35 giây")


def test_a_scan_waits_while_staff_are_in_the_admin_screen(kiosk: Kiosk, qtbot: QtBot) -> None:
    _unlock(kiosk, qtbot)
    _scan(kiosk, EXAMPLE_CODE)
    qtbot.wait(200)
    assert kiosk.controller.mode is Mode.ADMIN


def test_outcomes_are_counted_without_codes(kiosk: Kiosk, qtbot: QtBot) -> None:
    _scan(kiosk, EXAMPLE_CODE)
    qtbot.waitUntil(lambda: kiosk.controller.mode is Mode.RESULT, timeout=3000)
    _scan(kiosk, "000.00.53.H48-200101-9999")
    qtbot.waitUntil(lambda: kiosk.controller.mode is Mode.MESSAGE, timeout=3000)
    _scan(kiosk, "8934563138165")
    qtbot.waitUntil(lambda: kiosk.usage.today().get("refused") == 1, timeout=3000)
    counts = kiosk.usage.today()
    assert (counts["found"], counts["not_found"], counts["refused"]) == (1, 1, 1)
    status = kiosk.admin_status()
    assert status.counts == counts and status.last_ok is True
    database = kiosk.usage.path
    with sqlite3.connect(database) as db:
        stored = " ".join(str(v) for row in db.execute("SELECT * FROM daily") for v in row)
    assert EXAMPLE_CODE not in stored and "9999" not in stored
