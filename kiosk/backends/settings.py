"""Settings of the back office (the `[backend]` table and its sub-tables)."""

from __future__ import annotations

import dataclasses

from kiosk.backends.http_settings import HttpSettings
from kiosk.schema import opt


@dataclasses.dataclass(frozen=True)
class BackendSettings:
    kind: str = opt(
        "demo",
        "Where dossiers come from: 'demo' (built-in fictional data) or 'http' (a back office).",
        choices=("demo", "http"),
    )
    http: HttpSettings = opt(HttpSettings, "The HTTP back office (used when kind = 'http').")
