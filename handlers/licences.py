"""Licences: a citizen checks one, an admin imports the registry, a holder follows renewals.

The file an admin sends is imported here whatever its kind: the licence registry, or the
certificate requests or the referred complaints when its header has their columns (``/cert
import`` and ``/refer import`` say so outright).
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from aiogram import F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiohttp import ClientError

from handlers.complaints import MAX_FILE_BYTES, ComplaintForm, begin_with, remind
from handlers.kit.callbacks import LicenceChoice, LicenceComplaint, RenewalChoice
from handlers.kit.context import Ctx
from handlers.kit.gates import AdminOnly
from handlers.kit.keyboards import MENU_KEYS, contact_keyboard, inline, main_menu, menu_button
from handlers.kit.ui import acknowledge, drop_buttons, reply
from handlers.staff import StaffOnly
from services import renewals
from services.calendar import tehran_today
from services.certificate_import import LAYOUT as CERTIFICATES
from services.certificate_import import certificate_sheet, is_certificate_file
from services.complaints import Limits
from services.formatting import format_date, format_number, localize_digits
from services.licence_desk import (
    ProgressThrottle,
    choice_label,
    complaint_answers,
    describe_licence,
    percent,
    site_label,
    text_bar,
)
from services.licence_import import LAYOUT as LICENCES
from services.licence_import import licence_sheet
from services.licences import LicenceView, LookupResult, MatchKind, lookup
from services.normalize import as_written
from services.referral_import import is_referral_file, referral_sheet
from services.referrals import limits_of
from services.reports import offenders
from services.sheet_import import (
    REPORT_REJECTIONS,
    SheetImport,
    SheetLayout,
    assigned_csv,
    rejections_csv,
    report_text,
)
from services.texts import LOCALES, Rendered, Texts, texts
from services.workflow import Role

logger = logging.getLogger(__name__)

# The files an admin may send to import the registry.
REGISTRY_SUFFIXES = frozenset({".csv", ".xlsx", ".xls"})
REGISTRY_TYPES = frozenset(
    {
        "text/csv",
        "text/comma-separated-values",
        "application/csv",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
)
# Complaint answers kept for the offers of the last lookups without a match.
OFFERS_KEY = "licence_offers"
OFFERS_KEPT = 10
REJECTIONS_FILE = "rejected-rows.csv"
# The tracking codes given to the new requests of a certificate import.
CODES_FILE = "tracking-codes.csv"


class LicenceLookup(StatesGroup):
    query = State()


class RenewalForm(StatesGroup):
    contact = State()


# Commands and the menu's buttons are never a query: they are handled as such.
_ASIDE = F.text.startswith("/") | F.text.in_(
    {texts(locale).plain(key) for locale in LOCALES for key in MENU_KEYS}
)


def _registry_file(message: Message) -> bool:
    """A document that looks like a registry file: by its name, or its type."""
    document = message.document
    if document is None:
        return False
    suffix = PurePath(document.file_name or "").suffix.lower()
    return suffix in REGISTRY_SUFFIXES or (document.mime_type or "") in REGISTRY_TYPES


def _other_form(current: str | None) -> bool:
    """Whether another form (a complaint, a code asked for) holds the conversation."""
    return current is not None and current != LicenceLookup.query.state


# --- lookup -----------------------------------------------------------------------------------


async def licence_command(
    message: Message, command: CommandObject, state: FSMContext, ctx: Ctx
) -> None:
    """`/licence QUERY` answers at once; `/licence` alone asks what to look for."""
    if not command.args:
        await _ask(message, state, ctx)
        return
    current = await state.get_state()
    if current == LicenceLookup.query.state:
        await state.set_state(None)
    await _answer(message, state, command.args, ctx)
    if _other_form(current):
        await remind(message, state, ctx)


async def licence_menu(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """The menu's button: ask what to look for."""
    await _ask(message, state, ctx)


async def _ask(message: Message, state: FSMContext, ctx: Ctx) -> None:
    t, profile = ctx.t, ctx.profile
    if _other_form(await state.get_state()):
        # A form left open keeps the conversation: a lookup is asked in one message instead.
        await reply(message, t, profile, "licence-ask-inline")
        await remind(message, state, ctx)
        return
    await state.set_state(LicenceLookup.query)
    await reply(message, t, profile, "licence-ask-query")


