"""Time from a scan's terminating key to the result screen being painted.

Runs the real window, controller, lookup thread and backend in this process
(Qt offscreen platform unless QT_QPA_PLATFORM says otherwise), types each scan
as key events through the window, and stamps the moment the paint pass that
first draws the result screen has finished. Then starts the real kiosk under
Xvfb and reads its memory (PSS) after a few scans.

    python benchmarks/bench_scan_to_result.py [--scans 200]
    DISPLAY=:N python benchmarks/bench_scan_to_result.py --soak 2000   # whole app, video on
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIOSK_DATA_DIR", tempfile.mkdtemp(prefix="kiosk-bench-"))

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk import config as config_module
from kiosk.app import Kiosk
from kiosk.backends.demo import DemoBackend
from kiosk.controller import Mode
from kiosk.server import DemoServer

ROOT = Path(__file__).resolve().parent.parent


class PaintStamp(QObject):
    """Stamps the end of the first paint pass that draws the result screen."""

    def __init__(self, kiosk: Kiosk) -> None:
        super().__init__()
        self.kiosk = kiosk
        self.done_at: float | None = None
        self.armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.armed
            and event.type() == QEvent.Type.Paint
            and watched is self.kiosk.window.result
        ):
            self.armed = False
            # Runs once the current paint pass (the whole window) has finished.
            QTimer.singleShot(0, self._stamp)
        return False

    def _stamp(self) -> None:
        self.done_at = time.perf_counter()


def measure(cfg: config_module.Config, codes: list[str], scans: int) -> list[float]:
    kiosk = Kiosk(cfg, windowed=True)
    app = QApplication.instance()
    assert app is not None
    stamp = PaintStamp(kiosk)
    app.installEventFilter(stamp)
    handle = kiosk.window.windowHandle()
    QTest.qWaitForWindowExposed(kiosk.window)
    times: list[float] = []
    loop = QEventLoop()
    for index in range(scans + 10):  # the first 10 warm up caches and fonts
        code = codes[index % len(codes)]
        for char in code:
            QTest.keyClick(handle, char)
        stamp.done_at = None
        stamp.armed = True
        started = time.perf_counter()
        QTest.keyClick(handle, Qt.Key.Key_Return)
        deadline = started + 5
        while stamp.done_at is None and time.perf_counter() < deadline:
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        if stamp.done_at is None or kiosk.controller.mode is not Mode.RESULT:
            raise RuntimeError(f"no result painted for {code}")
        if index >= 10:
            times.append((stamp.done_at - started) * 1000)
        kiosk.controller.dismiss()
        QTest.qWait(5)
    app.removeEventFilter(stamp)
    app.removeEventFilter(kiosk.scanner)
    kiosk.shutdown()
    kiosk.window.deleteLater()
    QTest.qWait(20)
    return times


def report(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(
        f"{name:<32} n={len(times)}  p50 {statistics.median(times):6.2f} ms  "
        f"p95 {p95:6.2f} ms  max {ordered[-1]:6.2f} ms"
    )


def pss_of_running_kiosk() -> None:
    """Start the real kiosk (shipped config: demo data, video on) under Xvfb."""
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        print("PSS: Xvfb/xdotool not installed; skipped")
        return
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = ":" + pipe.readline().strip()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    # The shipped config with the office always open, so that video plays at any hour.
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    config = Path(tempfile.mkdtemp(prefix="kiosk-bench-")) / "config.toml"
    config.write_text(text.replace('times = ["07:00-17:30"]', "times = []"), encoding="utf-8")
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--config", str(config)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "Tra cứu hồ sơ"],
            env=env, check=True, timeout=60, stdout=subprocess.DEVNULL,
        )
        time.sleep(3)
        idle = _pss_mb(kiosk.pid)
        codes = DemoBackend().codes()
        for code in codes[:20]:
            subprocess.run(["xdotool", "type", "--delay", "4", code], env=env, check=True)
            subprocess.run(["xdotool", "key", "Return"], env=env, check=True)
            time.sleep(0.3)
        time.sleep(1)
        after = _pss_mb(kiosk.pid)
        print(f"PSS of the running kiosk (demo data, video playing): {idle:.1f} MB at idle, "
              f"{after:.1f} MB after 20 scans")
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=15)
        xvfb.terminate()
        xvfb.wait(timeout=10)


def _pss_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss line")


def soak(cycles: int) -> None:
    """The whole kiosk with video playing: PSS over `cycles` scan-and-return cycles."""
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    cfg = config_module.parse(text.replace('times = ["07:00-17:30"]', "times = []"))
    kiosk = Kiosk(cfg, windowed=False)
    handle = kiosk.window.windowHandle()
    QTest.qWaitForWindowExposed(kiosk.window)
    QTest.qWait(3000)  # the first clip is playing
    codes = DemoBackend().codes()
    marks: list[tuple[int, float]] = [(0, _pss_mb(os.getpid()))]
    started = time.perf_counter()
    for index in range(1, cycles + 1):
        for char in codes[index % len(codes)]:
            QTest.keyClick(handle, char)
        QTest.keyClick(handle, Qt.Key.Key_Return)
        deadline = time.perf_counter() + 5
        while kiosk.controller.mode is not Mode.RESULT and time.perf_counter() < deadline:
            QTest.qWait(2)
        QTest.qWait(20)
        kiosk.controller.dismiss()
        QTest.qWait(30)  # back to idle: the video resumes
        if index % (cycles // 10 or 1) == 0:
            marks.append((index, _pss_mb(os.getpid())))
    elapsed = time.perf_counter() - started
    print(f"soak: {cycles} scan-and-return cycles with video in {elapsed:.0f} s")
    print("PSS (MB) after N cycles: " + ", ".join(f"{n}: {mb:.1f}" for n, mb in marks))
    print(f"growth: {marks[-1][1] - marks[0][1]:+.1f} MB")
    kiosk.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--soak", type=int, default=0, help="only the soak, with N cycles")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    if args.soak:
        soak(args.soak)
        return
    print(f"platform {app.platformName()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    base = config_module.Config()
    no_video = config_module.parse("[media]\nenabled = false\n")
    codes = DemoBackend().codes()

    report("demo backend", measure(no_video, codes, args.scans))

    server = DemoServer()
    port = server.start("127.0.0.1", 0)
    try:
        http_cfg = config_module.parse(
            "[media]\nenabled = false\n[backend]\nkind = \"http\"\n[backend.http]\n"
            f'url = "http://127.0.0.1:{port}/api/v1/dossiers/{{code}}"\n'
            "[backend.cache]\nfresh_s = 0\n"
        )
        report("http backend, loopback server", measure(http_cfg, codes, args.scans))
    finally:
        server.stop()
    del base
    pss_of_running_kiosk()


if __name__ == "__main__":
    main()
