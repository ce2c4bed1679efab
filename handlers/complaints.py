"""The guided complaint form: every answer is kept in a draft as it is given."""

from __future__ import annotations

from datetime import date
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove

from handlers.kit.callbacks import EditField, FormNav, SubjectChoice
from handlers.kit.context import Ctx
from handlers.kit.keyboards import (
    MENU_KEYS,
    contact_keyboard,
    edit_fields,
    main_menu,
    menu_button,
    nav,
    resume,
    subjects,
    summary,
)
from handlers.kit.ui import Markup, acknowledge, drop_buttons, reply
from services import complaints as service
from services import referrals
from services.calendar import tehran_today
from services.desk import Subject
from services.formatting import format_code, format_number, format_weekday_datetime
from services.normalize import is_blank, parse_phone
from services.settings import Settings
from services.texts import LOCALES, texts

# Documents beyond this cannot be fetched again to relay them across platforms.
MAX_FILE_BYTES = 20 * 1024 * 1024


class ComplaintForm(StatesGroup):
    business_name = State()
    website = State()
    licence = State()
    subject = State()
    description = State()
    order_number = State()
    order_date = State()
    order_amount = State()
    attachments = State()
    contact = State()
    confirm = State()


ORDER = [
    ComplaintForm.business_name,
    ComplaintForm.website,
    ComplaintForm.licence,
    ComplaintForm.subject,
    ComplaintForm.description,
    ComplaintForm.order_number,
    ComplaintForm.order_date,
    ComplaintForm.order_amount,
    ComplaintForm.attachments,
    ComplaintForm.contact,
    ComplaintForm.confirm,
]
TEXT_STEPS = [
    ComplaintForm.business_name,
    ComplaintForm.website,
    ComplaintForm.licence,
    ComplaintForm.description,
    ComplaintForm.order_number,
    ComplaintForm.order_date,
    ComplaintForm.order_amount,
]
# The button under each optional step, and the edit entry of each answer.
SKIPPABLE = {
    "licence": ("skip",),
    "order_number": ("no-order",),
    "order_date": ("skip",),
    "order_amount": ("skip",),
    "attachments": ("done",),
}
# Editing an answer of a group asks the whole group again: an order has a date and an amount.
EDIT_LAST = {"order_number": ComplaintForm.order_amount}
EDIT_TARGET = {
    "business_name": ComplaintForm.business_name,
    "website": ComplaintForm.website,
    "licence": ComplaintForm.licence,
    "subject": ComplaintForm.subject,
    "description": ComplaintForm.description,
    "order_number": ComplaintForm.order_number,
    "attachments": ComplaintForm.attachments,
}


def _name(step: State) -> str:
    return (step.state or "").rsplit(":", 1)[-1]


def _limits(settings: Settings) -> service.Limits:
    return service.Limits(
        text_max=settings.text_max_chars,
        description_min=settings.description_min_chars,
        description_max=settings.description_max_chars,
        max_attachments=settings.max_attachments,
    )


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

    async def save(self, step: State, data: dict[str, Any]) -> None:
        """Keep the answers and the step, in the conversation state and in the database."""
        await self.state.set_data(data)
        await self.state.set_state(step)
        await self.repo.drafts.save(
            self.user.id, service.FORM, step.state or "", data, self.clock.now()
        )
        await self.repo.commit()

    async def advance(self, **answers: Any) -> None:
        """Take answers and move on: to the next step, or back to the summary after an edit."""
        data = await self.state.get_data()
        data.update(answers)
        current = await self.state.get_state()
        index = next(i for i, s in enumerate(ORDER) if s.state == current)
        await self.goto(ORDER[index + 1], data)

    async def goto(self, step: State, data: dict[str, Any]) -> None:
        if step == ComplaintForm.contact and self.user.phone_verified_at is not None:
            step = ComplaintForm.confirm
        if step in (ComplaintForm.order_date, ComplaintForm.order_amount) and not data.get(
            "order_number"
        ):
            step = ComplaintForm.attachments
        editing = data.get("editing")
        if editing and ORDER.index(step) > ORDER.index(_edit_end(editing)):
            # The answers being edited are given: back to the summary.
            del data["editing"]
            step = ComplaintForm.confirm
        await self.save(step, data)
        await self.ask(step, data)

    async def ask(self, step: State, data: dict[str, Any]) -> None:
        """The question of a step, with its buttons."""
        name = _name(step)
        t = self.t
        number = format_number(ORDER.index(step) + 1, t.locale)
        total = format_number(len(ORDER), t.locale)
        if step == ComplaintForm.subject:
            await self.say("ask-subject", subjects(t), n=number, total=total)
        elif step == ComplaintForm.attachments:
            await self.say(
                "ask-attachments",
                nav(t, name, "done"),
                n=number,
                total=total,
                max=format_number(self.settings.max_attachments, t.locale),
            )
        elif step == ComplaintForm.contact:
            await self.say("ask-contact", contact_keyboard(t), n=number, total=total)
        elif step == ComplaintForm.confirm:
            answers = service.ComplaintData.from_form(data)
            shown = service.summary(answers, t, self.profile)
            await self.message.answer(shown.text, reply_markup=summary(t))
            if shown.cut:
                await self.message.answer(service.description_in_full(answers, t, self.profile))
        else:
            markup = nav(t, name, *SKIPPABLE[name]) if name in SKIPPABLE else None
            await self.say(
                f"ask-{name.replace('_', '-')}",
                markup,
                n=number,
                total=total,
                max=format_number(self.settings.description_max_chars, t.locale),
            )


