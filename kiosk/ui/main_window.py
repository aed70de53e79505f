"""The one window: header on top, one screen at a time below it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QMouseEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk import log
from kiosk.config import Config
from kiosk.controller import Controller, Mode, Notice
from kiosk.dossier import Dossier
from kiosk.ui import theme
from kiosk.ui.admin import AdminStatus, HoldCorner
from kiosk.ui.admin_panel import AdminPanel
from kiosk.ui.entry import EntryScreen
from kiosk.ui.idle import IdleScreen
from kiosk.ui.message import LookingUpScreen, MessageScreen
from kiosk.ui.result import ResultScreen
from kiosk.ui.scanner_input import ScannerInput
from kiosk.ui.widgets import Header, vn_now


class MainWindow(QWidget):
    """Shows the screen that matches the controller's mode."""

    def __init__(
        self,
        config: Config,
        controller: Controller,
        scanner: ScannerInput,
        video: QWidget,
        *,
        admin_status: Callable[[], AdminStatus] | None = None,
        clock: Callable[[], dt.datetime] = vn_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Root")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setWindowTitle(self.tr("Tra cứu hồ sơ — %1").replace("%1", config.office.name))
        self._config = config
        self._controller = controller
        self._scanner = scanner
        self._font_scale = config.display.font_scale
        self._applied_unit = 0.0

        self.header = Header(
            config.office.name, config.office.unit, demo=config.is_demo, clock=clock
        )
        self.idle = IdleScreen(
            video,
            scanner_position=config.office.scanner_position,
            announcement=config.office.announcement,
        )
        self.entry = EntryScreen()
        self.looking = LookingUpScreen()
        self.result = ResultScreen(
            config.office.result_counter, payment=config.payment, clock=clock
        )
        self.message = MessageScreen()
        self.admin = AdminPanel(
            config.admin.pin_hash,
            admin_status or self._no_status,
            idle_timeout_s=config.admin.idle_timeout_s,
        )
        self.stack = QStackedWidget()
        self._screens: dict[Mode, QWidget] = {
            Mode.IDLE: self.idle,
            Mode.ENTRY: self.entry,
            Mode.LOOKING_UP: self.looking,
            Mode.RESULT: self.result,
            Mode.MESSAGE: self.message,
            Mode.ADMIN: self.admin,
        }
        for screen in self._screens.values():
            self.stack.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        # Staff open the PIN pad by holding the header's top-left corner.
        self.corner = HoldCorner(self.header, hold_ms=config.admin.hold_s * 1000)

        controller.mode_changed.connect(self._on_mode)
        controller.result_ready.connect(self._on_result)
        controller.notice_ready.connect(self._on_notice)
        controller.looking_up.connect(self.looking.show_code)
        controller.countdown.connect(self.result.countdown.set_seconds)
        controller.countdown.connect(self.message.countdown.set_seconds)
        self.result.countdown.done.connect(controller.dismiss)
        self.message.countdown.done.connect(controller.dismiss)
        self.idle.touched.connect(controller.open_entry)
        self.entry.submitted.connect(controller.submit)
        self.entry.cancelled.connect(controller.dismiss)
        self.entry.activity.connect(controller.touch)
        self.corner.held.connect(controller.open_admin)
        if hasattr(video, "playing"):
            video.playing.connect(self._on_video_playing)
        self.admin.closed.connect(controller.dismiss)
        self.admin.test_lookup.connect(controller.submit)
        self._on_mode(controller.mode)

    @property
    def current_screen(self) -> QWidget:
        """The screen shown now."""
        screen = self.stack.currentWidget()
        assert screen is not None  # the stack always holds the five screens
        return screen

    @Slot(object)
    def _on_mode(self, mode: Mode) -> None:
        log.ui.info("screen: %s", mode.value)
        # Typed keys reach a text field only where people type: entry and admin.
        self._scanner.passthrough = mode in (Mode.ENTRY, Mode.ADMIN)
        if mode is not Mode.LOOKING_UP:
            self.looking.stop()
        self.idle.ticker.set_running(mode is Mode.IDLE)
        video = self.idle.video
        if mode is Mode.IDLE:
            self.stack.setCurrentWidget(self.idle)
            if hasattr(video, "start"):
                video.start()
        else:
            # Leave the video first, so a scan takes over the screen at once.
            if hasattr(video, "stop"):
                video.stop()
            self.stack.setCurrentWidget(self._screens[mode])
        if mode is Mode.ENTRY:
            self.entry.reset()
        elif mode is Mode.ADMIN:
            self.admin.open()

    @Slot(str)
    def _on_video_playing(self, title: str) -> None:
        log.media.info("video playing: %s", title)

    def _no_status(self) -> AdminStatus:
        return AdminStatus(
            version="",
            backend_kind=self._config.backend.kind,
            last_ok=None,
            counts={},
            problems=[],
            log_folder="",
        )

    @Slot(object)
    def _on_result(self, dossier: Dossier) -> None:
        self.result.show_dossier(dossier)
        log.ui.info(
            "result shown: %s (status %d%s)",
            dossier.code,
            dossier.status.value,
            ", last known: back office unreachable" if dossier.offline else "",
        )

    @Slot(object, str)
    def _on_notice(self, notice: Notice, code: str) -> None:
        self.message.show_notice(notice, code)
        log.ui.info("message shown: %s", notice.value)

    def resizeEvent(self, event: object) -> None:
        unit = self.height() / 100 * self._font_scale
        if abs(unit - self._applied_unit) >= 0.5:
            self._applied_unit = unit
            self.setStyleSheet(theme.stylesheet(unit))
            self.result.set_unit(unit)
            self.message.set_unit(unit)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._controller.touch()
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        video = self.idle.video
        if hasattr(video, "shutdown"):
            video.shutdown()
        event.accept()
