"""Filing a complaint: the form's answers, their validation, and the submission.

What a complaint needs (DOMAIN.md §1): the business (name, website or app, licence number if
known), subject, description, order number / date / amount where there is one, attachments,
and the complainant's verified contact.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

from models.repos import Repo
from models.tables import Attachment, Case, CaseEvent, User
from services import complaint_form, normalize, personal_data, receipt_pdf, relay, respondents
from services.casework import cards, clocks
from services.days import DayProblem, parse_day
from services.desk import ChatRef, DeskConfig, Queue, Subject
from services.formatting import format_code, format_date, format_datetime, format_number
from services.lengths import Shortened, shorten, utf16_units
from services.licences import canonical_province
from services.money import DEFAULT_UNIT, RIALS_PER_TOMAN, AmountProblem, Money, Unit, parse_money
from services.outbox import Outgoing, Purpose, enqueue
from services.platforms import PlatformProfile, profile_of
from services.texts import Rendered, Texts, texts
from services.tracking import CodeKind, TrackingCode, new_code
from services.workflow import CaseStatus, status_label

FORM = "complaint"
_Args = ParamSpec("_Args")
_Kept = TypeVar("_Kept")
_LICENCE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z/\-]{2,39}$")


@dataclass(frozen=True)
class Limits:
    """Bounds on what a citizen types."""

    text_max: int = 200
    description_min: int = 20
    # In UTF-16 code units, as the platforms count: 3,000 emoji, or 6,000 Persian letters.
    description_max: int = 6000
    max_attachments: int = 5


@dataclass(frozen=True)
class Invalid:
    """An answer the form cannot take: a message key and its values."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)


# An answer that shows nothing (only invisible or formatting characters), at any step.
EMPTY = Invalid("input-empty")


def _refuses_blank(
    check: Callable[Concatenate[str, _Args], _Kept],
) -> Callable[Concatenate[str, _Args], _Kept | Invalid]:
    """A step's rule that first refuses a blank answer as an empty one."""

    @functools.wraps(check)
    def checked(text: str, /, *args: _Args.args, **kwargs: _Args.kwargs) -> _Kept | Invalid:
        return EMPTY if normalize.is_blank(text) else check(text, *args, **kwargs)

    return checked


def _length(text: str, minimum: int, maximum: int, *, key: str) -> Invalid | None:
    """Padding and invisible characters fill no minimum; what is kept, as written, must fit
    the maximum."""
    result = normalize.check_length(text, minimum, maximum)
    if result is normalize.LengthCheck.TOO_SHORT:
        return Invalid(f"{key}-too-short", {"min": minimum})
    if result is normalize.LengthCheck.TOO_LONG or utf16_units(text) > maximum:
        return Invalid(f"{key}-too-long", {"max": maximum, "length": utf16_units(text)})
    return None


@_refuses_blank
def check_business_name(text: str, limits: Limits) -> str | Invalid:
    """A business name: 2 to `text_max` characters, kept as written (its key for matching is
    `normalize.search_key` of it)."""
    value = normalize.as_written(text)
    return _length(value, 2, limits.text_max, key="form-business-name") or value


@_refuses_blank
def check_website(text: str) -> str | Invalid:
    """A website in any form (scheme, www., path, Persian digits) or an app or page handle."""
    value = normalize.parse_website_or_app(text)
    return value if value else Invalid("form-website-invalid")


@_refuses_blank
def check_licence_number(text: str) -> str | Invalid:
    """A licence number: digits and letters with / or -, Persian digits accepted."""
    value = normalize.to_ascii_digits(normalize.normalize_text(text)).replace(" ", "")
    return value if _LICENCE.match(value) else Invalid("form-licence-invalid")


@_refuses_blank
def check_description(text: str, limits: Limits) -> str | Invalid:
    """A description between the configured bounds, kept as written."""
    value = normalize.as_written(text)
    return (
        _length(value, limits.description_min, limits.description_max, key="form-description")
        or value
    )


@_refuses_blank
def check_order_number(text: str, limits: Limits) -> str | Invalid:
    """An order number as the citizen wrote it (the business printed it so)."""
    value = normalize.as_written(text)
    return _length(value, 1, min(limits.text_max, 128), key="form-order-number") or value


@_refuses_blank
def check_order_date(text: str, today: date) -> date | Invalid:
    """An order date as people write it (``services.days``: «۱۴۰۵/۸/۲۵», «۲۵ آبان», «دیروز»),
    not after today."""
    value = parse_day(text, today)
    if value is DayProblem.FUTURE:
        return Invalid("form-order-date-future", {"today": today})
    if value is DayProblem.NO_SUCH_DAY:
        return Invalid("form-order-date-no-such-day")
    if isinstance(value, DayProblem):
        return Invalid("form-order-date-invalid")
    return value


