"""Normalisation and validation of what citizens type, in Persian or otherwise.

Everything here is pure: text in, canonical value (or ``None`` for "not plausible") out.
Parsers accept Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits wherever
ASCII digits are accepted, because Iranian phone keyboards produce either.
"""

from __future__ import annotations

import datetime
import ipaddress
import re
import unicodedata
from encodings import idna
from enum import StrEnum
from urllib.parse import parse_qs

import jdatetime

from services.lengths import utf16_units

__all__ = [
    "LengthCheck",
    "as_written",
    "check_length",
    "display_host",
    "is_blank",
    "normalize_text",
    "parse_amount",
    "parse_jalali_or_gregorian_date",
    "parse_phone",
    "parse_url",
    "parse_website_or_app",
    "search_key",
    "to_ascii_digits",
    "to_persian_digits",
]

ZWNJ = "\u200c"

_ASCII_DIGITS = "0123456789"
_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

_TO_ASCII_DIGITS = str.maketrans(
    _PERSIAN_DIGITS + _ARABIC_INDIC_DIGITS, _ASCII_DIGITS + _ASCII_DIGITS
)
_TO_PERSIAN_DIGITS = str.maketrans(_ASCII_DIGITS, _PERSIAN_DIGITS)


def to_ascii_digits(text: str) -> str:
    """Replace Persian and Arabic-Indic digits with ASCII digits; nothing else changes."""
    return text.translate(_TO_ASCII_DIGITS)


def to_persian_digits(text: str) -> str:
    """Replace ASCII digits with Persian digits; nothing else changes."""
    return text.translate(_TO_PERSIAN_DIGITS)


# --- normalize_text -------------------------------------------------------------------------

_INVISIBLE_CONTROLS = (
    "\u200b"  # zero width space
    "\u200d"  # zero width joiner
    "\u200e\u200f"  # LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
    "\ufeff"  # BOM / zero width no-break space
    "\u061c"  # Arabic letter mark: a bidi control like RLM
    "\u2060"  # word joiner: a zero-width space in disguise
)
_HARAKAT = "".join(chr(cp) for cp in range(0x064B, 0x0653)) + "\u0670"
_TATWEEL = "\u0640"
# NUL and other C0/C1 controls are never intended and PostgreSQL rejects NUL in text.
_NON_SPACE_CONTROLS = "".join(
    chr(cp) for cp in (*range(0x20), *range(0x7F, 0xA0)) if not chr(cp).isspace()
)

_TEXT_TABLE = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"}
    | dict.fromkeys(_INVISIBLE_CONTROLS + _HARAKAT + _TATWEEL + _NON_SPACE_CONTROLS)
)

