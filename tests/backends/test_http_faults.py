"""Every way a back office can fail, each against a real loopback server, each typed."""

from __future__ import annotations

import logging
import time
import tracemalloc
from typing import Any

import pytest

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.http import HttpBackend
from kiosk.scan import DossierQuery
from tests.backends.conftest import TLS_PAIR, Serve, backend_settings
from tests.backends.kiosk_api import CODE, DOSSIER
from tests.backends.server import Reply, Request, free_port, slow_chunks

QUERY = DossierQuery(CODE)
FAST: dict[str, Any] = {"retries": 0, "connect_timeout_s": 1.0, "read_timeout_s": 1.0}


def _fail(url: str, **http: Any) -> BackendError:
    settings = backend_settings(url=url, **{**FAST, **http})
    backend = HttpBackend(settings.http, sleep=lambda s: None)
    try:
        with pytest.raises(BackendError) as caught:
            backend.lookup(QUERY)
    finally:
        backend.close()
    return caught.value


def _url(base: str) -> str:
    return f"{base}/api/v1/dossiers/{{code}}"


def test_refused(serve: Serve) -> None:
    error = _fail(f"http://127.0.0.1:{free_port()}/api/v1/dossiers/{{code}}")
    assert error.kind is ErrorKind.REFUSED
    assert "refused" in error.detail and "127.0.0.1" in error.detail


def test_dns() -> None:
    # `.invalid` never resolves (RFC 2606), with or without a network.
    error = _fail("http://kiosk-back-office.invalid/api/v1/dossiers/{code}")
    assert error.kind is ErrorKind.DNS
    assert "kiosk-back-office.invalid" in error.detail


def test_slow_server_times_out_on_read(serve: Serve) -> None:
    server = serve(lambda r: Reply(200, DOSSIER, delay_s=5))
    started = time.monotonic()
    error = _fail(_url(server.base), read_timeout_s=0.3)
    assert error.kind is ErrorKind.TIMEOUT
    assert time.monotonic() - started < 2


def test_dripping_server_hits_the_total_timeout(serve: Serve) -> None:
    # Every chunk arrives within the read timeout; the whole never does.
    server = serve(lambda r: Reply(200, chunks=slow_chunks(10_000_000, 1024, pause_s=0.05)))
    started = time.monotonic()
    error = _fail(_url(server.base), total_timeout_s=0.8)
    assert error.kind is ErrorKind.TIMEOUT and "total timeout" in error.detail
    assert time.monotonic() - started < 2.5


def test_500_is_an_http_error_without_retry(serve: Serve) -> None:
    server = serve(lambda r: Reply(500, {"message": "boom"}))
    error = _fail(_url(server.base), retries=2)
    assert error.kind is ErrorKind.HTTP and "500" in error.detail
    assert len(server.requests) == 1


def test_503_then_200_is_retried_to_success(serve: Serve) -> None:
    answers = iter([Reply(503), Reply(502), Reply(200, DOSSIER)])
    server = serve(lambda r: next(answers))
    settings = backend_settings(url=_url(server.base), retries=2, backoff_s=0.05)
    backend = HttpBackend(settings.http)
    try:
        dossier = backend.lookup(QUERY)
    finally:
        backend.close()
    assert dossier is not None and dossier.code == CODE
    assert len(server.requests) == 3


def test_503_beyond_the_retries_is_an_http_error(serve: Serve) -> None:
    server = serve(lambda r: Reply(503))
    error = _fail(_url(server.base), retries=1)
    assert error.kind is ErrorKind.HTTP and "503" in error.detail
    assert len(server.requests) == 2


def test_invalid_json(serve: Serve) -> None:
    server = serve(lambda r: Reply(200, b'{"code": "000.00.53.H48-261201-0001", '))
    error = _fail(_url(server.base))
    assert error.kind is ErrorKind.INVALID and "not valid JSON" in error.detail


def test_html_instead_of_json(serve: Serve) -> None:
    page = "<!DOCTYPE html><html><body>Đăng nhập</body></html>"
    server = serve(lambda r: Reply(200, page, content_type="text/html; charset=utf-8"))
    error = _fail(_url(server.base))
    assert error.kind is ErrorKind.INVALID and "HTML" in error.detail


