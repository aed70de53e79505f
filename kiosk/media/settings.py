"""Settings of the idle guidance media (the `[media]` table)."""

from __future__ import annotations

import dataclasses

from kiosk.schema import opt


@dataclasses.dataclass(frozen=True)
class MediaSettings:
    enabled: bool = opt(True, "Play guidance videos while idle.")
    folder: str = opt("", "Folder of clips and images, played in name order; empty = samples.")
