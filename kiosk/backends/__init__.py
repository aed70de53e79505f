"""Back-office adapters behind one small protocol. No Qt here.

A backend turns a `DossierQuery` into a `Dossier` (found), `None` (not found),
or raises `BackendError` with a typed `ErrorKind`. Adapters mask the applicant
name before building the `Dossier`; full names and ID numbers never leave them.
"""

from __future__ import annotations

import enum
from typing import Protocol

from kiosk.dossier import Dossier
from kiosk.scan import DossierQuery


class ErrorKind(enum.Enum):
    """Why a back office could not answer. Values are stable (logs, CLI, stats)."""

    DNS = "dns"  # host name does not resolve
    REFUSED = "refused"  # connection refused / unreachable
    TIMEOUT = "timeout"  # connect or read timed out
    TLS = "tls"  # certificate or handshake failure
    AUTH = "auth"  # 401/403, or the token endpoint refused the credentials
    HTTP = "http"  # another unexpected HTTP status (4xx/5xx)
    INVALID = "invalid"  # not JSON, HTML instead of JSON, undecodable
    SHAPE = "shape"  # JSON, but not of the configured shape
    OVERSIZE = "oversize"  # answer larger than the configured cap
    CLOSED = "closed"  # connection closed before a full answer
    CONFIG = "config"  # the adapter is misconfigured
    SOURCE = "source"  # a local source (file) cannot be read


class BackendError(Exception):
    """A back office could not give an answer.

    Args:
        kind: the typed cause.
        detail: a precise message for IT (no secrets, no personal data).
    """

    def __init__(self, kind: ErrorKind, detail: str) -> None:
        super().__init__(f"{kind.value}: {detail}")
        self.kind = kind
        self.detail = detail


class Backend(Protocol):
    """What every back-office adapter provides."""

    #: Short name shown to IT (`demo`, `http`, ...).
    name: str

    def lookup(self, query: DossierQuery) -> Dossier | None:
        """Look the dossier up; `None` means the back office does not know it.

        Raises:
            BackendError: the back office could not be asked or answered badly.
        """
        ...

    def close(self) -> None:
        """Release sessions, files and threads."""
        ...
