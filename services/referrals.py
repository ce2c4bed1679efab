"""Complaints referred to the union by other bodies, registered by staff (DOMAIN.md §1).

A referred complaint arrives as a letter from another body (`services.sources`): the
E-commerce Development Center, a provincial Industry, Mine and Trade Organization, the Chamber
of Guilds, its inspectors under Article 52, or another body named. Staff register it with the
guided form in their chat (`/refer`) or import a file of such letters
(`services.referral_import`); the complaint's answers pass the citizen form's own checks
(`services.complaints`), the letter's pass this module's. Each case gets what a complaint filed
in chat gets: a tracking code, the statutory deadlines, the staff card and thread.

Rules:
- Article 72 counts from receipt: the letter's date, the day the union holds it, starts the
  clock, at that day's opening (the next working day's when it is a day off).
- The letter may name the complainant only by name and mobile. The mobile is kept as every
  phone is (encrypted, found by equality). Whoever verifies that number on the desk, on
  Telegram or Bale, with the platform's contact button, is the complainant: the case is linked
  to their account then (`verify_phone`), or at registration when they verified it before, or
  at the case's next notice (`services.ownership.complainant`), and they are told.
- The receipt of a referred complaint is addressed to the referring body: `receipt_contents`
  says what it holds, in the chat; `receipt_sheet` is its printed form (the citizen's receipt
  laid out by `services.receipt_pdf`, headed to the body), sent into the case's staff thread
  when a clerk registers the letter. An import sends none per letter (a file of hundreds would
  flood the staff chat): one message there sums it up, and `/receipt CODE` gives any referred
  case's printed receipt to staff.
- The case's province is the registry's when the licence it names is found there (the
  business's own province, as in the citizen's form), else the one the answers give, else an
  Industry, Mine and Trade Organization's province.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import PurePath
from typing import Any

from models.repos import Repo
from models.tables import Case, CaseEvent, User
from services import normalize, people, receipt_pdf, relay, respondents
from services.calendar import TEHRAN
from services.casework import cards, clocks
from services.casework.notices import tell_citizen
from services.complaints import EMPTY, ComplaintData, Invalid, Limits, new_complaint
from services.desk import ChatRef, DeskConfig, DeskInfo, Queue
from services.formatting import format_code, format_date, format_datetime, format_number
from services.licences import PROVINCES, canonical_province
from services.outbox import Outgoing, Purpose, enqueue
from services.ownership import complainant, link
from services.platforms import profile_of
from services.settings import Settings
from services.sources import NAMED, ReferringBody, Source, body_text
from services.texts import Texts, texts
from services.tracking import parse_code
from services.workflow import Role, status_label

__all__ = [
    "FORM",
    "NOT_ON_DESK",
    "REFERRED",
    "Letter",
    "Referral",
    "ReferralReceipt",
    "check_body_name",
    "check_complainant_mobile",
    "check_complainant_name",
    "check_letter_date",
    "check_letter_number",
    "clock_from",
    "file_referral",
    "is_referred",
    "limits_of",
    "queue_receipt",
    "receipt_contents",
    "receipt_sheet",
    "register",
    "staff_copy",
    "tell_imported",
    "verify_phone",
]

# The staff's form in progress, as kept in the drafts.
FORM = "referral"
# The history event of a case registered from a referring body's letter.
REFERRED = "referred"
# `cases.platform` of a referred case until its complainant is on the desk.
NOT_ON_DESK = "none"
LETTER_NUMBER_MAX = 64


@dataclass(frozen=True)
class Letter:
    """The referring body's letter: who sent it, its number and its date."""

    body: ReferringBody
    # An Industry, Mine and Trade Organization's province, or another body's name.
    body_name: str | None
    number: str
    date: date


@dataclass(frozen=True)
class Referral:
    """A referred complaint as staff register it: the letter, the complaint, and the
    complainant as far as the letter names them."""

    letter: Letter
    complaint: ComplaintData
    complainant_name: str | None = None
    # E.164, as `normalize.parse_phone` gives it.
    complainant_phone: str | None = None

    @classmethod
    def from_form(cls, data: dict[str, Any]) -> Referral:
        """The answers of the staff's form, as kept in its draft."""
        return cls(
            letter=Letter(
                body=ReferringBody(data["body"]),
                body_name=data.get("body_name"),
                number=data["letter_number"],
                date=date.fromisoformat(data["letter_date"]),
            ),
            complaint=ComplaintData.from_form(data),
            complainant_name=data.get("complainant_name"),
            complainant_phone=data.get("complainant_phone"),
        )


