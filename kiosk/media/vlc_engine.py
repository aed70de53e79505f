"""The app's one libVLC instance, created lazily on the Qt main thread.

python-vlc loads the system libVLC when imported; a missing or broken libVLC
surfaces as an exception (or even SystemExit from python-vlc's loader), which
is caught here and turned into a reason for the poster and `kiosk doctor`.

Set ``KIOSK_VLC_DUMMY=1`` to force dummy audio and video output (tests and
machines without a screen or sound card).
"""

from __future__ import annotations

import logging
import os
import sys
from types import ModuleType
from typing import Any

log = logging.getLogger("kiosk.media")

#: Options for every instance. VLC must not handle the mouse or keys (touches and
#: scanner keystrokes belong to Qt) nor print the file name over the video.
BASE_OPTIONS = (
    "--quiet",
    "--no-video-title-show",
    "--no-mouse-events",
    "--no-keyboard-events",
    "--no-snapshot-preview",
    "--no-osd",
    "--no-spu",
    "--no-stats",
    "--no-lua",
)
DUMMY_OPTIONS = ("--vout=vdummy", "--aout=adummy")  # "dummy" is not a module name

_vlc: ModuleType | None = None
_instance: Any = None
_reason: str | None = None
_options: tuple[str, ...] = ()


def options(extra: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The libVLC options for this platform, environment and `extra` settings."""
    result = list(BASE_OPTIONS)
    if sys.platform.startswith("linux"):
        # Embedded in Qt: Qt owns Xlib, so libVLC must only use XCB (libVLC's own advice).
        result.append("--no-xlib")
    if dummy():
        result += DUMMY_OPTIONS
    result += list(extra)
    return result


def load_module() -> tuple[ModuleType | None, str | None]:
    """Import python-vlc; returns (module, None) or (None, why not)."""
    global _vlc, _reason
    if _vlc is not None:
        return _vlc, None
    try:
        import vlc  # loads a native library: only on demand
    except ImportError as exc:
        return None, f"python-vlc is not installed ({exc})"
    except (OSError, NotImplementedError, AttributeError, SystemExit) as exc:
        return None, f"libVLC could not be loaded ({exc or type(exc).__name__})"
    _vlc = vlc
    return vlc, None


def instance(extra: tuple[str, ...] | list[str] = ()) -> tuple[Any, str | None]:
    """The shared `vlc.Instance` (created on first call), or (None, reason).

    Must be called on the Qt main thread. Later calls return the same instance;
    `extra` only counts on the first successful call.
    """
    global _instance, _reason, _options
    if _instance is not None:
        return _instance, None
    if _reason is not None:
        return None, _reason
    vlc, reason = load_module()
    if vlc is None:
        _reason = reason
        log.error("video disabled: %s", reason)
        return None, reason
    opts = options(extra)
    try:
        created = vlc.Instance(opts)
    except Exception as exc:  # any failure of the native library means "no video"
        created, detail = None, str(exc)
    else:
        detail = "libvlc_new() returned nothing (plugins missing or a bad option?)"
    if created is None:
        _reason = f"libVLC {version() or '?'} did not start: {detail}"
        log.error("video disabled: %s", _reason)
        return None, _reason
    _instance, _options = created, tuple(opts)
    log.info("libVLC %s started with %s", version(), " ".join(opts))
    return _instance, None


def version() -> str | None:
    """The libVLC version string, or None when libVLC cannot be loaded."""
    vlc, _ = load_module()
    if vlc is None:
        return None
    raw = vlc.libvlc_get_version()
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def plugin_path() -> str | None:
    """Where libVLC looks for its plugins, when it can be told."""
    vlc, _ = load_module()
    found = os.environ.get("VLC_PLUGIN_PATH") or getattr(vlc, "plugin_path", None)
    if found:
        return str(found)
    if vlc is not None and getattr(vlc, "dll", None) is not None:
        lib = os.path.realpath(getattr(vlc.dll, "_name", "") or "")
        candidate = os.path.join(os.path.dirname(lib), "vlc", "plugins")
        if os.path.isdir(candidate):
            return candidate
    return None


def dummy() -> bool:
    """Whether dummy audio/video output is forced (tests, machines without a screen)."""
    return os.environ.get("KIOSK_VLC_DUMMY") == "1"


def attach(player: Any, win_id: int) -> None:
    """Send `player`'s video to the native window `win_id` of a Qt widget."""
    # Setting a window makes libVLC pick a windowed output, overriding --vout.
    if dummy():
        pass
    elif sys.platform.startswith("linux") or sys.platform.startswith("freebsd"):
        player.set_xwindow(win_id)
    elif sys.platform == "win32":
        player.set_hwnd(win_id)
    elif sys.platform == "darwin":
        player.set_nsobject(win_id)
    # VLC must leave mouse and keyboard events to the window below (Qt).
    player.video_set_mouse_input(False)
    player.video_set_key_input(False)


def started() -> bool:
    """Whether the shared instance exists."""
    return _instance is not None


def failure() -> str | None:
    """Why the instance could not be created, if it could not."""
    return _reason


def current_options() -> tuple[str, ...]:
    """The options the instance was created with."""
    return _options


def release() -> None:
    """Release the instance at app exit (after every player is released).

    A later `instance()` call creates a new one and retries a failed start.
    """
    global _instance, _reason
    if _instance is not None:
        _instance.release()
        _instance = None
    _reason = None
