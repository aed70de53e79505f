"""Idle guidance media: playlists and schedules (pure) and the libVLC player."""
