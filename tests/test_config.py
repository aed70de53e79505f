from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kiosk import config, config_template
from kiosk.schema import describe

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "config.toml"


def _keys(data: dict, prefix: str = "") -> set[str]:
    keys: set[str] = set()
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            keys |= _keys(value, path) | {path}
        else:
            keys.add(path)
    return keys


def test_shipped_config_is_valid_and_uses_demo_data() -> None:
    cfg = config.load(SHIPPED)
    assert cfg.is_demo


def test_shipped_config_sets_every_option() -> None:
    present = _keys(tomllib.loads(SHIPPED.read_text(encoding="utf-8")))
    missing = [path for path, *_ in describe(config.Config) if path not in present]
    assert missing == []


def test_template_is_valid_and_complete() -> None:
    text = config_template.render(config.Config)
    cfg = config.parse(text)
    assert cfg == config.Config()
    present = _keys(tomllib.loads(text))
    assert [p for p, *_ in describe(config.Config) if p not in present] == []


def test_every_problem_is_reported_with_its_line() -> None:
    text = "\n".join(
        [
            "[display]",
            "result_timeout_s = 2",
            "fulscreen = true",
            "[backend]",
            'kind = "soap"',
            "[scan]",
            'terminators = ["enter", "space"]',
            "min_length = true",
        ]
    )
    with pytest.raises(config.ConfigError) as caught:
        config.parse(text)
    found = {(p.path, p.line) for p in caught.value.problems}
    assert found == {
        ("display.result_timeout_s", 2),
        ("display.fulscreen", 3),
        ("backend.kind", 5),
        ("scan.terminators[1]", 7),
        ("scan.min_length", 8),
    }
    message = str(caught.value)
    assert "did you mean 'fullscreen'" in message
    assert "must be at least 5, not 2" in message
    assert "must be true or false" not in message  # min_length is a number
    assert "must be a whole number" in message


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(config.ConfigError) as caught:
        config.parse('[office]\nname = "unclosed\n')
    (problem,) = caught.value.problems
    assert problem.line == 2


def test_missing_and_unreadable_files_are_plain_errors(tmp_path: Path) -> None:
    with pytest.raises(config.ConfigError, match="file not found"):
        config.load(tmp_path / "absent.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('[office]\nname = "x\xe3"\n'.encode("latin-1"))
    with pytest.raises(config.ConfigError, match="cannot read"):
        config.load(bad)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes('[office]\nname = "UBND phường Bến Thành"\n'.encode("utf-8-sig"))
    assert config.load(path).office.name == "UBND phường Bến Thành"


def test_save_is_atomic_and_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    config.save_text(path, 'office.name = "A"\n')
    assert path.read_text(encoding="utf-8") == 'office.name = "A"\n'

    with pytest.raises(TypeError):
        config.save_text(path, None)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == 'office.name = "A"\n'
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def _kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, env=env,
        timeout=60, cwd=ROOT,
    )


def test_check_config_cli_lists_every_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[display]\nresult_timeout_s = 0\nlanguage = "fr"\n', encoding="utf-8")
    result = _kiosk("check-config", str(path))
    assert result.returncode == 1
    assert "line 2: display.result_timeout_s" in result.stderr
    assert "line 3: display.language" in result.stderr
    assert "Traceback" not in result.stderr
    ok = _kiosk("check-config", str(SHIPPED))
    assert ok.returncode == 0, ok.stderr


def test_reference_doc_and_shipped_file_follow_the_schema() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert doc == config_template.render_markdown(config.Config), (
        "regenerate: kiosk config-template --markdown > docs/configuration.md"
    )
    for path, *_ in describe(config.Config):
        assert f"`{path}`" in doc
