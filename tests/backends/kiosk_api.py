"""A stand-in for the kiosk's own lookup API (`kiosk demo-server`), per its spec."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from tests.backends.server import Reply, Request

CODE = "000.00.53.H48-261201-0001"
FULL_NAME = "Nguyễn Văn An"
ID_NUMBER = "034190001234"

DOSSIER: dict[str, Any] = {
    "code": CODE,
    "procedure": {"code": "1.001193", "name": "Đăng ký khai sinh"},
    "applicant": {"name": FULL_NAME},
    "agency": {"code": "000.00.53.H48", "name": "UBND xã Minh An"},
    "received_at": "2026-12-01T08:30:00+07:00",
    "appointment_at": "2026-12-03T16:30:00+07:00",
    "completed_at": None,
    "returned_at": None,
    "status": {"code": 4, "name": "Đang xử lý"},
    "steps": [
        {
            "name": "Tiếp nhận hồ sơ",
            "unit": "Bộ phận một cửa",
            "started_at": "2026-12-01T08:30:00+07:00",
            "finished_at": "2026-12-01T08:40:00+07:00",
        },
        {
            "name": "Thẩm định",
            "unit": "Tư pháp - Hộ tịch",
            "started_at": "2026-12-01T08:40:00+07:00",
            "finished_at": None,
        },
    ],
    "counter": "Quầy số 1",
    "fee": {"amount": 50000, "paid": False},
    "note": "",
}


def kiosk_api(api_key: str = "", secret: str | None = None) -> Any:
    """A handler answering like the kiosk API; `secret` protects CODE when set."""

    def handle(request: Request) -> Reply:
        prefix = "/api/v1/dossiers/"
        if not request.path.startswith(prefix):
            return Reply(404, "<html>no such page</html>", content_type="text/html")
        if api_key and request.headers.get("X-Api-Key") != api_key:
            return Reply(401, {"error": {"code": "unauthorized", "message": "bad key"}})
        code = unquote(request.path[len(prefix) :])
        if code != CODE or (secret and request.headers.get("X-Lookup-Secret") != secret):
            return Reply(404, {"error": {"code": "not_found", "message": "no such dossier"}})
        return Reply(200, DOSSIER)

    return handle
