"""Build the idle playlist from a folder or an M3U/M3U8 file. Pure Python, no Qt.

A folder is played in natural name order (``2-b`` before ``10-a``), sub-folders
included, so a rule can address ``sang/*``. Files that cannot play are kept out
with a reason that `kiosk doctor` shows. A file written less than
`SETTLE_S` ago is left for the next scan: it may still be being copied.
"""

from __future__ import annotations

import dataclasses
import enum
import os
import re
import time
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

from kiosk.media.settings import ScheduleSettings
from kiosk.schema import build

VIDEO_SUFFIXES = frozenset(
    {".mp4", ".m4v", ".mkv", ".webm", ".avi", ".mov", ".mpg", ".mpeg", ".ts", ".m2ts", ".ogv",
     ".wmv", ".flv", ".3gp"}
)  # fmt: skip
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg"})
PLAYLIST_SUFFIXES = frozenset({".m3u", ".m3u8"})
SAMPLES = Path(__file__).resolve().parent / "samples"
SETTLE_S = 2.0


class Kind(enum.Enum):
    """What shows an item: libVLC for video, Qt for still images."""

    VIDEO = "video"
    IMAGE = "image"


@dataclasses.dataclass(frozen=True)
class Item:
    """One entry of the playlist.

    Attributes:
        location: a file path, or an URL (http/https/rtsp) from a playlist file.
        key: the item's identity: its path relative to the folder (or the playlist line).
        title: what to call it; `explicit_title` says it came from #EXTINF.
        order: sort key; the item after the current one is the next larger key.
        duration_s: how long an image stays, when the playlist says so.
    """

    location: str
    key: str
    title: str
    kind: Kind
    order: tuple[object, ...]
    explicit_title: bool = False
    duration_s: float | None = None


@dataclasses.dataclass(frozen=True)
class Playlist:
    """The result of one scan.

    Attributes:
        items: playable items in play order.
        skipped: (name, reason) of files kept out.
        schedule: the sidecar's schedule, when a sidecar was found and valid.
        problems: messages about the source or the sidecar (for the log and doctor).
        unsettled: some file is still being written; scan again shortly.
    """

    source: str
    items: tuple[Item, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    schedule: ScheduleSettings | None = None
    sidecar_keys: frozenset[str] = frozenset()
    problems: tuple[str, ...] = ()
    unsettled: bool = False


def natural_key(text: str) -> tuple[object, ...]:
    """Sort key putting '2' before '10' and ignoring case."""
    parts = re.split(r"([0-9]+)", text.casefold())
    return tuple((0, int(p), "") if p.isascii() and p.isdigit() else (1, 0, p) for p in parts)


def pretty_title(name: str) -> str:
    """A readable title from a file name: '01-cach_doc.mp4' -> 'cach doc'."""
    stem = Path(name).stem
    stem = re.sub(r"^\d+[\s._-]+", "", stem)
    return re.sub(r"[\s._-]+", " ", stem).strip() or Path(name).stem


def kind_of(name: str) -> Kind | None:
    """The kind of a file by its suffix, or None when unsupported."""
    suffix = Path(name).suffix.casefold()
    if suffix in VIDEO_SUFFIXES:
        return Kind.VIDEO
    if suffix in IMAGE_SUFFIXES:
        return Kind.IMAGE
    return None


def check_file(path: Path, now: float) -> str | None:
    """Why `path` cannot be played, or None when it looks fine."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    if stat.st_size == 0:
        return "empty file (0 bytes)"
    if not os.access(path, os.R_OK):
        return "unreadable (no permission)"
    if now - stat.st_mtime < SETTLE_S:
        return "still being written"
    return None


def scan_folder(
    folder: Path, sidecar: str = "", *, wall: Callable[[], float] = time.time
) -> Playlist:
    """List the playable files below `folder` in natural name order."""
    source = str(folder)
    if not folder.is_dir():
        return Playlist(source, problems=(f"media folder not found: {folder}",))
    items: list[Item] = []
    skipped: list[tuple[str, str]] = []
    unsettled = False
    now = wall()
    try:
        paths = [p for p in folder.rglob("*") if not _hidden(p.relative_to(folder))]
    except OSError as exc:
        return Playlist(source, problems=(f"cannot read media folder {folder}: {exc}",))
    for path in paths:
        rel = path.relative_to(folder).as_posix()
        if path.is_dir() or rel == sidecar:
            continue
        kind = kind_of(path.name)
        if kind is None:
            if path.suffix.casefold() not in PLAYLIST_SUFFIXES | {".toml", ".txt"}:
                skipped.append((rel, f"unsupported type '{path.suffix or path.name}'"))
            continue
        reason = check_file(path, now)
        if reason is not None:
            unsettled = unsettled or reason == "still being written"
            skipped.append((rel, reason))
            continue
        items.append(Item(str(path), rel, pretty_title(path.name), kind, natural_key(rel)))
    items.sort(key=lambda item: item.order)
    skipped.sort(key=lambda entry: natural_key(entry[0]))
    schedule, keys, problems = load_sidecar(folder / sidecar) if sidecar else (None, set(), [])
    return Playlist(
        source, tuple(items), tuple(skipped), schedule, frozenset(keys), tuple(problems), unsettled
    )


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def parse_m3u(text: str, base: Path) -> tuple[list[Item], list[tuple[str, str]]]:
    """Parse M3U/M3U8 `text`; relative paths are relative to `base`.

    Returns the entries (existence not checked) and (line, reason) for lines
    that cannot be an item.
    """
    items: list[Item] = []
    bad: list[tuple[str, str]] = []
    title: str | None = None
    duration: float | None = None
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line.upper().startswith("#EXTINF:"):
                duration, title = _extinf(line[len("#EXTINF:") :])
            continue
        location, name = _location(line, base)
        kind = kind_of(name)
        if kind is None:
            bad.append((line, f"line {number}: unsupported type"))
        else:
            key = f"{number:05d}:{line}"
            shown = title or pretty_title(name)
            seconds = duration if duration and duration > 0 else None
            items.append(Item(location, key, shown, kind, (number,), bool(title), seconds))
        title, duration = None, None
    return items, bad


def _extinf(rest: str) -> tuple[float | None, str | None]:
    """Split '#EXTINF:' content 'DURATION [attrs],Title'."""
    in_quotes = False
    for index, char in enumerate(rest):
        if char == '"':
            in_quotes = not in_quotes
        elif char == "," and not in_quotes:
            head, title = rest[:index], rest[index + 1 :].strip()
            break
    else:
        head, title = rest, ""
    number = re.match(r"\s*(-?\d+(?:\.\d+)?)", head)
    return (float(number.group(1)) if number else None), (title or None)


def _location(line: str, base: Path) -> tuple[str, str]:
    """(location, name) of a playlist line: a path, a file:// URL or a network URL."""
    parsed = urlparse(line)
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path))
        return str(path), path.name
    if parsed.scheme in ("http", "https", "rtsp", "rtmp", "udp", "rtp", "mms"):
        return line, Path(parsed.path).name or line
    if "\\" in line and not (base / line).exists():
        line = line.replace("\\", "/")  # written on Windows
    path = Path(line)
    if not path.is_absolute():
        path = base / path
    return str(path), path.name


