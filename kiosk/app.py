"""Composition root: builds the QApplication, the services and the window."""

from __future__ import annotations

import signal
import sys
import traceback
import types
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import (
    QLocale,
    QLoggingCategory,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk import __version__, log
from kiosk.backends.factory import create_backend
from kiosk.config import Config, ConfigError
from kiosk.config_edit import set_values
from kiosk.controller import Controller, Mode
from kiosk.lookup import LookupService
from kiosk.memory import release_free_memory
from kiosk.ui.admin import AdminStatus
from kiosk.ui.main_window import MainWindow
from kiosk.ui.scanner_input import ScannerInput
from kiosk.usage import UsageCounter
from kiosk.usage import default_path as usage_path
from kiosk.watchdog import Watchdog

I18N_DIR = Path(__file__).parent / "i18n"


@runtime_checkable
class VideoAreaLike(Protocol):
    """The part of the video area the admin screen's settings reach."""

    def set_volume(self, volume: int, *, muted: bool) -> None: ...


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: 10,
        QtMsgType.QtInfoMsg: 20,
        QtMsgType.QtWarningMsg: 30,
        QtMsgType.QtCriticalMsg: 40,
        QtMsgType.QtFatalMsg: 50,
    }.get(mode, 30)
    log.qt.log(level, "%s", message)


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load the translation for `language` (source strings are Vietnamese)."""
    if language == "vi":
        return None
    translator = QTranslator(app)
    if translator.load(QLocale(language), "kiosk", "_", str(I18N_DIR)):
        app.installTranslator(translator)
        return translator
    log.app.warning("no translation for %r; showing Vietnamese", language)
    return None


def make_video_area(config: Config) -> QWidget:
    """The idle screen's video area, or a calm card when video is off or unavailable."""
    if config.media.enabled:
        try:
            from kiosk.media.video_area import VideoArea

            return VideoArea(config.media)
        except Exception:  # the kiosk must come up even when video cannot
            log.media.exception("video area unavailable; showing a card instead")
    card = QLabel(QApplication.translate("App", "Chào mừng quý khách"))
    card.setObjectName("Prompt")
    card.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return card


