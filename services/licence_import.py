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

import csv
import dataclasses
import inspect
import io
import os
import re
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from models.licences import LicenceRepo, LicenceRow
from services.licences import (
    canonical_number,
    canonical_province,
    parse_holder_type,
    parse_status,
)
from services.normalize import (
    normalize_text,
    parse_jalali_or_gregorian_date,
    parse_phone,
    parse_website_or_app,
    search_key,
    to_ascii_digits,
)

__all__ = [
    "COLUMNS",
    "Column",
    "ImportProblem",
    "ImportReport",
    "Progress",
    "RowRejection",
    "import_licences",
]

Progress = Callable[[int, int], Awaitable[None] | None]
Commit = Callable[[], Awaitable[None]]

# Rejections listed in a report; all are counted. Enough to fix a file, small for a chat.
MAX_LISTED_REJECTIONS = 1000
_TEXT_MAX = 256
_CATEGORY_MAX = 160


@dataclass(frozen=True, slots=True)
class Column:
    """A field of the file: its headers in English and Persian, and whether it must exist."""

    field: str
    headers: tuple[str, ...]
    required: bool = True


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
_HEADER_KEYS = {
    search_key(header): column.field for column in COLUMNS for header in column.headers
}

_SITE_SEPARATORS = re.compile(r"[;؛,،\s]+")
_ISIC = re.compile(r"[0-9]{6}")
_ZIP_MAGIC = b"PK\x03\x04"
# The legacy binary Excel format (.xls), which openpyxl cannot read.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """Why a whole file could not be imported: a message key and its values."""

    key: str
    args: Mapping[str, str | int] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RowRejection:
    """A row not imported: its number in the file, the column at fault, and why.

    ``column`` is the header as the file writes it, ``field`` the canonical field name.
    """

    row: int
    field: str | None
    column: str | None
    key: str
    args: Mapping[str, str | int] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did. ``read`` = ``inserted`` + ``updated`` + ``rejected``.

    ``inserted`` and ``updated`` count licences new to the registry and licences that were
    in it before; ``rejections`` lists the first :data:`MAX_LISTED_REJECTIONS` by row.
    """

    read: int = 0
    inserted: int = 0
    updated: int = 0
    rejected: int = 0
    rejections: tuple[RowRejection, ...] = ()
    error: ImportProblem | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class _FileProblem(Exception):
    """Raised inside the reader to stop at a file-level problem."""

    def __init__(self, key: str, **args: str | int) -> None:
        super().__init__(key)
        self.problem = ImportProblem(key, args)


@dataclass(slots=True)
class _Sheet:
    """The rows of a file: its header, a row iterator and an estimate of the data rows."""

    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    total: int
    close: Callable[[], None] = lambda: None


# --- reading ----------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    # Spreadsheets keep numbers as floats: 521128.0 is the ISIC code 521128.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def _decode(data: bytes) -> str:
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Persian Windows saves "CSV" in the Arabic code page.
        return data.decode("cp1256")


def _delimiter(header_line: str) -> str:
    """Comma, unless the header clearly uses semicolons or tabs instead."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in ",;\t"}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > counts[","] else ","


def _csv_sheet(data: bytes) -> _Sheet:
    text = _decode(data)
    delimiter = _delimiter(text.split("\n", 1)[0])
    try:
        # A first pass counts the rows for progress and finds malformed quoting before any
        # row is written.
        total = sum(
            1
            for record in csv.reader(io.StringIO(text), delimiter=delimiter)
            if not _blank(record)
        )
    except csv.Error as error:
        raise _FileProblem("licence-import-unreadable") from error
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if header is None or _blank(header):
        raise _FileProblem("licence-import-empty-file")

    def rows() -> Iterator[tuple[int, list[str]]]:
        # Rows are counted as a spreadsheet shows them: a quoted line break stays in its row.
        yield from enumerate(reader, start=2)

    return _Sheet(header, rows(), max(total - 1, 0))


def _xlsx_sheet(data: bytes) -> _Sheet:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    # Whatever a damaged or foreign zip makes the parser raise, the file is unreadable.
    except Exception as error:
        raise _FileProblem("licence-import-unreadable") from error
    try:
        if not workbook.worksheets:
            raise _FileProblem("licence-import-empty-file")
        sheet = workbook.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        first = next(values, None)
        header = [_cell_text(value) for value in first or ()]
        if _blank(header):
            raise _FileProblem("licence-import-empty-file")
        total = max((sheet.max_row or 1) - 1, 0)
    except BaseException:
        workbook.close()
        raise

    def rows() -> Iterator[tuple[int, list[str]]]:
        for number, row in enumerate(values, start=2):
            yield number, [_cell_text(value) for value in row]

    return _Sheet(header, rows(), total, workbook.close)


