from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.vietqr import (
    VietQRError,
    ascii_text,
    crc16_ccitt_false,
    fields,
    payload,
)

# A payload published with a public VietQR generator (120,000 VND to a VietinBank account).
PUBLISHED = (
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
    "530370454061200005802VN62170813ung ho lu lut6304C15C"
)


def test_crc_matches_the_standard_check_value() -> None:
    assert crc16_ccitt_false(b"123456789") == 0x29B1  # CRC-16/CCITT-FALSE check value


def test_builds_the_published_payload_exactly() -> None:
    built = payload("970415", "0011001932418", amount=120000, purpose="ủng hộ lũ lụt")
    assert built == PUBLISHED


def test_static_code_has_no_amount_and_says_so() -> None:
    parsed = fields(payload("970415", "0011001932418"))
    assert parsed["01"] == "11" and "54" not in parsed
    dynamic = fields(payload("970415", "0011001932418", amount=50000, purpose="x"))
    assert dynamic["01"] == "12" and dynamic["54"] == "50000"


def test_purpose_is_plain_ascii_and_short() -> None:
    assert ascii_text("Phí hồ sơ Đăng ký đất đai 000.00.53.H48", 25) == "Phi ho so Dang ky dat dai"
    parsed = fields(payload("970415", "123", amount=1, purpose="000.00.53.H48-261125-0019"))
    assert parsed["62"] == "0825000.00.53.H48-261125-0019"


@pytest.mark.parametrize(
    ("bank", "account", "amount"),
    [("97041", "1", 1), ("970415", "", 1), ("970415", "12 34", 1), ("970415", "1", 0)],
)
def test_bad_details_are_refused(bank: str, account: str, amount: int) -> None:
    with pytest.raises(VietQRError):
        payload(bank, account, amount=amount)


def test_a_changed_character_fails_the_crc() -> None:
    with pytest.raises(VietQRError, match="CRC"):
        fields(PUBLISHED.replace("120000", "920000"))


@given(
    account=st.text("0123456789ABC", min_size=1, max_size=19),
    amount=st.integers(1, 10**12),
    purpose=st.text(max_size=60),
)
def test_every_built_payload_reads_back(account: str, amount: int, purpose: str) -> None:
    parsed = fields(payload("970436", account, amount=amount, purpose=purpose))
    assert parsed["54"] == str(amount)
    assert parsed["58"] == "VN" and parsed["53"] == "704"
