"""A phone number shared with the platform's own button, at any moment: verified, and taken in
its context (the renewal reminders that asked for it, a form left open, or nothing, when the
person hears what a verified number now does for them). The complaint form's own step takes
its contact itself."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from handlers.complaints import ComplaintForm, remind
from handlers.kit.context import Ctx
from handlers.kit.keyboards import contact_keyboard, main_menu
from handlers.kit.ui import reply
from handlers.licences import RenewalForm, show_holdings
from services import cases as case_list
from services import certificates, referrals, renewals, respondents, sessions
from services.formatting import format_number
from services.normalize import parse_phone
from services.texts import Rendered


async def contact_shared(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """The sender's own number verifies their phone; someone else's is refused."""
    shared = message.contact
    assert shared is not None  # the filter admits only contacts
    sender = message.from_user
    if sender is None or shared.user_id != sender.id:
        await reply(message, ctx.t, ctx.profile, "contact-not-own", contact_keyboard(ctx.t))
        return
    phone = parse_phone(shared.phone_number, international=True)
    if phone is None:
        await reply(message, ctx.t, ctx.profile, "contact-invalid", contact_keyboard(ctx.t))
        return
    now = ctx.clock.now()
    # A complaint another body referred in this number's name is theirs now.
    found = await referrals.verify_phone(ctx.repo, ctx.user, phone, now)
    await ctx.repo.commit()
    # A licence holder now on the desk hears of the complaints about their licences.
    await respondents.tell_pending(ctx.repo, ctx.user, ctx.settings.config, now)
    await sessions.invite_pending(ctx.repo, ctx.user, ctx.settings.config, now)
    current = await state.get_state()
    if current == RenewalForm.contact.state:
        await state.set_state(None)
        await reply(message, ctx.t, ctx.profile, "contact-verified", main_menu(ctx.t))
        held = await renewals.holdings(ctx.repo, ctx.user, now)
        assert not isinstance(held, renewals.NeedsPhone)  # verified just now
        await show_holdings(message, held, ctx)
        return
    if current is not None:
        await reply(message, ctx.t, ctx.profile, "contact-verified-in-form")
        await remind(message, state, ctx)
        return
    await reply(
        message,
        ctx.t,
        ctx.profile,
        "contact-verified-enables",
        main_menu(ctx.t),
        lines=await _what_it_enables(ctx),
    )
    if found:
        await message.answer(await case_list.list_cases(ctx.repo, ctx.user, ctx.t, ctx.profile))


async def _what_it_enables(ctx: Ctx) -> Rendered:
    """What the verified number finds: the certificate requests under it, the licences held."""
    t, now = ctx.t, ctx.clock.now()
    lines = [t.render(ctx.profile, "contact-enables-complaints")]
    requests = await certificates.requests_of(ctx.repo, ctx.user, limit=100)
    if requests:
        n = format_number(len(requests), t.locale)
        lines.append(t.render(ctx.profile, "contact-enables-requests", count=len(requests), n=n))
    held = await renewals.holdings(ctx.repo, ctx.user, now)
    if isinstance(held, list):
        n = format_number(len(held), t.locale)
        lines.append(t.render(ctx.profile, "contact-enables-licences", count=len(held), n=n))
    return Rendered("\n".join(lines))


def make_router() -> Router:
    """A contact in private chat, wherever the conversation stands but the complaint form's
    contact step; asked before the forms, so that none takes it for a wrong answer."""
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.message.register(contact_shared, F.contact, ~StateFilter(ComplaintForm.contact))
    return router
