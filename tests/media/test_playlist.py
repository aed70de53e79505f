"""Playlist building from a folder and from M3U files (pure, no Qt, no libVLC)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kiosk.media import playlist as pl
from tests.media.conftest import settle


def touch(path: Path, data: bytes = b"x" * 64) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return settle(path)


def test_folder_plays_in_natural_name_order_with_subfolders(tmp_path: Path) -> None:
    for name in ["10-cuoi.mp4", "2-giua.mkv", "1-dau.MP4", "sang/3-buoi-sang.webm", "anh.png"]:
        touch(tmp_path / name)
    result = pl.scan_folder(tmp_path)
    assert [i.key for i in result.items] == [
        "1-dau.MP4", "2-giua.mkv", "10-cuoi.mp4", "anh.png", "sang/3-buoi-sang.webm",
    ]  # fmt: skip
    assert [i.kind for i in result.items][3] is pl.Kind.IMAGE
    assert result.items[0].title == "dau"


def test_folder_leaves_out_bad_files_with_a_reason(tmp_path: Path) -> None:
    touch(tmp_path / "a.mp4")
    touch(tmp_path / "empty.mp4", b"")
    touch(tmp_path / "notes.docx")
    touch(tmp_path / ".hidden.mp4")
    fresh = tmp_path / "copying.mp4"
    fresh.write_bytes(b"x")
    result = pl.scan_folder(tmp_path)
    assert [i.key for i in result.items] == ["a.mp4"]
    reasons = dict(result.skipped)
    assert reasons["empty.mp4"] == "empty file (0 bytes)"
    assert reasons["notes.docx"].startswith("unsupported type")
    assert reasons["copying.mp4"] == "still being written"
    assert result.unsettled
    assert ".hidden.mp4" not in reasons


def test_unreadable_file_is_left_out(tmp_path: Path) -> None:
    path = touch(tmp_path / "locked.mp4")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # running as root: permissions do not apply
            return
        assert dict(pl.scan_folder(tmp_path).skipped)["locked.mp4"].startswith("unreadable")
    finally:
        path.chmod(0o644)


def test_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    result = pl.scan_folder(tmp_path / "nowhere")
    assert result.items == ()
    assert "not found" in result.problems[0]


def test_m3u_titles_durations_and_paths(tmp_path: Path) -> None:
    text = (
        "\ufeff#EXTM3U\n"
        '#EXTINF:12 tvg-name="a, b",Cách đọc giấy hẹn\n'
        "clips/a.mp4\n"
        "\n"
        "#EXTINF:-1,\n"
        f"{tmp_path / 'b.mkv'}\n"
        "#EXTINF:5,Thứ 7 vì dân\n"
        "file:///srv/anh%20thu%207.png\n"
        "https://example.org/live/stream.ts\n"
        "clips\\c.mp4\n"
        "readme.txt\n"
    )
    items, bad = pl.parse_m3u(text, tmp_path)
    assert [i.title for i in items] == ["Cách đọc giấy hẹn", "b", "Thứ 7 vì dân", "stream", "c"]
    assert items[0].location == str(tmp_path / "clips" / "a.mp4")
    assert items[0].explicit_title and not items[1].explicit_title
    assert items[2].location == "/srv/anh thu 7.png"
    assert items[2].kind is pl.Kind.IMAGE and items[2].duration_s == 5.0
    assert items[1].duration_s is None
    assert items[3].location == "https://example.org/live/stream.ts"
    assert items[4].location == str(tmp_path / "clips" / "c.mp4")
    assert bad == [("readme.txt", "line 11: unsupported type")]
    assert [i.order for i in items] == sorted(i.order for i in items)


def test_m3u_file_in_windows_vietnamese_encoding_and_missing_entries(tmp_path: Path) -> None:
    touch(tmp_path / "a.mp4")
    # "Hướng dẫn" as Windows writes it: ư, ơ precomposed, tone marks combining.
    (tmp_path / "list.m3u").write_bytes(
        b"#EXTINF:3,H\xfd\xf5\xecng d\xe2\xden\na.mp4\n#EXTINF:3,M\xe2\xect\ngone.mp4\n"
    )
    result = pl.load_m3u(tmp_path / "list.m3u")
    assert [i.title for i in result.items] == ["Hướng dẫn"]
    assert result.skipped == ((str(tmp_path / "gone.mp4"), "missing"),)


def test_sidecar_schedule_is_read_and_its_problems_reported(tmp_path: Path) -> None:
    touch(tmp_path / "a.mp4")
    (tmp_path / "schedule.toml").write_text(
        '[[rules]]\nmatch = "thu-7*"\ndays = ["t7"]\n\n[[volume]]\ntimes = ["11:30-13:30"]\n'
        "volume = 0\n[hours]\ndays = [\"funday\"]\n",
        encoding="utf-8",
    )
    result = pl.scan_folder(tmp_path, "schedule.toml")
    assert result.schedule is not None
    assert result.schedule.rules[0].days == ["t7"]
    assert result.sidecar_keys == {"rules", "volume", "hours"}
    assert any("hours.days[0]" in p for p in result.problems)
    assert [i.key for i in result.items] == ["a.mp4"]


def test_default_source_is_the_shipped_samples() -> None:
    result = pl.load("", "", "schedule.toml", wall=lambda: time.time() + 3600)
    assert result.source == str(pl.SAMPLES)
    assert len([i for i in result.items if i.kind is pl.Kind.VIDEO]) >= 2
    assert result.problems == ()
    total = sum(Path(i.location).stat().st_size for i in result.items)
    assert total < 3 * 1024 * 1024


@given(st.text())
def test_m3u_parser_never_crashes(text: str) -> None:
    items, bad = pl.parse_m3u(text, Path("/media"))
    assert len(items) + len(bad) <= len(text.splitlines())


@given(st.text(max_size=40))
def test_titles_and_kinds_never_crash(name: str) -> None:
    pl.pretty_title(name)
    pl.kind_of(name)
    pl.natural_key(name)


def test_diagnose_names_libvlc_the_source_and_each_skipped_file(tmp_path: Path) -> None:
    from kiosk.media import diagnose
    from kiosk.media.settings import MediaSettings

    touch(tmp_path / "a.mp4")
    touch(tmp_path / "empty.mp4", b"")
    lines = diagnose(MediaSettings(folder=str(tmp_path)), start_vlc=False)
    assert lines[0].startswith("libVLC: 3.")
    assert f"media folder: {tmp_path}" in lines
    assert "media: 1 video(s), 0 image(s) found" in lines
    assert "media: left out empty.mp4: empty file (0 bytes)" in lines


def test_shipped_samples_show_the_saturday_slide_on_saturdays_only() -> None:
    from datetime import datetime

    from kiosk.media.schedule import Schedule, merged
    from kiosk.media.settings import ScheduleSettings

    result = pl.load("", "", "schedule.toml", wall=lambda: time.time() + 3600)
    schedule = Schedule(merged(ScheduleSettings(), result.schedule, result.sidecar_keys))
    monday = [i.key for i in schedule.allowed(result.items, datetime(2025, 7, 7, 9, 0))]
    saturday = [i.key for i in schedule.allowed(result.items, datetime(2025, 7, 5, 9, 0))]
    assert "04-thu-7-vi-dan.png" in saturday and "04-thu-7-vi-dan.png" not in monday
