"""`kiosk demo-server`: the reference implementation of the kiosk's lookup API.

A real HTTP server (standard library only) over the built-in demo data set,
for demos, tests and benchmarks; the contract is in docs/api.md. It serves
fictional data and is meant for loopback: it has no TLS and no rate limits.

Each request is logged in one line (method, path, status, time). The lookup
secret, the API key and applicant names never reach the log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hmac
import http.server
import ipaddress
import json
import logging
import os
import re
import signal
import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from typing import Any

import kiosk
from kiosk.backends.demo import DemoRecord, dataset, find_record, vietnam_now

log = logging.getLogger("kiosk.server")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
#: Environment variable read by `main` for the API key (a key on the command line
#: would show in the process list).
API_KEY_ENV = "KIOSK_DEMO_API_KEY"

_DOSSIER_RE = re.compile(r"^/api/v1/dossiers/([^/]*)$")
_CODE_RE = re.compile(r"[0-9A-Za-z.-]{1,64}")  # used with fullmatch: no "\n" slips by
_HEALTH_PATH = "/api/v1/health"
_LOGGED_PATH_MAX = 120

Json = dict[str, Any]


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def record_json(record: DemoRecord) -> Json:
    """The API's 200 body for `record`. Carries the full name, never the ID number."""
    return {
        "code": record.code,
        "procedure": {"code": record.procedure_code, "name": record.procedure_name},
        "applicant": {"name": record.full_name},
        "agency": {"code": record.agency_code, "name": record.agency_name},
        "received_at": _iso(record.received),
        "appointment_at": _iso(record.appointment),
        "completed_at": _iso(record.completed),
        "returned_at": _iso(record.returned),
        "status": {"code": int(record.status), "name": record.status.national_name},
        "steps": [
            {
                "name": step.name,
                "unit": step.unit,
                "started_at": _iso(step.started),
                "finished_at": _iso(step.finished),
            }
            for step in record.steps
        ],
        "counter": record.counter,
        "fee": None if not record.fee else {"amount": record.fee, "paid": record.fee_paid},
        "note": record.note,
    }


def _error(code: str, message: str) -> Json:
    return {"error": {"code": code, "message": message}}


