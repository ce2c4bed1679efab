"""Every text the desk sends fits the platform's limits as the platform counts them: UTF-16
code units of the text a reader sees, after the markup is parsed (an emoji is two).

A summary or a case card too long for one message is shortened, the description cut with «…»
and a note, and the description follows in full; any other long text goes in several messages
cut at lines and words, the buttons on the last; a caption too long goes with the file cut, the
rest as text. The fake Bot API refuses what Telegram refuses, so nothing here passes by luck.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.storage.base import BaseStorage
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.tables import OutboxMessage, ThreadMessage
from services.clock import ManualClock
from services.formatting import format_number
from services.lengths import split_rendered
from services.platforms import BALE as BALE_PROFILE
from services.platforms import TELEGRAM, Platform
from tests.botapi_rules import parse_html, parse_markdown, utf16_units
from tests.conftest import BALE_STAFF_CHAT, make_settings, running_desk
from tests.desk import TOKENS, Desk, Person
from tests.fakes import Request
from tests.forms import answer_between, answer_until, form_in_db, step_of
from tests.process import DeskProcess
from tests.staff import STAFF_CHAT, clerk, group_messages, outbox_rows, the_case
from tests.standin import Bot as StandInBot
from tests.standin import Citizen, StandIn, as_json
from tests.test_delivery import dead_letters, queue_text, row
from tests.test_delivery_blocked import NOTICE, clerk_writes
from tests.test_process import BALE, TG
from tests.test_relay import HEADER, filed, in_group, reply_target

EMOJI = "😀"
# 3,000 emoji: 3,000 characters to Python, 6,000 code units to the platforms.
LONG_DESCRIPTION = EMOJI * 3000
CUT_NOTE = "متن کامل در پیام بعدی آمده است"


def shown(platform: Platform, request: Request) -> str:
    """What a reader sees of a message: Telegram parses its HTML, Bale shows it as sent."""
    if platform is Platform.TELEGRAM and request.params.get("parse_mode") == "HTML":
        return parse_html(request.text)
    return request.text


def within_limits(desk: Desk) -> None:
    """Nothing was refused, and everything sent fits as the platform counts it."""
    for platform, api in desk.api.items():
        assert api.refused == [], [request.refused for request in api.refused]
        for request in api.sent():
            limit = 4096 if "text" in request.params else 1024
            assert utf16_units(shown(platform, request)) <= limit


async def nothing_dead(desk: Desk) -> None:
    async with desk.repo() as repo:
        dead = list(
            await repo.session.scalars(select(OutboxMessage).where(OutboxMessage.status == "dead"))
        )
    # A topic refused on a group that is no forum is the only row allowed to die.
    assert [row.purpose for row in dead if row.purpose != "staff_topic"] == []
    assert dead_letters(desk) == []


async def up_to_summary(desk: Desk, person: Person, description: str) -> None:
    """The usual answers, with this description, up to the summary."""
    await answer_until(desk, person, "description")
    await desk.say(person, description)
    await answer_between(desk, person, "order_number", "confirm")


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE], ids=["telegram", "bale"])
def citizen(request: pytest.FixtureRequest, sara: Person, reza: Person) -> Person:
    return sara if request.param is Platform.TELEGRAM else reza


# --- the summary and the staff card ---------------------------------------------------------


async def test_a_3000_emoji_description_is_summarised_and_confirmed(
    desk: Desk, citizen: Person
) -> None:
    await up_to_summary(desk, citizen, LONG_DESCRIPTION)

    sent = desk.to(citizen)
    summary = next(r for r in reversed(sent) if "تأیید و ثبت نهایی" in str(r.buttons()))
    after = sent[sent.index(summary) + 1 :]
    seen = shown(citizen.platform, summary)
    assert "خلاصه شکایت شما" in seen and "فروشگاه نمونه" in seen
    assert "…" in seen and CUT_NOTE in seen
    assert utf16_units(seen) <= 4096
    # The description follows in full, in messages the platform takes, in order.
    assert len(after) >= 2 and all(not r.buttons() for r in after)
    assert "".join(shown(citizen.platform, r) for r in after).count(EMOJI) == 3000
    within_limits(desk)

    await desk.press_button(citizen, "تأیید و ثبت نهایی")

    assert "شکایت شما ثبت شد" in desk.last_text(citizen)
    case = await the_case(desk)
    assert case.description == LONG_DESCRIPTION
    assert await form_in_db(desk, citizen) is None


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE], ids=["telegram", "bale"])
async def staffed(
    request: pytest.FixtureRequest,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: ManualClock,
    storage_factory: Callable[[], BaseStorage],
) -> AsyncIterator[tuple[Desk, Platform, int]]:
    """The desk with its complaints staff chat on Telegram, or on Bale."""
    platform: Platform = request.param
    chat = STAFF_CHAT if platform is Platform.TELEGRAM else BALE_STAFF_CHAT
    settings = make_settings(complaints_staff_chat=f"{platform}:{chat}")
    async with running_desk(settings, sessionmaker, clock, storage_factory) as desk:
        yield desk, platform, chat


async def test_the_card_of_a_3000_emoji_case_reaches_the_staff_chat(
    staffed: tuple[Desk, Platform, int], sara: Person
) -> None:
    desk, staff_on, chat = staffed
    await up_to_summary(desk, sara, LONG_DESCRIPTION)
    await desk.press_button(sara, "تأیید و ثبت نهایی")
    await desk.drain()

    case = await the_case(desk)
    group = desk.api[staff_on].sent(chat_id=chat)
    card = next(r for r in group if "شکایت تازه" in shown(staff_on, r))
    seen = shown(staff_on, card)
    assert "…" in seen and CUT_NOTE in seen and utf16_units(seen) <= 4096
    assert "پذیرفتن" in str(card.buttons())
    assert case.staff_message_id is not None and case.staff_chat_id == chat
    rest = group[group.index(card) + 1 :]
    assert "شرح کامل پرونده" in shown(staff_on, rest[0])
    assert "".join(shown(staff_on, r) for r in rest).count(EMOJI) == 3000
    within_limits(desk)
    await nothing_dead(desk)
    # Every piece of the description is in the case's thread: a reply to any is for the case.
    async with desk.repo() as repo:
        threaded = set(
            await repo.session.scalars(
                select(ThreadMessage.message_id).where(ThreadMessage.case_id == case.id)
            )
        )
    (full,) = await outbox_rows(desk, "staff_card_description")
    assert full.status == "sent" and full.sent_message_id in threaded
    assert len(threaded) >= len(rest) + 1


async def test_the_case_command_shows_a_long_card_within_limits(desk: Desk, sara: Person) -> None:
    ali = clerk()
    desk.api[Platform.TELEGRAM].members[(STAFF_CHAT, ali.id)] = "member"
    await up_to_summary(desk, sara, LONG_DESCRIPTION)
    await desk.press_button(sara, "تأیید و ثبت نهایی")
    await desk.drain()
    case = await the_case(desk)
    before = len(group_messages(desk))

    await in_group(desk, ali, text=f"/case {case.code}")

    answer = group_messages(desk)[before:]
    assert "پرونده" in shown(Platform.TELEGRAM, answer[0]) and answer[0].buttons()
    assert CUT_NOTE in shown(Platform.TELEGRAM, answer[0])
    assert "".join(shown(Platform.TELEGRAM, r) for r in answer[1:]).count(EMOJI) == 3000
    within_limits(desk)


# --- the form's bound -----------------------------------------------------------------------


async def test_the_form_counts_the_description_as_the_platform_does(
    desk: Desk, citizen: Person
) -> None:
    await answer_until(desk, citizen, "description")

    # 3,001 characters to Python, under the bound of 6,000; 6,002 as the platforms count.
    await desk.say(citizen, EMOJI * 3001)

    refused = desk.last_text(citizen)
    assert format_number(6002, "fa") in refused and format_number(6000, "fa") in refused
    stored = await form_in_db(desk, citizen)
    assert stored is not None and stored[0] == step_of("description")
    assert "description" not in stored[1]


# --- the relay ------------------------------------------------------------------------------


async def test_a_clerks_reply_of_2048_emoji_reaches_the_citizen_in_full(
    desk: Desk, citizen: Person
) -> None:
    ali = clerk()
    desk.api[Platform.TELEGRAM].members[(STAFF_CHAT, ali.id)] = "member"
    case = await filed(desk, citizen)
    heard = len(desk.to(citizen))

    await clerk_writes(desk, ali, EMOJI * 2048, topic=case.staff_thread_id)
    await desk.drain()

    pieces = desk.to(citizen)[heard:]
    assert len(pieces) == 2
    assert all(HEADER in shown(citizen.platform, piece) for piece in pieces)
    assert "".join(shown(citizen.platform, piece) for piece in pieces).count(EMOJI) == 2048
    rows = await outbox_rows(desk, "relay:reply")
    assert [row.status for row in rows] == ["sent", "sent"]
    # The clerk was told it went, and it did: no word of a failure follows.
    told = group_messages(desk)
    assert "برای شاکی پرونده" in told[-1].text
    assert not [r for r in told if NOTICE in r.text]
    within_limits(desk)
    await nothing_dead(desk)


async def test_a_long_caption_on_a_relayed_photo(desk: Desk, citizen: Person) -> None:
    ali = clerk()
    desk.api[Platform.TELEGRAM].members[(STAFF_CHAT, ali.id)] = "member"
    case = await filed(desk, citizen)
    heard = len(desk.to(citizen))
    caption = "این رسید پرداخت شماست. " + EMOJI * 600  # 1,224 code units with the words

    await in_group(desk, ali, photo="tg-receipt", caption=caption, topic=case.staff_thread_id)
    await desk.drain()

    photo, *texts = desk.to(citizen)[heard:]
    assert photo.method == "sendPhoto"
    assert utf16_units(shown(citizen.platform, photo)) <= 1024
    assert texts and all(r.method == "sendMessage" for r in texts)
    words = "".join(shown(citizen.platform, r) for r in [photo, *texts])
    assert "این رسید پرداخت شماست." in words and words.count(EMOJI) == 600
    within_limits(desk)
    await nothing_dead(desk)


# --- the single place of sending ------------------------------------------------------------


async def test_any_long_text_goes_in_pieces_with_the_buttons_on_the_last(desk: Desk) -> None:
    bot = desk.bots[Platform.TELEGRAM]
    buttons = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="باشه", callback_data="ok")]]
    )
    line = "<b>سطر</b> " + "واژه " * 99
    text = "\n".join([line] * 20) + "\n<i>" + EMOJI * 2100 + "</i>"

    last = await bot.send_message(5001, text, reply_markup=buttons)

    sent = desk.api[Platform.TELEGRAM].sent(chat_id=5001)
    assert len(sent) >= 3 and last.message_id == 1000 + len(sent) - 1
    assert [bool(r.buttons()) for r in sent] == [False] * (len(sent) - 1) + [True]
    seen = [parse_html(r.text) for r in sent]
    assert all(utf16_units(piece) <= 4096 for piece in seen)
    assert "".join(seen).count("واژه") == 20 * 99 and "".join(seen).count(EMOJI) == 2100
    # Cut at lines: each piece but the emoji's ends where a line ended.
    assert all(piece.rstrip().endswith("واژه") for piece in seen[:-2])


async def test_a_long_edit_keeps_its_beginning_and_the_rest_follows(desk: Desk) -> None:
    bot = desk.bots[Platform.TELEGRAM]

    await bot.edit_message_text("<b>" + "واژه " * 1500 + "</b>", chat_id=STAFF_CHAT, message_id=77)

    api = desk.api[Platform.TELEGRAM]
    (edit,) = api.sent("editMessageText")
    (rest,) = api.sent("sendMessage", chat_id=STAFF_CHAT)
    assert utf16_units(parse_html(edit.text)) <= 4096
    assert rest.text.startswith("<b>") and reply_target(rest) == 77
    assert (parse_html(edit.text) + parse_html(rest.text)).count("واژه") == 1500


async def test_a_long_message_interrupted_goes_on_from_the_piece_it_stopped_at(
    desk: Desk, sara: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = desk.api[Platform.TELEGRAM]
    answer = api._answer
    failed: list[Request] = []

    def second_piece_fails_once(bot: Bot, request: Request) -> tuple[int, dict[str, Any]]:
        if "پایان" in request.text and not failed:
            failed.append(request)
            return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        return answer(bot, request)

    monkeypatch.setattr(api, "_answer", second_piece_fails_once)
    row_id = await queue_text(desk, sara, "واژه " * 1000 + "پایان")

    await desk.drain()
    desk.clock.advance(timedelta(minutes=1))
    await desk.drain()

    # The second piece was tried again; the first was not sent twice.
    first, tried, second = desk.to(sara)
    assert tried is failed[0] and tried.text == second.text
    assert first.text.count("واژه") + second.text.count("واژه") == 1000
    assert len(failed) == 1 and second.text.endswith("پایان")
    delivered = await row(desk, row_id)
    assert (delivered.status, delivered.attempts) == ("sent", 2)
    assert delivered.sent_message_id == 1001  # the last piece: the second message taken


# --- what the fake refuses, as Telegram does -----------------------------------------------


def plain_bot(desk: Desk, platform: Platform) -> Bot:
    """A bot without the desk's care for lengths, to meet the platform's refusals."""
    mode = "HTML" if platform is Platform.TELEGRAM else None
    return Bot(
        TOKENS[platform], session=desk.api[platform], default=DefaultBotProperties(parse_mode=mode)
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("<script>x</script>", 'Unsupported start tag "script" at byte offset 0'),
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("AT&T", 'Unexpected "&" at byte offset 2'),
        ("<b", "Unclosed start tag at byte offset 0"),
    ],
    ids=["unknown", "unclosed", "mismatched", "unopened", "bare-lt", "bare-amp", "unfinished"],
)
async def test_the_fake_refuses_html_telegram_cannot_parse(
    desk: Desk, text: str, words: str
) -> None:
    with pytest.raises(TelegramBadRequest) as refused:
        await plain_bot(desk, Platform.TELEGRAM).send_message(5001, text)

    assert str(refused.value.message) == f"Bad Request: can't parse entities: {words}"
    assert desk.api[Platform.TELEGRAM].sent() == []


async def test_the_fake_counts_utf16_after_parsing(desk: Desk) -> None:
    bot = plain_bot(desk, Platform.TELEGRAM)

    await bot.send_message(5001, "<b>" + EMOJI * 2048 + "</b>")  # 4,096 units: taken
    await bot.send_message(5001, "&lt;" * 4096)  # each entity is one character
    with pytest.raises(TelegramBadRequest, match="Bad Request: message is too long"):
        await bot.send_message(5001, EMOJI * 2048 + "!")
    with pytest.raises(TelegramBadRequest, match="Bad Request: message caption is too long"):
        await bot.send_photo(5001, "photo-id", caption=EMOJI * 513)
    with pytest.raises(TelegramBadRequest, match="Bad Request: message is too long"):
        await bot.edit_message_text(EMOJI * 2049, chat_id=5001, message_id=1)
    with pytest.raises(TelegramBadRequest, match="Bad Request: message caption is too long"):
        await bot.edit_message_caption(chat_id=5001, message_id=1, caption="a" * 1025)
    with pytest.raises(TelegramBadRequest, match="Bad Request: message caption is too long"):
        await bot.copy_message(5001, from_chat_id=5002, message_id=1, caption=EMOJI * 513)

    assert len(desk.api[Platform.TELEGRAM].sent()) == 2
    assert len(desk.api[Platform.TELEGRAM].refused) == 5


async def test_the_fake_refuses_an_empty_text(desk: Desk) -> None:
    bot = plain_bot(desk, Platform.TELEGRAM)

    for text in ("<b> </b>", "   \n"):
        with pytest.raises(TelegramBadRequest, match="Bad Request: message text is empty"):
            await bot.send_message(5001, text)

    assert desk.api[Platform.TELEGRAM].sent() == []


async def test_bale_counts_its_text_as_sent(desk: Desk) -> None:
    bot = plain_bot(desk, Platform.BALE)

    await bot.send_message(6001, "<b>" + "x" * 4093)  # no parse mode: no tag to close
    with pytest.raises(TelegramBadRequest, match="Bad Request: message is too long"):
        await bot.send_message(6001, "*" + "x" * 4095 + "*")

    (taken,) = desk.api[Platform.BALE].sent()
    assert taken.text.startswith("<b>")


@pytest.mark.parametrize(
    "text",
    ["*bold", "a_b", "`code", "```pre", r"*bold\*"],
    ids=["bold", "italic", "code", "pre", "escaped-end"],
)
async def test_bale_refuses_markdown_left_open(desk: Desk, text: str) -> None:
    bot = plain_bot(desk, Platform.BALE)

    with pytest.raises(TelegramBadRequest, match="Bad Request: can't parse entities"):
        await bot.send_message(6001, text)
    for taken in (r"\*x\_ \`", "*a* _b_ `c_*` ```d```", BALE_PROFILE.escape("room_1 *x* `y`")):
        await bot.send_message(6001, taken)

    assert len(desk.api[Platform.BALE].sent()) == 3


async def test_a_long_bale_text_is_cut_without_breaking_its_marks(desk: Desk) -> None:
    bot = desk.bots[Platform.BALE]

    await bot.send_message(6001, "*" + "واژه " * 1000 + "*")

    sent = desk.api[Platform.BALE].sent(chat_id=6001)
    assert len(sent) == 2
    assert all(r.text.startswith("*") and r.text.endswith("*") for r in sent)
    assert all(utf16_units(r.text) <= 4096 for r in sent)
    assert "".join(r.text for r in sent).count("واژه") == 1000


# --- the real process against the strict stand-in ------------------------------------------

STANDIN_STAFF_CHAT = -1009000


def _offered(server: StandIn, citizen: Citizen, label: str) -> dict[str, Any]:
    """The newest message to the citizen with a button whose label has these words."""
    for method, params in reversed(server.bots[citizen.token].sent):
        markup = as_json(params.get("reply_markup") or "{}")
        if citizen._to_me(method, params) and label in json.dumps(markup, ensure_ascii=False):
            return params
    raise AssertionError(f"no button with {label!r} was sent to {citizen.id}")


async def _file_a_long_complaint(server: StandIn, citizen: Citizen) -> None:
    await citizen.say("/start")
    await citizen.say("/complaint")
    await citizen.say("فروشگاه نمونه")
    licence = await citizen.say("www.shop-nemooneh.ir")
    province = await citizen.press(licence, "رد شدن")
    subject = await citizen.press(province, "رد شدن")
    await citizen.press(subject, "موضوع دیگر")
    order = await citizen.say(LONG_DESCRIPTION)
    attachments = await citizen.press(order, "سفارشی در کار نیست")
    await citizen.press(attachments, "تمام شد")
    await citizen.share_contact("+989121234567")
    await citizen.press(_offered(server, citizen, "تأیید"), "تأیید")


async def test_the_real_process_files_a_3000_emoji_case(tmp_path: Path) -> None:
    server = StandIn([StandInBot(TG, "telegram", 700001), StandInBot(BALE, "bale", 800001)])
    await server.start()
    desk = await DeskProcess.start(
        server, tmp_path, COMPLAINTS_STAFF_CHAT=f"telegram:{STANDIN_STAFF_CHAT}"
    )

    def to_staff(words: str) -> Callable[[str, dict[str, Any]], bool]:
        def matches(method: str, params: dict[str, Any]) -> bool:
            in_staff_chat = int(params.get("chat_id") or 0) == STANDIN_STAFF_CHAT
            return method == "sendMessage" and in_staff_chat and words in params["text"]

        return matches

    try:
        for citizen in (Citizen(server, TG, 5001, "Sara"), Citizen(server, BALE, 6001, "Reza")):
            await _file_a_long_complaint(server, citizen)
            card = await server.wait_for(TG, to_staff("شکایت تازه"), within=30)
            full = await server.wait_for(TG, to_staff("شرح کامل پرونده"), within=30)
            seen = parse_html(card["text"])
            assert "…" in seen and CUT_NOTE in seen and utf16_units(seen) <= 4096
            assert "پذیرفتن" in json.dumps(as_json(card["reply_markup"]), ensure_ascii=False)
            assert utf16_units(parse_html(full["text"])) <= 4096
            server.bots[TG].sent.clear()
        assert server.bots[TG].refused == [] and server.bots[BALE].refused == []
    finally:
        await desk.stop()
        await server.stop()
    assert "dead after" not in desk.log
    assert desk.process.returncode in (0, -15)


# --- the cut itself -------------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["واژه", "word", EMOJI, "&lt;b&gt;", "&amp;", "👍🏽", "e\u0301", "\n", " "]
)
_TAGS = st.sampled_from(["b", "i", "code", 'a href="https://x.ir/?a=1&amp;b=2"'])


@st.composite
def rendered_html(draw: st.DrawFn) -> str:
    """A text as the desk renders it for Telegram: escaped words inside nested tags."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        words = "".join(draw(st.lists(_WORDS, min_size=1, max_size=30)))
        tags = draw(st.lists(_TAGS, max_size=2))
        opened = "".join(f"<{tag}>" for tag in tags)
        closed = "".join(f"</{tag.split()[0]}>" for tag in reversed(tags))
        parts.append(opened + words + closed)
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(text=rendered_html(), limit=st.integers(20, 120))
def test_every_piece_of_a_cut_text_parses_and_fits(text: str, limit: int) -> None:
    assume(parse_html(text).strip())
    pieces = split_rendered(TELEGRAM, text, limit)

    seen = [parse_html(piece) for piece in pieces]  # a tag or an entity cut would not parse
    assert all(utf16_units(piece) <= limit for piece in seen)
    assert all(piece.strip() for piece in seen)
    assert "".join("".join(seen).split()) == "".join(parse_html(text).split())


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(_WORDS.filter(lambda w: "&" not in w), min_size=1, max_size=200),
    limit=st.integers(20, 120),
)
def test_every_piece_of_a_cut_bale_text_fits_with_its_marks(words: list[str], limit: int) -> None:
    text = "*" + BALE_PROFILE.escape("".join(words)) + "*"
    pieces = split_rendered(BALE_PROFILE, text, limit)

    assert all(utf16_units(piece) <= limit for piece in pieces)
    assert all(piece.count("*") - piece.count("\\*") == 2 for piece in pieces)
    for piece in pieces:
        parse_markdown(piece)  # Bale takes each piece
    assert "".join("".join(p[1:-1] for p in pieces).split()) == "".join(text[1:-1].split())
