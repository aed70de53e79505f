"""The admin PIN: stored only as a salted hash; five wrong tries lock the pad."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.pin import ITERATIONS, PinError, PinGuard, hash_pin, is_valid_pin, verify_pin


def test_hash_describes_itself_and_verifies() -> None:
    stored = hash_pin("2468")
    algorithm, iterations, salt, digest = stored.split("$")
    assert algorithm == "pbkdf2_sha256"
    assert int(iterations) == ITERATIONS >= 200_000
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(digest)) == 32
    assert "2468" not in stored
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("24680", stored)


def test_same_pin_gets_a_new_salt_each_time() -> None:
    assert hash_pin("123456") != hash_pin("123456")
    assert hash_pin("123456", salt=b"0123456789abcdef") == hash_pin(
        "123456", salt=b"0123456789abcdef"
    )


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", "１２３４", " 1234", "12.4"])
def test_only_four_to_eight_ascii_digits_are_a_pin(pin: str) -> None:
    assert not is_valid_pin(pin)
    with pytest.raises(PinError):
        hash_pin(pin)


def test_empty_or_malformed_hash_never_matches() -> None:
    good = hash_pin("1234")
    _, iterations, salt, digest = good.split("$")
    for stored in [
        "",
        "1234",
        "pbkdf2_sha256$$$",
        f"pbkdf2_sha1${iterations}${salt}${digest}",
        f"pbkdf2_sha256$1000${salt}${digest}",  # too few iterations to trust
        f"pbkdf2_sha256$99999999999${salt}${digest}",
        f"pbkdf2_sha256${iterations}$!!!${digest}",
        f"pbkdf2_sha256${iterations}${salt}${digest[:-4]}",
        f"pbkdf2_sha256${iterations}${salt}",
    ]:
        assert not verify_pin("1234", stored), stored


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=12), st.text(max_size=80))
def test_verify_never_raises(pin: str, stored: str) -> None:
    assert verify_pin(pin, stored) is False


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_five_wrong_tries_lock_for_five_minutes() -> None:
    stored = hash_pin("8080")
    clock = Clock()
    guard = PinGuard(clock)
    left = [guard.attempt("0000", stored).tries_left for _ in range(4)]
    assert left == [4, 3, 2, 1]
    fifth = guard.attempt("0000", stored)
    assert not fifth.ok and fifth.locked_s == 300
    # Locked: even the right PIN is refused, and the wait counts down.
    clock.now += 120
    refused = guard.attempt("8080", stored)
    assert not refused.ok and refused.locked_s == 180
    assert guard.locked_for() == 180
    clock.now += 180
    assert guard.locked_for() == 0
    assert guard.attempt("8080", stored).ok


def test_right_pin_forgets_earlier_wrong_tries() -> None:
    stored = hash_pin("8080")
    guard = PinGuard(Clock())
    for _ in range(4):
        guard.attempt("1111", stored)
    assert guard.attempt("8080", stored).ok
    assert guard.attempt("1111", stored).tries_left == 4
