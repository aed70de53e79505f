"""Recent answers, the last known status when offline, the factory and `--trace`."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.cache import CachingBackend
from kiosk.backends.factory import create_backend
from kiosk.backends.http import HttpBackend
from kiosk.backends.trace import EXIT_BACKEND, EXIT_FOUND, EXIT_NOT_FOUND, trace_lookup
from kiosk.backends.tracking_book import TrackingBookBackend
from kiosk.scan import DossierQuery
from tests.backends.conftest import Serve, backend_settings, book_settings
from tests.backends.kiosk_api import CODE, FULL_NAME, ID_NUMBER, kiosk_api
from tests.backends.server import Reply, Request, free_port
from tests.backends.test_http_presets import FakeClock


class Switch:
    """A kiosk API that can be taken down (answers 503)."""

    def __init__(self) -> None:
        self.down = False
        self.api = kiosk_api()

    def __call__(self, request: Request) -> Reply:
        return Reply(503) if self.down else self.api(request)


def _cached(base: str, clock: FakeClock, **cache: object) -> CachingBackend:
    settings = backend_settings(url=f"{base}/api/v1/dossiers/{{code}}", retries=0, cache=cache)
    return CachingBackend(HttpBackend(settings.http, clock=clock), settings.cache, clock)


def test_repeat_scan_within_fresh_s_is_answered_from_memory(serve: Serve) -> None:
    server = serve(kiosk_api())
    clock = FakeClock()
    backend = _cached(server.base, clock, fresh_s=30)
    try:
        backend.lookup(DossierQuery(CODE))
        clock.now += dt.timedelta(seconds=10)
        backend.lookup(DossierQuery(CODE))
        assert len(server.requests) == 1
        backend.lookup(DossierQuery(CODE, ID_NUMBER))  # another secret is another question
        clock.now += dt.timedelta(seconds=31)
        backend.lookup(DossierQuery(CODE))
        assert len(server.requests) == 3
    finally:
        backend.close()


def test_offline_shows_last_known_with_its_time(serve: Serve) -> None:
    switch = Switch()
    server = serve(switch)
    clock = FakeClock()
    backend = _cached(server.base, clock, fresh_s=0)
    try:
        first = backend.lookup(DossierQuery(CODE))
        switch.down = True
        clock.now += dt.timedelta(hours=2)
        old = backend.lookup(DossierQuery(CODE))
        assert old is not None and first is not None and old.fetched == first.fetched
        assert old.offline and not first.offline
        assert old.status is first.status
        clock.now += dt.timedelta(hours=80)  # older than offline_max_age_h
        with pytest.raises(BackendError) as caught:
            backend.lookup(DossierQuery(CODE))
        assert caught.value.kind is ErrorKind.HTTP
    finally:
        backend.close()


def test_offline_without_last_known_fails_plainly(serve: Serve) -> None:
    switch = Switch()
    switch.down = True
    server = serve(switch)
    backend = _cached(server.base, FakeClock(), offline_last_known=True)
    try:
        with pytest.raises(BackendError):
            backend.lookup(DossierQuery(CODE))
    finally:
        backend.close()


def test_factory_builds_each_kind(tmp_path: Path) -> None:
    http = create_backend(backend_settings())
    assert isinstance(http, CachingBackend) and http.name == "http"
    http.close()
    book = create_backend(book_settings(tmp_path / "so.csv"))
    assert isinstance(book, TrackingBookBackend) and book.name == "tracking_book"
    book.close()


def test_trace_prints_request_outline_and_mapped_fields(serve: Serve) -> None:
    server = serve(kiosk_api(api_key="key-55555", secret=ID_NUMBER))
    settings = backend_settings(url=f"{server.base}/api/v1/dossiers/{{code}}", api_key="key-55555")
    out = io.StringIO()
    assert trace_lookup(settings, DossierQuery(CODE, ID_NUMBER), out) == EXIT_FOUND
    text = out.getvalue()
    assert f"request: GET {server.base}/api/v1/dossiers/{CODE}" in text
    assert "X-Lookup-Secret: ***" in text and "X-Api-Key: ***" in text
    assert "answer: HTTP 200" in text and "ms" in text
    assert "applicant.name: text(13)" in text
    assert "raw status at 'status.code': 4 -> 4 Đang xử lý" in text
    assert "applicant: Nguyễn V. A." in text
    for secret in (ID_NUMBER, "key-55555", FULL_NAME):
        assert secret not in text


def test_trace_exit_codes(serve: Serve) -> None:
    server = serve(kiosk_api())
    settings = backend_settings(url=f"{server.base}/api/v1/dossiers/{{code}}")
    out = io.StringIO()
    assert trace_lookup(settings, DossierQuery("NOPE-1"), out) == EXIT_NOT_FOUND
    down = backend_settings(url=f"http://127.0.0.1:{free_port()}/x/{{code}}", retries=0)
    assert trace_lookup(down, DossierQuery(CODE), out) == EXIT_BACKEND
    assert "FAILED (refused)" in out.getvalue()


def test_trace_tracking_book_lists_skipped_rows(tmp_path: Path) -> None:
    path = tmp_path / "so.csv"
    path.write_text("Mã hồ sơ;Trạng thái\nA-1;Đang xử lý\nA-2;???\n", encoding="utf-8")
    no_columns = dict.fromkeys(
        ["procedure", "applicant", "received", "appointment", "returned"], ""
    )
    settings = book_settings(path, columns=no_columns)
    out = io.StringIO()
    assert trace_lookup(settings, DossierQuery("A-1"), out) == EXIT_FOUND
    assert "skipped row 3: unknown status '???'" in out.getvalue()
