"""Fixtures for the media tests: real libVLC with dummy outputs, short generated clips."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Before Qt or libVLC start: no screen, no sound card, a private runtime folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KIOSK_VLC_DUMMY"] = "1"
if not os.environ.get("XDG_RUNTIME_DIR"):
    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="kiosk-xdg-")

FFMPEG = shutil.which("ffmpeg")
COLOURS = {"red": "0xc0392b", "green": "0x27ae60", "blue": "0x2e86c1", "grey": "0x7f8c8d"}


def make_clip(path: Path, seconds: float, colour: str = "grey", size: str = "320x180") -> Path:
    """Encode a small H.264 clip with silent audio at `path`."""
    if FFMPEG is None:
        pytest.fail("ffmpeg is needed to make test clips: run scripts/test.sh", pytrace=False)
    cmd = [
        FFMPEG, "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"color=c={COLOURS.get(colour, colour)}:s={size}:r=25:d={seconds}",
        "-f", "lavfi", "-i", f"anullsrc=r=22050:cl=mono:d={seconds}",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "25",
        "-c:a", "aac", "-b:a", "16k", "-shortest", "-movflags", "+faststart", str(path),
    ]  # fmt: skip
    subprocess.run(cmd, check=True)
    return path


@pytest.fixture(scope="session")
def clip_cache(tmp_path_factory: pytest.TempPathFactory) -> Callable[[float, str], Path]:
    """Returns a clip of the given length and colour, made once per session."""
    folder = tmp_path_factory.mktemp("clips")
    made: dict[tuple[float, str], Path] = {}

    def get(seconds: float, colour: str = "grey") -> Path:
        key = (seconds, colour)
        if key not in made:
            made[key] = make_clip(folder / f"{colour}-{seconds}.mp4", seconds, colour)
        return made[key]

    return get


def settle(path: Path) -> Path:
    """Give `path` an old modification time, so a scan does not wait for it to settle."""
    old = time.time() - 3600
    os.utime(path, (old, old))
    return path


@pytest.fixture
def put(
    tmp_path: Path, clip_cache: Callable[[float, str], Path]
) -> Callable[..., Path]:
    """put(name, seconds=1.0, colour='grey', folder=None): copy a clip into the media folder."""

    def put_clip(
        name: str, seconds: float = 1.0, colour: str = "grey", folder: Path | None = None
    ) -> Path:
        target = (folder or tmp_path / "media") / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(clip_cache(seconds, colour), target)
        return settle(target)

    (tmp_path / "media").mkdir(exist_ok=True)
    return put_clip


@pytest.fixture
def media_dir(tmp_path: Path) -> Path:
    """The media folder `put` writes to."""
    folder = tmp_path / "media"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def make_area(qtbot) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    """make_area(settings, clock=None, parent=None) -> a shown VideoArea, shut down afterwards."""
    from PySide6.QtWidgets import QWidget

    from kiosk.media.video_area import VideoArea

    made: list[QWidget] = []  # strong references: pytest-qt only keeps weak ones

    def make(settings, clock=None, parent=None) -> VideoArea:  # type: ignore[no-untyped-def]
        area = VideoArea(settings, clock=clock, parent=parent)
        # Shut down before pytest-qt deletes the widgets, as the app does at exit.
        qtbot.addWidget(parent or area, before_close_func=lambda _widget: area.shutdown())
        area.resize(320, 180)
        if parent is not None:
            parent.layout().addWidget(area)
            parent.resize(400, 260)
        (parent or area).show()
        made.extend([area, parent or area])
        return area

    yield make
