"""Benchmark the idle video: start-up, gaps between items, memory, idle CPU.

Run under a display for real video output (X11 or Xvfb), or with --dummy:
    xvfb-run -s "-screen 0 1280x720x24" python benchmarks/bench_media.py [--no-audio]
    python benchmarks/bench_media.py --dummy

Prints:
  * time from process start to the first video frame of the shipped samples;
  * the switch between consecutive items (--transitions transitions of short clips of
    four colours): from libVLC's end of an item to the next item's video output, and,
    on X11, what a viewer sees: a pixel in the middle of the area is read from the X
    server every millisecond, so the time without clip colours between two clips (the
    visible gap, with how often black or the background showed) and the time from
    the end of a clip to the first picture of the next;
  * PSS (proportional resident memory) with video playing; during the transitions,
    PSS read every 50 ms and summed up per 100 transitions (median, min, max), since
    one reading swings by tens of MiB as decoders come and go; the growth is the
    median of the last block against the first after the warm-up;
  * PSS after --cycles scan-and-return cycles (stop() then start());
  * CPU use while idle with no video (outside opening hours: poster only).
Linux only (PSS from /proc/self/smaps_rollup; the pixel reader needs libX11).
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before Qt and libVLC load

import argparse  # noqa: E402 - the clock above must start first
import ctypes  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def pss_mb() -> float:
    """Proportional set size of this process in MiB."""
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return float("nan")


CLIP_COLOURS = (0x1F4E79, 0x1E6B52, 0x5B3A70, 0x8A4B08)
BACKGROUND = 0x12324A  # the area's own background (kiosk.media.poster.BACKGROUND)


def make_clips(folder: Path, count: int, seconds: float) -> None:
    """Short H.264 clips with audio, different colours, for many quick transitions."""
    ffmpeg = shutil.which("ffmpeg") or sys.exit("ffmpeg is needed")
    for index in range(count):
        colour = f"0x{CLIP_COLOURS[index % 4]:06x}"
        subprocess.run(
            [ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
             "-f", "lavfi", "-i", f"color=c={colour}:s=640x360:r=25:d={seconds}",
             "-f", "lavfi", "-i", f"anullsrc=r=44100:cl=mono:d={seconds}",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
             "-c:a", "aac", "-shortest", str(folder / f"{index:02d}.mp4")],
            check=True,
        )  # fmt: skip
        old = time.time() - 3600
        os.utime(folder / f"{index:02d}.mp4", (old, old))


class PixelReader(threading.Thread):
    """Reads one pixel of the screen from the X server about every millisecond.

    Only changes are kept, as (end of the previous value, start, pixel): a list of
    every reading would itself grow the PSS being measured.
    """

    def __init__(self, display: str, x: int, y: int) -> None:
        super().__init__(daemon=True)
        self.changes: list[tuple[float, float, int]] = []
        self._x, self._y, self._done = x, y, threading.Event()
        lib = ctypes.CDLL("libX11.so.6")
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XGetImage.restype = ctypes.c_void_p
        lib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                  ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        lib.XGetPixel.restype = ctypes.c_ulong
        lib.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        lib.XDestroyImage.argtypes = [ctypes.c_void_p]
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._lib = lib
        self._dpy = lib.XOpenDisplay(display.encode())  # a connection of its own

    def run(self) -> None:
        lib, root = self._lib, self._lib.XDefaultRootWindow(self._dpy)
        last, last_at = -1, 0.0
        while not self._done.is_set():
            image = lib.XGetImage(self._dpy, root, self._x, self._y, 1, 1, 0xFFFFFFFF, 2)
            now, pixel = time.perf_counter(), lib.XGetPixel(image, 0, 0) & 0xFFFFFF
            lib.XDestroyImage(image)
            if pixel != last:
                self.changes.append((last_at, now, pixel))
                last = pixel
            last_at = now
            time.sleep(0.001)

    def finish(self) -> None:
        self._done.set()
        self.join()
        self._lib.XCloseDisplay(self._dpy)


def near(pixel: int, colour: int) -> bool:
    """Whether `pixel` is `colour`, allowing for the colour conversion of the video."""
    return all(abs((pixel >> s & 255) - (colour >> s & 255)) <= 24 for s in (0, 8, 16))


def clip_of(pixel: int) -> int:
    """Index of the clip colour `pixel` shows, else -1."""
    return next((i for i, colour in enumerate(CLIP_COLOURS) if near(pixel, colour)), -1)


def visible_switches(
    changes: list[tuple[float, float, int]], ends: list[float]
) -> tuple[list[float], list[float], int, int]:
    """Per switch between two clips: the time without a clip colour, and end-to-picture.

    Returns (gaps ms, end of item to the next picture ms, switches showing black,
    switches showing the background).
    """
    gaps: list[float] = []
    to_picture: list[float] = []
    black = background = 0
    last_clip, last_seen, between = -1, 0.0, set()
    for previous_end, stamp, pixel in changes:
        clip = clip_of(pixel)
        if last_clip >= 0 and not between:
            last_seen = previous_end  # the previous clip colour was read until then
        if clip < 0:
            between.add(pixel)
            continue
        if last_clip >= 0 and clip != last_clip:
            gaps.append((stamp - last_seen) * 1000 if between else 0.0)
            black += any(near(p, 0) for p in between)
            background += any(near(p, BACKGROUND) for p in between)
            done = [end for end in ends if end <= stamp]
            if done:
                to_picture.append((stamp - done[-1]) * 1000)
        last_clip, last_seen, between = clip, stamp, set()
    return gaps, to_picture, black, background


def spread(values: list[float]) -> str:
    """'median / p95 / max' of `values` in ms."""
    ordered = sorted(values)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"{statistics.median(ordered):.0f} / {p95:.0f} / {ordered[-1]:.0f} ms"


def main() -> int:
    """Run every measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dummy", action="store_true", help="dummy audio/video output")
    parser.add_argument("--transitions", type=int, default=1500)
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
        outputs: list[float] = []
        area.start()
        wait_until(lambda: area.player is not None, 10)
        assert area.player is not None
        area.player.ended.connect(lambda _t: ended.append(time.perf_counter()))

        def on_output() -> None:
            if ended:
                outputs.append((time.perf_counter() - ended[-1]) * 1000)

        area.frame_shown.connect(on_output)
        wait_until(lambda: len(outputs) >= 20, 60)
        reader = None
        if output == "X11":
            centre = area.surface.mapToGlobal(area.surface.rect().center())
            reader = PixelReader(os.environ["DISPLAY"], centre.x(), centre.y())
            reader.start()
        readings: list[float] = []
        sampler = QTimer(interval=50)
        sampler.timeout.connect(lambda: readings.append(pss_mb()))
        sampler.start()
        blocks: list[float] = []
        print("PSS during the transitions (after 20 to warm up), every 100:"
              " median [min-max] MiB")  # fmt: skip
        for mark in range(100, args.transitions + 1, 100):
            wait_until(lambda: len(outputs) >= 20 + mark, 300)  # noqa: B023 - used at once
            blocks.append(statistics.median(readings))
            print(f"  {mark:5d}: {blocks[-1]:6.1f} [{min(readings):.1f}-{max(readings):.1f}]")
            readings.clear()
        sampler.stop()
        if reader is not None:
            reader.finish()
        print(f"end of an item to the next item's video output: {spread(outputs[20:]) }"
              f" over {len(outputs) - 20} transitions")  # fmt: skip
        if reader is not None:
            gaps, to_picture, black, background = visible_switches(reader.changes, ended)
            print(f"visible gap between clips (no clip colour), median / p95 / max:"
                  f" {spread(gaps)} over {len(gaps)} switches;"
                  f" black in {black}, background in {background}")  # fmt: skip
            print(f"end of a clip to the next clip's picture: {spread(to_picture)}"
                  f" (the last picture is held meanwhile)")  # fmt: skip
        if len(blocks) >= 2:
            base = blocks[0]
            print(f"PSS growth, median of the last 100 transitions against the first 100:"
                  f" {blocks[-1] - base:+.1f} MiB; largest block median"
                  f" {max(blocks) - base:+.1f} MiB")  # fmt: skip
        else:
            base = pss_mb()

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
              f"({after_cycles - base:+.1f} against the first 100 transitions)")
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
