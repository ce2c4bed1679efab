"""Software technical certificate requests (تاییدیه فنی نرم‌افزار), followed by tracking code.

The IT Organization's service-level agreement (DOMAIN.md §3): it delivers within its published
service time once the documents are complete, asks only for the documents it has published,
charges 100,000 rials, and publishes an issued certificate for public access.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from models.repos import Repo
from models.tables import Case, CertificateEvent, CertificateRequest, OutboxMessage, User
from services.casework.clocks import calendar_for
from services.desk import ChatRef, DeskConfig, Queue
from services.formatting import format_code, format_datetime, format_number, format_phone
from services.lengths import split_value, visible_length
from services.normalize import as_written, is_blank, parse_phone, parse_url
from services.outbox import (
    Delivered,
    FileRef,
    Method,
    Outgoing,
    Purpose,
    enqueue,
    enqueue_once,
    person,
    text_for,
)
from services.platforms import Platform, PlatformProfile, profile_of
from services.texts import Rendered, Texts, texts
from services.tracking import CodeKind, TrackingCode, new_code, parse_code
from services.view import Button, ButtonPayload


class CertStatus(StrEnum):
    SUBMITTED = "submitted"
    DOCUMENTS_INCOMPLETE = "documents_incomplete"
    UNDER_REVIEW = "under_review"
    AWAITING_FEE = "awaiting_fee"
    ISSUED = "issued"
    REJECTED = "rejected"


@dataclass(frozen=True)
class CertMove(ButtonPayload):
    """A staff button moving a certificate request to `target`, drawn while it had `seen`."""

    kind: ClassVar[str] = "cert"

    request_id: int
    target: CertStatus
    seen: CertStatus


@dataclass(frozen=True)
class SendDocuments(ButtonPayload):
    """The applicant's button under a missing-documents notice: send the files to the request."""

    kind: ClassVar[str] = "certdocs"

    request_id: int


@dataclass(frozen=True)
class ReportPayment(ButtonPayload):
    """The applicant's button under the fee notice: they have paid the fee."""

    kind: ClassVar[str] = "certpaid"

    request_id: int


# What the applicant does on a request, as its history keeps it.
DOCUMENT = "document"
DOCUMENTS_SENT = "documents_sent"
FEE_REPORTED = "fee_reported"

_S = CertStatus
# Which status may follow which; issued and rejected are final.
MOVES: dict[CertStatus, frozenset[CertStatus]] = {
    _S.SUBMITTED: frozenset({_S.DOCUMENTS_INCOMPLETE, _S.UNDER_REVIEW, _S.REJECTED}),
    _S.DOCUMENTS_INCOMPLETE: frozenset({_S.UNDER_REVIEW, _S.REJECTED}),
    _S.UNDER_REVIEW: frozenset({_S.DOCUMENTS_INCOMPLETE, _S.AWAITING_FEE, _S.ISSUED, _S.REJECTED}),
    _S.AWAITING_FEE: frozenset({_S.ISSUED, _S.UNDER_REVIEW, _S.REJECTED}),
    _S.ISSUED: frozenset(),
    _S.REJECTED: frozenset(),
}
FINAL = frozenset({_S.ISSUED, _S.REJECTED})


@dataclass(frozen=True)
class Refusal:
    """A change the rules do not allow: a message key."""

    key: str


@dataclass(frozen=True)
class Change:
    """What staff ask: the new status and what it needs."""

    target: CertStatus
    missing: tuple[str, ...] = ()
    documents_due: datetime | None = None
    link: str | None = None
    reason: str | None = None


def check(request: CertificateRequest, change: Change, now: datetime) -> Refusal | None:
    """The rule of each change: incomplete documents name what is missing and by when (in the
    future); an issued certificate has its public link; a rejection has its reason."""
    current = CertStatus(request.status)
    if change.target not in MOVES[current]:
        return Refusal("cert-illegal")
    if change.target is _S.DOCUMENTS_INCOMPLETE and (
        not change.missing or change.documents_due is None or change.documents_due <= now
    ):
        return Refusal("cert-needs-missing")
    if change.target is _S.ISSUED and (not change.link or parse_url(change.link) is None):
        return Refusal("cert-needs-link")
    if change.target is _S.REJECTED and is_blank(change.reason or ""):
        return Refusal("cert-needs-reason")
    return None


