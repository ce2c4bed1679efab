"""Personal data in what people type, kept only in forms that do not show it (issue 10 §3).

A description, a relayed message, a draft, a message waiting in the outbox are encrypted whole
(models.crypto). What is kept beside them to be matched must not show them either: a search's
audit line keeps phone numbers and national IDs (کد ملی) as keyed digests, and a description is
found by /find through the keyed digests of its words.
"""

from __future__ import annotations

import re

from models import crypto
from models.repos import Repo
from services.normalize import parse_phone, search_key, to_ascii_digits
from services.tracking import parse_code

_DIGIT = "0-9\u06f0-\u06f9\u0660-\u0669"  # Latin, Persian and Arabic-Indic
_BETWEEN = r"\s\-\u2010\u2011\u2012\u2013\u2014.()/"
# A number as people write one: digits with spaces, dashes, dots, brackets or slashes between.
_NUMBER = re.compile(rf"\+?[{_DIGIT}](?:[{_BETWEEN}]*[{_DIGIT}])*")
_NOT_DIGIT = re.compile(r"[^0-9]")
_SEPARATORS = re.compile(rf"[{_BETWEEN}]")
# A number this long may be someone's: an audit line keeps only its keyed digest.
LONG_NUMBER = 7
# Characters of a word's digest in a description's index: 40 bits, so a word of a search
# matches another word by chance once in 10^12.
WORD_DIGEST = 8


def is_national_id(text: str) -> bool:
    """An Iranian national ID (کد ملی): ten digits in any script, with or without dashes or
    spaces, the last checking the others: the first nine weighed 10 down to 2 and summed,
    modulo 11; below 2 the check digit is that remainder, else 11 less it. Ten equal digits
    pass the check but are no one's."""
    digits = _SEPARATORS.sub("", to_ascii_digits(text))
    if len(digits) != 10 or not (digits.isascii() and digits.isdigit()) or len(set(digits)) == 1:
        return False
    remainder = sum(int(digit) * (10 - place) for place, digit in enumerate(digits[:9])) % 11
    return int(digits[9]) == (remainder if remainder < 2 else 11 - remainder)


def keyed(kind: str, value: str) -> str:
    """A value as an audit line keeps it: its kind and its digest under the current key, which
    only someone holding the data key can match to a number."""
    key = crypto.keyring().current
    return f"[{kind} {key.id}:{key.digest(value)}]"


def redacted(text: str) -> str:
    """`text` with every phone number, national ID or other long number in it replaced by its
    keyed digest: a phone by its E.164 form, so that all the ways of writing one number give
    one digest. A tracking code is no one's datum and stays as typed, unless its digits could
    be a national ID too (one code in ten): only a search that found it can tell."""

    def replace(match: re.Match[str]) -> str:
        written = match.group()
        digits = _NOT_DIGIT.sub("", to_ascii_digits(written))
        if len(digits) < LONG_NUMBER:
            return written
        if is_national_id(written):
            return keyed("national_id", digits)
        phone = parse_phone(written)
        if phone is not None:
            return keyed("phone", phone)
        if parse_code(written) is not None:
            return written
        return keyed("number", digits)

    return _NUMBER.sub(replace, text)


def _words(text: str) -> list[str]:
    """The words of a text as /find matches them: each word's tolerant key, once."""
    return sorted({key for word in text.split() if (key := search_key(word))})


def description_index(description: str) -> str:
    """What `cases.description_index` keeps: the current key's id, then the keyed digest of each
    word of the description, in no telling order, each followed by a space."""
    key = crypto.keyring().current
    digests = sorted({key.digest(word, WORD_DIGEST) for word in _words(description)})
    return "".join(f"{part} " for part in (key.id, *digests))


def index_terms(query: str) -> list[tuple[str, list[str]]]:
    """What an index of a description holding every word of `query` has, under each key in use
    (one written before a rotation is still found): the key's id and the digests of the words.
    Empty when the query has no word."""
    words = _words(query)
    if not words:
        return []
    return [
        (key.id, [key.digest(word, WORD_DIGEST) for word in words])
        for key in crypto.keyring().keys
    ]


async def reindex(repo: Repo, batch: int = 500) -> int:
    """Index again under the current key the descriptions indexed under an older one (or not
    yet), after a key rotation; returns how many."""
    current = crypto.keyring().current.id
    changed, after = 0, 0
    while cases := await repo.cases.indexed_under_another_key(current, after, batch):
        for case in cases:
            case.description_index = description_index(case.description)
            after = case.id
        changed += len(cases)
        await repo.commit()
    return changed
