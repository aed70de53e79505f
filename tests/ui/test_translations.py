"""Every screen string goes through Qt's translation system, and English is complete."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import I18N_DIR, install_translator
from kiosk.controller import Notice
from kiosk.dossier import Status
from kiosk.ui import texts

ROOT = Path(__file__).resolve().parents[2]


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} comes with PySide6"
    return found


def test_no_string_escapes_the_translation_file(tmp_path: Path) -> None:
    copy = tmp_path / "kiosk_en.ts"
    shutil.copy(I18N_DIR / "kiosk_en.ts", copy)
    sources = [
        str(p) for folder in ("ui", "media") for p in sorted((ROOT / "kiosk" / folder).glob("*.py"))
    ]
    out = subprocess.run(
        [_tool("pyside6-lupdate"), *sources, str(ROOT / "kiosk" / "app.py"), "-ts", str(copy)],
        capture_output=True, text=True, check=True, timeout=120,
    )
    match = re.search(r"Found (\d+) source text\(s\) \((\d+) new", out.stdout + out.stderr)
    assert match, out.stdout + out.stderr
    assert int(match.group(1)) > 50
    assert match.group(2) == "0", "run scripts/update_translations.sh and translate"
    assert 'type="unfinished"' not in copy.read_text(encoding="utf-8")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translator = install_translator(qapp, "en")
    assert translator is not None
    yield
    qapp.removeTranslator(translator)


def test_english_screens_read_english(english: None) -> None:
    assert texts.status_name(Status.RETURNED) == "Result handed over"
    assert texts.notice_texts(Notice.NOT_FOUND, "X")[0] == "Dossier not found"
    for status in Status:
        assert texts.status_name(status) != status.national_name
    for notice in Notice:
        title, body = texts.notice_texts(notice, "000.00.53.H48-261201-0001")
        assert title.isascii() and body.isascii(), (title, body)


def test_vietnamese_needs_no_translation_file(qapp: QApplication) -> None:
    assert install_translator(qapp, "vi") is None
    assert texts.status_name(Status.NEEDS_SUPPLEMENT) == "Yêu cầu bổ sung giấy tờ"
