"""Map a back office's JSON answer onto a `Dossier`, as configured.

The mapping language is a dotted path with list indices: `content.0.name`,
`procedure.translate[0].name` and `currentTask.-1.name` (last item) all work.
Any JSON document gives a `Dossier`, `None` (not found) or a `BackendError`
of kind SHAPE; nothing else escapes. The applicant's name is masked here and
the full name goes no further.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
import unicodedata
from collections.abc import Mapping
from typing import Any

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.dates import parse_date
from kiosk.backends.http_settings import MappingSettings
from kiosk.dossier import Dossier, Status, Step, mask_name
from kiosk.scan import DossierQuery

log = logging.getLogger("kiosk.lookup")

MISSING: Any = object()
_MAX_STEPS = 50
_MAX_TEXT = 300
_INDEX_RE = re.compile(r"\[(-?\d+)\]")


def parse_path(path: str) -> tuple[str, ...]:
    """Split `a.b[0].c` into ('a', 'b', '0', 'c'); an empty path is ()."""
    text = _INDEX_RE.sub(r".\1", path.strip())
    return tuple(part for part in text.split(".") if part)


def resolve(document: Any, parts: tuple[str, ...]) -> Any:
    """The value at `parts` inside `document`, or `MISSING`."""
    node = document
    for part in parts:
        if isinstance(node, Mapping):
            if part not in node:
                return MISSING
            node = node[part]
        elif isinstance(node, list):
            try:
                index = int(part)
            except ValueError:
                return MISSING
            if not -len(node) <= index < len(node):
                return MISSING
            node = node[index]
        else:
            return MISSING
    return node


def normalize_value(value: Any) -> str | None:
    """A status or marker value as comparable text (`4`, `4.0` and `"4"` agree)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFC", value).split()).casefold()
    return None


class StatusTable:
    """Back-office status values -> national statuses; unknown values are logged once.

    Args:
        table: raw value (as text) -> national code 1-10.
        where: the config table IT should edit, named in the log message.
    """

    def __init__(self, table: Mapping[str, int], where: str) -> None:
        self._table: dict[str, Status] = {}
        for key, code in table.items():
            norm = normalize_value(key)
            if norm is not None:
                self._table[norm] = Status(code)
        self._where = where
        self._reported: set[str] = set()
        self._lock = threading.Lock()

    def status(self, raw: Any) -> Status | None:
        """The national status for `raw`, or `None` if the table does not know it."""
        norm = normalize_value(raw)
        return None if norm is None else self._table.get(norm)

    def status_or_processing(self, raw: Any) -> Status:
        """Like `status`, but an unknown value is 'Đang xử lý' and logged for IT once."""
        found = self.status(raw)
        if found is not None:
            return found
        shown = repr(raw)[:60]
        with self._lock:
            fresh = shown not in self._reported and len(self._reported) < 200
            self._reported.add(shown)
        if fresh:
            log.warning(
                "unknown status value %s from the back office, shown as 'Đang xử lý'; "
                "add it to %s",
                shown,
                self._where,
            )
        return Status.PROCESSING


def text_of(value: Any) -> str:
    """A short display text for a scalar; '' for anything else."""
    if isinstance(value, bool) or value is None or value is MISSING:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return " ".join(value.split())[:_MAX_TEXT]
    return ""