class DemoServer:
    """The lookup API over the demo data, runnable in a background thread.

    Args:
        now: the clock for the data set; defaults to the current Vietnam time.
        api_key: when set, dossier lookups need a matching `X-Api-Key` header.
        delay_ms: wait this long before every answer (a slow back office).
    """

    def __init__(
        self,
        *,
        now: Callable[[], dt.datetime] | None = None,
        api_key: str | None = None,
        delay_ms: int = 0,
    ) -> None:
        self.now = now or vietnam_now
        self.api_key = api_key or None
        self.delay_ms = max(0, delay_ms)
        self._stopping = threading.Event()
        self._httpd: _HttpServer | None = None
        self._thread: threading.Thread | None = None
        self._serving = False

    @property
    def port(self) -> int:
        """The bound port (after `start`)."""
        if self._httpd is None:
            raise RuntimeError("the server is not running")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The base URL, e.g. `http://127.0.0.1:8765` (after `start`)."""
        port = self.port  # raises when not running
        assert self._httpd is not None
        host = str(self._httpd.server_address[0])
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}"

    def bind(self, host: str = DEFAULT_HOST, port: int = 0) -> int:
        """Open the listening socket; returns the bound port (useful with `port=0`)."""
        if self._httpd is not None:
            raise RuntimeError("the server is already bound")
        server_class = _HttpServer6 if ":" in host else _HttpServer
        self._httpd = server_class((host, port), _Handler)
        self._httpd.api = self
        self._stopping.clear()
        return self.port

    def start(self, host: str = DEFAULT_HOST, port: int = 0) -> int:
        """Serve in a background thread; returns the bound port.

        Raises:
            OSError: the address cannot be bound (port in use, unknown host).
        """
        self.bind(host, port)
        assert self._httpd is not None
        self._serving = True
        # A short poll interval lets `stop()` return quickly (tests start many servers).
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="kiosk-demo-server",
            daemon=True,
        )
        self._thread.start()
        return self.port

    def serve_forever(self) -> None:
        """Serve in the calling thread until `stop()` is called from another one."""
        assert self._httpd is not None, "call bind() first"
        self._serving = True
        self._httpd.serve_forever()

    def stop(self) -> None:
        """Stop serving and close the listening socket. Safe to call twice."""
        self._stopping.set()  # wakes answers that wait out `delay_ms`
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        if self._serving:
            # Returns at once when serve_forever already ended (Ctrl+C in `serve`).
            httpd.shutdown()
            self._serving = False
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def respond(self, path: str, headers: dict[str, str]) -> tuple[int, Json]:
        """The status and JSON body for a GET of `path` (without query) with `headers`.

        `headers` keys are lower case.
        """
        if self.delay_ms:
            self._stopping.wait(self.delay_ms / 1000)
        if path == _HEALTH_PATH:
            count = len(dataset(self.now()))
            return 200, {"status": "ok", "dossiers": count, "version": kiosk.__version__}
        match = _DOSSIER_RE.match(path)
        if match is None:
            return 404, _error("unknown_path", "No such API path.")
        if self.api_key is not None:
            given = headers.get("x-api-key", "")
            if not hmac.compare_digest(given.encode("utf-8"), self.api_key.encode("utf-8")):
                return 401, _error("unauthorized", "Missing or wrong X-Api-Key header.")
        code = urllib.parse.unquote(match.group(1))
        if not _CODE_RE.fullmatch(code):
            return 400, _error(
                "bad_code", "A dossier code has 1 to 64 characters out of 0-9, A-Z, a-z, '.', '-'."
            )
        record = find_record(self.now(), code, headers.get("x-lookup-secret") or None)
        if record is None:
            return 404, _error("not_found", "No dossier with this code.")
        return 200, record_json(record)


class _HttpServer(http.server.ThreadingHTTPServer):
    api: DemoServer
    daemon_threads = True
    # On Windows SO_REUSEADDR lets a second server bind a port already in use.
    allow_reuse_address = sys.platform != "win32"


class _HttpServer6(_HttpServer):
    address_family = socket.AF_INET6


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _HttpServer
    protocol_version = "HTTP/1.1"
    server_version = f"KioskDemoServer/{kiosk.__version__}"
    # An idle keep-alive connection is dropped after this many seconds.
    timeout = 30
    # Headers and body go out in two writes; without this, delayed ACKs add ~40 ms.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def __getattr__(self, name: str) -> Callable[[], None]:
        # Any other method (POST, PUT, DELETE, or one never heard of) gets 405, not 501.
        if name.startswith("do_"):
            return self._not_allowed
        raise AttributeError(name)

    def _not_allowed(self) -> None:
        started = time.monotonic()
        self.close_connection = True  # a request body, if any, is left unread
        body = _error("method_not_allowed", "Only GET and HEAD are supported.")
        self._send(405, body, send_body=True, extra={"Allow": "GET, HEAD"})
        self._log(405, started)

    def _answer(self, send_body: bool) -> None:
        started = time.monotonic()
        path = urllib.parse.urlsplit(self.path).path
        headers = {key.lower(): value for key, value in self.headers.items()}
        status, body = self.server.api.respond(path, headers)
        self._send(status, body, send_body=send_body)
        self._log(status, started)

    def _send(
        self, status: int, body: Json, *, send_body: bool, extra: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        # Answers carry personal data: no proxy or browser may keep them.
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Malformed requests (bad request line, too long URI) get JSON too."""
        started = time.monotonic()
        self.close_connection = True
        send_body = getattr(self, "command", None) != "HEAD" and code >= 200
        self._send(code, _error("bad_request", message or "Bad request."), send_body=send_body)
        self._log(code, started)

    def _log(self, status: int, started: float) -> None:
        # Only the path: the query string might carry a secret some client put there,
        # and headers (lookup secret, API key) are never logged.
        raw = getattr(self, "path", "") or ""
        path = urllib.parse.urlsplit(raw).path[:_LOGGED_PATH_MAX]
        headers = getattr(self, "headers", None)
        secret = " +secret" if headers is not None and headers.get("X-Lookup-Secret") else ""
        log.info(
            "%s %s %s -> %d in %.0f ms%s",
            self.client_address[0],
            getattr(self, "command", None) or "-",
            path or "-",
            status,
            (time.monotonic() - started) * 1000,
            secret,
        )

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Silenced: `_log` writes one line per request instead."""

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.client_address[0], *args)


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    api_key: str | None = None,
    delay_ms: int = 0,
) -> None:
    """Run the demo server in the calling thread until Ctrl+C (KeyboardInterrupt).

    The per-request lines go to stderr when logging is not set up otherwise.

    Raises:
        OSError: the address cannot be bound (port in use, unknown host).
    """
    console, level = _console_logging(), log.level
    on_term = _stop_on_sigterm()
    server = DemoServer(api_key=api_key, delay_ms=delay_ms)
    try:
        bound = server.bind(host, port)
        log.info(
            "demo server (fictional data) on http://%s:%d/api/v1/%s%s",
            host, bound, "; API key required" if api_key else "",
            f"; {delay_ms} ms delay" if delay_ms else "",
        )
        if not _is_loopback(host):
            log.warning("listening on %s: this demo server is meant for loopback only", host)
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("demo server stopped")
    finally:
        server.stop()
        if on_term is not None:
            signal.signal(signal.SIGTERM, on_term)
        if console is not None:
            log.removeHandler(console)
            console.close()
            log.setLevel(level)


def _stop_on_sigterm() -> signal.Handlers | Callable[..., Any] | int | None:
    # A service manager stops us with SIGTERM: end like Ctrl+C, closing the socket.
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    return previous if previous is not None else signal.SIG_DFL


def _console_logging() -> logging.Handler | None:
    # A bare `kiosk demo-server` has no logging set up; its request lines should still show.
    if log.isEnabledFor(logging.INFO) and log.hasHandlers():
        return None
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the `demo-server` options to `parser`."""
    parser.add_argument("--host", default=DEFAULT_HOST, help="address to listen on")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port to listen on")
    parser.add_argument(
        "--api-key",
        default=None,
        help=f"require this X-Api-Key on lookups (default: ${API_KEY_ENV}, else none)",
    )
    parser.add_argument(
        "--delay-ms", type=int, default=0, help="wait this long before each answer"
    )


def main(args: argparse.Namespace) -> int:
    """Run `kiosk demo-server` with `args` from `add_arguments`; returns the exit status."""
    api_key = args.api_key or os.environ.get(API_KEY_ENV) or None
    try:
        serve(args.host, args.port, api_key=api_key, delay_ms=args.delay_ms)
    except OSError as exc:
        log.error("cannot listen on %s:%d: %s", args.host, args.port, exc)
        return 2
    return 0
