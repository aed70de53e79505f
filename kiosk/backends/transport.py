"""Send one HTTP request with timeouts, retries, a size cap, and typed failures.

Every failure becomes a `BackendError` whose text is built here from the
exception's type and OS reason, never from requests' own message (which
quotes the full URL, secrets included).
"""

from __future__ import annotations

import dataclasses
import errno
import http.client
import json
import logging
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from typing import Any

import requests
import urllib3.exceptions

from kiosk.backends import BackendError, ErrorKind

log = logging.getLogger("kiosk.lookup")

#: Statuses worth another attempt: a gateway or an overloaded server in front of the back office.
RETRY_STATUSES = frozenset({502, 503, 504})
# Small reads: a read blocks until a whole chunk arrives, so this bounds how far a server
# dripping bytes can overrun the total timeout.
_CHUNK = 8 * 1024
# urllib3 1.x has no NameResolutionError; there the resolver's gaierror is in the chain.
_NAME_ERRORS: tuple[type[BaseException], ...] = tuple(
    cls
    for cls in (getattr(urllib3.exceptions, "NameResolutionError", None), socket.gaierror)
    if cls is not None
)


@dataclasses.dataclass(frozen=True)
class Answer:
    """A complete HTTP answer (body read up to the cap).

    Attributes:
        status: the HTTP status.
        content_type: the Content-Type header, lower case ('' if none).
        body: the body bytes.
        elapsed_ms: time for all attempts, backoff included.
        attempts: how many requests were sent.
    """

    status: int
    content_type: str
    body: bytes
    elapsed_ms: float
    attempts: int


@dataclasses.dataclass(frozen=True)
class Limits:
    """Timeouts, retries and the size cap of one adapter."""

    connect_s: float
    read_s: float
    total_s: float
    retries: int
    backoff_s: float
    max_bytes: int


class Deadline:
    """The moment a whole lookup (retries and token included) must be over."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def left(self) -> float:
        """Seconds left, never negative."""
        return max(0.0, self._end - time.monotonic())

    def check(self, where: str) -> None:
        """Raise TIMEOUT if the deadline has passed."""
        if self.left() <= 0:
            raise BackendError(
                ErrorKind.TIMEOUT, f"{where}: total timeout of {self.seconds:g} s exceeded"
            )


class Transport:
    """Sends requests on one session within `Limits`.

    Args:
        session: the requests session (owned by the caller).
        limits: timeouts, retries and size cap.
        sleep: waits between retries (a test may pass a faster one).
    """

    def __init__(
        self,
        session: requests.Session,
        limits: Limits,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.session = session
        self.limits = limits
        self._sleep = sleep

    def send(self, request: requests.Request, deadline: Deadline, where: str) -> Answer:
        """Send `request`, retrying connection errors and 502/503/504.

        Args:
            request: the request to send (URL, headers, body).
            deadline: when the whole lookup must be over.
            where: the shown (secret-free) method and URL, for error texts.

        Raises:
            BackendError: typed cause; the text names `where`, never the real URL.
        """
        started = time.monotonic()
        prepared = self.session.prepare_request(request)
        attempt = 0
        while True:
            attempt += 1
            deadline.check(where)
            try:
                answer = self._attempt(prepared, deadline, where, started, attempt)
            except _RetryableError as exc:
                if not self._may_retry(attempt, deadline, where, exc.error):
                    raise exc.error from None
                continue
            if answer.status in RETRY_STATUSES and self._may_retry(
                attempt, deadline, where, f"HTTP {answer.status}"
            ):
                continue
            return answer

    def _may_retry(self, attempt: int, deadline: Deadline, where: str, cause: object) -> bool:
        if attempt > self.limits.retries:
            return False
        pause = self.limits.backoff_s * 2 ** (attempt - 1)
        if pause >= deadline.left():
            return False
        log.info("%s: %s; retry %d in %.1f s", where, cause, attempt, pause)
        self._sleep(pause)
        return True

    def _attempt(
        self,
        prepared: requests.PreparedRequest,
        deadline: Deadline,
        where: str,
        started: float,
        attempt: int,
    ) -> Answer:
        left = deadline.left()
        timeout = (min(self.limits.connect_s, left), min(self.limits.read_s, left))
        settings = self.session.merge_environment_settings(
            prepared.url or "", {}, True, self.session.verify, None
        )
        try:
            response = self.session.send(
                prepared, timeout=timeout, allow_redirects=True, **settings
            )
        except requests.RequestException as exc:
            kind, reason, retry = classify(exc)
            error = BackendError(kind, f"{where}: {reason}")
            if retry:
                raise _RetryableError(error) from None
            raise error from None
        with response:
            body = read_capped(response, self.limits.max_bytes, deadline, where)
        return Answer(
            status=response.status_code,
            content_type=response.headers.get("Content-Type", "").lower(),
            body=body,
            elapsed_ms=(time.monotonic() - started) * 1000,
            attempts=attempt,
        )


class _RetryableError(Exception):
    def __init__(self, error: BackendError) -> None:
        super().__init__(str(error))
        self.error = error


def json_or_none(body: bytes) -> Any:
    """The JSON document in `body`, or `None` if it is not JSON (or nested absurdly deep)."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def read_capped(
    response: requests.Response, max_bytes: int, deadline: Deadline, where: str
) -> bytes:
    """Read the body in chunks, stopping as soon as it passes `max_bytes` or the deadline.

    Raises:
        BackendError: OVERSIZE, TIMEOUT, CLOSED (cut short) or INVALID (bad encoding).
    """
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise BackendError(
            ErrorKind.OVERSIZE,
            f"{where}: answer of {int(declared):,} bytes is over the cap of {max_bytes:,} bytes",
        )
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in _chunks(response):
            size += len(chunk)
            if size > max_bytes:
                raise BackendError(
                    ErrorKind.OVERSIZE, f"{where}: answer passed the cap of {max_bytes:,} bytes"
                )
            chunks.append(chunk)
            deadline.check(where)
    except requests.RequestException as exc:
        kind, reason, _ = classify(exc)
        raise BackendError(kind, f"{where}: {reason} while reading the answer") from None
    return b"".join(chunks)


