"""VietQR (NAPAS 247, EMVCo merchant-presented) payloads for paying a fee by bank app.

Pure Python. The payload is a chain of TLV fields `ID(2) LEN(2) VALUE`, ending with
a CRC-16/CCITT-FALSE over the whole string including the CRC's own `6304`.
Point of initiation: `11` static (no amount), `12` dynamic (amount set).
"""

from __future__ import annotations

import re
import unicodedata

NAPAS_GUID = "A000000727"
TRANSFER_TO_ACCOUNT = "QRIBFTTA"  # NAPAS 247 transfer to an account number
STATIC, DYNAMIC = "11", "12"


class VietQRError(ValueError):
    """The payment details cannot make a valid VietQR payload."""


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def _field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise VietQRError(f"field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def ascii_text(text: str, limit: int) -> str:
    """Banks' apps read plain ASCII here: drop diacritics (đ -> d) and odd characters."""
    text = text.replace("đ", "d").replace("Đ", "D")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9 .\-]", "", plain).strip()[:limit]


def payload(bank_bin: str, account: str, *, amount: int | None = None, purpose: str = "") -> str:
    """The VietQR text for a transfer of `amount` VND to `account` at bank `bank_bin`.

    Raises:
        VietQRError: the BIN is not 6 digits, the account is not 1-19 letters or
            digits, or the amount is not a positive whole number.
    """
    if not re.fullmatch(r"\d{6}", bank_bin):
        raise VietQRError("the bank BIN must be 6 digits")
    if not re.fullmatch(r"[0-9A-Za-z]{1,19}", account):
        raise VietQRError("the account number must be 1 to 19 letters or digits")
    if amount is not None and amount <= 0:
        raise VietQRError("the amount must be a positive number of dong")
    beneficiary = _field("00", bank_bin) + _field("01", account)
    merchant = (
        _field("00", NAPAS_GUID) + _field("01", beneficiary) + _field("02", TRANSFER_TO_ACCOUNT)
    )
    text = _field("00", "01") + _field("01", DYNAMIC if amount else STATIC)
    text += _field("38", merchant) + _field("53", "704")
    if amount:
        text += _field("54", str(amount))
    text += _field("58", "VN")
    note = ascii_text(purpose, 25)
    if note:
        text += _field("62", _field("08", note))
    text += "6304"
    return text + f"{crc16_ccitt_false(text.encode('ascii')):04X}"


def fields(text: str) -> dict[str, str]:
    """Split a payload into its top-level fields, checking lengths and the CRC.

    Raises:
        VietQRError: malformed TLV or a CRC that does not match.
    """
    found: dict[str, str] = {}
    index = 0
    while index < len(text):
        tag, size = text[index : index + 2], text[index + 2 : index + 4]
        if len(tag) < 2 or not size.isdigit():
            raise VietQRError(f"malformed field at {index}")
        value = text[index + 4 : index + 4 + int(size)]
        if len(value) != int(size):
            raise VietQRError(f"field {tag} is cut short")
        found[tag] = value
        index += 4 + int(size)
    crc = found.get("63")
    if crc is None or f"{crc16_ccitt_false(text[:-4].encode('ascii')):04X}" != crc.upper():
        raise VietQRError("the CRC does not match")
    return found
