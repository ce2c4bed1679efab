"""The relay in the chats: a clerk's message in a case's thread reaches the citizen, and a
citizen's message about a case reaches its thread. The rules are in `services.relay`."""

from __future__ import annotations

import functools
from typing import Any

from aiogram import F, Router
from aiogram.enums import ContentType
from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from handlers.citizen_cases import confirm_move, make_citizen_move
from handlers.complaints import MAX_FILE_BYTES, begin_with
from handlers.kit.callbacks import EndedCaseChoice, RelayChoice
from handlers.kit.context import Ctx
from handlers.kit.keyboards import MENU_KEYS, inline
from handlers.kit.platforms import DeskBot
from handlers.kit.ui import acknowledge, drop_buttons, reply
from handlers.staff import StaffOnly
from models.repos import Repo
from models.tables import Case
from services import relay, respondents
from services.formatting import format_code
from services.outbox import FileRef, Method
from services.ownership import own_case
from services.platforms import Platform
from services.relay import Content, Offer
from services.texts import LOCALES, texts
from services.workflow import Action, status_label

# Where a citizen's messages wait, in the conversation's data, while they choose their case.
PENDING = "relay_pending"
# What people send that the relay does not carry (service messages are no one's words).
NOT_CARRIED = frozenset(
    {
        ContentType.STICKER,
        ContentType.VOICE,
        ContentType.VIDEO,
        ContentType.VIDEO_NOTE,
        ContentType.AUDIO,
        ContentType.ANIMATION,
        ContentType.LOCATION,
        ContentType.VENUE,
        ContentType.CONTACT,
        ContentType.POLL,
        ContentType.DICE,
    }
)


def content_of(message: Message, platform: Platform) -> Content | None:
    """A text, photo or document as the relay carries it, the words as they were written;
    None for anything else."""
    if message.text is not None:
        return Content(Method.TEXT, message.text.strip())
    caption = (message.caption or "").strip()
    if message.photo:
        best = message.photo[-1]
        return Content(Method.PHOTO, caption, FileRef(platform, best.file_id, "photo.jpg"))
    if message.document:
        document = message.document
        file = FileRef(platform, document.file_id, document.file_name)
        return Content(Method.DOCUMENT, caption, file)
    return None


def _too_large(message: Message) -> bool:
    """Beyond what a bot may download, a file cannot cross to the other platform."""
    sizes = [message.document.file_size if message.document else None]
    if message.photo:
        sizes.append(message.photo[-1].file_size)
    return any(size is not None and size > MAX_FILE_BYTES for size in sizes)


@functools.cache
def _menu_labels() -> frozenset[str]:
    """The main menu's buttons in every language: a choice from the menu is no message."""
    return frozenset(texts(locale).plain(key) for locale in LOCALES for key in MENU_KEYS)


# --- the staff chat ---------------------------------------------------------------------------


class InCaseThread(Filter):
    """A clerk's text, photo or document in a case's thread (or a sticker, voice… that the
    relay does not carry, to say so): not a command, not the answer to a prompt (the staff
    router takes that first, and a clerk with a prompt open is skipped), not a reply to
    another of the bot's messages."""

    async def __call__(
        self, message: Message, repo: Repo, state: FSMContext, bot: DeskBot
    ) -> bool | dict[str, Any]:
        if message.from_user is None or message.from_user.is_bot:
            return False
        if message.text is not None and message.text.startswith("/"):
            return False
        if await state.get_state() is not None:
            return False
        content = content_of(message, bot.platform)
        if content is None and message.content_type not in NOT_CARRIED:
            return False
        replied = message.reply_to_message
        by_bot = replied is not None and replied.from_user is not None and replied.from_user.is_bot
        case = await relay.case_in_thread(
            repo,
            bot.platform,
            message.chat.id,
            reply_to=replied.message_id if replied is not None else None,
            reply_to_bot=by_bot,
            topic=message.message_thread_id if message.is_topic_message else None,
        )
        return {"case": case, "content": content} if case is not None else False


