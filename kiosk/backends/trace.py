"""`kiosk lookup --trace`: one lookup, shown step by step for IT setting up a mapping.

Prints the request (secrets masked), the HTTP status, timing and attempts, the
outline of the JSON answer (paths and types, never values, since values hold
personal data), the raw status value, and the mapped fields as the kiosk will
show them. For a tracking book: the file, its rows and every skipped row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from kiosk.backends import BackendError
from kiosk.backends.http import HttpBackend, parse_json
from kiosk.backends.mapping import MISSING, parse_path, resolve
from kiosk.backends.settings import BackendSettings
from kiosk.backends.tracking_book import TrackingBookBackend
from kiosk.dossier import Dossier
from kiosk.scan import DossierQuery

EXIT_FOUND = 0
EXIT_NOT_FOUND = 3
EXIT_BACKEND = 4  # unreachable, invalid answer, or misconfigured

_OUTLINE_LINES = 150


def trace_lookup(settings: BackendSettings, query: DossierQuery, out: TextIO) -> int:
    """Look `query` up with the configured backend, printing every step to `out`.

    Returns:
        The exit code: 0 found, 3 not found, 4 the back office failed (cause printed).
    """
    out.write(f"backend: {settings.kind}\n")
    out.write(f"code: {query.code}  secret: {'***' if query.secret else '(none)'}\n")
    try:
        if settings.kind == "http":
            dossier = _trace_http(settings, query, out)
        elif settings.kind == "tracking_book":
            dossier = _trace_book(settings, query, out)
        else:
            from kiosk.backends.factory import create_backend

            backend = create_backend(settings)
            try:
                dossier = backend.lookup(query)
            finally:
                backend.close()
    except BackendError as exc:
        out.write(f"FAILED ({exc.kind.value}): {exc.detail}\n")
        return EXIT_BACKEND
    if dossier is None:
        out.write("result: not found\n")
        return EXIT_NOT_FOUND
    out.write("result: found\n")
    write_dossier(dossier, out)
    return EXIT_FOUND


def _trace_http(settings: BackendSettings, query: DossierQuery, out: TextIO) -> Dossier | None:
    backend = HttpBackend(settings.http)
    try:
        exchange = backend.fetch(query)
        answer = exchange.answer
        out.write(f"request: {exchange.where}\n")
        for name, value in exchange.headers:
            out.write(f"  {name}: {value}\n")
        out.write(
            f"answer: HTTP {answer.status}, {len(answer.body):,} bytes, "
            f"{answer.content_type or 'no content type'}, {answer.elapsed_ms:.0f} ms, "
            f"{answer.attempts} attempt(s)\n"
        )
        try:
            document = parse_json(answer, exchange.where)
        except BackendError:
            document = MISSING
        if document is not MISSING:
            out.write("answer outline (paths and types; values hidden):\n")
            for line in outline(document):
                out.write(f"  {line}\n")
            _write_raw_status(backend, document, out)
        return backend.interpret(exchange, query)
    finally:
        backend.close()


def _write_raw_status(backend: HttpBackend, document: Any, out: TextIO) -> None:
    mapping = backend.settings.mapping
    root = resolve(document, parse_path(mapping.root))
    record = root[0] if isinstance(root, list) and root else root
    raw = resolve(record, parse_path(mapping.status)) if record is not MISSING else MISSING
    if raw is MISSING:
        out.write(f"raw status at '{mapping.status}': (absent)\n")
        return
    national = backend.mapper.statuses.status(raw)
    meaning = f"{national.value} {national.national_name}" if national else "UNKNOWN -> 4"
    out.write(f"raw status at '{mapping.status}': {json.dumps(raw)[:60]} -> {meaning}\n")


def _trace_book(settings: BackendSettings, query: DossierQuery, out: TextIO) -> Dossier | None:
    backend = TrackingBookBackend(settings.tracking_book)
    book = backend.refresh()
    out.write(
        f"file: {backend.path} ({book.rows} rows, {len(book.entries)} dossiers, "
        f"{len(book.problems)} skipped)\n"
    )
    for problem in book.problems:
        out.write(f"  skipped {problem}\n")
    return backend.lookup(query)


def write_dossier(dossier: Dossier, out: TextIO) -> None:
    """The mapped fields, one per line, as the kiosk will use them."""
    for field in dataclasses.fields(dossier):
        value = getattr(dossier, field.name)
        if field.name == "steps":
            for step in value:
                out.write(
                    f"  step: {step.name} | {step.unit} | {_show(step.started)} -> "
                    f"{_show(step.finished)}\n"
                )
            continue
        if field.name == "status":
            value = f"{value.value} {value.national_name}"
        out.write(f"  {field.name}: {_show(value)}\n")


def _show(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)


def outline(document: Any) -> list[str]:
    """Every path in `document` with its JSON type (lists shown by their first item)."""
    lines = list(_walk(document, ""))
    if len(lines) > _OUTLINE_LINES:
        lines = [*lines[:_OUTLINE_LINES], f"... {len(lines) - _OUTLINE_LINES} more"]
    return lines


def _walk(node: Any, path: str, depth: int = 0) -> Iterator[str]:
    if depth > 12:
        yield f"{path or '(answer)'}: ..."
        return
    if isinstance(node, Mapping):
        if not node:
            yield f"{path or '(answer)'}: {{}}"
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}" if path else str(key), depth + 1)
    elif isinstance(node, list):
        yield f"{path or '(answer)'}: list of {len(node)}"
        if node:
            yield from _walk(node[0], f"{path}.0" if path else "0", depth + 1)
    else:
        yield f"{path}: {_type(node)}"


def _type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "number"
    return f"text({len(value)})" if isinstance(value, str) else type(value).__name__
