"""Certificate requests: staff register and move them, admins import them from a file; an
applicant may dispute one."""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, Filter, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ForceReply, InlineKeyboardMarkup, Message

from handlers.complaints import MAX_FILE_BYTES, begin_with, remind
from handlers.kit.callbacks import CertAction, CertDocuments, CertDocumentsDone, CertPaid
from handlers.kit.context import Ctx
from handlers.kit.gates import AdminOnly
from handlers.kit.keyboards import MENU_KEYS, from_buttons, inline
from handlers.kit.ui import acknowledge, drop_buttons, reply, usage
from handlers.licences import import_document
from handlers.staff import StaffOnly
from models.tables import CertificateRequest
from services import certificates as service
from services import people
from services.cases import LIST_LIMIT
from services.certificate_import import documents_due_at
from services.desk import ChatRef, Queue
from services.formatting import format_code, format_datetime, format_number, format_phone
from services.names import CERT_STATUSES, VERBS
from services.normalize import (
    as_written,
    is_blank,
    parse_jalali_or_gregorian_date,
)
from services.outbox import FileRef, Method
from services.texts import LOCALES, Rendered, texts
from services.tracking import parse_code

_NEEDS_INPUT = {
    service.CertStatus.ISSUED: "link",
    service.CertStatus.REJECTED: "reason",
    service.CertStatus.DOCUMENTS_INCOMPLETE: "missing",
}


# `/cert import`, the caption of a file of requests an admin sends (or the command alone).
_IMPORT = re.compile(r"(?i)^\s*import\b")
# The IT Organization of Iran, whose service desk issues the certificate.
DISPUTE_SITE = "ito.gov.ir"
# Commands and the menu's buttons are never a document's words: they are handled as such.
_ASIDE = F.text.startswith("/") | F.text.in_(
    {texts(locale).plain(key) for locale in LOCALES for key in MENU_KEYS}
)
# Its seat, as the union's reports count complaints by the respondent's province.
DISPUTE_PROVINCE = "تهران"


class CertInput(StatesGroup):
    """What a clerk is asked to type for a request: the link, the reason, the missing list."""

    details = State()


def parse_missing(text: str) -> tuple[datetime | None, tuple[str, ...]]:
    """`DATE doc one; doc two`: the day the documents are due (end of that day, Tehran) and
    the documents, separated by `;`, `؛`, `،` or new lines."""
    raw_day, _, rest = text.strip().partition(" ")
    day = parse_jalali_or_gregorian_date(raw_day)
    due = documents_due_at(day) if day else None
    items = [as_written(item) for item in re.split(r"[;؛،\n]", rest)]
    return due, tuple(item for item in items if not is_blank(item))


def _change(target: service.CertStatus, details: str) -> service.Change:
    if target is service.CertStatus.DOCUMENTS_INCOMPLETE:
        due, missing = parse_missing(details)
        return service.Change(target, missing=missing, documents_due=due)
    given = None if is_blank(details) else as_written(details)
    if target is service.CertStatus.ISSUED:
        return service.Change(target, link=given)
    if target is service.CertStatus.REJECTED:
        return service.Change(target, reason=given)
    return service.Change(target)


