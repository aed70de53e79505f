"""The tracking-book source with good and broken CSV files."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

import pytest

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.settings import BackendSettings
from kiosk.backends.tracking_book import TrackingBookBackend
from kiosk.dossier import VN_TZ, Status
from kiosk.scan import DossierQuery
from tests.backends.conftest import book_settings

HEADER = ["Mã hồ sơ", "Tên thủ tục", "Chủ hồ sơ", "Ngày tiếp nhận", "Ngày hẹn trả",
          "Ngày trả kết quả", "Trạng thái"]  # fmt: skip
GOOD = [
    ["000.00.53.H48-261201-0001", "Đăng ký khai sinh", "Nguyễn Văn An", "01/12/2026 08:30",
     "03/12/2026", "", "Đang xử lý"],
    ["000.00.53.H48-261201-0002", "Chứng thực bản sao", "Phạm Thị Hoa", "2026-12-01T09:00:00+07:00",
     "01/12/2026 16:00", "01/12/2026 15:00", "Đã trả kết quả"],
    ["000.00.53.H48-261201-0003", "Đăng ký kết hôn", "Lê Minh", "01/12/2026", "05/12/2026", "",
     "5"],
]  # fmt: skip


def _write(path: Path, rows: list[list[str]], sep: str = ",", bom: bool = False) -> Path:
    lines = [sep.join(f'"{c}"' if sep in c else c for c in row) for row in [HEADER, *rows]]
    text = "\r\n".join(lines) + "\r\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode())
    return path


def _backend(path: Path, **book: object) -> TrackingBookBackend:
    return TrackingBookBackend(book_settings(path, **book).tracking_book)


@pytest.mark.parametrize(("sep", "bom"), [(",", False), (",", True), (";", False), (";", True)])
def test_reads_utf8_with_or_without_bom_comma_or_semicolon(
    tmp_path: Path, sep: str, bom: bool
) -> None:
    backend = _backend(_write(tmp_path / "so.csv", GOOD, sep, bom))
    first = backend.lookup(DossierQuery("000.00.53.h48-261201-0001"))
    assert first is not None
    assert first.procedure == "Đăng ký khai sinh"
    assert first.applicant == "Nguyễn V. A."
    assert first.status is Status.PROCESSING
    assert first.received == dt.datetime(2026, 12, 1, 8, 30, tzinfo=VN_TZ)
    assert first.fetched is not None
    second = backend.lookup(DossierQuery("000.00.53.H48-261201-0002"))
    assert second is not None and second.status is Status.RETURNED
    assert second.returned == dt.datetime(2026, 12, 1, 15, 0, tzinfo=VN_TZ)
    third = backend.lookup(DossierQuery("000.00.53.H48-261201-0003"))
    assert third is not None and third.status is Status.NEEDS_SUPPLEMENT
    assert backend.lookup(DossierQuery("000.00.53.H48-261201-0404")) is None


def test_bad_rows_are_reported_once_with_row_numbers_and_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.lookup")
    bad_date = ["000.00.53.H48-261201-0004", "X", "Hồ Văn Tư", "31/02/2026", "", "", "Đang xử lý"]
    bad_status = ["000.00.53.H48-261201-0005", "X", "Đỗ Văn Năm", "", "", "", "Chờ ký số"]
    backend = _backend(_write(tmp_path / "so.csv", [GOOD[0], bad_date, GOOD[1], bad_status]))
    for _ in range(3):
        assert backend.lookup(DossierQuery("000.00.53.H48-261201-0002")) is not None
        assert backend.lookup(DossierQuery("000.00.53.H48-261201-0004")) is None
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "row 3: bad date in 'Ngày tiếp nhận'" in warnings[0]
    assert "row 5: unknown status 'Chờ ký số'" in warnings[0]
    assert "Hồ Văn Tư" not in caplog.text and "Đỗ Văn Năm" not in caplog.text


def test_file_replaced_while_running_is_read_again(tmp_path: Path) -> None:
    path = _write(tmp_path / "so.csv", GOOD[:1])
    backend = _backend(path)
    assert backend.lookup(DossierQuery(GOOD[1][0])) is None
    # As an export tool does it: write a new file beside it, then rename over the old one.
    fresh = _write(tmp_path / "so.csv.tmp", GOOD)
    os.replace(fresh, path)
    found = backend.lookup(DossierQuery(GOOD[1][0]))
    assert found is not None and found.status is Status.RETURNED


def test_file_rewritten_in_place_with_same_size_is_read_again(tmp_path: Path) -> None:
    path = _write(tmp_path / "so.csv", GOOD[:1])
    backend = _backend(path)
    assert backend.lookup(DossierQuery(GOOD[0][0])).status is Status.PROCESSING  # type: ignore[union-attr]
    _write(path, [[*GOOD[0][:-1], "Dừng xử lý"]])
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert backend.lookup(DossierQuery(GOOD[0][0])).status is Status.STOPPED  # type: ignore[union-attr]


def test_broken_replacement_keeps_serving_the_last_good_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _write(tmp_path / "so.csv", GOOD)
    backend = _backend(path)
    assert backend.lookup(DossierQuery(GOOD[0][0])) is not None
    path.write_bytes("Mã;Tên\r\n1;2\r\n".encode("cp1258", errors="replace") + b"\xff\xfe\x00")
    for _ in range(3):
        assert backend.lookup(DossierQuery(GOOD[0][0])) is not None
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    path.unlink()
    assert backend.lookup(DossierQuery(GOOD[0][0])) is not None


def test_missing_file_without_earlier_read_is_a_source_error(tmp_path: Path) -> None:
    backend = _backend(tmp_path / "none.csv")
    with pytest.raises(BackendError) as caught:
        backend.lookup(DossierQuery(GOOD[0][0]))
    assert caught.value.kind is ErrorKind.SOURCE and "none.csv" in caught.value.detail


def test_missing_column_names_the_header_seen(tmp_path: Path) -> None:
    path = tmp_path / "so.csv"
    path.write_text("Số hồ sơ,Trạng thái\n1,Đang xử lý\n", encoding="utf-8")
    with pytest.raises(BackendError) as caught:
        _backend(path).lookup(DossierQuery("1"))
    assert caught.value.kind is ErrorKind.SOURCE
    assert "'Mã hồ sơ'" in caught.value.detail and "'Số hồ sơ'" in caught.value.detail


def test_column_mapping_from_config(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("MaHoSo;TenTTHC;TrangThai\nABC-1;Khai tử;Đã xử lý xong\n", encoding="utf-8")
    backend = _backend(
        path,
        columns={"code": "MaHoSo", "procedure": "TenTTHC", "status": "TrangThai",
                 "applicant": "", "received": "", "appointment": "", "returned": ""},
    )  # fmt: skip
    found = backend.lookup(DossierQuery("ABC-1"))
    assert found is not None and found.status is Status.DONE and found.procedure == "Khai tử"


def test_no_path_is_a_config_error() -> None:
    with pytest.raises(BackendError) as caught:
        TrackingBookBackend(BackendSettings().tracking_book)
    assert caught.value.kind is ErrorKind.CONFIG
