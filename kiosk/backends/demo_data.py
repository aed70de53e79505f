"""The content of the demo data set: agencies, procedures, people and dossiers.

Every person, name and ID number here is invented; any likeness is chance.
Procedure codes and names follow the national database of administrative
procedures in shape. Relative dates are written against a `RecordBuilder`
(see `kiosk.backends.demo`), which places them around the demo's "today".
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kiosk.dossier import Status

if TYPE_CHECKING:
    from kiosk.backends.demo import DemoRecord, RecordBuilder

#: A dossier with fixed dates (Đăng ký khai sinh, result handed over a day early).
EXAMPLE_CODE = "000.00.53.H48-261102-0004"
#: The fictional ID number of `EXAMPLE_CODE`'s applicant: a lookup secret that matches.
EXAMPLE_SECRET = "051088004215"
#: A dossier with an old-style agency identifier and fixed dates (handed over on time).
EXAMPLE_OLD_CODE = "H10.22-261020-0031"


@dataclasses.dataclass(frozen=True)
class Agency:
    """A receiving agency: identifier, name and the unit of its leaders."""

    code: str
    name: str
    leaders: str


@dataclasses.dataclass(frozen=True)
class Procedure:
    """An administrative procedure with its processing steps and pickup counter."""

    code: str
    name: str
    steps: tuple[tuple[str, str], ...]
    counter: str


XA = Agency("000.00.53.H48", "UBND xã Minh An", "Lãnh đạo UBND xã")
PHUONG = Agency("000.21.53.H48", "UBND phường Bình Minh", "Lãnh đạo UBND phường")
# The kind of identifier older receipts carry (a Bình Phước code from before the 2025 merger).
CU = Agency("H10.22", "UBND xã Tân Lập", "Lãnh đạo UBND xã")

ONE_STOP = "Bộ phận một cửa"
JUSTICE = "Công chức Tư pháp - Hộ tịch"
LAND_OFFICE = "Chi nhánh Văn phòng đăng ký đất đai"
LEADERS = "{leaders}"  # the agency's own leadership unit, filled in per record

_CIVIL = (
    ("Tiếp nhận hồ sơ", ONE_STOP),
    ("Chuyển công chức Tư pháp - Hộ tịch", ONE_STOP),
    ("Thẩm định hồ sơ", JUSTICE),
    ("Trình lãnh đạo ký", LEADERS),
    ("Trả kết quả", ONE_STOP),
)
_CERTIFY = (
    ("Tiếp nhận hồ sơ", ONE_STOP),
    ("Chuyển công chức Tư pháp - Hộ tịch", ONE_STOP),
    ("Đối chiếu bản chính, ghi lời chứng", JUSTICE),
    ("Ký chứng thực", LEADERS),
    ("Trả kết quả", ONE_STOP),
)
_BUSINESS = (
    ("Tiếp nhận hồ sơ", ONE_STOP),
    ("Chuyển Phòng Kinh tế", ONE_STOP),
    ("Thẩm định hồ sơ", "Phòng Kinh tế"),
    ("Trình lãnh đạo ký", LEADERS),
    ("Trả kết quả", ONE_STOP),
)
_LAND = (
    ("Tiếp nhận hồ sơ", ONE_STOP),
    ("Chuyển Chi nhánh Văn phòng đăng ký đất đai", ONE_STOP),
    ("Kiểm tra hồ sơ, hiện trạng thửa đất", LAND_OFFICE),
    ("Xác định nghĩa vụ tài chính", "Cơ quan thuế"),
    ("Chỉnh lý hồ sơ địa chính, in Giấy chứng nhận", LAND_OFFICE),
    ("Trả kết quả", ONE_STOP),
)
_RESIDENCE = (
    ("Tiếp nhận hồ sơ", ONE_STOP),
    ("Chuyển Công an xã", ONE_STOP),
    ("Kiểm tra, xác minh thông tin cư trú", "Công an xã"),
    ("Phê duyệt, cập nhật Cơ sở dữ liệu về cư trú", "Công an xã"),
    ("Trả kết quả", ONE_STOP),
)

BIRTH = Procedure("1.001193", "Đăng ký khai sinh", _CIVIL, "Quầy số 1")
MARRIAGE = Procedure("1.000894", "Đăng ký kết hôn", _CIVIL, "Quầy số 1")
DEATH = Procedure("1.000656", "Đăng ký khai tử", _CIVIL, "Quầy số 1")
PARENTAGE = Procedure("1.001022", "Đăng ký nhận cha, mẹ, con", _CIVIL, "Quầy số 1")
MARITAL = Procedure("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", _CIVIL, "Quầy số 1")
EXTRACT = Procedure("2.000635", "Cấp bản sao Trích lục hộ tịch", _CIVIL, "Quầy số 1")
CORRECTION = Procedure(
    "1.004859", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", _CIVIL, "Quầy số 1"
)
REBIRTH = Procedure("1.004884", "Đăng ký lại khai sinh", _CIVIL, "Quầy số 1")
COPY = Procedure("2.000815", "Chứng thực bản sao từ bản chính", _CERTIFY, "Quầy số 2")
SIGNATURE = Procedure("2.000884", "Chứng thực chữ ký", _CERTIFY, "Quầy số 2")
SHOP = Procedure("2.000720", "Đăng ký thành lập hộ kinh doanh", _BUSINESS, "Quầy số 3")
LAND_CHANGE = Procedure("1.004227", "Đăng ký biến động đất đai", _LAND, "Quầy số 3")
LAND_RENEW = Procedure(
    "1.004221", "Cấp đổi Giấy chứng nhận quyền sử dụng đất", _LAND, "Quầy số 3"
)
PERMANENT = Procedure("1.004194", "Đăng ký thường trú", _RESIDENCE, "Quầy số 4")
TEMPORARY = Procedure("1.004222", "Đăng ký tạm trú", _RESIDENCE, "Quầy số 4")

# (full name, province-of-birth code, gender/century digit, year of birth): the 12-digit
# ID numbers built from them follow the citizen-ID layout, with made-up serials.
_PEOPLE = (
    ("Nguyễn Văn An", "051", 0, 88), ("Trần Thị Bích Ngọc", "051", 1, 92),
    ("Lê Hoàng Minh", "051", 0, 85), ("Phạm Thị Thu Hà", "052", 1, 90),
    ("Hoàng Đức Thắng", "051", 0, 79), ("Huỳnh Thị Mỹ Linh", "051", 1, 96),
    ("Võ Quốc Bảo", "049", 0, 94), ("Đặng Thị Hồng Nhung", "051", 1, 87),
    ("Bùi Văn Tài", "051", 0, 71), ("Đỗ Thị Kim Oanh", "048", 1, 83),
    ("Hồ Minh Khang", "051", 2, 1), ("Ngô Thị Lan Anh", "051", 1, 98),
    ("Dương Văn Hùng", "051", 0, 66), ("Lý Thị Thanh Tâm", "079", 1, 91),
    ("Phan Văn Lợi", "051", 0, 75), ("Vũ Thị Ngọc Hân", "051", 3, 2),
    ("Đinh Công Tuấn", "051", 0, 89), ("Trương Thị Mai", "051", 1, 62),
    ("Mai Xuân Trường", "051", 0, 93), ("Lương Thị Diệu", "054", 1, 80),
    ("Châu Gia Huy", "051", 0, 97), ("Tạ Thị Yến", "051", 1, 86),
    ("Lâm Văn Phúc", "070", 0, 78), ("Cao Thị Hạnh", "051", 1, 69),
    ("Quách Văn Sang", "070", 0, 84), ("Nguyễn Thị Hoài Thương", "051", 1, 95),
    ("Trần Đình Khoa", "051", 0, 91), ("Lê Thị Ánh Tuyết", "051", 1, 77),
    ("Phạm Ngọc Sơn", "051", 0, 82), ("Hà Thị Quỳnh", "051", 1, 99),
    ("Kiều Văn Đạt", "051", 0, 73), ("Tôn Nữ Minh Thư", "046", 1, 88),
    ("Đoàn Thị Xuân", "051", 1, 64), ("Nguyễn Hữu Nghĩa", "051", 0, 90),
    ("Vương Thị Bảo Trâm", "070", 1, 94),
)


def person(index: int) -> tuple[str, str]:
    """The fictional full name and 12-digit ID number of person `index`."""
    name, province, gender, year = _PEOPLE[index]
    if index == 0:
        return name, EXAMPLE_SECRET
    serial = (index * 104_729 + 3_571) % 1_000_000
    return name, f"{province}{gender}{year:02d}{serial:06d}"


def build(b: RecordBuilder) -> list[DemoRecord]:
    """Every demo record, laid out by `b` around its day."""
    wd, day, after, at, rec = b.wd, b.day, b.after, b.at, b.record
    s = Status
    sorry = "Hồ sơ trễ hẹn; UBND xin lỗi ông/bà. Ngày hẹn mới xin liên hệ {}."
    return [
        # 1 Mới đăng ký: submitted online, not yet taken in (any day, any hour).
        rec(52, EXTRACT, XA, 11, s.NEW, at(day(-1), "21:05"), done=0,
            tail=("Nộp hồ sơ trực tuyến", "Cổng Dịch vụ công quốc gia"), tail_done=True),
        rec(53, MARITAL, PHUONG, 12, s.NEW, at(day(-2), "06:40"), done=0,
            tail=("Nộp hồ sơ trực tuyến", "Cổng Dịch vụ công quốc gia"), tail_done=True),
        # 2 Được tiếp nhận.
        rec(11, SHOP, XA, 13, s.RECEIVED, at(wd(-1), "14:20"),
            appointment=at(after(wd(-1), 3), "16:30")),
        rec(12, TEMPORARY, PHUONG, 14, s.RECEIVED, at(wd(-1), "09:10"),
            appointment=at(after(wd(-1), 3), "16:30")),
        # 3 Không được tiếp nhận.
        rec(7, LAND_CHANGE, XA, 15, s.REJECTED, at(wd(-2), "10:05"),
            tail=("Từ chối tiếp nhận hồ sơ", ONE_STOP),
            note="Không tiếp nhận: thửa đất thuộc địa bàn xã khác; đề nghị nộp hồ sơ "
            "tại nơi có đất."),
        rec(23, COPY, PHUONG, 16, s.REJECTED, at(wd(-7), "15:00"),
            tail=("Từ chối tiếp nhận hồ sơ", ONE_STOP),
            note="Không tiếp nhận: bản chính bị tẩy xóa, sửa chữa nội dung nên không "
            "được chứng thực bản sao."),
        # 4 Đang xử lý: overdue by 3 days, overdue by 1, due today, due in 1, 2, 5, 7 days.
        rec(5, LAND_RENEW, XA, 17, s.PROCESSING, at(after(day(-3), -10), "08:50"),
            appointment=at(day(-3), "16:30"), done=3, last=at(wd(-1), "10:40"),
            note=sorry.format("Quầy số 3")),
        rec(14, CORRECTION, PHUONG, 18, s.PROCESSING, at(after(day(-1), -3), "09:25"),
            appointment=at(day(-1), "16:30"), done=3, last=at(wd(-1), "15:10"),
            note=sorry.format("Quầy số 1")),
        rec(36, MARITAL, XA, 19, s.PROCESSING, at(wd(-3), "10:15"),
            appointment=at(day(0), "16:30"), done=3, last=at(wd(-1), "14:05")),
        rec(15, PERMANENT, XA, 21, s.PROCESSING, at(wd(-5), "09:40"),
            appointment=at(day(1), "16:30"), done=3, last=at(wd(-1), "10:30")),
        rec(9, SHOP, PHUONG, 20, s.PROCESSING, at(wd(-1), "08:45"),
            appointment=at(day(2), "16:30"), done=2, last=at(wd(-1), "15:20")),
        rec(18, LAND_CHANGE, XA, 22, s.PROCESSING, at(wd(-5), "14:10"),
            appointment=at(day(5), "16:30"), done=3, last=at(wd(-2), "11:00")),
        rec(3, REBIRTH, CU, 23, s.PROCESSING, at(wd(-1), "10:00"),
            appointment=at(day(7), "16:30"), done=2, last=at(wd(-1), "15:45")),
        # 5 Yêu cầu bổ sung giấy tờ (one with its date suspended until the papers come).
        rec(26, MARRIAGE, XA, 24, s.NEEDS_SUPPLEMENT, at(wd(-2), "09:05"),
            appointment=at(day(3), "16:30"), done=3, last=at(wd(-1), "08:50"),
            tail=("Yêu cầu bổ sung giấy tờ", JUSTICE),
            note="Cần bổ sung: Giấy xác nhận tình trạng hôn nhân của bên nữ (bản chính, "
            "cấp chưa quá 6 tháng). Nộp tại Quầy số 1."),
        rec(8, SHOP, CU, 25, s.NEEDS_SUPPLEMENT, at(wd(-4), "13:50"),
            done=3, last=at(wd(-2), "10:20"), tail=("Yêu cầu bổ sung giấy tờ", "Phòng Kinh tế"),
            note="Cần bổ sung: bản sao hợp đồng thuê địa điểm kinh doanh; văn bản ủy quyền "
            "của các thành viên hộ gia đình. Ngày hẹn trả tính lại khi đủ giấy tờ."),
        # 6 Yêu cầu thực hiện nghĩa vụ tài chính (fees unpaid).
        rec(19, LAND_CHANGE, XA, 26, s.NEEDS_PAYMENT, at(wd(-6), "08:30"),
            appointment=at(day(4), "16:30"), done=4, last=at(wd(-1), "09:30"),
            tail=("Chờ công dân thực hiện nghĩa vụ tài chính", ONE_STOP), fee=50_000,
            note="Nộp lệ phí cấp Giấy chứng nhận 50.000 đồng tại Quầy số 3 "
            "hoặc thanh toán trực tuyến."),
        rec(6, SHOP, XA, 27, s.NEEDS_PAYMENT, at(wd(-2), "10:40"),
            appointment=at(day(2), "16:30"), done=3, last=at(wd(-1), "14:30"),
            tail=("Chờ nộp lệ phí đăng ký hộ kinh doanh", ONE_STOP), fee=100_000,
            note="Nộp lệ phí đăng ký hộ kinh doanh 100.000 đồng trước khi nhận kết quả."),
        # 7 Công dân yêu cầu rút hồ sơ.
        rec(21, PARENTAGE, XA, 28, s.WITHDRAWN, at(wd(-8), "09:30"),
            appointment=at(after(wd(-8), 3), "16:30"), done=2, last=at(wd(-6), "10:00"),
            tail=("Rút hồ sơ theo đề nghị của công dân", ONE_STOP),
            note=f"Công dân có đơn đề nghị rút hồ sơ ngày {wd(-6):%d/%m/%Y}; "
            "giấy tờ đã trả lại."),
        rec(13, TEMPORARY, PHUONG, 29, s.WITHDRAWN, at(wd(-3), "15:15"),
            appointment=at(after(wd(-3), 3), "16:30"), done=1, last=at(wd(-2), "08:40"),
            tail=("Rút hồ sơ theo đề nghị của công dân", ONE_STOP),
            note=f"Công dân có đơn đề nghị rút hồ sơ ngày {wd(-2):%d/%m/%Y}."),
        # 8 Dừng xử lý.
        rec(34, LAND_CHANGE, CU, 30, s.STOPPED, at(wd(-12), "08:20"),
            appointment=at(after(wd(-12), 10), "16:30"), done=3, last=at(wd(-7), "15:00"),
            tail=("Dừng xử lý", LAND_OFFICE),
            note="Dừng xử lý: thửa đất đang có đơn tranh chấp, chờ kết quả hòa giải "
            "tại UBND xã."),
        rec(27, PERMANENT, XA, 31, s.STOPPED, at(wd(-6), "14:45"),
            appointment=at(after(wd(-6), 7), "16:30"), done=3, last=at(wd(-3), "09:15"),
            tail=("Dừng xử lý", "Công an xã"),
            note="Dừng xử lý: chỗ ở thuê chưa đạt diện tích tối thiểu theo quy định."),
        # 9 Đã xử lý xong: early, on time, late; ready at the counter.
        rec(16, MARITAL, PHUONG, 32, s.DONE, at(wd(-4), "08:20"),
            appointment=at(after(wd(-4), 3), "16:30"),
            completed=at(after(wd(-4), 2), "15:10")),
        rec(22, SHOP, XA, 33, s.DONE, at(wd(-5), "09:55"),
            appointment=at(after(wd(-5), 3), "16:30"),
            completed=at(after(wd(-5), 3), "10:45")),
        rec(24, LAND_RENEW, PHUONG, 1, s.DONE, at(wd(-13), "14:00"),
            appointment=at(after(wd(-13), 10), "16:30"),
            completed=at(after(wd(-13), 12), "09:20"),
            note="Kết quả trễ hẹn 2 ngày; UBND phường xin lỗi ông/bà vì sự chậm trễ."),
        rec(35, COPY, XA, 2, s.DONE, at(wd(-1), "15:40"),
            appointment=at(after(wd(-1), 1), "10:00"), completed=at(wd(-1), "16:50"),
            fee=6_000, fee_paid=True),
        # 10 Đã trả kết quả.
        rec(17, SHOP, CU, 3, s.RETURNED, at(wd(-8), "09:00"),
            appointment=at(after(wd(-8), 3), "16:30"),
            completed=at(after(wd(-8), 1), "15:30"), returned=at(after(wd(-8), 2), "08:40"),
            fee=100_000, fee_paid=True),
        rec(25, PERMANENT, PHUONG, 4, s.RETURNED, at(wd(-12), "10:20"),
            appointment=at(after(wd(-12), 7), "16:30"),
            completed=at(after(wd(-12), 7), "09:30"), returned=at(after(wd(-12), 7), "14:00")),
        rec(2, LAND_CHANGE, XA, 5, s.RETURNED, at(wd(-20), "08:15"),
            appointment=at(after(wd(-20), 10), "16:30"),
            completed=at(after(wd(-20), 12), "16:00"), returned=at(after(wd(-20), 13), "09:10"),
            fee=50_000, fee_paid=True),
        rec(28, BIRTH, XA, 6, s.RETURNED, at(wd(-3), "08:05"),
            appointment=at(wd(-3), "16:30"), completed=at(wd(-3), "10:20"),
            returned=at(wd(-3), "10:45")),
        rec(29, MARRIAGE, PHUONG, 7, s.RETURNED, at(wd(-6), "08:30"),
            appointment=at(wd(-6), "16:30"), completed=at(wd(-6), "11:00"),
            returned=at(wd(-6), "14:30")),
        rec(30, DEATH, XA, 8, s.RETURNED, at(wd(-9), "07:45"),
            appointment=at(wd(-9), "16:30"), completed=at(wd(-9), "09:10"),
            returned=at(wd(-9), "09:30")),
        rec(32, SIGNATURE, CU, 9, s.RETURNED, at(wd(-2), "14:35"),
            appointment=at(wd(-2), "16:30"), completed=at(wd(-2), "14:55"),
            returned=at(wd(-2), "15:05"), fee=10_000, fee_paid=True),
        rec(33, EXTRACT, XA, 10, s.RETURNED, at(wd(-4), "15:30"),
            appointment=at(after(wd(-4), 1), "10:00"), completed=at(wd(-4), "16:40"),
            returned=at(after(wd(-4), 1), "08:10"), fee=8_000, fee_paid=True),
        # The examples: fixed dates, so their codes can be printed and typed.
        rec(4, BIRTH, XA, 0, s.RETURNED, b.fixed(2026, 11, 2, "15:20"),
            appointment=b.fixed(2026, 11, 3, "10:00"),
            completed=b.fixed(2026, 11, 2, "16:40"), returned=b.fixed(2026, 11, 3, "08:15")),
        rec(31, MARITAL, CU, 34, s.RETURNED, b.fixed(2026, 10, 20, "09:10"),
            appointment=b.fixed(2026, 10, 23, "16:30"),
            completed=b.fixed(2026, 10, 23, "14:00"), returned=b.fixed(2026, 10, 26, "08:30")),
    ]
