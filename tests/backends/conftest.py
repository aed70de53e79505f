"""Fixtures: loopback servers started and stopped by the tests, settings from TOML."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.backends.settings import BackendSettings
from kiosk.schema import build
from tests.backends.server import Handler, LoopbackServer

PRESETS = Path(__file__).resolve().parents[2] / "packaging" / "presets"
DATA = Path(__file__).resolve().parent / "data"
#: A self-signed certificate for 127.0.0.1, for TLS tests only.
TLS_PAIR = (str(DATA / "loopback-test-cert.pem"), str(DATA / "loopback-test-key.pem"))


#: Starts a loopback server: serve(handler, tls=None) -> LoopbackServer.
Serve = Callable[..., LoopbackServer]


@pytest.fixture
def serve() -> Iterator[Callable[..., LoopbackServer]]:
    """Start a loopback server with a handler; all are stopped after the test."""
    servers: list[LoopbackServer] = []

    def start(handler: Handler, tls: tuple[str, str] | None = None) -> LoopbackServer:
        server = LoopbackServer(handler, tls).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def backend_settings(
    toml: str = "", /, *, cache: Any = None, **http: Any
) -> BackendSettings:
    """Settings as IT would write them: a `[backend]` TOML text plus http overrides."""
    data = tomllib.loads(toml).get("backend", {}) if toml else {}
    data.setdefault("kind", "http")
    data["http"] = deep_merge(data.get("http", {}), http)
    if cache:
        data["cache"] = cache
    return _build(data)


def book_settings(path: Path, **book: Any) -> BackendSettings:
    """Settings for a tracking book at `path`, with `[backend.tracking_book]` overrides."""
    return _build({"kind": "tracking_book", "tracking_book": {"path": str(path), **book}})


def _build(data: dict[str, Any]) -> BackendSettings:
    settings, problems = build(BackendSettings, data, "backend")
    assert not problems, problems
    return settings


def preset(name: str) -> str:
    """The text of a shipped preset."""
    return (PRESETS / f"{name}.toml").read_text(encoding="utf-8")


def deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`base` with `extra` laid over it, tables merged key by key."""
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
