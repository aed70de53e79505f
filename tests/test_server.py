"""The demo lookup server, over real HTTP on loopback."""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable, Iterator

import pytest
import requests

import kiosk
from kiosk.backends.demo import EXAMPLE_CODE, EXAMPLE_SECRET, DemoBackend, dataset
from kiosk.backends.http import HttpBackend
from kiosk.backends.http_settings import HttpSettings
from kiosk.dossier import VN_TZ, Status
from kiosk.scan import DossierQuery
from kiosk.server import DemoServer, add_arguments, main

NOW = dt.datetime(2026, 12, 3, 10, 0, tzinfo=VN_TZ)
API_KEY = "k-7f3e-demo-key"
TIMEOUT = 5


def clock() -> dt.datetime:
    return NOW


@pytest.fixture
def server() -> Iterator[DemoServer]:
    demo = DemoServer(now=clock)
    demo.start("127.0.0.1", 0)
    yield demo
    demo.stop()


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        yield session


def dossier_url(server: DemoServer, code: str) -> str:
    return f"{server.url}/api/v1/dossiers/{requests.utils.quote(code, safe='')}"


def wait_until(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    # The server logs a request after the client has its answer.
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_found_dossier_body(server: DemoServer, http: requests.Session) -> None:
    answer = http.get(dossier_url(server, EXAMPLE_CODE.lower()), timeout=TIMEOUT)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/json; charset=utf-8"
    assert answer.headers["Cache-Control"] == "no-store"
    body = answer.json()
    assert set(body) == {
        "code", "procedure", "applicant", "agency", "received_at", "appointment_at",
        "completed_at", "returned_at", "status", "steps", "counter", "fee", "note",
    }
    assert body["code"] == EXAMPLE_CODE
    assert body["procedure"] == {"code": "1.001193", "name": "Đăng ký khai sinh"}
    assert body["applicant"] == {"name": "Nguyễn Văn An"}
    assert body["agency"] == {"code": "000.00.53.H48", "name": "UBND xã Minh An"}
    assert body["received_at"] == "2026-11-02T15:20:00+07:00"
    assert body["appointment_at"] == "2026-11-03T10:00:00+07:00"
    assert body["completed_at"] == "2026-11-02T16:40:00+07:00"
    assert body["returned_at"] == "2026-11-03T08:15:00+07:00"
    assert body["status"] == {"code": 10, "name": "Đã trả kết quả"}
    assert body["steps"][0] == {
        "name": "Tiếp nhận hồ sơ", "unit": "Bộ phận một cửa",
        "started_at": "2026-11-02T15:20:00+07:00", "finished_at": "2026-11-02T15:35:00+07:00",
    }
    assert body["steps"][-1]["name"] == "Trả kết quả"
    assert body["counter"] == "Quầy số 1"
    assert body["fee"] is None and body["note"] == ""
    assert EXAMPLE_SECRET not in answer.text


def test_every_dossier_is_served_without_id_numbers(
    server: DemoServer, http: requests.Session
) -> None:
    records = dataset(NOW)
    for record in records:
        answer = http.get(dossier_url(server, record.code), timeout=TIMEOUT)
        assert answer.status_code == 200, record.code
        body = answer.json()
        assert body["code"] == record.code
        assert body["status"]["code"] == int(record.status)
        assert all(r.id_number not in answer.text for r in records)
        if record.status is Status.NEEDS_PAYMENT:
            assert body["fee"] == {"amount": record.fee, "paid": False}


def test_unpaid_fee_and_open_step(server: DemoServer, http: requests.Session) -> None:
    record = next(r for r in dataset(NOW) if r.fee == 50_000 and not r.fee_paid)
    body = http.get(dossier_url(server, record.code), timeout=TIMEOUT).json()
    assert body["status"] == {"code": 6, "name": "Yêu cầu thực hiện nghĩa vụ tài chính"}
    assert body["fee"] == {"amount": 50_000, "paid": False}
    assert body["steps"][-1]["finished_at"] is None
    assert "50.000" in body["note"]


def test_unknown_code_is_404(server: DemoServer, http: requests.Session) -> None:
    answer = http.get(dossier_url(server, "000.00.53.H48-261203-9999"), timeout=TIMEOUT)
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "segment",
    ["", "A" * 65, "abc_def", "%2F", "a%20b", "%C4%91", f"{EXAMPLE_CODE}%0A", "%00"],
    ids=repr,
)
def test_bad_code_is_400(server: DemoServer, http: requests.Session, segment: str) -> None:
    answer = http.get(f"{server.url}/api/v1/dossiers/{segment}", timeout=TIMEOUT)
    assert answer.status_code == 400
    assert answer.headers["Content-Type"] == "application/json; charset=utf-8"
    assert answer.json()["error"]["code"] == "bad_code"


