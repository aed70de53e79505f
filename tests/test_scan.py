"""Tests for kiosk.scan: payload parsing and the keystroke-burst detector."""

from __future__ import annotations

import unicodedata
import urllib.parse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.scan import (
    DEFAULT_URL_PARAMS,
    MAX_PAYLOAD,
    BurstDetector,
    DossierQuery,
    Reason,
    ScanError,
    parse,
)

CODE = "000.00.53.H48-220921-0099"
SECRET = "079123456789"
RECEIPT_URL = f"https://dichvucong.example.gov.vn/portaldvc/tra-cuu?SGT={SECRET}&MHS={CODE}"


def _refused(payload: str, **kwargs: object) -> ScanError:
    with pytest.raises(ScanError) as info:
        parse(payload, **kwargs)  # type: ignore[arg-type]
    return info.value


# Windows "Vietnamese" keyboard layout: what each US key of the digit row shows.
_VN_LAYOUT = {
    "1": "ă", "2": "â", "3": "ê", "4": "ô", "5": "\u0300", "6": "\u0309",
    "7": "\u0303", "8": "\u0301", "9": "\u0323", "0": "đ", "[": "ư", "]": "ơ", "=": "₫",
}  # fmt: skip


def vn_layout(keys: str) -> str:
    """What a US-layout scanner's keys show on a PC set to the Vietnamese layout."""
    return unicodedata.normalize("NFC", "".join(_VN_LAYOUT.get(k, k) for k in keys))


# --- Plain codes -------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        CODE,
        "G22.99-241005-0001",  # ministry
        "H10.22-250101-0003",  # old province code (Bình Phước before 2025)
        "000.00.53.A01-240229-0001",  # 29 February of a leap year
        "ABCDEFGHIJ.0123456789.KLMNOPQRSTUVW-991231-9999",  # agency of exactly 35 characters
    ],
)
def test_plain_code_is_read_as_is(code: str) -> None:
    assert parse(code) == DossierQuery(code)


def test_lower_case_code_is_upper_cased() -> None:
    assert parse(CODE.lower()).code == CODE


@pytest.mark.parametrize(
    "payload",
    [
        f"  {CODE}\r\n",
        f"\t{CODE}\t",
        f"\x00{CODE}\x7f",
        f"\x1b{CODE}\x1f\n",
        f"\ufeff{CODE}\u200b",  # BOM and zero-width space
        "000.00.\u200b53.H48-\u200d220921-0099",  # zero-width characters inside
        f"\u00a0{CODE}\u3000",  # no-break and ideographic space
    ],
)
def test_whitespace_and_control_characters_are_ignored(payload: str) -> None:
    assert parse(payload).code == CODE


@pytest.mark.parametrize("prefix", ["]Q1", "]Q3", "]C0", "]d2", "]E0", "]L2", "]z0"])
def test_aim_symbology_identifier_is_dropped(prefix: str) -> None:
    assert parse(prefix + CODE).code == CODE
    assert parse(f"{prefix}https://p.example/?MHS={CODE}").code == CODE


@pytest.mark.parametrize(
    "prefix",
    [
        "ưQ1",  # Telex turns `]` into `ư`
        "ƯC0",
        "ữ0",  # ... and eats the `X` of `]X0` as a tone key
        "ừ0",  # `]F0`
        "]Á",  # VNI ate the `1` of `]A1`
    ],
)
def test_aim_identifier_rewritten_by_a_typing_tool_is_dropped(prefix: str) -> None:
    assert parse(prefix + CODE).code == CODE


def test_aim_identifier_does_not_eat_the_code() -> None:
    # Without the prefix being dropped, `Q1000.00.53.H48` would be a valid agency.
    assert parse("]Q1" + CODE).code != "Q1" + CODE


def test_full_width_characters_are_folded() -> None:
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in CODE)  # ０００．００．５３．Ｈ４８－...
    assert parse(full_width).code == CODE


@pytest.mark.parametrize("dash", ["\u2010", "\u2013", "\u2212", "\uff0d"])
def test_other_dashes_count_as_hyphen(dash: str) -> None:
    assert parse(CODE.replace("-", dash)).code == CODE


# --- URLs ----------------------------------------------------------------------


