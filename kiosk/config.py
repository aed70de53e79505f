"""The kiosk's configuration: every option declared once, loaded from TOML.

Defaults live here; the shipped `config.toml` documents them. `load()` reads a
file with `tomllib`, validates it against the schema and raises `ConfigError`
listing every problem with its key path and line. No Qt here.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
import tomllib
from pathlib import Path

from kiosk import vietqr
from kiosk.backends.settings import BackendSettings
from kiosk.media.settings import MediaSettings
from kiosk.schema import Problem, build, opt


@dataclasses.dataclass(frozen=True)
class OfficeSettings:
    name: str = opt("UBND xã Minh An", "Office name shown at the top of every screen.", min=1)
    unit: str = opt(
        "Bộ phận tiếp nhận và trả kết quả", "Name of the counter's unit, under the office name."
    )
    result_counter: str = opt(
        "Quầy số 1", "Where citizens collect results (used in 'what to do next')."
    )
    announcement: str = opt(
        "Bộ phận một cửa làm việc sáng thứ Bảy từ 7:30 đến 11:30.  "
        "Tra cứu hồ sơ trực tuyến tại Cổng Dịch vụ công quốc gia.",
        "Announcement scrolling under the idle screen; empty hides the ticker.",
    )
    scanner_position: str = opt(
        "below",
        "Where the scanner sits relative to the screen; the idle prompt points there.",
        choices=("below", "left", "right"),
    )


@dataclasses.dataclass(frozen=True)
class DisplaySettings:
    fullscreen: bool = opt(True, "Fill the screen without window decorations.")
    hide_cursor: bool = opt(True, "Hide the mouse pointer (touch screens).")
    language: str = opt("vi", "Language of the screens.", choices=("vi", "en"))
    result_timeout_s: int = opt(
        30, "Seconds a result stays on screen before returning to idle.", min=5, max=600
    )
    message_timeout_s: int = opt(
        12, "Seconds a message (not found, error) stays on screen.", min=3, max=120
    )
    entry_timeout_s: int = opt(
        60, "Seconds the manual code entry stays open without a touch.", min=10, max=600
    )
    lookup_deadline_s: int = opt(
        20, "Seconds to wait for the back office before telling the citizen.", min=3, max=120
    )
    screen: int = opt(0, "Which monitor to use (0 = primary).", min=0, max=8)
    font_scale: float = opt(1.0, "Scale all text (1.0 = normal).", min=0.6, max=2.5)


@dataclasses.dataclass(frozen=True)
class ScanSettings:
    max_key_gap_ms: int = opt(
        40,
        "Largest gap between keystrokes of one scan; slower typing is a person typing.",
        min=5,
        max=500,
    )
    min_length: int = opt(8, "Fewest characters a scan can have.", min=3, max=200)
    terminators: list[str] = opt(
        ["enter", "tab"], "Keys that end a scan.", choices=("enter", "tab")
    )
    url_params: list[str] = opt(
        ["MHS", "code", "keyword", "ma", "mahoso", "MaHoSo", "madossier", "q"],
        "Query parameters that may hold the dossier code in a receipt URL (any case).",
    )
    secret_params: list[str] = opt(
        ["SGT", "cccd", "cmnd", "secret"],
        "Query parameters that hold a lookup secret (ID number). Never shown or logged.",
    )


@dataclasses.dataclass(frozen=True)
class PaymentSettings:
    enabled: bool = opt(
        False,
        "Show a VietQR code (NAPAS 247) for the fee on dossiers waiting for payment, so the "
        "citizen can pay from a bank app.",
    )
    bank_bin: str = opt("", "The NAPAS BIN of the office's bank (6 digits, e.g. 970415).")
    account: str = opt("", "The office's account number that receives fees.")
    account_name: str = opt("", "The account holder's name, shown under the code.")


@dataclasses.dataclass(frozen=True)
class AdminSettings:
    pin_hash: str = opt(
        "",
        "Salted hash of the admin PIN (set with `kiosk set-pin`); empty disables the admin screen.",
        secret=True,
    )
    hold_s: int = opt(
        3, "Seconds to hold the top-left corner of the header to open the admin PIN pad.",
        min=2, max=10,
    )  # fmt: skip
    idle_timeout_s: int = opt(
        120, "The admin screen returns to idle after this long without a touch.", min=30, max=900
    )


@dataclasses.dataclass(frozen=True)
class LogSettings:
    folder: str = opt("", "Folder for log files; empty = the per-user data folder.")
    level: str = opt("info", "Log detail.", choices=("debug", "info", "warning", "error"))
    max_mb: int = opt(5, "Size of one log file before it rotates.", min=1, max=100)
    keep: int = opt(10, "How many rotated log files to keep.", min=1, max=100)


@dataclasses.dataclass(frozen=True)
class WatchdogSettings:
    freeze_s: int = opt(
        60,
        "Restart the kiosk (exit status 70; the service starts it again) when its screen has "
        "not responded for this many seconds; 0 = never.",
        min=0,
        max=3600,
    )


@dataclasses.dataclass(frozen=True)
class Config:
    """The whole configuration."""

    office: OfficeSettings = opt(OfficeSettings, "The office and its counter.")
    display: DisplaySettings = opt(DisplaySettings, "Screen and timing.")
    scan: ScanSettings = opt(ScanSettings, "Reading the receipt scanner.")
    backend: BackendSettings = opt(BackendSettings, "The back office holding dossier status.")
    media: MediaSettings = opt(MediaSettings, "Guidance videos while idle.")
    payment: PaymentSettings = opt(PaymentSettings, "Paying fees by bank transfer QR.")
    admin: AdminSettings = opt(AdminSettings, "Staff administration.")
    log: LogSettings = opt(LogSettings, "Logging.")
    watchdog: WatchdogSettings = opt(WatchdogSettings, "Recovery from a frozen screen.")

    @property
    def is_demo(self) -> bool:
        """Whether the kiosk runs on the built-in demo data."""
        return self.backend.kind == "demo"


class ConfigError(Exception):
    """A configuration file cannot be used; `problems` lists every reason."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{path}: {len(problems)} problem(s)\n{lines}")
        self.path = path
        self.problems = problems