class Kiosk(QObject):
    """Owns the services and the window for the life of the app.

    Args:
        config: the configuration in use.
        windowed: a window instead of fullscreen.
        config_path: the file the admin screen saves changes to (None: changes
            apply until restart only).
        problems: configuration problems found at start-up, for the admin screen.
        log_folder: where the logs go, for the admin screen.
    """

    def __init__(
        self,
        config: Config,
        *,
        windowed: bool = False,
        config_path: Path | None = None,
        problems: list[str] | None = None,
        log_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.config_path = config_path
        self.problems = problems or []
        self.log_folder = log_folder
        self.usage = UsageCounter(usage_path())
        self.backend = create_backend(config.backend)
        self.lookup = LookupService(self.backend, parent=self)
        display = config.display
        self.controller = Controller(
            self.lookup,
            result_timeout_s=display.result_timeout_s,
            message_timeout_s=display.message_timeout_s,
            entry_timeout_s=display.entry_timeout_s,
            lookup_deadline_s=display.lookup_deadline_s,
            url_params=tuple(config.scan.url_params),
            secret_params=tuple(config.scan.secret_params),
            usage=self.usage,
            parent=self,
        )
        self.scanner = ScannerInput(
            max_gap_ms=config.scan.max_key_gap_ms,
            min_length=config.scan.min_length,
            terminators=config.scan.terminators,
            event_time=QGuiApplication.platformName() not in ("offscreen", "minimal"),
            parent=self,
        )
        self.scanner.scanned.connect(self.controller.scanned)
        self.result_timeout_s = config.display.result_timeout_s
        self.volume, self.muted = config.media.volume, config.media.muted
        self.window = MainWindow(
            config,
            self.controller,
            self.scanner,
            make_video_area(config),
            admin_status=self.admin_status,
        )
        self.window.admin.settings_changed.connect(self._save_settings)
        self.controller.mode_changed.connect(self._on_mode)
        self.window.admin.quit_requested.connect(QApplication.quit)
        app = QApplication.instance()
        assert app is not None  # run() creates it before the kiosk
        app.installEventFilter(self.scanner)
        self._show(windowed)

    def _show(self, windowed: bool) -> None:
        display = self.config.display
        screens = QGuiApplication.screens()
        screen = screens[display.screen] if display.screen < len(screens) else screens[0]
        if display.hide_cursor and not windowed:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        if windowed or not display.fullscreen:
            self.window.resize(1280, 720)
            self.window.show()
            return
        self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.window.setGeometry(screen.geometry())
        self.window.showFullScreen()

    @Slot(object)
    def _on_mode(self, mode: Mode) -> None:
        if mode is Mode.IDLE:
            # Back at rest: hand the memory freed by the last screens back to the system,
            # once the idle screen has been drawn (months of scans must not creep up).
            QTimer.singleShot(500, release_free_memory)

    def admin_status(self) -> AdminStatus:
        """What the admin screen shows now (counts only, nothing personal)."""
        last = self.usage.last_lookup
        return AdminStatus(
            version=__version__,
            backend_kind=self.config.backend.kind,
            last_ok=None if last is None else last != "failed",
            counts=self.usage.today(),
            problems=self.problems,
            log_folder=str(self.log_folder or ""),
            result_timeout_s=self.result_timeout_s,
            volume=self.volume,
            muted=self.muted,
        )

    @Slot(dict)
    def _save_settings(self, values: dict[str, object]) -> None:
        panel = self.window.admin.admin
        if self.config_path is None:
            panel.report_saved(False, self.tr("không có tệp cấu hình"))
            return
        try:
            set_values(self.config_path, values)
        except ConfigError as exc:
            panel.report_saved(False, str(exc.problems[0]) if exc.problems else str(exc))
            return
        except (ValueError, OSError) as exc:
            panel.report_saved(False, str(exc))
            return
        timeout = values.get("display.result_timeout_s")
        if isinstance(timeout, int):
            self.result_timeout_s = timeout
            self.controller.set_result_timeout(timeout)
        volume = values.get("media.volume", self.volume)
        muted = values.get("media.muted", self.muted)
        if isinstance(volume, int) and isinstance(muted, bool):
            self.volume, self.muted = volume, muted
            video = self.window.idle.video
            if isinstance(video, VideoAreaLike):
                video.set_volume(volume, muted=muted)
        log.app.info("settings saved from the admin screen: %s", ", ".join(sorted(values)))
        panel.report_saved(True)

    def shutdown(self) -> None:
        """Stop the services (SIGTERM, window closed, app quitting)."""
        self.window.close()
        self.lookup.shutdown()
        self.usage.close()


def _install_excepthook(kiosk: Kiosk) -> None:
    def hook(
        kind: type[BaseException], value: BaseException, tb: types.TracebackType | None
    ) -> None:
        # Never show a traceback to a citizen: log it, go back to a calm screen.
        where = "".join(traceback.format_tb(tb))
        log.app.error("unexpected %s in the UI\n%s", kind.__name__, where)
        try:
            kiosk.controller.dismiss()
        except Exception:
            log.app.exception("could not return to idle")

    sys.excepthook = hook


def run(
    config: Config,
    *,
    windowed: bool = False,
    problems: list[str] | None = None,
    config_path: Path | None = None,
    argv: list[str] | None = None,
) -> int:
    """Start the kiosk and run until it is closed or terminated.

    `problems` are configuration problems found at start-up (their keys fell
    back to defaults); they are logged and flagged in the header for staff.
    """
    log_folder = log.setup(
        Path(config.log.folder) if config.log.folder else None,
        config.log.level,
        config.log.max_mb,
        config.log.keep,
    )
    for problem in problems or []:
        log.app.error("config problem (default used): %s", problem)
    previous = log.enable_crash_file(log_folder)
    if previous:
        log.app.error("the previous run crashed:\n%s", previous)
    qInstallMessageHandler(_qt_message)
    QLoggingCategory.setFilterRules("qt.qpa.*.debug=false")
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("counter-kiosk")
    install_translator(app, config.display.language)
    kiosk = Kiosk(
        config,
        windowed=windowed,
        config_path=config_path,
        problems=problems,
        log_folder=log_folder,
    )
    kiosk.window.header.show_config_problems(len(problems or []))
    _install_excepthook(kiosk)
    app.aboutToQuit.connect(kiosk.shutdown)

    # Python handles SIGTERM only when the interpreter runs: wake it regularly.
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    waker = QTimer()
    waker.start(250)
    waker.timeout.connect(lambda: None)
    if config.watchdog.freeze_s:
        dog = Watchdog(config.watchdog.freeze_s, crash_file=log.crash_stream())
        waker.timeout.connect(dog.beat)
        app.aboutToQuit.connect(dog.stop)
        dog.start()
    log.app.info(
        "kiosk started (backend %s, %s)", kiosk.lookup.backend_name,
        "windowed" if windowed else "fullscreen",
    )
    code = app.exec()
    log.app.info("kiosk stopped")
    return code