def test_receipt_url_gives_code_and_secret() -> None:
    query = parse(RECEIPT_URL)
    assert query.code == CODE
    assert query.secret == SECRET


@pytest.mark.parametrize("name", DEFAULT_URL_PARAMS)
@pytest.mark.parametrize("case", [str, str.lower, str.upper])
def test_every_code_parameter_in_any_case(name: str, case: object) -> None:
    param = case(name)  # type: ignore[operator]
    assert parse(f"https://portal.example.vn/lookup?x=1&{param}={CODE}").code == CODE


@pytest.mark.parametrize("name", ["SGT", "sgt", "cccd", "CMND", "secret"])
def test_every_secret_parameter_in_any_case(name: str) -> None:
    assert parse(f"https://p.example.vn/?{name}=%20{SECRET}&ma={CODE}").secret == SECRET


def test_url_without_secret_has_none() -> None:
    assert parse(f"https://p.example.vn/?ma={CODE}&SGT=").secret is None


def test_configured_parameter_names_replace_the_defaults() -> None:
    url = f"https://p.example.vn/?hs={CODE}&ID={SECRET}"
    query = parse(url, url_params=["hs"], secret_params=["id"])
    assert (query.code, query.secret) == (CODE, SECRET)


def test_percent_encoded_code() -> None:
    encoded = urllib.parse.quote(CODE, safe="")
    assert parse(f"https://p.example.vn/?MHS={encoded.replace('.', '%2E')}").code == CODE
    assert parse(f"https://p.example.vn/?MHS=%20{CODE.lower()}%0A").code == CODE


@pytest.mark.parametrize(
    "url",
    [
        f"https://portal.example.vn/hoso/{CODE}",
        f"https://portal.example.vn/hoso/{CODE}/chi-tiet.html",
        f"https://portal.example.vn/hoso/{CODE.replace('.', '%2E')}",
        f"https://portal.example.vn/tra-cuu#{CODE}",
        f"https://portal.example.vn/#/tra-cuu?MHS={CODE}",
        f"http://10.0.0.5:8080/api/v1/dossier/{CODE}?lang=vi",
        f"www.portal.example.vn/?MaHoSo={CODE}",
    ],
)
def test_code_in_path_fragment_or_route(url: str) -> None:
    assert parse(url).code == CODE


def test_secret_in_fragment_route() -> None:
    query = parse(f"https://p.example.vn/#/tra-cuu?SGT={SECRET}&MHS={CODE}")
    assert (query.code, query.secret) == (CODE, SECRET)


OTHER = "G22.99-241005-0001"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        # Parameter priority follows url_params, not the order in the URL.
        (f"https://p.example.vn/?code={OTHER}&MHS={CODE}", CODE),
        (f"https://p.example.vn/?q={OTHER}&keyword={CODE}", CODE),
        # A parameter beats the path, the path beats the fragment and the text.
        (f"https://p.example.vn/hoso/{OTHER}?ma={CODE}", CODE),
        (f"https://p.example.vn/hoso/{CODE}#{OTHER}", CODE),
        (f"Mã {OTHER} https://p.example.vn/hoso/{CODE}", CODE),
        # In plain text, the first code from the left.
        (f"{CODE} và {OTHER}", CODE),
    ],
)
def test_first_code_by_documented_priority(payload: str, expected: str) -> None:
    assert parse(payload).code == expected


def test_url_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket
    import urllib.request

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("parse opened a connection")

    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(urllib.request, "urlopen", forbidden)
    assert parse(RECEIPT_URL).code == CODE
    assert _refused("https://dvc.example.gov.vn/apiqr/qr?id=1").reason is Reason.INFO_QR


# --- Code in text --------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        f"Mã hồ sơ: {CODE}.",
        f"Mã hồ sơ:{CODE}",
        f"MÃ HỒ SƠ {CODE}, ngày hẹn trả 30/09/2022",
        f"Hồ sơ ({CODE})\nTra cứu tại bộ phận một cửa",
        f"ma ho so\r\n{CODE}\r\n",
    ],
)
def test_code_inside_text(payload: str) -> None:
    assert parse(payload).code == CODE


