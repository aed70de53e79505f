from __future__ import annotations

from pathlib import Path

from kiosk.supervise import supervise


def test_restarts_a_failing_kiosk_until_it_exits_cleanly(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[display]\nresult_timeout_s = 0\n", encoding="utf-8")  # exits 1
    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        if len(pauses) == 2:  # IT fixes the file while the supervisor waits
            config.write_text("[display]\nresult_timeout_s = 30\n", encoding="utf-8")

    status = supervise(["check-config", str(config)], pause_s=0.01, sleep=pause, max_runs=10)
    assert status == 0
    assert len(pauses) == 2  # two failed runs, then the clean one
    assert pauses[1] > pauses[0]  # failing quickly makes the pause grow


def test_gives_up_only_when_bounded(tmp_path: Path) -> None:
    missing = tmp_path / "absent.toml"
    pauses: list[float] = []
    status = supervise(["check-config", str(missing)], pause_s=0.01, sleep=pauses.append,
                       max_runs=3)  # fmt: skip
    assert status == 1
    assert len(pauses) == 2
