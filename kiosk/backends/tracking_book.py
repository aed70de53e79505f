"""The `tracking_book` source: the dossier tracking book exported as a CSV file.

For offices without API access. The whole book is read into a dictionary keyed
by dossier code (100,000 rows load in well under two seconds), and read again
when the file changes. Rows with a bad date or an unknown status are skipped
and reported once per file version, with their row numbers; the rest is served.
`Dossier.fetched` is the file's modification time: the moment of the export.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import logging
import os
import threading
import unicodedata
from pathlib import Path

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.dates import parse_date
from kiosk.backends.mapping import StatusTable
from kiosk.backends.settings import TrackingBookSettings
from kiosk.dossier import VN_TZ, Dossier, mask_name
from kiosk.scan import DossierQuery

log = logging.getLogger("kiosk.lookup")

_DATE_FIELDS = ("received", "appointment", "completed", "returned")
_SHOWN_PROBLEMS = 20


@dataclasses.dataclass(frozen=True)
class Book:
    """One loaded version of the file.

    Attributes:
        version: (mtime_ns, size, inode) of the file read.
        dossiers: code -> dossier.
        problems: one line per skipped row, e.g. "row 7: unknown status 'Chờ ký'".
        rows: data rows read (skipped ones included).
    """

    version: tuple[int, int, int]
    dossiers: dict[str, Dossier]
    problems: list[str]
    rows: int


class TrackingBookBackend:
    """Dossiers from a CSV tracking book, re-read when the file changes.

    Args:
        settings: the `[backend.tracking_book]` table.

    Raises:
        BackendError: (CONFIG) no file is configured.
    """

    name = "tracking_book"

    def __init__(self, settings: TrackingBookSettings) -> None:
        if not settings.path:
            raise BackendError(ErrorKind.CONFIG, "backend.tracking_book.path is empty")
        self.settings = settings
        self.path = Path(settings.path)
        self._statuses = StatusTable(settings.statuses, "[backend.tracking_book.statuses]")
        self._book: Book | None = None
        self._failed_version: tuple[int, int, int] | None = None
        self._last_failure = ""
        self._lock = threading.Lock()

    @property
    def book(self) -> Book | None:
        """The version of the file being served, if any."""
        return self._book

    def lookup(self, query: DossierQuery) -> Dossier | None:
        """The dossier with that code in the book, `None` if the book has no such row.

        Raises:
            BackendError: (SOURCE) the file cannot be read and nothing was read before.
        """
        book = self.refresh()
        return book.dossiers.get(query.code.strip().upper())

    def refresh(self) -> Book:
        """Read the file again if it changed since the last read; return what is served.

        A file that is missing or unreadable keeps the previous version in service.

        Raises:
            BackendError: (SOURCE) the file cannot be read and nothing was read before.
        """
        with self._lock:
            try:
                stat = os.stat(self.path)
            except OSError as exc:
                return self._keep_or_fail(None, f"{self.path}: cannot open ({exc.strerror})")
            version = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
            if self._book is not None and self._book.version == version:
                return self._book
            if version == self._failed_version and self._book is not None:
                return self._book
            try:
                book = self._load(version, stat.st_mtime)
            except BackendError as exc:
                return self._keep_or_fail(version, exc.detail)
            self._book, self._failed_version, self._last_failure = book, None, ""
            self._report(book)
            return book

    def close(self) -> None:
        """Nothing is held open between lookups."""

    def _keep_or_fail(self, version: tuple[int, int, int] | None, detail: str) -> Book:
        if detail != self._last_failure:  # once, not at every lookup
            log.error("tracking book %s", detail)
            self._last_failure = detail
        self._failed_version = version
        if self._book is None:
            raise BackendError(ErrorKind.SOURCE, detail)
        return self._book

    def _load(self, version: tuple[int, int, int], mtime: float) -> Book:
        text = _read_text(self.path)
        delimiter = self._delimiter(text)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = next(reader, None)
        if not header:
            raise BackendError(ErrorKind.SOURCE, f"{self.path}: the file is empty")
        index = self._columns(header)
        fetched = dt.datetime.fromtimestamp(mtime, VN_TZ)
        dossiers: dict[str, Dossier] = {}
        problems: list[str] = []
        rows = 0
        for number, row in enumerate(reader, start=2):  # row 1 is the header
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            dossier, problem = self._row(row, index, fetched)
            if problem:
                problems.append(f"row {number}: {problem}")
            elif dossier is not None:
                dossiers[dossier.code] = dossier  # a later row is a later state
        return Book(version, dossiers, problems, rows)

    def _delimiter(self, text: str) -> str:
        chosen = self.settings.delimiter
        if chosen == "tab":
            return "\t"
        if chosen != "auto":
            return chosen
        first = text.split("\n", 1)[0]
        return max((";", ",", "\t"), key=first.count)

    def _columns(self, header: list[str]) -> dict[str, int]:
        positions = {_norm(name): i for i, name in enumerate(header)}
        index: dict[str, int] = {}
        missing = []
        for field in dataclasses.fields(self.settings.columns):
            wanted = getattr(self.settings.columns, field.name)
            if not wanted:
                continue
            if _norm(wanted) in positions:
                index[field.name] = positions[_norm(wanted)]
            else:
                missing.append(f"{wanted!r} ({field.name})")
        if missing:
            seen = ", ".join(repr(h.strip()) for h in header[:30])
            raise BackendError(
                ErrorKind.SOURCE,
                f"{self.path}: no column {', '.join(missing)}; the header has {seen} "
                "(set [backend.tracking_book.columns])",
            )
        return index

    def _row(
        self, row: list[str], index: dict[str, int], fetched: dt.datetime
    ) -> tuple[Dossier | None, str]:
        def cell(name: str) -> str:
            position = index.get(name)
            if position is None or position >= len(row):
                return ""
            return row[position].strip()

        code = cell("code").upper()
        if not code:
            return None, "no dossier code"
        raw_status = cell("status")
        status = self._statuses.status(raw_status)
        if status is None:
            return None, f"unknown status {raw_status[:40]!r}"
        dates: dict[str, dt.datetime | None] = {}
        for name in _DATE_FIELDS:
            text = cell(name)
            dates[name] = parse_date(text) if text else None
            if text and dates[name] is None:
                column = getattr(self.settings.columns, name)
                return None, f"bad date in {column!r}"
        dossier = Dossier(
            code=code,
            procedure=" ".join(cell("procedure").split()),
            applicant=mask_name(cell("applicant")),
            received=dates["received"],
            appointment=dates["appointment"],
            completed=dates["completed"],
            returned=dates["returned"],
            status=status,
            agency=" ".join(cell("agency").split()),
            counter=" ".join(cell("counter").split()),
            note=" ".join(cell("note").split()),
            fetched=fetched,
        )
        return dossier, ""

    def _report(self, book: Book) -> None:
        log.info(
            "tracking book %s: %d dossiers from %d rows", self.path, len(book.dossiers), book.rows
        )
        if book.problems:
            shown = "; ".join(book.problems[:_SHOWN_PROBLEMS])
            hidden = len(book.problems) - _SHOWN_PROBLEMS
            more = f"; and {hidden} more" if hidden > 0 else ""
            log.warning(
                "tracking book %s: %d row(s) skipped: %s%s",
                self.path, len(book.problems), shown, more,
            )  # fmt: skip


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BackendError(ErrorKind.SOURCE, f"{path}: cannot read ({exc.strerror})") from None
    # UTF-16 is what Excel calls "Unicode Text"; utf-8-sig also reads UTF-8 without a BOM.
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise BackendError(
            ErrorKind.SOURCE,
            f"{path}: not UTF-8 (byte {exc.start}); export it as 'CSV UTF-8'",
        ) from None


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()
