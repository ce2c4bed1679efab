"""The parties' agreement (سازش): staff record it with its terms, by the card's button or by
`/agree`; it closes the case with a closing reason of its own, which /track, the staff card,
/stats and the export show; the complainant may still object within the window."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from models.tables import CaseEvent
from services.formatting import format_code
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.forms import file_usual_complaint
from tests.staff import (
    STAFF_CHAT,
    admin,
    clerk,
    group_texts,
    newest_with_button,
    press_on_group,
    say_in_group,
    the_case,
)

OBJECTION_WINDOW = timedelta(days=10)  # OBJECTION_WINDOW_DAYS
TERMS = "فروشنده تا پنجشنبه ۲٬۵۰۰٬۰۰۰ ریال را بازمی‌گرداند و شاکی از شکایت می‌گذرد"


async def filed(desk: Desk, citizen: Person) -> str:
    await file_usual_complaint(desk, citizen)
    await desk.drain()
    return (await the_case(desk)).code


async def agreed_by_command(desk: Desk, code: str) -> None:
    await say_in_group(desk, clerk(), f"/agree {code} {TERMS}")
    await desk.drain()


async def events(desk: Desk) -> list[CaseEvent]:
    async with desk.repo() as repo:
        return list(await repo.session.scalars(select(CaseEvent).order_by(CaseEvent.id)))


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE], ids=["telegram", "bale"])
def complainant(request: pytest.FixtureRequest) -> Person:
    """The complainant, on Telegram or on Bale."""
    return Person(request.param, 5001 if request.param is Platform.TELEGRAM else 6001)


async def test_the_cards_button_asks_for_the_terms_and_the_agreement_closes_the_case(
    desk: Desk, complainant: Person
) -> None:
    code = await filed(desk, complainant)

    await press_on_group(desk, clerk(), "سازش طرفین")
    prompt = desk.api[Platform.TELEGRAM].sent(chat_id=STAFF_CHAT)[-1]
    assert "شرایط سازش طرفین" in prompt.text and prompt.markup().get("force_reply")
    await say_in_group(desk, clerk(), TERMS)

    case = await the_case(desk)
    assert (case.status, case.closing_reason) == ("closed", "agreement")
    assert case.decided_at == desk.clock.now() and case.step is None
    agreed = (await events(desk))[-1]
    assert (agreed.action, agreed.note, agreed.actor_role) == ("agree", TERMS, "clerk")
    assert "مختومه (سازش طرفین)" in group_texts(desk)[-1]
    await desk.drain()
    notice = next(t for t in desk.api[complainant.platform].texts(complainant.id) if "سازش" in t)
    assert "پرونده مختومه شد" in notice and TERMS in notice
    assert f"/object {format_code(code, 'fa')}" in notice
    # Bale reads no HTML.
    assert ("<b>" in notice or "<code>" in notice) is (complainant.platform is Platform.TELEGRAM)


async def test_track_shows_the_agreement_and_its_terms(desk: Desk, complainant: Person) -> None:
    code = await filed(desk, complainant)
    await agreed_by_command(desk, code)

    await desk.say(complainant, f"/track {code}")

    shown = desk.last_text(complainant)
    assert "مختومه (سازش طرفین)" in shown
    assert "شرایط سازش:" in shown and TERMS in shown
    assert "طرفین سازش کردند و پرونده مختومه شد" in shown  # the story line


async def test_agree_works_at_the_commission_and_the_card_shows_the_closing_reason(
    desk: Desk, sara: Person
) -> None:
    code = await filed(desk, sara)
    await say_in_group(desk, clerk(), f"/status {code} referred_commission")

    await agreed_by_command(desk, code)
    await say_in_group(desk, clerk(), f"/case {code}")

    card = group_texts(desk)[-1]
    assert "مختومه (سازش طرفین)" in card and TERMS in card  # the history keeps the terms
    case = await the_case(desk)
    assert (case.status, case.closing_reason, case.opinion) == ("closed", "agreement", None)


async def test_agree_without_terms_asks_for_them_and_without_a_code_shows_the_usage(
    desk: Desk, sara: Person
) -> None:
    code = await filed(desk, sara)

    await say_in_group(desk, clerk(), "/agree")
    assert "روش استفاده: /agree کد شرایط سازش" in group_texts(desk)[-1]
    await say_in_group(desk, clerk(), f"/agree {code}")
    assert "شرایط سازش طرفین" in group_texts(desk)[-1]
    assert (await the_case(desk)).status == "awaiting_review"

    await say_in_group(desk, clerk(), "‌ ")  # words that show nothing
    assert (await the_case(desk)).status == "awaiting_review"
    await say_in_group(desk, clerk(), TERMS)
    assert (await the_case(desk)).closing_reason == "agreement"


async def test_closing_by_status_is_still_the_unions_decision_not_an_agreement(
    desk: Desk, sara: Person
) -> None:
    code = await filed(desk, sara)

    await say_in_group(desk, clerk(), f"/status {code} closed توافق کردند")

    assert "نمی‌توان به «مختومه» رفت" in group_texts(desk)[-1]
    case = await the_case(desk)
    assert (case.status, case.closing_reason) == ("awaiting_review", None)


async def test_an_agreement_on_a_closed_case_is_refused(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await agreed_by_command(desk, code)

    await say_in_group(desk, clerk(), f"/agree {code} دوباره")

    assert "«🤝 سازش طرفین» در وضعیت «مختومه» ممکن نیست" in group_texts(desk)[-1]
    assert [e.action for e in await events(desk)].count("agree") == 1


async def test_the_complainant_may_object_to_an_agreement_within_the_window(
    desk: Desk, complainant: Person
) -> None:
    code = await filed(desk, complainant)
    await agreed_by_command(desk, code)
    desk.clock.advance(OBJECTION_WINDOW - timedelta(minutes=1))

    await desk.say(complainant, f"/object {code}")
    assert "اعتراض دارید" in desk.last_text(complainant)
    await desk.press_button(complainant, "بله، اعتراض")

    case = await the_case(desk)
    assert (case.status, case.objection_used, case.closing_reason) == (
        "referred_judicial",
        True,
        None,
    )
    await desk.drain()
    assert "اعتراض شما ثبت شد" in desk.last_text(complainant)
    assert "اعتراض شاکی" in group_texts(desk)[-1]


async def test_an_objection_to_an_agreement_past_the_window_is_refused(
    desk: Desk, sara: Person
) -> None:
    code = await filed(desk, sara)
    await agreed_by_command(desk, code)
    desk.clock.advance(OBJECTION_WINDOW + timedelta(minutes=1))

    await desk.say(sara, f"/object {code}")

    assert "مهلت ۱۰ روزه اعتراض" in desk.last_text(sara)
    case = await the_case(desk)
    assert (case.status, case.closing_reason) == ("closed", "agreement")


async def test_stats_and_the_export_tell_agreements_apart(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await agreed_by_command(desk, code)

    await desk.say(admin(), "/stats")
    stats = next(t for t in desk.api[Platform.TELEGRAM].texts(admin().id) if "آمار" in t)
    assert "• مختومه: ۱" in stats and "◦ سازش طرفین: ۱" in stats

    await desk.say(admin(), "/export format csv")
    (document,) = desk.api[Platform.TELEGRAM].sent("sendDocument", chat_id=admin().id)
    (content,) = document.files.values()
    header, row = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert row[header.index("وضعیت")] == "مختومه"
    assert row[header.index("دلیل مختومه شدن")] == "سازش طرفین"


async def test_the_button_is_drawn_only_while_the_union_is_at_work(
    desk: Desk, sara: Person
) -> None:
    code = await filed(desk, sara)
    newest_with_button(desk, "سازش طرفین")  # on the new card

    await agreed_by_command(desk, code)
    await say_in_group(desk, clerk(), f"/case {code}")

    labels = [label for label, _ in desk.api[Platform.TELEGRAM].last(STAFF_CHAT).buttons()]
    assert "🤝 سازش طرفین" not in labels and "بازگشایی" in labels
