"""Benchmark the idle video: start-up, gaps between items, memory, idle CPU.

Run under a display for real video output (X11 or Xvfb), or with --dummy:
    xvfb-run -s "-screen 0 1280x720x24" python benchmarks/bench_media.py [--no-audio]
    python benchmarks/bench_media.py --dummy

Prints:
  * time from process start to the first video frame of the shipped samples;
  * gap between consecutive items: from libVLC's end of an item to the first frame
    of the next (median and max over --transitions transitions of short clips);
  * PSS (proportional resident memory) with video playing, after the transitions
    and after --cycles scan-and-return cycles (stop() then start());
  * CPU use while idle with no video (outside opening hours: poster only).
Linux only (PSS from /proc/self/smaps_rollup).
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before Qt and libVLC load

import argparse  # noqa: E402 - the clock above must start first
import os  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def pss_mb() -> float:
    """Proportional set size of this process in MiB."""
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_clips(folder: Path, count: int, seconds: float) -> None:
    """Short H.264 clips with audio, different colours, for many quick transitions."""
    ffmpeg = shutil.which("ffmpeg") or sys.exit("ffmpeg is needed")
    colours = ["0x1f4e79", "0x1e6b52", "0x5b3a70", "0x8a4b08"]
    for index in range(count):
        subprocess.run(
            [ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
             "-f", "lavfi", "-i", f"color=c={colours[index % 4]}:s=640x360:r=25:d={seconds}",
             "-f", "lavfi", "-i", f"anullsrc=r=44100:cl=mono:d={seconds}",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
             "-c:a", "aac", "-shortest", str(folder / f"{index:02d}.mp4")],
            check=True,
        )  # fmt: skip
        old = time.time() - 3600
        os.utime(folder / f"{index:02d}.mp4", (old, old))


def main() -> int:
    """Run every measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dummy", action="store_true", help="dummy audio/video output")
    parser.add_argument("--transitions", type=int, default=500)
    parser.add_argument("--cycles", type=int, default=2000)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--no-audio", action="store_true", help="dummy audio (no sound card)")
    args = parser.parse_args()
    if args.dummy or not os.environ.get("DISPLAY"):
        os.environ["KIOSK_VLC_DUMMY"] = "1"
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.media import vlc_engine
    from kiosk.media.settings import MediaSettings, OpeningHours, ScheduleSettings
    from kiosk.media.video_area import VideoArea

    app = QApplication(sys.argv[:1])
    always = ScheduleSettings(hours=OpeningHours(days=[], times=[]))
    extra = ["--aout=adummy"] if args.no_audio else []

    def wait_until(check, timeout_s: float) -> bool:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout_s
        while not check():
            if time.monotonic() > deadline:
                return False
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return True

    def pump(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    output = "dummy" if os.environ.get("KIOSK_VLC_DUMMY") == "1" else "X11"
    print(f"libVLC {vlc_engine.version()}, video output: {output}, Qt {app.platformName()}")

    samples = VideoArea(MediaSettings(schedule=always, vlc_options=extra))
    samples.resize(1280, 720)
    samples.show()
    frames: list[float] = []
    samples.frame_shown.connect(lambda: frames.append(time.perf_counter()))
    samples.start()
    if not wait_until(lambda: frames, 15):
        print("no video frame within 15 s")
        return 1
    print(f"start to first video frame: {(frames[0] - T0) * 1000:.0f} ms")
    pump(3)
    print(f"PSS with video playing: {pss_mb():.1f} MiB")
    samples.stop()
    samples.hide()

    with tempfile.TemporaryDirectory() as tmp:
        make_clips(Path(tmp), 4, 0.24)
        area = VideoArea(MediaSettings(folder=tmp, schedule=always, vlc_options=extra))
        area.resize(1280, 720)
        area.show()
        ended: list[float] = []
        gaps: list[float] = []
        area.start()
        wait_until(lambda: area.player is not None, 10)
        assert area.player is not None
        area.player.ended.connect(lambda _t: ended.append(time.perf_counter()))

        def on_frame() -> None:
            if ended:
                gaps.append(time.perf_counter() - ended[-1])

        area.frame_shown.connect(on_frame)
        wait_until(lambda: len(gaps) >= 20, 60)
        base = pss_mb()
        print(f"PSS after 20 transitions (baseline): {base:.1f} MiB")
        wait_until(lambda: len(gaps) >= args.transitions, args.transitions * 2)
        after_items = pss_mb()
        ms = sorted(g * 1000 for g in gaps)
        median, p95 = statistics.median(ms), ms[int(len(ms) * 0.95) - 1]
        print(f"gap between items over {len(ms)} transitions: median {median:.0f} ms,"
              f" p95 {p95:.0f} ms, max {ms[-1]:.0f} ms")  # fmt: skip
        print(f"PSS after {len(ms)} transitions: {after_items:.1f} MiB ({after_items - base:+.1f})")

        stops: list[float] = []
        for _ in range(args.cycles):
            began = time.perf_counter()
            area.stop()
            stops.append(time.perf_counter() - began)
            app.processEvents()
            area.start()
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        pump(1)
        after_cycles = pss_mb()
        stop_median, stop_max = statistics.median(stops) * 1000, max(stops) * 1000
        print(f"stop() over {args.cycles} scan cycles: median {stop_median:.2f} ms,"
              f" max {stop_max:.2f} ms")  # fmt: skip
        print(f"PSS after {args.cycles} scan-and-return cycles: {after_cycles:.1f} MiB "
              f"({after_cycles - base:+.1f} against the baseline)")
        area.shutdown()
        samples.shutdown()

    closed = ScheduleSettings(hours=OpeningHours(days=[], times=["07:00-17:30"]))
    night = VideoArea(MediaSettings(schedule=closed), clock=lambda: datetime(2025, 7, 7, 3, 0))
    night.show()
    night.start()
    pump(1)
    before = resource.getrusage(resource.RUSAGE_SELF)
    began = time.perf_counter()
    pump(args.idle_seconds)
    after = resource.getrusage(resource.RUSAGE_SELF)
    used = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    share = used / (time.perf_counter() - began) * 100
    print(f"CPU while idle with no video (poster): {share:.2f} % of one core"
          f" over {args.idle_seconds:g} s")  # fmt: skip
    night.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