_LINE_BREAK = re.compile("\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_ZWNJ_RUN = re.compile(ZWNJ + "{2,}")
# Within a line: any run of whitespace, possibly mixed with ZWNJs, is one space.
_SPACE_RUN = re.compile(rf"[\s{ZWNJ}]*\s[\s{ZWNJ}]*")
_EXTRA_BLANK_LINES = re.compile("\n{3,}")


def normalize_text(text: str) -> str:
    """Return the canonical form in which free text is stored and compared.

    Rules, in order:

    * Unicode NFC. Not NFKC: compatibility folding would rewrite what the user wrote (the
      rial sign ﷼ becomes four letters, superscripts become digits, presentation forms lose
      their look). NFC only composes canonically equal sequences (ا + ٓ → آ), so Persian letters
      are safe. Tolerant matching that wants NFKC uses :func:`search_key`.
    * Arabic ي and ى become Persian ی, Arabic ك becomes ک, ة becomes ه. Other hamza forms
      (آ أ إ ؤ ئ ۀ) are valid Persian and are kept.
    * Removed: tatweel, harakat U+064B–U+0652, superscript alef U+0670, zero-width and bidi
      controls (U+200B, U+200D, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF, and
      also U+061C and U+2060), and non-whitespace control characters.
    * ZWNJ (U+200C, the Persian half-space) is kept, but a run of them becomes one, and one
      next to a space or at a line end is dropped (it joins nothing there).
    * Line breaks become ``\\n``; within each line whitespace runs become one space and the
      line is stripped; more than one blank line in a row becomes one; the ends are stripped.
    * Digits are not changed: use :func:`to_ascii_digits` where a number is parsed.

    The function is idempotent.
    """
    text = unicodedata.normalize("NFC", text).translate(_TEXT_TABLE)
    # Removing a control may have put a base letter next to its combining mark.
    text = unicodedata.normalize("NFC", text)
    lines = []
    for line in _LINE_BREAK.split(text):
        line = _ZWNJ_RUN.sub(ZWNJ, line)
        line = _SPACE_RUN.sub(" ", line)
        lines.append(line.strip(" " + ZWNJ))
    return _EXTRA_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


# --- as_written -----------------------------------------------------------------------------

# Characters no one reads: controls other than tab and line breaks (PostgreSQL refuses NUL), and
# the bidi embeddings, overrides and isolates, which would reorder the desk's own words around
# a value they are put in.
_UNWRITTEN = str.maketrans(
    dict.fromkeys(
        [chr(cp) for cp in (*range(0x20), *range(0x7F, 0xA0)) if chr(cp) not in "\t\n\r"]
        + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    )
)
_CARRIAGE_RETURN = re.compile("\r\n?")


def as_written(text: str) -> str:
    """Return a person's words as they are kept and shown: as they were typed.

    :func:`normalize_text` and :func:`search_key` are for matching and for keys; what staff and
    citizens read is this. Letters (ي and ك included), harakat (لطفاً keeps its tanwin), ZWNJ,
    tatweel, digits of any script, spacing and line breaks are all kept. Only removed: control
    characters other than tab and line breaks, and bidi embeddings, overrides and isolates
    (U+202A–U+202E, U+2066–U+2069); a carriage return ends a line as ``\\n`` does; whitespace
    around the whole is trimmed. The function is idempotent.
    """
    return _CARRIAGE_RETURN.sub("\n", text).translate(_UNWRITTEN).strip()


# --- is_blank -------------------------------------------------------------------------------

# Whitespace, controls, formatting characters (ZWNJ, ZWJ, LRM/RLM and the other bidi controls,
# soft hyphen, U+180E, BOM, zero-width space, word joiner, tags) and marks, which show nothing
# without a base letter (variation selectors are such marks).
_SHOW_NOTHING = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Mn", "Me"})
# Letters and symbols in name only: the Hangul fillers and the blank Braille cell, which
# people paste for an "invisible" name.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def is_blank(text: str) -> bool:
    """Whether a text shows nothing at all: no character of :func:`normalize_text` of it is
    anything but whitespace, a control or formatting character, a combining mark (alone it
    marks nothing) or a blank filler. Such an answer is an empty one, however many characters
    it has; what people typed is otherwise kept as :func:`normalize_text` gives it, invisible
    characters and all.
    """
    return all(
        char in _BLANK_LOOKING or unicodedata.category(char) in _SHOW_NOTHING
        for char in normalize_text(text)
    )


# --- search_key -----------------------------------------------------------------------------

_SEARCH_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "ە": "ه",  # what ۀ decomposes to
        "ھ": "ه",  # heh doachashmee, typed for ه on some keyboards
        "ہ": "ه",  # heh goal
        "ٱ": "ا",  # alef wasla
    }
)


def search_key(text: str) -> str:
    """Return a key for tolerant matching of business names.

    Two names match when their keys are equal. The key is :func:`normalize_text`, then ASCII
    digits, NFKD compatibility decomposition (presentation forms, full-width Latin), casefold,
    removal of every combining mark (so آ أ إ → ا, ؤ → و, ۀ → ه, ئ → ی, é → e), folding of Arabic
    letter variants to Persian ones, and removal of everything that is not a letter or a
    digit (ZWNJ, spaces, punctuation, symbols). So "دیجی‌کالا", "ديجي كالا" and "دیجی کالا"
    share a key, and "DigiKala" and "digi-kala" share another.
    """
    text = to_ascii_digits(normalize_text(text))
    # casefold may produce decomposable letters (İ → i̇), and NFKD may produce capitals (ℌ → H).
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = text.casefold().translate(_SEARCH_FOLD)
    return "".join(char for char in text if char.isalnum())


# --- websites and apps ----------------------------------------------------------------------

