"""Back-office benchmark: http adapter latency on loopback, tracking-book load and lookup.

Run from a checkout: `python benchmarks/bench_backends.py` (figures go in docs/performance.md).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Runs from a checkout without installing: the package and the test server live beside it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.backends.http import HttpBackend
from kiosk.backends.settings import BackendSettings
from kiosk.backends.tracking_book import TrackingBookBackend
from kiosk.scan import DossierQuery
from kiosk.schema import build
from tests.backends.kiosk_api import CODE, DOSSIER
from tests.backends.server import LoopbackServer, Reply, Request


def _settings(data: dict[str, object]) -> BackendSettings:
    settings, problems = build(BackendSettings, data)
    if problems:
        raise SystemExit(f"bad settings: {problems}")
    return settings


def _percentiles(samples_ms: list[float]) -> str:
    cuts = statistics.quantiles(samples_ms, n=100)
    return f"p50 {cuts[49]:8.3f} ms   p95 {cuts[94]:8.3f} ms   (n={len(samples_ms)})"


def bench_http(delay_s: float, count: int) -> str:
    def handler(request: Request) -> Reply:
        return Reply(200, DOSSIER, delay_s=delay_s)

    server = LoopbackServer(handler).start()
    settings = _settings(
        {"kind": "http", "http": {"url": f"{server.base}/api/v1/dossiers/{{code}}"}}
    )
    backend = HttpBackend(settings.http)
    try:
        backend.lookup(DossierQuery(CODE))  # connection set up once, as in the kiosk
        samples = []
        for _ in range(count):
            started = time.perf_counter()
            backend.lookup(DossierQuery(CODE))
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        backend.close()
        server.stop()
    return _percentiles(samples)


def bench_book(rows: int, lookups: int) -> tuple[str, str]:
    statuses = ["Đang xử lý", "Đã trả kết quả", "Được tiếp nhận", "Yêu cầu bổ sung giấy tờ"]
    codes = [
        f"000.00.53.H48-26{(i // 9999) % 12 + 1:02d}01-{i % 9999 + 1:04d}" for i in range(rows)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "so-theo-doi.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            out.write(
                "Mã hồ sơ;Tên thủ tục;Chủ hồ sơ;Ngày tiếp nhận;Ngày hẹn trả;"
                "Ngày trả kết quả;Trạng thái\r\n"
            )
            for i, code in enumerate(codes):
                out.write(
                    f"{code};Đăng ký khai sinh;Nguyễn Văn An {i};01/12/2026 08:30;"
                    f"03/12/2026;;{statuses[i % 4]}\r\n"
                )
        settings = _settings({"kind": "tracking_book", "tracking_book": {"path": str(path)}})
        backend = TrackingBookBackend(settings.tracking_book)
        started = time.perf_counter()
        book = backend.refresh()
        load_s = time.perf_counter() - started
        picks = random.Random(1).choices(codes, k=lookups)
        samples = []
        for code in picks:
            started = time.perf_counter()
            backend.lookup(DossierQuery(code))
            samples.append((time.perf_counter() - started) * 1000)
    load = f"load {load_s:.2f} s for {book.rows:,} rows ({len(book.entries):,} dossiers)"
    return load, _percentiles(samples)


def main() -> None:
    print(f"http adapter, loopback, 0 ms server delay:   {bench_http(0.0, 300)}")
    print(f"http adapter, loopback, 200 ms server delay: {bench_http(0.2, 30)}")
    load, lookup = bench_book(100_000, 10_000)
    print(f"tracking book, 100,000 rows: {load}")
    print(f"tracking book lookup (stat + dict): {lookup}")


if __name__ == "__main__":
    main()
