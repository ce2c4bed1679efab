"""The program's own words that must never reach a person: snake_case keys and the keys of
statuses, opinions, queues, settings and moves, found in what was sent.

Left aside, as people read them: web addresses and file names (`cases-1405-09-01.xlsx`),
@usernames (chosen by their owners) and commands (`/object`, `/sla`).
"""

from __future__ import annotations

import re
from dataclasses import fields

from services.certificates import CertStatus
from services.deadlines import SlaPolicy
from services.desk import Queue
from services.workflow import Action, CaseStatus, Opinion
from tests.fakes import Request

SNAKE_CASE = re.compile(r"\b[a-z]+_[a-z_]+\b")
KEYS = frozenset(
    {
        *(status.value for status in CaseStatus),
        *(opinion.value for opinion in Opinion),
        *(queue.value for queue in Queue),
        *(item.name for item in fields(SlaPolicy)),
        *(status.value for status in CertStatus),
        *(action.value for action in Action),
    }
)
_KEY = re.compile(r"\b(" + "|".join(sorted(KEYS, key=len, reverse=True)) + r")\b")
# What people read as it is: addresses, file names, usernames, commands, platform ids in a
# copyable code.
_ASIDE = re.compile(
    r"https?://\S+|\b[\w.-]+\.(?:xlsx|csv|png|pdf|jpg)\b|@\w+|/[a-z_]+|tg://\S+",
    re.IGNORECASE,
)


def identifiers_in(text: str) -> list[str]:
    """The program's keys a text shows, after what people read as it is was left aside."""
    readable = _ASIDE.sub(" ", text)
    return SNAKE_CASE.findall(readable) + _KEY.findall(readable)


def words_of(request: Request) -> list[str]:
    """Everything a request shows a person: its text or caption, its buttons' and keyboard's
    labels, a callback's answer, a topic's name."""
    shown = [request.text]
    shown += [label for label, _ in request.buttons()] + request.keyboard()
    shown += [str(request.params[name]) for name in ("name",) if name in request.params]
    return [text for text in shown if text]