class Mapper:
    """Turns a JSON document into a `Dossier` according to `MappingSettings`."""

    def __init__(self, settings: MappingSettings) -> None:
        self.settings = settings
        self._paths = {
            name: parse_path(getattr(settings, name))
            for name in (
                "root", "code", "procedure", "applicant", "agency", "received", "appointment",
                "completed", "returned", "status", "counter", "fee", "fee_paid", "note", "steps",
            )
        }  # fmt: skip
        step = settings.step
        self._step_paths = {
            name: parse_path(getattr(step, name))
            for name in ("name", "unit", "started", "finished")
        }
        self._marker = parse_path(settings.not_found.field)
        self._marker_values = {normalize_value(v) for v in settings.not_found.values}
        self.statuses = StatusTable(settings.statuses, "[backend.http.mapping.statuses]")

    def has_not_found_marker(self, document: Any) -> bool:
        """Whether the document carries the configured 'not found' field value."""
        if not self._marker:
            return False
        value = resolve(document, self._marker)
        return value is not MISSING and normalize_value(value) in self._marker_values

    def dossier(self, document: Any, query: DossierQuery, fetched: dt.datetime) -> Dossier | None:
        """Map a successful answer; `None` when it says the dossier is not known.

        Raises:
            BackendError: (SHAPE) the answer is JSON but not of the configured shape.
        """
        if self.has_not_found_marker(document):
            return None
        record = self._select(document, query)
        if record is None:
            return None
        return self._build(record, query, fetched)

    def _select(self, document: Any, query: DossierQuery) -> Mapping[str, Any] | None:
        root = self._paths["root"]
        node = resolve(document, root)
        where = f"'{self.settings.root}'" if root else "the answer"
        if node is MISSING:
            raise BackendError(
                ErrorKind.SHAPE, f"no {where} in the answer ({_outline(document)})"
            )
        if node is None:
            if self.settings.not_found.empty:
                return None
            raise BackendError(ErrorKind.SHAPE, f"{where} is null")
        if isinstance(node, list):
            return self._pick(node, where, query)
        if isinstance(node, Mapping):
            return node
        raise BackendError(
            ErrorKind.SHAPE, f"{where} is {_json_kind(node)}, expected an object or a list"
        )

    def _pick(self, items: list[Any], where: str, query: DossierQuery) -> Mapping[str, Any] | None:
        if not items:
            if self.settings.not_found.empty:
                return None
            raise BackendError(ErrorKind.SHAPE, f"{where} is an empty list")
        records = [item for item in items if isinstance(item, Mapping)]
        if not records:
            raise BackendError(
                ErrorKind.SHAPE, f"{where} holds {_json_kind(items[0])}, expected objects"
            )
        if self.settings.pick == "first" or not self._paths["code"]:
            return records[0]
        for record in records:
            if text_of(resolve(record, self._paths["code"])).upper() == query.code.upper():
                return record
        return None  # the search matched other dossiers only

    def _build(
        self, record: Mapping[str, Any], query: DossierQuery, fetched: dt.datetime
    ) -> Dossier:
        raw_status = self._value(record, "status")
        if raw_status is MISSING or raw_status is None:
            raise BackendError(
                ErrorKind.SHAPE,
                f"no status at '{self.settings.status}' in the record ({_outline(record)})",
            )
        code = text_of(self._value(record, "code")).upper() or query.code.upper()
        applicant = self._value(record, "applicant")
        return Dossier(
            code=code,
            procedure=text_of(self._value(record, "procedure")),
            # The full name stops here: only the masked form goes on.
            applicant=mask_name(applicant) if isinstance(applicant, str) else "",
            received=self._date(record, "received"),
            appointment=self._date(record, "appointment"),
            completed=self._date(record, "completed"),
            returned=self._date(record, "returned"),
            status=self.statuses.status_or_processing(raw_status),
            steps=self._steps(record),
            agency=text_of(self._value(record, "agency")),
            counter=text_of(self._value(record, "counter")),
            fee=self._fee(record),
            note=text_of(self._value(record, "note")),
            fetched=fetched,
        )

    def _value(self, record: Any, name: str) -> Any:
        parts = self._paths[name]
        return resolve(record, parts) if parts else MISSING

    def _date(self, record: Any, name: str) -> dt.datetime | None:
        value = self._value(record, name)
        if value is MISSING or value is None or value == "":
            return None
        parsed = parse_date(value)
        if parsed is None:
            # The value itself is not logged: a wrong path could point at personal data.
            log.warning(
                "field %s at '%s' is not a date (%s); left empty",
                name, getattr(self.settings, name), _json_kind(value),
            )  # fmt: skip
        return parsed

    def _fee(self, record: Any) -> int | None:
        if self._value(record, "fee_paid") is True:
            return None
        amount = self._value(record, "fee")
        if isinstance(amount, str):
            amount = amount.replace(".", "").replace(",", "").strip()
            amount = int(amount) if amount.isdigit() else None
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            return None
        if amount != amount or not 0 < amount < 10**12:  # NaN or absurd
            return None
        return int(amount)

    def _steps(self, record: Any) -> tuple[Step, ...]:
        items = self._value(record, "steps")
        if not isinstance(items, list):
            return ()
        steps = []
        for item in items[:_MAX_STEPS]:
            name = text_of(self._step_value(item, "name"))
            if not name:
                continue
            steps.append(
                Step(
                    name=name,
                    unit=text_of(self._step_value(item, "unit")),
                    started=parse_date(self._step_value(item, "started")),
                    finished=parse_date(self._step_value(item, "finished")),
                )
            )
        return tuple(steps)

    def _step_value(self, item: Any, name: str) -> Any:
        parts = self._step_paths[name]
        return resolve(item, parts) if parts else MISSING


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return f"a text of {len(value)} characters"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _outline(document: Any) -> str:
    """The top-level keys of a document (names only, never values)."""
    if isinstance(document, Mapping):
        keys = [str(k)[:40] for k in list(document)[:12]]
        more = ", ..." if len(document) > 12 else ""
        return f"keys: {', '.join(keys)}{more}" if keys else "an empty object"
    return f"the answer is {_json_kind(document)}"