def limits_of(settings: Settings) -> Limits:
    """The bounds of a complaint's answers, as the citizen's form has them."""
    return Limits(
        text_max=settings.text_max_chars,
        description_min=settings.description_min_chars,
        description_max=settings.description_max_chars,
        max_attachments=settings.max_attachments,
    )


# --- the letter's answers ----------------------------------------------------------------------


def check_body_name(text: str, body: ReferringBody, limits: Limits) -> str | Invalid:
    """An Industry, Mine and Trade Organization's province (its official name), or another
    body's name as written (2 to `text_max` characters)."""
    if normalize.is_blank(text):
        return EMPTY
    if body is ReferringBody.INDUSTRY_ORGANIZATION:
        province = canonical_province(text)
        return province if province is not None else Invalid("referral-province-unknown")
    value = normalize.normalize_text(text)
    if not 2 <= len(value) <= limits.text_max:
        return Invalid("referral-body-name-length", {"max": limits.text_max})
    return value


def check_letter_number(text: str) -> str | Invalid:
    """A letter number as the letter prints it (۱۲۳۴/ص/۱۴۰۵): at least one digit, at most
    LETTER_NUMBER_MAX characters; kept as written."""
    if normalize.is_blank(text):
        return EMPTY
    value = normalize.normalize_text(text)
    digits = normalize.to_ascii_digits(value)
    if len(value) > LETTER_NUMBER_MAX or not any(char.isdigit() for char in digits):
        return Invalid("referral-letter-number-invalid", {"max": LETTER_NUMBER_MAX})
    return value


def check_letter_date(text: str, today: date) -> date | Invalid:
    """The letter's date, Jalali or Gregorian, not in the future."""
    if normalize.is_blank(text):
        return EMPTY
    value = normalize.parse_jalali_or_gregorian_date(text)
    if value is None:
        return Invalid("referral-letter-date-invalid")
    if value > today:
        return Invalid("referral-letter-date-future")
    return value


def check_complainant_name(text: str, limits: Limits) -> str | Invalid:
    """The complainant's name as the letter gives it."""
    if normalize.is_blank(text):
        return EMPTY
    value = normalize.normalize_text(text)
    if not 2 <= len(value) <= limits.text_max:
        return Invalid("referral-complainant-name-length", {"max": limits.text_max})
    return value


def check_complainant_mobile(text: str) -> str | Invalid:
    """The complainant's mobile in any usual spelling (09…, +98…, Persian digits)."""
    if normalize.is_blank(text):
        return EMPTY
    phone = normalize.parse_phone(text)
    return phone if phone is not None else Invalid("referral-mobile-invalid")


# --- registering ------------------------------------------------------------------------------


def clock_from(letter_date: date) -> datetime:
    """The instant a letter is taken as received: the start of its day, Tehran time (the
    calendar moves the clock's start to the office's opening)."""
    return datetime.combine(letter_date, time.min, tzinfo=TEHRAN)


async def register(
    repo: Repo,
    referral: Referral,
    *,
    by: User | None,
    role: Role,
    config: DeskConfig,
    now: datetime,
    note: str | None = None,
    receipt: bool = True,
) -> Case:
    """Register a referred complaint in the caller's transaction: the case awaiting expert
    review, its deadlines counted from the letter's date, its history event (by `by`, with
    `note`: an import's file), its respondent (the registry's licence it names, whose holder
    on the desk is told), its thread and card in the complaints staff chat, and there its
    printed receipt for the referring body unless `receipt` is False (an import's); linked to
    the account that verified the complainant's mobile, if there is one, who is told."""
    letter, data = referral.letter, referral.complaint
    calendar = await clocks.calendar_for(repo, config)
    licence = await respondents.licence_named(repo, data.licence_number, data.website)
    case = await new_complaint(
        repo,
        data,
        citizen_id=None,
        contact_name=referral.complainant_name or "",
        contact_phone=referral.complainant_phone,
        platform=NOT_ON_DESK,
        locale=config.staff_locale,
        received_at=now,
        clock_started_at=calendar.clock_start(clock_from(letter.date)),
        status_changed_at=now,
        province=_province(referral, licence.province if licence is not None else None),
        source_kind=Source.REFERRAL,
        source_body=letter.body,
        source_body_name=letter.body_name if letter.body in NAMED else None,
        letter_number=letter.number,
        letter_date=letter.date,
    )
    clocks.refresh_deadlines(case, await clocks.policy_for(repo, case.queue), calendar, config)
    repo.cases.add(case)
    await repo.session.flush()
    repo.cases.add_event(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=by.id if by else None,
            actor_role=role.value,
            platform=by.platform if by else None,
            action=REFERRED,
            from_status=None,
            to_status=case.status,
            note=note,
        )
    )
    person = await complainant(repo, case, now)
    if person is not None:
        await _tell_found(repo, case, person, now)
    await respondents.on_filed(repo, case, config, now)
    staff_chat = config.staff_chat(Queue.COMPLAINTS)
    if staff_chat is not None:
        relay.open_thread(repo, case, staff_chat, now)
        await cards.post_card(repo, case, person, config, staff_chat, now)
        if receipt:
            queue_receipt(
                repo, case, staff_chat, config, now, dedupe_key=f"referral_receipt:{case.code}"
            )
    return case