def read_text(path: Path) -> str:
    """Text of a playlist: UTF-8, else Windows Vietnamese (cp1258), else Latin-1.

    cp1258 writes tone marks as combining characters; the result is NFC.
    """
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return unicodedata.normalize("NFC", data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def load_m3u(
    path: Path, sidecar: str = "", *, wall: Callable[[], float] = time.time
) -> Playlist:
    """Read an M3U/M3U8 playlist file; files it names are checked like a folder's."""
    try:
        text = read_text(path)
    except OSError as exc:
        return Playlist(str(path), problems=(f"cannot read playlist {path}: {exc}",))
    entries, skipped = parse_m3u(text, path.parent)
    items: list[Item] = []
    now = wall()
    for item in entries:
        if "://" in item.location:
            items.append(item)
            continue
        reason = check_file(Path(item.location), now)
        if reason is None:
            items.append(item)
        else:
            skipped.append((item.location, reason))
    schedule, keys, problems = (
        load_sidecar(path.parent / sidecar) if sidecar else (None, set(), [])
    )
    unsettled = any(reason == "still being written" for _name, reason in skipped)
    return Playlist(
        str(path), tuple(items), tuple(skipped), schedule, frozenset(keys), tuple(problems),
        unsettled,
    )  # fmt: skip


def load_sidecar(path: Path) -> tuple[ScheduleSettings | None, set[str], list[str]]:
    """Read a schedule sidecar; returns (schedule, keys it sets, problems)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return None, set(), []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, set(), [f"{path.name}: {exc}"]
    schedule, problems = build(ScheduleSettings, data)
    return schedule, set(data) & {"hours", "rules", "volume"}, [
        f"{path.name}: {p}" for p in problems
    ]


def load(
    folder: str, playlist: str, sidecar: str, *, wall: Callable[[], float] = time.time
) -> Playlist:
    """Build the playlist the settings ask for (playlist file, folder, or the samples)."""
    if playlist:
        return load_m3u(Path(playlist).expanduser(), sidecar, wall=wall)
    return scan_folder(Path(folder).expanduser() if folder else SAMPLES, sidecar, wall=wall)


def watched_paths(folder: str, playlist: str) -> Iterable[Path]:
    """Folders and files whose changes should rebuild the playlist."""
    if playlist:
        path = Path(playlist).expanduser()
        return [path, path.parent]
    root = Path(folder).expanduser() if folder else SAMPLES
    try:
        subdirs = [p for p in root.rglob("*") if p.is_dir() and not _hidden(p.relative_to(root))]
    except OSError:
        subdirs = []
    return [root, *subdirs]