def test_code_is_not_cut_out_of_a_longer_word() -> None:
    # `Á12.22-...` is `A12.22-...` altered, not the code `12.22-...`.
    assert _refused("Á12.22-240101-0001").reason is Reason.TYPING_TOOL
    assert _refused(f"{CODE}7").reason is Reason.NOT_A_CODE
    assert _refused(f"{CODE}_x").reason is Reason.NOT_A_CODE


# --- Refusals --------------------------------------------------------------------


@pytest.mark.parametrize("payload", ["", "   ", "\r\n", "\x00\x1f\u200b", "]Q1", " ]C0 \r"])
def test_empty(payload: str) -> None:
    assert _refused(payload).reason is Reason.EMPTY


def test_information_qr() -> None:
    guid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
    error = _refused(f"https://dichvucong.example.gov.vn/apiqr/qr?id={guid}")
    assert error.reason is Reason.INFO_QR
    assert "dichvucong.example.gov.vn" in error.detail
    assert guid not in str(error)
    # Another path, still a bare GUID: the same advice.
    assert _refused(f"https://p.example.vn/qr?id={guid.upper()}").reason is Reason.INFO_QR


@pytest.mark.parametrize("payload", ["8934567890123", "]E08934567890123"])
def test_product_barcode(payload: str) -> None:
    error = _refused(payload)
    assert error.reason is Reason.NOT_A_CODE
    assert "EAN-13" in error.detail
    assert "8934567890123" not in str(error)


@pytest.mark.parametrize(
    "payload", ["hello world", "Xin chào", "Hồ-Chí-Minh", "----", "12345", "000.00.53.H48"]
)
def test_text_without_code(payload: str) -> None:
    error = _refused(payload)
    assert error.reason is Reason.NOT_A_CODE
    assert payload not in error.detail


def test_citizen_id_card_qr_is_described_not_quoted() -> None:
    payload = f"{SECRET}|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
    error = _refused(payload)
    assert error.reason is Reason.NOT_A_CODE
    assert "ID card" in error.detail
    for part in payload.split("|"):
        assert part not in str(error)


def test_url_without_code_describes_its_shape() -> None:
    error = _refused(f"https://portal.example.gov.vn/tra-cuu?SGT={SECRET}&lang=vi")
    assert error.reason is Reason.URL_WITHOUT_CODE
    assert "https://portal.example.gov.vn" in error.detail
    assert "2 query parameter" in error.detail
    assert SECRET not in str(error)
    assert SECRET not in repr(error)


def test_url_host_that_looks_like_a_number_is_not_quoted() -> None:
    error = _refused(f"https://{SECRET}.example/x?SGT={SECRET}")
    assert error.reason is Reason.URL_WITHOUT_CODE
    assert SECRET not in error.detail


@pytest.mark.parametrize(
    ("payload", "why"),
    [
        ("000.00.53.H48-221399-0099", "month 13, day 99"),
        ("000.00.53.H48-230229-0001", "month 02, day 29"),  # 2023 is no leap year
        ("000.00.53.H48-220900-0001", "month 09, day 00"),
        (f"https://p.example.vn/?MHS=000.00.53.H48-220931-0001&SGT={SECRET}", "day 31"),
    ],
)
def test_impossible_date(payload: str, why: str) -> None:
    error = _refused(payload)
    assert error.reason is Reason.NOT_A_CODE
    assert "calendar date" in error.detail
    assert why in error.detail


def test_agency_longer_than_35_characters() -> None:
    error = _refused("ABCDEFGHIJ.0123456789.KLMNOPQRSTUVWX-991231-9999")
    assert error.reason is Reason.NOT_A_CODE
    assert "36 characters" in error.detail


def test_too_long_is_refused_before_reading() -> None:
    padding = " " * (MAX_PAYLOAD - len(CODE))
    assert parse(CODE + padding).code == CODE
    error = _refused(CODE + padding + " ")
    assert error.reason is Reason.TOO_LONG
    assert str(MAX_PAYLOAD + 1) in error.detail


def test_error_text_names_the_reason() -> None:
    error = _refused("")
    assert str(error).startswith("empty: ")
    assert error.args == (Reason.EMPTY, error.detail)


