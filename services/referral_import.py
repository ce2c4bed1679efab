"""Importing referred complaints from a CSV or XLSX file of letters that an admin sends.

The union receives complaints referred by other bodies as letters (`services.referrals`) and
keeps them in spreadsheets; this registers each as a case, as the staff's `/refer` form does.
The file is read by :mod:`services.sheet_import` (encodings, delimiters, XLSX, headers in
English or Persian ignoring case and spacing); one referred complaint per row:

==================  ===================  ===================================================
field               Persian header       value
==================  ===================  ===================================================
referring_body      نهاد ارجاع‌دهنده      مرکز توسعه تجارت الکترونیکی / سازمان صنعت، معدن و
                                         تجارت استان … / اتاق اصناف / بازرسان ماده ۵۲ / سایر
body_name           نام نهاد یا استان     optional: an organization's province (or in the body
                                         cell after its name), the name of an "other" body
letter_number       شماره نامه
letter_date         تاریخ نامه           Jalali or Gregorian, not in the future: starts the clock
complainant_name    نام شاکی             optional
complainant_mobile  موبایل شاکی          optional; a mobile in any form; stored encrypted
business_name       نام کسب‌وکار
website             وب‌سایت              a website, app or page, as the citizen's form takes it
licence_number      شماره پروانه         optional
subject             موضوع                a subject by its key, its label or a short name
description         شرح شکایت
order_number        شماره سفارش          optional
order_date          تاریخ سفارش          optional; not in the future
order_amount        مبلغ (ریال)          optional; rials, Persian digits and separators
==================  ===================  ===================================================

Every cell passes the same check as in the staff's form, which are the citizen form's own for
the complaint (`services.complaints`). A letter is one complaint about one business: a row
naming a letter (body, its province or name, number, date) and business already registered is
counted as registered before and left alone, so importing a file again registers nothing twice;
the same letter twice in a file is taken from the later row (the earlier is reported). Each new
case gets its code, deadlines from the letter's date, its card in the staff chat and a history
event ``referred`` with the file's name; a complainant whose mobile is verified on the desk is
told, and so is a respondent on the desk. No printed receipt is sent per letter: one message in
the staff chat sums the import up, and `/receipt CODE` there gives any case's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from models.repos import Repo
from models.tables import User
from services import referrals
from services.calendar import tehran_today
from services.complaints import ComplaintData, Invalid, Limits, check_order_amount
from services.complaints import check_business_name as _business_name
from services.complaints import check_description as _description
from services.complaints import check_licence_number as _licence_number
from services.complaints import check_order_date as _order_date
from services.complaints import check_order_number as _order_number
from services.complaints import check_website as _website
from services.desk import DeskConfig, Subject
from services.money import Unit
from services.normalize import search_key
from services.referrals import Letter, Referral
from services.sheet_import import (
    Cells,
    Column,
    Commit,
    FileProblem,
    ImportReport,
    OpenedSheet,
    Progress,
    ProgressCalls,
    RowProblem,
    RowRejection,
    SheetImport,
    SheetLayout,
    Tally,
    has_columns,
    open_sheet,
    read_header,
)
from services.sources import NAMED, parse_body
from services.texts import LOCALES, texts
from services.tracking import TrackingCode
from services.workflow import Role

__all__ = [
    "COLUMNS",
    "LAYOUT",
    "import_referrals",
    "is_referral_file",
    "parse_subject",
    "referral_sheet",
]

COLUMNS = (
    Column(
        "referring_body",
        ("referring_body", "referring body", "body", "نهاد ارجاع‌دهنده", "مرجع ارجاع", "نهاد"),
    ),
    Column(
        "body_name",
        ("body_name", "body name", "province", "نام نهاد یا استان", "نام نهاد", "استان"),
        required=False,
    ),
    Column("letter_number", ("letter_number", "letter number", "شماره نامه")),
    Column("letter_date", ("letter_date", "letter date", "تاریخ نامه")),
    Column(
        "complainant_name",
        ("complainant_name", "complainant name", "complainant", "نام شاکی", "شاکی"),
        required=False,
    ),
    Column(
        "complainant_mobile",
        (
            "complainant_mobile",
            "complainant mobile",
            "complainant phone",
            "موبایل شاکی",
            "تلفن همراه شاکی",
            "شماره همراه شاکی",
        ),
        required=False,
    ),
    Column("business_name", ("business_name", "business name", "business", "نام کسب‌وکار")),
    Column(
        "website",
        ("website", "website or app", "site", "وب‌سایت", "وب‌سایت یا اپلیکیشن"),
    ),
    Column(
        "licence_number",
        ("licence_number", "licence number", "license number", "شماره پروانه"),
        required=False,
    ),
    Column("subject", ("subject", "موضوع", "موضوع شکایت")),
    Column("description", ("description", "شرح شکایت", "شرح")),
    Column("order_number", ("order_number", "order number", "شماره سفارش"), required=False),
    Column("order_date", ("order_date", "order date", "تاریخ سفارش"), required=False),
    Column(
        "order_amount",
        ("order_amount", "order amount", "amount", "مبلغ (ریال)", "مبلغ ریال", "مبلغ"),
        required=False,
    ),
)
LAYOUT = SheetLayout(COLUMNS, "referral-import")

# Short names of the subjects, beside their keys and labels in every language.
_SUBJECT_WORDS: dict[Subject, tuple[str, ...]] = {
    Subject.GUILD_LAW: ("فصل هشتم", "فصل ۸", "chapter 8"),
    Subject.ONLINE_BUSINESS: ("ماده ۵", "article 5", "کسب‌وکار مجازی"),
    Subject.NETWORK_MARKETING: ("ماده ۱۳", "article 13", "بازاریابی شبکه‌ای"),
    Subject.OTHER: ("سایر", "other"),
}
_SUBJECT_KEYS = {
    search_key(word): subject
    for subject in Subject
    for word in (
        subject.value,
        *_SUBJECT_WORDS[subject],
        *(texts(locale).plain(f"subject-{subject.value}") for locale in LOCALES),
    )
}
# Checks of the citizen's form whose words speak of its buttons: a file's own words instead.
_FILE_WORDING = {"form-licence-invalid": "referral-import-bad-licence"}


def parse_subject(text: str) -> Subject | None:
    """A subject by its key (guild_law), its label in either language, or a short name
    (فصل هشتم، ماده ۵، ماده ۱۳، سایر)."""
    return _SUBJECT_KEYS.get(search_key(text))


def is_referral_file(content: bytes, filename: str | None) -> bool:
    """Whether a file's header names every column a file of referred complaints needs; a
    licence registry or certificate requests never do (they have no letter)."""
    return has_columns(read_header(content, filename), LAYOUT)


# --- checking a row ---------------------------------------------------------------------------


def _checked(cells: Cells, name: str, result: Any) -> Any:
    """A value of the form's checks, or the row's problem in that column."""
    if isinstance(result, Invalid):
        raise cells.problem(name, _FILE_WORDING.get(result.key, result.key), **result.args)
    return result


def _order_amount(text: str) -> int | Invalid:
    """The amount the letter gives, in rials unless another unit is written."""
    value = check_order_amount(text, Unit.RIAL)
    return value if isinstance(value, Invalid) else value.rials


def _optional(cells: Cells, name: str, check: Any, *args: Any) -> Any:
    raw = cells.optional(name)
    return _checked(cells, name, check(raw, *args)) if raw else None


def _letter(cells: Cells, today: date, limits: Limits) -> Letter:
    raw_body = cells.required("referring_body")
    parsed = parse_body(raw_body)
    if parsed is None:
        raise cells.problem("referring_body", "referral-import-bad-body", value=raw_body)
    body, named = parsed
    if body not in NAMED:
        named = None
    elif named is None:
        raw_name = cells.optional("body_name")
        if not raw_name:
            raise cells.problem("body_name", f"referral-import-needs-name-{body.value}")
        named = _checked(cells, "body_name", referrals.check_body_name(raw_name, body, limits))
    number = _checked(
        cells,
        "letter_number",
        referrals.check_letter_number(cells.required("letter_number")),
    )
    letter_date = _checked(
        cells,
        "letter_date",
        referrals.check_letter_date(cells.required("letter_date"), today),
    )
    return Letter(body=body, body_name=named, number=number, date=letter_date)


def _row(cells: Cells, today: date, limits: Limits) -> Referral:
    """A valid referral from a row's cells, or :class:`RowProblem` for its first problem."""
    letter = _letter(cells, today, limits)
    name = _optional(cells, "complainant_name", referrals.check_complainant_name, limits)
    phone = _optional(cells, "complainant_mobile", referrals.check_complainant_mobile)
    business = _checked(
        cells, "business_name", _business_name(cells.required("business_name"), limits)
    )
    website = _checked(cells, "website", _website(cells.required("website")))
    licence = _optional(cells, "licence_number", _licence_number)
    raw_subject = cells.required("subject")
    subject = parse_subject(raw_subject)
    if subject is None:
        raise cells.problem("subject", "referral-import-bad-subject", value=raw_subject)
    description = _checked(
        cells, "description", _description(cells.required("description"), limits)
    )
    order_number = _optional(cells, "order_number", _order_number, limits)
    order_date = _optional(cells, "order_date", _order_date, today)
    order_amount = _optional(cells, "order_amount", _order_amount)
    complaint = ComplaintData(
        business_name=business,
        website=website,
        licence_number=licence,
        subject=subject,
        description=description,
        order_number=order_number,
        order_date=order_date,
        order_amount=order_amount,
        attachments=[],
    )
    return Referral(letter, complaint, complainant_name=name, complainant_phone=phone)


