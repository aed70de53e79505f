"""The http adapter's default settings against the kiosk's own API on loopback."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.http import HttpBackend
from kiosk.dossier import VN_TZ, Status
from kiosk.scan import DossierQuery
from tests.backends.conftest import Serve, backend_settings
from tests.backends.kiosk_api import CODE, FULL_NAME, ID_NUMBER, kiosk_api


def _backend(base: str, **http: Any) -> HttpBackend:
    settings = backend_settings(url=f"{base}/api/v1/dossiers/{{code}}", **http)
    return HttpBackend(settings.http)


def test_found_dossier_is_mapped_and_masked(serve: Serve, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.lookup")
    server = serve(kiosk_api())
    backend = _backend(server.base)
    try:
        dossier = backend.lookup(DossierQuery(CODE))
    finally:
        backend.close()
    assert dossier is not None
    assert dossier.code == CODE
    assert dossier.procedure == "Đăng ký khai sinh"
    assert dossier.applicant == "Nguyễn V. A."
    assert dossier.status is Status.PROCESSING
    assert dossier.received == dt.datetime(2026, 12, 1, 8, 30, tzinfo=VN_TZ)
    assert dossier.appointment == dt.datetime(2026, 12, 3, 16, 30, tzinfo=VN_TZ)
    assert dossier.completed is None
    assert [s.name for s in dossier.steps] == ["Tiếp nhận hồ sơ", "Thẩm định"]
    assert dossier.steps[1].finished is None
    assert dossier.agency == "UBND xã Minh An"
    assert dossier.counter == "Quầy số 1"
    assert dossier.fee == 50000
    assert dossier.fetched is not None
    assert FULL_NAME not in caplog.text
    assert server.requests[0].path == f"/api/v1/dossiers/{CODE}"
    assert "X-Lookup-Secret" not in server.requests[0].headers


def test_unknown_code_is_not_found(serve: Serve) -> None:
    server = serve(kiosk_api())
    backend = _backend(server.base)
    try:
        assert backend.lookup(DossierQuery("000.00.53.H48-261201-9999")) is None
    finally:
        backend.close()


def test_wrong_url_404_is_an_error_not_a_missing_dossier(serve: Serve) -> None:
    server = serve(kiosk_api())
    settings = backend_settings(url=f"{server.base}/wrong/{{code}}")
    backend = HttpBackend(settings.http)
    try:
        with pytest.raises(BackendError) as caught:
            backend.lookup(DossierQuery(CODE))
    finally:
        backend.close()
    assert caught.value.kind is ErrorKind.HTTP
    assert "404" in caught.value.detail and "URL" in caught.value.detail


def test_secret_and_api_key_go_in_headers_and_never_in_logs(
    serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.lookup")
    server = serve(kiosk_api(api_key="k-123456", secret=ID_NUMBER))
    backend = _backend(server.base, api_key="k-123456")
    try:
        assert backend.lookup(DossierQuery(CODE, ID_NUMBER)) is not None
        assert backend.lookup(DossierQuery(CODE, "000000000000")) is None
    finally:
        backend.close()
    assert server.requests[0].headers["X-Lookup-Secret"] == ID_NUMBER
    assert server.requests[0].headers["X-Api-Key"] == "k-123456"
    assert ID_NUMBER not in caplog.text and "k-123456" not in caplog.text


def test_wrong_api_key_is_an_auth_error(serve: Serve) -> None:
    server = serve(kiosk_api(api_key="right-key"))
    backend = _backend(server.base, api_key="wrong-key")
    try:
        with pytest.raises(BackendError) as caught:
            backend.lookup(DossierQuery(CODE))
    finally:
        backend.close()
    assert caught.value.kind is ErrorKind.AUTH
    assert "wrong-key" not in str(caught.value)


def test_code_with_reserved_characters_is_url_encoded(serve: Serve) -> None:
    server = serve(kiosk_api())
    backend = _backend(server.base)
    try:
        assert backend.lookup(DossierQuery("A/B?C#D&E")) is None
    finally:
        backend.close()
    assert server.requests[0].path == "/api/v1/dossiers/A%2FB%3FC%23D%26E"
