"""What the desk writes reads as Persian typography wants, and its own markup is never shown
as text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fluent.syntax import FluentParser
from fluent.syntax.ast import (
    Message,
    Pattern,
    Placeable,
    SelectExpression,
    Term,
    TextElement,
)

from services.formatting import format_code
from services.platforms import Platform
from services.texts import LOCALES_DIR
from tests.conftest import BALE_STAFF_CHAT
from tests.desk import Desk, Person
from tests.forms import file_usual_complaint
from tests.staff import clerk, group_messages, say_in_group, the_case


async def test_the_staff_cards_heading_is_bold_not_escaped_tags(desk: Desk, sara: Person) -> None:
    await file_usual_complaint(desk, sara)
    await desk.drain()
    case = await the_case(desk)

    card = group_messages(desk)[0].text
    assert card.startswith("🆕 <b>شکایت تازه</b>") and "&lt;" not in card
    await say_in_group(desk, clerk(), f"/case {format_code(case.code, 'en')}")
    shown = group_messages(desk)[-1].text
    assert shown.startswith("📄 <b>پرونده</b>") and "&lt;" not in shown


async def test_on_bale_the_staff_cards_heading_is_bold_in_its_markdown(
    bale_desk: Desk, reza: Person
) -> None:
    await file_usual_complaint(bale_desk, reza)
    await bale_desk.drain()

    card = bale_desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT)[0].text
    assert card.startswith("🆕 *شکایت تازه*") and "<b>" not in card and "\\*" not in card


# --- the Persian texts, read mechanically -----------------------------------------------------

# Where a placeable stood: a value, never checked here.
VALUE = "\ufffc"


@dataclass(frozen=True)
class Text:
    """One Persian text as a person reads it around its values: a message's value or attribute,
    or one variant of a choice inside it."""

    where: str
    key: str
    text: str
    # A variant is a piece of a sentence: its end is no sentence's end.
    whole: bool

    def __str__(self) -> str:
        return f"{self.where} {self.key}: {self.text!r}"


def _flat(pattern: Pattern) -> tuple[str, list[str]]:
    """The pattern's text with each placeable as VALUE, and the texts of its choices' variants."""
    parts: list[str] = []
    variants: list[str] = []
    for element in pattern.elements:
        if isinstance(element, TextElement):
            parts.append(element.value)
        elif isinstance(element, Placeable):
            parts.append(VALUE)
            if isinstance(element.expression, SelectExpression):
                for variant in element.expression.variants:
                    text, inner = _flat(variant.value)
                    variants += [text, *inner]
    return "".join(parts), variants


def persian_texts() -> Iterator[Text]:
    for path in sorted((LOCALES_DIR / "fa").glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if not isinstance(entry, Message | Term):
                continue
            patterns = [entry.value] if entry.value else []
            patterns += [attribute.value for attribute in entry.attributes]
            for pattern in patterns:
                text, variants = _flat(pattern)
                yield Text(path.name, entry.id.name, text, whole=True)
                for variant in variants:
                    yield Text(path.name, entry.id.name, variant, whole=False)


TEXTS = list(persian_texts())
_TAG = re.compile(r"</?(?:b|i|u|pre)>|<a href=\"[^\"]*\">|</a>")
# What is typed as it is shown: a literal in <code>, a link.
_LITERAL = re.compile(r"<code>.*?</code>|https?://\S+")
# A line that shows a command to type (in the chat or on the server's command line): the
# command's own words are Latin.
_COMMAND_LINE = re.compile(r"(?:^|\s)/[a-z]+|python -m ")
# File formats go by their Latin names.
_FORMATS = frozenset({"csv", "xlsx", "xls", "pdf", "iso"})


def _read(text: Text) -> str:
    """The text a person reads, literals and links aside."""
    return _TAG.sub("", _LITERAL.sub(VALUE, text.text))


def _violations(rule: re.Pattern[str]) -> list[str]:
    return [f"{text}" for text in TEXTS if rule.search(_read(text))]


def test_the_checks_read_every_persian_text() -> None:
    assert len({text.key for text in TEXTS}) > 300
    assert any("تأیید" in text.text for text in TEXTS)


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        (re.compile("تایید"), "one spelling: تأیید"),
        (re.compile("جستجو|جست و جو|گفتگو|گفت و گو"), "one spelling: جست‌وجو، گفت‌وگو"),
        (re.compile("مسدودکردن|مسدودسازی"), "«مسدود کردن»"),
        (re.compile(r"(?<![\w\u200c])ن?می (?=\w)"), "a half-space after می"),
        (
            re.compile(r"\w ها(?:ی|یی|یم|یت|یش|یمان|یتان|یشان)?(?![\w\u200c])"),
            "a half-space before ها",
        ),
        (re.compile("[0-9]"), "Persian digits"),
        (re.compile("[?]"), "the Persian question mark ؟"),
        (re.compile("[,]"), "the Persian comma ،"),
        (re.compile("[;]"), "the Persian semicolon ؛"),
        (re.compile('["“”]'), "Persian quotation marks « »"),
        (re.compile("[يىك]"), "Persian ی and ک"),
        (re.compile(r"\S {2,}\S| [.،؛؟!:)»]|[(«] "), "one space, none before punctuation"),
        (re.compile("\u200c(?:\\s|$)|(?:^|\\s)\u200c"), "no half-space beside a space"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_persian_texts_follow_the_rule(rule: re.Pattern[str], why: str) -> None:
    assert _violations(rule) == [], why


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]*")


def test_no_english_word_is_shown_outside_a_command_or_a_literal() -> None:
    found = []
    for text in TEXTS:
        for line in _read(text).split("\n"):
            if _COMMAND_LINE.search(line):
                continue
            words = {word.lower() for word in _LATIN_WORD.findall(line)} - _FORMATS
            if words:
                found.append(f"{text} {sorted(words)}")
    assert found == []


# Words a sentence of the desk ends with: a verb, or the copula.
_SENTENCE_END = re.compile(
    r"(?:است|نیست|هست|شد|نشد|شدند|نشدند|شود|نشود|کنید|نکنید|کنیم|کند|دارید|ندارید|دارد|ندارد"
    r"|بود|نبود|بفرستید|بنویسید|بزنید|ببینید|بدهید|بگیرید|باشد|یافت|رسید|گذشت|دهید|کرد|نکرد)$"
)
# Texts that are no sentence: buttons, labels, names, the history's events.
_LABELS = re.compile(
    r"^(?:button|action|event|opinion|status|cert-status|cert-move|cert-event|menu|command"
    r"|field|subject|export-column|export-filter|licence-status|licence-holder|step|role|chart"
    r"|sla-setting|sla-queue|platform|language|value|amount|service|relay-offer"
    # The citizen's story: events shown as bullet items, a reason after a colon
    # («• … — پرونده باطل شد: …»), like the history's `event-` lines.
    r"|story"
    # The other names staff may type for a key, a comma-separated list that is matched,
    # never shown as a sentence.
    r"|names)-"
    # Buttons under any prefix («✅ تمام شد» is tapped, not read as a sentence).
    r"|^(?:[a-z]+-)*button-"
    # Titles: a heading above what follows.
    r"|-title$"
    # Phrases people type (one a line), matched against what they write, never shown.
    r"|-phrases$"
)
_HEADING = re.compile(r"^\W*<b>[^<]*</b>\W*$")


def test_every_sentence_ends_with_its_stop() -> None:
    found = []
    for text in TEXTS:
        if not text.whole or _LABELS.search(text.key):
            continue
        for line in text.text.split("\n"):
            if _HEADING.match(line.strip()):
                continue
            if _SENTENCE_END.search(_TAG.sub("", line).strip()):
                found.append(f"{text.where} {text.key}: {line.strip()!r}")
    assert found == []


# A clerk may type the opinion's label as the history shows it, or a short name
# (`names-opinion-…`).
@pytest.mark.parametrize(
    ("typed", "opinion"),
    [
        ("«تخلفی احراز نشد»", "no_violation"),
        ("عدم تخلف", "no_violation"),
        ("بدون تخلف", "no_violation"),
        ("تخلف احراز شد", "violation"),
        ("تخلف", "violation"),
    ],
)
async def test_a_clerk_names_the_commissions_opinion_in_persian(
    desk: Desk, sara: Person, typed: str, opinion: str
) -> None:
    await file_usual_complaint(desk, sara)
    await desk.drain()
    case = await the_case(desk)
    code = format_code(case.code, "fa")
    await say_in_group(desk, clerk(), f"/status {code} referred_commission")

    await say_in_group(desk, clerk(), f"/opinion {code} {typed} فروشنده مبلغ را پس داد.")

    decided = await the_case(desk)
    assert decided.opinion == opinion
    await say_in_group(desk, clerk(), "/opinion")
    usage = group_messages(desk)[-1].text
    # The usage names the opinions by their short names to type, in Persian only.
    assert "نظرها: «تخلف»، «عدم تخلف»." in usage and "violation" not in usage