def default_path() -> Path:
    """Where the kiosk looks for its config when none is given."""
    env = os.environ.get("KIOSK_CONFIG")
    if env:
        return Path(env)
    return Path.cwd() / "config.toml"


def load(path: Path) -> Config:
    """Read and validate `path`.

    Raises:
        ConfigError: the file is missing, unreadable, not TOML, or invalid.
    """
    config, problems = load_lenient(path)
    if problems:
        raise ConfigError(path, problems)
    return config


def load_lenient(path: Path) -> tuple[Config, list[Problem]]:
    """Read `path`, keeping the default of every key that is wrong.

    Used at start-up so that one mistyped value does not keep the counter's
    screen dark: the kiosk runs, and the problems are logged and flagged.

    Raises:
        ConfigError: the file is missing, unreadable or not TOML at all.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(path, [Problem("(file)", "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, [Problem("(file)", f"cannot read: {exc}")]) from None
    return _parse(text, path)


def parse(text: str, path: Path = Path("config.toml")) -> Config:
    """Validate TOML `text`; `path` only names it in messages."""
    config, problems = _parse(text, path)
    if problems:
        raise ConfigError(path, problems)
    return config


def _parse(text: str, path: Path) -> tuple[Config, list[Problem]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _decode_error_line(str(exc))
        raise ConfigError(path, [Problem("(syntax)", str(exc), line)]) from None
    config, problems = build(Config, data)
    problems += _cross_checks(config)
    return config, [dataclasses.replace(p, line=locate(text, p.path)) for p in problems]


def _cross_checks(config: Config) -> list[Problem]:
    """Checks the schema cannot express (texts with their own grammar)."""
    from kiosk.media.schedule import validate

    problems = []
    for text in validate(config.media.schedule):
        where, _, message = text.partition(": ")
        problems.append(Problem(f"media.{where}", message.removesuffix("; ignored")))
    payment = config.payment
    if payment.enabled:
        try:
            vietqr.payload(payment.bank_bin, payment.account)
        except vietqr.VietQRError as exc:
            problems.append(Problem("payment", f"{exc} (or set enabled = false)"))
    return problems


def _decode_error_line(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


_HEADER_RE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY_RE = re.compile(r"^\s*([A-Za-z0-9_.\"' -]+?)\s*=")


def locate(text: str, key_path: str) -> int | None:
    """Find the 1-based line where dotted `key_path` is set in TOML `text`."""
    parts = [p for p in re.split(r"\.|\[\d+\]", key_path) if p]
    table: list[str] = []
    best: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER_RE.match(line)
        if header:
            table = [p.strip().strip("\"'") for p in header.group(1).split(".")]
            if table == parts[: len(table)] and best is None and len(table) == len(parts):
                best = number
            continue
        key = _KEY_RE.match(line)
        if key:
            full = table + [p.strip().strip("\"'") for p in key.group(1).split(".")]
            if full == parts[: len(full)]:
                return number
    return best


def save_text(path: Path, text: str) -> None:
    """Write `text` to `path` atomically (temp file in the same folder + rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