def test_longest_valid_code_is_looked_up(server: DemoServer, http: requests.Session) -> None:
    answer = http.get(f"{server.url}/api/v1/dossiers/{'A' * 64}", timeout=TIMEOUT)
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"


def test_wrong_secret_looks_like_an_unknown_code(
    server: DemoServer, http: requests.Session
) -> None:
    url = dossier_url(server, EXAMPLE_CODE)
    wrong = http.get(url, headers={"X-Lookup-Secret": "079199001234"}, timeout=TIMEOUT)
    unknown = http.get(dossier_url(server, "H48-261203-0001"), timeout=TIMEOUT)
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    right = http.get(url, headers={"X-Lookup-Secret": EXAMPLE_SECRET}, timeout=TIMEOUT)
    assert right.status_code == 200


def test_api_key(http: requests.Session) -> None:
    with DemoServer(now=clock, api_key=API_KEY) as server:
        server.start()
        url = dossier_url(server, EXAMPLE_CODE)
        for headers in ({}, {"X-Api-Key": "wrong"}, {"X-Api-Key": ""}):
            answer = http.get(url, headers=headers, timeout=TIMEOUT)
            assert answer.status_code == 401
            assert answer.json()["error"]["code"] == "unauthorized"
        # Without the key nothing is revealed, not even whether a code is well formed.
        assert http.get(f"{server.url}/api/v1/dossiers/a_b", timeout=TIMEOUT).status_code == 401
        assert http.get(url, headers={"X-Api-Key": API_KEY}, timeout=TIMEOUT).status_code == 200
        assert http.get(f"{server.url}/api/v1/health", timeout=TIMEOUT).status_code == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"])
def test_other_methods_are_405(server: DemoServer, http: requests.Session, method: str) -> None:
    answer = http.request(method, dossier_url(server, EXAMPLE_CODE), data=b"{}", timeout=TIMEOUT)
    assert answer.status_code == 405
    assert answer.headers["Allow"] == "GET, HEAD"
    assert answer.json()["error"]["code"] == "method_not_allowed"


def test_head_has_headers_but_no_body(server: DemoServer, http: requests.Session) -> None:
    answer = http.head(dossier_url(server, EXAMPLE_CODE), timeout=TIMEOUT)
    assert answer.status_code == 200
    assert int(answer.headers["Content-Length"]) > 0
    assert answer.content == b""
    assert http.head(dossier_url(server, "X-1"), timeout=TIMEOUT).status_code == 404


def test_health(server: DemoServer, http: requests.Session) -> None:
    answer = http.get(f"{server.url}/api/v1/health", timeout=TIMEOUT)
    assert answer.status_code == 200
    assert answer.json() == {
        "status": "ok", "dossiers": len(dataset(NOW)), "version": kiosk.__version__
    }


@pytest.mark.parametrize("path", ["/", "/api/v1", "/api/v1/dossiers", "/api/v2/health",
                                  f"/api/v1/dossiers/{EXAMPLE_CODE}/steps"])
def test_other_paths_are_404_json(server: DemoServer, http: requests.Session, path: str) -> None:
    answer = http.get(server.url + path, timeout=TIMEOUT)
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "unknown_path"