async def unique_code(repo: Repo) -> TrackingCode:
    """A certificate tracking code no request has yet."""
    while True:
        code = new_code(CodeKind.CERTIFICATE)
        if await repo.certificates.by_code(code.digits) is None:
            return code


async def create(
    repo: Repo,
    *,
    applicant_name: str,
    phone_text: str,
    product_name: str,
    by: User | None,
    role: str,
    now: datetime,
    config: DeskConfig,
) -> CertificateRequest | Refusal:
    """Register a request as submitted; its due date runs from now (documents assumed
    complete until staff say otherwise)."""
    phone = parse_phone(phone_text, international=True)
    if phone is None:
        return Refusal("cert-bad-phone")
    name, product = as_written(applicant_name), as_written(product_name)
    if is_blank(name) or is_blank(product):
        return Refusal("cert-new-usage")
    calendar = await calendar_for(repo, config)
    code = await unique_code(repo)
    request = CertificateRequest(
        code=code.digits,
        applicant_name=name,
        applicant_phone=phone,
        product_name=product,
        status=CertStatus.SUBMITTED,
        missing_documents=[],
        fee_rials=config.certificate_fee_rials,
        submitted_at=now,
        status_changed_at=now,
        due_at=calendar.add_working_days(now, config.certificate_service_days),
        created_by=by.id if by else None,
    )
    schedule(request, config)
    repo.certificates.add(request)
    await repo.session.flush()
    _event(repo, request, by, role, "submitted", None, now, None)
    await _tell_applicant(repo, request, now, config)
    await repo.commit()
    return request


async def change_status(
    repo: Repo,
    request: CertificateRequest,
    change: Change,
    *,
    by: User | None,
    role: str,
    now: datetime,
    config: DeskConfig,
) -> CertificateRequest | Refusal:
    """Move a request, recompute its due date and alerts, audit it, tell the applicant."""
    refusal = check(request, change, now)
    if refusal is not None:
        return refusal
    before = request.status
    request.status = change.target.value
    request.status_changed_at = now
    calendar = await calendar_for(repo, config)
    note: str | None = None
    if change.target is _S.DOCUMENTS_INCOMPLETE:
        request.missing_documents = [as_written(item) for item in change.missing]
        request.documents_due_at = change.documents_due
        # The service time runs only once the documents are complete.
        request.due_at = None
        note = "; ".join(request.missing_documents)
    elif before == _S.DOCUMENTS_INCOMPLETE:
        request.missing_documents = []
        request.documents_due_at = None
        request.due_at = calendar.add_working_days(now, config.certificate_service_days)
    if change.target is _S.ISSUED:
        request.public_link = change.link
        note = change.link
    if change.target is _S.REJECTED:
        request.rejection_reason = as_written(change.reason or "")
        note = request.rejection_reason
    if change.target in FINAL:
        request.due_at = None
    schedule(request, config)
    _event(repo, request, by, role, "status", before, now, note)
    await _tell_applicant(repo, request, now, config)
    await repo.commit()
    return request


def schedule(request: CertificateRequest, config: DeskConfig) -> None:
    """The next alert: the applicant's reminder before documents are due, or the breach of
    the service time for staff."""
    request.alert_stage = None
    if request.status == _S.DOCUMENTS_INCOMPLETE and request.documents_due_at is not None:
        request.next_alert_at = request.documents_due_at - config.documents_notice
    elif request.due_at is not None and request.status not in FINAL:
        request.next_alert_at = request.due_at
    else:
        request.next_alert_at = None


def _event(
    repo: Repo,
    request: CertificateRequest,
    by: User | None,
    role: str,
    action: str,
    before: str | None,
    now: datetime,
    note: str | None,
) -> None:
    repo.certificates.add_event(
        CertificateEvent(
            request_id=request.id,
            at=now,
            actor_id=by.id if by else None,
            actor_role=role,
            platform=by.platform if by else None,
            action=action,
            from_status=before,
            to_status=request.status,
            note=note,
        )
    )


async def applicants(repo: Repo, request: CertificateRequest) -> list[User]:
    """The accounts that verified the applicant's phone: the only ones who see the request."""
    return await repo.users.with_verified_phone(request.applicant_phone)


async def _tell_applicant(
    repo: Repo, request: CertificateRequest, now: datetime, config: DeskConfig
) -> None:
    for user in await applicants(repo, request):
        enqueue(repo, notice(request, user, config), now=now, purpose=Purpose.CERT_STATUS)


