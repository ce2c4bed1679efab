"""Where Bale is not Telegram: no command menu, Markdown instead of HTML, old clients' callbacks.

DESIGN.md, "Telegram and Bale are not the same".
"""

from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import select

from bot.app import set_commands
from models.tables import Case
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.forms import answer_between, answer_until, button_data, form_in_db, step_of

TYPED_MARKDOWN = "*bold* _x_ [a](b) `code`"
ESCAPED_MARKDOWN = r"\*bold\* \_x\_ \[a\](b) \`code\`"
STALE = "این دکمه دیگر فعال نیست."
OLD_CLIENT_QUERY = "1234567"
STAFF_CHAT = -1001000


@pytest.fixture
def starry() -> Person:
    """A Bale citizen whose profile name has Markdown characters in it."""
    return Person(Platform.BALE, 6010, "Reza *VIP*", "_Karimi_")


@pytest.fixture
def tagged() -> Person:
    """A Telegram citizen whose profile name looks like HTML."""
    return Person(Platform.TELEGRAM, 5010, "<i>Sara</i>", "A&B")


async def file_up_to_summary(desk: Desk, person: Person, business: str) -> None:
    """The usual answers, with this business name, up to the summary."""
    await desk.say(person, "/complaint")
    await desk.say(person, business)
    await answer_between(desk, person, "website", "confirm")


# --- the command menu ---------------------------------------------------------------------


async def test_the_command_menu_is_not_set_on_bale(desk: Desk) -> None:
    await set_commands(desk.bots[Platform.BALE], desk.settings)

    assert desk.api[Platform.BALE].requests == []


async def test_the_command_menu_is_set_on_telegram_in_each_language(desk: Desk) -> None:
    await set_commands(desk.bots[Platform.TELEGRAM], desk.settings)

    calls = desk.api[Platform.TELEGRAM].sent("setMyCommands")
    citizens = [c for c in calls if json.loads(c.params["scope"])["type"] == "all_private_chats"]
    assert [call.params.get("language_code") for call in citizens] == [None, "fa", "en"]
    menu = json.loads(citizens[0].params["commands"])
    assert {"command": "complaint", "description": "ثبت شکایت"} in menu
    assert "stats" not in {item["command"] for item in menu}


async def test_staff_chats_and_admins_get_their_own_menus(desk: Desk) -> None:
    await set_commands(desk.bots[Platform.TELEGRAM], desk.settings)

    menus = {
        (json.loads(c.params["scope"]).get("chat_id"), c.params.get("language_code")): {
            item["command"] for item in json.loads(c.params["commands"])
        }
        for c in desk.api[Platform.TELEGRAM].sent("setMyCommands")
    }
    assert {"case", "status", "find"} <= menus[(-1001000, None)]
    assert "stats" not in menus[(-1001000, None)]
    assert {"stats", "export", "ban", "case", "complaint"} <= menus[(111, "en")]
    assert (222, None) not in menus  # the Bale admin: Bale has no menus


