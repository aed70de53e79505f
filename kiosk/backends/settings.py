# opt() returns a dataclasses.field(), which RUF009 cannot tell from a mutable call.
"""Settings of the back office (the `[backend]` table and its sub-tables)."""

from __future__ import annotations

import dataclasses

from kiosk.backends.http_settings import NATIONAL_CODES, HttpSettings
from kiosk.dossier import Status
from kiosk.schema import opt

#: The national status names and codes, as tracking books usually write them.
BOOK_STATUSES: dict[str, int] = {
    **NATIONAL_CODES,
    **{status.national_name: status.value for status in Status},
}


@dataclasses.dataclass(frozen=True)
class TrackingBookColumns:
    code: str = opt("Mã hồ sơ", "Column with the dossier code (required).", min=1)
    procedure: str = opt("Tên thủ tục", "Column with the procedure's name; empty = none.")
    applicant: str = opt(
        "Chủ hồ sơ", "Column with the applicant's name (masked when read); empty = none."
    )
    received: str = opt("Ngày tiếp nhận", "Column with the date received; empty = none.")
    appointment: str = opt("Ngày hẹn trả", "Column with the appointment date; empty = none.")
    completed: str = opt("", "Column with the date processing finished; empty = none.")
    returned: str = opt("Ngày trả kết quả", "Column with the date returned; empty = none.")
    status: str = opt("Trạng thái", "Column with the status (required).", min=1)
    agency: str = opt("", "Column with the handling agency; empty = none.")
    counter: str = opt("", "Column with where to collect the result; empty = none.")
    note: str = opt("", "Column with a note for the citizen; empty = none.")


@dataclasses.dataclass(frozen=True)
class TrackingBookSettings:
    path: str = opt(
        "",
        "The tracking book exported from the office's software: a .csv file (UTF-8, with or "
        "without BOM; comma, semicolon or tab). Re-read when it changes.",
    )
    delimiter: str = opt(
        "auto",
        "Column separator; 'auto' looks at the header line.",
        choices=("auto", ",", ";", "tab"),
    )
    columns: TrackingBookColumns = opt(
        TrackingBookColumns, "Header names of the columns (compared ignoring case and spaces)."
    )
    statuses: dict[str, int] = opt(
        BOOK_STATUSES,
        "Status text in the book -> national status 1-10 (ignoring case and spaces). Rows "
        "with other values are skipped and reported.",
        min=1,
        max=10,
    )


@dataclasses.dataclass(frozen=True)
class CacheSettings:
    fresh_s: int = opt(
        30,
        "Seconds an answer is reused for a repeated scan without asking the back office again; "
        "0 = always ask.",
        min=0,
        max=600,
    )
    offline_last_known: bool = opt(
        True,
        "When the back office cannot answer, show the last known status with "
        "'cập nhật lúc HH:MM ngày DD/MM'.",
    )
    offline_max_age_h: int = opt(
        72, "Oldest last known status shown when offline, in hours.", min=1, max=24 * 30
    )
    max_entries: int = opt(1000, "How many recent answers are kept in memory.", min=10, max=100000)


@dataclasses.dataclass(frozen=True)
class BackendSettings:
    kind: str = opt(
        "demo",
        "Where dossiers come from: 'demo' (built-in fictional data), 'http' (a back office) "
        "or 'tracking_book' (a file exported from the office's software).",
        choices=("demo", "http", "tracking_book"),
    )
    http: HttpSettings = opt(HttpSettings, "The HTTP back office (used when kind = 'http').")
    tracking_book: TrackingBookSettings = opt(
        TrackingBookSettings, "The tracking-book file (used when kind = 'tracking_book')."
    )
    cache: CacheSettings = opt(
        CacheSettings, "Recent answers, and the last known status when the back office is down."
    )