async def clerk_message(
    message: Message,
    case: Case,
    content: Content | None,
    ctx: Ctx,
) -> None:
    """A clerk's message in a case's thread goes to the citizen, signed as the desk; one that
    shows nothing, or of a kind the relay does not carry, is not sent, and the clerk is told."""
    if content is None or content.is_empty:
        key = "relay-not-carried" if content is None else "input-empty"
        await message.reply(ctx.t.render(ctx.profile, key))
        return
    if _too_large(message):
        await message.reply(ctx.t.render(ctx.profile, "relay-file-too-large"))
        return
    staff_message = (str(ctx.bot.platform), message.chat.id, message.message_id)
    sent = await relay.from_clerk(
        ctx.repo, case, ctx.user, ctx.role, content, ctx.clock.now(), staff_message=staff_message
    )
    if not sent:
        # A referred complaint whose complainant has not verified the letter's mobile yet.
        await message.reply(ctx.t.render(ctx.profile, "relay-complainant-absent"))
        return
    confirmation = await message.reply(
        ctx.t.render(
            ctx.profile, "relay-sent-to-citizen", code=format_code(case.code, ctx.t.locale)
        )
    )
    # A reply to the confirmation is in the thread too.
    await relay.remember(
        ctx.repo, str(ctx.bot.platform), message.chat.id, confirmation.message_id, case
    )


# --- the citizen ------------------------------------------------------------------------------


class AboutACase(Filter):
    """A citizen's text, photo or document that the relay takes: see
    `services.relay.route_citizen_message` for which case it is about."""

    async def __call__(
        self, message: Message, state: FSMContext, ctx: Ctx
    ) -> bool | dict[str, Any]:
        user = ctx.person
        if user is None:
            return False
        text = message.text
        if text is not None and (text.startswith("/") or text in _menu_labels()):
            return False
        content = content_of(message, Platform(user.platform))
        if content is None:
            return False
        replied = message.reply_to_message
        route = await relay.route_citizen_message(
            ctx.repo,
            user,
            message.chat.id,
            reply_to=replied.message_id if replied is not None else None,
            in_form=await state.get_state() is not None,
            now=ctx.clock.now(),
            config=ctx.settings.config,
        )
        return {"route": route, "content": content} if route is not None else False


