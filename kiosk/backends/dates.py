"""Dates as back offices write them, parsed without guessing the time zone wrong.

Accepted forms (anything else is `None`):
- ISO 8601 with an offset written `+07:00`, `+0700` or `Z`, optional fraction;
  without an offset the time is taken as Vietnam time.
- `dd/MM/yyyy`, `dd/MM/yyyy HH:mm`, `dd/MM/yyyy HH:mm:ss` (also with `-` or `.`),
  in Vietnam time.
- `yyyyMMddHHmmss` (14 digits, the national portal's synchronisation format).
- Epoch milliseconds, as a number or as a 12- or 13-digit text.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from kiosk.dossier import VN_TZ

_ISO_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_DMY_RE = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$")
_EPOCH_TEXT_RE = re.compile(r"^-?\d{12,13}$")

# Epoch milliseconds outside this window are more likely a wrong mapping than a date.
_EPOCH_MIN_MS = 0
_EPOCH_MAX_MS = 4_102_444_800_000  # 2100-01-01


def parse_date(value: object) -> dt.datetime | None:
    """Parse a back-office date into an aware datetime, or `None` if it is not one.

    Never raises: any value (list, None, bool, garbage text) gives `None`.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch_ms(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 40:
        return None
    try:
        return _parse_text(text)
    except (ValueError, OverflowError):
        return None  # e.g. 31/02/2026: well-formed but no such day


def _parse_text(text: str) -> dt.datetime | None:
    match = _ISO_RE.match(text)
    if match:
        year, month, day, hour, minute, second, fraction, offset = match.groups()
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        return dt.datetime(
            int(year), int(month), int(day),
            int(hour or 0), int(minute or 0), int(second or 0), micro,
            tzinfo=_zone(offset),
        )  # fmt: skip
    match = _DMY_RE.match(text)
    if match:
        day, month, year, hour, minute, second = match.groups()
        return dt.datetime(
            int(year), int(month), int(day),
            int(hour or 0), int(minute or 0), int(second or 0),
            tzinfo=VN_TZ,
        )  # fmt: skip
    match = _COMPACT_RE.match(text)
    if match:
        year, month, day, hour, minute, second = (int(p) for p in match.groups())
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=VN_TZ)
    if _EPOCH_TEXT_RE.match(text):
        return _from_epoch_ms(int(text))
    return None


def _zone(offset: str | None) -> dt.tzinfo:
    if offset is None:
        return VN_TZ
    if offset.upper() == "Z":
        return dt.UTC
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise ValueError("offset out of range")
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _from_epoch_ms(value: float) -> dt.datetime | None:
    if not math.isfinite(value) or not _EPOCH_MIN_MS <= value <= _EPOCH_MAX_MS:
        return None
    return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC).astimezone(VN_TZ)
