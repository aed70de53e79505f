"""Tests for kiosk.typing_tools: candidate originals of text rewritten on the way in."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.typing_tools import (
    MAX_READINGS,
    MAX_WORD,
    TELEX,
    VNI,
    layout_readings,
    originals,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Đ", {"DD"}),
        ("Â", {"AA"}),
        ("Ư", {"UW", "W"}),  # a lone `w` also becomes `ư`
        ("ư", {"UW", "W"}),
        ("Ơ", {"OW"}),
        ("H48", {"H48"}),  # nothing to undo
    ],
)
def test_telex_originals(word: str, expected: set[str]) -> None:
    assert originals(word, TELEX) == expected


def test_telex_tone_may_replace_an_earlier_one() -> None:
    found = originals("Á", TELEX)
    assert found is not None
    assert {"AS", "AFS", "ARS", "AXS", "AJS"} <= found
    assert all(c.startswith("A") and len(c) <= 3 for c in found)


def test_telex_tone_key_may_follow_the_final_consonant() -> None:
    # Unikey writes `ANS` as `ÁN`: the tone goes to the vowel.
    found = originals("ÁN1", TELEX)
    assert found is not None
    assert {"ASN1", "ANS1"} <= found


def test_telex_keys_never_cross_a_digit_or_dot() -> None:
    found = originals("Á.1", TELEX)
    assert found is not None
    assert all(c.startswith(("AS", "AFS", "ARS", "AXS", "AJS")) for c in found)


@pytest.mark.parametrize(
    ("word", "member"),
    [("Đ1", "D91"), ("Á7", "A17"), ("À", "A12"), ("À", "A2"), ("Ấ", "A61"), ("Ấ", "A16")],
)
def test_vni_originals(word: str, member: str) -> None:
    found = originals(word, VNI)
    assert found is not None
    assert member in found


@pytest.mark.parametrize("word", ["Á2", "Ê1", "Ư5", "Ă8", "Đ9", "Á0"])
def test_vni_cannot_leave_a_key_after_the_letter_it_applies_to(word: str) -> None:
    # VNI would have eaten the digit: `A1` + `2` shows `À`, never `Á2`.
    assert originals(word, VNI) == set()


def test_too_many_originals_or_too_long_a_word_gives_up() -> None:
    assert originals("ẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘ", TELEX) is None
    assert originals("A" * (MAX_WORD + 1), TELEX) is None


US_TO_VN = {
    "1": "ă", "2": "â", "3": "ê", "4": "ô", "5": "\u0300", "6": "\u0309",
    "7": "\u0303", "8": "\u0301", "9": "\u0323", "0": "đ", "[": "ư", "]": "ơ", "=": "₫",
}  # fmt: skip


def _typed_on_vn_layout(keys: str) -> str:
    return unicodedata.normalize("NFC", "".join(US_TO_VN.get(k, k) for k in keys))


@pytest.mark.parametrize(
    "keys", ["000.00.53.H48-220921-0099", "]Q1", "SGT=012345678", "A12", "1", "5-5"]
)
def test_layout_reading_is_unique_without_dot_next_to_other_tones(keys: str) -> None:
    assert layout_readings(_typed_on_vn_layout(keys)) == [keys]


def test_layout_dot_below_next_to_other_tone_keys_is_ambiguous() -> None:
    # Unicode sorts the dot below (9) before the other marks: `79` looks like `97`.
    assert layout_readings(_typed_on_vn_layout("0079")) == ["0079", "0097"]
    assert layout_readings(_typed_on_vn_layout("779")) == ["779", "797", "977"]


def test_layout_gives_up_beyond_the_reading_limit() -> None:
    assert layout_readings(_typed_on_vn_layout("59 " * 7)) is None
    assert MAX_READINGS < 2**7


@given(st.text(alphabet="0123456789.-=[]ABHQ", max_size=30))
def test_layout_readings_always_hold_what_was_typed(keys: str) -> None:
    readings = layout_readings(_typed_on_vn_layout(keys))
    assert readings is None or keys in readings
