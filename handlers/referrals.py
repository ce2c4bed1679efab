"""Referred complaints: staff register a letter's complaint by a guided form in their chat
(`/refer`), admins import a file of them (`/refer import`); a complainant named by a letter
finds their case by verifying their mobile.

Each question of the form is asked as a reply prompt, so that a staff group that lets the bot
see only commands and replies still hands over the answers; an optional answer is skipped with
«-». Every answer is kept in a draft as it is given: `/refer` takes up a form left open.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ForceReply, InlineKeyboardMarkup, Message

from handlers.kit.callbacks import ReferralBodyChoice, ReferralDone, ReferralSubjectChoice
from handlers.kit.context import Ctx
from handlers.kit.gates import AdminOnly
from handlers.kit.keyboards import inline
from handlers.kit.ui import acknowledge, drop_buttons, reply, usage
from handlers.licences import receive_import
from handlers.staff import StaffOnly
from services import complaints, people, receipt_pdf, referrals, respondents
from services.calendar import tehran_today
from services.desk import Subject
from services.formatting import format_code, format_date, format_datetime, format_number
from services.money import Unit
from services.normalize import is_blank, normalize_text
from services.referral_import import LAYOUT as REFERRALS
from services.referral_import import referral_sheet
from services.sources import NAMED, ReferringBody, body_text
from services.texts import Rendered

# `/refer import`, the caption of a file of referred complaints an admin sends.
_IMPORT = re.compile(r"(?i)^\s*import\b")
# What a clerk types to leave an optional answer empty.
SKIP_WORDS = frozenset({"-", "—", "–", "ندارد", "نامعلوم", "none", "skip"})


class ReferralForm(StatesGroup):
    body = State()
    body_name = State()
    letter_number = State()
    letter_date = State()
    complainant_name = State()
    complainant_mobile = State()
    business_name = State()
    website = State()
    licence = State()
    province = State()
    subject = State()
    description = State()
    order_number = State()
    order_date = State()
    order_amount = State()
    confirm = State()


ORDER = [
    ReferralForm.body,
    ReferralForm.body_name,
    ReferralForm.letter_number,
    ReferralForm.letter_date,
    ReferralForm.complainant_name,
    ReferralForm.complainant_mobile,
    ReferralForm.business_name,
    ReferralForm.website,
    ReferralForm.licence,
    ReferralForm.province,
    ReferralForm.subject,
    ReferralForm.description,
    ReferralForm.order_number,
    ReferralForm.order_date,
    ReferralForm.order_amount,
    ReferralForm.confirm,
]
# The questions, numbered «step k of n» as this referral's path has them (`_path`).
QUESTIONS = [step for step in ORDER if step != ReferralForm.confirm]
BUTTON_STEPS = (ReferralForm.body, ReferralForm.subject, ReferralForm.confirm)
TEXT_STEPS = [step for step in ORDER if step not in BUTTON_STEPS]
# The answers an optional step leaves empty when skipped.
OPTIONAL: dict[State, tuple[str, ...]] = {
    ReferralForm.complainant_name: ("complainant_name",),
    ReferralForm.complainant_mobile: ("complainant_phone",),
    ReferralForm.licence: ("licence_number",),
    ReferralForm.province: ("province",),
    ReferralForm.order_number: ("order_number", "order_date", "order_amount"),
    ReferralForm.order_date: ("order_date",),
    ReferralForm.order_amount: ("order_amount",),
}
# Checks of the citizen's form whose words speak of its buttons: the staff form's own instead.
_STAFF_WORDING = {
    "form-licence-invalid": "referral-licence-invalid",
    "form-province-choose": "referral-province-unknown",
}


def _path(data: dict[str, Any]) -> list[State]:
    """The questions this referral asks, as far as its answers tell (`StaffForm.goto`): a
    body's name only for a body named further; the province unless the referring organization
    or the registry gives it; an order's date and amount only with its number."""
    left_out: set[State] = set()
    if "body" in data and data["body"] not in NAMED:
        left_out.add(ReferralForm.body_name)
    if data.get("body") == ReferringBody.INDUSTRY_ORGANIZATION.value or data.get("province_known"):
        left_out.add(ReferralForm.province)
    if "order_number" in data and not data["order_number"]:
        left_out |= {ReferralForm.order_date, ReferralForm.order_amount}
    return [step for step in QUESTIONS if step not in left_out]


