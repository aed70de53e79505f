"""The idle screen's video area: the playlist through libVLC, images and posters through Qt."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStackedLayout, QWidget

from kiosk.dossier import vn_wall_clock
from kiosk.media import hold, vlc_engine
from kiosk.media import playlist as pl
from kiosk.media.player import VlcPlayer
from kiosk.media.poster import BACKGROUND, PosterView
from kiosk.media.rotation import BadItems, Rotation
from kiosk.media.schedule import Schedule, merged
from kiosk.media.settings import MediaSettings
from kiosk.media.watch import PlaylistSource

log = logging.getLogger("kiosk.media")

_TICK_MS = 15_000


class VideoArea(QWidget):
    """Loops the idle playlist; never black: a poster or text card stands in for video.

    Signals:
        playing(str): an item began (or resumed) playing; its title.
        fallback(str): a poster/slide/text card replaced the video; the reason.
        skipped(str, str): an item failed and left the rotation; its title and why.
        frame_shown(): the current video item showed its first frame.
        rebuilt(int): the playlist was (re)built; the number of playable items.
    """

    playing = Signal(str)
    fallback = Signal(str)
    skipped = Signal(str, str)
    frame_shown = Signal()
    rebuilt = Signal(int)

    def __init__(
        self,
        settings: MediaSettings,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the area and scan the playlist in the background (nothing plays yet)."""
        super().__init__(parent)
        self._settings = settings
        self._volume, self._muted = settings.volume, settings.muted
        self._clock = clock or vn_wall_clock
        self._bad = BadItems(settings.bad_item_retry_min * 60)
        self._rotation = Rotation(Schedule(settings.schedule), self._bad, self._clock)
        self._playlist: pl.Playlist | None = None
        self._current: pl.Item | None = None
        self._token = -1
        self._showing = "none"  # none | video | image | poster
        self._active = False
        self._fallback_reason: str | None = None
        self._image_left_ms = 0
        self._player: VlcPlayer | None = None
        self._no_video: str | None = None
        self._closed = False
        self._hours_text = _hours_text(settings.schedule.hours.days, settings.schedule.hours.times)

        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._surface = QWidget(self)
        self._surface.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        palette = self._surface.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
        self._surface.setPalette(palette)
        self._surface.setAutoFillBackground(True)
        # Its own style sheet, so an idle screen's style sheet cannot turn the letterbox bars
        # into something that looks broken.
        self._surface.setStyleSheet(f"background: {BACKGROUND.name()};")
        self._poster = PosterView(self)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self._poster)
        self._stack.addWidget(self._surface)

        self._image_timer = QTimer(self, singleShot=True)
        self._image_timer.timeout.connect(self._on_image_done)
        self._tick = QTimer(self, interval=_TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._hold = hold.FrameHold(self._surface, self._poster, self._stack, self)
        self._source = PlaylistSource(settings, self)
        self._source.scanned.connect(self._on_scanned)
        self._source.request()

    # -- public API -------------------------------------------------------------------

    def start(self) -> None:
        """Begin or resume the playlist (the kiosk entered idle)."""
        if self._active:
            return
        self._active = True
        self._tick.start()
        if self._playlist is None:
            return  # the first scan will start playing
        if not self._settings.enabled or not self._is_open():
            self._advance()
            return
        if self._settings.resume == "position" and self._resume_current():
            return
        self._advance()

    def stop(self) -> None:
        """Leave the video at once (a scan or touch took over), keeping the position."""
        self._active = False
        self._tick.stop()
        if self._image_timer.isActive():
            self._image_left_ms = max(0, self._image_timer.remainingTime())
            self._image_timer.stop()
        if self._player is not None:
            self._player.pause()

    def shutdown(self) -> None:
        """Release the libVLC player and instance (the app is exiting)."""
        if self._closed:
            return
        self.stop()
        self._closed = True
        self._source.close()
        self._hold.cancel()
        if self._player is not None:
            self._player.release()
            self._player = None
        vlc_engine.release()

    @property
    def current_title(self) -> str:
        """Title of the item on screen, or empty."""
        return self._current.title if self._current and self._showing != "poster" else ""

    @property
    def showing(self) -> str:
        """What is on screen: 'video', 'image', 'poster' or 'none'."""
        return self._showing

    @property
    def poster_view(self) -> PosterView:
        """The widget that shows images and text cards."""
        return self._poster

    @property
    def holding(self) -> bool:
        """Whether a still of the previous video covers the switch to the next one."""
        return self._hold.active

    @property
    def surface(self) -> QWidget:
        """The native child widget libVLC draws into."""
        return self._surface

    @property
    def player(self) -> VlcPlayer | None:
        """The libVLC player, once created."""
        return self._player

    def skipped_items(self) -> dict[str, str]:
        """Items out of rotation now, with the reason (for `kiosk doctor` and logs)."""
        return self._bad.entries()

    # -- playing ----------------------------------------------------------------------

    def _volume_now(self) -> int:
        if self._muted:
            return 0
        return self._rotation.schedule.volume(self._clock(), self._volume)

    def set_volume(self, volume: int, *, muted: bool) -> None:
        """Change the base volume and mute (from the admin screen), at once."""
        self._volume, self._muted = volume, muted
        if self._player is not None:
            self._player.set_volume(self._volume_now())

    def _is_open(self) -> bool:
        return self._rotation.schedule.is_open(self._clock())

    def _advance(self) -> None:
        """Show whatever should be on screen now, after the current item."""
        if not self._active:
            return
        if not self._settings.enabled:
            self._show_poster("video is turned off in the settings", closed=False)
            return
        if not self._is_open():
            self._show_poster("outside opening hours", closed=True)
            return
        item = self._rotation.next_after(self._current)
        if item is None:
            reason = self._no_video or "no playable video or image in the playlist"
            self._show_poster(reason, closed=False)
            return
        self._play(item)

    def _play(self, item: pl.Item) -> None:
        self._current = item
        self._image_left_ms = 0
        if item.kind is pl.Kind.IMAGE:
            if not self._poster.show_image(item.location):
                self._item_failed(item, "image cannot be read")
                return
            if self._player is not None and self._player.phase != "idle":
                self._player.stop()
            self._show("image")
            duration = item.duration_s or self._settings.image_duration_s
            self._image_timer.start(int(duration * 1000))
            self.playing.emit(item.title)
            return
        player = self._ensure_player()
        if player is None:
            self._advance()  # videos were marked bad; images may remain
            return
        if not (self._showing == "video" and self._hold.cover()):
            self._show("video")
        player.set_volume(self._volume_now())
        self._token = player.play(item.location)

    def _resume_current(self) -> bool:
        item = self._current
        if item is None or self._showing == "poster":
            return False
        if item.kind is pl.Kind.IMAGE and self._image_left_ms > 0:
            self._show("image")
            self._image_timer.start(self._image_left_ms)
        elif item.kind is pl.Kind.VIDEO and self._player is not None and self._player.resume():
            self._show("video")
            self._player.set_volume(self._volume_now())
        else:
            return False
        self.playing.emit(item.title)
        return True

    def _ensure_player(self) -> VlcPlayer | None:
        if self._player is not None:
            return self._player
        if self._no_video is None:
            instance, reason = vlc_engine.instance(self._settings.vlc_options)
            if instance is not None:
                self._player = VlcPlayer(
                    instance,
                    int(self._surface.winId()),
                    start_timeout_s=self._settings.start_timeout_s,
                    stall_timeout_s=self._settings.stall_timeout_s,
                    parent=self,
                )
                self._player.started.connect(self._on_started)
                self._player.frame.connect(self._on_frame)
                self._player.settled.connect(self._on_settled)
                self._player.ended.connect(self._on_ended)
                self._player.failed.connect(self._on_failed)
                return self._player
            self._no_video = f"video unavailable: {reason}"
            self.fallback.emit(self._no_video)
            self._fallback_reason = self._no_video
        self._mark_videos_bad()
        return None

    def _mark_videos_bad(self) -> None:
        for item in self._rotation.items:
            if item.kind is pl.Kind.VIDEO:
                self._bad.mark(item.key, self._no_video or "video unavailable")

    def _show(self, what: str) -> None:
        if what == "video" and self._hold.active:
            hold.keep_pixels_on_map(self._surface)
        self._hold.cancel()
        self._showing = what
        self._fallback_reason = None
        self._stack.setCurrentWidget(self._surface if what == "video" else self._poster)

    def _show_poster(self, reason: str, *, closed: bool) -> None:
        """Replace video by the configured poster, else a text card; say why once."""
        self._hold.cancel()
        if self._player is not None and self._player.phase != "idle":
            self._player.stop()
        self._image_timer.stop()
        shown = bool(self._settings.poster) and self._poster.show_image(
            str(Path(self._settings.poster).expanduser())
        )
        if not shown:
            if closed:
                self._poster.show_card(self.tr("Ngoài giờ làm việc"), self._hours_text)
            else:
                self._poster.show_card(
                    self.tr("Chào mừng quý khách"),
                    self.tr("Quét mã QR trên giấy hẹn để xem tiến độ hồ sơ"),
                )
        self._showing = "poster"
        self._stack.setCurrentWidget(self._poster)
        if reason != self._fallback_reason:
            self._fallback_reason = reason
            log.info("poster instead of video: %s", reason)
            self.fallback.emit(reason)

    def _item_failed(self, item: pl.Item, reason: str) -> None:
        if self._bad.mark(item.key, reason):
            log.warning("skipped %s: %s", item.key, reason)
        self.skipped.emit(item.title, reason)
        self._advance()

    @Slot(int)
    def _on_started(self, token: int) -> None:
        if token == self._token and self._current is not None and self._player is not None:
            self._player.set_volume(self._volume_now())
            title = self._current.title
            if not self._current.explicit_title:
                title = self._player.meta_title() or title
                self._current = dataclasses.replace(self._current, title=title)
            self.playing.emit(title)

    @Slot(int)
    def _on_frame(self, token: int) -> None:
        if token == self._token:
            self.frame_shown.emit()

    @Slot(int)
    def _on_settled(self, token: int) -> None:
        if token == self._token:
            self._hold.end()

    @Slot(int)
    def _on_ended(self, token: int) -> None:
        if token == self._token:
            self._advance()

    @Slot(int, str)
    def _on_failed(self, token: int, reason: str) -> None:
        if token == self._token and self._current is not None:
            self._item_failed(self._current, reason)

    @Slot()
    def _on_image_done(self) -> None:
        self._advance()

    @Slot()
    def _on_tick(self) -> None:
        """Follow the clock: opening hours, items back in rotation, volume."""
        if not self._active:
            return
        is_open = self._is_open()
        if self._showing == "poster" and (is_open or not self._settings.enabled):
            if self._rotation.next_after(self._current) is not None:
                self._advance()
        elif self._showing in ("video", "image") and not is_open:
            self._advance()
        elif self._showing == "video" and self._player is not None:
            self._player.set_volume(self._volume_now())

    # -- playlist ---------------------------------------------------------------------

    @Slot(object)
    def _on_scanned(self, playlist: pl.Playlist) -> None:
        first = self._playlist is None
        self._playlist = playlist
        config = merged(self._settings.schedule, playlist.schedule, playlist.sidecar_keys)
        self._rotation.schedule = Schedule(config)
        self._hours_text = _hours_text(config.hours.days, config.hours.times)
        self._rotation.set_items(playlist.items)
        if self._no_video is not None:
            self._mark_videos_bad()
        for problem in (*playlist.problems, *self._rotation.schedule.problems):
            log.warning("media: %s", problem)
        for name, reason in playlist.skipped:
            log.info("media: left out %s: %s", name, reason)
        self.rebuilt.emit(len(self._rotation.playable()))
        if self._active and (first or self._showing in ("none", "poster")):
            self._advance()


def _hours_text(days: list[str], times: list[str]) -> str:
    """'Giờ làm việc: T2, T3 … 07:00-17:30' for the closed card."""
    names = {"mon": "T2", "tue": "T3", "wed": "T4", "thu": "T5", "fri": "T6", "sat": "T7",
             "sun": "CN"}  # fmt: skip
    shown = ", ".join(names.get(d.casefold(), d.upper()) for d in days)
    text = "  ".join(part for part in (shown, ", ".join(times)) if part)
    label = QCoreApplication.translate("VideoArea", "Giờ làm việc")
    return f"{label}: {text}" if text else ""
