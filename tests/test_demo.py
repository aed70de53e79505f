"""The built-in demo data set and the `demo` backend."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from kiosk.backends import Backend
from kiosk.backends.demo import (
    EXAMPLE_CODE,
    EXAMPLE_OLD_CODE,
    EXAMPLE_SECRET,
    DemoBackend,
    DemoRecord,
    codes,
    dataset,
    find_record,
    workdays,
)
from kiosk.dossier import VN_TZ, Dossier, Status, Timeliness, mask_name, standing
from kiosk.scan import DossierQuery

# A Thursday, a Monday before office hours, a Saturday, a Sunday night, New Year's Day.
CLOCKS = [
    dt.datetime(2026, 12, 3, 10, 0, tzinfo=VN_TZ),
    dt.datetime(2026, 12, 7, 6, 15, tzinfo=VN_TZ),
    dt.datetime(2026, 12, 5, 15, 0, tzinfo=VN_TZ),
    dt.datetime(2026, 12, 6, 23, 59, tzinfo=VN_TZ),
    dt.datetime(2027, 1, 1, 0, 1, tzinfo=VN_TZ),
    dt.datetime(2028, 2, 29, 12, 0, tzinfo=VN_TZ),
]
NOW = CLOCKS[0]

# Agency identifiers: dot-separated groups of 0-9A-Z, up to 35 characters.
CODE_RE = re.compile(r"^(?P<agency>[0-9A-Z]+(?:\.[0-9A-Z]+)*)-(?P<date>\d{6})-(?P<seq>\d{4})$")
STRICT_RE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$")


def lookup_all(now: dt.datetime) -> list[tuple[DemoRecord, Dossier]]:
    backend = DemoBackend(now=lambda: now)
    found = []
    for record in dataset(now):
        dossier = backend.lookup(DossierQuery(record.code))
        assert dossier is not None, record.code
        found.append((record, dossier))
    return found


@pytest.mark.parametrize("now", CLOCKS, ids=str)
def test_at_least_30_dossiers_with_every_status(now: dt.datetime) -> None:
    records = dataset(now)
    assert len(records) >= 30
    statuses = [r.status for r in records]
    assert set(statuses) == set(Status)
    assert statuses.count(Status.PROCESSING) >= 5


@pytest.mark.parametrize("now", CLOCKS, ids=str)
def test_every_timeliness_case_holds_on_any_day(now: dt.datetime) -> None:
    standings = {standing(dossier, now) for _, dossier in lookup_all(now)}
    cases = {(s.timeliness, s.days) for s in standings}
    assert (Timeliness.OVERDUE, 3) in cases
    assert (Timeliness.WITHIN, 2) in cases
    assert (Timeliness.WITHIN, 0) in cases  # due today
    kinds = {s.timeliness for s in standings}
    assert {Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE} <= kinds


@pytest.mark.parametrize("now", CLOCKS, ids=str)
def test_codes_are_unique_and_carry_the_received_date(now: dt.datetime) -> None:
    records = dataset(now)
    assert len({r.code.upper() for r in records}) == len(records)
    agencies = set()
    for record in records:
        match = CODE_RE.match(record.code)
        assert match, record.code
        assert len(match["agency"]) <= 35
        assert match["agency"] == record.agency_code
        assert match["date"] == record.received.astimezone(VN_TZ).strftime("%y%m%d")
        agencies.add(match["agency"])
    strict = [r.code for r in records if STRICT_RE.match(r.code)]
    assert len(strict) >= len(records) // 2
    assert any(not STRICT_RE.match(r.code) for r in records)  # old-style identifiers
    assert "000.00.53.H48" in agencies
    assert any(re.match(r"^000\.(?!00)\d{2}\.", a) for a in agencies)  # a ward-level unit


@pytest.mark.parametrize("now", CLOCKS, ids=str)
def test_dates_are_plausible(now: dt.datetime) -> None:
    for record in dataset(now):
        moments = [record.received, record.completed, record.returned]
        for step in record.steps:
            moments += [step.started, step.finished]
            if step.started and step.finished:
                assert step.started <= step.finished, record.code
        assert all(m is None or m <= now for m in moments), record.code
        assert all(m is None or m.utcoffset() == dt.timedelta(hours=7) for m in moments)
        starts = [s.started for s in record.steps if s.started]
        assert starts == sorted(starts) and starts[0] >= record.received, record.code
        if record.status is not Status.NEW:  # online submissions come on any day
            assert record.received.weekday() < 5, record.code
        if record.completed:
            assert record.completed >= record.received
        if record.returned:
            assert record.completed and record.returned >= record.completed


@pytest.mark.parametrize("now", CLOCKS, ids=str)
def test_what_each_status_comes_with(now: dt.datetime) -> None:
    for record, dossier in lookup_all(now):
        assert record.procedure_code and re.match(r"^\d\.\d{6}$", record.procedure_code)
        assert dossier.steps and dossier.agency and dossier.counter.startswith("Quầy số ")
        if record.status is Status.NEEDS_PAYMENT:
            assert dossier.fee and dossier.fee > 0 and not record.fee_paid
        else:
            assert dossier.fee is None, record.code
        if record.status in (Status.NEEDS_SUPPLEMENT, Status.REJECTED, Status.WITHDRAWN,
                             Status.STOPPED):
            assert dossier.note, record.code
        if record.status.is_finished:
            assert dossier.completed is not None
        assert (dossier.returned is not None) == (record.status is Status.RETURNED)
    procedures = {r.procedure_name for r in dataset(now)}
    for name in ("Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử",
                 "Chứng thực bản sao từ bản chính", "Chứng thực chữ ký",
                 "Cấp Giấy xác nhận tình trạng hôn nhân", "Đăng ký thành lập hộ kinh doanh",
                 "Đăng ký biến động đất đai", "Đăng ký thường trú", "Đăng ký tạm trú"):
        assert name in procedures
    assert 50_000 in {r.fee for r in dataset(now) if r.status is Status.NEEDS_PAYMENT}


def test_only_masked_names_leave_the_backend() -> None:
    for record, dossier in lookup_all(NOW):
        assert dossier.applicant == mask_name(record.full_name)
        assert dossier.applicant != record.full_name
        text = repr(dossier) + "".join(str(v) for v in dataclasses.asdict(dossier).values())
        for other in dataset(NOW):
            assert other.full_name not in text
            assert other.id_number not in text
        assert record.full_name not in repr(record) and record.id_number not in repr(record)


def test_id_numbers_are_twelve_digits() -> None:
    numbers = [r.id_number for r in dataset(NOW)]
    assert all(re.fullmatch(r"\d{12}", n) for n in numbers)
    assert len(set(numbers)) == len(numbers)


def test_secret_must_match_when_given() -> None:
    backend = DemoBackend(now=lambda: NOW)
    record = next(r for r in dataset(NOW) if r.status is Status.PROCESSING)
    assert backend.lookup(DossierQuery(record.code, secret="000000000000")) is None
    assert backend.lookup(DossierQuery(record.code, secret=EXAMPLE_SECRET)) is None
    found = backend.lookup(DossierQuery(record.code, secret=record.id_number))
    assert found is not None and found.code == record.code
    assert backend.lookup(DossierQuery(record.code, secret="")) is not None  # empty = none


def test_lookup_ignores_case_and_answers_none_for_unknown_codes() -> None:
    backend = DemoBackend(now=lambda: NOW)
    for code in codes(NOW)[:5]:
        found = backend.lookup(DossierQuery(code.lower()))
        assert found is not None and found.code == code
    assert backend.lookup(DossierQuery("000.00.53.H48-261203-9999")) is None
    assert backend.lookup(DossierQuery("")) is None


def test_backend_protocol_and_fetched_time() -> None:
    backend: Backend = DemoBackend(now=lambda: NOW)
    assert backend.name == "demo"
    found = backend.lookup(DossierQuery(EXAMPLE_CODE))
    assert found is not None and found.fetched == NOW
    backend.close()


def test_example_codes_work_with_the_real_clock() -> None:
    backend = DemoBackend()
    found = backend.lookup(DossierQuery(EXAMPLE_CODE, secret=EXAMPLE_SECRET))
    assert found is not None
    assert (found.procedure, found.applicant) == ("Đăng ký khai sinh", "Nguyễn V. A.")
    assert found.status is Status.RETURNED
    old = backend.lookup(DossierQuery(EXAMPLE_OLD_CODE.lower()))
    assert old is not None and old.code == EXAMPLE_OLD_CODE
    assert not STRICT_RE.match(EXAMPLE_OLD_CODE)
    assert EXAMPLE_CODE in codes(NOW) and EXAMPLE_OLD_CODE in codes(CLOCKS[-1])


def test_same_day_same_data_and_next_day_moves() -> None:
    later = NOW.replace(hour=23, minute=30)
    assert dataset(NOW) == dataset(later) == dataset(NOW.astimezone(dt.UTC))
    tomorrow = dataset(NOW + dt.timedelta(days=1))
    assert len(tomorrow) == len(dataset(NOW))
    assert {r.code for r in tomorrow} != {r.code for r in dataset(NOW)}
    # 20:00 UTC is already the next morning in Vietnam.
    evening_utc = dt.datetime(2026, 12, 3, 20, 0, tzinfo=dt.UTC)
    assert dataset(evening_utc) == dataset(dt.datetime(2026, 12, 4, 3, 0, tzinfo=VN_TZ))


def test_codes_by_status() -> None:
    in_progress = codes(NOW, Status.PROCESSING)
    assert len(in_progress) >= 5
    found = [find_record(NOW, code) for code in in_progress]
    assert all(r is not None and r.status is Status.PROCESSING for r in found)


@pytest.mark.parametrize(
    ("day", "count", "expected"),
    [
        (dt.date(2026, 12, 7), -1, dt.date(2026, 12, 4)),  # Monday -> Friday
        (dt.date(2026, 12, 5), -1, dt.date(2026, 12, 4)),  # Saturday -> Friday
        (dt.date(2026, 12, 4), 1, dt.date(2026, 12, 7)),  # Friday -> Monday
        (dt.date(2026, 12, 6), 0, dt.date(2026, 12, 7)),  # Sunday -> Monday
        (dt.date(2026, 12, 3), 0, dt.date(2026, 12, 3)),
        (dt.date(2026, 12, 3), 5, dt.date(2026, 12, 10)),
    ],
)
def test_workdays(day: dt.date, count: int, expected: dt.date) -> None:
    assert workdays(day, count) == expected
