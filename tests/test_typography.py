"""What the desk writes reads as Persian typography wants, and its own markup is never shown
as text."""

from __future__ import annotations

from services.formatting import format_code
from services.platforms import Platform
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