def test_query_repr_hides_the_secret() -> None:
    query = parse(RECEIPT_URL)
    assert SECRET not in repr(query)
    assert SECRET not in str(query)


# --- Typing tools and keyboard layouts ----------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        # Telex: a lone `W` becomes `Ư`; `UW12` is also possible but only `W12`
        # has today's strict shape.
        ("000.00.53.Ư12-220921-0099", "000.00.53.W12-220921-0099"),
        ("000.00.53.ư12-220921-0099", "000.00.53.W12-220921-0099"),
        # VNI: `D9` -> `Đ`, `A1` -> `Á`, `O7` -> `Ơ`, `U7` -> `Ư`.
        ("000.00.53.Đ1-220921-0099", "000.00.53.D91-220921-0099"),
        ("000.00.53.đ1-220921-0099", "000.00.53.D91-220921-0099"),
        ("000.00.53.Á7-220921-0099", "000.00.53.A17-220921-0099"),
        ("000.00.53.Ơ0-220921-0099", "000.00.53.O70-220921-0099"),
        # Only Telex `EE1`: VNI would have turned `E61` into `Ế`, eating the `1`.
        ("000.00.53.Ê1-220921-0099", "000.00.53.EE1-220921-0099"),
        # In a receipt URL: code recovered, secret kept.
        (f"https://p.example.vn/?SGT={SECRET}&MHS=000.00.53.Ư12-220921-0099", None),
        ("Mã hồ sơ: 000.00.53.Đ1-220921-0099.", "000.00.53.D91-220921-0099"),
    ],
)
def test_typing_tool_damage_that_has_one_reading_is_undone(typed: str, code: str | None) -> None:
    query = parse(typed)
    assert query.code == (code or "000.00.53.W12-220921-0099")
    if code is None:
        assert query.secret == SECRET


@pytest.mark.parametrize(
    "typed",
    [
        "000.00.53.Á-220921-0099",  # VNI `A1` or Telex `AS`
        "G22.Á3-241005-0001",  # Telex `AS3`, `AFS3`..., VNI `A13`?? no: `A1` + `3`
        "000.00.53.Đ12-220921-0099",  # Telex `DD12` or VNI `D912`
        "000.00.53.Ù-220921-0099",  # VNI `U12`, `U32`, `U42`, `U52`
        "000.00.53.Ừ-220921-0099",  # VNI `U72` or `U27`
        "000.00.53.ÁÉÍÓÚ-220921-0099",
        "Hồ-220921-0099",
    ],
)
def test_typing_tool_damage_with_several_readings_is_refused(typed: str) -> None:
    error = _refused(typed)
    assert error.reason is Reason.TYPING_TOOL
    assert "Unikey" in error.detail
    assert "220921" not in error.detail


def test_typing_tool_refusal_does_not_leak_the_secret() -> None:
    error = _refused(f"https://p.example.vn/?SGT={SECRET}&MHS=000.00.53.Đ12-220921-0099")
    assert error.reason is Reason.TYPING_TOOL
    assert SECRET not in str(error)


@pytest.mark.parametrize("code", [CODE, "G22.99-241005-0001", "000.00.53.A12-220921-0099"])
def test_windows_vietnamese_layout_is_undone(code: str) -> None:
    typed = vn_layout(code)
    assert not any(ch.isdigit() for ch in typed)  # the test really types through the layout
    assert parse(typed).code == code
    assert parse(vn_layout("]Q1") + typed).code == code


def test_windows_vietnamese_layout_url_keeps_an_unambiguous_secret() -> None:
    query = parse(vn_layout(f"https://p.example.vn/?SGT=012345678&MHS={CODE}"))
    assert (query.code, query.secret) == (CODE, "012345678")


def test_windows_vietnamese_layout_url_drops_an_ambiguous_secret() -> None:
    # `79` and `97` look the same once Unicode orders the tone marks.
    query = parse(vn_layout(f"https://p.example.vn/?SGT={SECRET}&MHS={CODE}"))
    assert (query.code, query.secret) == (CODE, None)


def test_windows_vietnamese_layout_ambiguity_is_refused() -> None:
    error = _refused(vn_layout("000.00.53.H48-220921-0079"))  # or ...-0097
    assert error.reason is Reason.TYPING_TOOL