_AMOUNT_PROBLEMS = {
    AmountProblem.UNREADABLE: "form-order-amount-invalid",
    AmountProblem.NOT_POSITIVE: "form-order-amount-not-positive",
    AmountProblem.TOO_LARGE: "form-order-amount-too-large",
    AmountProblem.TWO_UNITS: "form-order-amount-two-units",
    AmountProblem.FRACTION: "form-order-amount-fraction",
}


@_refuses_blank
def check_order_amount(text: str, default: Unit = DEFAULT_UNIT) -> Money | Invalid:
    """An amount as people write it (``services.money``: «۳ میلیون تومان», «۲٬۵۰۰٬۰۰۰ ریال»);
    in `default` (tomans) when no unit is written."""
    value = parse_money(text, default)
    return Invalid(_AMOUNT_PROBLEMS[value]) if isinstance(value, AmountProblem) else value


@_refuses_blank
def check_province(text: str) -> str | Invalid:
    """One of the 31 provinces, typed instead of chosen, in any usual spelling."""
    value = canonical_province(text)
    return value if value is not None else Invalid("form-province-choose")


@dataclass(frozen=True)
class ComplaintData:
    """The answers of a complaint form, as kept in the draft."""

    business_name: str
    website: str | None
    licence_number: str | None
    subject: Subject
    description: str
    order_number: str | None
    order_date: date | None
    order_amount: int | None
    attachments: list[dict[str, Any]]
    certificate_id: int | None = None
    province: str | None = None

    @classmethod
    def from_form(cls, data: dict[str, Any]) -> ComplaintData:
        order_date = data.get("order_date")
        return cls(
            business_name=data["business_name"],
            website=data.get("website"),
            licence_number=complaint_form.licence_number(data),
            subject=Subject(data["subject"]),
            description=data["description"],
            order_number=data.get("order_number"),
            order_date=date.fromisoformat(order_date) if order_date else None,
            order_amount=data.get("order_amount"),
            attachments=list(data.get("attachments", [])),
            certificate_id=data.get("certificate_id"),
            province=complaint_form.province(data),
        )


def amount_text(rials: int, t: Texts) -> str:
    """An amount in rials with Persian separators, and in tomans beside it when whole:
    «۳۰٬۰۰۰٬۰۰۰ ریال (۳٬۰۰۰٬۰۰۰ تومان)»."""
    whole, rest = divmod(rials, RIALS_PER_TOMAN)
    if rest:
        return t.plain("amount-rials", amount=format_number(rials, t.locale))
    return t.plain(
        "amount-rials-tomans",
        rials=format_number(rials, t.locale),
        tomans=format_number(whole, t.locale),
    )


def describe(
    data: ComplaintData, t: Texts, profile: PlatformProfile, *, description: str | None = None
) -> Rendered:
    """The lines that show a complaint's answers in the citizen's summary (with the
    description given, when it is shortened to fit); the subject in plain words, and an
    answer skipped said so in words."""
    none = t.plain("value-not-given")
    return t.render(
        profile,
        "complaint-details",
        business=data.business_name,
        website=data.website or none,
        licence=data.licence_number or none,
        province=data.province or none,
        subject=t.plain(f"subject-{data.subject}-plain"),
        description=data.description if description is None else description,
        order_number=data.order_number or none,
        order_date=format_date(data.order_date, t.locale) if data.order_date else none,
        order_amount=amount_text(data.order_amount, t) if data.order_amount else none,
        attachments=format_number(len(data.attachments), t.locale),
    )


def summary(data: ComplaintData, t: Texts, profile: PlatformProfile) -> Shortened:
    """The citizen's summary of their answers, in one message the platform takes: a
    description too long for it is cut with a note, and shown in full after it."""

    def render(description: str) -> str:
        return t.render(
            profile,
            "complaint-summary",
            details=describe(data, t, profile, description=description),
        )

    note = t.plain("text-cut-note")
    return shorten(profile, render, data.description, profile.text_limit, note=note)


def description_in_full(data: ComplaintData, t: Texts, profile: PlatformProfile) -> Rendered:
    """A description cut in the summary, whole: the sender splits it where it must."""
    return t.render(profile, "complaint-description-full", description=data.description)


async def _unique_code(repo: Repo) -> TrackingCode:
    while True:
        code = new_code(CodeKind.COMPLAINT)
        if not await repo.cases.code_exists(code.digits):
            return code


