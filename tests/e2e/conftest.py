"""Whole-app runs: a real Xvfb screen, the real kiosk as a subprocess, xdotool typing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1920, 1080


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        # Not a skip: the README's test command installs these, so a missing
        # tool is a broken set-up, and must not look like a pass.
        pytest.fail(f"{tool} is missing: run scripts/test.sh (it installs it)")
    return path


@pytest.fixture(scope="session")
def xvfb() -> Iterator[str]:
    """A virtual screen; yields its DISPLAY value."""
    binary = _require("Xvfb")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [binary, "-displayfd", str(write_fd), "-screen", "0", f"{WIDTH}x{HEIGHT}x24",
         "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        pytest.fail("Xvfb did not start")
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=10)


class App:
    """The kiosk running under Xvfb, with helpers to type and look at it."""

    def __init__(self, display: str, config: Path, data_dir: Path) -> None:
        self.display = display
        self.log = data_dir / "logs" / "kiosk.log"
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "KIOSK_DATA_DIR": str(data_dir),
            "PYTHONIOENCODING": "utf-8",
        }
        # The real app, real outputs: widget tests elsewhere ask libVLC for dummy ones.
        self.env.pop("KIOSK_VLC_DUMMY", None)
        # A file, not a pipe: libVLC and the log write a lot to stderr, and a pipe
        # nobody reads fills up and blocks the app mid-test.
        data_dir.mkdir(parents=True, exist_ok=True)
        self.stderr_path = data_dir / "stderr.txt"
        self._stderr_file = self.stderr_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--config", str(config)],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self._stderr_file,
        )

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8") if self.log.exists() else ""

    def wait_log(self, needle: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.log_text():
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} not in the kiosk log:\n{self.log_text()[-3000:]}")

    def xdotool(self, *args: str) -> None:
        subprocess.run([_require("xdotool"), *args], env=self.env, check=True, timeout=30)

    def type_scan(self, payload: str) -> None:
        """Type as a USB scanner in keyboard mode: fast, then Enter."""
        self.xdotool("type", "--delay", "4", payload)
        self.xdotool("key", "Return")

    def screenshot(self, path: Path) -> Path:
        subprocess.run(
            [_require("import"), "-display", self.display, "-window", "root", str(path)],
            check=True, timeout=30,
        )
        return path

    def count_colour(self, shot: Path, colour: str) -> int:
        """How many pixels of `shot` have exactly `colour` (e.g. "#E6F4EA")."""
        return self.count_colour_near(shot, colour, fuzz="0%")

    def stderr_text(self) -> str:
        """What the app printed on stderr so far."""
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def count_colour_near(self, shot: Path, colour: str, fuzz: str = "3%") -> int:
        """Pixels within `fuzz` of `colour` (decoded video is never exact)."""
        out = subprocess.run(
            [_require("convert"), str(shot), "-fuzz", fuzz, "-fill", "black", "+opaque",
             colour, "-fill", "white", "-opaque", colour, "-format", "%[fx:round(mean*w*h)]",
             "info:"],
            check=True, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        return int(out.stdout.strip())

    def wait_colour(self, path: Path, colour: str, at_least: int, timeout: float = 5) -> int:
        """Take screenshots until `colour` covers `at_least` pixels; returns the count."""
        deadline = time.monotonic() + timeout
        count = 0
        while time.monotonic() < deadline:
            count = self.count_colour(self.screenshot(path), colour)
            if count >= at_least:
                break
            time.sleep(0.1)
        return count

    def stop(self) -> int:
        self.proc.terminate()
        try:
            code = self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait(timeout=5)
        self._stderr_file.close()
        return code


@pytest.fixture
def start_app(xvfb: str, tmp_path: Path) -> Iterator[Callable[..., App]]:
    """Start the kiosk with the shipped config, some of its lines replaced."""
    apps: list[App] = []

    def start(replace: dict[str, str] | None = None) -> App:
        text = (ROOT / "config.toml").read_text(encoding="utf-8")
        # xdotool is a process like any other: on a loaded 2-core machine it is sometimes
        # descheduled for more than 40 ms mid-payload, which a USB scanner never is. The
        # burst detector's timing is tested on its own (tests/test_scan.py).
        replace = {"max_key_gap_ms = 40": "max_key_gap_ms = 150", **(replace or {})}
        for old, new in replace.items():
            assert old in text, old
            text = text.replace(old, new, 1)
        config = tmp_path / "config.toml"
        config.write_text(text, encoding="utf-8")
        app = App(xvfb, config, tmp_path / "data")
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.stop()
