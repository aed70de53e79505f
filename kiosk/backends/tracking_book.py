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
from kiosk.dossier import VN_TZ, Dossier, Status, mask_name
from kiosk.scan import DossierQuery

log = logging.getLogger("kiosk.lookup")

_DATE_FIELDS = ("received", "appointment", "completed", "returned")
_SHOWN_PROBLEMS = 20


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """One valid row: its cells, and the status and dates already checked."""

    cells: list[str]
    status: Status
    dates: dict[str, dt.datetime | None]


@dataclasses.dataclass(frozen=True)
class Book:
    """One loaded version of the file.

    Attributes:
        version: (mtime_ns, size, inode) of the file read.
        fetched: the file's modification time (when it was exported).
        columns: field name -> column position.
        entries: code -> valid row.
        problems: one line per skipped row, e.g. "row 7: unknown status 'Chờ ký'".
        rows: data rows read (skipped ones included).
    """

    version: tuple[int, int, int]
    fetched: dt.datetime
    columns: dict[str, int]
    entries: dict[str, Entry]
    problems: list[str]
    rows: int

    def dossier(self, entry: Entry) -> Dossier:
        """The row as a `Dossier`; built on demand, since masking 100,000 names at load is slow."""

        def text(name: str) -> str:
            position = self.columns.get(name)
            return "" if position is None else " ".join(_cell(entry.cells, position).split())

        return Dossier(
            code=_cell(entry.cells, self.columns["code"]).upper(),
            procedure=text("procedure"),
            applicant=mask_name(text("applicant")),
            received=entry.dates.get("received"),
            appointment=entry.dates.get("appointment"),
            completed=entry.dates.get("completed"),
            returned=entry.dates.get("returned"),
            status=entry.status,
            agency=text("agency"),
            counter=text("counter"),
            note=text("note"),
            fetched=self.fetched,
        )


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
        entry = book.entries.get(query.code.strip().upper())
        return None if entry is None else book.dossier(entry)

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
        entries: dict[str, Entry] = {}
        problems: list[str] = []
        rows = 0
        # Books repeat the same few statuses and dates on thousands of rows: parse each once.
        statuses: dict[str, Status | None] = {}
        dates: dict[str, dt.datetime | None] = {"": None}
        code_at, status_at = index["code"], index["status"]
        date_at = [(index[name], name) for name in _DATE_FIELDS if name in index]
        for number, row in enumerate(reader, start=2):  # row 1 is the header
            if not any(row):
                continue
            rows += 1
            code = _cell(row, code_at).upper()
            if not code:
                problems.append(f"row {number}: no dossier code")
                continue
            raw_status = _cell(row, status_at)
            if raw_status not in statuses:
                statuses[raw_status] = self._statuses.status(raw_status)
            status = statuses[raw_status]
            if status is None:
                problems.append(f"row {number}: unknown status {raw_status[:40]!r}")
                continue
            parsed: dict[str, dt.datetime | None] = {}
            for position, name in date_at:
                cell = _cell(row, position)
                if cell not in dates:
                    dates[cell] = parse_date(cell)
                parsed[name] = dates[cell]
                if parsed[name] is None and cell:
                    column = getattr(self.settings.columns, name)
                    problems.append(f"row {number}: bad date in {column!r}")
                    break
            else:
                entries[code] = Entry(row, status, parsed)  # a later row is a later state
        fetched = dt.datetime.fromtimestamp(mtime, VN_TZ)
        return Book(version, fetched, index, entries, problems, rows)

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

    def _report(self, book: Book) -> None:
        log.info(
            "tracking book %s: %d dossiers from %d rows", self.path, len(book.entries), book.rows
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


def _cell(row: list[str], position: int) -> str:
    return row[position].strip() if position < len(row) else ""


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()
