"""Every user-facing text comes from the Fluent files under `locales/`."""

from __future__ import annotations

from collections.abc import Callable, Generator, Hashable, Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from fluent.runtime import (
    FluentBundle,
    FluentLocalization,
    FluentResource,
    FluentResourceLoader,
)
from fluent.runtime.resolver import CurrentEnvironment, Pattern, ResolverEnvironment
from fluent.runtime.types import FluentDecimal, FluentFloat, FluentInt, FluentNone
from fluent.runtime.utils import native_to_fluent
from fluent.syntax.ast import Resource

from services.formatting import localize_value
from services.platforms import PlatformProfile

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LOCALES = ("fa", "en")
FALLBACK = "fa"


class Rendered(str):
    """A text already rendered for a platform: put into another text as it is, not escaped."""

    __slots__ = ()


# A number as Persian writes it: Persian digits, «٬» between thousands, «٫» before decimals.
_PERSIAN_NUMERALS = str.maketrans("0123456789,.%", "۰۱۲۳۴۵۶۷۸۹٬٫٪")


class _PersianInt(FluentInt):
    def format(self, locale: Locale) -> str:
        return super().format(locale).translate(_PERSIAN_NUMERALS)


class _PersianFloat(FluentFloat):
    def format(self, locale: Locale) -> str:
        return super().format(locale).translate(_PERSIAN_NUMERALS)


class _PersianDecimal(FluentDecimal):
    def format(self, locale: Locale) -> str:
        return super().format(locale).translate(_PERSIAN_NUMERALS)


def _in_persian(value: Any) -> Any:
    """A number to be written with Persian numerals; anything else as it is."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return _PersianInt(value)
    if isinstance(value, float):
        return _PersianFloat(value)
    if isinstance(value, Decimal):
        return _PersianDecimal(value)
    return value


class _Bundle(FluentBundle):
    """A locale's texts; a Persian one writes the numbers it is given in Persian numerals.

    Fluent formats numbers with Babel, which writes Latin digits whatever the locale, and turns
    every int it is given back into its own type: so the numbers are taken over here.
    """

    def format_pattern(
        self, pattern: Pattern, args: dict[str, Any] | None = None
    ) -> tuple[str | FluentNone, list[Exception]]:
        persian = self.locales[0] == "fa"
        fluent_args = {
            name: _in_persian(native_to_fluent(value)) if persian else native_to_fluent(value)
            for name, value in (args or {}).items()
        }
        errors: list[Exception] = []
        env = ResolverEnvironment(
            context=self, current=CurrentEnvironment(args=fluent_args), errors=errors
        )
        try:
            result = pattern(env)
        except ValueError as error:
            errors.append(error)
            result = "{???}"
        return result, errors


class UnknownText(LookupError):
    """A text key missing from the locale files: a bug in the program, not the user's doing."""


def resource_ids() -> list[str]:
    """The Fluent files of a locale, by name; both locales carry the same files."""
    return sorted(path.name for path in (LOCALES_DIR / FALLBACK).glob("*.ftl"))


class _Loader(FluentResourceLoader):
    """Reads each locale's files once, closing them (the stock loader leaves them open)."""

    def __init__(self) -> None:
        super().__init__(str(LOCALES_DIR / "{locale}"))

    def resources(self, locale: str, resource_ids: list[str]) -> Generator[list[Resource]]:
        found = [
            FluentResource(path.read_text(encoding="utf-8"))
            for path in (LOCALES_DIR / locale / name for name in resource_ids)
            if path.is_file()
        ]
        if found:
            yield found


@cache
def _localization(locale: str) -> FluentLocalization:
    chain = [locale] if locale == FALLBACK else [locale, FALLBACK]
    return FluentLocalization(chain, resource_ids(), _Loader(), bundle_class=_Bundle)


class Texts:
    """Formats texts by key for a locale and a platform.

    Values typed by people are escaped for the platform first; the desk's own markup is then
    turned into what the platform reads (HTML on Telegram, Markdown on Bale). Every number a
    text shows is in the reader's digits, Persian for fa, whether the desk counted it (an int)
    or someone typed it (a licence, order or phone number, in any digits); a value with words
    in it is shown as it was written (:func:`services.formatting.localize_value`).
    """

    def __init__(self, locale: str) -> None:
        self.locale = locale if locale in LOCALES else FALLBACK
        self._l10n = _localization(self.locale)
        # Formatted texts by key and arguments, values typed by people standing as slots: a
        # text is formatted once for each platform and set of arguments that are not typed.
        self._formatted: dict[Hashable, str] = {}

    def plain(self, key: str, **args: Any) -> str:
        """A text without markup: for buttons, titles and alerts."""
        values = {name: self._value(value) for name, value in args.items()}
        return self._remembered((None, key, _frozen(values)), lambda: self._format(key, values))

    def render(self, profile: PlatformProfile, key: str, **args: Any) -> Rendered:
        """A text for a message on a platform, with user values escaped.

        The desk's own markup is turned into the platform's before the values go in, so that
        markup a person typed stays text.
        """
        values: dict[str, str] = {}
        slots: dict[str, Any] = {}
        for name, value in args.items():
            value = self._value(value)
            if isinstance(value, str):
                slot = f"\x00{len(values)}\x00"
                values[slot] = value if isinstance(value, Rendered) else profile.escape(value)
                slots[name] = slot
            else:
                slots[name] = value
        text = self._remembered(
            (profile, key, _frozen(slots)), lambda: profile.finish(self._format(key, slots))
        )
        for slot, value in values.items():
            text = text.replace(slot, value)
        return Rendered(text)

    def _value(self, value: Any) -> Any:
        """A typed number in the reader's digits (the bundle writes counted ones); a text
        already rendered is left as it is."""
        if isinstance(value, Rendered):
            return value
        if isinstance(value, str):
            return localize_value(value, self.locale)
        return value

    def _remembered(self, key: tuple[Any, ...], make: Callable[[], str]) -> str:
        """What `make` formats, kept by `key` (while there is room) when the key is hashable."""
        try:
            return self._formatted[key]
        except KeyError:
            pass
        except TypeError:  # an argument that cannot be a key: formatted every time
            return make()
        text = make()
        if len(self._formatted) < _FORMATTED_AT_MOST:
            self._formatted[key] = text
        return text

    def _format(self, key: str, args: Mapping[str, Any]) -> str:
        text = self._l10n.format_value(key, dict(args))
        if text == key:
            raise UnknownText(key)
        return str(text)


_FORMATTED_AT_MOST = 20_000


def _frozen(args: Mapping[str, Any]) -> tuple[tuple[str, type, Any], ...]:
    """Arguments as part of a key: each with its type, since 1, 1.0 and True are equal keys
    but format differently."""
    return tuple((name, type(value), value) for name, value in args.items())


@cache
def texts(locale: str) -> Texts:
    """The shared Texts of a locale."""
    return Texts(locale)
