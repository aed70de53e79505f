"""Under Xvfb with real X11 video output: the idle screen plays a clip, a scan takes over."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

pytestmark = [pytest.mark.e2e, pytest.mark.vlc]
ROOT = Path(__file__).resolve().parents[2]
W, H = 1280, 720
CLIP_BLUE = QColor("#1f4e79")  # background of the first sample clip
LOOKUP_WHITE = QColor("#ffffff")

needs = [shutil.which(tool) for tool in ("Xvfb", "xdotool", "import")]
if not all(needs):
    # Not a skip: scripts/test.sh installs these, so their absence is a broken set-up.
    pytest.fail("Xvfb, xdotool and ImageMagick are needed: run scripts/test.sh", pytrace=False)


def free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(
            f"/tmp/.X{number}-lock"
        ).exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def display() -> Iterator[str]:
    number = free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{W}x{H}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(5)


class App:
    """The stand-in idle screen as a subprocess; its printed events arrive in `lines`."""

    def __init__(self, display: str) -> None:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env.pop("KIOSK_VLC_DUMMY", None)  # real X11 video output
        env.pop("WAYLAND_DISPLAY", None)
        self.display = display
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.media.idle_demo"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def expect(self, prefix: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(f"no {prefix!r} within {timeout} s; saw {self.seen}")

    def pixel(self, x: int, y: int, path: Path) -> QColor:
        subprocess.run(
            ["import", "-display", self.display, "-window", "root", str(path)], check=True
        )
        return QImage(str(path)).pixelColor(x, y)

    def wait_colour(self, x: int, y: int, want: QColor, path: Path, timeout: float = 8) -> None:
        deadline = time.monotonic() + timeout
        got = QColor()
        while time.monotonic() < deadline:
            got = self.pixel(x, y, path)
            if max(abs(got.red() - want.red()), abs(got.green() - want.green()),
                   abs(got.blue() - want.blue())) <= 24:  # fmt: skip
                return
            time.sleep(0.1)
        raise AssertionError(f"pixel {x},{y} is {got.name()}, expected about {want.name()}")

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], check=True, env=dict(os.environ, DISPLAY=self.display))

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        self._reader.join(5)
        assert self.proc.stdout is not None
        self.proc.stdout.close()


def test_idle_video_then_a_scan_takes_over(qapp, display: str, tmp_path: Path) -> None:
    app = App(display)
    try:
        app.expect("READY")
        app.expect("FRAME")  # the first frame, then the item counts as playing
        assert app.expect("PLAYING") == "PLAYING Cách đọc giấy hẹn"
        shot = tmp_path / "screen.png"
        probe = (W // 2, H // 6)  # inside the video area, above the text
        app.wait_colour(*probe, CLIP_BLUE, shot)  # the clip is drawn inside the Qt window

        app.xdotool("mousemove", str(W // 2), str(H - 10))
        app.xdotool("type", "--delay", "8", "000.00.53.H48-220921-0099")
        app.xdotool("key", "Return")
        assert app.expect("SCAN") == "SCAN 000.00.53.H48-220921-0099"
        stop_ms = float(app.expect("LOOKUP").split("stop_ms=")[1])
        assert stop_ms < 100
        app.wait_colour(*probe, LOOKUP_WHITE, shot, timeout=2)

        assert app.expect("PLAYING") == "PLAYING Cách đọc giấy hẹn"  # back to idle: resumed
        app.expect("IDLE")
        app.wait_colour(*probe, CLIP_BLUE, shot)
        app.xdotool("mousemove", str(W // 2), str(H // 2), "click", "1")  # a touch on the video
        assert float(app.expect("TOUCH").split("stop_ms=")[1]) < 100
        app.wait_colour(*probe, LOOKUP_WHITE, shot, timeout=2)
        assert not any(line.startswith("FALLBACK") for line in app.seen)
    finally:
        app.close()
