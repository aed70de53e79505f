"""The http adapter's defaults against the real `kiosk demo-server` on loopback."""

from __future__ import annotations

import dataclasses
import datetime as dt

from kiosk.backends.demo import DemoBackend, codes
from kiosk.backends.http import HttpBackend
from kiosk.dossier import VN_TZ
from kiosk.scan import DossierQuery
from kiosk.server import DemoServer
from tests.backends.conftest import backend_settings

NOW = dt.datetime(2026, 12, 2, 10, 0, tzinfo=VN_TZ)


def test_every_demo_dossier_maps_like_the_demo_backend() -> None:
    server = DemoServer(now=lambda: NOW, api_key="demo-key-1234")
    server.start()
    settings = backend_settings(
        url=f"{server.url}/api/v1/dossiers/{{code}}", api_key="demo-key-1234"
    )
    backend = HttpBackend(settings.http)
    demo = DemoBackend(now=lambda: NOW)
    try:
        for code in codes(NOW):
            got = backend.lookup(DossierQuery(code))
            want = demo.lookup(DossierQuery(code))
            assert got is not None and want is not None, code
            # Everything but `fetched` travels through the API and the mapping unchanged.
            assert dataclasses.replace(got, fetched=None) == dataclasses.replace(
                want, fetched=None
            ), code
        assert backend.lookup(DossierQuery("000.00.53.H48-990101-0001")) is None
    finally:
        backend.close()
        server.stop()