_URL_LEAD_TRIM = "([{<«\"'“‘"
_URL_TAIL_TRIM = ".,;:!?)]}>»\"'”’،؛؟"
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*)://", re.IGNORECASE)
_LDH_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_ASCII_TLD = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
# Persian-script top-level domains accepted in Unicode form (IRNIC's ccTLD). Others only in
# their xn-- form, so that a Persian sentence with a dot in it is not taken for a website.
_UNICODE_TLDS = frozenset({"ایران"})
_MAX_HOST_LENGTH = 253


def _split_url(text: str) -> tuple[str, str, str] | None:
    """Split a plausible web address into (host, path, query); host as in :func:`parse_url`."""
    text = to_ascii_digits(normalize_text(text)).lstrip(_URL_LEAD_TRIM).rstrip(_URL_TAIL_TRIM)
    if not text or any(char.isspace() for char in text):
        return None
    scheme = _SCHEME.match(text)
    if scheme is not None:
        if scheme.group(1).lower() not in {"http", "https"}:
            return None
        text = text[scheme.end() :]
    authority, path, query = _split_authority(text)
    if "@" in authority or "[" in authority or "\\" in authority:
        return None
    raw_host = authority
    if ":" in authority:
        raw_host, port = authority.rsplit(":", 1)
        if not (port.isascii() and port.isdigit() and 0 < int(port) <= 65535):
            return None
    host = _normalize_host(raw_host)
    return None if host is None else (host, path, query)


def _split_authority(text: str) -> tuple[str, str, str]:
    """Split "host[:port]/path?query#fragment" into authority, path and query."""
    text = text.split("#", 1)[0]
    rest, _, query = text.partition("?")
    authority, slash, path = rest.partition("/")
    return authority, slash + path, query


def _normalize_host(host: str) -> str | None:
    host = host.removesuffix(".").lower()
    try:
        return str(ipaddress.IPv4Address(host))
    except ValueError:
        pass
    host = host.removeprefix("www.")
    labels = host.split(".")
    if len(labels) < 2:
        return None
    tld = labels[-1]
    if tld.isascii():
        if _ASCII_TLD.fullmatch(tld) is None:
            return None
    elif tld not in _UNICODE_TLDS:
        return None
    ascii_labels = []
    for label in labels:
        if not label:
            return None
        if not label.isascii():
            try:
                label = idna.ToASCII(label).decode("ascii").lower()
            except UnicodeError:
                return None
        if _LDH_LABEL.fullmatch(label) is None:
            return None
        ascii_labels.append(label)
    result = ".".join(ascii_labels)
    return result if len(result) <= _MAX_HOST_LENGTH else None


def parse_url(text: str) -> str | None:
    """Return the host of a plausible website address, or ``None``.

    Accepted: ``https://www.Example.ir/path?q``, ``http://…``, ``www.example.com``,
    ``example.ir``, Persian digits, surrounding brackets/quotes and trailing punctuation, a
    port, a trailing dot. Returned: the host in lower case without a leading ``www.``, and with
    internationalised (Persian) labels in their IDNA ASCII form (``xn--…``), so hosts compare
    by plain string equality and are safe in logs; :func:`display_host` turns them back.
    IDNA is the standard library's IDNA 2003 codec, which drops ZWNJ inside labels.

    Rejected: spaces inside, schemes other than http(s), user info (``user@host``, a phishing
    trick), IPv6, a single label (no TLD), a TLD that is not letters (so ``1.200.000`` is not
    a host), a Persian-script TLD other than ``.ایران``, labels that are empty, longer than 63
    or not letters/digits/hyphens, and hosts longer than 253. A dotted-quad IPv4 address is
    accepted as is: some small shops do run on a bare server address.
    """
    parts = _split_url(text)
    return None if parts is None else parts[0]


def display_host(host: str) -> str:
    """Return a host from :func:`parse_url` with its ``xn--`` labels in Unicode, for display."""
    labels = []
    for label in host.split("."):
        try:
            labels.append(idna.ToUnicode(label))
        except UnicodeError:
            labels.append(label)
    return ".".join(labels)


