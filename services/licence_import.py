"""Importing the licence registry from a CSV or XLSX file that an admin sends.

The file has one header row, then one licence per row. Headers are matched in English or in
Persian, ignoring case, spaces, half-spaces and punctuation; other columns are ignored:

==============  ===================  =========================================================
field           Persian header       value
==============  ===================  =========================================================
number          شماره پروانه         digits and letters, "/" or "-" between; Persian digits
holder_type     نوع شخص              natural / legal, or حقیقی / حقوقی
holder_name     نام دارنده
holder_phone    تلفن دارنده          optional column and value; a mobile number in any form
business_name   نام کسب‌وکار
websites        وب‌سایت‌ها            one or more, separated by ; ، , or a line break
category        رسته                 the guild category
isic            کد آیسیک             six digits
province        استان                one of the 31 provinces
issued_on       تاریخ صدور           Jalali (1402/05/17) or Gregorian (2023-08-08)
expires_on      تاریخ انقضا          the same
status          وضعیت                valid / expired / suspended / revoked / renewal, or
                                     معتبر / منقضی / تعلیق / ابطال / در حال تمدید
==============  ===================  =========================================================

A missing required column stops the import before anything is written (``report.error``).
Otherwise every row is checked on its own: a bad row is rejected with its row number as the
file shows it (the header is row 1), its column and a message key; the other rows import.
Licences are upserted by number; when a number appears twice, the later row wins and the
earlier one is reported as rejected ("licence-import-duplicate-number").
"""

from __future__ import annotations

import os
import re
from datetime import date

from models.repos.licences import LicenceRepo, LicenceRow
from services.licences import (
    canonical_number,
    canonical_province,
    parse_holder_type,
    parse_status,
)
from services.normalize import (
    parse_phone,
    parse_website_or_app,
    search_key,
    to_ascii_digits,
)
from services.sheet_import import (
    MAX_LISTED_REJECTIONS,
    Cells,
    Column,
    Commit,
    FileProblem,
    ImportProblem,
    ImportReport,
    OpenedSheet,
    Progress,
    ProgressCalls,
    RowProblem,
    RowRejection,
    SheetImport,
    SheetLayout,
    Tally,
    open_sheet,
)

__all__ = [
    "COLUMNS",
    "LAYOUT",
    "MAX_LISTED_REJECTIONS",
    "Column",
    "ImportProblem",
    "ImportReport",
    "Progress",
    "RowRejection",
    "import_licences",
    "licence_sheet",
]

_TEXT_MAX = 256
_CATEGORY_MAX = 160

COLUMNS = (
    Column("number", ("number", "licence number", "license number", "شماره پروانه")),
    Column("holder_type", ("holder_type", "holder type", "نوع شخص", "نوع دارنده")),
    Column("holder_name", ("holder_name", "holder name", "نام دارنده")),
    Column(
        "holder_phone",
        ("holder_phone", "holder phone", "تلفن دارنده", "موبایل دارنده"),
        required=False,
    ),
    Column(
        "business_name",
        ("business_name", "business name", "نام کسب‌وکار", "نام کسب و کار", "نام تجاری"),
    ),
    Column("websites", ("websites", "website", "sites", "وب‌سایت‌ها", "وب‌سایت", "سایت")),
    Column("category", ("category", "رسته", "رسته شغلی")),
    Column("isic", ("isic", "isic code", "کد آیسیک", "آیسیک")),
    Column("province", ("province", "استان")),
    Column("issued_on", ("issued_on", "issued on", "issue date", "تاریخ صدور")),
    Column("expires_on", ("expires_on", "expires on", "expiry date", "تاریخ انقضا")),
    Column("status", ("status", "وضعیت")),
)
LAYOUT = SheetLayout(COLUMNS, "licence-import")

_SITE_SEPARATORS = re.compile(r"[;؛,،\s]+")
_ISIC = re.compile(r"[0-9]{6}")


# --- checking a row ---------------------------------------------------------------------------


def _sites(cells: Cells) -> tuple[str, ...]:
    raw = cells.required("websites")
    sites: dict[str, None] = {}
    for entry in _SITE_SEPARATORS.split(raw):
        if not entry:
            continue
        site = parse_website_or_app(entry)
        if site is None:
            raise cells.problem("websites", "licence-import-bad-website", value=entry)
        sites[site] = None
    if not sites:
        raise cells.problem("websites", "licence-import-missing-value")
    return tuple(sites)


