"""The staff card says in words what a case lacks: a licence, an order or an opinion not given,
a step or deadline no longer running, a name erased at the complainant's request; never a lone
dash where a value should be. The clock starts on Sunday 1 Azar 1405, 10:00 in Tehran.
"""

from __future__ import annotations

import re

from sqlalchemy import update

from models.tables import Case
from tests.desk import Desk, Person
from tests.staff import clerk, group_texts, say_in_group
from tests.test_staff_workflow import filed

# A line that ends with a dash, a dash after a field's name, or a dash in brackets.
LONE_DASH = re.compile(r"(</b>\s*[—-]\s*$|[—-]\s*$|\(\s*[—-]\s*\)|:\s*[—-]\s*$)", re.MULTILINE)


def lone_dashes(card: str) -> list[str]:
    return [line for line in card.splitlines() if LONE_DASH.search(line)]


async def blank(desk: Desk, **values: object) -> None:
    async with desk.repo() as repo:
        await repo.session.execute(update(Case).values(**values))
        await repo.commit()


async def test_a_case_without_licence_order_or_opinion_says_so_in_words(
    desk: Desk, sara: Person
) -> None:
    code = await filed(desk, sara)
    # The card posted as the case was filed: no opinion yet.
    posted = next(text for text in group_texts(desk) if "شکایت تازه" in text)
    assert "<b>نظر کمیسیون:</b> هنوز اعلام نشده" in posted
    assert lone_dashes(posted) == []

    await blank(
        desk,
        business_url=None,
        licence_number=None,
        order_number=None,
        order_date=None,
        order_amount=None,
        contact_phone=None,
    )
    await say_in_group(desk, clerk(), f"/case {code}")

    card = group_texts(desk)[-1]
    assert "<b>شماره پروانه:</b> ثبت نشده" in card
    assert "<b>نظر کمیسیون:</b> هنوز اعلام نشده" in card
    assert "<b>شماره سفارش:</b> ثبت نشده" in card
    assert "<b>تاریخ سفارش:</b> ثبت نشده" in card
    assert "<b>مبلغ:</b> ثبت نشده" in card
    assert "(نشانی ثبت نشده)" in card
    assert "— شماره همراه ثبت نشده" in card
    assert lone_dashes(card) == []
    # The dashes that stay separate parts of a line, as in a sentence.
    assert "— مهلت:" in card


async def test_a_closed_case_has_no_step_and_no_deadline_running(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await blank(desk, status="closed", step=None, step_due_at=None, overall_due_at=None)

    await say_in_group(desk, clerk(), f"/case {code}")

    card = group_texts(desk)[-1]
    assert "<b>مرحله:</b> مرحله‌ای در جریان نیست — مهلت: بدون مهلت" in card
    assert "<b>مهلت ماده ۷۲:</b> بدون مهلت" in card
    assert lone_dashes(card) == []


async def test_a_name_erased_at_the_complainants_request_is_said_so(
    desk: Desk, sara: Person
) -> None:
    code = await filed(desk, sara)
    async with desk.repo() as repo:
        case = await repo.session.get(Case, 1)
        assert case is not None
        await repo.cases.forget_contact(case.citizen_id or 0)
        await repo.commit()

    await say_in_group(desk, clerk(), f"/case {code}")

    card = group_texts(desk)[-1]
    assert "<b>شاکی:</b> پاک‌شده به درخواست شاکی" in card
    assert lone_dashes(card) == []
