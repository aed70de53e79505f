"""Daily scan counts: survive restarts, recover from a damaged file, hold only counts."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

import pytest

from kiosk.dossier import VN_TZ
from kiosk.usage import OUTCOMES, UsageCounter


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 3, 9, 30, tzinfo=VN_TZ)

    def __call__(self) -> dt.datetime:
        return self.now


def _rows(path: Path) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT day, outcome, count FROM daily ORDER BY day, outcome").fetchall()
    finally:
        db.close()


def test_counts_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "usage.sqlite3"
    clock = Clock()
    with UsageCounter(path, clock) as usage:
        for outcome in ["found", "found", "not_found", "failed", "refused", "found"]:
            usage.record(outcome)
        assert usage.today() == {"found": 3, "not_found": 1, "failed": 1, "refused": 1}
        assert usage.last_lookup == "found"
    with UsageCounter(path, clock) as again:
        assert again.today() == {"found": 3, "not_found": 1, "failed": 1, "refused": 1}
        assert again.last_lookup is None  # "did the last lookup work" is about this run
        again.record("not_found")
        assert again.today()["not_found"] == 2


def test_a_new_day_starts_at_zero_and_history_is_kept(tmp_path: Path) -> None:
    clock = Clock()
    with UsageCounter(tmp_path / "usage.sqlite3", clock) as usage:
        usage.record("found")
        usage.record("failed")
        clock.now += dt.timedelta(days=1)
        assert usage.today() == dict.fromkeys(OUTCOMES, 0)
        usage.record("refused")
        days = usage.days(3)
    assert [day for day, _ in days] == [
        dt.date(2026, 12, 4), dt.date(2026, 12, 3), dt.date(2026, 12, 2)
    ]
    assert days[0][1] == {"found": 0, "not_found": 0, "failed": 0, "refused": 1}
    assert days[1][1] == {"found": 1, "not_found": 0, "failed": 1, "refused": 0}
    assert days[2][1] == dict.fromkeys(OUTCOMES, 0)


def test_only_dates_outcomes_and_numbers_are_stored(tmp_path: Path) -> None:
    path = tmp_path / "usage.sqlite3"
    with UsageCounter(path, Clock()) as usage:
        usage.record("found")
        usage.record("not_found")
        with pytest.raises(ValueError):
            usage.record("000.00.53.H48-261201-0001")
    db = sqlite3.connect(path)
    try:
        tables = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
        columns = [(r[1], r[2]) for r in db.execute("PRAGMA table_info(daily)")]
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        db.close()
    assert [name for name, _ in tables] == ["daily"]
    assert columns == [("day", "TEXT"), ("outcome", "TEXT"), ("count", "INTEGER")]
    assert mode == "wal"
    assert _rows(path) == [("2026-12-03", "found", 1), ("2026-12-03", "not_found", 1)]


def test_corrupt_file_is_moved_aside_and_counting_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "usage.sqlite3"
    path.write_bytes(b"this is not a database file, just bytes " * 200)
    with caplog.at_level(logging.WARNING, logger="kiosk"), UsageCounter(path, Clock()) as usage:
        usage.record("found")
        assert usage.today()["found"] == 1
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("usage.sqlite3.bad-")]
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not")
    assert _rows(path) == [("2026-12-03", "found", 1)]
    assert len([r for r in caplog.records if "usage counts" in r.getMessage()]) == 1


def test_locked_file_is_replaced_keeping_todays_counts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "usage.sqlite3"
    usage = UsageCounter(path, Clock())
    other = sqlite3.connect(path, isolation_level=None)
    try:
        usage.record("found")
        other.execute("BEGIN EXCLUSIVE")  # another program holds the file
        with caplog.at_level(logging.WARNING, logger="kiosk"):
            usage.record("found")
        assert usage.today()["found"] == 2
        assert any("usage counts" in r.getMessage() for r in caplog.records)
    finally:
        other.close()
        usage.close()
    assert _rows(path) == [("2026-12-03", "found", 2)]


def test_unwritable_folder_counts_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with UsageCounter(blocker / "usage.sqlite3", Clock()) as usage:  # parent is a file
        usage.record("failed")
        usage.record("failed")
        assert usage.today()["failed"] == 2
        assert usage.days(2)[1][1] == dict.fromkeys(OUTCOMES, 0)