async def query_typed(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """The words typed after the question: a number, a website or a name."""
    await _answer(message, state, message.text or "", ctx)


async def query_not_text(message: Message, ctx: Ctx) -> None:
    """A photo, sticker or file where a number, website or name was asked for."""
    await reply(message, ctx.t, ctx.profile, "licence-query-hint")


async def _answer(message: Message, state: FSMContext, query: str, ctx: Ctx) -> None:
    t, profile = ctx.t, ctx.profile
    result = await lookup(ctx.repo.licences, query, tehran_today(ctx.clock.now()))
    if result.kind is MatchKind.EMPTY:
        await reply(message, t, profile, "input-empty")
        return
    if result.kind is MatchKind.INVALID:
        await reply(message, t, profile, "licence-query-hint")
        return
    if await state.get_state() == LicenceLookup.query.state:
        # Answered: the next words are not a query. The data (offers) stays.
        await state.set_state(None)
    if len(result.views) == 1:
        await message.answer(await _described(result.views[0], ctx))
    elif result.views:
        await _list(message, result, ctx)
    else:
        answers = complaint_answers(result, query, Limits(text_max=ctx.settings.text_max_chars))
        ref = await _offer(state, answers)
        await reply(
            message,
            t,
            profile,
            f"licence-not-found-{result.kind}",
            inline([[(t.plain("licence-button-complain"), LicenceComplaint(ref=ref).pack())]]),
            term=_shown_term(result, query, t),
        )


async def staff_licence(message: Message, command: CommandObject, ctx: Ctx) -> None:
    """`/licence QUERY` in a staff chat: the licence as a citizen sees it, with the complaints
    about its business over the last year; several are listed to choose from; a business the
    registry does not hold, with the complaints about it by the number, website or name."""
    t, profile = ctx.t, ctx.profile
    result = await lookup(ctx.repo.licences, command.args or "", tehran_today(ctx.clock.now()))
    if result.kind in (MatchKind.EMPTY, MatchKind.INVALID):
        await reply(message, t, profile, "licence-query-hint")
    elif len(result.views) == 1:
        await message.answer(await _described(result.views[0], ctx))
    elif result.views:
        await _list(message, result, ctx)
    else:
        # Not in the registry: the record of the business the words name, as complaints did.
        words = command.args or ""
        shown = t.render(
            profile, f"licence-not-found-{result.kind}", term=_shown_term(result, words, t)
        )
        record = await offenders.record_of_words(ctx.repo, result.kind, words, ctx.clock.now())
        if record is not None:
            line = offenders.record_text(record, "licence-record", t, profile)
            shown = Rendered(f"{shown}\n\n{line}")
        await message.answer(shown)


async def _described(view: LicenceView, ctx: Ctx) -> Rendered:
    """A licence in full; for staff, with the complaints about its business over the last
    year (repeat offenders)."""
    shown = describe_licence(view, ctx.t, ctx.profile)
    if not await _is_staff(ctx):
        return shown
    record = await offenders.licence_record(ctx.repo, view.number, ctx.clock.now())
    return Rendered(
        f"{shown}\n\n{offenders.record_text(record, 'licence-record', ctx.t, ctx.profile)}"
    )


async def _is_staff(ctx: Ctx) -> bool:
    """Admins anywhere; clerks in a staff chat (as the staff filter finds them) or, in
    private, once listed with /staff add: a citizen's lookup never asks the platform who
    they are."""
    if ctx.role is Role.ADMIN:
        return True
    if ctx.clerk_check.in_staff_chat:
        return await ctx.clerk_check()
    person = ctx.person
    return (
        person is not None
        and await ctx.repo.staff.member(person.platform, person.platform_user_id) is not None
    )


def _shown_term(result: LookupResult, query: str, t: Texts) -> str:
    """What was looked for, as the citizen would recognise it (a name as typed)."""
    if result.kind is MatchKind.NUMBER:
        return localize_digits(result.term, t.locale)
    if result.kind is MatchKind.DOMAIN:
        return site_label(result.term, t)
    return as_written(query)


async def _list(message: Message, result: LookupResult, ctx: Ctx) -> None:
    rows = [
        [(choice_label(view, ctx.t), LicenceChoice(number=view.number).pack())]
        for view in result.views
    ]
    text = ctx.t.render(
        ctx.profile, "licence-many", n=format_number(len(result.views), ctx.t.locale)
    )
    if result.more:
        text = Rendered(text + "\n" + ctx.t.render(ctx.profile, "licence-many-more"))
    await message.answer(text, reply_markup=inline(rows))


async def _offer(state: FSMContext, answers: dict[str, str]) -> int:
    """Keep the answers a complaint about this business starts with; their reference.

    Kept in the conversation's data only while no form holds it (a form's data is its own).
    """
    if _other_form(await state.get_state()):
        return 0
    data = await state.get_data()
    offers: dict[str, dict[str, str]] = dict(data.get(OFFERS_KEY, {}))
    ref = max((int(key) for key in offers), default=0) + 1
    offers[str(ref)] = answers
    kept = dict(sorted(offers.items(), key=lambda item: int(item[0]))[-OFFERS_KEPT:])
    await state.update_data({OFFERS_KEY: kept})
    return ref


async def licence_chosen(
    query: CallbackQuery,
    callback_data: LicenceChoice,
    ctx: Ctx,
) -> None:
    """One licence of a list, in full; the list stays for another choice."""
    licence = await ctx.repo.licences.by_number(callback_data.number)
    if licence is None or not isinstance(query.message, Message):
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        return
    await acknowledge(query, ctx.t, ctx.profile)
    view = LicenceView.of(licence, tehran_today(ctx.clock.now()))
    await query.message.answer(await _described(view, ctx))


async def complain(
    query: CallbackQuery, callback_data: LicenceComplaint, state: FSMContext, ctx: Ctx
) -> None:
    """File a complaint about the business that has no licence, its name (and site) given."""
    if not isinstance(query.message, Message):
        return
    await acknowledge(query, ctx.t, ctx.profile)
    await drop_buttons(query)
    answers: dict[str, Any] = {}
    if not _other_form(await state.get_state()):
        offers = (await state.get_data()).get(OFFERS_KEY, {})
        answers = dict(offers.get(str(callback_data.ref), {}))
        await state.set_state(None)
    # A complaint left open is offered first, never overwritten.
    await begin_with(query.message, state, ctx, answers)


# --- import -----------------------------------------------------------------------------------


async def import_document(
    message: Message,
    ctx: Ctx,
    command: CommandObject | None = None,
) -> None:
    """An admin's CSV or XLSX file: certificate requests when captioned `/cert import` or when
    its header has their columns, else the licence registry; progress shown, then a report."""
    now = ctx.clock.now()
    certificates = certificate_sheet(
        ctx.repo,
        now=now,
        config=ctx.settings.config,
        by=ctx.user,
        role=ctx.role.value,
        commit=ctx.repo.commit,
    )
    if command is not None:
        await receive_import(message, ctx, CERTIFICATES, lambda *_: certificates)
        return
    licences = licence_sheet(ctx.repo.licences, today=tehran_today(now), commit=ctx.repo.commit)
    referred = referral_sheet(
        ctx.repo,
        now=now,
        config=ctx.settings.config,
        limits=limits_of(ctx.settings),
        by=ctx.user,
        role=ctx.role,
        commit=ctx.repo.commit,
    )

    def kind(content: bytes, filename: str | None) -> SheetImport:
        if is_referral_file(content, filename):
            return referred
        return certificates if is_certificate_file(content, filename) else licences

    await receive_import(message, ctx, LICENCES, kind)


async def receive_import(
    message: Message,
    ctx: Ctx,
    expected: SheetLayout,
    kind: Callable[[bytes, str | None], SheetImport],
) -> None:
    """Download a sent file, import it as ``kind(content, name)`` says, edit a progress
    message in place, then report; over :data:`REPORT_REJECTIONS` rejections the whole list
    follows as a file, and so do the codes given to new records. ``expected`` words what is
    said before the file is read."""
    document = message.document
    assert document is not None  # the filter admits documents only
    limit = format_number(MAX_FILE_BYTES // (1024 * 1024), ctx.t.locale)
    too_large = f"{expected.prefix}-too-large"
    if document.file_size and document.file_size > MAX_FILE_BYTES:
        await reply(message, ctx.t, ctx.profile, too_large, max=limit)
        return
    buffer = io.BytesIO()
    try:
        await ctx.bot.download(document.file_id, destination=buffer)
    except (TelegramAPIError, ClientError, TimeoutError) as error:
        logger.warning("could not download an import file: %s", type(error).__name__)
        await reply(message, ctx.t, ctx.profile, f"{expected.prefix}-download-failed")
        return
    content = buffer.getvalue()
    if len(content) > MAX_FILE_BYTES:
        await reply(message, ctx.t, ctx.profile, too_large, max=limit)
        return
    chosen = kind(content, document.file_name)
    layout = chosen.layout
    status = await reply(message, ctx.t, ctx.profile, f"{layout.prefix}-started")
    throttle = ProgressThrottle()

    async def progress(done: int, total: int) -> None:
        if throttle.due(done, total, time.monotonic()):
            await _edit(status, _progress_text(layout, done, total, ctx))

    report = await chosen.run(content, document.file_name, progress)
    logger.info(
        "%s: %s read, %s new, %s updated, %s unchanged, %s rejected",
        layout.prefix,
        report.read,
        report.inserted,
        report.updated,
        report.unchanged,
        report.rejected,
    )
    await message.answer(report_text(report, ctx.t, layout, ctx.profile))
    if not report.ok:
        return
    attached: list[tuple[bytes, str, str, int]] = []
    if report.rejected > REPORT_REJECTIONS:
        content = rejections_csv(report, ctx.t, layout)
        caption = f"{layout.prefix}-rejections-file"
        attached.append((content, REJECTIONS_FILE, caption, len(report.rejections)))
    if report.assigned:
        content = assigned_csv(report, ctx.t, layout)
        caption = f"{layout.prefix}-codes-file"
        attached.append((content, CODES_FILE, caption, len(report.assigned)))
    for content, filename, caption, count in attached:
        await message.answer_document(
            BufferedInputFile(content, filename=filename),
            caption=ctx.t.render(ctx.profile, caption, n=format_number(count, ctx.t.locale)),
        )


def _progress_text(layout: SheetLayout, done: int, total: int, ctx: Ctx) -> Rendered:
    return ctx.t.render(
        ctx.profile,
        f"{layout.prefix}-progress",
        bar=text_bar(done, total),
        percent=format_number(percent(done, total), ctx.t.locale),
        done=format_number(done, ctx.t.locale),
        total=format_number(max(total, done), ctx.t.locale),
    )


async def _edit(message: Message, text: str) -> None:
    try:
        await message.edit_text(text)
    except TelegramAPIError as error:
        # Progress is a courtesy: a refused edit (too many, not modified) stops nothing.
        logger.info("progress edit failed: %s", type(error).__name__)


# --- renewal reminders ------------------------------------------------------------------------


async def renewal(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """`/renewal` shows the licences held under the verified phone, each to follow or not
    (the phone is asked first, with the platform's button); `/renewal off` stops them all."""
    if (command.args or "").strip().lower() in ("off", "stop", "لغو", "خاموش"):
        count = await renewals.unsubscribe(ctx.repo, ctx.user)
        key = "licence-renewal-off" if count else "licence-renewal-off-none"
        await reply(
            message, ctx.t, ctx.profile, key, count=count, n=format_number(count, ctx.t.locale)
        )
        return
    result = await renewals.holdings(ctx.repo, ctx.user, ctx.clock.now())
    if isinstance(result, renewals.NeedsPhone):
        current = await state.get_state()
        if _other_form(current) and current != RenewalForm.contact.state:
            await reply(message, ctx.t, ctx.profile, "licence-renewal-finish-form")
            return
        await state.set_state(RenewalForm.contact)
        await reply(
            message, ctx.t, ctx.profile, "licence-renewal-need-phone", contact_keyboard(ctx.t)
        )
        return
    await show_holdings(message, result, ctx)


async def show_holdings(
    message: Message, result: list[renewals.Holding] | renewals.NoLicences, ctx: Ctx
) -> None:
    """The licences held, each with its expiry and days left and whether it is followed, with a
    button to follow or stop each (and all); or, with none, what to do about it."""
    if isinstance(result, renewals.NoLicences):
        phone = localize_digits(result.phone, ctx.t.locale)
        await reply(
            message, ctx.t, ctx.profile, "licence-renewal-none", main_menu(ctx.t), phone=phone
        )
        return
    await message.answer(_holdings_text(result, ctx), reply_markup=_holdings_buttons(result, ctx))


def _holdings_text(held: list[renewals.Holding], ctx: Ctx) -> str:
    t = ctx.t
    lines = [
        t.render(
            ctx.profile,
            "licence-renewal-line",
            business=holding.view.business_name,
            number=localize_digits(holding.view.number, t.locale),
            expires=format_date(holding.view.expires_on, t.locale),
            when=_when(holding.days_left),
            n=format_number(holding.days_left, t.locale),
            state=t.plain(
                _state_key(holding), status=t.plain(f"licence-status-{holding.view.status}")
            ),
        )
        for holding in held
    ]
    key = (
        "licence-renewal-list" if any(h.remindable for h in held) else "licence-renewal-list-none"
    )
    return t.render(ctx.profile, key, lines=Rendered("\n".join(lines)))


def _when(days_left: int) -> str:
    """Which words tell the days left: passed, today, tomorrow, or a number of days."""
    if days_left < 0:
        return "past"
    return {0: "today", 1: "tomorrow"}.get(days_left, "days")


def _state_key(holding: renewals.Holding) -> str:
    if not holding.remindable:
        return "licence-renewal-state-none"
    return "licence-renewal-state-on" if holding.followed else "licence-renewal-state-off"


def _holdings_buttons(held: list[renewals.Holding], ctx: Ctx) -> InlineKeyboardMarkup | None:
    t = ctx.t
    followable = [holding for holding in held if holding.remindable]
    if not followable:
        return None
    rows = [
        [
            (
                t.plain(
                    "licence-renewal-button-off"
                    if holding.followed
                    else "licence-renewal-button-on",
                    business=holding.view.business_name,
                    number=localize_digits(holding.view.number, t.locale),
                ),
                RenewalChoice(licence_id=holding.licence_id, follow=not holding.followed).pack(),
            )
        ]
        for holding in followable
    ]
    followed = [holding for holding in followable if holding.followed]
    if len(followable) > 1 and len(followed) < len(followable):
        rows.append([(t.plain("licence-renewal-button-all-on"), _all(follow=True))])
    if len(followed) > 1:
        rows.append([(t.plain("licence-renewal-button-all-off"), _all(follow=False))])
    if not followed:
        rows.append([(t.plain("licence-renewal-button-none"), _all(follow=False))])
    return inline(rows)


def _all(*, follow: bool) -> str:
    return RenewalChoice(licence_id=0, follow=follow).pack()


async def renewal_chosen(query: CallbackQuery, callback_data: RenewalChoice, ctx: Ctx) -> None:
    """A licence followed or stopped (or all of them): the list shows it at once; «no, thanks»
    leaves everything off and says how to come back."""
    if not isinstance(query.message, Message):
        return
    now = ctx.clock.now()
    before = await renewals.holdings(ctx.repo, ctx.user, now)
    chosen = callback_data.licence_id or None
    if not isinstance(before, list) or (
        chosen is not None and all(holding.licence_id != chosen for holding in before)
    ):
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        await drop_buttons(query)
        return
    if callback_data.follow:
        after = await renewals.follow(ctx.repo, ctx.user, now, chosen)
    else:
        after = await renewals.unfollow(ctx.repo, ctx.user, now, chosen)
    assert isinstance(after, list)  # the same phone and licences as a moment ago
    if chosen is None and not callback_data.follow and not any(h.followed for h in before):
        await acknowledge(query, ctx.t, ctx.profile)
        await drop_buttons(query)
        await reply(query.message, ctx.t, ctx.profile, "licence-renewal-declined")
        return
    business = next((h.view.business_name for h in after if h.licence_id == chosen), "")
    side = "followed" if callback_data.follow else "unfollowed"
    key = f"licence-renewal-{side}" if chosen else f"licence-renewal-all-{side}"
    await acknowledge(query, ctx.t, ctx.profile, key, business=business)
    try:
        await query.message.edit_text(
            _holdings_text(after, ctx), reply_markup=_holdings_buttons(after, ctx)
        )
    except TelegramAPIError as error:
        # A list that did not change (a second tap) needs no edit.
        logger.info("renewal list not edited: %s", type(error).__name__)


async def renewal_contact_wrong(message: Message, ctx: Ctx) -> None:
    """A typed number is not a verified one: only the button will do."""
    await reply(message, ctx.t, ctx.profile, "contact-use-button", contact_keyboard(ctx.t))


def make_staff_router() -> Router:
    """`/licence` in the staff chats, for staff: with the business's complaint record."""
    router = Router(name=f"{__name__}.staff")
    router.message.register(
        staff_licence, Command("licence", "license"), F.chat.type != "private", StaffOnly()
    )
    return router


def make_router() -> Router:
    """The handlers of this module, in the order they are asked."""
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.message.register(
        import_document,
        AdminOnly(),
        F.document,
        _registry_file,
        ~StateFilter(ComplaintForm.attachments),
    )
    router.message.register(licence_command, Command("licence", "license"))
    router.message.register(licence_menu, menu_button("menu-licence"))
    router.message.register(renewal, Command("renewal"))
    router.message.register(query_typed, LicenceLookup.query, F.text, ~_ASIDE)
    router.message.register(query_not_text, LicenceLookup.query, ~F.text)
    router.message.register(renewal_contact_wrong, RenewalForm.contact, ~_ASIDE)
    router.callback_query.register(licence_chosen, LicenceChoice.filter())
    router.callback_query.register(renewal_chosen, RenewalChoice.filter())
    router.callback_query.register(complain, LicenceComplaint.filter())
    return router
