"""Scanned payload -> dossier query. (Parser to be filled in.)"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class DossierQuery:
    """What the kiosk asks a back office for.

    Attributes:
        code: the normalized dossier code (upper case).
        secret: an optional lookup secret taken from the receipt (such as the
            owner's ID number in a portal URL). Personal data: never shown,
            logged or stored, and kept out of `repr()`.
    """

    code: str
    secret: str | None = dataclasses.field(default=None, repr=False)
