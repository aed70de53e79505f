"""The watchman with real libVLC: an item that stalls or never starts is skipped."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.media.settings import MediaSettings, OpeningHours, ScheduleSettings
from tests.media.conftest import make_clip

pytestmark = pytest.mark.vlc


class _Handler(http.server.BaseHTTPRequestHandler):
    clip = b""
    release = threading.Event()

    def do_GET(self) -> None:
        if self.path.startswith("/hang"):
            self.release.wait(30)  # never answers
            return
        self.send_response(200)
        self.send_header("Content-Type", "video/mp4")
        self.send_header("Content-Length", str(len(self.clip)))
        self.end_headers()
        self.wfile.write(self.clip[: len(self.clip) // 2])  # then the network goes quiet
        self.wfile.flush()
        self.release.wait(30)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def stalling_server(tmp_path: Path) -> Iterator[str]:
    # MPEG-TS is read front to back, as a live stream would be.
    _Handler.clip = make_clip(tmp_path / "stream.ts", 8.0, "blue").read_bytes()
    _Handler.release = threading.Event()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    _Handler.release.set()
    server.shutdown()
    server.server_close()


def test_stalled_and_unstarted_items_are_skipped(
    qtbot, put, media_dir: Path, stalling_server: str, make_area
) -> None:
    put("first.mp4", 0.5)
    put("last.mp4", 0.5)
    (media_dir / "list.m3u8").write_text(
        "#EXTM3U\n#EXTINF:1,Đầu\nfirst.mp4\n"
        f"#EXTINF:6,Treo giữa chừng\n{stalling_server}/stall.ts\n"
        f"#EXTINF:6,Không mở được\n{stalling_server}/hang.ts\n"
        "#EXTINF:1,Cuối\nlast.mp4\n",
        encoding="utf-8",
    )
    settings = MediaSettings(
        playlist=str(media_dir / "list.m3u8"),
        schedule=ScheduleSettings(hours=OpeningHours(days=[], times=[])),
        start_timeout_s=2.5,
        stall_timeout_s=1.0,
        bad_item_retry_min=10,
    )
    area = make_area(settings)
    seen: list[str] = []
    area.playing.connect(seen.append)
    skipped: list[tuple[str, str]] = []
    area.skipped.connect(lambda title, reason: skipped.append((title, reason)))
    area.start()
    qtbot.waitUntil(lambda: "Cuối" in seen, timeout=20_000)
    reasons = dict(skipped)
    assert reasons["Treo giữa chừng"].startswith("stalled at")
    assert reasons["Không mở được"].startswith("did not start within 2.5 s")
    assert seen[:2] == ["Đầu", "Treo giữa chừng"]  # it did play, then froze
    assert seen[2] == "Cuối"
    qtbot.waitUntil(lambda: seen.count("Đầu") >= 2, timeout=5_000)
    assert len(skipped) == 2  # out of rotation: not tried again, logged once
    assert seen[-1] == "Đầu" and seen.count("Treo giữa chừng") == 1