def notice(
    request: CertificateRequest, user: User, config: DeskConfig, *, key: str | None = None
) -> Outgoing:
    """What the applicant is told of their request as it stands: what happened, the request,
    and what comes next, with the buttons that step needs (send the missing documents; pay
    the fee, and say it was paid)."""
    t = texts(user.locale or config.staff_locale)
    profile = profile_of(user.platform)
    status = CertStatus(request.status)
    code = format_code(request.code, t.locale)
    return text_for(
        person(user),
        t,
        "cert-notice",
        buttons=applicant_buttons(request, t, config),
        heading=t.render(profile, key or f"cert-notice-{status}", code=code),
        details=describe(request, t, profile),
        next=t.render(
            profile, f"cert-next-{status}", code=code, url=config.certificate_payment_url
        ),
    )


def applicant_buttons(
    request: CertificateRequest, t: Texts, config: DeskConfig
) -> list[list[Button]]:
    """The applicant's buttons for the step their request is at."""
    status = CertStatus(request.status)
    if status is _S.DOCUMENTS_INCOMPLETE:
        return [[Button(t.plain("cert-button-send-documents"), SendDocuments(request.id))]]
    if status is _S.AWAITING_FEE:
        return [
            [Button(t.plain("cert-button-pay"), url=config.certificate_payment_url)],
            [Button(t.plain("cert-button-paid"), ReportPayment(request.id))],
        ]
    return []


