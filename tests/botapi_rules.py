"""What the platforms refuse about a message's text, written from Telegram's own parser: the
HTML it reads, and the lengths it counts in UTF-16 code units after the markup is parsed.

Used by the recording fake (tests/fakes.py) and by the stand-in server (tests/standin.py), so
both refuse the same requests with the platform's own descriptions. Bale takes no parse mode:
it reads every text as Markdown (an entity left open is refused, DESIGN.md) and counts it as
it is sent.
"""

from __future__ import annotations

import re
from typing import Any

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024

# The field each method carries its words in, and whether the words may be left out.
TEXT_METHODS = frozenset({"sendMessage", "editMessageText"})
CAPTION_METHODS = frozenset(
    {
        "sendPhoto",
        "sendDocument",
        "sendVideo",
        "sendAudio",
        "sendVoice",
        "sendAnimation",
        "copyMessage",
        "editMessageCaption",
    }
)

# The tags Telegram's HTML parse mode knows (core.telegram.org/bots/api#html-style).
_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "tg-emoji",
        "a",
        "code",
        "pre",
        "blockquote",
    }
)
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));")


class ParseError(ValueError):
    """HTML the platform cannot parse, in its own words."""


def utf16_units(text: str) -> int:
    """The length the platforms count: a character beyond the BMP (an emoji) is two."""
    return len(text.encode("utf-16-le")) // 2


def _offset(text: str, index: int) -> int:
    """Telegram reports positions as byte offsets in the UTF-8 text."""
    return len(text[:index].encode("utf-8"))


def _entity(text: str, index: int) -> tuple[str, int] | None:
    """The character an HTML entity at `index` stands for, and where the entity ends."""
    match = _ENTITY.match(text, index)
    if match is None:
        return None
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return (_NAMED[name], match.end()) if name in _NAMED else None
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code), match.end()


def parse_html(text: str) -> str:
    """The text a reader sees, as Telegram's parser makes it; ParseError for what it refuses:
    an unknown tag, a tag left open or closed out of order, a bare `<`, or an `&` that begins
    no entity."""
    shown: list[str] = []
    open_tags: list[str] = []
    i, size = 0, len(text)
    while i < size:
        char = text[i]
        if char == "&":
            decoded = _entity(text, i)
            if decoded is None:
                raise ParseError(f'Unexpected "&" at byte offset {_offset(text, i)}')
            shown.append(decoded[0])
            i = decoded[1]
            continue
        if char != "<":
            shown.append(char)
            i += 1
            continue
        begin = i
        closing = text.startswith("</", i)
        if closing and not open_tags:
            raise ParseError(f"Unexpected end tag at byte offset {_offset(text, begin)}")
        i += 2 if closing else 1
        while i < size and not text[i].isspace() and text[i] != ">":
            i += 1
        name = text[begin + (2 if closing else 1) : i].lower()
        if closing:
            while i < size and text[i].isspace():
                i += 1
            if i >= size or text[i] != ">":
                raise ParseError(f"Unclosed end tag at byte offset {_offset(text, begin)}")
            i += 1
            expected = open_tags.pop()
            if name and name != expected:
                raise ParseError(
                    f"Unmatched end tag at byte offset {_offset(text, begin)}, "
                    f'expected "</{expected}>", found "</{name}>"'
                )
            continue
        if i >= size:
            raise ParseError(f"Unclosed start tag at byte offset {_offset(text, begin)}")
        if name not in _TAGS:
            raise ParseError(
                f'Unsupported start tag "{name}" at byte offset {_offset(text, begin)}'
            )
        end = text.find(">", i)
        if end < 0:
            raise ParseError(f"Unclosed start tag at byte offset {_offset(text, begin)}")
        i = end + 1
        open_tags.append(name)
    if open_tags:
        raise ParseError(f'Can\'t find end tag corresponding to start tag "{open_tags[-1]}"')
    return "".join(shown)


# What Markdown (as Bale reads every text) opens and must close, and what a backslash escapes.
_MARKDOWN_ENTITIES = ("```", "`", "*", "_")
_MARKDOWN_ESCAPED = frozenset("*_`[]\\")


def parse_markdown(text: str) -> str:
    """The text a reader sees, read as the Bot API's legacy Markdown: *bold*, _italic_,
    `code` and ```pre``` must close (a backslash escapes a mark outside code); ParseError,
    in the platform's words, for an entity left open."""
    shown: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _MARKDOWN_ESCAPED:
            shown.append(text[i + 1])
            i += 2
            continue
        mark = next((m for m in _MARKDOWN_ENTITIES if text.startswith(m, i)), None)
        if mark is None:
            shown.append(text[i])
            i += 1
            continue
        end = _closing(text, i + len(mark), mark)
        if end is None:
            raise ParseError(
                f"Can't find end of the entity starting at byte offset {_offset(text, i)}"
            )
        inner = text[i + len(mark) : end]
        shown.append(inner if "`" in mark else parse_markdown(inner))
        i = end + len(mark)
    return "".join(shown)


def _closing(text: str, start: int, mark: str) -> int | None:
    """Where an entity opened with `mark` closes: the next unescaped mark (code takes no
    escapes)."""
    i = start
    while i < len(text):
        if text[i] == "\\" and "`" not in mark:
            i += 2
            continue
        if text.startswith(mark, i):
            return i
        i += 1
    return None


def refusal(method: str, params: dict[str, Any], *, markdown: bool = False) -> str | None:
    """The platform's description of why it refuses a message's words, or None. `markdown`:
    a text sent with no parse mode is read as Markdown, as Bale reads every text."""
    if method == "sendDocument" and not params.get("document"):
        return "Bad Request: there is no document in the request"
    if method in TEXT_METHODS:
        field, limit = "text", TEXT_LIMIT
    elif method in CAPTION_METHODS:
        field, limit = "caption", CAPTION_LIMIT
    else:
        return None
    raw = str(params.get(field) or "")
    shown = raw
    if str(params.get("parse_mode") or "").upper() == "HTML":
        try:
            shown = parse_html(raw)
        except ParseError as error:
            return f"Bad Request: can't parse entities: {error}"
    elif markdown:
        try:
            parse_markdown(raw)  # Bale counts the text as it is sent
        except ParseError as error:
            return f"Bad Request: can't parse entities: {error}"
    if field == "text" and not shown.strip():
        return "Bad Request: message text is empty"
    if utf16_units(shown) > limit:
        if field == "text":
            return "Bad Request: message is too long"
        return "Bad Request: message caption is too long"
    return None
