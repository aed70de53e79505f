"""Citizen-facing sentences, built from a dossier and the office settings.

Source strings are Vietnamese (the default language); English comes from the
translation file. Every string goes through `QCoreApplication.translate` so
`pyside6-lupdate` finds it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from kiosk.controller import Notice
from kiosk.dossier import VN_TZ, Dossier, Standing, Status, Timeliness

# Called by this name so that pyside6-lupdate finds every string.
translate = QCoreApplication.translate


def status_name(status: Status) -> str:
    """The national status in the screen's language."""
    names = {
        Status.NEW: translate("Texts", "Mới đăng ký"),
        Status.RECEIVED: translate("Texts", "Được tiếp nhận"),
        Status.REJECTED: translate("Texts", "Không được tiếp nhận"),
        Status.PROCESSING: translate("Texts", "Đang xử lý"),
        Status.NEEDS_SUPPLEMENT: translate("Texts", "Yêu cầu bổ sung giấy tờ"),
        Status.NEEDS_PAYMENT: translate("Texts", "Yêu cầu thực hiện nghĩa vụ tài chính"),
        Status.WITHDRAWN: translate("Texts", "Công dân yêu cầu rút hồ sơ"),
        Status.STOPPED: translate("Texts", "Dừng xử lý"),
        Status.DONE: translate("Texts", "Đã xử lý xong"),
        Status.RETURNED: translate("Texts", "Đã trả kết quả"),
    }
    return names[status]


def date_text(moment: dt.datetime | None) -> str:
    """dd/MM/yyyy in Vietnam time, or a dash."""
    return _local_format(moment, "%d/%m/%Y")


def date_time_text(moment: dt.datetime | None) -> str:
    """HH:mm dd/MM/yyyy in Vietnam time, or a dash."""
    return _local_format(moment, "%H:%M %d/%m/%Y")


def _local_format(moment: dt.datetime | None, pattern: str) -> str:
    if moment is None:
        return "—"
    if moment.tzinfo is not None:
        moment = moment.astimezone(VN_TZ)
    return moment.strftime(pattern)


def money_text(amount: int) -> str:
    """50000 -> "50.000 đồng" (Vietnamese thousands separator)."""
    return translate("Texts", "{amount} đồng").format(amount=f"{amount:,}".replace(",", "."))


def timeliness_text(standing: Standing) -> str:
    """One line on the dossier against its appointment date; "" if unknown."""
    days = standing.days
    match standing.timeliness:
        case Timeliness.WITHIN if days == 0:
            return translate("Texts", "Trong hạn — hẹn trả kết quả hôm nay")
        case Timeliness.WITHIN if days == 1:
            return translate("Texts", "Trong hạn — hẹn trả kết quả ngày mai")
        case Timeliness.WITHIN:
            return translate("Texts", "Trong hạn — còn {n} ngày đến ngày hẹn trả").format(n=days)
        case Timeliness.OVERDUE:
            return translate("Texts", "Quá hạn {n} ngày so với ngày hẹn trả").format(n=days)
        case Timeliness.EARLY:
            return translate("Texts", "Hoàn thành sớm {n} ngày so với ngày hẹn").format(n=days)
        case Timeliness.ON_TIME:
            return translate("Texts", "Hoàn thành đúng hẹn")
        case Timeliness.LATE:
            return translate("Texts", "Hoàn thành trễ {n} ngày so với ngày hẹn").format(n=days)
    return ""