# --- Properties ------------------------------------------------------------------

_codes = st.builds(
    "{:03d}.{:02d}.{:02d}.{}{:02d}-{:02d}{:02d}{:02d}-{:04d}".format,
    st.integers(0, 999),
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 9999),
)
_noise = st.text(alphabet=" \t\r\n\x00\u200b\ufeff", max_size=3)
_vietnamese = st.text(
    alphabet="0123456789.-ABDEHOUWaăâđêôơưÁÀẢÃẠấầẩẫậắặếềểễệốồổỗộớờởỡợứừửữựđĐ\u0301\u0323 ",
    max_size=60,
)
_values = st.one_of(_codes, st.text(max_size=20), _vietnamese)
_params = st.lists(
    st.tuples(st.sampled_from([*DEFAULT_URL_PARAMS, "id", "lang", "x", "MHS"]), _values),
    max_size=4,
)


@st.composite
def _urls(draw: st.DrawFn, secret: str | None = None) -> str:
    scheme = draw(st.sampled_from(["https", "http", "HTTPS", "ftp"]))
    host = draw(st.sampled_from(["dvc.example.gov.vn", "10.0.0.5:8080", "[::1]", "portal"]))
    segments = draw(st.lists(st.one_of(_codes, st.text(max_size=8)), max_size=3))
    path = "/".join(urllib.parse.quote(s) for s in segments)
    pairs = draw(_params)
    if secret is not None:
        pairs.insert(draw(st.integers(0, len(pairs))), ("SGT", secret))
    # Values as a portal writes them (percent-encoded), or raw as long as they
    # cannot break the URL's structure (typing-tool output stays visible).
    query = "&".join(
        f"{k}={urllib.parse.quote(v) if draw(st.booleans()) else _raw(v)}" for k, v in pairs
    )
    fragment = draw(st.one_of(st.just(""), _codes, st.text(max_size=10)))
    return f"{scheme}://{host}/{path}?{query}#{fragment}"


def _raw(value: str) -> str:
    return "".join(c for c in value if c.isprintable() and not c.isspace() and c not in "&#%+")


def _parse_or_error(payload: str) -> DossierQuery | ScanError:
    try:
        return parse(payload)
    except ScanError as error:
        assert error.detail
        assert isinstance(error.reason, Reason)
        return error


@given(st.text(max_size=300))
def test_any_text_gives_a_query_or_a_scan_error(payload: str) -> None:
    _parse_or_error(payload)


@given(st.one_of(_vietnamese, _urls(), st.text(min_size=1990, max_size=2100)))
def test_any_url_or_vietnamese_text_gives_a_query_or_a_scan_error(payload: str) -> None:
    result = _parse_or_error(payload)
    if isinstance(result, DossierQuery):
        assert result.code == result.code.upper()


@given(st.data())
def test_random_secret_never_appears_in_errors_or_repr(data: st.DataObject) -> None:
    secret = data.draw(st.from_regex(r"[0-9]{9,12}", fullmatch=True), label="secret")
    url = data.draw(_urls(secret=secret), label="url")
    _check_secret_kept_out(url, secret)


def _check_secret_kept_out(url: str, secret: str) -> None:
    result = _parse_or_error(url)
    if isinstance(result, ScanError):
        assert secret not in str(result)
        assert secret not in result.detail
        assert secret not in repr(result)
    else:
        assert secret not in repr(result)
        assert result.secret == secret


@given(_codes, _noise, _noise, st.sampled_from(["", "]Q1", "]C0", "ưQ1"]), st.booleans())
def test_valid_code_survives_scanner_noise(
    code: str, before: str, after: str, aim: str, lower: bool
) -> None:
    payload = aim + (code.lower() if lower else code)
    assert parse(before + payload + after).code == code


@given(_codes)
def test_layout_damage_gives_the_code_or_a_refusal_never_another_code(code: str) -> None:
    result = _parse_or_error(vn_layout(code))
    if isinstance(result, ScanError):
        assert result.reason is Reason.TYPING_TOOL
    else:
        assert result.code == code


# --- Keystroke bursts ----------------------------------------------------------


