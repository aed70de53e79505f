"""Build the configured backend."""

from __future__ import annotations

from kiosk.backends import Backend, BackendError, ErrorKind
from kiosk.backends.settings import BackendSettings


def create_backend(settings: BackendSettings) -> Backend:
    """Return the backend that `settings.kind` names.

    Raises:
        BackendError: (kind CONFIG) the adapter cannot be built from the settings.
    """
    if settings.kind == "demo":
        from kiosk.backends.demo import DemoBackend

        return DemoBackend()
    if settings.kind == "http":
        from kiosk.backends.http import HttpBackend

        return HttpBackend(settings.http)
    raise BackendError(ErrorKind.CONFIG, f"unknown backend kind {settings.kind!r}")