async def citizen_message(
    message: Message,
    route: relay.Route,
    content: Content,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """A citizen's message about a case: to its thread, as an answer where a question waits;
    with several cases, asked which; about an ended case, offered what may still be done; a
    reply to a clerk about an ended case goes to the thread too, and the offer comes with the
    word that it went; words that show nothing go nowhere."""
    if content.is_empty:
        await reply(message, ctx.t, ctx.profile, "input-empty")
        return
    if _too_large(message):
        await reply(message, ctx.t, ctx.profile, "relay-file-too-large")
        return
    now = ctx.clock.now()
    if isinstance(route, relay.AnswerWhich):
        await reply(message, ctx.t, ctx.profile, "citizen-answer-which")
    elif isinstance(route, relay.Answer):
        await relay.from_citizen(
            ctx.repo,
            route.case,
            ctx.user,
            content,
            now,
            ctx.settings.config,
            question=route.question,
        )
        code = format_code(route.case.code, ctx.t.locale)
        await reply(message, ctx.t, ctx.profile, "citizen-answer-sent", code=code)
    elif isinstance(route, relay.ToCase):
        await relay.from_citizen(
            ctx.repo, route.case, ctx.user, content, now, ctx.settings.config, party=route.party
        )
        code = format_code(route.case.code, ctx.t.locale)
        await reply(message, ctx.t, ctx.profile, "relay-sent-to-desk", code=code)
    elif isinstance(route, relay.ReplyAfterEnd):
        await relay.from_citizen(
            ctx.repo,
            route.case,
            ctx.user,
            content,
            now,
            ctx.settings.config,
            question=route.question,
        )
        await _offer(message, route.case, route.offers, ctx, "relay-sent-after-end")
    elif isinstance(route, relay.ChooseCase):
        await _keep(state, [content])
        rows = [
            [(relay.case_label(case, ctx.t), RelayChoice(case_id=case.id).pack())]
            for case in route.cases
        ]
        await reply(message, ctx.t, ctx.profile, "relay-which-case", inline(rows))
    else:
        await _keep(state, [content])
        await _offer(message, route.case, route.offers, ctx)


async def _offer(
    message: Message,
    case: Case,
    offers: list[Offer],
    ctx: Ctx,
    key: str = "relay-ended-offer",
) -> None:
    """What may still be done with an ended case, as buttons under the text `key`."""
    rows = [
        [
            (
                ctx.t.plain(f"relay-offer-{offer}"),
                EndedCaseChoice(case_id=case.id, offer=offer, seen=case.status).pack(),
            )
        ]
        for offer in offers
    ]
    await reply(
        message,
        ctx.t,
        ctx.profile,
        key,
        inline(rows),
        code=format_code(case.code, ctx.t.locale),
        status=ctx.t.plain(status_label(case.status)),
    )


async def _keep(state: FSMContext, contents: list[Content]) -> None:
    """Keep messages until the citizen says which case they are about (the newest few)."""
    data = await state.get_data()
    pending = [*data.get(PENDING, []), *(content.to_data() for content in contents)]
    await state.update_data({PENDING: pending[-relay.PENDING_MAX :]})


async def _take(state: FSMContext) -> list[Content]:
    """The kept messages, no longer kept."""
    data = await state.get_data()
    pending = data.pop(PENDING, [])
    await state.set_data(data)
    return [Content.from_data(item) for item in pending]


async def case_chosen(
    query: CallbackQuery,
    callback_data: RelayChoice,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """The case the kept messages are about: they go to its thread."""
    if not isinstance(query.message, Message):
        return
    case = await own_case(ctx.repo, ctx.user, callback_data.case_id)
    party = relay.Party.COMPLAINANT
    if case is None:
        case = await respondents.respondent_case(ctx.repo, ctx.user, callback_data.case_id)
        party = relay.Party.RESPONDENT
    pending = await _take(state) if case is not None else []
    if case is None or not pending:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        await drop_buttons(query)
        return
    await acknowledge(query, ctx.t, ctx.profile)
    await drop_buttons(query)
    if not relay.is_followed(case) and party is relay.Party.COMPLAINANT:
        # It ended while they chose.
        await _keep(state, pending)
        offers = relay.offers_for(case, ctx.clock.now(), ctx.settings.config)
        await _offer(query.message, case, offers, ctx)
        return
    for content in pending:
        await relay.from_citizen(
            ctx.repo, case, ctx.user, content, ctx.clock.now(), ctx.settings.config, party=party
        )
    await reply(
        query.message,
        ctx.t,
        ctx.profile,
        "relay-sent-to-desk",
        code=format_code(case.code, ctx.t.locale),
    )


async def offer_chosen(
    query: CallbackQuery,
    callback_data: EndedCaseChoice,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """Object, reopen (then the kept messages go to the thread), or a new complaint about the
    same business; a button drawn for an earlier status changes nothing."""
    if not isinstance(query.message, Message):
        return
    case = await own_case(ctx.repo, ctx.user, callback_data.case_id, for_update=True)
    if case is None or case.status != callback_data.seen:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        await drop_buttons(query)
        return
    await acknowledge(query, ctx.t, ctx.profile)
    await drop_buttons(query)
    offer = Offer(callback_data.offer)
    if offer is Offer.NEW:
        await _take(state)
        await begin_with(query.message, state, ctx, relay.new_complaint_answers(case))
        return
    made = await make_citizen_move(query.message, ctx, case, Action(offer.value))
    if made is None:
        return
    pending = await _take(state)
    for content in pending:
        await relay.from_citizen(
            ctx.repo, case, ctx.user, content, ctx.clock.now(), ctx.settings.config
        )
    # One message says both: the move, and that the waiting words went on.
    await confirm_move(query.message, ctx, made, relayed=bool(pending))


def make_staff_router() -> Router:
    """Clerks' messages in the cases' threads; asked after the staff router, so commands and
    the answers to its prompts are never relayed."""
    router = Router(name=f"{__name__}.staff")
    router.message.filter(F.chat.type.in_({"group", "supergroup"}))
    # The thread first: only a message that would reach a citizen asks who the sender is.
    router.message.register(clerk_message, InCaseThread(), StaffOnly())
    return router


def make_citizen_router() -> Router:
    """Citizens' messages about their cases, in private chat; asked before the complaint form
    (inside a form only a reply to a clerk's question is taken)."""
    router = Router(name=f"{__name__}.citizen")
    router.message.filter(F.chat.type == "private")
    router.message.register(citizen_message, AboutACase())
    router.callback_query.register(case_chosen, RelayChoice.filter())
    router.callback_query.register(offer_chosen, EndedCaseChoice.filter())
    return router
