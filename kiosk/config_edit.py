"""Change a few keys of a TOML config file in place, keeping its comments.

Only the lines that hold a changed value are rewritten (an inline comment after
the value stays); a missing key is added at the end of its table, a missing
table at the end of the file. The result is checked against the schema before
the file is replaced atomically. No Qt here.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config import ConfigError, parse, save_text
from kiosk.schema import Problem

_BARE = r"[A-Za-z0-9_-]+|\"[^\"\n]*\"|'[^'\n]*'"
_KEY_RE = re.compile(rf"^[ \t]*((?:{_BARE})(?:[ \t]*\.[ \t]*(?:{_BARE}))*)[ \t]*=")
_HEADER_RE = re.compile(r"^[ \t]*(\[\[?)[ \t]*([^\[\]#]+?)[ \t]*\]\]?[ \t]*(#.*)?$")
_PART_RE = re.compile(_BARE)
_DOTTED_RE = re.compile(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*")


def set_values(path: Path, values: Mapping[str, object]) -> None:
    """Set dotted keys of the TOML config file at `path` to `values`, in place.

    Args:
        path: an existing config file.
        values: dotted key -> new value (bool, int, float, str or a list of them).

    Raises:
        ConfigError: the file would not be a valid config afterwards, or is not
            TOML to begin with; the file is left untouched.
        OSError: the file cannot be read or written.
        ValueError: a key cannot be written in place (e.g. it lives inside an
            inline table) or a value has no TOML form.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        text = handle.read()
    updated = edit_text(text, values, path)
    parse(updated.removeprefix("\ufeff"), path)
    save_text(path, updated)


def edit_text(text: str, values: Mapping[str, object], path: Path = Path("config.toml")) -> str:
    """`text` with each dotted key of `values` set; every other line unchanged.

    Raises:
        ConfigError: `text` is not TOML (`path` names it in the message).
        ValueError: a key cannot be written in place, or a value has no TOML form.
    """
    _toml(text, path)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    for key, value in values.items():
        parts = _split(key)
        rendered = to_toml(value)
        spot = _find(lines, parts)
        if spot is None:
            _insert(lines, parts, rendered, newline)
            continue
        start, end, suffix = spot
        name, rest = lines[start].split("=", 1)
        lead = rest[: len(rest) - len(rest.lstrip(" \t"))]
        lines[start:end] = [f"{name}={lead}{rendered}{suffix}{_ending(lines[end - 1])}"]
    result = "".join(lines)
    try:
        data = _toml(result, path)
    except ConfigError:
        keys = ", ".join(values)
        raise ValueError(f"{keys}: cannot be added to this file; edit it by hand") from None
    for key, value in values.items():
        if _lookup(data, _split(key)) != value:
            raise ValueError(f"{key}: cannot be written in place; edit it by hand")
    return result


def to_toml(value: object) -> str:
    """The TOML spelling of a scalar or a list of scalars.

    Raises:
        ValueError: no TOML form (None, NaN, infinity, other types).
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} has no place in the config")
        return repr(value)
    if isinstance(value, str):
        # JSON's string escapes are all valid in a TOML basic string.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(to_toml(item) for item in value) + "]"
    raise ValueError(f"cannot write {type(value).__name__} to the config")


def _toml(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [Problem("(syntax)", str(exc))]) from None


def _split(key: str) -> list[str]:
    if not _DOTTED_RE.fullmatch(key):
        raise ValueError(f"{key!r} is not a dotted key")
    return key.split(".")


def _key_parts(raw: str) -> list[str]:
    return [p.strip("\"'") for p in _PART_RE.findall(raw)]


def _header(line: str) -> tuple[bool, list[str] | None]:
    """(whether `line` is a table header, its path; None for an array of tables)."""
    match = _HEADER_RE.match(line.rstrip("\r\n"))
    if not match or _KEY_RE.match(line):
        return False, None
    return True, None if match.group(1) == "[[" else _key_parts(match.group(2))


@dataclass
class _Table:
    path: list[str] | None  # None: an array of tables, which keys are never added to
    header: int  # line of its [header]; -1 for the root table
    last: int  # last line of its last key/value; -1 if it has none


def _walk(lines: list[str]) -> tuple[list[_Table], list[tuple[list[str], int, int, str]]]:
    """Every table, and every key as (full path, first line, line after, comment)."""
    tables = [_Table([], -1, -1)]
    keys: list[tuple[list[str], int, int, str]] = []
    index = 0
    while index < len(lines):
        is_header, path = _header(lines[index])
        if is_header:
            tables.append(_Table(path, index, -1))
            index += 1
            continue
        key = _KEY_RE.match(lines[index])
        if not key:
            index += 1
            continue
        end, suffix = _value_end(lines, index)
        table = tables[-1]
        table.last = end - 1
        if table.path is not None:
            keys.append((table.path + _key_parts(key.group(1)), index, end, suffix))
        index = end
    return tables, keys


def _find(lines: list[str], parts: list[str]) -> tuple[int, int, str] | None:
    """(first line, line after the value, text after the value) of a key, or None."""
    for full, start, end, suffix in _walk(lines)[1]:
        if full == parts:
            return start, end, suffix
        if full == parts[: len(full)]:
            raise ValueError(f"{'.'.join(parts)}: inside an inline table; edit it by hand")
    return None


def _value_end(lines: list[str], start: int) -> tuple[int, str]:
    """The line after the value that starts on line `start`, and its inline comment.

    The comment comes back with the spaces before it, or "" when there is none.
    """
    head = ""  # the value's earlier lines, when it spans several
    tail = lines[start].split("=", 1)[1]
    for end in range(start + 1, len(lines) + 1):
        last = tail.rstrip("\r\n")
        # Any '#' may start the comment (or sit in a string): the first cut that parses wins.
        cuts = [m.start() for m in re.finditer("#", last)] + [len(last)]
        for cut in cuts:
            try:
                tomllib.loads("v =" + head + last[:cut])
            except tomllib.TOMLDecodeError:
                continue
            if cut == len(last):
                return end, ""
            return end, last[len(last[:cut].rstrip(" \t")) :]
        if end == len(lines):
            break
        head += tail
        tail = lines[end]
    return start + 1, ""


def _insert(lines: list[str], parts: list[str], rendered: str, newline: str) -> None:
    table_path, name = parts[:-1], parts[-1]
    entry = f"{name} = {rendered}{newline}"
    for table in _walk(lines)[0]:
        if table.path == table_path:
            at = max(table.last, table.header) + 1
            if at > 0 and not _ending(lines[at - 1]):
                lines[at - 1] += newline
            lines.insert(at, entry)
            return
    if lines and not _ending(lines[-1]):
        lines[-1] += newline
    lines.extend([newline, f"[{'.'.join(table_path)}]{newline}", entry])


def _ending(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    return "\n" if line.endswith("\n") else ""


def _lookup(data: dict[str, Any], parts: list[str]) -> Any:
    node: Any = data
    for part in parts:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node
