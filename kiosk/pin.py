"""The admin PIN: salted hashing, verification and a lockout after wrong tries.

The PIN is never stored: `config.toml` holds a self-describing PBKDF2 hash,
``pbkdf2_sha256$<iterations>$<salt, base64>$<hash, base64>``. No Qt here.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import math
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 240_000
#: Stored hashes outside these bounds are refused (a huge count would freeze the kiosk).
MIN_ITERATIONS = 200_000
MAX_ITERATIONS = 5_000_000
SALT_BYTES = 16
MAX_TRIES = 5
LOCKOUT_S = 300.0

_PIN_RE = re.compile(r"[0-9]{4,8}")


class PinError(ValueError):
    """A PIN that does not have 4 to 8 digits."""


def is_valid_pin(pin: str) -> bool:
    """Whether `pin` has 4 to 8 ASCII digits and nothing else."""
    return _PIN_RE.fullmatch(pin) is not None


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """Hash `pin` with a random (or the given) salt.

    Raises:
        PinError: the PIN does not have 4 to 8 digits.
    """
    if not is_valid_pin(pin):
        raise PinError("a PIN has 4 to 8 digits")
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, ITERATIONS)
    return f"{ALGORITHM}${ITERATIONS}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches hash `stored`; False for an empty or malformed hash."""
    parts = stored.strip().split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM or not parts[1].isdigit():
        return False
    iterations = int(parts[1])
    if not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
        return False
    try:
        salt = base64.b64decode(parts[2], validate=True)
        expected = base64.b64decode(parts[3], validate=True)
    except (binascii.Error, ValueError):
        return False
    if not salt or len(expected) != hashlib.sha256().digest_size:
        return False
    # Still hash a PIN of the wrong shape, so timing says nothing about it.
    candidate = pin.encode("utf-8", "replace")
    digest = hashlib.pbkdf2_hmac("sha256", candidate, salt, iterations)
    return hmac.compare_digest(digest, expected) and is_valid_pin(pin)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass(frozen=True)
class Attempt:
    """The outcome of one try at the PIN pad.

    Attributes:
        ok: the PIN was right.
        tries_left: wrong tries left before the lockout (0 when locked).
        locked_s: whole seconds the pad stays locked (0 = not locked).
    """

    ok: bool
    tries_left: int
    locked_s: int


class PinGuard:
    """Counts wrong tries; after `max_tries` in a row it refuses for `lockout_s`.

    The count lives in memory: a restart of the kiosk clears it.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        *,
        max_tries: int = MAX_TRIES,
        lockout_s: float = LOCKOUT_S,
    ) -> None:
        self._clock = clock
        self._max_tries = max_tries
        self._lockout_s = lockout_s
        self._failures = 0
        self._locked_until: float | None = None

    def locked_for(self) -> int:
        """Whole seconds the pad stays locked (0 when it is open)."""
        if self._locked_until is None:
            return 0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            return 0
        return math.ceil(left)

    def attempt(self, pin: str, stored: str) -> Attempt:
        """Check `pin` against `stored`, unless the pad is locked."""
        locked = self.locked_for()
        if locked:
            return Attempt(ok=False, tries_left=0, locked_s=locked)
        if verify_pin(pin, stored):
            self._failures = 0
            return Attempt(ok=True, tries_left=self._max_tries, locked_s=0)
        self._failures += 1
        if self._failures >= self._max_tries:
            self._failures = 0
            self._locked_until = self._clock() + self._lockout_s
            return Attempt(ok=False, tries_left=0, locked_s=math.ceil(self._lockout_s))
        return Attempt(ok=False, tries_left=self._max_tries - self._failures, locked_s=0)
