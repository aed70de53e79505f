"""When items may play, when the office is open, how loud. Pure: the clock is a parameter.

Days are ISO weekdays given as 'mon'..'sun' or Vietnamese 't2'..'t7', 'cn'.
Windows are 'HH:MM-HH:MM'; a window whose end is before its start runs over
midnight ('22:00-06:00'). An empty day list or window list means "always".
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
from collections.abc import Sequence
from datetime import datetime, time

from kiosk.media.playlist import Item
from kiosk.media.settings import ScheduleSettings

_DAYS = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "t2": 0, "t3": 1, "t4": 2, "t5": 3, "t6": 4, "t7": 5, "cn": 6,
}  # fmt: skip
_WINDOW_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_window(text: str) -> tuple[time, time]:
    """'07:00-11:30' -> (07:00, 11:30); '24:00' is the end of the day.

    Raises:
        ValueError: the text is not a valid window.
    """
    match = _WINDOW_RE.match(text)
    if not match:
        raise ValueError(f"time window {text!r} must look like '07:00-11:30'")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or m1 > 59 or m2 > 59 or h2 > 24 or (h2 == 24 and m2):
        raise ValueError(f"time window {text!r} has an impossible time")
    end = time.max if h2 == 24 else time(h2, m2)
    if (h1, m1) == (h2, m2):
        raise ValueError(f"time window {text!r} is empty")
    return time(h1, m1), end


@dataclasses.dataclass(frozen=True)
class When:
    """A set of weekdays and daily windows; empty means unrestricted."""

    days: frozenset[int] = frozenset()
    windows: tuple[tuple[time, time], ...] = ()

    @classmethod
    def parse(cls, days: Sequence[str], windows: Sequence[str]) -> When:
        """Build from settings text; raises ValueError on a bad day or window."""
        bad = [d for d in days if d.casefold() not in _DAYS]
        if bad:
            raise ValueError(f"unknown day(s) {', '.join(bad)}")
        return cls(frozenset(_DAYS[d.casefold()] for d in days), tuple(map(parse_window, windows)))

    def matches(self, now: datetime) -> bool:
        """Whether `now` is inside this schedule."""
        if not self.windows:
            return not self.days or now.weekday() in self.days
        clock = now.time()
        for start, end in self.windows:
            if (start <= clock < end) if start < end else (clock >= start):
                day = now.weekday()
            elif start > end and clock < end:
                day = (now.weekday() - 1) % 7  # the window began yesterday
            else:
                continue
            if not self.days or day in self.days:
                return True
        return False


@dataclasses.dataclass(frozen=True)
class _Rule:
    pattern: str
    when: When

    def applies_to(self, item: Item) -> bool:
        pattern = self.pattern.casefold()
        names = (item.key.casefold(), item.key.rsplit("/", 1)[-1].casefold(),
                 item.title.casefold())  # fmt: skip
        if pattern.endswith("/"):
            return names[0].startswith(pattern)
        return any(fnmatch.fnmatchcase(name, pattern) for name in names)


class Schedule:
    """The evaluated schedule; invalid parts are dropped and listed in `problems`."""

    def __init__(self, settings: ScheduleSettings) -> None:
        """Parse `settings`; never raises."""
        self.problems: list[str] = []
        self._hours = self._parse("hours", settings.hours.days, settings.hours.times)
        self._rules = [
            _Rule(r.match, self._parse(f"rules[{i}]", r.days, r.times))
            for i, r in enumerate(settings.rules)
        ]
        self._volume = [
            (self._parse(f"volume[{i}]", v.days, v.times), v.volume)
            for i, v in enumerate(settings.volume)
        ]

    def _parse(self, where: str, days: Sequence[str], windows: Sequence[str]) -> When:
        try:
            return When.parse(days, windows)
        except ValueError as exc:
            self.problems.append(f"schedule.{where}: {exc}; ignored")
            return When()

    def is_open(self, now: datetime) -> bool:
        """Whether the office is open (video plays) at `now`."""
        return self._hours.matches(now)

    def may_play(self, item: Item, now: datetime) -> bool:
        """Whether `item` may play at `now`: the first rule matching it decides."""
        for rule in self._rules:
            if rule.applies_to(item):
                return rule.when.matches(now)
        return True

    def allowed(self, items: Sequence[Item], now: datetime) -> list[Item]:
        """The items that may play now, or all of `items` when none may (never nothing)."""
        chosen = [item for item in items if self.may_play(item, now)]
        return chosen or list(items)

    def volume(self, now: datetime, default: int) -> int:
        """Volume in percent at `now`: the first matching rule, else `default`."""
        for when, level in self._volume:
            if when.matches(now):
                return level
        return default


def merged(config: ScheduleSettings, sidecar: ScheduleSettings | None, keys: frozenset[str]) -> (
    ScheduleSettings
):
    """`config` with the tables the sidecar declares (`keys`) taken from the sidecar."""
    if sidecar is None:
        return config
    return dataclasses.replace(config, **{key: getattr(sidecar, key) for key in keys})


def validate(settings: ScheduleSettings) -> list[str]:
    """Problems in the schedule's day and window texts (for config checks)."""
    return Schedule(settings).problems
