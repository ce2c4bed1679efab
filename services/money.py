"""Money as people write it: in rials or tomans, in any digits, with scale words and decimals.

Prices are written in rials (ریال) on paper, but people say and type tomans (تومان); one toman
is ten rials (DOMAIN.md, "Money"). «۳ میلیون تومان», «۲٫۵ میلیون تومان», «۲/۵ میلیون»,
«۳ میلیون و ۵۰۰ هزار تومان», «۱ و نیم میلیون», «۲٬۵۰۰٬۰۰۰ ریال» and «2,500,000» are all read.
A number without a unit is read in tomans, as a Persian speaker means a bare price; the form
says so where it asks. Everything here is pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise

from services.normalize import ZWNJ, normalize_text, to_ascii_digits

__all__ = [
    "DEFAULT_UNIT",
    "MAX_RIALS",
    "RIALS_PER_TOMAN",
    "AmountProblem",
    "Money",
    "Unit",
    "parse_money",
]


class Unit(StrEnum):
    """The unit an amount is written in."""

    RIAL = "rial"
    TOMAN = "toman"


RIALS_PER_TOMAN = 10
# A bare price in everyday Persian is in tomans: «۵۰۰ هزار» is five hundred thousand tomans.
DEFAULT_UNIT = Unit.TOMAN
MAX_RIALS = 10**15


class AmountProblem(StrEnum):
    """Why a written amount cannot be taken."""

    UNREADABLE = "unreadable"
    NOT_POSITIVE = "not_positive"
    TOO_LARGE = "too_large"
    TWO_UNITS = "two_units"
    FRACTION = "fraction"


@dataclass(frozen=True)
class Money:
    """An amount in rials, with the unit it was written in and whether that unit was written
    (or assumed: :data:`DEFAULT_UNIT`)."""

    rials: int
    unit: Unit
    unit_written: bool

    @property
    def tomans(self) -> int | None:
        """The amount in whole tomans, or None when it is not a whole number of them."""
        whole, rest = divmod(self.rials, RIALS_PER_TOMAN)
        return None if rest else whole


_UNITS = (
    (Unit.RIAL, re.compile(r"ریال|\brials?\b|\birr\b|﷼")),
    (Unit.TOMAN, re.compile(r"تومان|تومن|\btomans?\b|\birt\b")),
)
_SCALES = {
    "هزار": 10**3,
    "میلیون": 10**6,
    "ملیون": 10**6,
    "میلیارد": 10**9,
    "ملیارد": 10**9,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
}
# Thousands separators: Persian «٬», comma, Arabic comma, full stop, a space between groups.
_THOUSANDS = "٬,،. "
# Decimal separators: Persian «٫», and the slash that Persian handwriting uses («۲/۵»).
_DECIMALS = "٫/"
_NUMBER = r"[0-9]+(?:[٬,،.٫/][0-9]+|\s[0-9]{3}(?![0-9]))*"
_TERM = re.compile(
    rf"(?P<number>{_NUMBER})(?:\s*و\s*(?P<half>نیم))?"
    rf"\s*(?P<scale>{'|'.join(sorted(_SCALES, key=len, reverse=True))})?"
)
# Digits beyond the cap's and a decimal part longer than any sensible one.
_MAX_DIGITS = len(str(MAX_RIALS)) + 6
_MAX_DECIMALS = 6
_AND = re.compile(r"\s*(?:و|and|\+)\s*")
_TRIM = " .،,؛;:!؟?()«»\"'"


def parse_money(text: str, default: Unit = DEFAULT_UNIT) -> Money | AmountProblem:
    """The amount a person wrote, in rials; or why it cannot be taken.

    Accepted: digits of any script; thousands separated by «٬», «,», «،», «.» or a space in
    groups of three; a decimal part after «٫», «/» or (where it cannot be a thousands
    separator) «.» or «,»; the scale words هزار، میلیون (ملیون)، میلیارد; «و نیم» for a half;
    terms joined by «و» with falling scales («۳ میلیون و ۵۰۰ هزار»); the unit ریال (﷼) or
    تومان (تومن) anywhere, else ``default``. Refused: two units, a result of zero or less,
    above :data:`MAX_RIALS`, or not a whole number of rials.
    """
    cleaned = to_ascii_digits(normalize_text(text)).replace(ZWNJ, " ").casefold()
    units = {unit for unit, pattern in _UNITS if pattern.search(cleaned)}
    if len(units) > 1:
        return AmountProblem.TWO_UNITS
    for _, pattern in _UNITS:
        cleaned = pattern.sub(" ", cleaned)
    cleaned = " ".join(cleaned.split()).strip(_TRIM)
    total = _read_terms(cleaned)
    if total is None:
        return AmountProblem.UNREADABLE
    written = bool(units)
    unit = units.pop() if units else default
    rials = total * (RIALS_PER_TOMAN if unit is Unit.TOMAN else 1)
    if rials <= 0:
        return AmountProblem.NOT_POSITIVE
    if rials > MAX_RIALS:
        return AmountProblem.TOO_LARGE
    if rials.denominator != 1:
        return AmountProblem.FRACTION
    return Money(rials=int(rials), unit=unit, unit_written=written)


def _read_terms(text: str) -> Fraction | None:
    """The sum of terms such as «۳ میلیون و ۵۰۰ هزار»; each term but a lone one has its scale,
    and scales fall («۳ میلیون و ۵۰۰» is a slip: five hundred what?)."""
    if not text:
        return None
    total = Fraction(0)
    scales: list[int] = []
    position = 0
    while True:
        match = _TERM.match(text, position)
        if match is None:
            return None
        scale = _SCALES[match["scale"]] if match["scale"] else 1
        number = _read_number(match["number"], scaled=match["scale"] is not None)
        if number is None:
            return None
        if match["half"]:
            number += Fraction(1, 2)
        total += number * scale
        scales.append(scale)
        position = match.end()
        if position == len(text):
            break
        joint = _AND.match(text, position)
        if joint is None or joint.end() == len(text):
            return None
        position = joint.end()
    falling = all(earlier > later for earlier, later in pairwise(scales))
    if len(scales) > 1 and (not falling or scales[-1] == 1):
        return None
    return total


def _read_number(token: str, *, scaled: bool) -> Fraction | None:
    """A number with its separators. The last one may be a decimal point: «٫» or «/» always;
    another one used once when what follows is not a group of three digits (a slip for «٫»
    in «۲٬۵ میلیون»), and «.» also before a scale word («1.5 میلیون», «1.500 میلیون»)."""
    if sum(char.isdigit() for char in token.lstrip("0")) > _MAX_DIGITS:
        # More digits than any amount has: too large, whatever they say (and never parsed).
        return Fraction(MAX_RIALS + 1)
    separators = [(index, char) for index, char in enumerate(token) if not char.isdigit()]
    if not separators:
        return Fraction(int(token))
    index, last = separators[-1]
    decimals = ""
    group = len(token) - index - 1 == 3
    alone = token.count(last) == 1
    if (
        last in _DECIMALS
        or (last == "." and alone and (scaled or not group))
        or (last in ",٬،" and alone and not group)
    ):
        token, decimals = token[:index], token[index + 1 :]
        separators = separators[:-1]
    kinds = {char for _, char in separators}
    if len(kinds) > 1 or not kinds <= set(_THOUSANDS):
        return None
    if kinds:
        groups = token.split(kinds.pop())
        if not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
            return None
        token = "".join(groups)
    if len(decimals) > _MAX_DECIMALS:
        return None
    value = Fraction(int(token))
    if decimals:
        value += Fraction(int(decimals), 10 ** len(decimals))
    return value
