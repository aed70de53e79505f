"""The video area with real libVLC (dummy outputs): order, slides, skipping, rebuilding, scans."""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.media.settings import (
    ItemRule,
    MediaSettings,
    OpeningHours,
    ScheduleSettings,
    VolumeRule,
)
from kiosk.media.video_area import VideoArea
from tests.media.conftest import settle

pytestmark = pytest.mark.vlc
ALWAYS = ScheduleSettings(hours=OpeningHours(days=[], times=[]))


def settings(folder: Path, **changes: object) -> MediaSettings:
    base: dict[str, object] = {
        "folder": str(folder), "schedule": ALWAYS, "start_timeout_s": 3.0,
        "stall_timeout_s": 2.0, "image_duration_s": 1.0,
    }  # fmt: skip
    base.update(changes)
    return MediaSettings(**base)  # type: ignore[arg-type]


def titles_of(area: VideoArea) -> list[str]:
    seen: list[str] = []
    area.playing.connect(seen.append)
    return seen


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return settle(path)


def write_png(path: Path, colour: str = "#336699") -> Path:
    image = QImage(160, 90, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return settle(path)


def test_plays_the_folder_in_name_order_and_loops(qtbot, put, media_dir, make_area) -> None:
    put("10-muoi.mp4", 0.6)
    put("2-hai.mp4", 0.6)
    put("1-mot.mp4", 0.6)
    area = make_area(settings(media_dir))
    seen = titles_of(area)
    area.start()
    qtbot.waitUntil(lambda: len(seen) >= 4, timeout=10_000)
    assert seen[:4] == ["mot", "hai", "muoi", "mot"]
    assert area.showing == "video" and area.current_title in ("mot", "hai")


def test_images_stay_for_the_configured_duration(qtbot, put, media_dir, make_area) -> None:
    put("1-video.mp4", 0.5)
    write_png(media_dir / "2-thu-7-vi-dan.png")
    area = make_area(settings(media_dir, image_duration_s=1.5))
    stamps: list[tuple[str, float]] = []
    area.playing.connect(lambda title: stamps.append((title, time.monotonic())))
    area.start()
    qtbot.waitUntil(lambda: [t for t, _ in stamps][:3] == ["video", "thu 7 vi dan", "video"],
                    timeout=10_000)  # fmt: skip
    shown_for = stamps[2][1] - stamps[1][1]
    assert 1.4 <= shown_for <= 2.2


def test_image_is_on_screen_while_it_plays(qtbot, media_dir, make_area) -> None:
    write_png(media_dir / "anh.png")
    area = make_area(settings(media_dir))
    area.start()
    qtbot.waitUntil(lambda: area.showing == "image", timeout=5_000)
    assert area.poster_view.shown_image.endswith("anh.png")
    assert area.current_title == "anh"


def test_corrupt_and_empty_files_are_skipped(qtbot, put, media_dir, make_area) -> None:
    put("1-tot.mp4", 0.5)
    write(media_dir / "2-hong.mp4", os.urandom(40_000))
    write(media_dir / "3-rong.mp4", b"")
    put("4-cuoi.mp4", 0.5)
    area = make_area(settings(media_dir))
    seen = titles_of(area)
    skipped: list[tuple[str, str]] = []
    area.skipped.connect(lambda title, reason: skipped.append((title, reason)))
    area.start()
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=10_000)
    assert seen[:3] == ["tot", "cuoi", "tot"]
    assert [t for t, _ in skipped] == ["hong"]
    assert "corrupt" in area.skipped_items()["2-hong.mp4"]
    assert "3-rong.mp4" not in str(seen)


def test_file_emptied_after_the_scan_is_skipped_by_the_player(
    qtbot, put, media_dir, make_area
) -> None:
    put("1-dau.mp4", 0.8)
    victim = put("2-bi-xoa-noi-dung.mp4", 0.5)
    put("3-sau.mp4", 0.5)
    area = make_area(settings(media_dir))
    seen = titles_of(area)
    area.start()
    qtbot.waitUntil(lambda: seen == ["dau"], timeout=5_000)
    victim.write_bytes(b"")  # a failed copy truncated it after the playlist was built
    with qtbot.waitSignal(area.skipped, timeout=5_000) as blocker:
        pass
    assert blocker.args[0] == "bi xoa noi dung"
    assert "libVLC error" in blocker.args[1]
    qtbot.waitUntil(lambda: seen[-1:] == ["sau"], timeout=5_000)


