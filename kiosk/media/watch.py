"""The playlist source of the video area: scanned off the UI thread, rescanned on change."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QFileSystemWatcher, QObject, QThreadPool, QTimer, Signal, Slot

from kiosk.media import playlist as pl
from kiosk.media.settings import MediaSettings

_RESCAN_DEBOUNCE_MS = 400


class PlaylistSource(QObject):
    """Builds the playlist in the thread pool and watches its folder or file.

    Signals:
        scanned(object): a fresh `playlist.Playlist` (the newest scan only).
    """

    scanned = Signal(object)
    _done = Signal(int, object, object)

    def __init__(self, settings: MediaSettings, parent: QObject | None = None) -> None:
        """Watch what `settings` names; call `request()` for the first scan."""
        super().__init__(parent)
        self._settings = settings
        self._gen = 0
        self._rescan = QTimer(self, singleShot=True, interval=_RESCAN_DEBOUNCE_MS)
        self._rescan.timeout.connect(self.request)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_changed)
        self._watcher.fileChanged.connect(self._on_changed)
        self._done.connect(self._on_done)

    @Slot()
    def request(self) -> None:
        """Rebuild the playlist off the UI thread; the result comes as `scanned`."""
        if self._gen < 0:
            return
        self._gen += 1
        gen, s = self._gen, self._settings
        emit = self._done.emit

        def work() -> None:
            result = pl.load(s.folder, s.playlist, s.sidecar)
            paths = [str(p) for p in pl.watched_paths(s.folder, s.playlist) if p.exists()]
            with contextlib.suppress(RuntimeError):  # the object was deleted meanwhile
                emit(gen, result, paths)

        QThreadPool.globalInstance().start(work)

    def close(self) -> None:
        """Drop scans still running and stop watching (the app is exiting)."""
        self._gen = -1
        self._rescan.stop()

    @Slot(int, object, object)
    def _on_done(self, gen: int, playlist: pl.Playlist, paths: list[str]) -> None:
        if gen != self._gen:
            return
        old = set(self._watcher.directories()) | set(self._watcher.files())
        if old != set(paths):
            if old:
                self._watcher.removePaths(list(old))
            if paths:
                self._watcher.addPaths(paths)
        if playlist.unsettled:  # a file is still being copied: look again once it settled
            self._rescan.start(int(pl.SETTLE_S * 1000) + 500)
        self.scanned.emit(playlist)

    @Slot(str)
    def _on_changed(self, _path: str) -> None:
        self._rescan.start(_RESCAN_DEBOUNCE_MS)