def _open(source: bytes | str | os.PathLike[str], filename: str | None) -> _Sheet:
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        filename = filename or path.name
        data = path.read_bytes()
    suffix = Path(filename or "").suffix.lower()
    if data.startswith(_ZIP_MAGIC):
        return _xlsx_sheet(data)
    if data.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise _FileProblem("licence-import-unsupported-format")
    if not data.strip():
        raise _FileProblem("licence-import-empty-file")
    return _csv_sheet(data)


def _columns(header: list[str]) -> dict[str, int]:
    """The position of each known field in the header; a problem if one is missing or twice."""
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        name = _HEADER_KEYS.get(search_key(title))
        if name is None:
            continue
        if name in positions:
            raise _FileProblem("licence-import-duplicate-column", column=title)
        positions[name] = index
    missing = [
        column.field for column in COLUMNS if column.required and column.field not in positions
    ]
    if missing:
        raise _FileProblem(
            "licence-import-missing-columns", columns=", ".join(missing), count=len(missing)
        )
    return positions


# --- checking a row ---------------------------------------------------------------------------


class _Bad(Exception):
    """A row's first problem: the field and the message key."""

    def __init__(self, name: str, key: str, **args: str | int) -> None:
        super().__init__(key)
        self.field = name
        self.key = key
        self.values = args


def _required(cells: Mapping[str, str], name: str) -> str:
    value = normalize_text(cells.get(name, ""))
    if not value:
        raise _Bad(name, "licence-import-missing-value")
    return value


def _text(cells: Mapping[str, str], name: str, maximum: int) -> str:
    value = _required(cells, name)
    if len(value) > maximum:
        raise _Bad(name, "licence-import-too-long", max=maximum)
    return value


def _date(cells: Mapping[str, str], name: str) -> date:
    raw = _required(cells, name)
    value = parse_jalali_or_gregorian_date(raw)
    if value is None:
        raise _Bad(name, "licence-import-bad-date", value=raw)
    return value


def _sites(cells: Mapping[str, str]) -> tuple[str, ...]:
    raw = _required(cells, "websites")
    sites: dict[str, None] = {}
    for entry in _SITE_SEPARATORS.split(raw):
        if not entry:
            continue
        site = parse_website_or_app(entry)
        if site is None:
            raise _Bad("websites", "licence-import-bad-website", value=entry)
        sites[site] = None
    if not sites:
        raise _Bad("websites", "licence-import-missing-value")
    return tuple(sites)


def _row(cells: Mapping[str, str], today: date) -> LicenceRow:
    """A valid licence from a row's cells, or :class:`_Bad` for its first problem."""
    raw_number = _required(cells, "number")
    number = canonical_number(raw_number)
    if number is None:
        raise _Bad("number", "licence-import-bad-number", value=raw_number)
    raw_holder = _required(cells, "holder_type")
    holder_type = parse_holder_type(raw_holder)
    if holder_type is None:
        raise _Bad("holder_type", "licence-import-bad-holder-type", value=raw_holder)
    holder_name = _text(cells, "holder_name", _TEXT_MAX)
    raw_phone = normalize_text(cells.get("holder_phone", ""))
    phone = parse_phone(raw_phone) if raw_phone else None
    if raw_phone and phone is None:
        raise _Bad("holder_phone", "licence-import-bad-phone", value=raw_phone)
    business_name = _text(cells, "business_name", _TEXT_MAX)
    sites = _sites(cells)
    category = _text(cells, "category", _CATEGORY_MAX)
    raw_isic = _required(cells, "isic")
    isic = to_ascii_digits(raw_isic).replace(" ", "")
    if _ISIC.fullmatch(isic) is None:
        raise _Bad("isic", "licence-import-bad-isic", value=raw_isic)
    raw_province = _required(cells, "province")
    province = canonical_province(raw_province)
    if province is None:
        raise _Bad("province", "licence-import-bad-province", value=raw_province)
    issued_on = _date(cells, "issued_on")
    if issued_on > today:
        raise _Bad("issued_on", "licence-import-issued-in-future", value=cells["issued_on"])
    expires_on = _date(cells, "expires_on")
    if expires_on < issued_on:
        raise _Bad("expires_on", "licence-import-expires-before-issue", value=cells["expires_on"])
    raw_status = _required(cells, "status")
    status = parse_status(raw_status)
    if status is None:
        raise _Bad("status", "licence-import-bad-status", value=raw_status)
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


