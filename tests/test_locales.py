"""The Fluent files: both locales say the same things, every text the code asks for exists,
and Persian is written with Persian letters."""

from __future__ import annotations

import ast
import codecs
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from aiogram.fsm.state import State
from fluent.syntax import FluentParser
from fluent.syntax.ast import Junk, Message, Term

from bot.app import CITIZEN_COMMANDS
from handlers.complaints import SKIPPABLE, TEXT_STEPS
from handlers.kit.keyboards import EDITABLE, MENU_KEYS
from services.desk import Subject
from services.platforms import Platform
from services.texts import LOCALES, LOCALES_DIR
from services.workflow import Action, CaseStatus

ROOT = LOCALES_DIR.parent
SOURCES = ("bot", "handlers", "services")
MESSAGE_ID = re.compile(r"[a-z]+(?:-[a-z0-9_]+)+")
# Literals shaped like a message id that are something else: a form button's action, the
# command line's subcommands.
NOT_MESSAGES = {"no-order", "import-licences", "demo-data", "rotate-keys"}


def entries(path: Path) -> dict[str, set[str]]:
    """Messages and terms of one file, each with its attributes; junk fails the test."""
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    junk = [entry.content for entry in resource.body if isinstance(entry, Junk)]
    assert not junk, f"{path.relative_to(ROOT)} does not parse: {junk}"
    found: dict[str, set[str]] = {}
    for entry in resource.body:
        if isinstance(entry, Message | Term):
            name = ("-" if isinstance(entry, Term) else "") + entry.id.name
            assert name not in found, f"{name} twice in {path.relative_to(ROOT)}"
            found[name] = {attribute.id.name for attribute in entry.attributes}
    return found


def files(locale: str) -> list[str]:
    return sorted(path.name for path in (LOCALES_DIR / locale).glob("*.ftl"))


def keys(locale: str) -> set[str]:
    """Every message id of a locale, over all its files, each defined once."""
    seen: dict[str, str] = {}
    for name in files(locale):
        for key in entries(LOCALES_DIR / locale / name):
            assert key not in seen, f"{key} in both {seen[key]} and {name} ({locale})"
            seen[key] = name
    return set(seen)


def test_both_locales_have_the_same_files() -> None:
    assert files("fa") == files("en")
    assert files("fa"), "no Fluent files found"


@pytest.mark.parametrize("name", files("fa"))
def test_both_locales_have_the_same_keys_and_attributes(name: str) -> None:
    persian = entries(LOCALES_DIR / "fa" / name)
    english = entries(LOCALES_DIR / "en" / name)

    assert sorted(set(persian) - set(english)) == [], "only in Persian"
    assert sorted(set(english) - set(persian)) == [], "only in English"
    for key, attributes in persian.items():
        assert attributes == english[key], key


def test_no_key_is_defined_twice_in_a_locale() -> None:
    for locale in LOCALES:
        assert keys(locale)


def literals(paths: Iterable[Path]) -> set[str]:
    """String constants in the code shaped like message ids (docstrings are whole sentences)."""
    found: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and MESSAGE_ID.fullmatch(node.value)
            ):
                found.add(node.value)
    return found


def is_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def test_every_text_the_code_names_exists() -> None:
    defined = keys("fa")
    named = {
        literal
        for literal in literals(
            path for folder in SOURCES for path in sorted((ROOT / folder).rglob("*.py"))
        )
        if literal not in NOT_MESSAGES and not is_codec(literal)
    }

    assert len(named) >= 50, sorted(named)
    # A literal may also be the stem of a family the code completes (form-description-too-long).
    missing = sorted(
        literal
        for literal in named
        if literal not in defined and not any(key.startswith(literal + "-") for key in defined)
    )
    assert missing == [], ", ".join(missing)


def step_key(step: State) -> str:
    """A form step as its question's key names it: ComplaintForm:order_date → order-date."""
    return (step.state or "").rsplit(":", 1)[-1].replace("_", "-")


def family(prefix: str, values: Iterable[str]) -> list[str]:
    return [f"{prefix}-{value}" for value in values]


@pytest.mark.parametrize(
    "wanted",
    [
        pytest.param(family("status", CaseStatus), id="status"),
        pytest.param(family("subject", Subject), id="subject"),
        pytest.param(family("event", ["filed", *Action]), id="event"),
        pytest.param(
            family("button", {a for actions in SKIPPABLE.values() for a in actions}),
            id="button",
        ),
        pytest.param(family("field", EDITABLE), id="field"),
        pytest.param(family("command", CITIZEN_COMMANDS), id="command"),
        pytest.param(family("platform", Platform), id="platform"),
        pytest.param(family("ask", [step_key(step) for step in TEXT_STEPS]), id="ask"),
        pytest.param(list(MENU_KEYS), id="menu"),
    ],
)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_member_of_a_family_has_its_text(locale: str, wanted: list[str]) -> None:
    assert sorted(set(wanted) - keys(locale)) == []


ARABIC_LETTERS = re.compile("[يىك]")


@pytest.mark.parametrize("locale", LOCALES)
def test_persian_is_written_with_persian_yeh_and_keheh(locale: str) -> None:
    for name in files(locale):
        text = (LOCALES_DIR / locale / name).read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            assert not ARABIC_LETTERS.search(line), f"{locale}/{name}:{number}: {line}"