async def cert_command(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/cert new PHONE | PRODUCT | APPLICANT`, `/cert CODE`, `/cert CODE STATUS [details]`:
    the verb and the status by any of their names (`services.names`: «تازه», «بررسی», «رد»).
    Alone, or given what it cannot use, how the command is used."""
    args = (command.args or "").strip()
    if _IMPORT.match(args):
        # The file itself goes with the command as its caption: see import_document.
        await reply(message, ctx.t, ctx.profile, "cert-import-send-file")
        return
    verb = VERBS.leading(args.partition("|")[0]) if args else None
    if verb is not None and verb[0] == "new":
        parts = [part.strip() for part in args.split("|")]
        parts[0] = verb[1]
        if len(parts) != 3:
            await usage(message, ctx.t, ctx.profile, "cert")
            return
        created = await service.create(
            ctx.repo,
            applicant_name=parts[2],
            phone_text=parts[0],
            product_name=parts[1],
            by=ctx.user,
            role=ctx.role.value,
            now=ctx.clock.now(),
            config=ctx.settings.config,
        )
        if isinstance(created, service.Refusal):
            await reply(message, ctx.t, ctx.profile, created.key)
            return
        await _show(message, created, ctx, "cert-created")
        return
    code_text, _, rest = args.partition(" ")
    request = await _request_named(message, ctx, code_text)
    if request is None:
        return
    if is_blank(rest):
        await _show(message, request, ctx, "cert-staff-card")
        return
    named = CERT_STATUSES.leading(rest)
    if named is None:
        await usage(message, ctx.t, ctx.profile, "cert")
        return
    change = _change(service.CertStatus(named[0]), named[1])
    await _move(message, ctx, request, change)


async def _request_named(message: Message, ctx: Ctx, text: str) -> CertificateRequest | None:
    """The request `/cert` names by its code; else the usage, after what was wrong."""
    if is_blank(text):
        await usage(message, ctx.t, ctx.profile, "cert")
        return None
    code = parse_code(text)
    if code is None:
        await usage(message, ctx.t, ctx.profile, "cert", "staff-not-a-code", text=text)
        return None
    request = await ctx.repo.certificates.by_code(code.digits)
    if request is None:
        shown = format_code(code, ctx.t.locale)
        await usage(message, ctx.t, ctx.profile, "cert", "cert-unknown", code=shown)
    return request


async def _show(message: Message, request: CertificateRequest, ctx: Ctx, key: str) -> None:
    """The request's card where the clerk is; in the certificates staff chat it becomes the
    card that the applicant's documents and word of payment answer."""
    sent = await message.answer(
        ctx.t.render(
            ctx.profile,
            key,
            details=service.describe(request, ctx.t, ctx.profile),
            phone=format_phone(request.applicant_phone, ctx.t.locale),
        ),
        reply_markup=from_buttons(service.staff_buttons(request, ctx.t)),
    )
    here = ChatRef(ctx.bot.platform, message.chat.id)
    if here == ctx.settings.config.staff_chat(Queue.CERTIFICATES):
        service.card_shown(request, here, sent.message_id)
        await ctx.repo.commit()


async def _move(
    message: Message,
    ctx: Ctx,
    request: CertificateRequest,
    change: service.Change,
) -> None:
    result = await service.change_status(
        ctx.repo,
        request,
        change,
        by=ctx.user,
        role=ctx.role.value,
        now=ctx.clock.now(),
        config=ctx.settings.config,
    )
    if isinstance(result, service.Refusal):
        # What may follow the request's status, read before the rollback expires it.
        allowed = sorted(service.MOVES[service.CertStatus(request.status)])
        await ctx.repo.rollback()
        if result.key != "cert-illegal":
            await reply(message, ctx.t, ctx.profile, result.key)
        elif allowed:
            statuses = CERT_STATUSES.known(ctx.t, allowed)
            await reply(message, ctx.t, ctx.profile, "cert-illegal-allowed", statuses=statuses)
        else:
            await reply(message, ctx.t, ctx.profile, "cert-illegal-final")
        return
    await _show(message, result, ctx, "cert-moved")


async def cert_button(
    query: CallbackQuery,
    callback_data: CertAction,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """A status button under a request; one drawn for an earlier status changes nothing."""
    if not isinstance(query.message, Message):
        return
    request = await ctx.repo.certificates.by_id(callback_data.request_id, for_update=True)
    if request is None or request.status != callback_data.seen:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        return
    await acknowledge(query, ctx.t, ctx.profile)
    target = service.CertStatus(callback_data.target)
    needed = _NEEDS_INPUT.get(target)
    if needed is not None:
        await state.set_state(CertInput.details)
        await state.set_data(
            {"request_id": request.id, "target": target.value, "seen": request.status}
        )
        await query.message.answer(
            ctx.t.render(
                ctx.profile, f"cert-prompt-{needed}", code=format_code(request.code, ctx.t.locale)
            ),
            reply_markup=ForceReply(selective=True),
        )
        return
    await _move(
        query.message,
        ctx,
        request,
        service.Change(target),
    )


async def typed_details(
    message: Message,
    state: FSMContext,
    ctx: Ctx,
) -> None:
    """The link, reason or missing list a clerk was asked for; words that show nothing are
    asked again."""
    if is_blank(message.text or ""):
        await reply(message, ctx.t, ctx.profile, "input-empty")
        return
    data = await state.get_data()
    await state.clear()
    request = await ctx.repo.certificates.by_id(int(data["request_id"]), for_update=True)
    if request is None or request.status != data["seen"]:
        await reply(message, ctx.t, ctx.profile, "form-stale-button")
        return
    change = _change(service.CertStatus(data["target"]), message.text or "")
    await _move(message, ctx, request, change)


async def dispute(message: Message, command: CommandObject, state: FSMContext, ctx: Ctx) -> None:
    """`/dispute CODE`: a complaint about a certificate request, linked to it (DOMAIN.md §3:
    disputes go first to negotiation, else to a complaint reviewed by a committee)."""
    t, profile = ctx.t, ctx.profile
    if not command.args:
        await reply(message, t, profile, "cert-dispute-usage")
        return
    request = await service.owned_request(ctx.repo, ctx.user, command.args)
    if request is None:
        await reply(message, t, profile, "track-not-found")
        return
    await reply(
        message, t, profile, "cert-dispute-intro", code=format_code(request.code, t.locale)
    )
    prefilled = {
        "business_name": t.plain("cert-dispute-business"),
        "website": DISPUTE_SITE,
        "province": DISPUTE_PROVINCE,
        "certificate_id": request.id,
    }
    await begin_with(message, state, ctx, prefilled)


async def import_refused(
    message: Message,
    ctx: Ctx,
) -> None:
    """`/cert import` from someone who is not an admin: said politely, audited, not done."""
    people.audit(ctx.repo, ctx.person, "refused", ctx.clock.now(), detail="/cert import")
    await ctx.repo.commit()
    await reply(message, ctx.t, ctx.profile, "cert-import-admin-only")


# --- the applicant: documents and the fee -----------------------------------------------------


class CertDocumentsForm(StatesGroup):
    """The applicant sends the documents of a request, file after file."""

    files = State()


# In the conversation's data: the request the files go to, and files kept while the applicant
# chooses which request they are for.
REQUEST_KEY = "cert_request"
PENDING_KEY = "cert_pending"
PENDING_MAX = 10


def _document_of(message: Message, ctx: Ctx) -> service.Document | None:
    """A photo or a document as the request keeps it, the words beside it as written."""
    platform = str(ctx.bot.platform)
    caption = (message.caption or "").strip()
    if message.photo:
        best = message.photo[-1]
        return service.Document(Method.PHOTO, FileRef(platform, best.file_id, None), caption)
    if message.document:
        document = message.document
        file = FileRef(platform, document.file_id, document.file_name)
        return service.Document(Method.DOCUMENT, file, caption)
    return None


def _too_large(message: Message) -> bool:
    """Beyond what a bot may download, a file cannot cross to the staff chat's platform."""
    sizes = [message.document.file_size if message.document else None]
    if message.photo:
        sizes.append(message.photo[-1].file_size)
    return any(size is not None and size > MAX_FILE_BYTES for size in sizes)


def _done_button(ctx: Ctx, request: CertificateRequest) -> InlineKeyboardMarkup:
    data = CertDocumentsDone(request_id=request.id).pack()
    return inline([[(ctx.t.plain("cert-button-documents-done"), data)]])


async def documents_chosen(
    query: CallbackQuery, callback_data: CertDocuments, state: FSMContext, ctx: Ctx
) -> None:
    """«Send the documents» under a notice (or the request chosen for files sent already):
    the files that follow go to that request."""
    if not isinstance(query.message, Message):
        return
    request = await service.own_request(ctx.repo, ctx.user, callback_data.request_id)
    if request is None:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        return
    await acknowledge(query, ctx.t, ctx.profile)
    data = await state.get_data()
    kept = [_kept(item) for item in data.get(PENDING_KEY, [])]
    await state.update_data({PENDING_KEY: []})
    if kept:
        await drop_buttons(query)
    if not await _open_documents(query.message, state, ctx, request, ask=not kept):
        return
    for document in kept:
        await _take_document(query.message, ctx, request, document)


async def _open_documents(
    message: Message,
    state: FSMContext,
    ctx: Ctx,
    request: CertificateRequest,
    *,
    ask: bool = True,
) -> bool:
    """The conversation takes files for this request; a request decided takes none."""
    if request.status in service.FINAL:
        status = ctx.t.plain(f"cert-status-{request.status}")
        code = format_code(request.code, ctx.t.locale)
        await reply(message, ctx.t, ctx.profile, "cert-documents-closed", code=code, status=status)
        return False
    await state.set_state(CertDocumentsForm.files)
    await state.update_data({REQUEST_KEY: request.id})
    if ask:
        t = ctx.t
        missing = "\n".join(
            t.render(ctx.profile, "cert-missing-line", document=item)
            for item in request.missing_documents
        )
        key = "cert-documents-ask-list" if missing else "cert-documents-ask"
        await reply(
            message,
            t,
            ctx.profile,
            key,
            _done_button(ctx, request),
            code=format_code(request.code, t.locale),
            documents=Rendered(missing),
            due=format_datetime(request.documents_due_at, t.locale)
            if request.documents_due_at
            else t.plain("value-no-deadline"),
        )
    return True


async def _take_document(
    message: Message, ctx: Ctx, request: CertificateRequest, document: service.Document
) -> None:
    count = await service.add_document(
        ctx.repo, request, ctx.user, document, ctx.clock.now(), ctx.settings.config
    )
    await reply(
        message,
        ctx.t,
        ctx.profile,
        "cert-document-received",
        _done_button(ctx, request),
        code=format_code(request.code, ctx.t.locale),
        n=format_number(count, ctx.t.locale),
    )


async def _request_in_form(
    message: Message, state: FSMContext, ctx: Ctx
) -> CertificateRequest | None:
    """The request the form takes files for, while it is the applicant's and undecided."""
    data = await state.get_data()
    request = await service.own_request(ctx.repo, ctx.user, int(data.get(REQUEST_KEY) or 0))
    if request is not None and request.status not in service.FINAL:
        return request
    await _close_form(state)
    if request is None:
        await reply(message, ctx.t, ctx.profile, "track-not-found")
    else:
        status = ctx.t.plain(f"cert-status-{request.status}")
        code = format_code(request.code, ctx.t.locale)
        await reply(message, ctx.t, ctx.profile, "cert-documents-closed", code=code, status=status)
    return None


async def _close_form(state: FSMContext) -> None:
    data = await state.get_data()
    data.pop(REQUEST_KEY, None)
    await state.set_data(data)
    await state.set_state(None)


async def document_sent(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """A photo or a document for the request: to the certificates staff chat, under its card."""
    request = await _request_in_form(message, state, ctx)
    if request is None:
        return
    if _too_large(message):
        await reply(message, ctx.t, ctx.profile, "cert-file-too-large", _done_button(ctx, request))
        return
    document = _document_of(message, ctx)
    assert document is not None  # the filter admits photos and documents only
    await _take_document(message, ctx, request, document)


async def not_a_document(message: Message, state: FSMContext, ctx: Ctx) -> None:
    """Words or a sticker while documents are awaited: what is wanted, and how to finish."""
    request = await _request_in_form(message, state, ctx)
    if request is None:
        return
    code = format_code(request.code, ctx.t.locale)
    done = _done_button(ctx, request)
    await reply(message, ctx.t, ctx.profile, "cert-documents-not-file", done, code=code)


async def documents_done(
    query: CallbackQuery, callback_data: CertDocumentsDone, state: FSMContext, ctx: Ctx
) -> None:
    """«Done»: the staff are told how many files came; a form left open goes on."""
    pressed = await _own_pressed(query, callback_data.request_id, ctx)
    if pressed is None:
        return
    message, request = pressed
    code = format_code(request.code, ctx.t.locale)
    if await state.get_state() != CertDocumentsForm.files.state:
        await drop_buttons(query)
        await reply(message, ctx.t, ctx.profile, "cert-documents-done-already", code=code)
        return
    count = await service.documents_sent(
        ctx.repo, request, ctx.user, ctx.clock.now(), ctx.settings.config
    )
    if count == 0:
        await reply(message, ctx.t, ctx.profile, "cert-documents-none-yet", code=code)
        return
    await drop_buttons(query)
    await _close_form(state)
    await reply(
        message,
        ctx.t,
        ctx.profile,
        "cert-documents-done",
        code=code,
        count=count,
        n=format_number(count, ctx.t.locale),
    )
    await remind(message, state, ctx)


class AwaitsDocuments(Filter):
    """A photo or document outside any form from someone whose request lacks documents: the
    requests that await them."""

    async def __call__(
        self, message: Message, state: FSMContext, ctx: Ctx
    ) -> bool | dict[str, Any]:
        if not (message.photo or message.document) or ctx.person is None:
            return False
        if await state.get_state() is not None:
            return False
        requests = await service.requests_of(ctx.repo, ctx.user, limit=LIST_LIMIT)
        waiting = [r for r in requests if r.status == service.CertStatus.DOCUMENTS_INCOMPLETE]
        return {"waiting": waiting} if waiting else False


async def document_outside(
    message: Message, waiting: list[CertificateRequest], state: FSMContext, ctx: Ctx
) -> None:
    """A file sent with no form open: for the only request awaiting documents, it goes there;
    with several, it is kept while the applicant chooses."""
    if _too_large(message):
        await reply(message, ctx.t, ctx.profile, "cert-file-too-large")
        return
    document = _document_of(message, ctx)
    assert document is not None  # the filter admits photos and documents only
    if len(waiting) == 1:
        request = waiting[0]
        if await _open_documents(message, state, ctx, request, ask=False):
            await _take_document(message, ctx, request, document)
        return
    data = await state.get_data()
    kept = [*data.get(PENDING_KEY, []), _keep(document)][-PENDING_MAX:]
    await state.update_data({PENDING_KEY: kept})
    rows = [
        [
            (
                ctx.t.plain(
                    "cert-request-button",
                    code=format_code(request.code, ctx.t.locale),
                    product=request.product_name,
                ),
                CertDocuments(request_id=request.id).pack(),
            )
        ]
        for request in waiting
    ]
    await reply(message, ctx.t, ctx.profile, "cert-documents-which", inline(rows))


def _keep(document: service.Document) -> dict[str, Any]:
    return {
        "method": str(document.method),
        "file": asdict(document.file),
        "caption": document.caption,
    }


async def _own_pressed(
    query: CallbackQuery, request_id: int, ctx: Ctx
) -> tuple[Message, CertificateRequest] | None:
    """The message pressed and the applicant's own request its button names, locked for the
    change, the press acknowledged; another's or a gone one is answered as stale."""
    if not isinstance(query.message, Message):
        return None
    request = await service.own_request(ctx.repo, ctx.user, request_id, for_update=True)
    if request is None:
        await acknowledge(query, ctx.t, ctx.profile, "form-stale-button")
        return None
    await acknowledge(query, ctx.t, ctx.profile)
    return query.message, request


def _kept(data: dict[str, Any]) -> service.Document:
    return service.Document(Method(data["method"]), FileRef(**data["file"]), data["caption"])


async def fee_paid(query: CallbackQuery, callback_data: CertPaid, ctx: Ctx) -> None:
    """«I have paid»: the certificates staff are told, once, and confirm it with their move."""
    pressed = await _own_pressed(query, callback_data.request_id, ctx)
    if pressed is None:
        return
    message, request = pressed
    refused = await service.report_payment(
        ctx.repo, request, ctx.user, ctx.clock.now(), ctx.settings.config
    )
    code = format_code(request.code, ctx.t.locale)
    status = ctx.t.plain(f"cert-status-{request.status}")
    if refused is not None:
        await ctx.repo.rollback()
        await reply(message, ctx.t, ctx.profile, refused.key, code=code, status=status)
        return
    await drop_buttons(query)
    await reply(message, ctx.t, ctx.profile, "cert-paid-recorded", code=code)


def make_citizen_router() -> Router:
    """An applicant's own side of a request: its documents, its fee, disputing it."""
    router = Router(name=f"{__name__}.citizen")
    router.message.filter(F.chat.type == "private")
    router.message.register(dispute, Command("dispute"))
    router.callback_query.register(documents_chosen, CertDocuments.filter())
    router.callback_query.register(documents_done, CertDocumentsDone.filter())
    router.callback_query.register(fee_paid, CertPaid.filter())
    router.message.register(document_sent, CertDocumentsForm.files, F.photo | F.document)
    router.message.register(not_a_document, CertDocumentsForm.files, ~_ASIDE)
    return router


def make_documents_router() -> Router:
    """Files sent with no form open, when the relay took none of them: for a request that
    lacks documents. Asked just before the catch-all."""
    router = Router(name=f"{__name__}.documents")
    router.message.filter(F.chat.type == "private")
    router.message.register(document_outside, AwaitsDocuments())
    return router


def make_router() -> Router:
    """Staff-only handlers of certificate requests."""
    router = Router(name=__name__)
    staff = StaffOnly()
    asks_import = Command("cert", magic=F.args.regexp(_IMPORT))
    router.message.register(
        import_document, asks_import, F.chat.type == "private", F.document, AdminOnly()
    )
    router.message.register(import_refused, asks_import, ~AdminOnly())
    router.message.register(cert_command, Command("cert"), staff)
    router.message.register(
        typed_details, StateFilter(CertInput.details), F.text & ~F.text.startswith("/"), staff
    )
    router.callback_query.register(cert_button, CertAction.filter(), staff)
    return router
