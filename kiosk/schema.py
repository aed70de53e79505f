"""Declare settings once (type, default, bounds, description) and validate them.

A section is a frozen dataclass whose fields are made with `opt()`. `build()`
turns a parsed TOML table into that dataclass, collecting *every* problem
(with its dotted key path) instead of stopping at the first one. Pure Python:
no Qt, no I/O.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Problem:
    """One thing wrong in a settings file.

    Attributes:
        path: dotted key path, e.g. ``display.result_timeout_s``.
        message: what is wrong and what is allowed, in plain words.
        line: 1-based line in the file, when it could be found.
    """

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.message}"


def opt(
    default: Any,
    description: str,
    *,
    min: float | None = None,
    max: float | None = None,
    choices: tuple[Any, ...] | None = None,
    secret: bool = False,
) -> Any:
    """Declare one setting with its default, description and bounds.

    Lists, dicts and sections are given as a zero-argument factory or as the
    value itself (copied for each instance).
    """
    meta = {
        "description": description,
        "min": min,
        "max": max,
        "choices": choices,
        "secret": secret,
    }
    if isinstance(default, (list, dict)):
        frozen = default
        return dataclasses.field(
            default_factory=lambda: type(frozen)(frozen), metadata=meta
        )
    if dataclasses.is_dataclass(default) and isinstance(default, type):
        return dataclasses.field(default_factory=default, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def build(cls: type[T], data: Mapping[str, Any], path: str = "") -> tuple[T, list[Problem]]:
    """Build section `cls` from `data`, falling back to defaults where invalid.

    Returns the section and every problem found. A key that is wrong keeps its
    default, so the caller can still see the whole picture.
    """
    problems: list[Problem] = []
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for key, raw in data.items():
        key_path = f"{path}.{key}" if path else key
        fld = known.get(key)
        if fld is None:
            hint = difflib.get_close_matches(key, list(known), n=1)
            extra = f" (did you mean '{hint[0]}'?)" if hint else ""
            problems.append(Problem(key_path, f"unknown key{extra}"))
            continue
        value, found = _convert(hints[key], raw, key_path, fld.metadata)
        problems.extend(found)
        if not found:
            values[key] = value
    return cls(**values), problems


def _convert(
    hint: Any, raw: Any, path: str, meta: Mapping[str, Any]
) -> tuple[Any, list[Problem]]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in args if a is not type(None)]
        # TOML has no null: an optional setting is simply left out.
        return _convert(options[0], raw, path, meta)
    if dataclasses.is_dataclass(hint):
        if not isinstance(raw, Mapping):
            return None, [Problem(path, f"must be a table, not {_kind(raw)}")]
        return build(hint, raw, path)  # type: ignore[arg-type]
    if origin is list:
        if not isinstance(raw, list):
            return None, [Problem(path, f"must be a list, not {_kind(raw)}")]
        items, problems = [], []
        for index, item in enumerate(raw):
            value, found = _convert(args[0], item, f"{path}[{index}]", meta)
            items.append(value)
            problems.extend(found)
        return items, problems
    if origin is dict:
        if not isinstance(raw, Mapping):
            return None, [Problem(path, f"must be a table, not {_kind(raw)}")]
        result, problems = {}, []
        for key, item in raw.items():
            value, found = _convert(args[1], item, f"{path}.{key}", meta)
            result[str(key)] = value
            problems.extend(found)
        return result, problems
    return _scalar(hint, raw, path, meta)


def _scalar(hint: Any, raw: Any, path: str, meta: Mapping[str, Any]) -> tuple[Any, list[Problem]]:
    if hint is float and isinstance(raw, int) and not isinstance(raw, bool):
        raw = float(raw)
    if hint is bool and not isinstance(raw, bool):
        return None, [Problem(path, f"must be true or false, not {_kind(raw)}")]
    if hint in (int, float) and (isinstance(raw, bool) or not isinstance(raw, hint)):
        name = "a whole number" if hint is int else "a number"
        return None, [Problem(path, f"must be {name}, not {_kind(raw)}")]
    if hint is str and not isinstance(raw, str):
        return None, [Problem(path, f"must be a text in quotes, not {_kind(raw)}")]
    choices = meta.get("choices")
    if choices and raw not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        return None, [Problem(path, f"must be one of {allowed}, not {raw!r}")]
    low, high = meta.get("min"), meta.get("max")
    if hint in (int, float):
        if low is not None and raw < low:
            return None, [Problem(path, f"must be at least {low}, not {raw}")]
        if high is not None and raw > high:
            return None, [Problem(path, f"must be at most {high}, not {raw}")]
    if hint is str and low is not None and len(raw) < low:
        return None, [Problem(path, f"must have at least {int(low)} characters")]
    return raw, []


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, str):
        return f"a text ({value!r})" if len(value) < 40 else "a text"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a table"
    return type(value).__name__


def describe(cls: type, prefix: str = "") -> list[tuple[str, str, Any, str]]:
    """List every setting below `cls` as (path, type, default, description)."""
    rows: list[tuple[str, str, Any, str]] = []
    hints = typing.get_type_hints(cls)
    for fld in dataclasses.fields(cls):
        path = f"{prefix}.{fld.name}" if prefix else fld.name
        hint = hints[fld.name]
        if dataclasses.is_dataclass(hint):
            rows.extend(describe(hint, path))  # type: ignore[arg-type]
            continue
        rows.append((path, _type_name(hint), default_of(fld), fld.metadata.get("description", "")))
    return rows


def default_of(fld: dataclasses.Field[Any]) -> Any:
    """The default value of a declared setting (calling its factory if it has one)."""
    if fld.default_factory is not dataclasses.MISSING:
        return fld.default_factory()
    return fld.default


def _type_name(hint: Any) -> str:
    return str(hint).replace("typing.", "") if typing.get_origin(hint) else hint.__name__
