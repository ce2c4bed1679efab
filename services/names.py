"""The names staff see and type for the desk's keys, in one place: complaint statuses,
commission opinions, queues, deadline settings and certificate statuses.

A key (`closed`, `commission_days`) is the program's; a person sees its label in their language
and may type the key, the label in any language, or one of its other names (`names-…` in the
locales), with Arabic ی/ک, a half-space or a space between words, in any case. A few words of a
label are enough when they name one member only («باطل» for «باطل شده»).

Refusals carry keys in their arguments; `shown_args` turns them into labels by the argument's
name, so the services never format a name and no key reaches a person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from functools import cached_property
from typing import Any

from services.certificates import CertStatus
from services.deadlines import SlaPolicy
from services.desk import Queue
from services.formatting import format_number
from services.normalize import normalize_text, search_key
from services.texts import LOCALES, Texts, texts
from services.workflow import STATUSES, CaseStatus, Opinion

__all__ = [
    "CERT_STATUSES",
    "OPINIONS",
    "QUEUES",
    "SETTINGS",
    "STATUS_NAMES",
    "VERBS",
    "Family",
    "all_of",
    "shown_args",
]

# The fewest letters of a word that may name a member by itself.
_NAMING_LETTERS = 3
# Names in a locale's list of other names are separated by either comma.
_SEPARATORS = str.maketrans({"،": ","})


@dataclass(frozen=True)
class Family:
    """Keys of one kind, each with its label and other names in the locales."""

    keys: tuple[str, ...]
    label_key: Callable[[str], str]
    # The locale key of a member's other names, comma-separated; the first is the name shown
    # to type.
    names_key: Callable[[str], str]

    def label(self, key: str, t: Texts) -> str:
        """A member as a person reads it."""
        return t.plain(self.label_key(key))

    def typed(self, key: str, t: Texts) -> str:
        """The short name to type for a member, as usages and lists show it."""
        return self._others(key, t)[0]

    def known(self, t: Texts, keys: Iterable[str] | None = None) -> str:
        """Members (all, or those given) by the names to type, for a list in a message."""
        names = [f"«{self.typed(key, t)}»" for key in (self.keys if keys is None else keys)]
        return "، ".join(names) if t.locale == "fa" else ", ".join(names)

    def named(self, text: str) -> str | None:
        """The member a whole text names, or None: unknown, or more than one fits."""
        words = normalize_text(text).split()
        return self._exact(words) or self._by_words(words)

    def leading(self, text: str) -> tuple[str, str] | None:
        """The member the text begins with, and the rest of the text as it was typed (a
        reason, a list on several lines): the longest name spelled out wins over a few words
        of one."""
        words = text.split()
        for match in (self._exact, self._by_words):
            for end in range(len(words), 0, -1):
                found = match(words[:end])
                if found is not None:
                    rest = text.strip().split(maxsplit=end)
                    return found, rest[end] if len(rest) > end else ""
        return None

    # --- matching ------------------------------------------------------------------------

    def _others(self, key: str, t: Texts) -> list[str]:
        listed = t.plain(self.names_key(key)).translate(_SEPARATORS).split(",")
        return [name.strip() for name in listed if name.strip()]

    @cached_property
    def _spellings(self) -> dict[str, list[list[str]]]:
        """Each member's names in every locale, each as the matching keys of its words."""
        spellings: dict[str, list[list[str]]] = {}
        for key in self.keys:
            names = [key]
            for locale in LOCALES:
                t = texts(locale)
                names.append(self.label(key, t))
                names.extend(self._others(key, t))
            spellings[key] = [
                [part for part in map(search_key, normalize_text(name).split()) if part]
                for name in names
            ]
        return spellings

    def _exact(self, words: list[str]) -> str | None:
        wanted = search_key(" ".join(words))  # spaces, half-spaces, ي/ك and case aside
        if not wanted:
            return None
        found = {
            key
            for key, names in self._spellings.items()
            if any("".join(name) == wanted for name in names)
        }
        return found.pop() if len(found) == 1 else None

    def _by_words(self, words: list[str]) -> str | None:
        wanted = {search_key(word) for word in words} - {""}
        # Short words («در», «به») join names; alone they name nothing.
        if not wanted or max(len(word) for word in wanted) < _NAMING_LETTERS:
            return None
        found = {
            key
            for key, names in self._spellings.items()
            if any(wanted <= set(name) for name in names)
        }
        return found.pop() if len(found) == 1 else None


STATUS_NAMES = Family(
    keys=tuple(status.value for status in STATUSES),
    label_key=lambda key: STATUSES[CaseStatus(key)].label,
    names_key=lambda key: f"names-status-{key}",
)
OPINIONS = Family(
    keys=tuple(opinion.value for opinion in Opinion),
    label_key=lambda key: f"opinion-{key}",
    names_key=lambda key: f"names-opinion-{key}",
)
QUEUES = Family(
    keys=tuple(queue.value for queue in Queue),
    label_key=lambda key: f"sla-queue-{key}",
    names_key=lambda key: f"names-queue-{key}",
)
SETTINGS = Family(
    keys=tuple(item.name for item in fields(SlaPolicy)),
    label_key=lambda key: f"sla-setting-{key}",
    names_key=lambda key: f"names-setting-{key}",
)
CERT_STATUSES = Family(
    keys=tuple(status.value for status in CertStatus),
    label_key=lambda key: f"cert-status-{key}",
    names_key=lambda key: f"names-cert-{key}",
)

# The verbs of the admin commands (`/staff add`, `/holiday remove`, `/cert new`).
VERBS = Family(
    keys=("list", "add", "remove", "new"),
    label_key=lambda key: f"names-verb-{key}",
    names_key=lambda key: f"names-verb-{key}",
)

# A refusal's argument, by its name, as a person reads it.
_ONE: Mapping[str, Family] = {
    "status": STATUS_NAMES,
    "from_status": STATUS_NAMES,
    "to_status": STATUS_NAMES,
    "opinion": OPINIONS,
    "queue": QUEUES,
    "setting": SETTINGS,
}
# Lists of keys, comma-separated, shown by the names to type.
_MANY: Mapping[str, Family] = {
    "statuses": STATUS_NAMES,
    "opinions": OPINIONS,
    "queues": QUEUES,
    "settings": SETTINGS,
    "cert_statuses": CERT_STATUSES,
}
_PREFIXED = {"action": "action", "role": "role"}


def shown_args(args: Mapping[str, Any], t: Texts) -> dict[str, Any]:
    """A refusal's arguments as a person reads them: keys by their labels, lists of keys by
    their names to type, numbers in the locale's digits; anything else as it was given."""
    shown: dict[str, Any] = {}
    for name, value in args.items():
        if name in _ONE:
            shown[name] = _ONE[name].label(str(value), t)
        elif name in _MANY:
            keys = [key.strip() for key in str(value).split(",") if key.strip()]
            shown[name] = _MANY[name].known(t, keys)
        elif name in _PREFIXED:
            shown[name] = t.plain(f"{_PREFIXED[name]}-{value}")
        elif isinstance(value, int) and not isinstance(value, bool):
            shown[name] = format_number(value, t.locale)
        else:
            shown[name] = value
    return shown


def all_of(family: Family) -> str:
    """Every member of a family, as a refusal's list argument carries them."""
    return ",".join(family.keys)
