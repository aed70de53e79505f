"""Run backend look-ups off the UI thread and hand results back as signals.

Each request gets an id. Results come back as queued signals tagged with that
id; only the newest request's result is emitted, so an answer to an older scan
never replaces the screen of a newer one.
"""

from __future__ import annotations

import itertools
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from kiosk import log
from kiosk.backends import Backend, BackendError, ErrorKind
from kiosk.dossier import Dossier
from kiosk.scan import DossierQuery


class LookupService(QObject):
    """Asks the backend in a worker thread.

    Signals:
        found(int, object): request id and the `Dossier`.
        not_found(int, str): request id and the dossier code.
        failed(int, str, object): request id, the code and the `BackendError`.
    """

    found = Signal(int, object)
    not_found = Signal(int, str)
    failed = Signal(int, str, object)

    def __init__(self, backend: Backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        # Two workers: a slow back office must not hold up the next scan's request.
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="lookup")
        self._ids = itertools.count(1)
        self._latest = 0
        self._lock = threading.Lock()

    @property
    def backend_name(self) -> str:
        """Short name of the backend in use."""
        return self._backend.name

    def request(self, query: DossierQuery) -> int:
        """Start looking `query` up; returns the request id."""
        with self._lock:
            request_id = next(self._ids)
            self._latest = request_id
        self._pool.submit(self._run, request_id, query)
        return request_id

    def cancel(self) -> None:
        """Forget the pending request: its result, when it comes, is dropped."""
        with self._lock:
            self._latest = 0

    def shutdown(self) -> None:
        """Stop accepting work and close the backend."""
        self.cancel()
        self._pool.shutdown(wait=False, cancel_futures=True)
        try:
            self._backend.close()
        except Exception:  # closing must never stop the app from exiting
            log.lookup.exception("backend close failed")

    def _is_current(self, request_id: int) -> bool:
        with self._lock:
            return request_id == self._latest

    def _run(self, request_id: int, query: DossierQuery) -> None:
        started = time.perf_counter()
        try:
            dossier: Dossier | None = self._backend.lookup(query)
        except BackendError as exc:
            log.lookup.warning("request %d for %s failed: %s", request_id, query.code, exc)
            self._emit_failed(request_id, query.code, exc)
            return
        except Exception as exc:
            # A bug in an adapter: log where (not the message, which may hold data).
            where = "".join(traceback.format_tb(exc.__traceback__))
            log.lookup.error(
                "request %d: adapter raised %s\n%s", request_id, type(exc).__name__, where
            )
            error = BackendError(ErrorKind.INVALID, f"adapter error ({type(exc).__name__})")
            self._emit_failed(request_id, query.code, error)
            return
        elapsed = (time.perf_counter() - started) * 1000
        if not self._is_current(request_id):
            log.lookup.debug("request %d dropped (a newer scan came)", request_id)
            return
        if dossier is None:
            log.lookup.info("request %d: %s not found (%.0f ms)", request_id, query.code, elapsed)
            self.not_found.emit(request_id, query.code)
        else:
            log.lookup.info("request %d: %s found (%.0f ms)", request_id, query.code, elapsed)
            self.found.emit(request_id, dossier)

    def _emit_failed(self, request_id: int, code: str, error: BackendError) -> None:
        if self._is_current(request_id):
            self.failed.emit(request_id, code, error)
