"""Recent answers, and the last known status when the back office cannot answer.

`CachingBackend` wraps another backend. A repeated scan within `fresh_s` is
answered from memory. When the back office fails, the last dossier it gave for
that code (if not too old) is returned instead, with its original `fetched`
time and `offline` set: the screen then says the back office is unreachable
and shows "cập nhật lúc HH:MM ngày DD/MM". Memory only: nothing is written to
disk, and lookup secrets are kept as keyed hashes.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import hashlib
import hmac
import logging
import secrets
import threading
from collections.abc import Callable

from kiosk.backends import Backend, BackendError, ErrorKind
from kiosk.backends.settings import CacheSettings
from kiosk.dossier import VN_TZ, Dossier
from kiosk.scan import DossierQuery

log = logging.getLogger("kiosk.lookup")


@dataclasses.dataclass(frozen=True)
class _Entry:
    result: Dossier | None
    at: dt.datetime


class CachingBackend:
    """A backend with a short memory of its answers.

    Args:
        inner: the backend asked (closed with this one).
        settings: the `[backend.cache]` table.
        clock: the current time, aware.
    """

    def __init__(
        self,
        inner: Backend,
        settings: CacheSettings,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self.settings = settings
        self._clock = clock or (lambda: dt.datetime.now(VN_TZ))
        self._entries: collections.OrderedDict[tuple[str, bytes], _Entry] = (
            collections.OrderedDict()
        )
        self._lock = threading.Lock()
        # A per-process key: the hash of an ID number cannot be reversed by trying them all.
        self._key = secrets.token_bytes(32)

    def lookup(self, query: DossierQuery) -> Dossier | None:
        """Ask the back office unless a fresh answer is at hand; fall back when it fails.

        Raises:
            BackendError: the back office failed and no usable last known status exists.
        """
        key = self._cache_key(query)
        now = self._clock()
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None and now - entry.at < dt.timedelta(seconds=self.settings.fresh_s):
            return entry.result
        try:
            result = self.inner.lookup(query)
        except BackendError as exc:
            fallback = self._last_known(entry, now, exc)
            if fallback is None:
                raise
            return fallback
        with self._lock:
            self._entries[key] = _Entry(result, now)
            self._entries.move_to_end(key)
            while len(self._entries) > self.settings.max_entries:
                self._entries.popitem(last=False)
        return result

    def close(self) -> None:
        """Close the wrapped backend and forget every answer."""
        with self._lock:
            self._entries.clear()
        self.inner.close()

    def _last_known(
        self, entry: _Entry | None, now: dt.datetime, exc: BackendError
    ) -> Dossier | None:
        if (
            not self.settings.offline_last_known
            or exc.kind is ErrorKind.CONFIG  # a broken setting must show, not hide behind old data
            or entry is None
            or entry.result is None
        ):
            return None
        if now - entry.at > dt.timedelta(hours=self.settings.offline_max_age_h):
            return None
        log.warning(
            "lookup %s: back office failed (%s); showing the last known status from %s",
            entry.result.code, exc.kind.value, entry.at.astimezone(VN_TZ).strftime("%d/%m %H:%M"),
        )  # fmt: skip
        return dataclasses.replace(entry.result, offline=True)

    def _cache_key(self, query: DossierQuery) -> tuple[str, bytes]:
        secret = (query.secret or "").encode()
        return query.code.upper(), hmac.new(self._key, secret, hashlib.sha256).digest()
