"""How many scans the kiosk answered each day: counts by date, nothing else.

The counters are kept in memory and written through to a small SQLite file
(WAL mode) in the kiosk's data folder, so they survive restarts. Only a date,
an outcome name and a number are stored: never a code, a name or a secret.
A damaged or locked file is moved aside and started afresh, with one log line;
if even that fails, counting goes on in memory. No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from kiosk import log
from kiosk.dossier import VN_TZ

#: What a scan can end in: a dossier shown, no such dossier, the back office
#: failed, or the scan was not a dossier code at all.
OUTCOMES = ("found", "not_found", "failed", "refused")

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS daily (
    day TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ({", ".join(repr(o) for o in OUTCOMES)})),
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (day, outcome)
) WITHOUT ROWID
"""


def default_path() -> Path:
    """Where the counters live: the kiosk's data folder."""
    return log.data_dir() / "usage.sqlite3"


def _vn_now() -> dt.datetime:
    return dt.datetime.now(VN_TZ)


class UsageCounter:
    """Today's scan outcomes, counted in memory and kept in SQLite.

    Use from one thread (the UI thread); call `close()` when done.
    """

    def __init__(self, path: Path, clock: Callable[[], dt.datetime] = _vn_now) -> None:
        self._path = path
        self._clock = clock
        self._day = clock().date()
        self._counts = dict.fromkeys(OUTCOMES, 0)
        self._last_lookup: str | None = None
        self._db: sqlite3.Connection | None = None
        self._open()
        self._counts = self._read(self._day)

    @property
    def path(self) -> Path:
        """The SQLite file."""
        return self._path

    @property
    def last_lookup(self) -> str | None:
        """Outcome of the last back-office lookup since start ("found", "not_found",
        "failed"), or None before the first."""
        return self._last_lookup

    def record(self, outcome: str) -> None:
        """Count one scan that ended in `outcome` (one of `OUTCOMES`).

        Raises:
            ValueError: `outcome` is not one of `OUTCOMES`.
        """
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        self._roll_over()
        self._counts[outcome] += 1
        if outcome != "refused":
            self._last_lookup = outcome
        try:
            self._write(outcome)
        except sqlite3.Error as exc:
            self._recover(exc)

    def today(self) -> dict[str, int]:
        """Today's count of each outcome."""
        self._roll_over()
        return dict(self._counts)

    def days(self, n: int) -> list[tuple[dt.date, dict[str, int]]]:
        """The last `n` days, today first, with every outcome's count (zeros included)."""
        self._roll_over()
        result = []
        for back in range(n):
            day = self._day - dt.timedelta(days=back)
            result.append((day, dict(self._counts) if back == 0 else self._read(day)))
        return result

    def close(self) -> None:
        """Close the database file."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> UsageCounter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _roll_over(self) -> None:
        day = self._clock().date()
        if day != self._day:
            self._day = day
            self._counts = self._read(day)

    def _open(self) -> None:
        try:
            self._db = self._connect()
        except (OSError, sqlite3.Error) as exc:
            self._recover(exc)

    def _connect(self) -> sqlite3.Connection:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        # A short timeout: a locked file must not freeze the screen.
        db = sqlite3.connect(self._path, timeout=0.5, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            check = db.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {check[0] if check else '?'}")
            db.execute(_SCHEMA)
            columns = [row[1] for row in db.execute("PRAGMA table_info(daily)")]
            if columns != ["day", "outcome", "count"]:
                raise sqlite3.DatabaseError(f"unexpected columns {columns}")
        except BaseException:
            db.close()
            raise
        return db

    def _write(self, outcome: str) -> None:
        if self._db is None:
            return
        self._db.execute(
            "INSERT INTO daily (day, outcome, count) VALUES (?, ?, 1) "
            "ON CONFLICT (day, outcome) DO UPDATE SET count = count + 1",
            (self._day.isoformat(), outcome),
        )

    def _read(self, day: dt.date) -> dict[str, int]:
        counts = dict.fromkeys(OUTCOMES, 0)
        if self._db is None:
            return counts if day != self._day else dict(self._counts)
        try:
            rows = self._db.execute(
                "SELECT outcome, count FROM daily WHERE day = ?", (day.isoformat(),)
            ).fetchall()
        except sqlite3.Error as exc:
            self._recover(exc)
            return counts if day != self._day else dict(self._counts)
        for outcome, count in rows:
            if outcome in counts:
                counts[outcome] = int(count)
        return counts

    def _recover(self, error: OSError | sqlite3.Error) -> None:
        """Move the unusable file aside, start a new one holding today's counts."""
        self.close()
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self._path.with_name(f"{self._path.name}.bad-{stamp}")
        try:
            if self._path.exists():
                self._path.replace(aside)
            for suffix in ("-wal", "-shm"):
                extra = self._path.with_name(self._path.name + suffix)
                if extra.exists():
                    extra.replace(aside.with_name(aside.name + suffix))
            self._db = self._connect()
            self._db.executemany(
                "INSERT INTO daily (day, outcome, count) VALUES (?, ?, ?)",
                [(self._day.isoformat(), o, c) for o, c in self._counts.items() if c],
            )
        except (OSError, sqlite3.Error) as exc:
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.close()
            self._db = None
            log.app.error(
                "usage counts: %s unusable (%s) and cannot be replaced (%s); counting in memory",
                self._path, error, exc,
            )
            return
        log.app.warning("usage counts: %s unusable (%s); moved to %s", self._path, error, aside)