def _edit_end(editing: Any) -> State:
    """The last step of the answers being edited (a draft may hold an older `True`)."""
    return next((s for s in ORDER if _name(s) == editing), ComplaintForm.business_name)


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
    answers = dict(draft.data)
    if await form.state.get_state() != step.state:
        await form.state.set_state(step)
        await form.state.set_data(answers)
    await form.ask(step, answers)


async def start_form(form: Form, prefilled: dict[str, Any]) -> None:
    """Open a fresh form, possibly with answers known already (a business from a lookup)."""
    if not prefilled.get("business_name"):
        step = ComplaintForm.business_name
    elif not prefilled.get("website"):
        step = ComplaintForm.website
    else:
        step = ComplaintForm.licence
    await form.goto(step, prefilled)


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
        await form.save(step, dict(draft.data))
        await form.ask(step, dict(draft.data))
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
    """The answer a text step keeps, by the rule of its field."""
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
        result = service.check_order_date(text, tehran_today(form.clock.now()))
        return "order_date", result.isoformat() if isinstance(result, date) else result
    return "order_amount", service.check_order_amount(text)


async def text_answer(message: Message, raw_state: str, state: FSMContext, ctx: Ctx) -> None:
    """A typed answer: kept if it passes its rule, else the rule is explained."""
    form = Form(message, state, ctx)
    field, result = _check(raw_state, message.text or "", form)
    await _take(form, result, field)


async def _take(form: Form, result: Any, field: str) -> None:
    if isinstance(result, service.Invalid):
        args = {
            name: format_number(value, form.t.locale) if isinstance(value, int) else value
            for name, value in result.args.items()
        }
        await form.say(result.key, None, **args)
        return
    await form.advance(**{field: result})


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
    empty: dict[str, Any] = {
        "licence": {"licence_number": None},
        "order_number": {"order_number": None, "order_date": None, "order_amount": None},
        "order_date": {"order_date": None},
        "order_amount": {"order_amount": None},
    }[callback_data.step]
    await form.advance(**empty)


def _name_of(state: str | None) -> str:
    return (state or "").rsplit(":", 1)[-1]


async def subject(
    query: CallbackQuery, callback_data: SubjectChoice, state: FSMContext, ctx: Ctx
) -> None:
    """The subject, from its button."""
    if not isinstance(query.message, Message):
        return
    form = Form(query.message, state, ctx)
    if await form.state.get_state() != ComplaintForm.subject.state:
        await acknowledge(query, form.t, form.profile, "form-stale-button")
        return
    await acknowledge(query, form.t, form.profile)
    await drop_buttons(query)
    await form.advance(subject=Subject(callback_data.subject).value)


def _or_empty(message: Message, key: str) -> str:
    """The answer to a message at a step of buttons: `key`, or the empty answer's text when
    the message is words that show nothing."""
    return "input-empty" if message.text is not None and is_blank(message.text) else key


async def subject_typed(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """Words where a subject button was expected: show the buttons again."""
    form = Form(message, state, ctx)
    await form.say(_or_empty(message, "form-choose-button"), subjects(form.t))


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
        await form.advance(attachments=items)
        return
    await form.save(ComplaintForm.attachments, answers)
    await form.say(
        "attachment-received",
        nav(form.t, "attachments", "done"),
        count=format_number(len(items), form.t.locale),
        max=format_number(limit, form.t.locale),
    )


async def attachments_done(query: CallbackQuery, state: FSMContext, ctx: Ctx) -> None:
    if not isinstance(query.message, Message):
        return
    form = Form(query.message, state, ctx)
    if await form.state.get_state() != ComplaintForm.attachments.state:
        await acknowledge(query, form.t, form.profile, "form-stale-button")
        return
    await acknowledge(query, form.t, form.profile)
    await drop_buttons(query)
    answers = await form.state.get_data()
    await form.advance(attachments=answers.get("attachments", []))


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
    await form.advance()


async def contact_wrong(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """A typed number is not a verified one: only the button will do."""
    form = Form(message, state, ctx)
    await form.say(_or_empty(message, "contact-use-button"), contact_keyboard(form.t))


# --- summary, edit, confirm ---------------------------------------------------------------


async def summary_action(
    query: CallbackQuery, callback_data: FormNav, state: FSMContext, ctx: Ctx
) -> None:
    """Confirm, edit or cancel from the summary; a second tap files nothing twice."""
    if not isinstance(query.message, Message):
        return
    form = Form(query.message, state, ctx)
    if await form.state.get_state() != ComplaintForm.confirm.state:
        await acknowledge(query, form.t, form.profile, "form-stale-button")
        await drop_buttons(query)
        return
    action = callback_data.action
    if action == "edit":
        await acknowledge(query, form.t, form.profile)
        await drop_buttons(query)
        await form.say("edit-choose", edit_fields(form.t))
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
    if not isinstance(query.message, Message):
        return
    form = Form(query.message, state, ctx)
    if await form.state.get_state() != ComplaintForm.confirm.state:
        await acknowledge(query, form.t, form.profile, "form-stale-button")
        return
    await acknowledge(query, form.t, form.profile)
    await drop_buttons(query)
    answers = await form.state.get_data()
    step = EDIT_TARGET[callback_data.field]
    answers["editing"] = _name(EDIT_LAST.get(callback_data.field, step))
    if step == ComplaintForm.attachments:
        answers["attachments"] = []
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
