"""Scanned payload -> dossier query; keystroke-burst detector. Pure Python, no Qt.

`parse` reads what a receipt scanner sent: the plain dossier code, the code
inside a portal URL or inside text, possibly mangled on the way by the scanner
(AIM prefix, control characters), the PC (full-width forms, keyboard layout) or
a Vietnamese typing tool. It never fetches or opens a URL.

Where a payload holds several different codes, the first one found wins, looked
for in this order: the URL's code parameters in the order of `url_params` (not
their order in the URL), then the URL path, then its fragment, then the whole
text from left to right.

The date part (YYMMDD) must be a real calendar date: the back office writes it
from a clock, so `-221399-` can only be a corrupted or invented code, and a
clear refusal beats a "not found" after a slow lookup. No check against today
(codes from the future or the 1990s stay valid: `parse` has no clock).

Error details never repeat the payload: they describe its shape, because a
payload can hold an ID number. Only a URL's scheme and host are quoted.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import re
import unicodedata
import urllib.parse
from collections.abc import Sequence

from kiosk import typing_tools


@dataclasses.dataclass(frozen=True)
class DossierQuery:
    """What the kiosk asks a back office for.

    Attributes:
        code: the normalized dossier code (upper case).
        secret: an optional lookup secret taken from the receipt (such as the
            owner's ID number in a portal URL). Personal data: never shown,
            logged or stored, and kept out of `repr()`.
    """

    code: str
    secret: str | None = dataclasses.field(default=None, repr=False)


DEFAULT_URL_PARAMS = ("MHS", "code", "keyword", "ma", "mahoso", "MaHoSo", "madossier", "q")
DEFAULT_SECRET_PARAMS = ("SGT", "cccd", "cmnd", "secret")
MAX_PAYLOAD = 2000
MAX_AGENCY = 35  # QĐ 20/2020/QĐ-TTg
_MAX_SECRET = 64

# Agency identifier, date received, daily sequence. The look-arounds keep a code
# from being cut out of a longer word (`Á12.22-...` must not yield `12.22-...`).
_CODE = re.compile(
    r"(?<![\w.\u0300-\u036f])([0-9A-Z]+(?:\.[0-9A-Z]+)*)-(\d{2})(\d{2})(\d{2})-(\d{4})"
    r"(?![\w\u0300-\u036f])"
)
STRICT_CODE = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}")
# Scanner symbology identifier (`]Q1` QR, `]C0` Code 128, `]d2` Data Matrix, `]E0`
# EAN), also as Telex (`]` -> `ư`, `[` -> `ơ`, a tone key eaten: `]X0` -> `ữ0`) and
# VNI (`]A1` -> `]Á`) rewrite it. Never part of a code, so always safe to drop.
_AIM = re.compile(r"^(?:[\]\[ươ][a-z][0-9]|[ừứửữựờớởỡợ][0-9]|\][^\x00-\x7f])", re.IGNORECASE)
_URL = re.compile(r"(?:[a-z][a-z0-9+.\-]*://|www\.)\S+", re.IGNORECASE)
_GUID = re.compile(r"\{?[0-9a-f]{8}-?(?:[0-9a-f]{4}-?){3}[0-9a-f]{12}\}?", re.IGNORECASE)
_WORD = re.compile(r"[\w.\-\u0300-\u036f]+")
_TAIL = re.compile(r"(?<=[^-])-\d{6}-\d{4}$")  # date and sequence of a code, after an agency
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


class Reason(enum.Enum):
    """Why a payload gave no query. Values are stable (logs, statistics)."""

    EMPTY = "empty"  # nothing left after whitespace and control characters
    INFO_QR = "info_qr"  # a portal information QR: scan the other code on the receipt
    URL_WITHOUT_CODE = "url_without_code"  # a URL, but no dossier code in it
    NOT_A_CODE = "not_a_code"  # product barcode, random text, noise, impossible date
    TYPING_TOOL = "typing_tool"  # altered by Unikey/EVKey beyond recovery: turn it off
    TOO_LONG = "too_long"  # over MAX_PAYLOAD characters, refused before reading


class ScanError(Exception):
    """A payload that gives no dossier query.

    Args:
        reason: the typed cause (the UI picks the citizen's message from it).
        detail: precise English for the log and the CLI; never quotes the payload.
    """

    def __init__(self, reason: Reason, detail: str) -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.reason.value}: {self.detail}"


@dataclasses.dataclass
class _Search:
    """Codes found so far, in priority order, and why near misses were refused."""

    codes: list[str] = dataclasses.field(default_factory=list)
    misses: list[str] = dataclasses.field(default_factory=list)

    def scan(self, text: str) -> None:
        for m in _CODE.finditer(text.upper()):
            agency, yy, mm, dd = m.group(1), *(int(g) for g in m.group(2, 3, 4))
            if len(agency) > MAX_AGENCY:
                self.misses.append(
                    f"a dossier-code shape whose agency part has {len(agency)} characters"
                    f" (at most {MAX_AGENCY})"
                )
            elif not _is_date(yy, mm, dd):
                self.misses.append(
                    "a dossier-code shape whose date part is not a calendar date"
                    f" (month {mm:02d}, day {dd:02d})"
                )
            else:
                self.codes.append(m.group())


def _is_date(yy: int, mm: int, dd: int) -> bool:
    try:
        datetime.date(2000 + yy, mm, dd)
    except ValueError:
        return False
    return True


def is_code(text: str) -> bool:
    """Whether `text` is exactly one valid dossier code (any case)."""
    search = _Search()
    search.scan(text)
    return search.codes == [text.upper()]


def parse(
    payload: str,
    *,
    url_params: Sequence[str] = DEFAULT_URL_PARAMS,
    secret_params: Sequence[str] = DEFAULT_SECRET_PARAMS,
) -> DossierQuery:
    """Read a dossier query from what a scanner sent.

    Args:
        payload: the scanned text, as received.
        url_params: query parameters that may hold the code, by priority (any case).
        secret_params: query parameters that hold a lookup secret (any case).

    Returns:
        The code (upper case) and the secret if the payload's URL carried one.

    Raises:
        ScanError: the payload holds no usable code; `.reason` says why.
    """
    if len(payload) > MAX_PAYLOAD:
        raise ScanError(
            Reason.TOO_LONG,
            f"payload has {len(payload)} characters; more than {MAX_PAYLOAD} are refused",
        )
    text = _clean(payload)
    if not text:
        raise ScanError(Reason.EMPTY, "nothing left after removing whitespace and control keys")
    try:
        return _extract(text, url_params, secret_params)
    except ScanError as error:
        if error.reason is Reason.INFO_QR:
            raise
        return _recover(text, secret_params, error)


def _clean(payload: str) -> str:
    """Undo what the scanner and the PC add around and inside a payload."""
    text = unicodedata.normalize("NFC", "".join(map(_fold, payload))).translate(_DASHES)
    chars = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cf":  # zero-width space and joiners, BOM, soft hyphen, bidi marks
            continue
        chars.append(" " if category == "Cc" else ch)  # keep words apart
    return _AIM.sub("", "".join(chars).strip(), count=1).strip()


def _fold(ch: str) -> str:
    """NFKC (full-width forms to ASCII), except where it would add a space (`¯` -> ` ̄`)."""
    folded = unicodedata.normalize("NFKC", ch)
    return ch if not ch.isspace() and any(c.isspace() for c in folded) else folded


def _extract(text: str, url_params: Sequence[str], secret_params: Sequence[str]) -> DossierQuery:
    """Find the first code by the documented priority, or raise with the payload's shape."""
    search = _Search()
    url = _URL.search(text)
    parts = _split_url(url.group()) if url else None
    pairs: list[tuple[str, str]] = []
    if parts is not None:
        pairs = _query_pairs(parts)
        for name in url_params:
            for key, value in pairs:
                if key.casefold() == name.casefold():
                    search.scan(value)
        search.scan(urllib.parse.unquote(parts.path))
        search.scan(urllib.parse.unquote(parts.fragment))
    search.scan(text)
    search.scan(urllib.parse.unquote(text))
    if search.codes:
        return DossierQuery(search.codes[0], _secret(pairs, secret_params))
    if parts is not None:
        where = f"URL ({_safe_origin(parts)})"
        if re.search(r"/apiqr(?:/|$)", parts.path, re.IGNORECASE) or any(
            _GUID.fullmatch(value.strip()) for _, value in pairs
        ):
            raise ScanError(
                Reason.INFO_QR,
                f"{where} is a portal information QR without a dossier code;"
                " the receipt's other code holds it",
            )
        if not search.misses:
            raise ScanError(
                Reason.URL_WITHOUT_CODE,
                f"{where} with {len(pairs)} query parameter(s); none, nor the path or"
                " fragment, holds a dossier code",
            )
    if search.misses:
        raise ScanError(Reason.NOT_A_CODE, f"payload holds {search.misses[0]}")
    raise ScanError(Reason.NOT_A_CODE, f"payload is {_shape(text)}, not a dossier code")


def _split_url(url: str) -> urllib.parse.SplitResult | None:
    if url[:4].lower() == "www.":
        url = "//" + url
    try:
        return urllib.parse.urlsplit(url)
    except ValueError:  # such as an unbalanced `[` in the host: read it as text
        return None


def _query_pairs(parts: urllib.parse.SplitResult) -> list[tuple[str, str]]:
    """Query parameters, plus those of a fragment route (`#/tra-cuu?MHS=...`)."""
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    _, mark, fragment_query = parts.fragment.partition("?")
    if mark:
        pairs += urllib.parse.parse_qsl(fragment_query, keep_blank_values=True)
    return pairs


def _secret(pairs: list[tuple[str, str]], secret_params: Sequence[str]) -> str | None:
    for name in secret_params:
        for key, value in pairs:
            value = value.strip()
            if key.casefold() == name.casefold() and 0 < len(value) <= _MAX_SECRET:
                return value
    return None


def _safe_origin(parts: urllib.parse.SplitResult) -> str:
    """Scheme and host, unless the host could be personal data (a long number)."""
    host = parts.hostname or ""
    scheme = parts.scheme if re.fullmatch("[a-z]{1,10}", parts.scheme) else "?"
    if not re.fullmatch(r"[a-z0-9.\-]{1,253}", host) or re.search(r"\d{6}", host):
        host = "<host not shown>"
    return f"{scheme}://{host}"


def _shape(text: str) -> str:
    """Describe a payload without repeating any of it."""
    if text.isdigit() and text.isascii():
        if len(text) == 13:
            return "13 digits, the shape of a product barcode (EAN-13)"
        return f"{len(text)} digits"
    if text.count("|") >= 5:
        return f"{text.count('|') + 1} fields separated by '|' (a citizen ID card QR?)"
    letters = sum(ch.isalpha() for ch in text)
    digits = sum(ch.isdigit() for ch in text)
    return f"text of {len(text)} characters ({letters} letters, {digits} digits)"


def _recover(text: str, secret_params: Sequence[str], error: ScanError) -> DossierQuery:
    """Undo a typing tool or keyboard layout, if exactly one code results.

    A code matching today's strict shape wins over codes matching only the wide
    grammar: every code issued now has that shape, and a typing tool turns it
    into something the wide grammar accepts in several ways (`W12` -> `Ư12`
    could be `UW12` too).
    """
    codes: set[str] = set()
    overflow = altered = False
    for word in _WORD.findall(text):
        word = word.strip(".-").upper()
        if word.isascii() or len(word) > MAX_AGENCY + 12:  # no code, even undone
            continue
        found = typing_tools.candidates(word, _TAIL)
        if found is None:
            overflow = True  # refused whatever else is found: stop working
            break
        found = {_AIM.sub("", c) for c in found}
        altered = altered or any(_TAIL.search(c) for c in (word, *found))
        codes |= {c for c in found if is_code(c)}
    pick = {c for c in codes if STRICT_CODE.fullmatch(c)} or codes
    if len(pick) == 1 and not overflow:
        code = pick.pop()
        secret = _secret(_query_pairs_of(text), secret_params)
        if secret is None:  # perhaps typed through the layout too: only if unambiguous
            readings = typing_tools.layout_readings(text) or []
            secrets = {_secret(_query_pairs_of(r), secret_params) for r in readings}
            secret = secrets.pop() if len(secrets) == 1 else None
        return DossierQuery(code, secret)
    if pick or overflow:
        raise ScanError(
            Reason.TYPING_TOOL,
            f"payload looks rewritten by a Vietnamese typing tool or keyboard layout and"
            f" {'too many' if overflow else len(pick)} different codes could be meant;"
            " turn off Unikey/EVKey (or use the scanner's USB-COM mode)",
        )
    if altered:
        raise ScanError(
            Reason.TYPING_TOOL,
            "payload has a dossier-code skeleton rewritten by a Vietnamese typing tool or"
            " keyboard layout that cannot be undone; turn off Unikey/EVKey",
        )
    raise error


def _query_pairs_of(text: str) -> list[tuple[str, str]]:
    url = _URL.search(text)
    parts = _split_url(url.group()) if url else None
    return _query_pairs(parts) if parts is not None else []


# ---------------------------------------------------------------------------


class BurstDetector:
    """Tell a USB scanner in keyboard mode from a person typing.

    A scanner types its payload a few milliseconds per key and ends with Enter
    or Tab (some send nothing). A person types at 100 ms or more per key. Time
    is passed in (milliseconds, monotonic), so tests need no clock.

    A key arriving more than `max_gap_ms` after the previous one starts a new
    buffer and drops the old one. A buffer is a scan when it has at least
    `min_length` characters (all its gaps are small by construction). The
    terminator may come up to `TERMINATOR_GAP_FACTOR * max_gap_ms` after the
    last key, because some scanners pause before sending Enter.

    Args:
        max_gap_ms: largest gap between two keys of one scan.
        min_length: fewest characters a scan can have.
        idle_complete_ms: a scan with no terminator is complete once this long
            has passed since its last key (`None`: only a terminator ends a scan).
    """

    TERMINATOR_GAP_FACTOR = 3

    def __init__(
        self, max_gap_ms: float = 40, min_length: int = 8, idle_complete_ms: float | None = 150
    ) -> None:
        if max_gap_ms <= 0 or min_length < 1:
            raise ValueError("max_gap_ms and min_length must be positive")
        if idle_complete_ms is not None and idle_complete_ms <= 0:
            raise ValueError("idle_complete_ms must be positive (or None to disable)")
        self._max_gap = max_gap_ms
        self._min_length = min_length
        self._idle_complete = idle_complete_ms
        self._keys: list[str] = []
        self._last: float | None = None

    def key(self, text: str, now_ms: float) -> None:
        """Record a printable keystroke (`text` may be several characters when composed)."""
        if not text:
            return
        if self._last is not None and not 0 <= now_ms - self._last <= self._max_gap:
            self._keys.clear()  # too slow (or the clock went back): a new start
        self._keys.append(text)
        self._last = now_ms

    def terminator(self, now_ms: float) -> str | None:
        """Enter or Tab: the payload if the buffer is a scan, else `None`. Resets."""
        payload = None
        if self._last is not None and self._is_scan():
            gap = now_ms - self._last
            if 0 <= gap <= self.TERMINATOR_GAP_FACTOR * self._max_gap:
                payload = "".join(self._keys)
        self.reset()
        return payload

    def poll(self, now_ms: float) -> str | None:
        """Called by a timer: a scan that ended without terminator, once idle long enough.

        Resets once the buffer has been idle for `idle_complete_ms`, scan or not.
        """
        if self._idle_complete is None or self._last is None:
            return None
        if now_ms - self._last < self._idle_complete:
            return None
        payload = "".join(self._keys) if self._is_scan() else None
        self.reset()
        return payload

    def reset(self) -> None:
        """Forget the buffer."""
        self._keys.clear()
        self._last = None

    @property
    def in_burst(self) -> bool:
        """Whether the keys so far look like a scan in progress (at least 2 fast keys)."""
        return len(self._keys) >= 2

    def _is_scan(self) -> bool:
        return sum(len(k) for k in self._keys) >= self._min_length