def _chunks(response: requests.Response) -> Iterator[bytes]:
    yield from response.iter_content(_CHUNK)


def classify(exc: BaseException) -> tuple[ErrorKind, str, bool]:
    """Type a requests exception: (kind, plain reason, worth a retry).

    The reason is built from exception types and OS error numbers only, so it
    never repeats the URL (or a secret inside it).
    """
    if isinstance(exc, requests.exceptions.SSLError):
        return ErrorKind.TLS, f"TLS failed: {_ssl_reason(exc)}", False
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return ErrorKind.TIMEOUT, "no connection within the connect timeout", True
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return ErrorKind.TIMEOUT, "no answer within the read timeout", False
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return ErrorKind.INVALID, "the answer's compression is broken", False
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return ErrorKind.HTTP, "too many redirects", False
    if isinstance(exc, requests.exceptions.InvalidHeader):
        return ErrorKind.CONFIG, "a header value is not allowed (check [backend.http])", False
    if isinstance(
        exc,
        requests.exceptions.InvalidURL
        | requests.exceptions.MissingSchema
        | requests.exceptions.InvalidSchema,
    ):
        return ErrorKind.CONFIG, "the URL is not valid (check backend.http.url)", False
    chain = list(_chain(exc))
    for item in chain:
        if isinstance(item, _NAME_ERRORS):
            return ErrorKind.DNS, "the host name does not resolve (DNS)", True
    for item in chain:
        if isinstance(item, urllib3.exceptions.ReadTimeoutError | TimeoutError | socket.timeout):
            return ErrorKind.TIMEOUT, "no answer within the read timeout", False
        if isinstance(item, ConnectionRefusedError):
            return ErrorKind.REFUSED, "connection refused (nothing listens on that port)", True
        if isinstance(item, ssl.SSLError):
            return ErrorKind.TLS, f"TLS failed: {_ssl_reason(item)}", False
        if isinstance(
            item,
            http.client.RemoteDisconnected
            | ConnectionResetError
            | BrokenPipeError
            | http.client.IncompleteRead
            | urllib3.exceptions.IncompleteRead,
        ):
            return ErrorKind.CLOSED, "the server closed the connection", True
        if isinstance(item, OSError) and item.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return ErrorKind.REFUSED, f"network unreachable ({item.strerror})", True
    if isinstance(exc, requests.exceptions.ProxyError):
        return ErrorKind.REFUSED, "the proxy refused or failed", True
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return ErrorKind.CLOSED, "the server closed the connection", False
    for item in chain:
        if isinstance(item, urllib3.exceptions.ProtocolError):
            return ErrorKind.CLOSED, "the connection broke off", True
    return ErrorKind.REFUSED, f"connection failed ({type(exc).__name__})", True


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and every exception it wraps (args, reason, cause, context)."""
    seen: set[int] = set()
    todo: list[Any] = [exc]
    while todo and len(seen) < 32:
        item = todo.pop(0)
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        todo.extend(item.args)
        todo.extend([getattr(item, "reason", None), item.__cause__, item.__context__])


def _ssl_reason(exc: BaseException) -> str:
    for item in _chain(exc):
        if isinstance(item, ssl.SSLCertVerificationError):
            return f"certificate not trusted ({item.verify_message})"
        if isinstance(item, ssl.SSLError) and item.reason:
            return str(item.reason).replace("_", " ").lower()
    return "handshake failed"
