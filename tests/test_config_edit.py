"""Editing config.toml in place: comments and order kept, invalid results refused."""

from __future__ import annotations

import errno
import os
import tomllib
from pathlib import Path

import pytest

from kiosk import config
from kiosk.config_edit import edit_text, set_values

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "config.toml"


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_bytes(SHIPPED.read_bytes())
    return path


def _changed_lines(before: bytes, after: bytes) -> list[tuple[bytes, bytes]]:
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_changes_only_the_lines_of_the_changed_keys(cfg: Path) -> None:
    before = cfg.read_bytes()
    set_values(cfg, {"display.result_timeout_s": 45, "media.volume": 25})
    assert _changed_lines(before, cfg.read_bytes()) == [
        (b"result_timeout_s = 30\n", b"result_timeout_s = 45\n"),
        (b"volume = 60\n", b"volume = 25\n"),
    ]
    loaded = config.load(cfg)
    assert loaded.display.result_timeout_s == 45
    assert loaded.media.volume == 25


def test_pin_hash_and_a_vietnamese_text(cfg: Path) -> None:
    values = {"admin.pin_hash": "pbkdf2_sha256$1$YQ==$Yg==", "office.name": "UBND phường Đông Hà"}
    set_values(cfg, values)
    loaded = config.load(cfg)
    assert loaded.admin.pin_hash == "pbkdf2_sha256$1$YQ==$Yg=="
    assert loaded.office.name == "UBND phường Đông Hà"
    assert 'name = "UBND phường Đông Hà"\n' in cfg.read_text(encoding="utf-8")


def test_missing_key_goes_to_the_end_of_its_table(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        "# Staff administration.\n[admin]\n\n# Screen and timing.\n[display]\n"
        "# Seconds a result stays.\nresult_timeout_s = 30  # half a minute\n\n# Logging.\n[log]\n"
        'level = "info"\n',
        encoding="utf-8",
    )
    set_values(path, {"admin.pin_hash": "h", "display.language": "en", "media.volume": 10})
    assert path.read_text(encoding="utf-8") == (
        '# Staff administration.\n[admin]\npin_hash = "h"\n\n# Screen and timing.\n[display]\n'
        "# Seconds a result stays.\nresult_timeout_s = 30  # half a minute\n"
        'language = "en"\n\n# Logging.\n[log]\nlevel = "info"\n\n[media]\nvolume = 10\n'
    )


def test_inline_comment_and_spacing_after_the_value_stay() -> None:
    text = '[display]\r\nresult_timeout_s=30   # "#" in a comment\r\nlanguage = "vi#1"# c\r\n'
    assert edit_text(text, {"display.result_timeout_s": 90, "display.language": "en"}) == (
        '[display]\r\nresult_timeout_s=90   # "#" in a comment\r\nlanguage = "en"# c\r\n'
    )


def test_value_over_several_lines_is_replaced_whole() -> None:
    text = (
        '[scan]\nterminators = [\n  "enter",  # scanners end with Enter\n  "tab",\n]\n'
        "min_length = 8\n"
    )
    out = edit_text(text, {"scan.terminators": ["enter"]})
    assert out == '[scan]\nterminators = ["enter"]\nmin_length = 8\n'


def test_keys_in_arrays_of_tables_are_not_touched() -> None:
    text = "[[media.schedule.rules]]\nvolume = 5\n[media]\nenabled = true\n"
    out = edit_text(text, {"media.volume": 30})
    assert out == "[[media.schedule.rules]]\nvolume = 5\n[media]\nenabled = true\nvolume = 30\n"
    assert tomllib.loads(out)["media"]["volume"] == 30


@pytest.mark.parametrize(
    ("values", "where"),
    [
        ({"display.result_timeout_s": 2}, "display.result_timeout_s"),
        ({"media.volume": "loud"}, "media.volume"),
        ({"display.colour": "blue"}, "display.colour"),
    ],
)
def test_invalid_result_is_refused_and_the_file_untouched(
    cfg: Path, values: dict[str, object], where: str
) -> None:
    before = cfg.read_bytes()
    with pytest.raises(config.ConfigError) as caught:
        set_values(cfg, values)
    assert [p.path for p in caught.value.problems] == [where]
    assert cfg.read_bytes() == before


def test_values_without_a_toml_form_are_refused(cfg: Path) -> None:
    before = cfg.read_bytes()
    for bad in (None, float("nan"), {"a": 1}):
        with pytest.raises(ValueError):
            set_values(cfg, {"media.volume": bad})
    with pytest.raises(ValueError):
        set_values(cfg, {"media..volume": 1})
    assert cfg.read_bytes() == before


def test_failing_write_leaves_the_old_file(cfg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = cfg.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # the new text is written, not yet in place
    with pytest.raises(OSError, match="No space"):
        set_values(cfg, {"media.volume": 10})
    assert cfg.read_bytes() == before
    assert [p.name for p in cfg.parent.iterdir()] == ["config.toml"]


def test_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[display\nresult_timeout_s = 30\n", encoding="utf-8")
    with pytest.raises(config.ConfigError):
        set_values(path, {"display.result_timeout_s": 40})
    assert path.read_text(encoding="utf-8") == "[display\nresult_timeout_s = 30\n"
