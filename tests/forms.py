"""The complaint form as a citizen usually answers it, step by step, for tests that need to
stand at one step; and what the database and the platform hold about the form."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import func, select

from models.tables import Case, Draft
from tests.desk import Desk, Person

PHONE = "+98 912 345 6789"
DESCRIPTION = "کالای سفارش داده شده پس از دو هفته هنوز ارسال نشده و پاسخی نمی‌دهند."

Answer = Callable[[Desk, Person], Awaitable[None]]


async def _contact(desk: Desk, person: Person) -> None:
    await desk.share_contact(person, PHONE, owner_id=person.id)


# Each step of the form, and the usual answer to its question.
USUAL: list[tuple[str, Answer]] = [
    ("business_name", lambda desk, person: desk.say(person, "فروشگاه نمونه")),
    ("website", lambda desk, person: desk.say(person, "shop.ir")),
    ("licence", lambda desk, person: desk.press_button(person, "رد شدن")),
    ("province", lambda desk, person: desk.press_button(person, "اصفهان")),
    ("subject", lambda desk, person: desk.press_button(person, "خرید کالا یا خدمت")),
    ("description", lambda desk, person: desk.say(person, DESCRIPTION)),
    ("order_number", lambda desk, person: desk.say(person, "ORD-98765")),
    ("order_date", lambda desk, person: desk.say(person, "۱۴۰۵/۰۸/۲۵")),
    ("order_amount", lambda desk, person: desk.say(person, "۲٬۵۰۰٬۰۰۰ ریال")),
    ("attachments", lambda desk, person: desk.press_button(person, "تمام شد")),
    ("contact", _contact),
    ("confirm", lambda desk, person: desk.press_button(person, "تأیید و ثبت نهایی")),
]
STEPS = [name for name, _ in USUAL]


async def answer_between(desk: Desk, person: Person, first: str, last: str | None) -> None:
    """Answer the usual way from the question of `first` until that of `last` is asked
    (to the end, filing the complaint, when `last` is None)."""
    end = len(STEPS) if last is None else STEPS.index(last)
    for _, answer in USUAL[STEPS.index(first) : end]:
        await answer(desk, person)


async def answer_until(desk: Desk, person: Person, step: str) -> None:
    """Open the form and answer it the usual way until the question of `step` is asked."""
    await desk.say(person, "/complaint")
    await answer_between(desk, person, STEPS[0], step)


async def answer_from(desk: Desk, person: Person, step: str) -> None:
    """Answer the form the usual way from `step` to the end, filing the complaint."""
    await answer_between(desk, person, step, None)


async def file_usual_complaint(desk: Desk, person: Person) -> None:
    await answer_until(desk, person, "contact")
    await answer_from(desk, person, "contact")


# A business the registry knows by its website brings its licence and province along: the form
# does not ask for them.
FROM_REGISTRY = ("licence", "province")


async def file_complaint_about_a_licensed_business(desk: Desk, person: Person) -> None:
    """The usual complaint about a business whose website the licence registry lists."""
    await desk.say(person, "/complaint")
    for name, answer in USUAL:
        if name not in FROM_REGISTRY:
            await answer(desk, person)


def step_of(name: str) -> str:
    """The stored name of a step of the complaint form."""
    return f"ComplaintForm:{name}"


async def draft_of(desk: Desk, person: Person) -> Draft | None:
    """The complaint draft a person has in the database."""
    async with desk.repo() as repo:
        user = await repo.users.by_platform_id(person.platform, person.id)
        if user is None:
            return None
        return await repo.drafts.get(user.id, "complaint")


async def form_in_db(desk: Desk, person: Person) -> tuple[str, dict[str, Any]] | None:
    """The step and the answers of a person's complaint draft, as the database holds them."""
    draft = await draft_of(desk, person)
    return None if draft is None else (draft.step, dict(draft.data))


async def count_cases(desk: Desk) -> int:
    async with desk.repo() as repo:
        return int(await repo.session.scalar(select(func.count(Case.id))) or 0)


async def state_of(desk: Desk, person: Person) -> str | None:
    """The conversation state the dispatcher keeps for a person's private chat."""
    context = desk.dp.fsm.get_context(
        bot=desk.bots[person.platform], chat_id=person.id, user_id=person.id
    )
    return await context.get_state()


def alerts(desk: Desk, person: Person) -> list[str]:
    """The answers to this person's button presses, shown by the client (Telegram-style)."""
    return [
        str(request.params.get("text", ""))
        for request in desk.api[person.platform].requests
        if request.method == "answerCallbackQuery"
    ]


def button_data(desk: Desk, person: Person, label_part: str, *, newest: bool = True) -> str:
    """The callback data of a button sent to this person, the newest or the oldest one."""
    requests = desk.to(person)
    for request in reversed(requests) if newest else requests:
        for label, data in request.buttons():
            if label_part in label:
                return data
    raise AssertionError(f"no button with {label_part!r} was sent to {person.id}")
