"""The guided complaint form: every answer is kept in a draft as it is given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove

from handlers.kit.callbacks import EditField, FormNav, ProvinceChoice, SubjectChoice
from handlers.kit.context import Ctx
from handlers.kit.keyboards import (
    MENU_KEYS,
    contact_keyboard,
    edit_fields,
    main_menu,
    menu_button,
    nav,
    provinces,
    resume,
    subjects,
    summary,
)
from handlers.kit.ui import Markup, acknowledge, drop_buttons, reply
from services import complaint_form as steps
from services import complaints as service
from services import referrals
from services.calendar import tehran_today
from services.desk import Subject
from services.formatting import (
    format_code,
    format_date,
    format_number,
    format_weekday_date,
    format_weekday_datetime,
    localize_digits,
)
from services.licence_desk import site_label
from services.licences import PROVINCES
from services.money import Money
from services.normalize import is_blank, parse_phone
from services.settings import Settings
from services.texts import LOCALES, Rendered, Texts, texts

# Documents beyond this cannot be fetched again to relay them across platforms.
MAX_FILE_BYTES = 20 * 1024 * 1024


class ComplaintForm(StatesGroup):
    """A state for each step of `services.complaint_form.STEPS`, and the summary."""

    business_name = State()
    website = State()
    licence = State()
    province = State()
    subject = State()
    description = State()
    order_number = State()
    order_date = State()
    order_amount = State()
    attachments = State()
    contact = State()
    confirm = State()


def _name(step: State) -> str:
    return (step.state or "").rsplit(":", 1)[-1]


ORDER: list[State] = list(ComplaintForm.__states__)
STATES = {_name(step): step for step in ORDER}
TEXT_STEPS = [
    ComplaintForm.business_name,
    ComplaintForm.website,
    ComplaintForm.licence,
    ComplaintForm.description,
    ComplaintForm.order_number,
    ComplaintForm.order_date,
    ComplaintForm.order_amount,
]
# The button under each optional step.
SKIPPABLE = {
    "licence": ("skip",),
    "province": ("skip",),
    "order_number": ("no-order",),
    "order_date": ("skip",),
    "order_amount": ("skip",),
    "attachments": ("done",),
}
# What a skip leaves empty: an order not placed has no date and no amount.
EMPTY_ANSWERS: dict[str, dict[str, None]] = {
    "licence": {"licence_number": None},
    "province": {"province": None},
    "order_number": {"order_number": None, "order_date": None, "order_amount": None},
    "order_date": {"order_date": None},
    "order_amount": {"order_amount": None},
}
# The answers a licence found in the registry hangs on.
_REGISTRY_KEYS = frozenset({"website", "licence_number"})


def _limits(settings: Settings) -> service.Limits:
    return service.Limits(
        text_max=settings.text_max_chars,
        description_min=settings.description_min_chars,
        description_max=settings.description_max_chars,
        max_attachments=settings.max_attachments,
    )


def _spoken_list(items: list[str], t: Texts) -> str:
    """Items as a sentence says them: «الف»، «ب» و «ج»."""
    said = items[0]
    for item in items[1:-1]:
        said = t.plain("list-comma", first=said, next=item)
    return said if len(items) == 1 else t.plain("list-and", first=said, last=items[-1])


class Form:
    """The form of one person in one update: its state, its draft, and how to ask."""

    def __init__(self, message: Message, state: FSMContext, ctx: Ctx) -> None:
        self.message = message
        self.state = state
        self.repo = ctx.repo
        self.user = ctx.user
        self.t = ctx.t
        self.profile = ctx.profile
        self.settings = ctx.settings
        self.clock = ctx.clock

    async def say(self, key: str, markup: Markup | None = None, **args: Any) -> Message:
        return await reply(self.message, self.t, self.profile, key, markup, **args)

    def settled(self, data: dict[str, Any], at: str) -> dict[str, Any]:
        """A draft's answers with the contact known: a draft kept before the form said so,
        or a number verified since it opened, counts as on file (but not at the contact
        step itself, where the number has just been shared)."""
        verified = self.user.phone_verified_at is not None
        if "contact" not in data and verified and at != "contact":
            data["contact"] = steps.ON_FILE
        return data

    async def answers(self) -> dict[str, Any]:
        at = _name_of(await self.state.get_state())
        return self.settled(await self.state.get_data(), at)

    async def save(self, step: State, data: dict[str, Any]) -> None:
        """Keep the answers and the step, in the conversation state and in the database."""
        await self.state.set_data(data)
        await self.state.set_state(step)
        await self.repo.drafts.save(
            self.user.id, service.FORM, step.state or "", data, self.clock.now()
        )
        await self.repo.commit()

    async def advance(self, answers: Mapping[str, Any], notes: Sequence[Rendered] = ()) -> None:
        """Take answers and move on: to the next step of the path, or back to the summary
        after an edit. A change of the path is said, with the new count."""
        data = await self.answers()
        before = steps.counted(data)
        current = _name_of(await self.state.get_state())
        data.update(answers)
        said = list(notes)
        if _REGISTRY_KEYS & answers.keys():
            said.extend(await self.consult_registry(data))
        said.extend(
            self.path_change(before, steps.counted(data), editing=bool(data.get("editing")))
        )
        await self.goto(steps.next_step(data, current), data, said)

    async def consult_registry(self, data: dict[str, Any]) -> list[Rendered]:
        """What the union's registry knows of the business, kept with the answers; said when
        it finds the business anew."""
        facts = await steps.registry_facts(self.repo, data)
        found_before = data.pop("registry", None)
        if facts is None:
            return []
        data["registry"] = facts
        if facts == found_before:
            return []
        return [
            self.t.render(
                self.profile,
                "form-registry-found",
                business=facts["business"],
                number=localize_digits(facts["number"], self.t.locale),
                province=facts["province"],
            )
        ]

    def path_change(self, before: list[str], after: list[str], *, editing: bool) -> list[Rendered]:
        """A word when an answer takes steps off the path, or adds some; with the new count,
        unless an answer is being edited (the count is behind the citizen then)."""
        t = self.t
        said = []
        suffix = "-edit" if editing else ""
        for key, changed in (
            (f"form-path-fewer{suffix}", [name for name in before if name not in after]),
            (f"form-path-more{suffix}", [name for name in after if name not in before]),
        ):
            if changed:
                labels = [t.plain("form-step-name", step=t.plain(f"field-{n}")) for n in changed]
                said.append(
                    t.render(
                        self.profile,
                        key,
                        steps=_spoken_list(labels, t),
                        total=format_number(len(after), t.locale),
                    )
                )
        return said

    async def goto(self, name: str, data: dict[str, Any], notes: Sequence[Rendered] = ()) -> None:
        if name == steps.CONFIRM:
            # The answers being edited are given: back to the summary.
            data.pop("editing", None)
        step = STATES[name]
        await self.save(step, data)
        await self.ask(step, data, notes)

    def heading(self, name: str, data: dict[str, Any]) -> Rendered:
        """«Step k of n», or that an answer is being changed."""
        place = None if data.get("editing") else steps.progress(data, name)
        if place is None:
            return self.t.render(self.profile, "form-step-edit")
        return self.t.render(
            self.profile,
            "form-step",
            n=format_number(place[0], self.t.locale),
            total=format_number(place[1], self.t.locale),
        )

    async def ask(self, step: State, data: dict[str, Any], notes: Sequence[Rendered] = ()) -> None:
        """The question of a step, with its buttons; what the last answer changed first."""
        name = _name(step)
        t, profile = self.t, self.profile
        if step == ComplaintForm.confirm:
            if notes:
                await self.message.answer(Rendered("\n".join(notes)))
            answers = service.ComplaintData.from_form(data)
            shown = service.summary(answers, t, profile)
            await self.message.answer(shown.text, reply_markup=summary(t))
            if shown.cut:
                await self.message.answer(service.description_in_full(answers, t, profile))
            return
        markup: Markup | None
        args: dict[str, Any] = {}
        if step == ComplaintForm.subject:
            markup = subjects(t)
            args["choices"] = Rendered(
                "\n".join(
                    t.render(
                        profile,
                        "subject-choice",
                        label=t.plain(f"subject-{s}-plain"),
                        examples=t.plain(f"subject-{s}-examples"),
                    )
                    for s in Subject
                )
            )
        elif step == ComplaintForm.province:
            markup = provinces(t, name)
        elif step == ComplaintForm.attachments:
            markup = nav(t, name, "done")
            args["max"] = format_number(self.settings.max_attachments, t.locale)
        elif step == ComplaintForm.contact:
            markup = contact_keyboard(t)
        else:
            markup = nav(t, name, *SKIPPABLE[name]) if name in SKIPPABLE else None
            args["max"] = format_number(self.settings.description_max_chars, t.locale)
        question = t.render(
            profile, f"ask-{name.replace('_', '-')}", step=self.heading(name, data), **args
        )
        parts = ["\n".join(notes)] if notes else []
        parts.append(question)
        await self.message.answer(Rendered("\n\n".join(parts)), reply_markup=markup)


# --- entering the form -------------------------------------------------------------------


async def begin(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """Start a complaint, or offer to continue the one left open."""
    await begin_with(message, state, ctx, {})


async def begin_with(
    message: Message, state: FSMContext, ctx: Ctx, prefilled: dict[str, Any]
) -> None:
    """Start a complaint with some answers known (a business from a lookup, a disputed
    certificate request); a form left open is offered first, never overwritten."""
    form = Form(message, state, ctx)
    if await form.repo.drafts.get(form.user.id, service.FORM) is not None:
        await form.say("draft-resume-or-restart", resume(form.t))
        return
    await form.say("complaint-intro", ReplyKeyboardRemove())
    await start_form(form, prefilled)


async def remind(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """After an aside (the list of cases, a tracked case), ask the open form's question again.

    The draft is what is open: a conversation state lost to a restart, or set aside for a
    tracking code, is taken up from it.
    """
    form = Form(message, state, ctx)
    draft = await form.repo.drafts.get(form.user.id, service.FORM)
    if draft is None:
        return
    step = next((s for s in ORDER if s.state == draft.step), None)
    if step is None:
        return
    answers = form.settled(dict(draft.data), _name(step))
    if await form.state.get_state() != step.state:
        await form.state.set_state(step)
        await form.state.set_data(answers)
    await form.ask(step, answers)


async def start_form(form: Form, prefilled: dict[str, Any]) -> None:
    """Open a fresh form, possibly with answers known already (a business from a lookup, a
    disputed request): they are stated, not asked, and not counted among the steps; the
    summary offers to change them."""
    data = steps.opened_with(prefilled, phone_verified=form.user.phone_verified_at is not None)
    notes: list[Rendered] = []
    if data.get("prefilled"):
        notes.append(_prefilled(form, data))
    if _REGISTRY_KEYS & data.keys():
        notes.extend(await form.consult_registry(data))
    await form.goto(steps.next_step(data, None), data, notes)


def _prefilled(form: Form, data: dict[str, Any]) -> Rendered:
    """The answers a form opened with, as the citizen reads them."""
    t, profile = form.t, form.profile
    lines = "\n".join(
        t.render(
            profile,
            "form-prefilled-line",
            field=t.plain(f"field-{name}"),
            value=_shown_answer(name, data, t),
        )
        for name in data["prefilled"]
    )
    return t.render(profile, "form-prefilled", lines=Rendered(lines))


def _shown_answer(name: str, data: dict[str, Any], t: Texts) -> str:
    step = steps.step_named(name)
    value = data.get(step.answer) if step is not None else None
    if name == "website" and isinstance(value, str):
        return site_label(value, t)
    if name == "subject" and value:
        return t.plain(f"subject-{value}-plain")
    return str(value) if value else t.plain("value-not-given")


async def resume_or_restart(
    query: CallbackQuery, callback_data: FormNav, state: FSMContext, ctx: Ctx
) -> None:
    """Continue the open form at its step, or throw it away and start again."""
    if not isinstance(query.message, Message):
        return
    form = Form(query.message, state, ctx)
    await acknowledge(query, form.t, form.profile)
    await drop_buttons(query)
    draft = await form.repo.drafts.get(form.user.id, service.FORM)
    if callback_data.action == "resume" and draft is not None:
        step = next((s for s in ORDER if s.state == draft.step), ComplaintForm.business_name)
        answers = form.settled(dict(draft.data), _name(step))
        await form.save(step, answers)
        await form.ask(step, answers)
        return
    await form.repo.drafts.delete(form.user.id, service.FORM)
    await form.state.clear()
    await start_form(form, {})


# --- text steps ---------------------------------------------------------------------------

# Commands and the menu's buttons are never an answer: they are handled as such at any step.
_ASIDE = F.text.startswith("/") | F.text.in_(
    {texts(locale).plain(key) for locale in LOCALES for key in MENU_KEYS}
)
_TEXT = F.text & ~_ASIDE


def _check(step: str, text: str, form: Form) -> tuple[str, Any]:
    """The answer a text step keeps, by the rule of its field: a value, or why not."""
    limits = _limits(form.settings)
    if step == ComplaintForm.business_name.state:
        return "business_name", service.check_business_name(text, limits)
    if step == ComplaintForm.website.state:
        return "website", service.check_website(text)
    if step == ComplaintForm.licence.state:
        return "licence_number", service.check_licence_number(text)
    if step == ComplaintForm.description.state:
        return "description", service.check_description(text, limits)
    if step == ComplaintForm.order_number.state:
        return "order_number", service.check_order_number(text, limits)
    if step == ComplaintForm.order_date.state:
        return "order_date", service.check_order_date(text, tehran_today(form.clock.now()))
    return "order_amount", service.check_order_amount(text)


async def text_answer(message: Message, raw_state: str, state: FSMContext, ctx: Ctx) -> None:
    """A typed answer: kept if it passes its rule, else the rule is explained."""
    form = Form(message, state, ctx)
    field, result = _check(raw_state, message.text or "", form)
    await _take(form, result, field)


async def _take(form: Form, result: Any, field: str) -> None:
    """Keep an answer that passed its rule, saying how a date or an amount was read; or say
    the rule it broke."""
    t, profile = form.t, form.profile
    if isinstance(result, service.Invalid):
        args = {name: _shown_value(value, t) for name, value in result.args.items()}
        await form.say(result.key, None, **args)
        return
    if isinstance(result, Money):
        rials = service.amount_text(result.rials, t)
        key = "form-amount-taken" if result.unit_written else "form-amount-assumed"
        await form.advance({field: result.rials}, [t.render(profile, key, amount=rials)])
        return
    if isinstance(result, date):
        day = format_weekday_date(result, t.locale)
        taken = t.render(profile, "form-date-taken", day=day)
        await form.advance({field: result.isoformat()}, [taken])
        return
    await form.advance({field: result})


def _shown_value(value: Any, t: Texts) -> Any:
    if isinstance(value, int):
        return format_number(value, t.locale)
    if isinstance(value, date):
        return format_date(value, t.locale)
    return value


async def not_text(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """A photo, sticker, voice or file where words were asked for."""
    await Form(message, state, ctx).say("form-text-expected")


# --- buttons of the steps -----------------------------------------------------------------


async def skip(query: CallbackQuery, callback_data: FormNav, state: FSMContext, ctx: Ctx) -> None:
    """Leave an optional answer empty; a stale button changes nothing."""
    if not isinstance(query.message, Message):
        return
    form = Form(query.message, state, ctx)
    if _name_of(await form.state.get_state()) != callback_data.step:
        await acknowledge(query, form.t, form.profile, "form-stale-button")
        return
    await acknowledge(query, form.t, form.profile)
    await drop_buttons(query)
    await form.advance(EMPTY_ANSWERS[callback_data.step])


def _name_of(state: str | None) -> str:
    return (state or "").rsplit(":", 1)[-1]


async def _pressed_at(
    query: CallbackQuery, state: FSMContext, ctx: Ctx, step: State, *, drop_if_stale: bool = False
) -> Form | None:
    """The form a button of `step` was pressed in; a button of another step (an old message's)
    is answered as stale and changes nothing."""
    if not isinstance(query.message, Message):
        return None
    form = Form(query.message, state, ctx)
    if await form.state.get_state() != step.state:
        await acknowledge(query, form.t, form.profile, "form-stale-button")
        if drop_if_stale:
            await drop_buttons(query)
        return None
    return form


async def subject(
    query: CallbackQuery, callback_data: SubjectChoice, state: FSMContext, ctx: Ctx
) -> None:
    """The subject, from its button."""
    form = await _pressed_at(query, state, ctx, ComplaintForm.subject)
    if form is None:
        return
    await acknowledge(query, form.t, form.profile)
    await drop_buttons(query)
    await form.advance({"subject": Subject(callback_data.subject).value})


def _or_empty(message: Message, key: str) -> str:
    """The answer to a message at a step of buttons: `key`, or the empty answer's text when
    the message is words that show nothing."""
    return "input-empty" if message.text is not None and is_blank(message.text) else key


async def subject_typed(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """Words where a subject button was expected: show the buttons again."""
    form = Form(message, state, ctx)
    await form.say(_or_empty(message, "form-choose-button"), subjects(form.t))


# --- the province -------------------------------------------------------------------------


async def province(
    query: CallbackQuery, callback_data: ProvinceChoice, state: FSMContext, ctx: Ctx
) -> None:
    """The business's province, from its button."""
    form = await _pressed_at(query, state, ctx, ComplaintForm.province)
    if form is None:
        return
    await acknowledge(query, form.t, form.profile)
    await drop_buttons(query)
    await form.advance({"province": PROVINCES[callback_data.index]})


async def province_typed(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """A province typed instead of chosen: taken when it is one of the 31."""
    form = Form(message, state, ctx)
    if message.text is None:
        await form.say("form-province-choose", provinces(form.t, "province"))
        return
    result = service.check_province(message.text)
    if isinstance(result, service.Invalid):
        await form.say(result.key, provinces(form.t, "province"))
        return
    await form.advance({"province": result})


# --- attachments --------------------------------------------------------------------------


async def attachment(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """A screenshot or receipt, kept by the platform's file id; a bounded number."""
    form = Form(message, state, ctx)
    if message.photo:
        photo = message.photo[-1]
        item: dict[str, Any] = {
            "kind": "photo",
            "file_id": photo.file_id,
            "file_unique_id": photo.file_unique_id,
            "file_size": photo.file_size,
        }
    else:
        document = message.document
        assert document is not None  # the filter admits only photos and documents
        if document.file_size and document.file_size > MAX_FILE_BYTES:
            await form.say("attachment-too-large")
            return
        item = {
            "kind": "document",
            "file_id": document.file_id,
            "file_unique_id": document.file_unique_id,
            "file_name": document.file_name,
            "mime_type": document.mime_type,
            "file_size": document.file_size,
        }
    answers = await form.state.get_data()
    items = list(answers.get("attachments", []))
    limit = form.settings.max_attachments
    if any(existing["file_unique_id"] == item["file_unique_id"] for existing in items):
        await form.say("attachment-duplicate")
        return
    if len(items) >= limit:
        await form.say("attachment-limit", max=format_number(limit, form.t.locale))
        return
    items.append(item)
    answers["attachments"] = items
    if len(items) >= limit:
        await form.say("attachment-limit-reached", max=format_number(limit, form.t.locale))
        await form.advance({"attachments": items})
        return
    await form.save(ComplaintForm.attachments, answers)
    await form.say(
        "attachment-received",
        nav(form.t, "attachments", "done"),
        count=format_number(len(items), form.t.locale),
        max=format_number(limit, form.t.locale),
    )


async def attachments_done(query: CallbackQuery, state: FSMContext, ctx: Ctx) -> None:
    form = await _pressed_at(query, state, ctx, ComplaintForm.attachments)
    if form is None:
        return
    await acknowledge(query, form.t, form.profile)
    await drop_buttons(query)
    answers = await form.state.get_data()
    await form.advance({"attachments": answers.get("attachments", [])})


async def attachment_wrong(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """Anything but a photo or a document."""
    form = Form(message, state, ctx)
    await form.say(_or_empty(message, "attachment-expected"), nav(form.t, "attachments", "done"))


# --- the verified contact -----------------------------------------------------------------


async def contact(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """The sender's own number, shared with the platform's button; someone else's is refused."""
    form = Form(message, state, ctx)
    shared = message.contact
    assert shared is not None  # the filter admits only contacts
    sender = message.from_user
    if sender is None or shared.user_id != sender.id:
        await form.say("contact-not-own", contact_keyboard(form.t))
        return
    phone = parse_phone(shared.phone_number, international=True)
    if phone is None:
        await form.say("contact-invalid", contact_keyboard(form.t))
        return
    await referrals.verify_phone(form.repo, form.user, phone, form.clock.now())
    await form.say("contact-verified", ReplyKeyboardRemove())
    await form.advance({"contact": steps.SHARED})


async def contact_wrong(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """A typed number is not a verified one: only the button will do."""
    form = Form(message, state, ctx)
    await form.say(_or_empty(message, "contact-use-button"), contact_keyboard(form.t))


# --- summary, edit, confirm ---------------------------------------------------------------


async def summary_action(
    query: CallbackQuery, callback_data: FormNav, state: FSMContext, ctx: Ctx
) -> None:
    """Confirm, edit or cancel from the summary; a second tap files nothing twice."""
    form = await _pressed_at(query, state, ctx, ComplaintForm.confirm, drop_if_stale=True)
    if form is None:
        return
    action = callback_data.action
    if action == "edit":
        await acknowledge(query, form.t, form.profile)
        await drop_buttons(query)
        await form.say("edit-choose", edit_fields(form.t, steps.editable(await form.answers())))
        return
    if action == "back":
        await acknowledge(query, form.t, form.profile)
        await drop_buttons(query)
        await form.ask(ComplaintForm.confirm, await form.state.get_data())
        return
    if action == "cancel":
        await acknowledge(query, form.t, form.profile)
        await drop_buttons(query)
        await form.state.clear()
        await form.repo.drafts.delete(form.user.id, service.FORM)
        await form.repo.commit()
        await form.say("cancelled", main_menu(form.t))
        return
    await _submit(query, form)


async def _submit(query: CallbackQuery, form: Form) -> None:
    answers = await form.state.get_data()
    settings = form.settings
    now = form.clock.now()
    case = await service.file_complaint(
        form.repo, form.user, service.ComplaintData.from_form(answers), settings.config, now
    )
    await form.state.clear()
    if case is None:
        await acknowledge(query, form.t, form.profile, "form-stale-button")
        await drop_buttons(query)
        return
    await acknowledge(query, form.t, form.profile)
    await drop_buttons(query)
    await form.say(
        "complaint-filed", main_menu(form.t), code=format_code(case.code, form.t.locale)
    )
    if case.clock_started_at > now:
        await form.say(
            "clock-starts", when=format_weekday_datetime(case.clock_started_at, form.t.locale)
        )


async def edit(
    query: CallbackQuery, callback_data: EditField, state: FSMContext, ctx: Ctx
) -> None:
    """Go back to one answer; after it, the summary again."""
    form = await _pressed_at(query, state, ctx, ComplaintForm.confirm)
    if form is None:
        return
    answers = await form.answers()
    name = callback_data.field
    if name not in steps.editable(answers):
        await acknowledge(query, form.t, form.profile, "form-stale-button")
        return
    await acknowledge(query, form.t, form.profile)
    await drop_buttons(query)
    answers["editing"] = name
    if name == "attachments":
        answers["attachments"] = []
    step = STATES[name]
    await form.save(step, answers)
    await form.ask(step, answers)


async def confirm_typed(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """Words at the summary: point at its buttons."""
    form = Form(message, state, ctx)
    await form.say(_or_empty(message, "form-choose-button"), summary(form.t))


async def stale(query: CallbackQuery, state: FSMContext, ctx: Ctx) -> None:
    """A button of a form that has moved on or ended."""
    await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")


def make_router() -> Router:
    """The handlers of this module, in the order they are asked."""
    router = Router(name=__name__)
    router.message.filter(F.chat.type == "private")
    router.message.register(begin, menu_button("menu-complaint"))
    router.message.register(begin, Command("complaint"))
    router.callback_query.register(resume_or_restart, FormNav.filter(F.step == "start"))
    router.message.register(text_answer, StateFilter(*TEXT_STEPS), _TEXT)
    router.message.register(not_text, StateFilter(*TEXT_STEPS), ~F.text)
    router.callback_query.register(skip, FormNav.filter(F.action.in_({"skip", "no-order"})))
    router.callback_query.register(subject, SubjectChoice.filter())
    router.message.register(subject_typed, ComplaintForm.subject, ~_ASIDE)
    router.callback_query.register(province, ProvinceChoice.filter())
    router.message.register(province_typed, ComplaintForm.province, ~_ASIDE)
    router.message.register(attachment, ComplaintForm.attachments, F.photo | F.document)
    router.callback_query.register(
        attachments_done, FormNav.filter((F.step == "attachments") & (F.action == "done"))
    )
    router.message.register(attachment_wrong, ComplaintForm.attachments, ~_ASIDE)
    router.message.register(contact, ComplaintForm.contact, F.contact)
    router.message.register(contact_wrong, ComplaintForm.contact, ~_ASIDE)
    router.callback_query.register(summary_action, FormNav.filter(F.step == "confirm"))
    router.callback_query.register(edit, EditField.filter())
    router.message.register(confirm_typed, ComplaintForm.confirm, ~_ASIDE)
    router.callback_query.register(stale, FormNav.filter())
    return router