def _name(step: State) -> str:
    return (step.state or "").rsplit(":", 1)[-1]


def _step_of(raw: str | None) -> State | None:
    return next((step for step in ORDER if step.state == raw), None)


def _prompt() -> ForceReply:
    return ForceReply(selective=True)


def _bodies(ctx: Ctx) -> InlineKeyboardMarkup:
    return inline(
        [
            [(ctx.t.plain(f"referral-button-{body}"), ReferralBodyChoice(body=body).pack())]
            for body in ReferringBody
        ]
    )


def _subjects(ctx: Ctx) -> InlineKeyboardMarkup:
    return inline(
        [[(ctx.t.plain(f"subject-{s}"), ReferralSubjectChoice(subject=s).pack())] for s in Subject]
    )


def _confirm(ctx: Ctx) -> InlineKeyboardMarkup:
    return inline(
        [
            [(ctx.t.plain("referral-button-confirm"), ReferralDone(action="confirm").pack())],
            [(ctx.t.plain("referral-button-cancel"), ReferralDone(action="cancel").pack())],
        ]
    )


class StaffForm:
    """A clerk's referral form in one update: its state, its draft, and how to ask."""

    def __init__(self, message: Message, state: FSMContext, ctx: Ctx) -> None:
        self.message = message
        self.state = state
        self.ctx = ctx

    async def say(
        self, key: str, markup: InlineKeyboardMarkup | ForceReply | None = None, **args: Any
    ) -> Message:
        text = self.ctx.t.render(self.ctx.profile, key, **args)
        return await self.message.answer(text, reply_markup=markup)

    async def save(self, step: State, data: dict[str, Any]) -> None:
        """Keep the answers and the step, in the conversation state and in the database."""
        ctx = self.ctx
        await self.state.set_data(data)
        await self.state.set_state(step)
        await ctx.repo.drafts.save(
            ctx.user.id, referrals.FORM, step.state or "", data, ctx.clock.now()
        )
        await ctx.repo.commit()

    async def advance(self, **answers: Any) -> None:
        data = await self.state.get_data()
        data.update(answers)
        current = _step_of(await self.state.get_state())
        index = ORDER.index(current) if current is not None else -1
        await self.goto(ORDER[index + 1], data)

    async def goto(self, step: State, data: dict[str, Any]) -> None:
        """Ask `step`, or the next that applies: a body's name only for a body named further,
        the business's province only when neither the registry (by the licence or the
        website) nor the referring organization gives it, an order's date and amount only with
        its number."""
        if step == ReferralForm.body_name and data.get("body") not in NAMED:
            step = ReferralForm.letter_number
        if step == ReferralForm.province and await self._province_known(data):
            data["province"] = None
            data["province_known"] = True
            step = ReferralForm.subject
        if step in (ReferralForm.order_date, ReferralForm.order_amount) and not data.get(
            "order_number"
        ):
            step = ReferralForm.confirm
        await self.save(step, data)
        await self.ask(step, data)

    async def _province_known(self, data: dict[str, Any]) -> bool:
        if data.get("body") == ReferringBody.INDUSTRY_ORGANIZATION.value:
            return True
        licence = await respondents.licence_named(
            self.ctx.repo, data.get("licence_number"), data.get("website")
        )
        return licence is not None

    async def ask(self, step: State, data: dict[str, Any]) -> None:
        """The question of a step, with its buttons or as a reply prompt."""
        t = self.ctx.t
        path = _path(data)
        number = format_number(path.index(step) + 1 if step in path else len(path), t.locale)
        total = format_number(len(path), t.locale)
        if step == ReferralForm.body:
            await self.say("referral-ask-body", _bodies(self.ctx), n=number, total=total)
        elif step == ReferralForm.subject:
            await self.say("referral-ask-subject", _subjects(self.ctx), n=number, total=total)
        elif step == ReferralForm.confirm:
            await self.message.answer(_summary(data, self.ctx), reply_markup=_confirm(self.ctx))
        else:
            name = _name(step).replace("_", "-")
            if step == ReferralForm.body_name:
                name = f"{name}-{data['body']}"
            skip = t.plain("referral-skip-hint") if step in OPTIONAL else ""
            await self.say(
                f"referral-ask-{name}",
                _prompt(),
                n=number,
                total=total,
                skip=skip,
                max=format_number(self.ctx.settings.description_max_chars, t.locale),
            )


