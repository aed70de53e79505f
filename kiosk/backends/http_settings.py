"""Settings of the `http` back-office adapter (the `[backend.http]` table)."""

from __future__ import annotations

import dataclasses

from kiosk.schema import opt


@dataclasses.dataclass(frozen=True)
class HttpSettings:
    url: str = opt(
        "http://127.0.0.1:8765/api/v1/dossiers/{code}",
        "URL template; {code} and {secret} are URL-encoded before they are put in.",
    )
    connect_timeout_s: float = opt(3.0, "Seconds to wait for a connection.", min=0.1, max=60)
    read_timeout_s: float = opt(6.0, "Seconds to wait for the answer.", min=0.1, max=120)
    api_key: str = opt("", "Sent as the X-Api-Key header when not empty.", secret=True)
