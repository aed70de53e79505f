"""The dossier domain: statuses, steps, timeliness and name masking.

Pure Python, no Qt. A `Dossier` is what the kiosk may show at a public counter:
it never holds a full applicant name or an ID number (backends mask before
building one).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
import unicodedata

#: Vietnam has one time zone and no daylight saving time.
VN_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")


def vn_wall_clock() -> dt.datetime:
    """The wall-clock time in Vietnam, naive, whatever time zone the PC is set to.

    Office hours and schedules are Vietnamese wall-clock times; PCs shipped
    with another time zone are common, so the kiosk does not trust it.
    """
    return dt.datetime.now(VN_TZ).replace(tzinfo=None)


class Status(enum.IntEnum):
    """National public service portal dossier statuses (codes 1 to 10)."""

    NEW = 1  # Mới đăng ký
    RECEIVED = 2  # Được tiếp nhận
    REJECTED = 3  # Không được tiếp nhận
    PROCESSING = 4  # Đang xử lý
    NEEDS_SUPPLEMENT = 5  # Yêu cầu bổ sung giấy tờ
    NEEDS_PAYMENT = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    DONE = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả

    @property
    def national_name(self) -> str:
        """The status's name as the national portal writes it (Vietnamese)."""
        return _NATIONAL_NAMES[self]

    @property
    def is_finished(self) -> bool:
        """Whether processing has ended with a result (ready or handed over)."""
        return self in (Status.DONE, Status.RETURNED)

    @property
    def is_closed(self) -> bool:
        """Whether processing ended without a result."""
        return self in (Status.REJECTED, Status.WITHDRAWN, Status.STOPPED)


_NATIONAL_NAMES = {
    Status.NEW: "Mới đăng ký",
    Status.RECEIVED: "Được tiếp nhận",
    Status.REJECTED: "Không được tiếp nhận",
    Status.PROCESSING: "Đang xử lý",
    Status.NEEDS_SUPPLEMENT: "Yêu cầu bổ sung giấy tờ",
    Status.NEEDS_PAYMENT: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
    Status.DONE: "Đã xử lý xong",
    Status.RETURNED: "Đã trả kết quả",
}


@dataclasses.dataclass(frozen=True)
class Step:
    """One step of the processing, as the back office records it."""

    name: str
    unit: str = ""
    started: dt.datetime | None = None
    finished: dt.datetime | None = None


@dataclasses.dataclass(frozen=True)
class Dossier:
    """A dossier as the kiosk may show it at a public counter.

    Attributes:
        code: the dossier code (mã hồ sơ), upper case.
        procedure: the administrative procedure's name (TTHC).
        applicant: the masked applicant name (family name and initials only).
        received: when the office received the dossier.
        appointment: the appointment date for the result (ngày hẹn trả), if any.
        completed: when processing finished (status 9/10), if known.
        returned: when the result was handed over (status 10), if known.
        status: the national status.
        steps: the processing steps so far, oldest first.
        agency: the handling agency's name, if known.
        counter: where to collect the result (e.g. "Quầy số 2"), if known.
        fee: an amount still to pay in VND, if any.
        note: a short note from the office for the citizen, if any.
        fetched: when this answer was obtained from the back office.
        offline: the back office could not be reached; this is the last known
            status, as of `fetched`.
    """

    code: str
    procedure: str
    applicant: str
    received: dt.datetime | None
    appointment: dt.datetime | None
    status: Status
    completed: dt.datetime | None = None
    returned: dt.datetime | None = None
    steps: tuple[Step, ...] = ()
    agency: str = ""
    counter: str = ""
    fee: int | None = None
    note: str = ""
    fetched: dt.datetime | None = None
    offline: bool = False


class Timeliness(enum.Enum):
    """How the dossier stands against its appointment date."""

    EARLY = "early"  # finished before the appointment day
    ON_TIME = "on_time"  # finished on the appointment day
    LATE = "late"  # finished after the appointment day
    WITHIN = "within"  # in progress, appointment today or later
    OVERDUE = "overdue"  # in progress, appointment day passed
    UNKNOWN = "unknown"  # no appointment date, or processing closed without result


@dataclasses.dataclass(frozen=True)
class Standing:
    """Timeliness plus the number of days it refers to.

    `days` is days left (WITHIN), days overdue (OVERDUE), days early (EARLY)
    or days late (LATE); 0 otherwise.
    """

    timeliness: Timeliness
    days: int = 0


def standing(dossier: Dossier, now: dt.datetime) -> Standing:
    """Work out the dossier's timeliness on the date of `now` (Vietnam time)."""
    if dossier.appointment is None or dossier.status.is_closed:
        return Standing(Timeliness.UNKNOWN)
    due = _local_date(dossier.appointment)
    if dossier.status.is_finished:
        finished = dossier.completed or dossier.returned
        if finished is None:
            return Standing(Timeliness.UNKNOWN)
        delta = (due - _local_date(finished)).days
        if delta > 0:
            return Standing(Timeliness.EARLY, delta)
        if delta == 0:
            return Standing(Timeliness.ON_TIME)
        return Standing(Timeliness.LATE, -delta)
    left = (due - _local_date(now)).days
    if left >= 0:
        return Standing(Timeliness.WITHIN, left)
    return Standing(Timeliness.OVERDUE, -left)


def _local_date(moment: dt.datetime) -> dt.date:
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(VN_TZ).date()


_INITIAL_RE = re.compile(r"^\w\.$")


def mask_name(full_name: str) -> str:
    """Reduce a person's name to the family name and initials.

    "Nguyễn Văn An" becomes "Nguyễn V. A.". Masking is idempotent, so an
    already masked name passes through unchanged. Anything that is not a
    name (empty, digits only) becomes "".
    """
    text = unicodedata.normalize("NFC", " ".join(full_name.split()))
    words = [w for w in text.split(" ") if any(ch.isalpha() for ch in w)]
    if not words:
        return ""
    family = _title(words[0]) if not _INITIAL_RE.match(words[0]) else words[0].upper()
    initials = [_initial(w) for w in words[1:]]
    return " ".join([family, *initials])


def _title(word: str) -> str:
    return _upper_one(word[:1]) + word[1:].lower()


def _initial(word: str) -> str:
    letters = [ch for ch in word if ch.isalpha()]
    return f"{_upper_one(letters[0])}."


def _upper_one(char: str) -> str:
    # Some letters upper-case to two ("ß" -> "SS"); keep those as they are.
    upper = char.upper()
    return upper if len(upper) == 1 else char