def _type(detector: BurstDetector, text: str, start: float, gap: float) -> float:
    """Type `text` one key every `gap` ms from `start`; return the last key's time."""
    now = start
    for i, ch in enumerate(text):
        now = start + i * gap
        detector.key(ch, now)
    return now


def test_fast_burst_with_enter_is_a_scan() -> None:
    detector = BurstDetector()
    last = _type(detector, CODE, 1000, 4)
    assert detector.in_burst
    assert detector.terminator(last + 5) == CODE
    assert not detector.in_burst
    assert detector.terminator(last + 10) is None  # reset after the scan


def test_slow_typing_is_never_a_scan() -> None:
    detector = BurstDetector()
    last = _type(detector, CODE, 1000, 150)
    assert not detector.in_burst
    assert detector.terminator(last + 5) is None
    last = _type(detector, CODE, 10_000, 150)
    assert detector.poll(last + 1000) is None


def test_only_the_burst_after_slow_keys_is_kept() -> None:
    detector = BurstDetector()
    last = _type(detector, "abc", 0, 200)
    last = _type(detector, CODE, last + 300, 5)
    assert detector.terminator(last + 3) == CODE


def test_slow_key_after_a_burst_drops_it() -> None:
    detector = BurstDetector(idle_complete_ms=None)
    last = _type(detector, CODE, 0, 5)
    detector.key("x", last + 100)
    assert not detector.in_burst
    assert detector.terminator(last + 101) is None


def test_short_burst_is_not_a_scan() -> None:
    detector = BurstDetector(min_length=8)
    last = _type(detector, "1234567", 0, 5)  # 7 characters: key repeat, a fast finger
    assert detector.in_burst
    assert detector.terminator(last + 5) is None


def test_composed_keys_count_their_characters() -> None:
    detector = BurstDetector(min_length=8)
    detector.key("ABCD", 0)
    detector.key("EFGH", 5)
    assert detector.terminator(10) == "ABCDEFGH"


def test_scan_without_terminator_completes_when_idle() -> None:
    detector = BurstDetector(idle_complete_ms=150)
    last = _type(detector, CODE, 0, 5)
    assert detector.poll(last + 100) is None  # still maybe typing
    assert detector.poll(last + 150) == CODE
    assert detector.poll(last + 300) is None  # handed on once


def test_poll_does_nothing_when_idle_completion_is_off() -> None:
    detector = BurstDetector(idle_complete_ms=None)
    last = _type(detector, CODE, 0, 5)
    assert detector.poll(last + 10_000) is None
    assert detector.terminator(last + 10) == CODE


def test_poll_forgets_idle_keys_that_were_no_scan() -> None:
    detector = BurstDetector()
    detector.key("a", 0)
    detector.key("b", 5)
    assert detector.poll(500) is None
    assert not detector.in_burst


@pytest.mark.parametrize(("pause", "expected"), [(40, CODE), (120, CODE), (121, None), (500, None)])
def test_terminator_may_come_up_to_three_gaps_late(pause: float, expected: str | None) -> None:
    detector = BurstDetector(max_gap_ms=40, idle_complete_ms=None)
    last = _type(detector, CODE, 0, 5)
    assert detector.terminator(last + pause) == expected


def test_in_burst_needs_two_fast_keys() -> None:
    detector = BurstDetector()
    assert not detector.in_burst
    detector.key("0", 0)
    assert not detector.in_burst
    detector.key("0", 10)
    assert detector.in_burst
    detector.reset()
    assert not detector.in_burst
    assert detector.terminator(20) is None


def test_clock_going_back_starts_a_new_buffer() -> None:
    detector = BurstDetector()
    last = _type(detector, CODE, 1000, 5)
    detector.key("x", last - 500)
    assert detector.terminator(last - 495) is None


def test_empty_key_text_is_ignored() -> None:
    detector = BurstDetector()
    last = _type(detector, CODE, 0, 5)
    detector.key("", last + 1)
    assert detector.terminator(last + 2) == CODE


@pytest.mark.parametrize("kwargs", [{"max_gap_ms": 0}, {"min_length": 0}, {"idle_complete_ms": 0}])
def test_nonsense_settings_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        BurstDetector(**kwargs)  # type: ignore[arg-type]
