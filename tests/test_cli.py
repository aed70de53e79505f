"""The `kiosk` command as IT runs it: real subprocesses, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.backends.demo import EXAMPLE_CODE, EXAMPLE_SECRET
from kiosk.server import DemoServer
from tests.backends.server import free_port

ROOT = Path(__file__).resolve().parent.parent


def kiosk(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("KIOSK_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True, text=True, env=env, timeout=120, cwd=cwd,
    )


def test_version() -> None:
    result = kiosk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"kiosk {__version__}"


def test_parse_prints_the_code_and_never_the_secret() -> None:
    url = f"https://dvc.example.gov.vn/portaldvc/tra-cuu?SGT={EXAMPLE_SECRET}&MHS={EXAMPLE_CODE}"
    plain = kiosk("parse", url)
    assert (plain.returncode, plain.stdout.strip()) == (0, EXAMPLE_CODE)
    as_json = kiosk("parse", url, "--json")
    assert json.loads(as_json.stdout) == {"ok": True, "code": EXAMPLE_CODE, "has_secret": True}
    assert EXAMPLE_SECRET not in plain.stdout + plain.stderr + as_json.stdout


def test_parse_refuses_with_the_reason() -> None:
    result = kiosk("parse", "8934563138165", "--json")
    assert result.returncode == 2
    answer = json.loads(result.stdout)
    assert answer["ok"] is False and answer["reason"] == "not_a_code"


def test_lookup_on_demo_data(tmp_path: Path) -> None:
    found = kiosk("lookup", EXAMPLE_CODE.lower(), "--json", cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    dossier = json.loads(found.stdout)["dossier"]
    assert dossier["code"] == EXAMPLE_CODE
    assert dossier["applicant"] == "Nguyễn V. A."
    assert dossier["status"] == 10
    missing = kiosk("lookup", "000.00.53.H48-200101-9999", cwd=tmp_path)
    assert missing.returncode == 3
    assert "not found: 000.00.53.H48-200101-9999" in missing.stderr


def _http_config(tmp_path: Path, port: int) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        '[backend]\nkind = "http"\n[backend.http]\n'
        f'url = "http://127.0.0.1:{port}/api/v1/dossiers/{{code}}"\nretries = 0\n',
        encoding="utf-8",
    )
    return path


def test_lookup_through_http_against_the_demo_server(tmp_path: Path) -> None:
    with DemoServer() as server:
        port = server.start("127.0.0.1", 0)
        config = _http_config(tmp_path, port)
        found = kiosk("lookup", EXAMPLE_CODE, "--config", str(config), "--json")
        assert found.returncode == 0, found.stderr
        assert json.loads(found.stdout)["dossier"]["applicant"] == "Nguyễn V. A."
        wrong = kiosk("lookup", EXAMPLE_CODE, "--secret", "000000000000", "--config", str(config))
        assert wrong.returncode == 3
        trace = kiosk("lookup", EXAMPLE_CODE, "--secret", EXAMPLE_SECRET, "--trace",
                      "--config", str(config))  # fmt: skip
        assert trace.returncode == 0, trace.stderr
        assert EXAMPLE_SECRET not in trace.stdout + trace.stderr
        assert "200" in trace.stdout


def test_lookup_with_the_back_office_down_says_why(tmp_path: Path) -> None:
    config = _http_config(tmp_path, free_port())
    result = kiosk("lookup", EXAMPLE_CODE, "--config", str(config))
    assert result.returncode == 4
    assert "backend error (refused)" in result.stderr
    assert "Traceback" not in result.stderr
    doctor = kiosk("doctor", "--config", str(config))
    assert doctor.returncode == 1
    assert "Back office (http): NOT reachable: refused" in doctor.stdout


@pytest.mark.parametrize("command", ["run", "lookup", "doctor"])
def test_unreadable_config_is_one_plain_message(tmp_path: Path, command: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[display\n", encoding="utf-8")
    args = ["lookup", EXAMPLE_CODE] if command == "lookup" else [command]
    result = kiosk(*args, "--config", str(config))
    assert result.returncode == 1
    assert "(syntax)" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_doctor_reports_a_healthy_demo_setup() -> None:
    result = kiosk("doctor", "--config", str(ROOT / "config.toml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Config: " in result.stdout and "valid" in result.stdout
    assert "Back office (demo): answers" in result.stdout
    assert "libVLC:" in result.stdout
    assert result.stdout.rstrip().endswith("Result: OK")