def _summary(data: dict[str, Any], ctx: Ctx) -> Rendered:
    """The referral as registered, for the clerk to confirm."""
    t, profile = ctx.t, ctx.profile
    referral = referrals.Referral.from_form(data)
    letter = referral.letter
    none = t.plain("value-not-given")
    phone = referral.complainant_phone
    return t.render(
        profile,
        "referral-summary",
        body=body_text(letter.body, letter.body_name, t),
        number=letter.number,
        date=format_date(letter.date, t.locale),
        complainant=referral.complainant_name or none,
        mobile=phone or none,
        details=complaints.describe(referral.complaint, t, profile),
    )


# --- entering and leaving the form -----------------------------------------------------------


async def begin(message: Message, command: CommandObject, state: FSMContext, ctx: Ctx) -> None:
    """`/refer`: a new referral form, or the one this clerk left open, at its step; given
    anything but `import`, its usage."""
    if not is_blank(command.args or ""):
        await usage(message, ctx.t, ctx.profile, "refer", "staff-refer-unknown", text=command.args)
        return
    form = StaffForm(message, state, ctx)
    draft = await ctx.repo.drafts.get(ctx.user.id, referrals.FORM)
    step = _step_of(draft.step) if draft is not None else None
    if draft is not None and step is not None:
        await form.say("referral-resumed")
        await form.save(step, dict(draft.data))
        await form.ask(step, dict(draft.data))
        return
    await form.say("referral-intro")
    await form.goto(ReferralForm.body, {})


