"""Render a commented `config.toml` from the schema: every key, its default.

`kiosk config-template` prints it; the shipped `config.toml` starts from it.
"""

from __future__ import annotations

import dataclasses
import json
import textwrap
import typing
from typing import Any

from kiosk.schema import default_of

HEADER = """\
# Configuration of the counter kiosk.
# Every option is listed with its default value and what it does.
# Check a changed file with:  kiosk check-config config.toml
"""


#: Longer notes printed above a section's table, keyed by the section's path.
NOTES = {
    "backend": """\
Presets for real back offices are in packaging/presets/ (see docs/integration.md):
  kiosk-api.toml        the kiosk's own API (`kiosk demo-server`); = the defaults below
  vnpt-igate.toml       VNPT iGate-shaped search: OAuth2 token + {"content": [...]}
  national-portal.toml  MaHoSo/TenTTHC/TrangThaiHoSo/NgayHenTra via a POST gateway
Paste one over the [backend.http] tables, fill in URLs and secrets, then check with
  kiosk lookup --trace <code> [--secret <ID>]
Offices without API access: kind = "tracking_book" and [backend.tracking_book] path.""",
}


def render(cls: type, header: str = HEADER) -> str:
    """The whole commented file for root section `cls`."""
    out: list[str] = [header]
    _section(cls, [], out, cls.__doc__ or "")
    return "\n".join(out).rstrip() + "\n"


def _section(cls: type, path: list[str], out: list[str], doc: str) -> None:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    scalars = [f for f in fields if not dataclasses.is_dataclass(hints[f.name])]
    tables = [f for f in fields if dataclasses.is_dataclass(hints[f.name])]
    if path and scalars:
        out.append("")
        note = NOTES.get(".".join(path))
        if note:
            out.extend(f"# {line}".rstrip() for line in note.splitlines())
            out.append("#")
        if doc:
            out.extend(_comment(doc))
        out.append(f"[{'.'.join(path)}]")
    for fld in scalars:
        out.extend(_comment(fld.metadata.get("description", "")))
        meta = fld.metadata
        bounds = []
        if meta.get("choices"):
            bounds.append("one of " + ", ".join(_value(c) for c in meta["choices"]))
        if meta.get("min") is not None and hints[fld.name] in (int, float):
            bounds.append(f"min {meta['min']}")
        if meta.get("max") is not None and hints[fld.name] in (int, float):
            bounds.append(f"max {meta['max']}")
        if bounds:
            out.append(f"# ({'; '.join(bounds)})")
        default = default_of(fld)
        if default is None:
            out.append(f"# {fld.name} =")
        else:
            out.append(f"{fld.name} = {_value(default)}")
    for fld in tables:
        _section(hints[fld.name], [*path, fld.name], out, fld.metadata.get("description", ""))


def render_markdown(cls: type) -> str:
    """A reference table of every option (docs/configuration.md)."""
    from kiosk.schema import describe

    rows = [
        "# Configuration reference",
        "",
        "Every option of `config.toml`, its type and default. Generated from the schema by",
        "`kiosk config-template --markdown`; the shipped `config.toml` carries the same text as",
        "comments. Check a file with `kiosk check-config PATH`.",
        "",
        "| option | type | default | what it does |",
        "| --- | --- | --- | --- |",
    ]
    for path, kind, default, description in describe(cls):
        shown = _value(default) if default is not None else "(none)"
        cells = [f"`{path}`", kind, f"`{shown}`", description]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in textwrap.wrap(text, 92)] if text else []


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{ "
            + ", ".join(
                f"{json.dumps(k, ensure_ascii=False)} = {_value(v)}" for k, v in value.items()
            )
            + " }"
        )
    if dataclasses.is_dataclass(value):
        return _value(dataclasses.asdict(value))  # type: ignore[arg-type]
    raise TypeError(f"cannot write {type(value).__name__} to TOML")
