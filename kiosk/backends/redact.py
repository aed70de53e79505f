"""Keep secrets out of every text IT or a log may see."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

MASK = "***"

#: Header names whose values are never shown, whatever they hold.
SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "x-api-key", "x-lookup-secret"}
)


class Redactor:
    """Replace known secret values (and their encoded forms) with `***`.

    Args:
        secrets: values that must never appear (API keys, passwords, tokens,
            the citizen's lookup secret). Empty values are ignored.
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._forms: list[str] = []
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str | None) -> None:
        """Also hide `secret` (e.g. a token fetched at run time)."""
        if not secret:
            return
        forms = {secret, quote(secret, safe=""), quote_plus(secret), quote(secret)}
        forms.add(base64.b64encode(secret.encode()).decode())
        # Longest first, so a secret containing another is hidden whole.
        self._forms = sorted(set(self._forms) | forms, key=len, reverse=True)

    def with_secret(self, secret: str | None) -> Redactor:
        """A copy that also hides `secret` (per-lookup secrets stay per lookup)."""
        copy = Redactor()
        copy._forms = list(self._forms)
        copy.add(secret)
        return copy

    def clean(self, text: str) -> str:
        """`text` with every known secret replaced by `***`."""
        for form in self._forms:
            if form in text:
                text = text.replace(form, MASK)
        return text

    def headers(self, headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """Headers fit to print: sensitive ones masked, secrets removed from the rest."""
        shown = []
        for name, value in headers:
            masked = MASK if name.lower() in SENSITIVE_HEADERS else self.clean(value)
            shown.append((name, masked))
        return shown
