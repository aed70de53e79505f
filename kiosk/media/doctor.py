"""`kiosk doctor` lines for the idle video: libVLC, the media source, skipped files."""

from __future__ import annotations

from kiosk.dossier import vn_wall_clock
from kiosk.media import playlist as pl
from kiosk.media import vlc_engine
from kiosk.media.schedule import Schedule, merged
from kiosk.media.settings import MediaSettings


def diagnose(settings: MediaSettings | None = None, *, start_vlc: bool = True) -> list[str]:
    """Plain lines saying whether idle video can play, and why not.

    Reads the media folder (disk I/O): call it from the doctor command or a worker,
    not from a UI slot. With `start_vlc`, the shared libVLC instance is created to
    prove that it starts (on the main thread).
    """
    settings = settings or MediaSettings()
    lines: list[str] = []
    version = vlc_engine.version()
    if version is None:
        _module, reason = vlc_engine.load_module()
        lines.append(f"libVLC: NOT AVAILABLE: {reason}")
    else:
        plugins = vlc_engine.plugin_path() or "libVLC's default location"
        lines.append(f"libVLC: {version}; plugins: {plugins}")
        if start_vlc:
            instance, reason = vlc_engine.instance(settings.vlc_options)
            lines.append("libVLC: starts" if instance is not None else f"libVLC: FAILS: {reason}")
    if not settings.enabled:
        lines.append("media: idle video turned off (media.enabled = false)")
    result = pl.load(settings.folder, settings.playlist, settings.sidecar)
    kind = "playlist" if settings.playlist else "folder"
    lines.append(f"media {kind}: {result.source}")
    videos = sum(1 for item in result.items if item.kind is pl.Kind.VIDEO)
    lines.append(f"media: {videos} video(s), {len(result.items) - videos} image(s) found")
    lines += [f"media: left out {name}: {reason}" for name, reason in result.skipped]
    lines += [f"media: {problem}" for problem in result.problems]
    schedule = Schedule(merged(settings.schedule, result.schedule, result.sidecar_keys))
    lines += [f"media: {problem}" for problem in schedule.problems]
    now = vn_wall_clock()
    lines.append(
        "media: office open now, video plays"
        if schedule.is_open(now)
        else "media: outside opening hours now, the poster shows"
    )
    if not result.items:
        lines.append("media: nothing to play: the idle screen shows the poster or a text card")
    return lines
