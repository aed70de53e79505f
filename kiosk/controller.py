"""The kiosk's mode machine: idle -> looking up -> result/message -> idle.

One object owns the mode and the return-to-idle countdown. Screens react to
its signals and call its slots; it never imports a widget.
"""

from __future__ import annotations

import enum
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk import log
from kiosk.backends import BackendError, ErrorKind
from kiosk.dossier import Dossier
from kiosk.lookup import LookupService
from kiosk.scan import Reason, ScanError, parse


class Mode(enum.Enum):
    """What the kiosk is doing."""

    IDLE = "idle"
    ENTRY = "entry"  # a citizen types a code by hand
    LOOKING_UP = "looking_up"
    RESULT = "result"
    MESSAGE = "message"
    ADMIN = "admin"  # staff behind the PIN; scans wait until they leave


class Notice(enum.Enum):
    """Why the message screen is shown instead of a result."""

    NOT_FOUND = "not_found"
    INFO_QR = "info_qr"  # the receipt's information QR, which holds no dossier code
    NOT_A_CODE = "not_a_code"
    TYPING_TOOL = "typing_tool"  # a Vietnamese typing tool garbled the scan
    UNREACHABLE = "unreachable"
    SLOW = "slow"
    BAD_ANSWER = "bad_answer"


_SCAN_NOTICES = {
    Reason.INFO_QR: Notice.INFO_QR,
    Reason.TYPING_TOOL: Notice.TYPING_TOOL,
}

_UNREACHABLE_KINDS = {
    ErrorKind.DNS,
    ErrorKind.REFUSED,
    ErrorKind.TLS,
    ErrorKind.AUTH,
    ErrorKind.CLOSED,
    ErrorKind.CONFIG,
    ErrorKind.SOURCE,
}


class Usage(Protocol):
    """Where the controller counts outcomes (counts only: see kiosk.usage)."""

    def record(self, outcome: str) -> None: ...