async def test_a_failing_command_menu_never_stops_the_start(
    desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    desk.api[Platform.TELEGRAM].fail("setMyCommands", 500, "Internal Server Error", times=3)
    with caplog.at_level(logging.WARNING, logger="bot.app"):
        await set_commands(
            desk.bots[Platform.TELEGRAM], desk.settings
        )  # returns; nothing is raised

    assert desk.api[Platform.TELEGRAM].sent("setMyCommands")
    assert any("could not set a command menu" in r.getMessage() for r in caplog.records)


# --- what people type, on each platform's markup ------------------------------------------


async def test_markdown_typed_on_bale_is_escaped_in_the_summary(desk: Desk, reza: Person) -> None:
    await file_up_to_summary(desk, reza, TYPED_MARKDOWN)

    summary = desk.to(reza)[-1]
    assert "خلاصه شکایت شما" in summary.text
    assert ESCAPED_MARKDOWN in summary.text
    assert "parse_mode" not in summary.params


async def test_markdown_in_a_bale_name_is_escaped_in_the_receipt(
    desk: Desk, starry: Person
) -> None:
    await file_up_to_summary(desk, starry, TYPED_MARKDOWN)
    await desk.press_button(starry, "تأیید و ثبت نهایی")
    await desk.drain()

    receipt = desk.to(starry)[-2].text  # its printed copy follows it
    assert "رسید" in receipt
    assert r"Reza \*VIP\* \_Karimi\_" in receipt
    assert "<b>" not in receipt


async def test_markdown_from_bale_reaches_the_telegram_staff_card_as_typed(
    desk: Desk, reza: Person
) -> None:
    await file_up_to_summary(desk, reza, TYPED_MARKDOWN)
    await desk.press_button(reza, "تأیید و ثبت نهایی")
    await desk.drain()

    card = desk.api[Platform.TELEGRAM].sent(chat_id=STAFF_CHAT)[0]
    assert card.params["parse_mode"] == "HTML"
    assert TYPED_MARKDOWN in card.text  # HTML needs no escaping of Markdown characters
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None and case.business_name == TYPED_MARKDOWN


async def test_html_typed_on_telegram_arrives_escaped_in_the_summary(
    desk: Desk, sara: Person
) -> None:
    await file_up_to_summary(desk, sara, "<b>Shop</b> & Co")

    summary = desk.to(sara)[-1]
    assert summary.params["parse_mode"] == "HTML"
    assert "&lt;b&gt;Shop&lt;/b&gt; &amp; Co" in summary.text
    assert "<b>Shop</b>" not in summary.text


async def test_html_in_a_telegram_name_is_escaped_in_the_receipt(
    desk: Desk, tagged: Person
) -> None:
    await file_up_to_summary(desk, tagged, "فروشگاه نمونه")
    await desk.press_button(tagged, "تأیید و ثبت نهایی")
    await desk.drain()

    receipt = desk.to(tagged)[-2].text  # its printed copy follows it
    assert "&lt;i&gt;Sara&lt;/i&gt; A&amp;B" in receipt
    assert "<i>Sara</i>" not in receipt


async def test_html_tags_typed_on_bale_stay_as_typed(desk: Desk, reza: Person) -> None:
    await file_up_to_summary(desk, reza, "<b>Shop</b>")

    summary = desk.to(reza)[-1].text
    assert "<b>Shop</b>" in summary  # not turned into Bale's bold
    assert "*Shop*" not in summary


# --- callbacks of old Bale clients --------------------------------------------------------


def answered_queries(desk: Desk) -> list[str]:
    """The ids of the callback queries the bot answered on Bale."""
    return [
        str(request.params["callback_query_id"])
        for request in desk.api[Platform.BALE].sent("answerCallbackQuery")
    ]


async def test_an_old_bale_client_gets_no_callback_answer_and_the_form_goes_on(
    desk: Desk, reza: Person
) -> None:
    await answer_until(desk, reza, "subject")
    await desk.press(reza, button_data(desk, reza, "خرید کالا یا خدمت"), query_id=OLD_CLIENT_QUERY)

    assert OLD_CLIENT_QUERY not in answered_queries(desk)
    assert "شرح شکایت را بنویسید" in desk.last_text(reza)
    form = await form_in_db(desk, reza)
    assert form is not None and form[0] == step_of("description")


async def test_an_old_bale_client_is_told_in_the_chat_that_a_button_is_stale(
    desk: Desk, reza: Person
) -> None:
    await answer_until(desk, reza, "subject")
    subject = button_data(desk, reza, "خرید کالا یا خدمت")
    await desk.press(reza, subject)
    await desk.press(reza, subject, query_id=OLD_CLIENT_QUERY)

    assert desk.last_text(reza) == STALE
    assert OLD_CLIENT_QUERY not in answered_queries(desk)


async def test_a_new_bale_client_gets_its_callback_answered(desk: Desk, reza: Person) -> None:
    await answer_until(desk, reza, "subject")
    await desk.press(reza, button_data(desk, reza, "خرید کالا یا خدمت"), query_id="9876543")

    assert answered_queries(desk)[-1] == "9876543"
    assert "شرح شکایت را بنویسید" in desk.last_text(reza)  # no extra message in the chat
