"""`kiosk set-pin` writes only a hash of the PIN, and refuses bad input."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk import config
from kiosk.admin_cli import set_pin_command
from kiosk.pin import verify_pin

SHIPPED = Path(__file__).resolve().parent.parent / "config.toml"


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_bytes(SHIPPED.read_bytes())
    return path


def _answers(*replies: str) -> Callable[[str], str]:
    queue = list(replies)
    return lambda prompt: queue.pop(0)


def test_pin_given_twice_is_stored_as_a_hash(cfg: Path) -> None:
    out = io.StringIO()
    assert set_pin_command(cfg, None, ask=_answers("735912", "735912"), out=out) == 0
    stored = config.load(cfg).admin.pin_hash
    assert verify_pin("735912", stored)
    assert "735912" not in cfg.read_text(encoding="utf-8")
    assert "735912" not in out.getvalue()
    assert "saved" in out.getvalue()


@pytest.mark.parametrize(
    ("pin", "replies", "says"),
    [
        (None, ("1234", "1243"), "differ"),
        ("12", (), "4 to 8 digits"),
        ("12ab", (), "4 to 8 digits"),
    ],
)
def test_refused_pin_changes_nothing(
    cfg: Path, pin: str | None, replies: tuple[str, ...], says: str
) -> None:
    before = cfg.read_bytes()
    out = io.StringIO()
    assert set_pin_command(cfg, pin, ask=_answers(*replies), out=out) == 2
    assert says in out.getvalue()
    assert cfg.read_bytes() == before


def test_missing_or_broken_config_is_reported(tmp_path: Path) -> None:
    out = io.StringIO()
    assert set_pin_command(tmp_path / "none.toml", "1234", out=out) == 1
    assert "not found" in out.getvalue()
    broken = tmp_path / "config.toml"
    broken.write_text("[display]\nresult_timeout_s = 1\n", encoding="utf-8")
    assert set_pin_command(broken, "1234", out=out) == 1
    assert "result_timeout_s" in out.getvalue()
    assert broken.read_text(encoding="utf-8") == "[display]\nresult_timeout_s = 1\n"
