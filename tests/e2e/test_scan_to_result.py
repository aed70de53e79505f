"""The real kiosk under Xvfb: a scanner types a receipt's QR, the result shows."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.backends.demo import EXAMPLE_CODE, EXAMPLE_SECRET
from tests.backends.server import free_port
from tests.e2e.conftest import App

pytestmark = pytest.mark.e2e

RETURNED_PALE = "#E6F4EA"  # the pale green behind a "result handed over" status


def test_scanned_receipt_shows_the_dossier_and_nothing_personal(
    start_app: Callable[..., App], tmp_path: Path
) -> None:
    app = start_app()
    app.wait_log("screen: idle")
    app.xdotool("search", "--sync", "--onlyvisible", "--name", "Tra cứu hồ sơ")

    before = app.screenshot(tmp_path / "idle.png")
    assert app.count_colour(before, RETURNED_PALE) == 0

    url = (
        "https://dichvucong.example.gov.vn/portaldvc/tra-cuu"
        f"?SGT={EXAMPLE_SECRET}&MHS={EXAMPLE_CODE}"
    )
    app.type_scan(url)
    app.wait_log(f"result shown: {EXAMPLE_CODE} (status 10)")
    # The status band and the next-step card are painted in the status's pale tone.
    assert app.wait_colour(tmp_path / "result.png", RETURNED_PALE, 100_000) >= 100_000

    app.type_scan("000.00.53.H48-200101-9999")
    app.wait_log("message shown: not_found")

    app.proc.send_signal(signal.SIGTERM)
    assert app.proc.wait(timeout=15) == 0
    log = app.log_text()
    assert "kiosk stopped" in log
    assert EXAMPLE_SECRET not in log
    assert "Nguyễn Văn An" not in log
    assert "Traceback" not in app.stderr_text()
    assert "Traceback" not in log


def test_a_wrong_value_keeps_the_kiosk_up_and_is_reported(
    start_app: Callable[..., App], tmp_path: Path
) -> None:
    app = start_app({"result_timeout_s = 30": "result_timeout_s = 0"})
    app.wait_log("config problem (default used): line ")
    app.wait_log("screen: idle")
    assert "display.result_timeout_s: must be at least 5, not 0" in app.log_text()
    # The red staff flag in the header.
    assert app.wait_colour(tmp_path / "idle.png", "#C62828", 2_000) >= 2_000
    assert app.stop() == 0
    assert "Traceback" not in app.stderr_text()


def test_a_config_that_is_not_toml_stops_with_a_plain_message(
    start_app: Callable[..., App],
) -> None:
    app = start_app({"[display]": "[display"})
    assert app.proc.wait(timeout=30) == 1
    stderr = app.stderr_text()
    assert "the configuration cannot be used" in stderr
    assert "(syntax)" in stderr
    assert "Traceback" not in stderr


def test_back_office_going_down_shows_the_last_known_status(
    start_app: Callable[..., App], tmp_path: Path
) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "demo-server", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        app = start_app(
            {
                'kind = "demo"': 'kind = "http"',
                "http://127.0.0.1:8765/": f"http://127.0.0.1:{port}/",
                "fresh_s = 30": "fresh_s = 0",
            }
        )
        app.wait_log("screen: idle")
        app.xdotool("search", "--sync", "--onlyvisible", "--name", "Tra cứu hồ sơ")
        deadline = time.monotonic() + 20
        while f"result shown: {EXAMPLE_CODE} (status 10)" not in app.log_text():
            assert time.monotonic() < deadline, app.log_text()[-2000:]
            app.type_scan(EXAMPLE_CODE)  # again until the server has come up
            time.sleep(0.5)
    finally:
        server.terminate()  # the provincial system goes down
        server.wait(timeout=10)
    app.type_scan(EXAMPLE_CODE)
    app.wait_log(f"result shown: {EXAMPLE_CODE} (status 10, last known: back office unreachable)")
    # The warning line is drawn in red under the result.
    assert app.wait_colour(tmp_path / "offline.png", "#C62828", 3_000) >= 3_000
    app.type_scan("000.00.53.H48-200101-9999")  # never seen: nothing to fall back on
    app.wait_log("message shown: unreachable")
    assert app.stop() == 0


# The backgrounds of the three sample guidance clips (whichever plays first: an item
# that starts too slowly on a loaded machine is skipped for a while).
CLIP_COLOURS = ("#1E4E79", "#1D6B51", "#5B3970")


def _clip_pixels(app: App, shot: Path) -> int:
    return max(app.count_colour_near(shot, colour) for colour in CLIP_COLOURS)


def test_guidance_video_plays_until_a_scan_takes_over(
    start_app: Callable[..., App], tmp_path: Path
) -> None:
    app = start_app({'times = ["07:00-17:30"]': "times = []"})  # open at any hour
    app.wait_log("screen: idle")
    app.xdotool("search", "--sync", "--onlyvisible", "--name", "Tra cứu hồ sơ")
    app.wait_log("video playing: ", timeout=30)
    shot = tmp_path / "video.png"
    deadline = time.monotonic() + 20
    while (seen := _clip_pixels(app, app.screenshot(shot))) < 200_000:
        assert time.monotonic() < deadline, (
            f"only {seen} pixels of the clip's colour; kiosk log:\n{app.log_text()[-3000:]}"
        )
        time.sleep(0.2)
    app.type_scan(EXAMPLE_CODE)
    app.wait_log(f"result shown: {EXAMPLE_CODE} (status 10)")
    assert app.wait_colour(tmp_path / "result.png", RETURNED_PALE, 100_000) >= 100_000
    assert _clip_pixels(app, tmp_path / "result.png") < 1_000  # the video is gone
    assert app.stop() == 0