def test_folder_changes_rebuild_without_cutting_the_current_item(
    qtbot, put, media_dir, make_area
) -> None:
    put("1-a.mp4", 3.0)
    gone = put("3-c.mp4", 0.5)
    area = make_area(settings(media_dir))
    seen = titles_of(area)
    area.start()
    qtbot.waitUntil(lambda: seen == ["a"], timeout=5_000)
    token = area.player.token
    with qtbot.waitSignal(area.rebuilt, timeout=6_000, check_params_cb=lambda n: n == 3):
        put("2-b.mp4", 0.5)
    assert area.player.token == token and area.player.phase == "playing"  # not cut
    assert seen == ["a"]
    with qtbot.waitSignal(area.rebuilt, timeout=6_000, check_params_cb=lambda n: n == 2):
        gone.unlink()
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=10_000)
    assert seen[:3] == ["a", "b", "a"]


class IdleScreen(QWidget):
    """What the app's idle screen does: a press anywhere leaves the video for the lookup."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0
        self.stop_took = -1.0
        self.area: VideoArea | None = None
        QVBoxLayout(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.presses += 1
        assert self.area is not None
        began = time.perf_counter()
        self.area.stop()
        self.stop_took = time.perf_counter() - began


@pytest.mark.parametrize(("resume", "after"), [("position", "a"), ("next", "b")])
def test_a_touch_leaves_the_video_at_once_and_idle_resumes(
    qtbot, put, media_dir, make_area, resume: str, after: str
) -> None:
    put("1-a.mp4", 4.0)
    put("2-b.mp4", 1.0)
    screen = IdleScreen()
    area = make_area(settings(media_dir, resume=resume), parent=screen)
    screen.area = area
    seen = titles_of(area)
    area.start()
    qtbot.waitUntil(lambda: seen == ["a"] and area.player.time_ms() > 800, timeout=5_000)
    assert area.focusPolicy() == Qt.FocusPolicy.NoFocus
    surface = area.surface
    assert surface.isVisible() and surface.focusPolicy() == Qt.FocusPolicy.NoFocus

    left = time.perf_counter()
    qtbot.mouseClick(surface, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(lambda: not area.player.is_playing(), timeout=1_000)
    left = time.perf_counter() - left
    assert screen.presses == 1  # the click reached the idle screen
    assert screen.stop_took < 0.1 and left < 0.1
    position = area.player.time_ms()
    qtbot.wait(300)
    assert area.player.time_ms() == position  # really paused
    assert QApplication.focusWidget() not in (area, surface)

    with qtbot.waitSignal(area.playing, timeout=5_000) as blocker:
        area.start()
    assert blocker.args == [after]
    if resume == "position":
        qtbot.waitUntil(lambda: area.player.time_ms() > position, timeout=3_000)
        assert area.player.time_ms() < position + 1500


def test_broken_libvlc_falls_back_to_the_images(qtbot, put, media_dir, make_area) -> None:
    put("1-video.mp4", 0.5)
    write_png(media_dir / "2-anh.png")
    area = make_area(settings(media_dir, vlc_options=["--this-option-does-not-exist"]))
    seen = titles_of(area)
    with qtbot.waitSignal(area.fallback, timeout=5_000) as blocker:
        area.start()
    assert "did not start" in blocker.args[0]
    qtbot.waitUntil(lambda: seen[:1] == ["anh"], timeout=5_000)
    assert area.showing == "image"
    assert "did not start" in area.skipped_items()["1-video.mp4"]


def test_every_item_failing_shows_a_text_card(qtbot, media_dir, make_area) -> None:
    write(media_dir / "hong.mp4", os.urandom(20_000))
    area = make_area(settings(media_dir))
    with qtbot.waitSignal(area.fallback, timeout=8_000) as blocker:
        area.start()
    assert "no playable" in blocker.args[0]
    assert area.showing == "poster" and "Chào mừng quý khách" in area.poster_view.card_text


def test_outside_opening_hours_a_poster_then_video_at_opening(
    qtbot, put, media_dir, make_area
) -> None:
    put("1-a.mp4", 1.0)
    now = [datetime(2025, 7, 7, 20, 0)]  # Monday evening
    hours = ScheduleSettings(hours=OpeningHours(days=["t2", "t3"], times=["07:00-17:30"]))
    area = make_area(settings(media_dir, schedule=hours), clock=lambda: now[0])
    with qtbot.waitSignal(area.fallback, timeout=5_000) as blocker:
        area.start()
    assert blocker.args == ["outside opening hours"]
    assert "07:00-17:30" in area.poster_view.card_text and area.player is None
    assert "Ngoài giờ làm việc" in area.poster_view.card_text
    now[0] = datetime(2025, 7, 8, 8, 0)  # Tuesday morning
    with qtbot.waitSignal(area.playing, timeout=5_000):
        area._on_tick()  # the periodic check the area runs every few seconds
    assert area.showing == "video"


def test_volume_follows_the_schedule_and_items_follow_rules(
    qtbot, put, media_dir, make_area
) -> None:
    put("1-a.mp4", 0.5)
    put("2-thu-7.mp4", 0.5)
    now = [datetime(2025, 7, 7, 12, 0)]  # Monday lunch
    schedule = ScheduleSettings(
        hours=OpeningHours(days=[], times=[]),
        rules=[ItemRule(match="*thu-7*", days=["t7"])],
        volume=[VolumeRule(times=["11:30-13:30"], volume=0)],
    )
    area = make_area(settings(media_dir, schedule=schedule, volume=70), clock=lambda: now[0])
    seen = titles_of(area)
    area.start()
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=5_000)
    assert seen[:2] == ["a", "a"]  # the Saturday clip is not shown on a Monday
    assert area.player.volume() == 0
    now[0] = datetime(2025, 7, 12, 9, 0)  # Saturday morning
    qtbot.waitUntil(lambda: "thu 7" in seen, timeout=5_000)
    assert area.player.volume() == 70


def test_staff_mute_wins_over_the_schedule_and_volume_applies_at_once(
    qtbot, put, media_dir, make_area
) -> None:
    put("1-a.mp4", 1.0)
    schedule = ScheduleSettings(hours=OpeningHours(days=[], times=[]))
    area = make_area(settings(media_dir, schedule=schedule, volume=70))
    area.start()
    qtbot.waitUntil(lambda: area.player is not None and area.showing == "video", timeout=5_000)
    assert area.player.volume() == 70
    area.set_volume(40, muted=False)
    assert area.player.volume() == 40
    area.set_volume(40, muted=True)
    assert area.player.volume() == 0
    area.set_volume(40, muted=False)
    assert area.player.volume() == 40


def test_a_switch_between_videos_holds_the_last_picture(
    qtbot, put, media_dir, make_area
) -> None:
    put("1-a.mp4", 0.5, "red")
    put("2-b.mp4", 0.5, "blue")
    area = make_area(settings(media_dir))
    during: list[tuple[bool, bool, bool]] = []

    def look() -> None:  # the next item's output opened: the switch is under way
        during.append((area.holding, area.poster_view.isVisible(), area.surface.isVisible()))

    area.frame_shown.connect(look)
    area.start()
    qtbot.waitUntil(lambda: len(during) >= 3, timeout=10_000)
    assert during[0] == (False, False, True)  # the first item has nothing to hold
    assert during[1:3] == [(True, True, False)] * 2  # a still covers the surface
    assert area.showing == "video" and area.poster_view.shown_image == ""
    qtbot.waitUntil(lambda: not area.holding, timeout=2_000)  # the output settled
    assert area.surface.isVisible() and not area.poster_view.isVisible()


def test_a_scan_during_a_switch_and_images_end_the_hold(
    qtbot, put, media_dir, make_area
) -> None:
    put("1-a.mp4", 0.5)
    put("2-b.mp4", 0.5)
    write_png(media_dir / "3-anh.png")
    area = make_area(settings(media_dir))
    area.frame_shown.connect(lambda: area.stop() if area.holding else None)
    area.start()
    qtbot.waitUntil(lambda: area.player is not None and area.player.phase == "paused",
                    timeout=10_000)  # fmt: skip
    assert area.holding  # the scan came while the still was up: it stays, paused
    with qtbot.waitSignal(area.playing, timeout=5_000):
        area.start()  # back to idle: the paused item continues on the surface
    assert not area.holding and area.surface.isVisible()
    qtbot.waitUntil(lambda: area.showing == "image", timeout=10_000)
    assert not area.holding and area.poster_view.shown_image.endswith("3-anh.png")
