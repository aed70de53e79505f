"""Property-based: no JSON crashes the mapper; no secret reaches an error text or a log."""

from __future__ import annotations

import datetime as dt
import logging
import string
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.dates import parse_date
from kiosk.backends.http import HttpBackend
from kiosk.backends.mapping import Mapper
from kiosk.backends.redact import Redactor
from kiosk.dossier import VN_TZ, Dossier
from kiosk.scan import DossierQuery
from tests.backends.conftest import backend_settings, preset
from tests.backends.kiosk_api import DOSSIER
from tests.backends.server import LoopbackServer, Reply, Request

KEYS = st.sampled_from(
    ["code", "status", "content", "data", "procedure", "name", "applicant", "steps", "0",
     "MaHoSo", "TrangThaiHoSo", "translate", "fee", "amount", "paid", "error"]
) | st.text(max_size=5)  # fmt: skip
SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=30,
)
MAPPINGS = [backend_settings().http.mapping] + [
    backend_settings(preset(name), auth={"token": "t", "client_secret": "c"}).http.mapping
    for name in ("vnpt-igate", "national-portal")
]
NOW = dt.datetime(2026, 12, 1, tzinfo=VN_TZ)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(document=JSON, which=st.integers(0, len(MAPPINGS) - 1))
def test_no_json_document_crashes_the_mapper(document: Any, which: int) -> None:
    mapper = Mapper(MAPPINGS[which])
    try:
        result = mapper.dossier(document, DossierQuery("000.00.53.H48-261201-0001"), NOW)
    except BackendError as exc:
        assert exc.kind is ErrorKind.SHAPE
    else:
        assert result is None or isinstance(result, Dossier)


@given(st.one_of(SCALARS, st.text(alphabet="0123456789/-:T+ Z.", max_size=30)))
def test_no_value_crashes_the_date_parser(value: Any) -> None:
    parsed = parse_date(value)
    assert parsed is None or parsed.tzinfo is not None


CODE = "000.00.53.H48-261201-0001"
# A "secret" that is part of the dossier code cannot be told apart from the code,
# which is not secret and is logged on purpose.
SECRETS = st.text(alphabet=string.ascii_letters + string.digits + "+/=&?#% -_.~", min_size=6,
                  max_size=24).filter(
    lambda s: s.strip() == s and len(set(s)) > 3 and s not in CODE
)  # fmt: skip
FAILURES = [
    Reply(500, {"message": "boom"}),
    Reply(401, {"error": "denied"}),
    Reply(404, "<html>not here</html>", content_type="text/html"),
    Reply(200, b"{broken"),
    Reply(200, {"unexpected": True}),
    Reply(close=True),
]


@pytest.fixture(scope="module")
def echo_server() -> Any:
    """Answers with the failure named in the X-Fail header; echoes nothing back."""

    def handler(request: Request) -> Reply:
        return FAILURES[int(request.headers.get("X-Fail", "0"))]

    server = LoopbackServer(handler).start()
    yield server
    server.stop()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(secret=SECRETS, key=SECRETS, failure=st.integers(0, len(FAILURES) - 1))
def test_no_secret_in_any_error_or_log(
    echo_server: LoopbackServer, caplog: pytest.LogCaptureFixture, secret: str, key: str,
    failure: int,
) -> None:  # fmt: skip
    caplog.clear()
    settings_ = backend_settings(
        url=f"{echo_server.base}/s/{{secret}}/{{code}}",
        query={"sgt": "{secret}", "code": "{code}"},
        headers={"X-Fail": str(failure), "X-Lookup-Secret": "{secret}"},
        api_key=key,
        auth={"kind": "basic", "username": "kiosk", "password": key},
        retries=0,
    )
    backend = HttpBackend(settings_.http)
    caplog.set_level(logging.DEBUG, logger="kiosk.lookup")
    try:
        with pytest.raises(BackendError) as caught:
            backend.lookup(DossierQuery(CODE, secret))
    finally:
        backend.close()
    texts = [str(caught.value), *(r.getMessage() for r in caplog.records)]
    for value in (secret, key):
        forms = [f for f in Redactor([value])._forms if len(f) >= 6]
        for text in texts:
            for form in forms:
                assert form not in text


def test_full_name_never_reaches_logs_or_dossier(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.lookup")
    mapper = Mapper(MAPPINGS[0])
    dossier = mapper.dossier(DOSSIER, DossierQuery(DOSSIER["code"]), NOW)
    assert dossier is not None and "Văn An" not in repr(dossier)
    assert "Nguyễn Văn An" not in caplog.text