def test_50_mb_body_stops_at_the_cap_without_holding_it(serve: Serve) -> None:
    server = serve(lambda r: Reply(200, chunks=slow_chunks(50 * 1024 * 1024)))
    tracemalloc.start()
    try:
        started = time.monotonic()
        error = _fail(_url(server.base), max_response_kb=1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.kind is ErrorKind.OVERSIZE
    assert peak < 8 * 1024 * 1024
    assert time.monotonic() - started < 5


def test_declared_oversize_is_refused_before_reading(serve: Serve) -> None:
    server = serve(
        lambda r: Reply(
            200,
            chunks=slow_chunks(50 * 1024 * 1024),
            headers={"Content-Length": str(50 * 1024 * 1024)},
        )
    )
    error = _fail(_url(server.base), max_response_kb=1024)
    assert error.kind is ErrorKind.OVERSIZE and "52,428,800" in error.detail


def test_connection_closed_without_answer_is_retried_then_typed(serve: Serve) -> None:
    server = serve(lambda r: Reply(close=True))
    error = _fail(_url(server.base), retries=2, backoff_s=0.01)
    assert error.kind is ErrorKind.CLOSED
    assert len(server.requests) == 3


def test_connection_closed_mid_body(serve: Serve) -> None:
    server = serve(
        lambda r: Reply(200, chunks=[b'{"code": "x"'], headers={"Content-Length": "5000"})
    )
    error = _fail(_url(server.base))
    assert error.kind is ErrorKind.CLOSED


@pytest.mark.parametrize("status", [401, 403])
def test_credentials_refused(serve: Serve, status: int) -> None:
    server = serve(lambda r: Reply(status, {"error": {"code": "unauthorized"}}))
    error = _fail(_url(server.base))
    assert error.kind is ErrorKind.AUTH and str(status) in error.detail


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ([1, 2], "expected objects"),
        (b'"just a text"', "expected an object"),
        ({**DOSSIER, "status": None}, "no status"),
        ({"dossier": DOSSIER}, "no status"),
    ],
    ids=["list", "string", "null-status", "nested"],
)
def test_wrong_shapes(serve: Serve, body: object, where: str) -> None:
    server = serve(lambda r: Reply(200, body))
    error = _fail(_url(server.base))
    assert error.kind is ErrorKind.SHAPE
    assert where in error.detail


def test_wrong_root_names_the_keys_it_saw(serve: Serve) -> None:
    server = serve(lambda r: Reply(200, {"items": [DOSSIER], "total": 1}))
    error = _fail(_url(server.base), mapping={"root": "content"})
    assert error.kind is ErrorKind.SHAPE
    assert "'content'" in error.detail and "items, total" in error.detail


def test_tls_untrusted_certificate(serve: Serve) -> None:
    server = serve(lambda r: Reply(200, DOSSIER), tls=TLS_PAIR)
    error = _fail(_url(server.base))
    assert error.kind is ErrorKind.TLS and "certificate" in error.detail


def test_tls_custom_ca_bundle_is_trusted(serve: Serve) -> None:
    server = serve(lambda r: Reply(200, DOSSIER), tls=TLS_PAIR)
    settings = backend_settings(url=_url(server.base), tls={"ca_bundle": TLS_PAIR[0]})
    backend = HttpBackend(settings.http)
    try:
        assert backend.lookup(QUERY) is not None
    finally:
        backend.close()


def test_tls_opt_out_works_and_is_logged(serve: Serve, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="kiosk.lookup")
    server = serve(lambda r: Reply(200, DOSSIER), tls=TLS_PAIR)
    settings = backend_settings(url=_url(server.base), tls={"verify": False})
    backend = HttpBackend(settings.http)
    try:
        assert backend.lookup(QUERY) is not None
    finally:
        backend.close()
    assert "TLS certificate checks are OFF" in caplog.text


def test_missing_ca_bundle_is_a_config_error() -> None:
    settings = backend_settings(tls={"ca_bundle": "/nonexistent/ca.pem"})
    with pytest.raises(BackendError) as caught:
        HttpBackend(settings.http)
    assert caught.value.kind is ErrorKind.CONFIG


def test_unknown_placeholder_is_a_config_error() -> None:
    settings = backend_settings(url="http://127.0.0.1:1/{kode}")
    with pytest.raises(BackendError) as caught:
        HttpBackend(settings.http)
    assert caught.value.kind is ErrorKind.CONFIG and "{kode}" in caught.value.detail


def test_secret_in_query_is_encoded_and_masked_in_errors(serve: Serve) -> None:
    seen: list[Request] = []

    def handler(request: Request) -> Reply:
        seen.append(request)
        return Reply(500)

    server = serve(handler)
    secret = "0341 9000&x=1"
    settings = backend_settings(
        url=f"{server.base}/search", query={"code": "{code}", "sgt": "{secret}"}, **FAST
    )
    backend = HttpBackend(settings.http)
    try:
        with pytest.raises(BackendError) as caught:
            backend.lookup(DossierQuery(CODE, secret))
    finally:
        backend.close()
    assert seen[0].query == {"code": [CODE], "sgt": [secret]}
    assert "sgt=***" in caught.value.detail
    assert "0341" not in caught.value.detail