_HANDLE = re.compile(r"[a-z0-9_](?:[a-z0-9_.]{0,30}[a-z0-9_])?")
_PACKAGE_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+")
# First segments of Android package ids in the wild; none is a usual first label of a host.
_PACKAGE_ROOTS = frozenset({"com", "ir", "org", "net", "io", "co"})
_SOCIAL_HOSTS = {
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "ble.ir": "bale",
}
# Paths on those hosts that are not profiles.
_SOCIAL_NON_PROFILES = frozenset(
    {"p", "reel", "reels", "stories", "explore", "accounts", "tv", "joinchat", "s", "share"}
)
_APP_STORE_PATHS = {"cafebazaar.ir": "/app/", "myket.ir": "/app/"}


def parse_website_or_app(text: str) -> str | None:
    """Return a normalised reference to a business's website or app, or ``None``.

    The result is one of:

    * ``"@handle"`` for a bare handle such as ``@Shop_Name`` (platform unknown);
    * ``"instagram:handle"``, ``"telegram:handle"``, ``"bale:handle"`` for profile links on
      instagram.com, t.me / telegram.me and ble.ir;
    * ``"app:package.id"`` for an Android package id whose first segment is a usual
      reverse-domain root (com, ir, org, net, io, co), e.g. ``ir.example.app``, or for a
      Cafe Bazaar, Myket or Google Play link to one;
    * otherwise the host from :func:`parse_url`.

    Handles are lower-cased, 1–32 letters, digits, ``_`` or inner dots. Links to those
    platforms that are not a profile (posts, invite links, the bare site) give ``None``.
    """
    cleaned = to_ascii_digits(normalize_text(text)).strip(_URL_LEAD_TRIM + _URL_TAIL_TRIM)
    lowered = cleaned.lower()
    if lowered.startswith("@"):
        handle = lowered[1:]
        return "@" + handle if _HANDLE.fullmatch(handle) else None
    if _PACKAGE_ID.fullmatch(lowered) and lowered.split(".", 1)[0] in _PACKAGE_ROOTS:
        return "app:" + lowered
    parts = _split_url(cleaned)
    if parts is None:
        return None
    host, path, query = parts
    if host in _SOCIAL_HOSTS:
        segment = path.strip("/").split("/", 1)[0].lower()
        if segment in _SOCIAL_NON_PROFILES or _HANDLE.fullmatch(segment) is None:
            return None
        return f"{_SOCIAL_HOSTS[host]}:{segment}"
    package: str | None = None
    store_path = _APP_STORE_PATHS.get(host)
    if store_path is not None and path.lower().startswith(store_path):
        package = path[len(store_path) :].strip("/").split("/", 1)[0]
    elif host == "play.google.com" and path.rstrip("/") == "/store/apps/details":
        package = parse_qs(query).get("id", [""])[0]
    if package is not None:
        package = package.lower()
        return "app:" + package if _PACKAGE_ID.fullmatch(package) else None
    return host


# --- phone numbers --------------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(rf"[\s\-.()/{ZWNJ}]")
_IRAN_MOBILE = re.compile(r"0?(9[0-9]{9})")
_IRAN_MOBILE_WITH_COUNTRY = re.compile(r"980?(9[0-9]{9})")
_E164_DIGITS = re.compile(r"[1-9][0-9]{7,14}")


def parse_phone(text: str, *, international: bool = False) -> str | None:
    """Return a phone number in E.164 form (``+989123456789``), or ``None``.

    Iranian mobile numbers are recognised in every usual spelling: ``09123456789``,
    ``9123456789``, ``+98 912 345 6789``, ``+98 (0) 912…``, ``0098912…``, ``98912…``, with
    Persian or Arabic-Indic digits and spaces, dashes, dots, brackets or slashes between.
    A number with ``+98`` or ``0098`` must be an Iranian mobile (9 and nine digits): the
    platforms verify mobiles, and a landline is no contact.

    Foreign numbers are accepted as written when they are explicitly international: ``+`` or
    ``00``, then a country code that does not start with 0, 8–15 digits in all. Telegram's
    shared contacts carry numbers without the ``+``; pass ``international=True`` for those,
    so that bare digits that are not an Iranian mobile are read as international too.
    """
    cleaned = _PHONE_SEPARATORS.sub("", to_ascii_digits(normalize_text(text)))
    if cleaned.startswith("+"):
        number: str | None = cleaned[1:]
    elif cleaned.startswith("00"):
        number = cleaned[2:]
    else:
        number = None
    if number is not None:
        if not (number.isascii() and number.isdigit()):
            return None
        if number.startswith("98"):
            iranian = _IRAN_MOBILE_WITH_COUNTRY.fullmatch(number)
            return None if iranian is None else "+98" + iranian.group(1)
        return "+" + number if _E164_DIGITS.fullmatch(number) else None
    if not (cleaned.isascii() and cleaned.isdigit()):
        return None
    iranian = _IRAN_MOBILE.fullmatch(cleaned) or _IRAN_MOBILE_WITH_COUNTRY.fullmatch(cleaned)
    if iranian is not None:
        return "+98" + iranian.group(1)
    if international and _E164_DIGITS.fullmatch(cleaned):
        return "+" + cleaned
    return None


