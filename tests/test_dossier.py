from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.dossier import VN_TZ, Dossier, Status, Timeliness, mask_name, standing

NOW = dt.datetime(2026, 12, 3, 10, 0, tzinfo=VN_TZ)


def _dossier(status: Status, appointment: dt.datetime | None, **kw: object) -> Dossier:
    return Dossier(
        code="000.00.53.H48-261201-0001",
        procedure="Đăng ký khai sinh",
        applicant="Nguyễn V. A.",
        received=NOW - dt.timedelta(days=2),
        appointment=appointment,
        status=status,
        **kw,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("full", "masked"),
    [
        ("Nguyễn Văn An", "Nguyễn V. A."),
        ("  trần   thị  bích   ngọc ", "Trần T. B. N."),
        ("ĐẶNG ĐÌNH Ước", "Đặng Đ. Ư."),
        ("Lê", "Lê"),
        ("Nguyễn V. A.", "Nguyễn V. A."),
        ("", ""),
        ("0790 1234 5678", ""),
    ],
)
def test_mask_name_keeps_family_name_and_initials(full: str, masked: str) -> None:
    assert mask_name(full) == masked


@given(st.text(max_size=60))
def test_mask_name_shows_only_initials_after_the_family_name(name: str) -> None:
    masked = mask_name(name)
    for word in masked.split(" ")[1:]:
        assert len(word) == 2 and word[0].isalpha() and word[1] == "."
    assert mask_name(masked) == masked


@pytest.mark.parametrize(
    ("status", "appointment_days", "finished_days", "expected", "days"),
    [
        (Status.PROCESSING, 2, None, Timeliness.WITHIN, 2),
        (Status.PROCESSING, 0, None, Timeliness.WITHIN, 0),
        (Status.PROCESSING, -3, None, Timeliness.OVERDUE, 3),
        (Status.NEEDS_SUPPLEMENT, -1, None, Timeliness.OVERDUE, 1),
        (Status.DONE, 0, -2, Timeliness.EARLY, 2),
        (Status.RETURNED, -1, -1, Timeliness.ON_TIME, 0),
        (Status.DONE, -4, -1, Timeliness.LATE, 3),
        (Status.REJECTED, 3, None, Timeliness.UNKNOWN, 0),
        (Status.PROCESSING, None, None, Timeliness.UNKNOWN, 0),
    ],
)
def test_standing_against_appointment(
    status: Status,
    appointment_days: int | None,
    finished_days: int | None,
    expected: Timeliness,
    days: int,
) -> None:
    appointment = None if appointment_days is None else NOW + dt.timedelta(days=appointment_days)
    completed = None if finished_days is None else NOW + dt.timedelta(days=finished_days)
    result = standing(_dossier(status, appointment, completed=completed), NOW)
    assert (result.timeliness, result.days) == (expected, days)


def test_standing_counts_days_in_vietnam_time() -> None:
    # 23:30 UTC on 2 Dec is already 3 Dec in Vietnam: due "today", not "tomorrow".
    appointment = dt.datetime(2026, 12, 3, 16, 30, tzinfo=VN_TZ)
    now_utc = dt.datetime(2026, 12, 2, 23, 30, tzinfo=dt.UTC)
    result = standing(_dossier(Status.PROCESSING, appointment), now_utc)
    assert (result.timeliness, result.days) == (Timeliness.WITHIN, 0)


def test_every_national_status_has_its_portal_name() -> None:
    assert [s.value for s in Status] == list(range(1, 11))
    assert Status(5).national_name == "Yêu cầu bổ sung giấy tờ"
    assert Status(10).national_name == "Đã trả kết quả"
