"""Keep the last video picture on screen while libVLC switches to the next item.

Between two items libVLC 3 reopens its video output once per decoder format it
tries (hardware formats first, then software), and its X11 output creates a new
child window, painted black, each time. The video area therefore shows a grab of
the last picture while the player settles out of sight, then shows the surface
again. On X11 the child window's background is set to "none" before that, so
mapping it leaves the held picture on screen until libVLC draws the next one
instead of painting it black.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QStackedLayout, QWidget

from kiosk.media.poster import PosterView
from kiosk.memory import release_free_memory

log = logging.getLogger("kiosk.media")

#: A held picture gives way to the surface after this long even if the next item
#: never settles (the watchman then skips it, or it shows late).
HOLD_LIMIT_MS = 1500

#: A grab this dark is taken as "nothing useful" (a platform that cannot read back
#: the video, or a clip that ends on black): the area's own background is calmer.
_DARK = 24


def grab(surface: QWidget) -> QPixmap | None:
    """The picture now on `surface` (video included), or None when it is not usable."""
    screen = surface.screen()
    if screen is None or not surface.isVisible():
        return None
    pixmap = screen.grabWindow(int(surface.winId()))
    if pixmap.isNull() or pixmap.width() < 2 or pixmap.height() < 2:
        return None
    probe = pixmap.toImage().scaled(16, 9)
    lightest = max(
        probe.pixelColor(x, y).lightness() for x in range(probe.width())
        for y in range(probe.height())
    )  # fmt: skip
    return None if lightest < _DARK else pixmap


class _Xcb:
    """The few XCB calls needed, through ctypes on a connection of our own."""

    BACK_PIXMAP = 1  # XCB_CW_BACK_PIXMAP; the value 0 is XCB_BACK_PIXMAP_NONE

    def __init__(self) -> None:
        name = ctypes.util.find_library("xcb") or "libxcb.so.1"
        lib = ctypes.CDLL(name)
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        lib.xcb_connect.restype = ctypes.c_void_p
        lib.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        lib.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        lib.xcb_query_tree.restype = ctypes.c_uint
        lib.xcb_query_tree.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
        lib.xcb_query_tree_reply.restype = ctypes.c_void_p
        lib.xcb_query_tree_reply.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_void_p]
        lib.xcb_query_tree_children.restype = ctypes.POINTER(ctypes.c_uint32)
        lib.xcb_query_tree_children.argtypes = [ctypes.c_void_p]
        lib.xcb_query_tree_children_length.argtypes = [ctypes.c_void_p]
        lib.xcb_change_window_attributes_checked.restype = ctypes.c_uint
        lib.xcb_change_window_attributes_checked.argtypes = [
            ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.POINTER(ctypes.c_uint32)
        ]
        lib.xcb_request_check.restype = ctypes.c_void_p
        lib.xcb_request_check.argtypes = [ctypes.c_void_p, ctypes.c_uint]
        libc.free.argtypes = [ctypes.c_void_p]
        self._lib, self._free = lib, libc.free
        self._conn = lib.xcb_connect(None, None)  # same DISPLAY as Qt
        if not self._conn or lib.xcb_connection_has_error(self._conn):
            raise OSError("cannot connect to the X server")

    def children(self, window: int) -> list[int]:
        reply = self._lib.xcb_query_tree_reply(
            self._conn, self._lib.xcb_query_tree(self._conn, window), None
        )
        if not reply:
            return []
        try:
            ids = self._lib.xcb_query_tree_children(reply)
            return [int(ids[i]) for i in range(self._lib.xcb_query_tree_children_length(reply))]
        finally:
            self._free(reply)

    def clear_background(self, window: int) -> None:
        value = (ctypes.c_uint32 * 1)(0)
        cookie = self._lib.xcb_change_window_attributes_checked(
            self._conn, window, self.BACK_PIXMAP, value
        )
        # Checked, so an error (libVLC closed that window meanwhile) is read and
        # freed here instead of piling up in a queue nobody reads.
        error = self._lib.xcb_request_check(self._conn, cookie)
        if error:
            self._free(error)


_xcb: Any = None
_xcb_failed = False


def keep_pixels_on_map(surface: QWidget) -> int:
    """On X11, let the video windows inside `surface` keep the screen's pixels when shown.

    Returns how many windows were changed (0 on other platforms or on any failure).
    """
    global _xcb, _xcb_failed
    if QGuiApplication.platformName() != "xcb" or _xcb_failed:
        return 0
    try:
        if _xcb is None:
            _xcb = _Xcb()
        windows = _xcb.children(int(surface.winId()))
        for window in windows:
            _xcb.clear_background(window)
    except (OSError, AttributeError) as exc:  # no libxcb, or an unexpected build of it
        _xcb_failed = True
        log.info("video switch: X11 window background left as is (%s)", exc)
        return 0
    return len(windows)


class FrameHold(QObject):
    """Covers the switch between two videos with a still of the last picture."""

    def __init__(
        self, surface: QWidget, poster: PosterView, stack: QStackedLayout, parent: QObject
    ) -> None:
        """Hold what `surface` shows in `poster`, both pages of `stack`."""
        super().__init__(parent)
        self._surface, self._poster, self._stack = surface, poster, stack
        self.active = False
        self._limit = QTimer(self, singleShot=True, interval=HOLD_LIMIT_MS)
        self._limit.timeout.connect(self.end)

    def cover(self) -> bool:
        """Show a still of the surface instead of it; False when no usable still exists."""
        if self.active:
            return True  # still covering an item that failed before it showed
        still = grab(self._surface)
        if still is None:
            return False
        self._poster.show_pixmap(still)
        self._stack.setCurrentWidget(self._poster)
        self.active = True
        self._limit.start()
        return True

    @Slot()
    def end(self) -> None:
        """Show the surface again; its new video window keeps the still's pixels (X11)."""
        if self.active:
            self.cancel()
            keep_pixels_on_map(self._surface)
            self._stack.setCurrentWidget(self._surface)
            self._poster.clear()  # a still of the whole area is a few MB
            release_free_memory()  # else glibc keeps those MB, and PSS creeps up

    def cancel(self) -> None:
        """Forget the hold (something else takes the screen)."""
        self.active = False
        self._limit.stop()
