"""Tracking codes (کد رهگیری) given to citizens for their cases.

A code is ten ASCII digits, shown as two groups of five: ``12345-67890``. Citizens read codes
aloud over the phone and type them on phone keyboards, so a code has digits only and a check
digit that catches the usual mistakes.

Layout: digit 1 is the :class:`CodeKind`; digits 2–9 are random from :mod:`secrets` (not
sequential, so one code says nothing about others), the first of them never 0 so that every
code looks alike; digit 10 is a Damm check digit over digits 1–9, which detects every
single-digit error and every transposition of adjacent digits.

Uniqueness is not promised here: with 9×10^7 codes per kind, collisions become likely after
some ten thousand codes, so storage keeps a unique index and draws again on a clash.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from services.normalize import to_ascii_digits

__all__ = [
    "CODE_LENGTH",
    "CodeKind",
    "CodeReading",
    "TrackingCode",
    "Typed",
    "damm_check_digit",
    "looks_like_a_code",
    "new_code",
    "parse_code",
    "read_code",
]

CODE_LENGTH = 10
_GROUP = 5


class CodeKind(StrEnum):
    """What a code tracks; the value is the code's first digit. Digits 3–9 are free."""

    COMPLAINT = "1"
    CERTIFICATE = "2"


# The Damm quasigroup of order 10 (weakly totally anti-symmetric, zero diagonal).
_DAMM_TABLE: tuple[tuple[int, ...], ...] = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)
_ASCII_DIGITS = re.compile(r"[0-9]*")


def _damm_interim(digits: str) -> int:
    interim = 0
    for char in digits:
        interim = _DAMM_TABLE[interim][int(char)]
    return interim


def damm_check_digit(payload: str) -> str:
    """Return the Damm check digit of a string of ASCII digits.

    Appending it makes the Damm checksum of the whole string 0, which is how codes are
    verified.
    """
    if _ASCII_DIGITS.fullmatch(payload) is None:
        raise ValueError("the payload must be ASCII digits")
    return str(_damm_interim(payload))


@dataclass(frozen=True)
class TrackingCode:
    """A valid tracking code; construction fails (ValueError) on anything else."""

    digits: str
    """Ten ASCII digits: the canonical form, for storage and comparison."""

    def __post_init__(self) -> None:
        if len(self.digits) != CODE_LENGTH or _ASCII_DIGITS.fullmatch(self.digits) is None:
            raise ValueError(f"a tracking code is {CODE_LENGTH} ASCII digits")
        if self.digits[0] not in _KINDS:
            raise ValueError(f"unknown tracking code kind {self.digits[0]!r}")
        if _damm_interim(self.digits) != 0:
            raise ValueError("wrong tracking code check digit")

    @property
    def kind(self) -> CodeKind:
        """The kind of case, told by the first digit."""
        return CodeKind(self.digits[0])

    def display(self) -> str:
        """ASCII digits in two groups of five joined by a hyphen: ``12345-67890``."""
        return f"{self.digits[:_GROUP]}-{self.digits[_GROUP:]}"

    def __str__(self) -> str:
        return self.digits


_KINDS = frozenset(kind.value for kind in CodeKind)


def new_code(kind: CodeKind, rng: Callable[[int], int] = secrets.randbelow) -> TrackingCode:
    """Draw a new code of ``kind``; ``rng(n)`` returns a uniform integer in ``[0, n)``.

    The default is :func:`secrets.randbelow`: codes must not be guessable, since a code is
    what a citizen shows to read their case.
    """
    random_digits = str(1 + rng(9)) + "".join(str(rng(10)) for _ in range(7))
    payload = kind.value + random_digits
    return TrackingCode(payload + damm_check_digit(payload))


# Everything people put between digits: whitespace, hyphens and dashes of every kind, the
# tatweel that Persian keyboards offer as a dash, ZWNJ, and bidi marks pasted with the text.
_CODE_NOISE = re.compile(
    "[\\s\\-_\u0640\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
    "\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u061c]"
)


def parse_code(text: str) -> TrackingCode | None:
    """Read a tracking code as a citizen types or pastes it, or return ``None``.

    Accepted: Persian, Arabic-Indic or ASCII digits; spaces, hyphens/dashes, underscores,
    tatweel, ZWNJ and bidi marks anywhere; one leading ``#``. Rejected: anything that is not
    then exactly ten digits, an unknown kind digit, or a wrong check digit.
    """
    cleaned = _CODE_NOISE.sub("", to_ascii_digits(text)).removeprefix("#")
    if len(cleaned) != CODE_LENGTH or _ASCII_DIGITS.fullmatch(cleaned) is None:
        return None
    try:
        return TrackingCode(cleaned)
    except ValueError:
        return None


class Typed(StrEnum):
    """What a citizen typed where a code was asked for."""

    CODE = "code"  # a valid code
    MISTYPED = "mistyped"  # ten digits, but the check digit (or the kind digit) disagrees
    WRONG_LENGTH = "wrong_length"  # digits, but not ten of them
    NO_DIGITS = "no_digits"  # words, not a code


@dataclass(frozen=True)
class CodeReading:
    """A typed code as read: the code when valid, the digits found otherwise."""

    typed: Typed
    digits: str = ""
    code: TrackingCode | None = None


_ANY_DIGIT = re.compile(r"[0-9]")


def read_code(text: str) -> CodeReading:
    """Read an answer to "send the tracking code": the digits in it, in any script, whatever
    stands between them ("کد من ۱۲۳۴۵-۶۷۸۹۰ است" holds a code).

    Ten digits that fail the Damm check are a typo (a digit mistyped, two swapped): the check
    digit catches every such slip, so the citizen is told so rather than "not found".
    """
    digits = "".join(_ANY_DIGIT.findall(to_ascii_digits(text)))
    if not digits:
        return CodeReading(Typed.NO_DIGITS)
    if len(digits) != CODE_LENGTH:
        return CodeReading(Typed.WRONG_LENGTH, digits)
    try:
        return CodeReading(Typed.CODE, digits, TrackingCode(digits))
    except ValueError:
        return CodeReading(Typed.MISTYPED, digits)


def looks_like_a_code(text: str) -> bool:
    """Whether a message is a tracking code sent on its own, valid or with a slip: ten digits
    and nothing else but what people put between them, starting as codes start (a kind digit,
    then never 0); other ten-digit numbers (a national ID, a phone without its 0) are words."""
    cleaned = _CODE_NOISE.sub("", to_ascii_digits(text)).removeprefix("#")
    if len(cleaned) != CODE_LENGTH or _ASCII_DIGITS.fullmatch(cleaned) is None:
        return False
    return parse_code(cleaned) is not None or (cleaned[0] in _KINDS and cleaned[1] != "0")