def _row(cells: Cells, today: date) -> LicenceRow:
    """A valid licence from a row's cells, or :class:`RowProblem` for its first problem."""
    raw_number = cells.required("number")
    number = canonical_number(raw_number)
    if number is None:
        raise cells.problem("number", "licence-import-bad-number", value=raw_number)
    raw_holder = cells.required("holder_type")
    holder_type = parse_holder_type(raw_holder)
    if holder_type is None:
        raise cells.problem("holder_type", "licence-import-bad-holder-type", value=raw_holder)
    holder_name = cells.text("holder_name", _TEXT_MAX)
    raw_phone = cells.optional("holder_phone")
    phone = parse_phone(raw_phone) if raw_phone else None
    if raw_phone and phone is None:
        raise cells.problem("holder_phone", "licence-import-bad-phone", value=raw_phone)
    business_name = cells.text("business_name", _TEXT_MAX)
    sites = _sites(cells)
    category = cells.text("category", _CATEGORY_MAX)
    raw_isic = cells.required("isic")
    isic = to_ascii_digits(raw_isic).replace(" ", "")
    if _ISIC.fullmatch(isic) is None:
        raise cells.problem("isic", "licence-import-bad-isic", value=raw_isic)
    raw_province = cells.required("province")
    province = canonical_province(raw_province)
    if province is None:
        raise cells.problem("province", "licence-import-bad-province", value=raw_province)
    issued_on = cells.date("issued_on")
    if issued_on > today:
        raise cells.problem(
            "issued_on", "licence-import-issued-in-future", value=cells.raw("issued_on")
        )
    expires_on = cells.date("expires_on")
    if expires_on < issued_on:
        raise cells.problem(
            "expires_on", "licence-import-expires-before-issue", value=cells.raw("expires_on")
        )
    raw_status = cells.required("status")
    status = parse_status(raw_status)
    if status is None:
        raise cells.problem("status", "licence-import-bad-status", value=raw_status)
    return LicenceRow(
        number=number,
        holder_type=holder_type.value,
        holder_name=holder_name,
        holder_phone=phone,
        business_name=business_name,
        business_key=search_key(business_name),
        sites=sites,
        category=category,
        isic=isic,
        province=province,
        issued_on=issued_on,
        expires_on=expires_on,
        status=status.value,
    )


# --- the import -------------------------------------------------------------------------------


async def import_licences(
    repo: LicenceRepo,
    source: bytes | str | os.PathLike[str],
    *,
    filename: str | None = None,
    today: date,
    progress: Progress | None = None,
    commit: Commit | None = None,
    batch_size: int = 500,
) -> ImportReport:
    """Import licences from a CSV or XLSX file (a path, or the bytes of a sent document).

    The file is read as :func:`services.sheet_import.open_sheet` says; rows are checked as the
    module docstring says; an issue date after ``today`` is refused.

    Valid rows are upserted ``batch_size`` at a time. After each batch ``commit`` is awaited
    when given — then a large file is written in steps that each hold the database briefly,
    and an interrupted import is resumed by importing the file again — and ``progress(done,
    total)`` is called (awaited if it returns an awaitable) with the data rows read so far and
    the file's data rows. Without ``commit`` nothing is committed: the caller commits once.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, not {batch_size}")
    tally = Tally()
    try:
        sheet = open_sheet(source, filename, LAYOUT)
    except FileProblem as problem:
        return tally.report(problem.problem)
    try:
        return await _import_rows(
            repo,
            sheet,
            tally,
            today=today,
            progress=ProgressCalls(progress),
            commit=commit,
            batch_size=batch_size,
        )
    finally:
        sheet.close()


def licence_sheet(repo: LicenceRepo, *, today: date, commit: Commit | None = None) -> SheetImport:
    """The licence import on ``today``, ready to run on a sent or named file."""

    async def run(content: bytes, filename: str | None, progress: Progress | None) -> ImportReport:
        return await import_licences(
            repo, content, filename=filename, today=today, progress=progress, commit=commit
        )

    return SheetImport(LAYOUT, run)


async def _import_rows(
    repo: LicenceRepo,
    sheet: OpenedSheet,
    tally: Tally,
    *,
    today: date,
    progress: ProgressCalls,
    commit: Commit | None,
    batch_size: int,
) -> ImportReport:
    seen: dict[str, int] = {}
    pending: dict[str, LicenceRow] = {}
    # Numbers written by an earlier batch of this import and now written again by a later row.
    rewritten: set[str] = set()

    async def flush() -> None:
        counts = await repo.upsert_many(list(pending.values()))
        again = len(rewritten & pending.keys())
        tally.inserted += counts.inserted
        tally.updated += counts.updated - again
        rewritten.difference_update(pending)
        pending.clear()
        if commit is not None:
            await commit()

    for line, cells in sheet.records():
        tally.read += 1
        try:
            row = _row(cells, today)
        except RowProblem as problem:
            tally.reject(sheet.rejection(line, problem))
            continue
        earlier = seen.get(row.number)
        if earlier is not None:
            tally.reject(
                RowRejection(
                    earlier,
                    "number",
                    sheet.titles["number"],
                    "licence-import-duplicate-number",
                    {"number": row.number, "later_row": line},
                )
            )
            if pending.pop(row.number, None) is None:
                rewritten.add(row.number)
        seen[row.number] = line
        pending[row.number] = row
        if len(pending) >= batch_size:
            await flush()
            await progress(tally.read, max(sheet.total, tally.read))
    if pending:
        await flush()
    # The file's own count may include rows that turned out blank: the last call says done.
    await progress(tally.read, tally.read)
    return tally.report()
