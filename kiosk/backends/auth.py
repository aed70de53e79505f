"""Authentication for the http adapter: none, header key, Bearer, Basic, OAuth2.

OAuth2 client credentials: the token is fetched from the token URL, kept until
shortly before it expires, and fetched again once when the back office answers
401 (it may have been revoked early).
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import threading
from collections.abc import Callable

import requests

from kiosk.backends import BackendError, ErrorKind
from kiosk.backends.http_settings import AuthSettings
from kiosk.backends.redact import Redactor
from kiosk.backends.transport import Deadline, Transport, json_or_none

log = logging.getLogger("kiosk.lookup")

_DEFAULT_EXPIRY_S = 300  # when the token endpoint does not say


class Auth:
    """No authentication; the base of the others."""

    #: Whether a 401 may be cured by fetching new credentials.
    refreshable = False

    def headers(self, deadline: Deadline) -> dict[str, str]:
        """Headers to add to a back-office request."""
        return {}

    def invalidate(self) -> None:
        """Forget cached credentials (after a 401)."""


class StaticHeader(Auth):
    """A fixed header such as `X-Api-Key: ...` or `Authorization: Bearer ...`."""

    def __init__(self, name: str, value: str) -> None:
        self._header = {name: value}

    def headers(self, deadline: Deadline) -> dict[str, str]:
        return dict(self._header)


class OAuth2ClientCredentials(Auth):
    """Client-credentials token from `token_url`, cached until shortly before expiry.

    Args:
        settings: the auth settings (token_url, client id and secret, scope).
        transport: sends the token request (same session, TLS and limits).
        clock: the current time (aware).
        redactor: learns each token so that no text shows it.
    """

    refreshable = True

    def __init__(
        self,
        settings: AuthSettings,
        transport: Transport,
        clock: Callable[[], dt.datetime],
        redactor: Redactor,
    ) -> None:
        self._settings = settings
        self._transport = transport
        self._clock = clock
        self._redactor = redactor
        self._token: str | None = None
        self._renew_at = dt.datetime.min.replace(tzinfo=dt.UTC)
        self._lock = threading.Lock()
        self.fetches = 0  # for tracing and tests

    def headers(self, deadline: Deadline) -> dict[str, str]:
        with self._lock:  # one token fetch at a time, shared by all lookups
            if self._token is None or self._clock() >= self._renew_at:
                self._fetch(deadline)
            return {"Authorization": f"Bearer {self._token}"}

    def invalidate(self) -> None:
        with self._lock:
            self._token = None

    def _fetch(self, deadline: Deadline) -> None:
        s = self._settings
        form = {"grant_type": "client_credentials"}
        if s.scope:
            form["scope"] = s.scope
        headers = {"Accept": "application/json"}
        if s.client_auth == "basic":
            pair = f"{s.client_id}:{s.client_secret}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
        else:
            form.update(client_id=s.client_id, client_secret=s.client_secret)
        where = f"token POST {s.token_url}"
        request = requests.Request("POST", s.token_url, data=form, headers=headers)
        answer = self._transport.send(request, deadline, where)
        document = json_or_none(answer.body)
        if answer.status in (400, 401, 403):
            reason = _oauth_error(document)
            raise BackendError(
                ErrorKind.AUTH,
                f"{where}: HTTP {answer.status}, the token endpoint refused the client "
                f"credentials{reason}",
            )
        if answer.status != 200:
            raise BackendError(ErrorKind.HTTP, f"{where}: HTTP {answer.status}")
        if document is None:
            raise BackendError(ErrorKind.INVALID, f"{where}: the token answer is not JSON")
        if not isinstance(document, dict):
            raise BackendError(ErrorKind.SHAPE, f"{where}: the token answer is not an object")
        token = document.get("access_token")
        if not isinstance(token, str) or not token:
            raise BackendError(ErrorKind.SHAPE, f"{where}: no access_token in the answer")
        expires = document.get("expires_in", _DEFAULT_EXPIRY_S)
        if isinstance(expires, bool) or not isinstance(expires, int | float) or expires <= 0:
            expires = _DEFAULT_EXPIRY_S
        # A short-lived token is still used for at least half its life.
        margin = min(float(s.refresh_margin_s), expires / 2)
        self._redactor.add(token)
        self._token = token
        self._renew_at = self._clock() + dt.timedelta(seconds=expires - margin)
        self.fetches += 1
        log.info("token fetched from %s, valid %d s", s.token_url, int(expires))


def _oauth_error(document: object) -> str:
    """The standard OAuth2 `error` code (e.g. invalid_client), which holds no secret."""
    if isinstance(document, dict) and isinstance(document.get("error"), str):
        return f" ({document['error'][:60]})"
    return ""


def make_auth(
    settings: AuthSettings,
    transport: Transport,
    clock: Callable[[], dt.datetime],
    redactor: Redactor,
) -> Auth:
    """The authentication that `settings.kind` names.

    Raises:
        BackendError: (CONFIG) a required setting is empty.
    """
    kind = settings.kind
    required = {
        "header": ("header_name", "header_value"),
        "bearer": ("token",),
        "basic": ("username", "password"),
        "oauth2": ("token_url", "client_id", "client_secret"),
    }.get(kind, ())
    missing = [name for name in required if not getattr(settings, name)]
    if missing:
        keys = ", ".join(f"backend.http.auth.{name}" for name in missing)
        raise BackendError(ErrorKind.CONFIG, f"auth kind '{kind}' needs {keys}")
    if kind == "header":
        return StaticHeader(settings.header_name, settings.header_value)
    if kind == "bearer":
        return StaticHeader("Authorization", f"Bearer {settings.token}")
    if kind == "basic":
        pair = f"{settings.username}:{settings.password}"
        redactor.add(pair)
        return StaticHeader("Authorization", "Basic " + base64.b64encode(pair.encode()).decode())
    if kind == "oauth2":
        return OAuth2ClientCredentials(settings, transport, clock, redactor)
    return Auth()
