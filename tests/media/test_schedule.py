"""Schedules evaluated against an injected time (pure)."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.media.playlist import Item, Kind
from kiosk.media.rotation import BadItems, Rotation
from kiosk.media.schedule import Schedule, When, merged, parse_window, validate
from kiosk.media.settings import ItemRule, OpeningHours, ScheduleSettings, VolumeRule

SAT_MORNING = datetime(2025, 7, 5, 9, 0)  # a Saturday
MON_MORNING = datetime(2025, 7, 7, 9, 0)
MON_AFTERNOON = datetime(2025, 7, 7, 15, 0)


def item(key: str, n: int) -> Item:
    return Item(f"/m/{key}", key, key, Kind.VIDEO, (n,))


ITEMS = [item("01-huong-dan.mp4", 1), item("02-thu-7-vi-dan.png", 2), item("sang/03-qr.mp4", 3)]
RULES = ScheduleSettings(
    rules=[
        ItemRule(match="*thu-7*", days=["t7"]),
        ItemRule(match="sang/", times=["07:00-11:30"]),
    ]
)


def keys(items: list[Item]) -> list[str]:
    return [i.key for i in items]


def test_weekend_notice_only_on_saturday_and_clip_only_in_the_morning() -> None:
    schedule = Schedule(RULES)
    assert keys(schedule.allowed(ITEMS, SAT_MORNING)) == keys(ITEMS)
    assert keys(schedule.allowed(ITEMS, MON_MORNING)) == ["01-huong-dan.mp4", "sang/03-qr.mp4"]
    assert keys(schedule.allowed(ITEMS, MON_AFTERNOON)) == ["01-huong-dan.mp4"]


def test_schedule_matching_nothing_falls_back_to_the_full_playlist() -> None:
    only_weekend = Schedule(ScheduleSettings(rules=[ItemRule(match="*", days=["cn"])]))
    assert keys(only_weekend.allowed(ITEMS, MON_MORNING)) == keys(ITEMS)


def test_opening_hours_and_volume() -> None:
    schedule = Schedule(
        ScheduleSettings(
            hours=OpeningHours(days=["mon", "tue", "wed", "thu", "fri", "sat"],
                               times=["07:00-11:30", "13:30-17:00"]),
            volume=[VolumeRule(times=["11:30-13:30"], volume=0),
                    VolumeRule(times=["16:00-24:00"], volume=30)],
        )
    )  # fmt: skip
    assert schedule.is_open(MON_MORNING)
    assert not schedule.is_open(datetime(2025, 7, 7, 12, 0))
    assert not schedule.is_open(datetime(2025, 7, 6, 9, 0))  # Sunday
    assert schedule.volume(datetime(2025, 7, 7, 12, 0), 60) == 0
    assert schedule.volume(datetime(2025, 7, 7, 16, 30), 60) == 30
    assert schedule.volume(datetime(2025, 7, 7, 23, 59, 59), 60) == 30
    assert schedule.volume(MON_MORNING, 60) == 60


def test_window_over_midnight_counts_for_the_day_it_began() -> None:
    friday_night = When.parse(["fri"], ["22:00-06:00"])
    assert friday_night.matches(datetime(2025, 7, 4, 23, 0))
    assert friday_night.matches(datetime(2025, 7, 5, 5, 59))  # Saturday early morning
    assert not friday_night.matches(datetime(2025, 7, 5, 23, 0))


@pytest.mark.parametrize("text", ["7-11", "07:00", "25:00-26:00", "08:00-08:00", "07:60-08:00"])
def test_bad_windows_are_reported_and_ignored(text: str) -> None:
    with pytest.raises(ValueError):
        parse_window(text)
    settings = ScheduleSettings(hours=OpeningHours(days=[], times=[text]))
    assert validate(settings) == [f"schedule.hours: {parse_error(text)}; ignored"]
    assert Schedule(settings).is_open(MON_MORNING)  # a broken window never blacks out


def parse_error(text: str) -> str:
    try:
        parse_window(text)
    except ValueError as exc:
        return str(exc)
    return ""


def test_sidecar_tables_replace_config_tables() -> None:
    config = ScheduleSettings(volume=[VolumeRule(volume=10)])
    sidecar = ScheduleSettings(rules=[ItemRule(match="x")])
    result = merged(config, sidecar, frozenset({"rules"}))
    assert result.rules == sidecar.rules and result.volume == config.volume


def test_rotation_follows_order_schedule_and_bad_items() -> None:
    now = [MON_MORNING]
    ticks = [0.0]
    bad = BadItems(60, clock=lambda: ticks[0])
    rotation = Rotation(Schedule(RULES), bad, lambda: now[0])
    rotation.set_items(ITEMS)
    assert rotation.first() == ITEMS[0]
    assert rotation.next_after(ITEMS[0]) == ITEMS[2]  # the Saturday slide is skipped
    assert rotation.next_after(ITEMS[2]) == ITEMS[0]
    assert bad.mark(ITEMS[0].key, "stalled") is True
    assert bad.mark(ITEMS[0].key, "stalled") is False  # logged once
    assert rotation.next_after(ITEMS[2]) == ITEMS[2]
    assert bad.mark(ITEMS[2].key, "error")
    # only the Saturday slide is left: on a Monday it plays rather than nothing
    assert rotation.next_after(None) == ITEMS[1]
    bad.mark(ITEMS[1].key, "error")
    assert rotation.next_after(None) is None  # everything failed: the caller shows a poster
    ticks[0] = 61
    assert rotation.first() == ITEMS[0] and bad.entries() == {}
    # an item that vanished from the playlist is followed by the next one in order
    rotation.set_items([ITEMS[0], ITEMS[2]])
    now[0] = SAT_MORNING
    assert rotation.next_after(ITEMS[1]) == ITEMS[2]


@given(st.text(max_size=20))
def test_window_parser_only_raises_value_error(text: str) -> None:
    try:
        start, end = parse_window(text)
    except ValueError:
        return
    assert isinstance(start, time) and isinstance(end, time)
