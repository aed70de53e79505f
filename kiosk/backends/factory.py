"""Build the configured backend."""

from __future__ import annotations

from kiosk.backends import Backend, BackendError, ErrorKind
from kiosk.backends.settings import BackendSettings


def create_backend(settings: BackendSettings) -> Backend:
    """Return the backend that `settings.kind` names.

    The http backend comes wrapped in a `CachingBackend` (recent answers, last
    known status when offline); the demo data and the local file need neither.

    Raises:
        BackendError: (CONFIG) the adapter cannot be built from the settings.
    """
    if settings.kind == "demo":
        from kiosk.backends.demo import DemoBackend

        return DemoBackend()
    if settings.kind == "http":
        from kiosk.backends.cache import CachingBackend
        from kiosk.backends.http import HttpBackend

        return CachingBackend(HttpBackend(settings.http), settings.cache)
    if settings.kind == "tracking_book":
        from kiosk.backends.tracking_book import TrackingBookBackend

        return TrackingBookBackend(settings.tracking_book)
    raise BackendError(ErrorKind.CONFIG, f"unknown backend kind {settings.kind!r}")
