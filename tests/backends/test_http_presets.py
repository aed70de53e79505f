"""The shipped presets against loopback back offices shaped like the real ones."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path
from typing import Any

import pytest

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.http import HttpBackend
from kiosk.dossier import VN_TZ, Status
from kiosk.scan import DossierQuery
from tests.backends.conftest import PRESETS, Serve, backend_settings, preset
from tests.backends.server import Reply, Request

CODE = "000.00.53.H48-261201-0007"
CLIENT_SECRET = "cs-7f3a9c1e55"


class FakeClock:
    """A clock the test moves forward by hand."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=VN_TZ)

    def __call__(self) -> dt.datetime:
        return self.now


class IGate:
    """A token endpoint plus an iGate-shaped dossier search."""

    def __init__(self, expires_in: int = 300) -> None:
        self.expires_in = expires_in
        self.issued: list[str] = []
        self.revoked: set[str] = set()
        self.lock = threading.Lock()

    def __call__(self, request: Request) -> Reply:
        if request.path == "/realms/digo/token":
            form = dict(p.split("=", 1) for p in request.body.decode().split("&"))
            if form.get("client_secret") != CLIENT_SECRET:
                return Reply(401, {"error": "invalid_client"})
            with self.lock:
                token = f"tok-{len(self.issued) + 1}-abcdef"
                self.issued.append(token)
            return Reply(200, {"access_token": token, "expires_in": self.expires_in})
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ")
        if token not in self.issued or token in self.revoked:
            return Reply(401, {"error": "invalid_token"})
        code = request.query.get("code", [""])[0]
        content = [_igate_dossier(c) for c in (f"{code}-X", code) if c.startswith(CODE)]
        return Reply(200, {"content": content, "totalElements": len(content)})


def _igate_dossier(code: str) -> dict[str, Any]:
    return {
        "id": "65a1",
        "code": code,
        "applicant": {"data": {"fullname": "Trần Thị Bình", "identityNumber": "034190009876"}},
        "procedure": {"code": "1.001193", "translate": [_vi("Đăng ký kết hôn")]},
        "agency": {"code": "000.00.53.H48", "name": [_vi("UBND xã Minh An")]},
        "appliedDate": "2026-12-01T08:15:00.000+0700",
        "appointmentDate": "2026-12-04T17:00:00.000+0700",
        "completedDate": None,
        "dossierStatus": 2,
        "dossierTaskStatus": {"name": [{"languageId": 228, "name": "Đang xử lý"}]},
        "currentTask": [
            {
                "bpmProcessDefinitionTask": {"name": {"name": "Thẩm định hồ sơ"}},
                "candidateGroup": [{"name": [{"languageId": 228, "name": "Tư pháp - Hộ tịch"}]}],
                "createdDate": 1764555300000,
            }
        ],
    }


def _vi(text: str) -> dict[str, Any]:
    return {"languageId": 228, "name": text}


def _igate_backend(base: str, clock: FakeClock, secret: str = CLIENT_SECRET) -> HttpBackend:
    settings = backend_settings(
        preset("vnpt-igate"),
        url=f"{base}/pa/dossier-search/dvc",
        auth={"token_url": f"{base}/realms/digo/token", "client_secret": secret},
    )
    return HttpBackend(settings.http, clock=clock)