def describe(request: CertificateRequest, t: Texts, profile: PlatformProfile) -> Rendered:
    """A request as its applicant and staff see it; the fee with how it is paid."""
    status = CertStatus(request.status)
    none = t.plain("value-not-given")
    extra: str = ""
    if status is _S.DOCUMENTS_INCOMPLETE:
        extra = t.render(
            profile,
            "cert-missing",
            documents=Rendered(
                "\n".join(
                    t.render(profile, "cert-missing-line", document=item)
                    for item in request.missing_documents
                )
            ),
            due=format_datetime(request.documents_due_at, t.locale)
            if request.documents_due_at
            else t.plain("value-no-deadline"),
        )
    elif status is _S.AWAITING_FEE:
        extra = t.render(
            profile,
            "cert-fee",
            amount=format_number(request.fee_rials, t.locale),
            toman=format_number(request.fee_rials // 10, t.locale),
        )
    elif status is _S.ISSUED:
        extra = t.render(profile, "cert-issued-link", link=request.public_link or none)
    elif status is _S.REJECTED:
        extra = t.render(profile, "cert-rejected-reason", reason=request.rejection_reason or none)
    details = t.render(
        profile,
        "cert-details",
        code=format_code(request.code, t.locale),
        product=request.product_name,
        applicant=request.applicant_name,
        status=t.plain(f"cert-status-{status}"),
        submitted=format_datetime(request.submitted_at, t.locale),
        due=format_datetime(request.due_at, t.locale) if request.due_at else none,
        extra=Rendered(extra),
    )
    # Nothing to add leaves no blank line under the request.
    return Rendered(details.rstrip())


async def owned_request(repo: Repo, user: User, text: str) -> CertificateRequest | None:
    """A request by its code, if this person verified the applicant's phone; else None, the
    same as for an unknown code."""
    code = parse_code(text)
    if code is None or code.kind is not CodeKind.CERTIFICATE:
        return None
    request = await repo.certificates.by_code(code.digits)
    return request if request is not None and owns(user, request) else None


def owns(user: User, request: CertificateRequest) -> bool:
    """Whether this account verified the applicant's phone: only then is the request theirs."""
    return (
        user.phone_verified_at is not None
        and user.phone is not None
        and request.applicant_phone == user.phone
    )


async def own_request(
    repo: Repo, user: User, request_id: int, *, for_update: bool = False
) -> CertificateRequest | None:
    """A request by its id, if it is this person's; else None."""
    request = await repo.certificates.by_id(request_id, for_update=for_update)
    return request if request is not None and owns(user, request) else None


async def requests_of(repo: Repo, user: User, limit: int) -> list[CertificateRequest]:
    """The requests under the person's verified phone, newest first."""
    if user.phone is None or user.phone_verified_at is None:
        return []
    return await repo.certificates.of_phones([user.phone], limit=limit)


def staff_buttons(request: CertificateRequest, t: Texts) -> list[list[Button]]:
    """A button per status the request may move to now."""
    return [
        [
            Button(
                t.plain(f"cert-move-{target}"),
                callback=CertMove(request.id, target, CertStatus(request.status)),
            )
        ]
        for target in sorted(MOVES[CertStatus(request.status)])
    ]


def staff_card(request: CertificateRequest, t: Texts, profile: PlatformProfile) -> Rendered:
    return t.render(
        profile,
        "cert-staff-card",
        details=describe(request, t, profile),
        phone=format_phone(request.applicant_phone, t.locale),
    )


# --- the request's card in the certificates staff chat -----------------------------------------


def card_shown(request: CertificateRequest, chat: ChatRef, message_id: int) -> None:
    """A card of the request shown in its staff chat: what follows about it replies there."""
    request.staff_platform = str(chat.platform)
    request.staff_chat_id = chat.id
    request.staff_message_id = message_id


async def card_delivered(
    repo: Repo, row: OutboxMessage, case: Case | None, delivered: Delivered
) -> None:
    """The card the desk posted for a request (its id after the purpose) is its card now."""
    request_id = (row.purpose or "").rpartition(":")[2]
    request = await repo.certificates.by_id(int(request_id)) if request_id.isdigit() else None
    if request is not None and delivered.message_id is not None:
        card_shown(request, ChatRef(Platform(row.platform), row.chat_id), delivered.message_id)


async def _under_card(
    repo: Repo, request: CertificateRequest, chat: ChatRef, now: datetime, t: Texts
) -> tuple[int | None, int | None]:
    """What a staff message about the request answers: its card in the chat, or the card
    posted now (once) where the chat has none yet, as its outbox row."""
    if (
        request.staff_message_id is not None
        and request.staff_platform == chat.platform
        and request.staff_chat_id == chat.id
    ):
        return request.staff_message_id, None
    card = text_for(
        chat,
        t,
        "cert-staff-card",
        buttons=staff_buttons(request, t),
        details=describe(request, t, profile_of(chat.platform)),
        phone=request.applicant_phone,
    )
    key = f"cert-card:{request.id}:{chat.platform}:{chat.id}"
    await enqueue_once(
        repo, card, now=now, purpose=Purpose.CERT_CARD, detail=str(request.id), dedupe_key=key
    )
    row = await repo.outbox.by_dedupe_key(key)
    return None, row.id if row is not None else None


def _staff_chat(config: DeskConfig) -> tuple[ChatRef, Texts] | None:
    chat = config.staff_chat(Queue.CERTIFICATES)
    return (chat, texts(config.staff_locale)) if chat is not None else None


# --- what the applicant sends: documents, word of a payment -------------------------------------


@dataclass(frozen=True)
class Document:
    """A file the applicant sent, as their platform knows it, with the words beside it."""

    method: Method
    file: FileRef
    caption: str = ""

    def note(self) -> str | None:
        """What the history keeps of it: the file's name, where it has one."""
        return self.file.file_name


async def add_document(
    repo: Repo,
    request: CertificateRequest,
    user: User,
    document: Document,
    now: datetime,
    config: DeskConfig,
) -> int:
    """A document for the request goes to the certificates staff chat under its card (the file
    crosses platforms in the sender), with a header naming the request and the applicant's
    words as they wrote them; it is kept on the request's history. How many documents the
    applicant has sent since the request last changed status."""
    staff = _staff_chat(config)
    if staff is not None:
        chat, t = staff
        profile = profile_of(chat.platform)
        code = format_code(request.code, t.locale)
        reply_to_message_id, reply_to_outbox_id = await _under_card(repo, request, chat, now, t)

        def render(words: str) -> str:
            key = "cert-staff-document-said" if words else "cert-staff-document"
            return t.render(profile, key, code=code, product=request.product_name, words=words)

        def outgoing(method: Method, text: str, file: FileRef | None) -> Outgoing:
            return Outgoing(
                platform=chat.platform,
                chat_id=chat.id,
                text=text,
                parse_mode=profile.parse_mode,
                method=method,
                file=file,
                reply_to_message_id=reply_to_message_id,
                reply_to_outbox_id=reply_to_outbox_id,
            )

        caption = render(document.caption)
        if visible_length(profile, caption) <= profile.caption_limit:
            messages = [outgoing(document.method, caption, document.file)]
        else:
            # Words too long for a caption follow the file, none of them lost.
            messages = [outgoing(document.method, render(""), document.file)]
            messages += [
                outgoing(Method.TEXT, piece, None)
                for piece in split_value(profile, render, document.caption, profile.text_limit)
            ]
        for message in messages:
            enqueue(repo, message, now=now, purpose=Purpose.CERT_DOCUMENT)
    _event(repo, request, user, "citizen", DOCUMENT, request.status, now, document.note())
    await repo.session.flush()
    count = await repo.certificates.count_events(request.id, DOCUMENT, request.status_changed_at)
    await repo.commit()
    return count


async def documents_sent(
    repo: Repo, request: CertificateRequest, user: User, now: datetime, config: DeskConfig
) -> int:
    """The applicant has sent what they had: the staff are told how many files came, under the
    card, with the moves allowed now. How many (none: nothing is told)."""
    count = await repo.certificates.count_events(request.id, DOCUMENT, request.status_changed_at)
    if count == 0:
        return 0
    _event(repo, request, user, "citizen", DOCUMENTS_SENT, request.status, now, str(count))
    await _tell_staff(repo, request, now, config, "cert-staff-documents-sent", count=count)
    await repo.commit()
    return count


async def report_payment(
    repo: Repo, request: CertificateRequest, user: User, now: datetime, config: DeskConfig
) -> Refusal | None:
    """The applicant says they paid the fee: the staff are told under the card, with the moves
    that confirm it (issue) or not; kept on the history. Said once per request awaiting its
    fee; a request not awaiting it is refused."""
    if request.status != _S.AWAITING_FEE:
        return Refusal("cert-paid-not-awaiting")
    if await repo.certificates.count_events(request.id, FEE_REPORTED, request.status_changed_at):
        return Refusal("cert-paid-already")
    _event(repo, request, user, "citizen", FEE_REPORTED, request.status, now, None)
    await _tell_staff(repo, request, now, config, "cert-staff-paid")
    await repo.commit()
    return None


async def _tell_staff(
    repo: Repo,
    request: CertificateRequest,
    now: datetime,
    config: DeskConfig,
    key: str,
    *,
    count: int = 0,
) -> None:
    staff = _staff_chat(config)
    if staff is None:
        return
    chat, t = staff
    reply_to_message_id, reply_to_outbox_id = await _under_card(repo, request, chat, now, t)
    enqueue(
        repo,
        text_for(
            chat,
            t,
            key,
            buttons=staff_buttons(request, t),
            reply_to_message_id=reply_to_message_id,
            reply_to_outbox_id=reply_to_outbox_id,
            code=format_code(request.code, t.locale),
            product=request.product_name,
            amount=format_number(request.fee_rials, t.locale),
            count=count,
            n=format_number(count, t.locale),
        ),
        now=now,
        purpose=Purpose.CERT_STAFF_NOTICE,
    )


SWEEP_BATCH = 500


async def sweep_certificates(repo: Repo, now: datetime, config: DeskConfig) -> int:
    """Reminders before missing documents are due, and service-time breaches; each once."""
    sent = 0
    while True:
        requests = await repo.certificates.due_for_alert(now, SWEEP_BATCH)
        if not requests:
            return sent
        for request in requests:
            sent += await _alert(repo, request, now, config)
        await repo.commit()


async def _alert(
    repo: Repo, request: CertificateRequest, now: datetime, config: DeskConfig
) -> int:
    request.next_alert_at = None
    if request.status == _S.DOCUMENTS_INCOMPLETE and request.documents_due_at is not None:
        if request.alert_stage == "documents" or request.documents_due_at <= now:
            return 0
        request.alert_stage = "documents"
        for user in await applicants(repo, request):
            enqueue(
                repo,
                notice(request, user, config, key="cert-documents-reminder"),
                now=now,
                purpose=Purpose.CERT_DOCUMENTS,
                dedupe_key=f"cert-docs:{request.id}:{request.documents_due_at.isoformat()}:{user.id}",
            )
        return 1
    if request.due_at is None or request.status in FINAL or request.alert_stage == "breach":
        return 0
    request.alert_stage = "breach"
    chat = config.staff_chat(Queue.CERTIFICATES)
    if chat is None:
        return 0
    t = texts(config.staff_locale)
    details = describe(request, t, profile_of(chat.platform))
    enqueue(
        repo,
        text_for(chat, t, "cert-breach", details=details),
        now=now,
        purpose=Purpose.CERT_BREACH,
        dedupe_key=f"cert-breach:{request.id}:{request.due_at.isoformat()}",
    )
    return 1
