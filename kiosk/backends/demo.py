"""The built-in demo back office: fictional dossiers, laid out around today.

`dataset(now)` gives the records (the content is in `demo_data`); dates are
placed relative to the Vietnam date of `now`, on working days, so that every
timeliness case holds on whatever day the demo runs. `DemoBackend` answers
lookups from them and, like every adapter, hands on masked names only; the
full names and ID numbers stay in this module and the demo server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hmac
from collections.abc import Callable

from kiosk.backends import demo_data
from kiosk.backends.demo_data import EXAMPLE_CODE, EXAMPLE_OLD_CODE, EXAMPLE_SECRET
from kiosk.dossier import VN_TZ, Dossier, Status, Step, mask_name
from kiosk.scan import DossierQuery

__all__ = [
    "EXAMPLE_CODE",
    "EXAMPLE_OLD_CODE",
    "EXAMPLE_SECRET",
    "DemoBackend",
    "DemoRecord",
    "codes",
    "dataset",
    "find_record",
    "vietnam_now",
    "workdays",
]


def vietnam_now() -> dt.datetime:
    """The current time in Vietnam (the default clock)."""
    return dt.datetime.now(VN_TZ)


@dataclasses.dataclass(frozen=True)
class DemoRecord:
    """One fictional dossier as a back office holds it, personal data included.

    `full_name` and `id_number` are kept out of `repr()` so that a failing
    assertion or a careless log line cannot print them.
    """

    code: str
    procedure_code: str
    procedure_name: str
    agency_code: str
    agency_name: str
    full_name: str = dataclasses.field(repr=False)
    id_number: str = dataclasses.field(repr=False)
    status: Status
    received: dt.datetime
    appointment: dt.datetime | None
    completed: dt.datetime | None
    returned: dt.datetime | None
    steps: tuple[Step, ...]
    counter: str
    fee: int | None
    fee_paid: bool
    note: str

    def to_dossier(self, fetched: dt.datetime | None = None) -> Dossier:
        """The record as the kiosk may show it: masked name, no ID number."""
        return Dossier(
            code=self.code,
            procedure=self.procedure_name,
            applicant=mask_name(self.full_name),
            received=self.received,
            appointment=self.appointment,
            status=self.status,
            completed=self.completed,
            returned=self.returned,
            steps=self.steps,
            agency=self.agency_name,
            counter=self.counter,
            fee=self.fee if self.fee and not self.fee_paid else None,
            note=self.note,
            fetched=fetched,
        )


def workdays(day: dt.date, count: int) -> dt.date:
    """The working day (Mon-Fri) `count` working days after `day`, before it if negative.

    With `count == 0`: the day itself, or the next working day if it is a weekend.
    """
    step = 1 if count >= 0 else -1
    left = abs(count)
    while left or day.weekday() >= 5:
        day += dt.timedelta(days=step)
        if day.weekday() < 5 and left:
            left -= 1
    return day


# Office hours of a commune one-stop desk; processing steps are spread over them.
_HOURS = ((dt.time(7, 30), dt.time(11, 30)), (dt.time(13, 30), dt.time(17, 0)))


def _office_time(start: dt.datetime, end: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
    found = []
    day = start.date()
    while day <= end.date():
        if day.weekday() < 5:
            for opens, closes in _HOURS:
                lo = max(start, dt.datetime.combine(day, opens, VN_TZ))
                hi = min(end, dt.datetime.combine(day, closes, VN_TZ))
                if lo < hi:
                    found.append((lo, hi))
        day += dt.timedelta(days=1)
    return found


def _spread(start: dt.datetime, end: dt.datetime, parts: int) -> list[dt.datetime]:
    """`parts + 1` moments from `start` to `end` (`parts >= 1`), evenly over office hours."""
    intervals = _office_time(start, end)
    total = sum((hi - lo for lo, hi in intervals), dt.timedelta())
    if not total:
        return [start + (end - start) * i / parts for i in range(parts + 1)]
    points = [start]
    for i in range(1, parts):
        wanted = total * i / parts
        for lo, hi in intervals:
            if wanted <= hi - lo:
                points.append((lo + wanted).replace(second=0, microsecond=0))
                break
            wanted -= hi - lo
    return [*points, end]


class RecordBuilder:
    """Lays out the records of one demo day (`today`, a Vietnam date)."""

    def __init__(self, today: dt.date) -> None:
        self.today = today

    def wd(self, count: int) -> dt.date:
        """The working day `count` working days from today (negative: before)."""
        return workdays(self.today, count)

    def day(self, count: int) -> dt.date:
        """The calendar day `count` days from today."""
        return self.today + dt.timedelta(days=count)

    @staticmethod
    def after(day: dt.date, count: int) -> dt.date:
        """The working day `count` working days after `day`."""
        return workdays(day, count)

    @staticmethod
    def at(day: dt.date, hhmm: str) -> dt.datetime:
        """`day` at `hhmm` (24-hour "HH:MM"), Vietnam time."""
        hour, minute = (int(part) for part in hhmm.split(":"))
        return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=VN_TZ)

    @classmethod
    def fixed(cls, year: int, month: int, day: int, hhmm: str) -> dt.datetime:
        """A fixed moment, Vietnam time (for the example dossiers)."""
        return cls.at(dt.date(year, month, day), hhmm)

    def record(
        self,
        seq: int,
        proc: demo_data.Procedure,
        agency: demo_data.Agency,
        person: int,
        status: Status,
        received: dt.datetime,
        *,
        appointment: dt.datetime | None = None,
        completed: dt.datetime | None = None,
        returned: dt.datetime | None = None,
        done: int = 1,
        last: dt.datetime | None = None,
        tail: tuple[str, str] | None = None,
        tail_done: bool = False,
        fee: int | None = None,
        fee_paid: bool = False,
        note: str = "",
    ) -> DemoRecord:
        """One record whose first `done` procedure steps are finished, the last at `last`.

        After them comes `tail` (an extra step: finished at `last` for closed
        dossiers or with `tail_done`, open otherwise), or else the next
        procedure step: open, or for status 10 finished at `returned`.
        Status 9 and 10 finish every step but the hand-over at `completed`.
        """
        template = proc.steps
        if status.is_finished:
            done, last = len(template) - 1, completed
        last = last or received
        if done > 0:
            last = max(last, received + dt.timedelta(minutes=15))
        steps = _steps(template, agency, received, last, done)
        if tail is not None:
            finished = last if status.is_closed or tail_done else None
            steps.append(Step(tail[0], tail[1], last, finished))
        elif done < len(template):
            finished = returned if status is Status.RETURNED else None
            steps.append(_step(template[done], agency, last, finished))
        full_name, id_number = demo_data.person(person)
        return DemoRecord(
            code=f"{agency.code}-{received:%y%m%d}-{seq:04d}",
            procedure_code=proc.code,
            procedure_name=proc.name,
            agency_code=agency.code,
            agency_name=agency.name,
            full_name=full_name,
            id_number=id_number,
            status=status,
            received=received,
            appointment=appointment,
            completed=completed,
            returned=returned,
            steps=tuple(steps),
            counter=proc.counter,
            fee=fee,
            fee_paid=fee_paid,
            note=note,
        )


def _step(
    spec: tuple[str, str],
    agency: demo_data.Agency,
    started: dt.datetime,
    finished: dt.datetime | None,
) -> Step:
    name, unit = spec
    return Step(name, unit.format(leaders=agency.leaders), started, finished)


def _steps(
    template: tuple[tuple[str, str], ...],
    agency: demo_data.Agency,
    received: dt.datetime,
    last: dt.datetime,
    done: int,
) -> list[Step]:
    if done <= 0:
        return []
    # Taking a dossier in at the desk takes minutes; the other steps share the rest.
    first_end = min(received + dt.timedelta(minutes=15), last)
    bounds = [received, *_spread(first_end, last, done - 1)] if done > 1 else [received, first_end]
    return [_step(template[i], agency, bounds[i], bounds[i + 1]) for i in range(done)]


def _vietnam_date(now: dt.datetime) -> dt.date:
    return now.astimezone(VN_TZ).date() if now.tzinfo is not None else now.date()


@functools.lru_cache(maxsize=4)
def _records_for(today: dt.date) -> tuple[DemoRecord, ...]:
    return tuple(demo_data.build(RecordBuilder(today)))


@functools.lru_cache(maxsize=4)
def _index_for(today: dt.date) -> dict[str, DemoRecord]:
    return {record.code.upper(): record for record in _records_for(today)}


def dataset(now: dt.datetime) -> list[DemoRecord]:
    """All demo records for the Vietnam date of `now` (same date, same records).

    A naive `now` is taken as Vietnam time.
    """
    return list(_records_for(_vietnam_date(now)))


def codes(now: dt.datetime, status: Status | None = None) -> list[str]:
    """The dossier codes of `dataset(now)`, only those with `status` if given."""
    return [r.code for r in dataset(now) if status is None or r.status is status]


def find_record(now: dt.datetime, code: str, secret: str | None = None) -> DemoRecord | None:
    """The record with `code` (any case), or `None`.

    A non-empty `secret` must equal the record's ID number; when it does not,
    the answer is `None`, so that a wrong secret does not reveal the code exists.
    """
    record = _index_for(_vietnam_date(now)).get(code.strip().upper())
    if record is None:
        return None
    if secret and not hmac.compare_digest(
        secret.strip().encode("utf-8"), record.id_number.encode("utf-8")
    ):
        return None
    return record


class DemoBackend:
    """The `demo` back office: the built-in fictional data set.

    Args:
        now: the clock; defaults to the current Vietnam time. The data set is
            laid out around the date it gives.
    """

    name = "demo"

    def __init__(self, now: Callable[[], dt.datetime] | None = None) -> None:
        self._now = now or vietnam_now

    def lookup(self, query: DossierQuery) -> Dossier | None:
        """The dossier with the query's code, or `None` (unknown code or wrong secret)."""
        moment = self._now()
        record = find_record(moment, query.code, query.secret)
        return None if record is None else record.to_dossier(fetched=moment)

    def codes(self, status: Status | None = None) -> list[str]:
        """The codes this backend knows today, only those with `status` if given."""
        return codes(self._now(), status)

    def close(self) -> None:
        """Nothing to release: the data set lives in memory."""