def next_action(dossier: Dossier, standing: Standing, default_counter: str) -> str:
    """One plain sentence telling the citizen what to do next."""
    counter = dossier.counter or default_counter
    due = date_text(dossier.appointment)
    status = dossier.status
    if status is Status.NEW:
        return translate(
            "Texts", "Hồ sơ đã được đăng ký và đang chờ tiếp nhận. Vui lòng chờ thông báo."
        )
    if status in (Status.RECEIVED, Status.PROCESSING):
        if standing.timeliness is Timeliness.OVERDUE:
            return translate(
                "Texts",
                "Hồ sơ đã quá ngày hẹn. Xin lỗi ông/bà vì sự chậm trễ; vui lòng đến {counter} "
                "để nhận phiếu xin lỗi và ngày hẹn mới.",
            ).format(counter=counter)
        if dossier.appointment is None:
            return translate("Texts", "Hồ sơ đang được xử lý. Vui lòng chờ thông báo.")
        return translate(
            "Texts", "Hồ sơ đang được xử lý. Vui lòng quay lại vào ngày hẹn {date}."
        ).format(date=due)
    if status is Status.NEEDS_SUPPLEMENT:
        return translate("Texts", "Vui lòng mang giấy tờ cần bổ sung đến {counter}.").format(
            counter=counter
        )
    if status is Status.NEEDS_PAYMENT:
        if dossier.fee:
            return translate(
                "Texts", "Vui lòng nộp {amount} tại {counter} để hồ sơ được xử lý tiếp."
            ).format(amount=money_text(dossier.fee), counter=counter)
        return translate(
            "Texts", "Vui lòng nộp phí, lệ phí tại {counter} để hồ sơ được xử lý tiếp."
        ).format(counter=counter)
    if status is Status.DONE:
        return translate(
            "Texts", "Kết quả đã sẵn sàng. Vui lòng mang giấy hẹn đến {counter} để nhận."
        ).format(counter=counter)
    if status is Status.RETURNED:
        return translate("Texts", "Kết quả đã được trả. Cảm ơn ông/bà đã sử dụng dịch vụ.")
    if status is Status.WITHDRAWN:
        return translate(
            "Texts", "Hồ sơ đã được rút theo yêu cầu. Cần hỗ trợ, vui lòng đến {counter}."
        ).format(counter=counter)
    # REJECTED, STOPPED
    return translate("Texts", "Vui lòng đến {counter} để được giải thích và hướng dẫn.").format(
        counter=counter
    )


def updated_text(dossier: Dossier, now: dt.datetime) -> str:
    """Tell the citizen how old the answer is, when that matters; "" if fresh."""
    fetched = dossier.fetched
    if fetched is None:
        return ""
    local = fetched.astimezone(VN_TZ) if fetched.tzinfo else fetched
    time, date = local.strftime("%H:%M"), local.strftime("%d/%m")
    if dossier.offline:
        return translate(
            "Texts",
            "Chưa kết nối được hệ thống tra cứu. Đây là tình trạng cập nhật lúc {time} "
            "ngày {date}; có thể đã thay đổi.",
        ).format(time=time, date=date)
    if now - fetched < dt.timedelta(minutes=2):
        return ""
    return translate(
        "Texts", "Thông tin cập nhật lúc {time} ngày {date}; có thể đã thay đổi."
    ).format(time=time, date=date)


def notice_texts(notice: Notice, code: str) -> tuple[str, str]:
    """Title and body of the message screen for `notice`."""
    if notice is Notice.NOT_FOUND:
        return (
            translate("Texts", "Không tìm thấy hồ sơ"),
            translate(
                "Texts",
                "Chưa tìm thấy hồ sơ mã {code}. Hồ sơ vừa nộp có thể chưa được cập nhật. "
                "Vui lòng kiểm tra lại giấy hẹn hoặc hỏi cán bộ tại quầy.",
            ).format(code=code),
        )
    if notice is Notice.INFO_QR:
        return (
            translate("Texts", "Đây là mã QR thông tin"),
            translate(
                "Texts",
                "Mã này không chứa mã hồ sơ. Vui lòng quét mã QR tra cứu "
                "hoặc mã vạch trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
            ),
        )
    if notice is Notice.NOT_A_CODE:
        return (
            translate("Texts", "Mã vừa quét không phải mã hồ sơ"),
            translate(
                "Texts",
                "Vui lòng quét mã QR in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, "
                "hoặc chạm màn hình để nhập mã hồ sơ.",
            ),
        )
    if notice is Notice.TYPING_TOOL:
        return (
            translate("Texts", "Không đọc được mã"),
            translate("Texts", "Máy quét đọc sai mã. Vui lòng báo cán bộ tại quầy để được hỗ trợ."),
        )
    if notice is Notice.SLOW:
        return (
            translate("Texts", "Hệ thống phản hồi chậm"),
            translate(
                "Texts", "Hệ thống tra cứu đang phản hồi chậm. Vui lòng quét lại sau ít phút."
            ),
        )
    return (
        translate("Texts", "Tạm thời chưa tra cứu được"),
        translate(
            "Texts",
            "Hệ thống tra cứu đang tạm gián đoạn. Vui lòng thử lại sau ít phút "
            "hoặc hỏi cán bộ tại quầy.",
        ),
    )