class Controller(QObject):
    """Owns the kiosk mode and the timers that bring it back to idle.

    Signals:
        mode_changed(object): the new `Mode`.
        result_ready(object): a `Dossier` to show (emitted before RESULT mode).
        notice_ready(object, str): a `Notice` and the dossier code it concerns ("" if none).
        looking_up(str): the code being looked up (emitted before LOOKING_UP mode).
        countdown(int): whole seconds left before returning to idle.
    """

    mode_changed = Signal(object)
    result_ready = Signal(object)
    notice_ready = Signal(object, str)
    looking_up = Signal(str)
    countdown = Signal(int)

    def __init__(
        self,
        lookup: LookupService,
        *,
        result_timeout_s: int = 30,
        message_timeout_s: int = 12,
        entry_timeout_s: int = 60,
        lookup_deadline_s: int = 20,
        url_params: tuple[str, ...] | None = None,
        secret_params: tuple[str, ...] | None = None,
        usage: Usage | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._usage = usage
        self._result_timeout_s = result_timeout_s
        self._message_timeout_s = message_timeout_s
        self._entry_timeout_s = entry_timeout_s
        self._parse_kwargs: dict[str, tuple[str, ...]] = {}
        if url_params is not None:
            self._parse_kwargs["url_params"] = url_params
        if secret_params is not None:
            self._parse_kwargs["secret_params"] = secret_params
        self._mode = Mode.IDLE
        self._request_id = 0
        self._pending_code = ""
        self._seconds_left = 0

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(lookup_deadline_s * 1000)
        self._deadline.timeout.connect(self._on_deadline)

        lookup.found.connect(self._on_found)
        lookup.not_found.connect(self._on_not_found)
        lookup.failed.connect(self._on_failed)

    @property
    def mode(self) -> Mode:
        """The current mode."""
        return self._mode

    @property
    def seconds_left(self) -> int:
        """Seconds before the kiosk returns to idle (0 when no countdown runs)."""
        return self._seconds_left

    def set_result_timeout(self, seconds: int) -> None:
        """Change how long results stay on screen (from the admin screen)."""
        self._result_timeout_s = seconds

    @Slot(str)
    def scanned(self, payload: str) -> None:
        """A payload from the scanner: looked up unless staff are in the admin screen."""
        if self._mode is Mode.ADMIN:
            log.scan.info("scan ignored: the admin screen is open")
            return
        self.submit(payload)

    @Slot(str)
    def submit(self, payload: str) -> None:
        """Handle a scanned or typed payload; interrupts whatever is on screen."""
        try:
            query = parse(payload, **self._parse_kwargs)
        except ScanError as exc:
            log.scan.info("scan refused: %s (%s)", exc.reason.name, exc.detail)
            self._count("refused")
            self._show_notice(_SCAN_NOTICES.get(exc.reason, Notice.NOT_A_CODE), "")
            return
        log.scan.info("scan: %s", query.code)
        self._pending_code = query.code
        self._request_id = self._lookup.request(query)
        self._deadline.start()
        self._stop_countdown()
        self.looking_up.emit(query.code)
        self._set_mode(Mode.LOOKING_UP)

    @Slot()
    def open_entry(self) -> None:
        """Show the manual code entry (a touch on the idle screen)."""
        if self._mode in (Mode.LOOKING_UP, Mode.ENTRY):
            return
        self._set_mode(Mode.ENTRY)
        self._start_countdown(self._entry_timeout_s)

    @Slot()
    def open_admin(self) -> None:
        """Staff held the corner: leave whatever is on screen for the PIN pad."""
        self._lookup.cancel()
        self._deadline.stop()
        self._stop_countdown()
        self._request_id = 0
        self._set_mode(Mode.ADMIN)

    @Slot()
    def touch(self) -> None:
        """A citizen touched the screen: keep the current screen a while longer."""
        if self._mode in (Mode.RESULT, Mode.MESSAGE, Mode.ENTRY) and self._seconds_left:
            total = self._entry_timeout_s if self._mode is Mode.ENTRY else self._result_timeout_s
            self._start_countdown(max(self._seconds_left, min(total, 15)))

    @Slot()
    def dismiss(self) -> None:
        """Return to idle at once (the "Xong" button, or the countdown's end)."""
        self._lookup.cancel()
        self._deadline.stop()
        self._stop_countdown()
        self._request_id = 0
        self._set_mode(Mode.IDLE)

    def _claim(self, request_id: int) -> bool:
        """Whether `request_id` is the answer awaited now (then it no longer is)."""
        if request_id != self._request_id:
            return False
        self._deadline.stop()
        self._request_id = 0
        return True

    @Slot(int, object)
    def _on_found(self, request_id: int, dossier: Dossier) -> None:
        if not self._claim(request_id):
            return
        self._count("found")
        self.result_ready.emit(dossier)
        self._set_mode(Mode.RESULT)
        self._start_countdown(self._result_timeout_s)

    @Slot(int, str)
    def _on_not_found(self, request_id: int, code: str) -> None:
        if not self._claim(request_id):
            return
        self._count("not_found")
        self._show_notice(Notice.NOT_FOUND, code)

    @Slot(int, str, object)
    def _on_failed(self, request_id: int, code: str, error: BackendError) -> None:
        if not self._claim(request_id):
            return
        self._count("failed")
        if error.kind is ErrorKind.TIMEOUT:
            notice = Notice.SLOW
        elif error.kind in _UNREACHABLE_KINDS:
            notice = Notice.UNREACHABLE
        else:
            notice = Notice.BAD_ANSWER
        self._show_notice(notice, code)

    @Slot()
    def _on_deadline(self) -> None:
        log.lookup.warning("no answer for %s in time; giving up", self._pending_code)
        self._lookup.cancel()
        self._request_id = 0
        self._count("failed")
        self._show_notice(Notice.SLOW, self._pending_code)

    def _count(self, outcome: str) -> None:
        if self._usage is not None:
            self._usage.record(outcome)

    def _show_notice(self, notice: Notice, code: str) -> None:
        self._lookup.cancel()
        self._deadline.stop()
        self._request_id = 0
        self.notice_ready.emit(notice, code)
        self._set_mode(Mode.MESSAGE)
        self._start_countdown(self._message_timeout_s)

    def _start_countdown(self, seconds: int) -> None:
        self._seconds_left = seconds
        self.countdown.emit(seconds)
        self._tick.start()

    def _stop_countdown(self) -> None:
        self._tick.stop()
        self._seconds_left = 0

    @Slot()
    def _on_tick(self) -> None:
        self._seconds_left -= 1
        if self._seconds_left <= 0:
            self.dismiss()
            return
        self.countdown.emit(self._seconds_left)

    def _set_mode(self, mode: Mode) -> None:
        if mode is self._mode and mode is not Mode.LOOKING_UP:
            return
        self._mode = mode
        log.ui.debug("mode -> %s", mode.value)
        self.mode_changed.emit(mode)
