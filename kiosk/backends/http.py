"""The `http` adapter: a configurable client for provincial back offices.

Everything vendor-specific lives in `[backend.http]` (request template, auth,
TLS, limits, response mapping); this module only carries it out. A lookup is
two halves that `kiosk lookup --trace` also uses one by one: `fetch()` sends
the request and returns an `Exchange`, `interpret()` turns it into a result.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import requests
import urllib3

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.auth import make_auth
from kiosk.backends.http_settings import HttpSettings
from kiosk.backends.mapping import Mapper
from kiosk.backends.redact import MASK, SENSITIVE_HEADERS, Redactor
from kiosk.backends.transport import Answer, Deadline, Limits, Transport, json_or_none
from kiosk.dossier import VN_TZ, Dossier
from kiosk.scan import DossierQuery

log = logging.getLogger("kiosk.lookup")

_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
_ALLOWED = frozenset({"code", "secret"})
_SECRET_NAME_RE = re.compile(r"key|token|secret|pass|auth|sig", re.IGNORECASE)
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


@dataclasses.dataclass(frozen=True)
class Exchange:
    """One request and its answer, as IT may see them (secrets masked).

    Attributes:
        method: the HTTP method.
        url: the URL with query parameters, secrets shown as `***`.
        headers: the request headers, sensitive ones masked.
        answer: the HTTP answer.
    """

    method: str
    url: str
    headers: list[tuple[str, str]]
    answer: Answer

    @property
    def where(self) -> str:
        """Method and shown URL, the prefix of every message about this request."""
        return f"{self.method} {self.url}"


class HttpBackend:
    """A back office reached over HTTP(S), shaped by `HttpSettings`.

    Args:
        settings: the `[backend.http]` table.
        session: a requests session to use (closed by its owner); default: own one.
        clock: the current time, aware (token expiry, `Dossier.fetched`).
        sleep: waits between retries.

    Raises:
        BackendError: (CONFIG) the settings cannot work (bad template, missing CA file).
    """

    name = "http"

    def __init__(
        self,
        settings: HttpSettings,
        *,
        session: requests.Session | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.settings = settings
        self._clock = clock or (lambda: dt.datetime.now(VN_TZ))
        _check_templates(settings)
        self.redactor = Redactor(_static_secrets(settings))
        self._own_session = session is None
        self.session = session if session is not None else requests.Session()
        self.session.max_redirects = 5
        self.session.verify = _verify(settings)
        if settings.proxy:
            self.session.proxies = {"http": settings.proxy, "https": settings.proxy}
        limits = Limits(
            connect_s=settings.connect_timeout_s,
            read_s=settings.read_timeout_s,
            total_s=settings.total_timeout_s,
            retries=settings.retries,
            backoff_s=settings.backoff_s,
            max_bytes=settings.max_response_kb * 1024,
        )
        transport_args: dict[str, Any] = {"sleep": sleep} if sleep else {}
        self.transport = Transport(self.session, limits, **transport_args)
        self.auth = make_auth(settings.auth, self.transport, self._clock, self.redactor)
        self.mapper = Mapper(settings.mapping)

    def lookup(self, query: DossierQuery) -> Dossier | None:
        """Ask the back office; `None` means it does not know the dossier.

        Raises:
            BackendError: typed cause; the text has no secret and no personal data.
        """
        redactor = self.redactor.with_secret(query.secret)
        try:
            exchange = self.fetch(query)
            dossier = self.interpret(exchange, query)
        except BackendError as exc:
            clean = BackendError(exc.kind, redactor.clean(exc.detail))
            log.warning("lookup %s failed: %s", query.code, clean)
            raise clean from None
        answer = exchange.answer
        outcome = f"found, status {dossier.status.value}" if dossier else "not found"
        log.info(
            "lookup %s: %s (HTTP %d, %.0f ms, %d attempt(s), %s)",
            query.code, outcome, answer.status, answer.elapsed_ms, answer.attempts,
            exchange.url,
        )  # fmt: skip
        return dossier

    def fetch(self, query: DossierQuery) -> Exchange:
        """Send the lookup request (with a fresh token once after a 401).

        Raises:
            BackendError: the request could not be made or was not answered.
        """
        deadline = Deadline(self.settings.total_timeout_s)
        exchange = self._send_once(query, deadline)
        if exchange.answer.status == 401 and self.auth.refreshable:
            log.info("%s: HTTP 401, fetching a new token and trying once more", exchange.where)
            self.auth.invalidate()
            exchange = self._send_once(query, deadline)
        return exchange

    def interpret(self, exchange: Exchange, query: DossierQuery) -> Dossier | None:
        """Turn an answer into a dossier, `None` (not found), or a typed error."""
        answer, where = exchange.answer, exchange.where
        status = answer.status
        not_found = self.settings.mapping.not_found
        if status in not_found.statuses:
            if not not_found.field:
                return None
            document = json_or_none(answer.body)
            if self.mapper.has_not_found_marker(document):
                return None
            raise BackendError(
                ErrorKind.HTTP,
                f"{where}: HTTP {status} without '{not_found.field}' = "
                f"{' / '.join(not_found.values)}: the URL is probably wrong",
            )
        if status in (401, 403):
            raise BackendError(
                ErrorKind.AUTH,
                f"{where}: HTTP {status}, the back office refused the credentials "
                "(check [backend.http.auth])",
            )
        if not 200 <= status < 300:
            kind = "server error" if status >= 500 else "unexpected answer"
            raise BackendError(ErrorKind.HTTP, f"{where}: HTTP {status} ({kind})")
        document = parse_json(answer, where)
        return self.mapper.dossier(document, query, self._clock())

    def close(self) -> None:
        """Close the session if this backend made it."""
        if self._own_session:
            self.session.close()

    def _send_once(self, query: DossierQuery, deadline: Deadline) -> Exchange:
        s = self.settings
        code, secret = query.code, query.secret
        url = _render_url(s.url, code, secret)
        shown_url = _render_url(s.url, code, MASK if secret else None)
        params = _render_map(s.query, code, secret)
        shown_params = _render_map(s.query, code, MASK if secret else None)
        headers = {"Accept": "application/json"}
        headers.update(_render_map(s.headers, code, secret, header=True))
        if s.api_key:
            headers["X-Api-Key"] = s.api_key
        headers.update(self.auth.headers(deadline))
        body = _render_map(s.body, code, secret) if s.body else None
        request = requests.Request(
            s.method,
            url,
            params=params,
            headers=headers,
            json=body if body is not None and s.body_format == "json" else None,
            data=body if body is not None and s.body_format == "form" else None,
        )
        if shown_params:
            shown_url += ("&" if "?" in shown_url else "?") + urlencode(shown_params, safe="*")
        redactor = self.redactor.with_secret(secret)
        shown_url = redactor.clean(shown_url)
        where = f"{s.method} {shown_url}"
        answer = self.transport.send(request, deadline, where)
        return Exchange(s.method, shown_url, redactor.headers(headers.items()), answer)


def parse_json(answer: Answer, where: str) -> Any:
    """The answer's JSON document.

    Raises:
        BackendError: (INVALID) empty, HTML, or not JSON.
    """
    body = answer.body.lstrip()
    if not body:
        raise BackendError(ErrorKind.INVALID, f"{where}: empty answer, expected JSON")
    if "html" in answer.content_type or body[:1] == b"<":
        raise BackendError(
            ErrorKind.INVALID,
            f"{where}: HTML instead of JSON (a login page, a proxy page or the wrong URL?)",
        )
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as exc:
        # Say where the JSON broke, not what it held.
        at = f" at byte {exc.pos}" if isinstance(exc, json.JSONDecodeError) else ""
        raise BackendError(
            ErrorKind.INVALID, f"{where}: the answer is not valid JSON{at}"
        ) from None


def _render(template: str, code: str, secret: str | None, encode: bool) -> str:
    def value(match: re.Match[str]) -> str:
        raw = code if match.group(1) == "code" else (secret or "")
        # Codes and secrets are data, never URL syntax: encode every reserved character.
        return quote(raw, safe="") if encode else raw

    return _PLACEHOLDER_RE.sub(value, template)


def _render_url(template: str, code: str, secret: str | None) -> str:
    return _render(template, code, secret, encode=True)


def _render_map(
    templates: Mapping[str, str], code: str, secret: str | None, *, header: bool = False
) -> dict[str, str]:
    """Render each template; one that needs a secret is left out when there is none."""
    rendered = {}
    for key, template in templates.items():
        if "{secret}" in template and not secret:
            continue
        text = _render(template, code, secret, encode=False)
        rendered[key] = _CONTROL_RE.sub("", text) if header else text
    return rendered


def _check_templates(settings: HttpSettings) -> None:
    templates = {"url": settings.url}
    for table in ("query", "headers", "body"):
        for key, value in getattr(settings, table).items():
            templates[f"{table}.{key}"] = value
    for where, template in templates.items():
        unknown = set(_PLACEHOLDER_RE.findall(template)) - _ALLOWED
        if unknown:
            names = ", ".join("{" + n + "}" for n in sorted(unknown))
            raise BackendError(
                ErrorKind.CONFIG,
                f"backend.http.{where}: unknown placeholder {names}; use {{code}} or {{secret}}",
            )
    if urlsplit(settings.url).scheme not in ("http", "https"):
        raise BackendError(ErrorKind.CONFIG, "backend.http.url must start with http:// or https://")


def _verify(settings: HttpSettings) -> bool | str:
    tls = settings.tls
    if not tls.verify:
        log.warning(
            "TLS certificate checks are OFF (backend.http.tls.verify = false): "
            "anyone on the network path can pose as the back office"
        )
        # Our own warning above replaces urllib3's one per request.
        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        return False
    if tls.ca_bundle:
        if not os.path.isfile(tls.ca_bundle):
            raise BackendError(
                ErrorKind.CONFIG, f"backend.http.tls.ca_bundle: no such file {tls.ca_bundle!r}"
            )
        return tls.ca_bundle
    return True


def _static_secrets(settings: HttpSettings) -> list[str]:
    """Every configured value that must never be shown."""
    auth = settings.auth
    secrets = [settings.api_key, auth.header_value, auth.token, auth.password, auth.client_secret]
    proxy_password = urlsplit(settings.proxy).password if settings.proxy else None
    secrets.append(proxy_password or "")
    # Fixed values of key-like headers and parameters; templates hold only per-lookup data.
    for name, value in [*settings.headers.items(), *settings.query.items()]:
        sensitive = name.lower() in SENSITIVE_HEADERS or _SECRET_NAME_RE.search(name)
        if sensitive and not _PLACEHOLDER_RE.search(value):
            secrets.append(value)
    return [s for s in secrets if s]
