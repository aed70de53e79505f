"""A real HTTP server on 127.0.0.1 that tests script answer by answer."""

from __future__ import annotations

import dataclasses
import json
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclasses.dataclass
class Request:
    """What the server received."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclasses.dataclass
class Reply:
    """What the server answers.

    Attributes:
        status: the HTTP status.
        body: bytes, text, or a JSON-able value.
        headers: extra headers.
        delay_s: wait before answering (cut short when the server stops).
        chunks: stream these instead of `body`, without Content-Length.
        close: close the connection without answering.
        content_type: the Content-Type header.
    """

    status: int = 200
    body: Any = b""
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    delay_s: float = 0.0
    chunks: Iterable[bytes] | None = None
    close: bool = False
    content_type: str = "application/json; charset=utf-8"

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body, ensure_ascii=False).encode()


Handler = Callable[[Request], Reply]


class LoopbackServer:
    """A threaded HTTP/1.1 server on 127.0.0.1, port chosen by the OS."""

    def __init__(self, handler: Handler, tls: tuple[str, str] | None = None) -> None:
        self.handler = handler
        self.scheme = "https" if tls else "http"
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        outer = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body leave in two writes; with Nagle on, the client's delayed ACK
            # would add ~40 ms to every answer and hide the adapter's own latency.
            disable_nagle_algorithm = True

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                split = urlsplit(self.path)
                request = Request(
                    self.command, split.path, parse_qs(split.query), dict(self.headers), body
                )
                outer.requests.append(request)
                reply = outer.handler(request)
                if reply.delay_s:
                    outer.stopping.wait(reply.delay_s)
                if reply.close:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunks is not None:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.close_connection = True
                    for chunk in reply.chunks:
                        if outer.stopping.is_set():
                            return
                        self.wfile.write(chunk)
                    return
                payload = reply.payload()
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass

        class _Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                # A client that hangs up early (size cap, timeout) is expected here.
                pass

        self._server = _Server(("127.0.0.1", 0), _Handler)
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self._server.server_port}"

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def slow_chunks(total: int, size: int = 64 * 1024, pause_s: float = 0.0) -> Iterable[bytes]:
    """`total` bytes in chunks of `size`, generated lazily (never all in memory)."""
    block = b"x" * size
    sent = 0
    while sent < total:
        if pause_s:
            time.sleep(pause_s)
        yield block
        sent += size


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
