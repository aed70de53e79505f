"""The admin entry: the PIN pad, then the admin screen, in one stacked widget."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.pin import PinGuard
from kiosk.ui.admin import AdminScreen, AdminStatus
from kiosk.ui.pin_pad import PinScreen


class AdminPanel(QStackedWidget):
    """The PIN pad, and behind it the admin screen: one widget for the window's stack.

    `open()` always starts at the PIN pad; the admin screen is reachable only
    through a right PIN.

    Signals:
        closed(): staff cancelled the PIN pad or left the admin screen (go to idle).
        quit_requested(): staff confirmed quitting the application.
        settings_changed(dict): dotted config key -> new value (see `AdminScreen`).
        test_lookup(str): a dossier code staff want to try.
    """

    closed = Signal()
    quit_requested = Signal()
    settings_changed = Signal(dict)
    test_lookup = Signal(str)

    def __init__(
        self,
        pin_hash: str,
        status: Callable[[], AdminStatus],
        *,
        guard: PinGuard | None = None,
        pin_timeout_s: int = 30,
        idle_timeout_s: int = 120,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pin = PinScreen(pin_hash, guard, idle_timeout_s=pin_timeout_s)
        self.admin = AdminScreen(status, idle_timeout_s=idle_timeout_s)
        self.addWidget(self.pin)
        self.addWidget(self.admin)
        self.pin.unlocked.connect(self._on_unlocked)
        self.pin.cancelled.connect(self.closed)
        self.admin.closed.connect(self._on_admin_closed)
        self.admin.quit_requested.connect(self.quit_requested)
        self.admin.settings_changed.connect(self.settings_changed)
        self.admin.test_lookup.connect(self.test_lookup)

    @property
    def unlocked(self) -> bool:
        """Whether the admin screen (not the PIN pad) is showing."""
        return self.currentWidget() is self.admin

    @Slot()
    def open(self) -> None:
        """Show the PIN pad, cleared."""
        self.pin.reset()
        self.setCurrentWidget(self.pin)

    @Slot()
    def _on_unlocked(self) -> None:
        self.admin.reset()
        self.setCurrentWidget(self.admin)

    @Slot()
    def _on_admin_closed(self) -> None:
        self.pin.reset()
        self.setCurrentWidget(self.pin)  # lock again behind us
        self.closed.emit()