async def new_complaint(repo: Repo, data: ComplaintData, **filed: Any) -> Case:
    """A complaint awaiting expert review under a tracking code of its own, from the form's
    answers; `filed` says by whom, from where, and when its clock starts."""
    return Case(
        code=(await _unique_code(repo)).digits,
        kind="complaint",
        queue=Queue.COMPLAINTS,
        status=CaseStatus.AWAITING_REVIEW,
        subject=data.subject,
        business_name=data.business_name,
        business_key=normalize.search_key(data.business_name),
        business_url=data.website,
        licence_number=data.licence_number,
        description=data.description,
        description_index=personal_data.description_index(data.description),
        order_number=data.order_number,
        order_date=data.order_date,
        order_amount=data.order_amount,
        closed_by_withdrawal=False,
        objection_used=False,
        **filed,
    )


async def file_complaint(
    repo: Repo, citizen: User, data: ComplaintData, config: DeskConfig, now: datetime
) -> Case | None:
    """File a complaint in one transaction: the draft is claimed first, then the case awaiting
    expert review with its deadlines, its audit event, the citizen's receipt and the staff
    chat's card with the attachments are written. Outside office hours the clock starts at the
    next opening. None when the draft was filed already (a second tap of confirm).
    """
    if not await repo.drafts.claim(citizen.id, FORM):
        await repo.rollback()
        return None
    calendar = await clocks.calendar_for(repo, config)
    case = await new_complaint(
        repo,
        data,
        citizen_id=citizen.id,
        contact_name=citizen.full_name,
        contact_phone=citizen.phone,
        platform=citizen.platform,
        locale=citizen.locale or config.staff_locale,
        received_at=now,
        clock_started_at=calendar.clock_start(now),
        status_changed_at=now,
        certificate_id=data.certificate_id,
        province=data.province,
    )
    clocks.refresh_deadlines(case, await clocks.policy_for(repo, case.queue), calendar, config)
    repo.cases.add(case)
    await repo.session.flush()
    for item in data.attachments:
        repo.cases.add_attachment(
            Attachment(
                case_id=case.id,
                platform=citizen.platform,
                kind=item["kind"],
                file_id=item["file_id"],
                file_unique_id=item["file_unique_id"],
                file_name=item.get("file_name"),
                mime_type=item.get("mime_type"),
                file_size=item.get("file_size"),
            )
        )
    repo.cases.add_event(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=citizen.id,
            actor_role="citizen",
            platform=citizen.platform,
            action="filed",
            from_status=None,
            to_status=case.status,
        )
    )
    queue_receipt(repo, case, citizen, config, now)
    await respondents.on_filed(repo, case, config, now)
    staff_chat = config.staff_chat(Queue.COMPLAINTS)
    if staff_chat is not None:
        relay.open_thread(repo, case, staff_chat, now)
        await cards.post_card(repo, case, citizen, config, staff_chat, now)
    await repo.commit()
    return case


def queue_receipt(
    repo: Repo, case: Case, citizen: User, config: DeskConfig, now: datetime
) -> None:
    """The case's receipt, in the caller's transaction: in the chat, then printed (a PDF).
    DOMAIN.md §4: service, recipient, tracking number, date and time, amount, office; a detail
    of the office never set is said so, not shown as a dash. One of each a case: the outbox
    refuses a second (its dedupe key)."""
    t = texts(case.locale)
    profile = profile_of(citizen.platform)
    text = t.render(
        profile,
        "receipt",
        service=t.plain("service-complaint"),
        name=citizen.full_name or t.plain("value-not-set"),
        code=format_code(case.code, t.locale),
        when=format_datetime(now, t.locale),
        amount=t.plain("amount-free"),
        desk=receipt_pdf.desk_detail(config.desk.name, t),
        desk_licence=receipt_pdf.desk_detail(config.desk.licence_number, t),
        operator=receipt_pdf.desk_detail(config.desk.operator, t),
        address=receipt_pdf.desk_detail(config.desk.address, t),
        status=t.plain(status_label(case.status)),
    )
    enqueue(
        repo,
        Outgoing(
            platform=profile.platform,
            chat_id=citizen.platform_user_id,
            text=text,
            parse_mode=profile.parse_mode,
        ),
        now=now,
        purpose=Purpose.RECEIPT,
        case_id=case.id,
        dedupe_key=f"receipt:{case.code}",
    )
    chat = ChatRef(profile.platform, citizen.platform_user_id)
    receipt_pdf.queue_printed(
        repo, case, chat, config, now, dedupe_key=f"printed_receipt:{case.code}"
    )
