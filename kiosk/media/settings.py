"""Settings of the idle guidance media (the `[media]` table)."""

from __future__ import annotations

import dataclasses

from kiosk.schema import opt

#: Day names accepted in schedules: English and Vietnamese (t2 = Monday ... cn = Sunday).
DAY_NAMES = (
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "t2", "t3", "t4", "t5", "t6", "t7", "cn",
)  # fmt: skip


@dataclasses.dataclass(frozen=True)
class OpeningHours:
    days: list[str] = opt(
        ["mon", "tue", "wed", "thu", "fri", "sat"],
        "Days the office is open; empty = every day.",
        choices=DAY_NAMES,
    )
    times: list[str] = opt(
        ["07:00-17:30"],
        "Opening windows 'HH:MM-HH:MM'; outside them a calm poster replaces the video. "
        "Empty = always open.",
    )


@dataclasses.dataclass(frozen=True)
class ItemRule:
    match: str = opt(
        "",
        "Which items: a file-name pattern ('thu-7*'), a sub-folder ('sang/*') or a title.",
        min=1,
    )
    days: list[str] = opt([], "Days the items may play; empty = every day.", choices=DAY_NAMES)
    times: list[str] = opt([], "Windows 'HH:MM-HH:MM' the items may play; empty = all day.")


@dataclasses.dataclass(frozen=True)
class VolumeRule:
    days: list[str] = opt([], "Days this level applies; empty = every day.", choices=DAY_NAMES)
    times: list[str] = opt([], "Windows 'HH:MM-HH:MM' this level applies; empty = all day.")
    volume: int = opt(0, "Volume in percent while the rule applies (0 = muted).", min=0, max=100)


@dataclasses.dataclass(frozen=True)
class ScheduleSettings:
    hours: OpeningHours = opt(OpeningHours, "Opening hours of the office.")
    rules: list[ItemRule] = opt(
        [],
        "When given items may play; items no rule matches play always. The first matching "
        "rule wins. If nothing may play now, the whole playlist plays.",
    )
    volume: list[VolumeRule] = opt(
        [], "Volume by time of day; the first matching rule wins, else media.volume."
    )


@dataclasses.dataclass(frozen=True)
class MediaSettings:
    enabled: bool = opt(True, "Play guidance videos while idle.")
    folder: str = opt("", "Folder of clips and images, played in name order; empty = samples.")
    playlist: str = opt(
        "", "An M3U/M3U8 playlist file to play instead of the folder; empty = use the folder."
    )
    sidecar: str = opt(
        "schedule.toml",
        "Schedule file next to the clips (or the playlist) with [hours], [[rules]], "
        "[[volume]]; its tables replace those of media.schedule. Empty = none.",
    )
    image_duration_s: float = opt(
        8.0, "Seconds each PNG/JPEG image stays on screen.", min=1.0, max=600.0
    )
    resume: str = opt(
        "position",
        "After a scan, resume the item where it was ('position') or play the next ('next').",
        choices=("position", "next"),
    )
    volume: int = opt(60, "Volume in percent when no volume rule applies.", min=0, max=100)
    muted: bool = opt(False, "Silence the guidance videos (wins over every volume rule).")
    start_timeout_s: float = opt(
        5.0, "An item that has not started playing after this is skipped.", min=0.5, max=60.0
    )
    stall_timeout_s: float = opt(
        4.0, "An item whose time stops advancing this long is skipped.", min=0.5, max=60.0
    )
    bad_item_retry_min: float = opt(
        30.0, "Minutes a failed item stays out of rotation.", min=0.1, max=1440.0
    )
    poster: str = opt(
        "",
        "Image shown when the office is closed or no video can play; empty = the playlist's "
        "images, else a text card.",
    )
    vlc_options: list[str] = opt(
        [], "Extra libVLC options (advanced, e.g. '--avcodec-hw=none')."
    )
    schedule: ScheduleSettings = opt(ScheduleSettings, "Opening hours, item rules, volume.")