def test_log_has_one_line_per_request_and_nothing_personal(
    caplog: pytest.LogCaptureFixture, http: requests.Session
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.server")
    with DemoServer(now=clock, api_key=API_KEY) as server:
        server.start()
        url = dossier_url(server, EXAMPLE_CODE)
        secret = {"X-Lookup-Secret": EXAMPLE_SECRET, "X-Api-Key": API_KEY}
        assert http.get(url, headers=secret, timeout=TIMEOUT).status_code == 200
        assert http.get(url + "?sgt=" + EXAMPLE_SECRET, headers=secret, timeout=TIMEOUT).ok
        wrong = {"X-Lookup-Secret": "051099887766", "X-Api-Key": API_KEY}
        assert http.get(url, headers=wrong, timeout=TIMEOUT).status_code == 404
        bad_key = {"X-Api-Key": "bad-key-123"}
        assert http.get(url, headers=bad_key, timeout=TIMEOUT).status_code == 401
        assert http.post(url, headers=secret, timeout=TIMEOUT).status_code == 405
        wait_until(lambda: len([r for r in caplog.records if r.name == "kiosk.server"]) >= 5)
    lines = [r.getMessage() for r in caplog.records if r.name == "kiosk.server"]
    assert len(lines) == 5
    statuses = [line.split(" -> ")[1].split()[0] for line in lines]
    assert statuses == ["200", "200", "404", "401", "405"]
    assert all(EXAMPLE_CODE in line for line in lines)
    text = "\n".join(lines) + caplog.text
    for forbidden in (EXAMPLE_SECRET, "051099887766", API_KEY, "bad-key-123"):
        assert forbidden not in text
    for record in dataset(NOW):
        assert record.full_name not in text and record.id_number not in text


def test_concurrent_requests_are_all_answered() -> None:
    # Each answer waits 300 ms: served one after another, 20 would take 6 s.
    with DemoServer(now=clock, delay_ms=300) as server:
        server.start()
        urls = [dossier_url(server, code) for code in [r.code for r in dataset(NOW)][:20]]

        def fetch(url: str) -> int:
            return requests.get(url, timeout=TIMEOUT).status_code

        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
            statuses = list(pool.map(fetch, urls))
        elapsed = time.monotonic() - started
    assert statuses == [200] * 20
    assert 0.3 <= elapsed < 3.0


def test_delay_is_applied(http: requests.Session) -> None:
    with DemoServer(now=clock, delay_ms=250) as server:
        server.start()
        started = time.monotonic()
        assert http.get(f"{server.url}/api/v1/health", timeout=TIMEOUT).ok
        assert time.monotonic() - started >= 0.25


def test_stopped_server_refuses_connections() -> None:
    server = DemoServer(now=clock)
    port = server.start()
    assert port > 0 and server.port == port
    server.stop()
    server.stop()  # harmless
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=TIMEOUT)


def test_http_adapter_sees_what_the_demo_backend_sees() -> None:
    # The contract end to end: the kiosk's http adapter, default mapping, over real HTTP.
    with DemoServer(now=clock, api_key=API_KEY) as server:
        server.start()
        settings = HttpSettings(url=server.url + "/api/v1/dossiers/{code}", api_key=API_KEY)
        remote, local = HttpBackend(settings), DemoBackend(now=clock)
        try:
            for record in dataset(NOW):
                over_http = remote.lookup(DossierQuery(record.code.lower()))
                direct = local.lookup(DossierQuery(record.code))
                assert over_http is not None and direct is not None
                assert dataclasses.replace(over_http, fetched=None) == dataclasses.replace(
                    direct, fetched=None
                )
                assert over_http.applicant != record.full_name
            wrong = DossierQuery(EXAMPLE_CODE, secret="079199001234")
            assert remote.lookup(wrong) is None
            assert remote.lookup(DossierQuery(EXAMPLE_CODE, secret=EXAMPLE_SECRET)) is not None
        finally:
            remote.close()
            local.close()


def test_main_reports_a_port_in_use(caplog: pytest.LogCaptureFixture) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    with DemoServer(now=clock) as busy:
        port = busy.start()
        args = parser.parse_args(["--port", str(port)])
        assert (args.host, args.api_key, args.delay_ms) == ("127.0.0.1", None, 0)
        assert main(args) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in caplog.text
