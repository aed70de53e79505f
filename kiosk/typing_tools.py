"""Undo what Vietnamese typing tools and keyboard layouts do to a scanner's keystrokes.

A USB scanner in keyboard mode types the payload key by key, so a typing tool
running on the PC (Unikey, EVKey, OpenKey) rewrites it as if a person typed
Vietnamese: Telex turns `DD` into `Đ` and eats the `S` of `AS` to make `Á`,
VNI eats the `1` of `A1` to make `Á`. The Windows "Vietnamese" keyboard layout
turns the digit row into `ă â ê ô`, tone marks and `đ`.

This module only proposes candidates: for one word of the payload it lists
every original that the tool could have turned into it. The caller keeps the
candidates that are dossier codes and accepts a result only when it is unique.
Candidates are over-generated on purpose: an extra candidate can only make a
result ambiguous (refused), a missing one could let a wrong code through.

Not recoverable, because the tool leaves no trace: a key pressed twice to undo
a mark (Telex `ASS` -> `AS`, `DDD` -> `DD`; VNI `A11` -> `A1`), and Telex `z` /
VNI `0` removing a tone that was just added (`ASZ` -> `A`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Iterator

# Tone marks as combining characters, in the order of the tone keys.
_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc huyền hỏi ngã nặng
_VOWELS = frozenset("AEIOUYĂÂÊÔƠƯ")

# The longest word worth un-rewriting: a code is at most 35 + 12 characters and
# typing tools only ever shorten it. Bounds recursion and work on hostile input.
MAX_WORD = 64
# More candidates than this for one word means it is hopelessly ambiguous.
MAX_CANDIDATES = 2000


@dataclasses.dataclass(frozen=True)
class Scheme:
    """An input method: which keys it eats to write each mark.

    Attributes:
        name: for messages.
        tone_keys: the key for each tone of `_TONES`, same order.
        untone_key: the key that removes a tone.
        letters: each marked letter (upper case, no tone) -> the ways to type
            it as (letters typed in place, keys eaten later in the same word).
    """

    name: str
    tone_keys: tuple[str, str, str, str, str]
    untone_key: str
    letters: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]


TELEX = Scheme(
    "Telex",
    ("S", "F", "R", "X", "J"),
    "Z",
    {
        "Â": (("A", ("A",)),),
        "Ê": (("E", ("E",)),),
        "Ô": (("O", ("O",)),),
        "Ă": (("A", ("W",)),),
        "Ơ": (("O", ("W",)),),
        # A lone `W` (after a consonant, or at the start) also becomes `Ư`.
        "Ư": (("U", ("W",)), ("W", ())),
        "Đ": (("D", ("D",)),),
    },
)

VNI = Scheme(
    "VNI",
    ("1", "2", "3", "4", "5"),
    "0",
    {
        "Â": (("A", ("6",)),),
        "Ê": (("E", ("6",)),),
        "Ô": (("O", ("6",)),),
        "Ă": (("A", ("8",)),),
        "Ơ": (("O", ("7",)),),
        "Ư": (("U", ("7",)),),
        "Đ": (("D", ("9",)),),
    },
)

SCHEMES = (TELEX, VNI)

# Windows "Vietnamese" layout, digit row and brackets: what it shows -> the US key.
# Tone keys produce combining marks, which then join the previous letter.
_LAYOUT = {
    "ă": "1", "â": "2", "ê": "3", "ô": "4", "đ": "0",
    "Ă": "1", "Â": "2", "Ê": "3", "Ô": "4", "Đ": "0",  # with Caps Lock
    "\u0300": "5", "\u0309": "6", "\u0303": "7", "\u0301": "8", "\u0323": "9",
    "ư": "[", "ơ": "]", "Ư": "[", "Ơ": "]", "₫": "=",
}  # fmt: skip
_LETTER_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn: part of a letter key
_DOT_BELOW = "9"  # its mark sorts before the other tone marks in Unicode order
MAX_READINGS = 64
_SENTINEL = "\x00"  # a base for marks typed before any letter; removed again
_MAX_MARK_RUN = 10  # a code never has more digit keys in a row without `.` or `-`


def layout_readings(text: str) -> list[str] | None:
    """Every text that, typed on the Windows Vietnamese layout, shows as `text`.

    Tone keys give combining marks that Unicode normalization reorders: the
    dot below (key 9) moves before the others, so `79` and `97` look the same
    and both readings are returned.

    Returns:
        The readings (one when nothing is ambiguous), or `None` when there are
        more than `MAX_READINGS`.
    """
    readings = [""]
    # The sentinel gives marks typed before any letter (key 7 first) a base too.
    decomposed = _SENTINEL + unicodedata.normalize("NFD", text)
    for m in re.finditer("(.)([\u0300-\u036f]*)", decomposed, re.S):
        base, marks = m.groups()
        letter_mark = next((c for c in marks if c in _LETTER_MARKS), "")
        if letter_mark and base in "aeouAEOU":  # the ă â ê ô ư ơ keys
            base = unicodedata.normalize("NFC", base + letter_mark)
            marks = marks.replace(letter_mark, "", 1)
        head = _LAYOUT.get(base, base)
        keys = [_LAYOUT.get(c, c) for c in marks]
        options = {head + "".join(keys)}
        others = [k for k in keys if k != _DOT_BELOW]
        if others and len(others) < len(keys) <= _MAX_MARK_RUN:
            # Put the dots back in every position; the other keys keep their order.
            for dots in itertools.combinations(range(len(keys)), len(keys) - len(others)):
                rest = iter(others)
                options.add(head + "".join(
                    _DOT_BELOW if i in dots else next(rest) for i in range(len(keys))
                ))  # fmt: skip
        readings = [r + option for r in readings for option in sorted(options)]
        if len(readings) > MAX_READINGS:
            return None
    return [r.removeprefix(_SENTINEL) for r in readings]


def _ways(ch: str, scheme: Scheme) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """How `ch` (upper case) could have been typed with `scheme`."""
    if ch.isascii():
        return ((ch, ()),)
    decomposed = unicodedata.normalize("NFD", ch)
    tones = [i for i, mark in enumerate(_TONES) if mark in decomposed]
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if bare in scheme.letters:
        bases = scheme.letters[bare]
    elif bare.isascii() and bare.isalpha():
        bases = ((bare, ()),)
    else:
        return ((ch, ()),)  # not something this scheme writes: left as is, never a code
    if not tones:
        return bases
    if len(tones) > 1 or bare not in _VOWELS:
        return ((ch, ()),)
    key = scheme.tone_keys[tones[0]]
    # The tone may have replaced another one typed first (`ASF` -> `À`, `A12` -> `À`).
    firsts = [(k,) for k in scheme.tone_keys if k != key]
    return tuple((base, (*eaten, *first, key)) for base, eaten in bases for first in [(), *firsts])


def _eats(scheme: Scheme, letter: str, key: str) -> bool:
    """Whether `scheme` changes `letter` (upper case) when `key` is typed right after it."""
    decomposed = unicodedata.normalize("NFD", letter)
    base = "D" if letter == "Đ" else decomposed[0]
    if key in scheme.tone_keys:
        return base in "AEIOUY"
    if key == scheme.untone_key:
        return any(mark in decomposed for mark in _TONES)
    return any(
        keys == (key,) and typed == base for ways in scheme.letters.values() for typed, keys in ways
    )


def _expand(word: str, i: int, pending: tuple[str, ...], scheme: Scheme) -> Iterator[str]:
    """Yield originals of `word[i:]`, with `pending` eaten keys still to place.

    An eaten key can sit anywhere after its letter as long as it stays inside
    the same run of letters (Unikey and EVKey accept `ANS` for `ÁN`).
    """
    for n, key in enumerate(pending):
        for rest in _expand(word, i, pending[:n] + pending[n + 1 :], scheme):
            yield key + rest
    if i == len(word):
        if not pending:
            yield ""
        return
    ch = word[i]
    if pending and not ch.isalpha():
        return  # a digit or a dot ends the word for the typing tool
    for base, eaten in _ways(ch, scheme):
        for rest in _expand(word, i + 1, pending + eaten, scheme):
            yield base + rest


def originals(word: str, scheme: Scheme) -> set[str] | None:
    """Every original (upper case) that `scheme` could have turned into `word`.

    Args:
        word: one word of the payload.
        scheme: the input method to undo.

    Returns:
        The candidates (the word itself when nothing in it is the scheme's), or
        `None` when there are too many to choose from or the word is too long.
    """
    if len(word) > MAX_WORD:
        return None
    word = word.upper()
    for letter, after in itertools.pairwise(word):
        # A key right after the letter it applies to would have been eaten too
        # (VNI shows `A1` + `2` as `À`, never `Á2`): this scheme did not write `word`.
        if not letter.isascii() and not after.isalpha() and _eats(scheme, letter, after):
            return set()
    found: set[str] = set()
    for candidate in _expand(word, 0, (), scheme):
        found.add(candidate)
        if len(found) > MAX_CANDIDATES:
            return None
    return found


def candidates(word: str, tail: re.Pattern[str]) -> set[str] | None:
    """Every original of `word` (upper case) under Telex, VNI and the Vietnamese layout.

    Args:
        word: one word of the payload, upper case.
        tail: matches the end of the word that Telex and VNI cannot have
            touched (a code's `-YYMMDD-NNNN`: digits after `-` are never keys).
            Only the part before it is undone, which keeps the work small.

    Returns:
        The candidates, or `None` when there are too many to choose from.
    """
    readings = layout_readings(word)
    if readings is None:
        return None
    # That layout turns every digit key into something else: a digit means another cause.
    found = set() if re.search("[0-9]", word) else {r.upper() for r in readings}
    end = tail.search(word)
    if end:
        for scheme in SCHEMES:
            heads = originals(word[: end.start()], scheme)
            if heads is None:
                return None
            found |= {head + end.group() for head in heads}
    return found