def test_igate_preset_maps_the_matching_item(
    serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.lookup")
    igate = IGate()
    server = serve(igate)
    backend = _igate_backend(server.base, FakeClock())
    try:
        dossier = backend.lookup(DossierQuery(CODE))
    finally:
        backend.close()
    assert dossier is not None
    assert dossier.code == CODE
    assert dossier.procedure == "Đăng ký kết hôn"
    assert dossier.applicant == "Trần T. B."
    assert dossier.agency == "UBND xã Minh An"
    assert dossier.status is Status.PROCESSING
    assert dossier.received == dt.datetime(2026, 12, 1, 8, 15, tzinfo=VN_TZ)
    assert dossier.appointment == dt.datetime(2026, 12, 4, 17, 0, tzinfo=VN_TZ)
    assert dossier.steps[0].name == "Thẩm định hồ sơ"
    assert dossier.steps[0].unit == "Tư pháp - Hộ tịch"
    assert dossier.steps[0].started == dt.datetime(2025, 12, 1, 9, 15, tzinfo=VN_TZ)
    search = server.requests[-1]
    assert search.query == {"page": ["0"], "size": ["10"], "spec": ["slice"], "code": [CODE]}
    for secret in ("Trần Thị Bình", "034190009876", CLIENT_SECRET, "tok-1-abcdef"):
        assert secret not in caplog.text


def test_igate_empty_content_is_not_found(serve: Serve) -> None:
    server = serve(IGate())
    backend = _igate_backend(server.base, FakeClock())
    try:
        assert backend.lookup(DossierQuery("000.00.53.H48-261201-0999")) is None
    finally:
        backend.close()


def test_token_is_cached_until_shortly_before_expiry(serve: Serve) -> None:
    igate = IGate(expires_in=300)
    server = serve(igate)
    clock = FakeClock()
    backend = _igate_backend(server.base, clock)
    try:
        backend.lookup(DossierQuery(CODE))
        clock.now += dt.timedelta(seconds=200)
        backend.lookup(DossierQuery(CODE))
        assert len(igate.issued) == 1
        clock.now += dt.timedelta(seconds=75)  # 275 s: inside the 30 s refresh margin
        backend.lookup(DossierQuery(CODE))
        assert len(igate.issued) == 2
    finally:
        backend.close()


def test_revoked_token_is_refreshed_once_on_401(serve: Serve) -> None:
    igate = IGate()
    server = serve(igate)
    backend = _igate_backend(server.base, FakeClock())
    try:
        backend.lookup(DossierQuery(CODE))
        igate.revoked.add(igate.issued[0])
        assert backend.lookup(DossierQuery(CODE)) is not None
        assert len(igate.issued) == 2
    finally:
        backend.close()


def test_401_after_a_fresh_token_is_an_auth_error_not_a_loop(serve: Serve) -> None:
    def always_401(request: Request) -> Reply:
        if request.path == "/realms/digo/token":
            return Reply(200, {"access_token": "tok-fresh-123456", "expires_in": 300})
        return Reply(401, {"error": "invalid_token"})

    server = serve(always_401)
    backend = _igate_backend(server.base, FakeClock())
    try:
        with pytest.raises(BackendError) as caught:
            backend.lookup(DossierQuery(CODE))
    finally:
        backend.close()
    assert caught.value.kind is ErrorKind.AUTH
    assert len([r for r in server.requests if r.path == "/realms/digo/token"]) == 2
    assert "tok-fresh-123456" not in str(caught.value)


def test_wrong_client_secret_is_an_auth_error_from_the_token_endpoint(
    serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    server = serve(IGate())
    backend = _igate_backend(server.base, FakeClock(), secret="wrong-secret-999")
    try:
        with pytest.raises(BackendError) as caught:
            backend.lookup(DossierQuery(CODE))
    finally:
        backend.close()
    assert caught.value.kind is ErrorKind.AUTH
    assert "token" in caught.value.detail and "invalid_client" in caught.value.detail
    assert "wrong-secret-999" not in str(caught.value) + caplog.text


NATIONAL = {
    "MaHoSo": CODE,
    "MaTTHC": "1.000894",
    "TenTTHC": "Cấp bản sao trích lục hộ tịch",
    "ChuHoSo": "Lê Văn Cường",
    "NgayTiepNhan": "20261201081500",
    "NgayHenTra": "03/12/2026 16:30",
    "NgayTra": None,
    "TrangThaiHoSo": "9",
    "DonViXuLy": "UBND xã Minh An",
    "HinhThuc": 1,
    "QuaTrinhXuLy": [
        {"NoiDungXuLy": "Tiếp nhận", "PhongBanXuLy": "Một cửa", "ThoiDiemXuLy": "01/12/2026"}
    ],
}


def _gateway(request: Request) -> Reply:
    if request.headers.get("Authorization") != "Bearer gw-token-314159":
        return Reply(401, {"error_code": "UNAUTHORIZED"})
    code = request.json()["maHoSo"]
    if code == "MISSING-CODE-0000":
        return Reply(200, {"error_code": "NOT_FOUND", "data": None})
    return Reply(200, {"error_code": "0", "data": [NATIONAL] if code == CODE else []})


def _gateway_backend(base: str) -> HttpBackend:
    settings = backend_settings(
        preset("national-portal"),
        url=f"{base}/api/traTrangThaiHoSo",
        auth={"token": "gw-token-314159"},
    )
    return HttpBackend(settings.http)


def test_national_portal_preset_posts_json_and_maps_fields(serve: Serve) -> None:
    server = serve(_gateway)
    backend = _gateway_backend(server.base)
    try:
        dossier = backend.lookup(DossierQuery(CODE))
        assert backend.lookup(DossierQuery("000.00.53.H48-261201-0999")) is None
        assert backend.lookup(DossierQuery("MISSING-CODE-0000")) is None
    finally:
        backend.close()
    assert server.requests[0].method == "POST"
    assert server.requests[0].json() == {"maDonVi": "000.00.53.H48", "maHoSo": CODE}
    assert dossier is not None
    assert dossier.procedure == "Cấp bản sao trích lục hộ tịch"
    assert dossier.applicant == "Lê V. C."
    assert dossier.status is Status.DONE
    assert dossier.received == dt.datetime(2026, 12, 1, 8, 15, tzinfo=VN_TZ)
    assert dossier.appointment == dt.datetime(2026, 12, 3, 16, 30, tzinfo=VN_TZ)
    assert dossier.steps[0].started == dt.datetime(2026, 12, 1, tzinfo=VN_TZ)


def test_unknown_status_is_processing_and_logged_once(
    serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    strange = {**NATIONAL, "TrangThaiHoSo": "X-42"}

    def gateway(request: Request) -> Reply:
        return Reply(200, {"data": [strange]})

    server = serve(gateway)
    backend = _gateway_backend(server.base)
    caplog.set_level(logging.WARNING, logger="kiosk.lookup")
    try:
        first = backend.lookup(DossierQuery(CODE))
        backend.lookup(DossierQuery(CODE))
    finally:
        backend.close()
    assert first is not None and first.status is Status.PROCESSING
    warnings = [r.getMessage() for r in caplog.records if "X-42" in r.getMessage()]
    assert len(warnings) == 1 and "statuses" in warnings[0]


@pytest.mark.parametrize("path", sorted(PRESETS.glob("*.toml")), ids=lambda p: p.stem)
def test_every_preset_is_valid_config(path: Path) -> None:
    secrets = {"token": "t-1", "client_secret": "c-1", "password": "p-1", "header_value": "h-1"}
    settings = backend_settings(path.read_text(encoding="utf-8"), auth=secrets)
    HttpBackend(settings.http).close()


def test_preset_with_empty_secret_says_which_key(serve: Serve) -> None:
    settings = backend_settings(preset("national-portal"))
    with pytest.raises(BackendError) as caught:
        HttpBackend(settings.http)
    assert caught.value.kind is ErrorKind.CONFIG
    assert "backend.http.auth.token" in caught.value.detail
