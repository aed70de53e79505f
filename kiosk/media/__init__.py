"""Idle guidance media: playlists and schedules (pure) and the libVLC player."""

from kiosk.media.doctor import diagnose

__all__ = ["diagnose"]
