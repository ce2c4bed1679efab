"""How long a text is where it is read, and how a long one is made to fit.

The platforms count a message in UTF-16 code units of the text a reader sees, after the markup
is parsed: a tag counts nothing, `&lt;` counts one, an emoji counts two. Telegram reads HTML;
Bale takes no parse mode, so its text is counted as it is sent, marks and escapes included.
A text over the limit is cut at a line, else at a word, never inside a tag, an entity or an
escape; tags open at a cut are closed there and opened again in the next piece.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from services.platforms import PlatformProfile

ELLIPSIS = "…"


def utf16_units(text: str) -> int:
    """The length the platforms count: a character beyond the BMP (an emoji) is two."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


_HTML_TAG = re.compile(r"<[^>]*>")


def visible_length(profile: PlatformProfile, text: str) -> int:
    """The length of a rendered text as its platform counts it against its limits."""
    if profile.parse_mode == "HTML":
        return utf16_units(html.unescape(_HTML_TAG.sub("", text)))
    return utf16_units(text)


# --- the pieces of a rendered text ----------------------------------------------------------


class _Kind(Enum):
    TEXT = "text"
    OPEN = "open"
    CLOSE = "close"


@dataclass(frozen=True)
class _Token:
    """A piece of a rendered text that is never cut: a character, an entity, a tag, a mark."""

    raw: str
    units: int
    kind: _Kind = _Kind.TEXT
    name: str = ""


_HTML_TOKEN = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*>|&#?\w{1,10};|.", re.DOTALL)
_BALE_TOKEN = re.compile(r"\\.|```|[*_`]|\[(?:\\.|[^\]\\\n])*\]\([^)\s]*\)|.", re.DOTALL)
_BALE_MARKS = {"```": "pre", "`": "code", "*": "b", "_": "i"}
_VERBATIM = {"pre", "code"}


def _html_tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _HTML_TOKEN.finditer(text):
        raw = match.group(0)
        if match.group(2):
            kind = _Kind.CLOSE if match.group(1) else _Kind.OPEN
            tokens.append(_Token(raw, 0, kind, match.group(2).lower()))
        else:
            tokens.append(_Token(raw, utf16_units(html.unescape(raw))))
    return tokens


def _bale_tokens(text: str) -> list[_Token]:
    """Bale's Markdown: `*bold*`, `_italic_`, backticks; a mark closes what it opened, and
    inside code only the code's own mark counts."""
    tokens = []
    opened: list[str] = []
    for match in _BALE_TOKEN.finditer(text):
        raw = match.group(0)
        mark = _BALE_MARKS.get(raw)
        verbatim = bool(opened) and opened[-1] in _VERBATIM
        if mark is None or (verbatim and mark != opened[-1]):
            tokens.append(_Token(raw, utf16_units(raw)))
        elif mark in opened:
            opened.remove(mark)
            tokens.append(_Token(raw, len(raw), _Kind.CLOSE, mark))
        else:
            opened.append(mark)
            tokens.append(_Token(raw, len(raw), _Kind.OPEN, mark))
    return tokens


def _tokens(profile: PlatformProfile, text: str) -> list[_Token]:
    return _html_tokens(text) if profile.parse_mode == "HTML" else _bale_tokens(text)


def _closer(profile: PlatformProfile, opener: _Token) -> _Token:
    if profile.parse_mode == "HTML":
        return _Token(f"</{opener.name}>", 0, _Kind.CLOSE, opener.name)
    return _Token(opener.raw, opener.units, _Kind.CLOSE, opener.name)


def _open_after(tokens: list[_Token]) -> list[_Token]:
    """The tags still open after these tokens, outermost first."""
    opened: list[_Token] = []
    for token in tokens:
        if token.kind is _Kind.OPEN:
            opened.append(token)
        elif token.kind is _Kind.CLOSE:
            for index in range(len(opened) - 1, -1, -1):
                if opened[index].name == token.name:
                    del opened[index]
                    break
    return opened


def _joined(before: str, after: str) -> bool:
    """Whether two characters belong to one sign a cut must not part (an emoji sequence, a
    letter and its mark)."""
    zwj = "\u200d"
    return (
        before == zwj
        or after == zwj
        or unicodedata.combining(after[:1] or " ") != 0
        or "\ufe00" <= after[:1] <= "\ufe0f"
        or "\U0001f3fb" <= after[:1] <= "\U0001f3ff"
    )


def _cut_at(piece: list[_Token]) -> int | None:
    """Where a full piece ends: at its last line break in its second half, else at its last
    space there; None when it has neither (the cut falls between two characters)."""
    half = len(piece) // 2
    for boundary in ("\n", " "):
        for index in range(len(piece) - 1, half - 1, -1):
            if piece[index].raw == boundary:
                return index
    return None