async def cancel(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """`/cancel` inside the form: the form and its draft are dropped."""
    await state.clear()
    await ctx.repo.drafts.delete(ctx.user.id, referrals.FORM)
    await ctx.repo.commit()
    await reply(message, ctx.t, ctx.profile, "referral-cancelled")


# --- the answers -----------------------------------------------------------------------------


def _check(
    step: State, text: str, data: dict[str, Any], ctx: Ctx
) -> dict[str, Any] | complaints.Invalid:
    """The answers a text step keeps, by the rule of its field; or why not (Invalid)."""
    limits = referrals.limits_of(ctx.settings)
    today = tehran_today(ctx.clock.now())
    if step == ReferralForm.body_name:
        result: Any = referrals.check_body_name(text, ReferringBody(data["body"]), limits)
        field = "body_name"
    elif step == ReferralForm.letter_number:
        result, field = referrals.check_letter_number(text), "letter_number"
    elif step == ReferralForm.letter_date:
        result, field = referrals.check_letter_date(text, today), "letter_date"
    elif step == ReferralForm.complainant_name:
        result, field = referrals.check_complainant_name(text, limits), "complainant_name"
    elif step == ReferralForm.complainant_mobile:
        result, field = referrals.check_complainant_mobile(text), "complainant_phone"
    elif step == ReferralForm.business_name:
        result, field = complaints.check_business_name(text, limits), "business_name"
    elif step == ReferralForm.website:
        result, field = complaints.check_website(text), "website"
    elif step == ReferralForm.licence:
        result, field = complaints.check_licence_number(text), "licence_number"
    elif step == ReferralForm.province:
        result, field = complaints.check_province(text), "province"
    elif step == ReferralForm.description:
        result, field = complaints.check_description(text, limits), "description"
    elif step == ReferralForm.order_number:
        result, field = complaints.check_order_number(text, limits), "order_number"
    elif step == ReferralForm.order_date:
        result, field = complaints.check_order_date(text, today), "order_date"
    else:
        # A letter's amount: in rials unless another unit is written.
        amount = complaints.check_order_amount(text, Unit.RIAL)
        result = amount if isinstance(amount, complaints.Invalid) else amount.rials
        field = "order_amount"
    if isinstance(result, complaints.Invalid):
        return result
    return {field: result.isoformat() if isinstance(result, date) else result}


async def text_answer(message: Message, raw_state: str, state: FSMContext, ctx: Ctx) -> None:
    """A typed answer: kept if it passes its rule, else the rule is explained and asked again;
    «-» leaves an optional answer empty."""
    form = StaffForm(message, state, ctx)
    step = _step_of(raw_state)
    if step is None:
        return
    text = message.text or ""
    if step in OPTIONAL and normalize_text(text).lower() in SKIP_WORDS:
        await form.advance(**dict.fromkeys(OPTIONAL[step]))
        return
    data = await state.get_data()
    result = _check(step, text, data, ctx)
    if isinstance(result, complaints.Invalid):
        args = {
            name: format_number(value, ctx.t.locale) if isinstance(value, int) else value
            for name, value in result.args.items()
        }
        await form.say(_STAFF_WORDING.get(result.key, result.key), _prompt(), **args)
        return
    await form.advance(**result)


async def not_text(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """A photo, sticker or file where words were asked for."""
    await StaffForm(message, state, ctx).say("form-text-expected", _prompt())


async def body_chosen(
    query: CallbackQuery, callback_data: ReferralBodyChoice, state: FSMContext, ctx: Ctx
) -> None:
    """The referring body, from its button."""
    if not isinstance(query.message, Message):
        return
    if await state.get_state() != ReferralForm.body.state:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        return
    await acknowledge(query, ctx.t, ctx.profile)
    await drop_buttons(query)
    form = StaffForm(query.message, state, ctx)
    await form.advance(body=callback_data.body.value, body_name=None)


async def subject_chosen(
    query: CallbackQuery, callback_data: ReferralSubjectChoice, state: FSMContext, ctx: Ctx
) -> None:
    """The subject, from its button."""
    if not isinstance(query.message, Message):
        return
    if await state.get_state() != ReferralForm.subject.state:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        return
    await acknowledge(query, ctx.t, ctx.profile)
    await drop_buttons(query)
    await StaffForm(query.message, state, ctx).advance(subject=callback_data.subject.value)


async def done(
    query: CallbackQuery, callback_data: ReferralDone, state: FSMContext, ctx: Ctx
) -> None:
    """Register the referral, or drop it; a second tap registers nothing twice."""
    if not isinstance(query.message, Message):
        return
    if await state.get_state() != ReferralForm.confirm.state:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        await drop_buttons(query)
        return
    await acknowledge(query, ctx.t, ctx.profile)
    await drop_buttons(query)
    if callback_data.action == "cancel":
        await cancel(query.message, state, ctx)
        return
    data = await state.get_data()
    await state.clear()
    case = await referrals.file_referral(
        ctx.repo,
        referrals.Referral.from_form(data),
        by=ctx.user,
        role=ctx.role,
        config=ctx.settings.config,
        now=ctx.clock.now(),
    )
    if case is None:
        await reply(query.message, ctx.t, ctx.profile, "form-stale-button")
        return
    receipt = referrals.receipt_contents(case, ctx.settings.config, ctx.t)
    await reply(
        query.message,
        ctx.t,
        ctx.profile,
        "referral-registered",
        code=format_code(case.code, ctx.t.locale),
        clock=format_datetime(case.clock_started_at, ctx.t.locale),
        complainant=ctx.t.plain(
            "referral-complainant-found" if case.citizen_id else "referral-complainant-awaited"
        ),
    )
    await reply(
        query.message,
        ctx.t,
        ctx.profile,
        "referral-receipt",
        addressee=receipt.addressee,
        number=receipt.letter_number,
        date=format_date(receipt.letter_date, ctx.t.locale),
        service=receipt.service,
        recipient=receipt.recipient,
        code=receipt.code,
        when=format_datetime(receipt.registered_at, ctx.t.locale),
        amount=ctx.t.plain("amount-free"),
        status=receipt.status,
        # A detail never set is said so, as on the citizen's receipt: never an empty line.
        desk=receipt_pdf.desk_detail(receipt.desk.name, ctx.t),
        desk_licence=receipt_pdf.desk_detail(receipt.desk.licence_number, ctx.t),
        operator=receipt_pdf.desk_detail(receipt.desk.operator, ctx.t),
        address=receipt_pdf.desk_detail(receipt.desk.address, ctx.t),
    )


async def button_typed(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """Words where a button was expected: the question again, with its buttons."""
    form = StaffForm(message, state, ctx)
    step = _step_of(await state.get_state())
    if step is not None:
        await form.ask(step, await state.get_data())


# --- import ----------------------------------------------------------------------------------


async def import_document(message: Message, ctx: Ctx) -> None:
    """An admin's CSV or XLSX file captioned `/refer import`: progress shown, then a report."""
    sheet = referral_sheet(
        ctx.repo,
        now=ctx.clock.now(),
        config=ctx.settings.config,
        limits=referrals.limits_of(ctx.settings),
        by=ctx.user,
        role=ctx.role,
        commit=ctx.repo.commit,
    )
    await receive_import(message, ctx, REFERRALS, lambda *_: sheet)


async def import_how(message: Message, ctx: Ctx) -> None:
    """`/refer import` without the file: how to send it."""
    await reply(message, ctx.t, ctx.profile, "referral-import-send-file")


async def import_refused(message: Message, ctx: Ctx) -> None:
    """`/refer import` from someone who is not an admin: said politely, audited, not done."""
    people.audit(ctx.repo, ctx.person, "refused", ctx.clock.now(), detail="/refer import")
    await ctx.repo.commit()
    await reply(message, ctx.t, ctx.profile, "referral-import-admin-only")


# --- the complainant -------------------------------------------------------------------------


def verify_offer(ctx: Ctx) -> Rendered:
    """The line under a person's cases while their mobile is not verified: a complaint another
    body referred in their name shows once they share it."""
    return ctx.t.render(ctx.profile, "my-cases-verify-offer")


def make_router() -> Router:
    """Staff's referral form and the admins' import."""
    router = Router(name=__name__)
    staff = StaffOnly()
    asks_import = Command("refer", magic=F.args.regexp(_IMPORT))
    router.message.register(
        import_document, asks_import, F.chat.type == "private", F.document, AdminOnly()
    )
    router.message.register(import_how, asks_import, AdminOnly())
    router.message.register(import_refused, asks_import, ~AdminOnly())
    router.message.register(begin, Command("refer"), staff)
    router.message.register(cancel, Command("cancel"), StateFilter(*ORDER), staff)
    router.message.register(
        text_answer, StateFilter(*TEXT_STEPS), F.text & ~F.text.startswith("/"), staff
    )
    router.message.register(not_text, StateFilter(*TEXT_STEPS), ~F.text, staff)
    router.message.register(
        button_typed, StateFilter(*BUTTON_STEPS), F.text & ~F.text.startswith("/"), staff
    )
    router.callback_query.register(body_chosen, ReferralBodyChoice.filter(), staff)
    router.callback_query.register(subject_chosen, ReferralSubjectChoice.filter(), staff)
    router.callback_query.register(done, ReferralDone.filter(), staff)
    return router
