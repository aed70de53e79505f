"""Which item plays next: name order, schedule, and memory of bad items. Pure, no Qt."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime

from kiosk.media.playlist import Item
from kiosk.media.schedule import Schedule


class BadItems:
    """Items that failed recently, kept out of rotation for `retry_s` seconds.

    `mark()` answers True only for a fresh failure, so the caller logs once.
    """

    def __init__(self, retry_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        """Remember failures for `retry_s` seconds of `clock`."""
        self._retry_s = retry_s
        self._clock = clock
        self._until: dict[str, tuple[float, str]] = {}

    def mark(self, key: str, reason: str) -> bool:
        """Record that `key` failed; True when it was not already known as bad."""
        fresh = not self.is_bad(key)
        self._until[key] = (self._clock() + self._retry_s, reason)
        return fresh

    def is_bad(self, key: str) -> bool:
        """Whether `key` is still out of rotation."""
        entry = self._until.get(key)
        if entry is None:
            return False
        if self._clock() >= entry[0]:
            del self._until[key]
            return False
        return True

    def reason(self, key: str) -> str | None:
        """Why `key` is out of rotation, or None."""
        return self._until[key][1] if self.is_bad(key) else None

    def entries(self) -> dict[str, str]:
        """Every item now out of rotation, with its reason."""
        return {key: reason for key, (_, reason) in list(self._until.items()) if self.is_bad(key)}

    def forget(self, keep: set[str]) -> None:
        """Drop entries for items no longer in the playlist."""
        for key in [k for k in self._until if k not in keep]:
            del self._until[key]


class Rotation:
    """Chooses the next item after the current one among those allowed now."""

    def __init__(
        self,
        schedule: Schedule,
        bad: BadItems,
        clock: Callable[[], datetime],
    ) -> None:
        """Use `schedule` and `bad` at the wall time given by `clock`."""
        self.schedule = schedule
        self.bad = bad
        self._clock = clock
        self.items: tuple[Item, ...] = ()

    def set_items(self, items: Sequence[Item]) -> None:
        """Replace the playlist (after a rescan); the current item is not touched."""
        self.items = tuple(items)
        self.bad.forget({item.key for item in items})

    def playable(self) -> list[Item]:
        """Items not out of rotation, ignoring the schedule."""
        return [item for item in self.items if not self.bad.is_bad(item.key)]

    def next_after(self, current: Item | None) -> Item | None:
        """The item to play after `current` (None = from the start); None if all failed."""
        candidates = self.schedule.allowed(self.playable(), self._clock())
        if not candidates:
            return None
        if current is not None:
            for item in candidates:
                if item.order > current.order:
                    return item
        return candidates[0]

    def first(self) -> Item | None:
        """The first item allowed now."""
        return self.next_after(None)