def _province(referral: Referral, registry: str | None) -> str | None:
    """The case's province: the registry's licence's, else the answers', else the referring
    Industry, Mine and Trade Organization's; only one of the 31 is kept."""
    letter = referral.letter
    body = letter.body_name if letter.body is ReferringBody.INDUSTRY_ORGANIZATION else None
    chosen = registry or referral.complaint.province or body
    return chosen if chosen in PROVINCES else None


async def file_referral(
    repo: Repo,
    referral: Referral,
    *,
    by: User,
    role: Role,
    config: DeskConfig,
    now: datetime,
) -> Case | None:
    """Register the referral of a clerk's form and commit; the form's draft is claimed first,
    so that a second tap of confirm registers nothing (None)."""
    if not await repo.drafts.claim(by.id, FORM):
        await repo.rollback()
        return None
    case = await register(repo, referral, by=by, role=role, config=config, now=now)
    await repo.commit()
    return case


async def _tell_found(repo: Repo, case: Case, person: User, now: datetime) -> None:
    """The complainant hears that a complaint referred in their name is on the desk, by whom
    and by which letter."""
    t = texts(person.locale or case.locale)
    body = body_text(case.source_body or ReferringBody.OTHER, case.source_body_name, t)
    number = case.letter_number or t.plain("value-not-in-letter")
    await tell_citizen(repo, case, "case-notice-referral-found", now, body=body, number=number)


async def verify_phone(repo: Repo, user: User, phone: str, now: datetime) -> list[Case]:
    """A person's own mobile, shared with the platform's contact button, is verified: every
    referred complaint naming it that is nobody's yet becomes theirs, and they are told of
    each; from then on they are told of every change like any complainant. In the caller's
    transaction."""
    user.phone = phone
    user.phone_verified_at = now
    found = await repo.cases.awaiting_complainant(phone)
    for case in found:
        link(repo, case, user, now)
        await _tell_found(repo, case, user, now)
    return found


# --- the receipt for the file -------------------------------------------------------------------


@dataclass(frozen=True)
class ReferralReceipt:
    """What the receipt of a referred complaint holds (DOMAIN.md §4), addressed to the body
    that referred it: the service, the recipient, the tracking number, date and time, the
    amount taken, the office's details, and the letter it answers."""

    addressee: str
    letter_number: str
    letter_date: date
    service: str
    recipient: str
    code: str
    registered_at: datetime
    amount_rials: int
    status: str
    desk: DeskInfo


def is_referred(case: Case) -> bool:
    """Whether a case was registered from a referring body's letter."""
    return not (case.source_body is None or case.letter_number is None or case.letter_date is None)


def receipt_contents(case: Case, config: DeskConfig, t: Texts) -> ReferralReceipt:
    """The receipt of a referred complaint, in `t`'s language, for the union's file and the
    referring body: the one the citizen's receipt is, addressed to the body and naming its
    letter. The service is free (no fee is taken for a complaint)."""
    if case.source_body is None or case.letter_number is None or case.letter_date is None:
        raise ValueError(f"case {case.code} was not referred by a letter")
    return ReferralReceipt(
        addressee=body_text(case.source_body, case.source_body_name, t),
        letter_number=case.letter_number,
        letter_date=case.letter_date,
        service=t.plain("service-complaint"),
        recipient=people.contact_name(case.contact_name, t) or t.plain("value-not-in-letter"),
        code=format_code(case.code, t.locale),
        registered_at=case.received_at,
        amount_rials=0,
        status=t.plain(status_label(case.status)),
        desk=config.desk,
    )


