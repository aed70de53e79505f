"""The libVLC player itself (real libVLC, dummy outputs): every Media it makes is freed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.media import vlc_engine
from kiosk.media.player import VlcPlayer

pytestmark = pytest.mark.vlc


class CountingInstance:
    """The real shared instance; counts each Media it hands out and libVLC's final free."""

    def __init__(self, instance: Any) -> None:
        self._instance = instance
        self.made = 0
        self.freed = 0
        self._managers: list[Any] = []  # python-vlc drops a callback with its manager

    def media_player_new(self) -> Any:
        return self._instance.media_player_new()

    def media_new_path(self, path: str) -> Any:
        return self._count(self._instance.media_new_path(path))

    def media_new_location(self, location: str) -> Any:
        return self._count(self._instance.media_new_location(location))

    def _count(self, media: Any) -> Any:
        vlc, _ = vlc_engine.load_module()
        assert vlc is not None
        manager = media.event_manager()
        # libVLC sends MediaFreed when the last reference goes, from the releasing thread.
        manager.event_attach(vlc.EventType.MediaFreed, self._on_freed)
        self._managers.append(manager)
        self.made += 1
        return media

    def _on_freed(self, _event: Any) -> None:
        self.freed += 1


def test_each_media_is_freed_once_the_player_moved_on(
    qtbot, clip_cache: Callable[[float, str], Path]
) -> None:
    instance, reason = vlc_engine.instance()
    assert instance is not None, reason
    counting = CountingInstance(instance)
    window = QWidget()
    qtbot.addWidget(window)
    player = VlcPlayer(counting, int(window.winId()), start_timeout_s=3, stall_timeout_s=2)
    clips = [str(clip_cache(0.3, colour)) for colour in ("red", "green", "blue")]
    for round_ in range(6):
        with qtbot.waitSignal(player.ended, timeout=5_000):
            player.play(clips[round_ % 3])
        assert player.meta_title() is None  # takes and releases a reference of its own
        # Every earlier item is gone; only the current one is held, by the player.
        assert (counting.made, counting.freed) == (round_ + 1, round_)
    player.stop()
    assert counting.freed == 5  # stopping keeps the media for a later play()
    player.release()
    assert (counting.made, counting.freed) == (6, 6)
