"""Certificate requests: staff register and move them, admins import them from a file; an
applicant may dispute one."""

from __future__ import annotations

import re
from datetime import datetime

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ForceReply, Message

from handlers.admin import AdminOnly
from handlers.complaints import begin_with
from handlers.kit.callbacks import CertAction
from handlers.kit.context import Ctx
from handlers.kit.keyboards import from_buttons
from handlers.kit.ui import acknowledge, reply
from handlers.licences import import_document
from handlers.staff import StaffOnly
from models.repositories import Repo
from models.tables import CertificateRequest
from services import certificates as service
from services import people
from services.certificate_import import documents_due_at
from services.formatting import format_code, format_phone
from services.normalize import as_written, is_blank, parse_jalali_or_gregorian_date
from services.tracking import parse_code

_VERBS = {
    "review": service.CertStatus.UNDER_REVIEW,
    "fee": service.CertStatus.AWAITING_FEE,
    "issue": service.CertStatus.ISSUED,
    "reject": service.CertStatus.REJECTED,
    "missing": service.CertStatus.DOCUMENTS_INCOMPLETE,
}
_NEEDS_INPUT = {
    service.CertStatus.ISSUED: "link",
    service.CertStatus.REJECTED: "reason",
    service.CertStatus.DOCUMENTS_INCOMPLETE: "missing",
}


# `/cert import`, the caption of a file of requests an admin sends (or the command alone).
_IMPORT = re.compile(r"(?i)^\s*import\b")
# The IT Organization of Iran, whose service desk issues the certificate.
DISPUTE_SITE = "ito.gov.ir"


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
    """`/cert new PHONE | PRODUCT | APPLICANT`, `/cert CODE`, `/cert CODE VERB [details]`."""
    args = (command.args or "").strip()
    if _IMPORT.match(args):
        # The file itself goes with the command as its caption: see import_document.
        await reply(message, ctx.t, ctx.profile, "cert-import-send-file")
        return
    if args.startswith("new"):
        parts = [part.strip() for part in args[3:].split("|")]
        if len(parts) != 3:
            await reply(message, ctx.t, ctx.profile, "cert-new-usage")
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
    request = await _by_code(ctx.repo, code_text)
    if request is None:
        await reply(message, ctx.t, ctx.profile, "cert-not-found")
        return
    verb, _, details = rest.strip().partition(" ")
    if not verb:
        await _show(message, request, ctx, "cert-staff-card")
        return
    target = _VERBS.get(verb.lower())
    if target is None:
        await reply(message, ctx.t, ctx.profile, "cert-usage")
        return
    change = _change(target, details)
    await _move(message, ctx, request, change)


async def _by_code(repo: Repo, text: str) -> CertificateRequest | None:
    code = parse_code(text)
    return await repo.certificates.by_code(code.digits) if code else None


async def _show(message: Message, request: CertificateRequest, ctx: Ctx, key: str) -> None:
    await message.answer(
        ctx.t.render(
            ctx.profile,
            key,
            details=service.describe(request, ctx.t, ctx.profile),
            phone=format_phone(request.applicant_phone, ctx.t.locale),
        ),
        reply_markup=from_buttons(service.staff_buttons(request, ctx.t)),
    )


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
        await ctx.repo.rollback()
        await reply(message, ctx.t, ctx.profile, result.key)
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


def make_citizen_router() -> Router:
    """An applicant's own side of a request: disputing it."""
    router = Router(name=f"{__name__}.citizen")
    router.message.filter(F.chat.type == "private")
    router.message.register(dispute, Command("dispute"))
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