# --- amounts --------------------------------------------------------------------------------

MAX_AMOUNT = 10**15
_THOUSANDS_SEPARATORS = frozenset(",٬.، ")


def parse_amount(text: str) -> int | None:
    """Return an amount in rials, or ``None``.

    Only digits (any script) and thousands separators are accepted: ``,`` ``٬`` ``.`` ``،``
    or a space, one kind per amount, with groups of three digits after the first (which has
    one to three). So ``۱۲۰٬۰۰۰``, ``120,000``, ``1.200.000`` and ``1 200 000`` are accepted,
    while ``12.5`` and ``1,2345`` (a decimal, or a typo) are not. Also rejected: signs,
    decimals, unit words (the unit is asked separately), and anything above 10^15.
    """
    cleaned = to_ascii_digits(normalize_text(text)).replace(ZWNJ, "")
    if not cleaned:
        return None
    separators = {char for char in cleaned if char not in _ASCII_DIGITS}
    if not separators <= _THOUSANDS_SEPARATORS or len(separators) > 1:
        return None
    if separators:
        groups = cleaned.split(separators.pop())
        if not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
            return None
        cleaned = "".join(groups)
    # Leading zeros aside, more digits than this cannot be under the cap.
    if len(cleaned.lstrip("0")) > len(str(MAX_AMOUNT)):
        return None
    value = int(cleaned)
    return value if value <= MAX_AMOUNT else None


# --- dates ----------------------------------------------------------------------------------

_DATE = re.compile(r"([0-9]{4})\s*([/\-.])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,2})")
_FIRST_GREGORIAN_YEAR = 1700


def parse_jalali_or_gregorian_date(text: str) -> datetime.date | None:
    """Return the Gregorian date written as year, month, day, or ``None``.

    The parts are separated by ``/``, ``-`` or ``.`` (the same one twice); digits may be
    Persian or Arabic-Indic. A year below 1700 is Jalali (Solar Hijri) and is converted with
    ``jdatetime``, which also decides which Jalali dates exist (no 31 Esfand, 30 Esfand only
    in leap years); a later year is Gregorian. Day-first orders are not accepted.
    """
    match = _DATE.fullmatch(to_ascii_digits(normalize_text(text)))
    if match is None:
        return None
    year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    try:
        if year < _FIRST_GREGORIAN_YEAR:
            gregorian: datetime.date = jdatetime.date(year, month, day).togregorian()
            return gregorian
        return datetime.date(year, month, day)
    except ValueError:
        return None


# --- lengths --------------------------------------------------------------------------------


class LengthCheck(StrEnum):
    """How a text's length compares with the bounds allowed for it."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    OK = "ok"


def check_length(text: str, minimum: int, maximum: int) -> LengthCheck:
    """Compare the length of ``normalize_text(text)`` with inclusive bounds.

    Length is counted as the platforms count a message, in UTF-16 code units (an emoji is two),
    after normalisation, so padding, harakat and invisible characters neither fill a minimum
    nor overflow a maximum, and an answer the form takes fits where it is shown.
    """
    if minimum > maximum:
        raise ValueError(f"minimum {minimum} is above maximum {maximum}")
    length = utf16_units(normalize_text(text))
    if length < minimum:
        return LengthCheck.TOO_SHORT
    if length > maximum:
        return LengthCheck.TOO_LONG
    return LengthCheck.OK