def receipt_sheet(case: Case, config: DeskConfig, t: Texts) -> receipt_pdf.Sheet:
    """The printed receipt of a referred complaint, addressed to the body that referred it:
    its letter, the tracking code, the business and subject, the statutory step the case is at
    and its deadline, Article 72's deadline, and the desk's details (`receipt_contents`)."""
    receipt = receipt_contents(case, config, t)
    no_deadline = t.plain("value-no-deadline")

    def when(value: datetime | None) -> str:
        return format_datetime(value, t.locale) if value is not None else no_deadline

    return receipt_pdf.printed_sheet(
        case,
        receipt.desk,
        t,
        title=t.plain("referral-pdf-title"),
        addressee=t.plain("referral-pdf-to", addressee=receipt.addressee),
        rows=(
            (
                t.plain("referral-pdf-field-letter"),
                t.plain(
                    "referral-pdf-letter",
                    number=receipt.letter_number,
                    date=format_date(receipt.letter_date, t.locale),
                ),
            ),
            (t.plain("receipt-field-service"), receipt.service),
            (t.plain("referral-pdf-field-complainant"), receipt.recipient),
            (t.plain("receipt-field-code"), receipt.code),
            (t.plain("referral-pdf-field-registered"), when(receipt.registered_at)),
            (t.plain("receipt-field-business"), case.business_name),
            (t.plain("referral-pdf-field-subject"), t.plain(f"subject-{case.subject}")),
            (
                t.plain("referral-pdf-field-step"),
                t.plain(f"step-{case.step}") if case.step else t.plain("value-no-step"),
            ),
            (t.plain("referral-pdf-field-step-due"), when(case.step_due_at)),
            (t.plain("referral-pdf-field-overall-due"), when(case.overall_due_at)),
            (t.plain("receipt-field-amount"), t.plain("amount-free")),
            (t.plain("referral-pdf-field-status"), receipt.status),
        ),
        verify_text=t.plain("referral-pdf-verify"),
        footer=t.plain("referral-pdf-footer"),
        file_name=f"pishkhan-referral-receipt-{case.code}.pdf",
    )


def queue_receipt(
    repo: Repo,
    case: Case,
    chat: ChatRef,
    config: DeskConfig,
    now: datetime,
    *,
    dedupe_key: str | None = None,
) -> None:
    """A referred complaint's printed receipt to a staff chat (into the case's thread), in
    the staff's language, in the caller's transaction."""
    t = texts(config.staff_locale)
    sheet = receipt_sheet(case, config, t)
    caption = t.render(
        profile_of(chat.platform),
        "referral-pdf-caption",
        code=format_code(case.code, t.locale),
        addressee=receipt_contents(case, config, t).addressee,
        number=case.letter_number or t.plain("value-not-in-letter"),
    )
    receipt_pdf.queue_sheet(repo, case, chat, sheet, caption, now, dedupe_key)


def tell_imported(
    repo: Repo, inserted: int, filename: str | None, config: DeskConfig, now: datetime
) -> None:
    """After an import: one message in the complaints staff chat for all the cases it
    registered (each already has its card), saying how to get any one's printed receipt."""
    chat = config.staff_chat(Queue.COMPLAINTS)
    if chat is None or inserted == 0:
        return
    t = texts(config.staff_locale)
    profile = profile_of(chat.platform)
    enqueue(
        repo,
        Outgoing(
            platform=chat.platform,
            chat_id=chat.id,
            text=t.render(
                profile,
                "referral-import-staff-summary",
                n=format_number(inserted, t.locale),
                file=PurePath(filename).name if filename else t.plain("value-unnamed"),
            ),
            parse_mode=profile.parse_mode,
        ),
        now=now,
        purpose=Purpose.STAFF_NOTICE,
    )


async def staff_copy(
    repo: Repo, typed: str, chat: ChatRef, config: DeskConfig, now: datetime
) -> Case | None:
    """`/receipt CODE` from staff: any case's printed receipt to the chat that asked, in the
    staff's language; a referred case's is addressed to the body that referred it, a citizen's
    case's is the citizen's own. None for a code no case has."""
    code = parse_code(typed)
    case = await repo.cases.by_code(code.digits) if code is not None else None
    if case is None:
        return None
    if is_referred(case):
        queue_receipt(repo, case, chat, config, now)
    else:
        receipt_pdf.queue_printed(repo, case, chat, config, now, locale=config.staff_locale)
    await repo.commit()
    return case