@dataclass(slots=True)
class _Tally:
    read: int = 0
    inserted: int = 0
    updated: int = 0
    rejected: int = 0
    rejections: list[RowRejection] = dataclasses.field(default_factory=list)

    def reject(self, rejection: RowRejection) -> None:
        self.rejected += 1
        self.rejections.append(rejection)

    def report(self, error: ImportProblem | None = None) -> ImportReport:
        listed = sorted(self.rejections, key=lambda rejection: rejection.row)
        return ImportReport(
            read=self.read,
            inserted=self.inserted,
            updated=self.updated,
            rejected=self.rejected,
            rejections=tuple(listed[:MAX_LISTED_REJECTIONS]),
            error=error,
        )


async def _notify(progress: Progress | None, done: int, total: int) -> None:
    if progress is None:
        return
    result = progress(done, total)
    if inspect.isawaitable(result):
        await result


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

    The format is told by content (XLSX is a zip; the old binary .xls is refused), CSV is
    read as UTF-8 (with or without BOM; UTF-16 and Windows-1256 too, as Excel writes them),
    comma-separated unless the header uses ";" or tabs. Rows are checked as the module
    docstring says; an issue date after ``today`` is refused.

    Valid rows are upserted ``batch_size`` at a time. After each batch ``commit`` is awaited
    when given — then a large file is written in steps that each hold the database briefly,
    and an interrupted import is resumed by importing the file again — and ``progress(done,
    total)`` is called (awaited if it returns an awaitable) with the data rows read so far and
    the file's data rows. Without ``commit`` nothing is committed: the caller commits once.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, not {batch_size}")
    tally = _Tally()
    try:
        sheet = _open(source, filename)
    except _FileProblem as problem:
        return tally.report(problem.problem)
    try:
        try:
            positions = _columns(sheet.header)
        except _FileProblem as problem:
            return tally.report(problem.problem)
        titles = {name: sheet.header[index] for name, index in positions.items()}
        return await _import_rows(
            repo,
            sheet,
            positions,
            titles,
            tally,
            today=today,
            progress=progress,
            commit=commit,
            batch_size=batch_size,
        )
    finally:
        sheet.close()


async def _import_rows(
    repo: LicenceRepo,
    sheet: _Sheet,
    positions: Mapping[str, int],
    titles: Mapping[str, str],
    tally: _Tally,
    *,
    today: date,
    progress: Progress | None,
    commit: Commit | None,
    batch_size: int,
) -> ImportReport:
    seen: dict[str, int] = {}
    pending: dict[str, LicenceRow] = {}
    # Numbers written by an earlier batch of this import and now written again by a later row.
    rewritten: set[str] = set()

    notified = (-1, -1)

    async def notify(done: int, total: int) -> None:
        nonlocal notified
        if (done, total) != notified:
            notified = (done, total)
            await _notify(progress, done, total)

    async def flush() -> None:
        counts = await repo.upsert_many(list(pending.values()))
        again = len(rewritten & pending.keys())
        tally.inserted += counts.inserted
        tally.updated += counts.updated - again
        rewritten.difference_update(pending)
        pending.clear()
        if commit is not None:
            await commit()

    for line, record in sheet.rows:
        if _blank(record):
            continue
        tally.read += 1
        cells = {
            name: record[index] if index < len(record) else "" for name, index in positions.items()
        }
        try:
            row = _row(cells, today)
        except _Bad as bad:
            tally.reject(RowRejection(line, bad.field, titles[bad.field], bad.key, bad.values))
            continue
        earlier = seen.get(row.number)
        if earlier is not None:
            tally.reject(
                RowRejection(
                    earlier,
                    "number",
                    titles["number"],
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
            await notify(tally.read, max(sheet.total, tally.read))
    if pending:
        await flush()
    # The file's own count may include rows that turned out blank: the last call says done.
    await notify(tally.read, tally.read)
    return tally.report()
