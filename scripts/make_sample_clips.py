#!/usr/bin/env python3
"""Regenerate the sample guidance clips in kiosk/media/samples/ with ffmpeg.

Each clip is a few still slides of Vietnamese text on a calm background with a
silent audio track (so the kiosk's volume schedule has something to act on).
The clips are small on purpose: all samples together stay under 3 MB.

Usage:
    python scripts/make_sample_clips.py [--out DIR] [--font FILE.ttf]

Needs ffmpeg built with libx264 and drawtext (libfreetype), and a font with
Vietnamese glyphs (found with fc-match when --font is not given).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kiosk" / "media" / "samples"
SIZE = (1280, 720)
SLIDE_S = 4

# (file name, background colour, [(title, body), ...])
CLIPS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "01-cach-doc-giay-hen.mp4",
        "0x1f4e79",
        [
            ("Cách đọc giấy hẹn", "Giấy tiếp nhận hồ sơ\nvà hẹn trả kết quả"),
            ("Mã hồ sơ", "Ví dụ: 000.00.53.H48-220921-0099\nin ở phần đầu giấy hẹn"),
            ("Ngày hẹn trả", "Dòng «Hẹn trả kết quả»\ncho biết ngày nhận kết quả"),
        ],
    ),
    (
        "02-quet-ma-qr.mp4",
        "0x1e6b52",
        [
            ("Quét mã ở đâu?", "Đưa mã QR trên giấy hẹn\nlại gần máy quét dưới màn hình"),
            ("Giữ yên 1 giây", "Máy kêu «bíp» là đã đọc xong"),
            ("Xem tiến độ", "Trạng thái hồ sơ hiện ngay\ntrên màn hình này"),
        ],
    ),
    (
        "03-tra-cuu-tai-nha.mp4",
        "0x5b3a70",
        [
            ("Tra cứu tại nhà", "Quét mã QR trên giấy hẹn\nbằng điện thoại"),
            ("Thanh toán trực tuyến", "Phí, lệ phí có thể nộp\nqua ứng dụng ngân hàng"),
        ],
    ),
]

# A slide image; the sample schedule.toml shows it on Saturdays only.
SLIDE = (
    "04-thu-7-vi-dan.png",
    "0x8a4b08",
    ("Thứ 7 vì dân", "Sáng thứ Bảy, bộ phận một cửa\nvẫn tiếp nhận hồ sơ 7:30 - 11:30"),
)


def find_font() -> str:
    """Path of a bold font with Vietnamese glyphs, via fontconfig."""
    fc = shutil.which("fc-match")
    if fc:
        found = subprocess.run(
            [fc, "-f", "%{file}", "DejaVu Sans:bold"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if found:
            return found
    sys.exit("no font found: pass --font FILE.ttf (a font with Vietnamese glyphs)")


def _esc(path: Path | str) -> str:
    """Escape a path for an ffmpeg filter argument."""
    return str(path).replace("\\", "/").replace(":", "\\:").replace("'", "\\'")


def slide_filters(
    tmp: Path, font: str, index: int, title: str, body: str, start: float, end: float | None
) -> list[str]:
    """drawtext filters for one slide, shown between `start` and `end` seconds."""
    title_file = tmp / f"t{index}.txt"
    body_file = tmp / f"b{index}.txt"
    title_file.write_text(title, encoding="utf-8")
    body_file.write_text(body, encoding="utf-8")
    enable = f":enable='between(t,{start},{end})'" if end is not None else ""
    common = f"fontfile='{_esc(font)}':fontcolor=white:x=(w-text_w)/2"
    return [
        f"drawtext={common}:textfile='{_esc(title_file)}':fontsize=72:y=h*0.28{enable}",
        f"drawtext={common}:textfile='{_esc(body_file)}':fontsize=44:line_spacing=18:"
        f"y=h*0.52{enable}",
    ]


def make_clip(
    ffmpeg: str, out: Path, font: str, colour: str, slides: list[tuple[str, str]], tmp: Path
) -> None:
    """Encode one clip of `slides` (SLIDE_S seconds each)."""
    duration = SLIDE_S * len(slides)
    filters: list[str] = []
    for index, (title, body) in enumerate(slides):
        start = index * SLIDE_S
        filters += slide_filters(tmp, font, index, title, body, start, start + SLIDE_S - 0.01)
    width, height = SIZE
    cmd = [
        ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"color=c={colour}:s={width}x{height}:r=15:d={duration}",
        "-f", "lavfi", "-i", f"anullsrc=r=44100:cl=mono:d={duration}",
        "-vf", ",".join(filters),
        "-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", "30",
        "-pix_fmt", "yuv420p", "-g", "30",
        "-c:a", "aac", "-b:a", "24k", "-shortest",
        "-movflags", "+faststart", "-metadata", f"title={slides[0][0]}",
        str(out),
    ]  # fmt: skip
    subprocess.run(cmd, check=True)


def make_slide(ffmpeg: str, out: Path, font: str, tmp: Path) -> None:
    """Render the still slide image."""
    _name, colour, (title, body) = SLIDE
    width, height = SIZE
    filters = slide_filters(tmp, font, 99, title, body, 0, None)
    cmd = [
        ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"color=c={colour}:s={width}x{height}:d=1",
        "-vf", ",".join(filters), "-frames:v", "1", str(out),
    ]  # fmt: skip
    subprocess.run(cmd, check=True)


def main() -> int:
    """Build every sample into --out and print their sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="target folder")
    parser.add_argument("--font", help="TrueType font with Vietnamese glyphs")
    args = parser.parse_args()
    ffmpeg = shutil.which("ffmpeg")
    if not ffmpeg:
        sys.exit("ffmpeg not found on PATH")
    font = args.font or find_font()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, colour, slides in CLIPS:
            make_clip(ffmpeg, args.out / name, font, colour, slides, Path(tmp))
        make_slide(ffmpeg, args.out / SLIDE[0], font, Path(tmp))
    total = 0
    for path in sorted(args.out.iterdir()):
        if path.suffix in (".mp4", ".png"):
            total += path.stat().st_size
            print(f"{path.name:32} {path.stat().st_size / 1024:8.1f} KiB")
    print(f"{'total':32} {total / 1024:8.1f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
