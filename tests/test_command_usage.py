"""Every staff and admin command explains itself: given nothing, or something it cannot use,
it answers in Persian with how it is used and an example, and changes nothing.

An admin (who may use every command) tries each in private, on Telegram and on Bale, as a new
admin would: bare, then with words it cannot use.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from handlers.kit.commands import ADMIN_COMMANDS, STAFF_COMMANDS
from models.tables import AuditEntry, Case, CaseEvent, Closure, QueuePolicy, StaffMember
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.identifiers import identifiers_in

ADMINS = {
    Platform.TELEGRAM: Person(Platform.TELEGRAM, 111, "Mina", "Admin"),
    Platform.BALE: Person(Platform.BALE, 222, "Mina", "Admin"),
}
PERSIAN_LETTERS = re.compile("[\u0600-\u06ff]{3,}")
# Words each command cannot use (no code, no known status, verb, queue or person).
WRONG = {
    "case": "abc",
    "status": "abc closed",
    "opinion": "abc تخلف",
    "agree": "abc سازش",
    "assign": "abc @ali",
    "find": "؟!",
    "cert": "abc",
    "stats": "abc",
    "export": "abc",
    "sla": "abc",
    "holiday": "abc",
    "staff": "abc",
    "ban": "abc",
    "unban": "abc",
    "respondent": "abc سلام",
    "session": "abc",
    "refer": "abc",
}


def test_every_staff_and_admin_command_is_tried() -> None:
    assert set(WRONG) == {*STAFF_COMMANDS, *ADMIN_COMMANDS}


async def answer_to(desk: Desk, person: Person, text: str) -> str:
    """Everything the desk sent the person for one message, as one text."""
    before = len(desk.to(person))
    await desk.say(person, text)
    sent = desk.to(person)[before:]
    assert sent, f"no answer to {text!r}"
    return "\n".join(request.text for request in sent)


def assert_explains(answer: str, command: str) -> None:
    """A usage in Persian, with an example of the command, and no key of the program."""
    assert PERSIAN_LETTERS.search(answer), answer
    assert re.search(rf"(روش استفاده|مثلاً).*/{command}\b", answer, re.DOTALL), answer
    assert re.search(rf"مثلاً:? /(?:{command}|ban)\b", answer), answer  # /unban shows /ban too
    assert identifiers_in(answer) == [], answer


async def changed(desk: Desk) -> list[int]:
    """How many rows of what a command could change."""
    async with desk.repo() as repo:
        return [
            int(await repo.session.scalar(select(func.count()).select_from(table)) or 0)
            for table in (Case, CaseEvent, Closure, QueuePolicy, StaffMember)
        ]


@pytest.mark.parametrize("platform", list(Platform))
@pytest.mark.parametrize("command", sorted(WRONG))
async def test_a_bare_command_says_how_it_is_used(
    desk: Desk, platform: Platform, command: str
) -> None:
    before = await changed(desk)

    answer = await answer_to(desk, ADMINS[platform], f"/{command}")

    assert_explains(answer, command)
    assert await changed(desk) == before


@pytest.mark.parametrize("platform", list(Platform))
@pytest.mark.parametrize("command", sorted(WRONG))
async def test_a_command_given_what_it_cannot_use_says_how_it_is_used(
    desk: Desk, platform: Platform, command: str
) -> None:
    before = await changed(desk)

    answer = await answer_to(desk, ADMINS[platform], f"/{command} {WRONG[command]}")

    assert_explains(answer, command)
    assert await changed(desk) == before
    if platform is Platform.BALE:
        assert "<" not in answer  # no markup where the platform reads none


# Forms of a command with words of their own after its name: what each cannot use.
WRONG_FORMS = {"stats": ["offenders abc", "متخلفان از دیروز", "از ۱۴۰۵/۰۸/۳۰ تا ۱۴۰۵/۰۷/۰۱"]}


@pytest.mark.parametrize("platform", list(Platform))
@pytest.mark.parametrize(
    "command, wrong",
    [(command, wrong) for command, forms in WRONG_FORMS.items() for wrong in forms],
)
async def test_a_form_given_what_it_cannot_use_says_how_it_is_used(
    desk: Desk, platform: Platform, command: str, wrong: str
) -> None:
    before = await changed(desk)

    answer = await answer_to(desk, ADMINS[platform], f"/{command} {wrong}")

    assert_explains(answer, command)
    assert await changed(desk) == before


async def test_the_audit_keeps_no_change_from_a_wrong_command(desk: Desk) -> None:
    for command, wrong in WRONG.items():
        await desk.say(ADMINS[Platform.TELEGRAM], f"/{command} {wrong}")

    async with desk.repo() as repo:
        actions = set(await repo.session.scalars(select(AuditEntry.action)))
    assert not actions & {"staff_added", "staff_removed", "banned", "unbanned", "sla_changed"}