def _identity(referral: Referral) -> tuple[str, ...]:
    """What makes two rows one complaint: the letter (body, its province or name, number,
    date) and the business it is about."""
    letter = referral.letter
    return (
        letter.body.value,
        search_key(letter.body_name or ""),
        search_key(letter.number),
        letter.date.isoformat(),
        search_key(referral.complaint.business_name),
    )


# --- the import -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Importer:
    repo: Repo
    by: User | None
    role: Role
    now: datetime
    config: DeskConfig
    note: str | None
    # The letters the desk holds, by body and day: each day's read once an import.
    held: dict[tuple[str, date], set[tuple[str, ...]]] = field(default_factory=dict)

    async def registered(self, referral: Referral) -> bool:
        """Whether the desk holds this letter's complaint already (or this import wrote it)."""
        letter = referral.letter
        day = (letter.body.value, letter.date)
        if day not in self.held:
            self.held[day] = {
                (
                    letter.body.value,
                    search_key(name or ""),
                    search_key(number or ""),
                    letter.date.isoformat(),
                    business,
                )
                for name, number, business in await self.repo.cases.letters_of(*day)
            }
        known = self.held[day]
        if _identity(referral) in known:
            return True
        known.add(_identity(referral))
        return False


async def import_referrals(
    repo: Repo,
    source: bytes | str | os.PathLike[str],
    *,
    filename: str | None = None,
    now: datetime,
    today: date,
    config: DeskConfig,
    limits: Limits,
    by: User | None = None,
    role: Role = Role.SYSTEM,
    progress: Progress | None = None,
    commit: Commit | None = None,
    batch_size: int = 100,
) -> ImportReport:
    """Import referred complaints from a CSV or XLSX file, as the module docstring says.

    Every row is checked first; then cases are registered in batches of ``batch_size``: after
    each ``commit`` is awaited when given (an interrupted import is resumed by importing the
    file again) and ``progress(done, total)`` called. Without ``commit`` the caller commits.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, not {batch_size}")
    tally = Tally()
    try:
        sheet = open_sheet(source, filename, LAYOUT)
    except FileProblem as problem:
        return tally.report(problem.problem)
    try:
        wanted = _checked_rows(sheet, tally, today, limits)
    finally:
        sheet.close()
    importer = _Importer(repo, by, role, now, config, filename)
    calls = ProgressCalls(progress)
    done = tally.rejected
    for line, referral in wanted:
        if await importer.registered(referral):
            tally.unchanged += 1
        else:
            case = await referrals.register(
                repo,
                referral,
                by=importer.by,
                role=importer.role,
                config=importer.config,
                now=importer.now,
                note=importer.note,
                receipt=False,
            )
            tally.inserted += 1
            tally.assigned.append((line, TrackingCode(case.code).display()))
        done += 1
        if done % batch_size == 0:
            if commit is not None:
                await commit()
            await calls(done, tally.read)
    referrals.tell_imported(repo, tally.inserted, filename, config, now)
    if commit is not None:
        await commit()
    await calls(tally.read, tally.read)
    return tally.report()


def _checked_rows(
    sheet: OpenedSheet, tally: Tally, today: date, limits: Limits
) -> list[tuple[int, Referral]]:
    """Every valid row, once per complaint (the later row of two wins), in file order."""
    kept: dict[tuple[str, ...], tuple[int, Referral]] = {}
    for line, cells in sheet.records():
        tally.read += 1
        try:
            referral = _row(cells, today, limits)
        except RowProblem as problem:
            tally.reject(sheet.rejection(line, problem))
            continue
        earlier = kept.pop(_identity(referral), None)
        if earlier is not None:
            tally.reject(
                RowRejection(
                    earlier[0],
                    "letter_number",
                    sheet.titles.get("letter_number"),
                    "referral-import-duplicate-letter",
                    {"later_row": line},
                )
            )
        kept[_identity(referral)] = (line, referral)
    return sorted(kept.values(), key=lambda item: item[0])


def referral_sheet(
    repo: Repo,
    *,
    now: datetime,
    config: DeskConfig,
    limits: Limits,
    by: User | None = None,
    role: Role = Role.SYSTEM,
    commit: Commit | None = None,
) -> SheetImport:
    """The import of referred complaints by ``by`` (an admin; None for the command line) at
    ``now``, ready to run on a sent or named file."""

    async def run(content: bytes, filename: str | None, progress: Progress | None) -> ImportReport:
        return await import_referrals(
            repo,
            content,
            filename=filename,
            now=now,
            today=tehran_today(now),
            config=config,
            limits=limits,
            by=by,
            role=role,
            progress=progress,
            commit=commit,
        )

    return SheetImport(LAYOUT, run)