def _shows(tokens: list[_Token]) -> bool:
    return any(token.kind is _Kind.TEXT and token.raw.strip() for token in tokens)


def _trim(tokens: list[_Token], *, leading: bool) -> list[_Token]:
    """Drop the spaces and line breaks at one end of a piece; tags stay."""
    kept = list(tokens) if leading else list(reversed(tokens))
    for index, token in enumerate(kept):
        if token.kind is not _Kind.TEXT:
            continue
        if token.raw.strip():
            break
        kept[index] = _Token("", 0)
    kept = [token for token in kept if token.raw]
    return kept if leading else list(reversed(kept))


def _part(
    profile: PlatformProfile, piece: list[_Token], following: _Token
) -> tuple[list[_Token], list[_Token]]:
    """A full piece cut in two: the head, its tags closed, and the rest, with the same tags
    opened again."""
    cut = _cut_at(piece)
    if cut is not None and _shows(piece[:cut]):
        head, rest = piece[:cut], piece[cut + 1 :]
    else:
        after = [*piece, following]
        cut = len(piece)
        while cut > 1 and _joined(after[cut - 1].raw, after[cut].raw):
            cut -= 1
        head, rest = piece[:cut], piece[cut:]
    opened = _open_after(head)
    head = _trim(head, leading=False) + [_closer(profile, t) for t in reversed(opened)]
    return head, _trim(opened + rest, leading=True)


def split_rendered(
    profile: PlatformProfile, text: str, limit: int, *, first: int | None = None
) -> list[str]:
    """A rendered text in pieces of at most `limit` as the platform counts (the first piece
    at most `first`, for a caption), in order; the whole text when it fits."""
    allowed = limit if first is None else first
    if visible_length(profile, text) <= allowed:
        return [text]
    pieces: list[str] = []
    piece: list[_Token] = []
    units = 0
    for token in _tokens(profile, text):
        if token.kind is _Kind.TEXT and piece and units + token.units > allowed:
            head, piece = _part(profile, piece, token)
            if _shows(head):
                pieces.append("".join(t.raw for t in head))
                allowed = limit
            units = sum(t.units for t in piece) + _closing(profile, piece)
        piece.append(token)
        units += token.units
        if token.kind is _Kind.OPEN:
            units += _closer(profile, token).units
        elif token.kind is _Kind.CLOSE:
            units -= token.units
    last = _trim(piece, leading=True)
    if _shows(last):
        pieces.append("".join(t.raw for t in last))
    return pieces


def _closing(profile: PlatformProfile, tokens: list[_Token]) -> int:
    return sum(_closer(profile, opener).units for opener in _open_after(tokens))


# --- a value cut to fit ---------------------------------------------------------------------


def _prefix(value: str, fits: Callable[[str], bool]) -> int:
    """The length of the longest beginning of `value` that fits, moved back to the end of a
    word where one is near; 0 when none fits."""
    low, high = 0, len(value)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(value[:middle]):
            low = middle
        else:
            high = middle - 1
    while 0 < low < len(value) and _joined(value[low - 1], value[low]):
        low -= 1
    if low < len(value):
        space = max(value.rfind(" ", 0, low), value.rfind("\n", 0, low))
        if space > low * 3 // 4:
            low = space
    return low


@dataclass(frozen=True)
class Shortened:
    """A text rendered with one of its values cut to fit the limit, if it had to be."""

    text: str
    cut: bool


def shorten(
    profile: PlatformProfile,
    render: Callable[[str], str],
    value: str,
    limit: int,
    *,
    note: str = "",
) -> Shortened:
    """`render(value)` when it fits; else rendered with the longest beginning of `value` that
    fits, ended with «…» and the note (the whole value is for the caller to send after)."""
    whole = render(value)
    if visible_length(profile, whole) <= limit:
        return Shortened(whole, cut=False)
    ending = f"{ELLIPSIS} {note}".rstrip()

    def fits(beginning: str) -> bool:
        return visible_length(profile, render(beginning.rstrip() + ending)) <= limit

    kept = _prefix(value, fits)
    return Shortened(render(value[:kept].rstrip() + ending), cut=True)


def split_value(
    profile: PlatformProfile, render: Callable[[str], str], value: str, limit: int
) -> list[str]:
    """A value in as many texts as `limit` needs, each rendered around its piece (a header on
    each); the value is cut at lines and words."""
    whole = render(value)
    if visible_length(profile, whole) <= limit:
        return [whole]
    texts: list[str] = []
    rest = value
    while rest:
        kept = _prefix(rest, lambda beginning: visible_length(profile, render(beginning)) <= limit)
        if kept == 0:
            # Not even a character fits beside the header: the sender cuts the text itself.
            return [*texts, render(rest)]
        texts.append(render(rest[:kept].rstrip()))
        rest = rest[kept:].lstrip()
    return texts
