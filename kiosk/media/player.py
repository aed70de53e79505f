"""One reused libVLC media player with a watchman; a Qt object on the main thread.

VLC calls its event callbacks on its own threads; they only emit `_vlc_event`
(queued to the main thread) tagged with the token of the item they belong to,
so a late event of the previous item is dropped. Every libVLC call happens in
slots on the main thread.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.media import vlc_engine

log = logging.getLogger("kiosk.media")

_WATCH_MS = 250
#: libVLC 3 reopens its video output once per decoder format it tries (hardware
#: formats first); the output counts as settled when no change came for this long.
_SETTLE_MS = 60
_EVENTS = (
    "MediaPlayerPlaying",
    "MediaPlayerEndReached",
    "MediaPlayerEncounteredError",
    "MediaPlayerVout",
)


class VlcPlayer(QObject):
    """Plays one location at a time into a native window and watches it.

    Signals:
        started(int): the item with this token really plays (a frame shown or time moving).
        frame(int): the item showed its first video frame.
        settled(int): the item's video output stopped changing (its picture is on screen).
        ended(int): the item played to its end.
        failed(int, str): the item failed (error, did not start, stalled, nothing decoded).
    """

    started = Signal(int)
    frame = Signal(int)
    settled = Signal(int)
    ended = Signal(int)
    failed = Signal(int, str)
    _vlc_event = Signal(int, str, int)

    def __init__(
        self,
        instance: Any,
        win_id: int,
        *,
        start_timeout_s: float,
        stall_timeout_s: float,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        """Create the player for `instance`, drawing into native window `win_id`."""
        super().__init__(parent)
        vlc, _ = vlc_engine.load_module()
        assert vlc is not None
        self._vlc = vlc
        self._instance = instance
        self._player = instance.media_player_new()
        vlc_engine.attach(self._player, win_id)
        self._start_timeout_s = start_timeout_s
        self._stall_timeout_s = stall_timeout_s
        self._now = monotonic
        self._token = 0
        self._phase = "idle"  # idle | opening | playing | paused | done
        self._since = 0.0
        self._last_time = -1
        self._seen_output = False
        self._hold = False
        self._confirmed = False
        self._volume = 100
        self._watch = QTimer(self)
        self._watch.setInterval(_WATCH_MS)
        self._watch.timeout.connect(self._on_watch)
        self._settle = QTimer(self, singleShot=True, interval=_SETTLE_MS)
        self._settle.timeout.connect(self._on_settle)
        self._vlc_event.connect(self._on_vlc_event)
        self._manager = self._player.event_manager()
        self._callbacks: list[Any] = []
        for name in _EVENTS:
            event_type = getattr(vlc.EventType, name)
            self._manager.event_attach(event_type, self._forward, name)
            self._callbacks.append(event_type)

    # Runs on a VLC thread: no libVLC calls here, only the queued signal.
    def _forward(self, event: Any, name: str) -> None:
        value = 0
        if name == "MediaPlayerVout":
            vout = getattr(event.u, "media_player_vout", None)
            # The older flat field is 64 bits wide over a 32-bit int: keep the low half.
            value = int(vout.new_count) if vout is not None else int(event.u.new_count) & 0xFFFFFFFF
        with contextlib.suppress(RuntimeError):  # the Qt object is gone (shutdown)
            self._vlc_event.emit(self._token, name, value)

    @property
    def token(self) -> int:
        """Token of the current item (increases with every `play`)."""
        return self._token

    @property
    def phase(self) -> str:
        """idle, opening, playing, paused or done."""
        return self._phase

    def play(self, location: str) -> int:
        """Start `location` (path or URL) from the beginning; returns its token."""
        if "://" in location:
            media = self._instance.media_new_location(location)
        else:
            media = self._instance.media_new_path(location)
        self._player.set_media(media)
        media.release()  # the player holds its own reference
        self._token += 1
        self._hold = False
        self._settle.stop()
        self._enter("opening")
        self._last_time = -1
        self._seen_output = False
        self._confirmed = False
        self._player.play()
        self._watch.start()
        return self._token

    def pause(self) -> None:
        """Leave the picture at once, keeping the position (resume with `resume`)."""
        self._watch.stop()
        self._hold = True
        if self._phase == "playing":
            self._player.set_pause(1)
            self._enter("paused")

    def resume(self) -> bool:
        """Continue a paused item; False when there is nothing to continue."""
        if self._phase not in ("paused", "opening") or not self._hold:
            return False
        self._hold = False
        if self._phase == "paused":
            self._player.set_pause(0)
            self._enter("playing")
            self._last_time = -1
        self._watch.start()
        return True

    def stop(self) -> None:
        """Stop and release the decoder (used when no video is wanted for a while)."""
        self._watch.stop()
        self._settle.stop()
        self._token += 1
        self._hold = False
        self._enter("idle")
        self._player.stop()

    def set_volume(self, percent: int) -> None:
        """Set the audio volume (0 mutes)."""
        self._volume = max(0, min(100, percent))
        self._player.audio_set_mute(self._volume == 0)
        self._player.audio_set_volume(self._volume)

    def volume(self) -> int:
        """The volume last asked of libVLC (a dummy audio output cannot report it)."""
        return self._volume

    def meta_title(self) -> str | None:
        """The title tag of the current media, if it has one (not just its file name)."""
        media = self._player.get_media()
        if media is None:
            return None
        try:
            title = media.get_meta(self._vlc.Meta.Title)
            mrl = media.get_mrl() or ""
        finally:
            media.release()
        if not title or title == PurePosixPath(unquote(mrl)).name:
            return None  # libVLC falls back to the file name
        return str(title)

    def is_playing(self) -> bool:
        """Whether libVLC is playing (not paused, stopped or ended)."""
        return bool(self._player.is_playing())

    def time_ms(self) -> int:
        """Playback time of the current item in milliseconds."""
        return int(self._player.get_time())

    def release(self) -> None:
        """Detach the callbacks and release the player (the app is exiting)."""
        self._watch.stop()
        self._settle.stop()
        for event_type in self._callbacks:
            self._manager.event_detach(event_type)
        self._callbacks.clear()
        self._player.stop()
        self._player.release()
        self._phase = "done"

    def _enter(self, phase: str) -> None:
        self._phase = phase
        self._since = self._now()

    def _confirm(self) -> None:
        if not self._confirmed and self._phase in ("playing", "opening"):
            self._confirmed = True
            self.started.emit(self._token)

    def _fail(self, reason: str) -> None:
        token = self._token
        self._watch.stop()
        self._enter("done")
        self.failed.emit(token, reason)

    @Slot(int, str, int)
    def _on_vlc_event(self, token: int, name: str, value: int) -> None:
        if token != self._token or self._phase in ("idle", "done"):
            return
        if name == "MediaPlayerPlaying":
            if self._hold:  # a scan came while it was opening: keep it paused
                self._player.set_pause(1)
                self._enter("paused")
                return
            if self._phase == "opening":
                self._enter("playing")
        elif name == "MediaPlayerVout" and value > 0:
            self._settle.start()
            if not self._seen_output:
                self._seen_output = True
                self.frame.emit(token)
                self._confirm()
        elif name == "MediaPlayerEncounteredError":
            self._fail("libVLC error: unreadable, corrupt or unsupported file")
        elif name == "MediaPlayerEndReached":
            if not self._seen_output and self._last_time <= 0 and self.time_ms() <= 0:
                self._fail("nothing could be decoded (corrupt or unsupported)")
            else:
                self._watch.stop()
                self._enter("done")
                self.ended.emit(token)

    @Slot()
    def _on_settle(self) -> None:
        if self._phase in ("opening", "playing", "paused"):
            self.settled.emit(self._token)

    @Slot()
    def _on_watch(self) -> None:
        waited = self._now() - self._since
        if self._phase == "opening" and waited > self._start_timeout_s:
            self._fail(f"did not start within {self._start_timeout_s:g} s")
        elif self._phase == "playing":
            current = self.time_ms()
            if current != self._last_time:
                self._last_time = current
                self._since = self._now()
                if current > 0:
                    self._confirm()
            elif waited > self._stall_timeout_s:
                self._fail(f"stalled at {current / 1000:.1f} s for {self._stall_timeout_s:g} s")
