"""Exports of cases to Excel or CSV: streamed in batches, split into parts that fit the
platform's upload limit, text kept as text (and, in CSV, safe against formula injection)."""

from __future__ import annotations

import asyncio
import csv
import time
import zlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.numbers import FORMAT_DATE_YYYYMMDD2
from openpyxl.utils import get_column_letter

from models.repos import Repo
from models.repos.case_reports import CaseSheetRow, Received
from models.tables import User
from services import people
from services.calendar import TEHRAN
from services.formatting import (
    format_code,
    format_date,
    format_date_numeric,
)
from services.names import STATUS_NAMES, all_of
from services.normalize import (
    normalize_text,
    parse_jalali_or_gregorian_date,
)
from services.reports.stats import (
    Tally,
    UnionTable,
    label_of,
    midnight,
    persian,
    source_label,
    union_table,
)
from services.sources import body_text
from services.texts import Texts
from services.workflow import FOLLOWED, TERMINAL, CaseStatus, Refused, status_label

EXPORT_BATCH = 1000
# The Bot API takes documents up to 50 MB from a bot; Bale is taken to allow the same.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# An export of this many cases or more tells its progress, at most every PROGRESS_EVERY
# seconds, by editing one message.
PROGRESS_FROM = 5000
PROGRESS_EVERY = 5.0
# A cell starting with one of these is a formula to a spreadsheet: what citizens typed must
# stay text (CSV/formula injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


_FORMATS = {"csv": ExportFormat.CSV, "xlsx": ExportFormat.XLSX, "excel": ExportFormat.XLSX}
# Filter words in English and Persian.
_FILTERS = {
    "from": "from",
    "از": "from",
    "to": "to",
    "تا": "to",
    "status": "status",
    "وضعیت": "status",
    "format": "format",
    "قالب": "format",
}


@dataclass(frozen=True)
class ExportRequest:
    """Which cases to export and how: received from `since` to `until` (both days
    included, Tehran time), in `status`."""

    since: date | None = None
    until: date | None = None
    status: CaseStatus | None = None
    format: ExportFormat = ExportFormat.XLSX

    @property
    def received_from(self) -> datetime | None:
        return midnight(self.since) if self.since else None

    @property
    def received_before(self) -> datetime | None:
        return midnight(self.until + timedelta(days=1)) if self.until else None


def parse_export(text: str) -> ExportRequest | Refused:
    """`[from DATE] [to DATE] [status STATUS] [format csv|xlsx]`, words in English or Persian,
    in any order. Dates are Jalali or Gregorian (year first); a status by its key or its label
    in any language. A bad filter is refused with a message key and nothing is exported."""
    given: dict[str, list[str]] = {}
    current: str | None = None
    for word in normalize_text(text).split():
        name = _FILTERS.get(word.lower())
        if name is not None:
            if name in given:
                return Refused("export-repeated", {"name": word})
            given[name] = []
            current = name
        elif current is None:
            return Refused("export-unknown-filter", {"name": word})
        else:
            given[current].append(word)
    for name, words in given.items():
        if not words:
            return Refused("export-missing-value", {"name": name})
    since = until = None
    if "from" in given:
        since = parse_jalali_or_gregorian_date(" ".join(given["from"]))
        if since is None:
            return Refused("export-bad-date", {"value": " ".join(given["from"])})
    if "to" in given:
        until = parse_jalali_or_gregorian_date(" ".join(given["to"]))
        if until is None:
            return Refused("export-bad-date", {"value": " ".join(given["to"])})
    if since is not None and until is not None and since > until:
        return Refused("export-reversed")
    status = None
    if "status" in given:
        named = STATUS_NAMES.named(" ".join(given["status"]))
        if named is None:
            return Refused(
                "export-bad-status",
                {"value": " ".join(given["status"]), "statuses": all_of(STATUS_NAMES)},
            )
        status = CaseStatus(named)
    chosen = ExportFormat.XLSX
    if "format" in given:
        found = _FORMATS.get(" ".join(given["format"]).lower())
        if found is None:
            return Refused("export-bad-format", {"value": " ".join(given["format"])})
        chosen = found
    return ExportRequest(since, until, status, chosen)


def describe_filters(request: ExportRequest, t: Texts) -> str:
    """The filters of an export in words, for the caption of its file."""
    parts = []
    if request.since is not None:
        parts.append(t.plain("export-filter-from", day=format_date(request.since, t.locale)))
    if request.until is not None:
        parts.append(t.plain("export-filter-to", day=format_date(request.until, t.locale)))
    if request.status is not None:
        parts.append(t.plain("export-filter-status", status=t.plain(status_label(request.status))))
    return "، ".join(parts) if persian(t.locale) else ", ".join(parts)


def export_filename(request: ExportRequest, now: datetime, part: int = 0) -> str:
    """`cases-1405-09-01.xlsx`: the Jalali day of the export, in ASCII; `-part2` for the
    second part of an export split to fit the platform's file limit."""
    day = format_date_numeric(now, "en").replace("/", "-")
    suffix = f"-part{part}" if part else ""
    return f"cases-{day}{suffix}.{request.format.value}"


class Kind(StrEnum):
    """What a column holds, and so how each format writes it."""

    TEXT = "text"
    NUMBER = "number"
    # Rials, with thousands separated.
    AMOUNT = "amount"
    # An instant: a date cell (Tehran wall time) in XLSX, ISO 8601 with its offset in CSV.
    INSTANT = "instant"
    DAY = "day"


@dataclass(frozen=True)
class Column:
    name: str
    width: int
    kind: Kind = Kind.TEXT


_C = Column
# Each date twice: the Jalali text people read, and beside it a date a spreadsheet sorts.
EXPORT_COLUMNS = (
    _C("code", 14),
    _C("status", 22),
    _C("subject", 34),
    _C("business", 28),
    _C("website", 26),
    _C("licence", 16),
    _C("member", 12),
    _C("province", 16),
    _C("complainant", 22),
    _C("phone", 15),
    _C("description", 60),
    _C("source", 34),
    _C("order_number", 16),
    _C("order_date_jalali", 13),
    _C("order_date", 13, Kind.DAY),
    _C("amount", 16, Kind.AMOUNT),
    _C("received_jalali", 17),
    _C("received_iso", 18, Kind.INSTANT),
    _C("assignee", 20),
    _C("due", 17),
    _C("due_date", 18, Kind.INSTANT),
    _C("overall_due", 17),
    _C("overall_due_date", 18, Kind.INSTANT),
    _C("overdue", 12),
    _C("opinion", 20),
    _C("decided_jalali", 17),
    _C("decided", 18, Kind.INSTANT),
    _C("reason", 40),
    _C("closing", 20),
    _C("rating", 10, Kind.NUMBER),
    _C("comment", 40),
)
_INSTANT_FORMAT = "yyyy-mm-dd hh:mm"
_DAY_FORMAT = FORMAT_DATE_YYYYMMDD2
_AMOUNT_FORMAT = "#,##0"
_SHARE_FORMAT = "0.0%"
_HEADER_FILL = "1F4E78"

Cell = str | int | date | datetime | None


@dataclass
class Exported:
    """An export written: how many cases, and its file or files (parts, each under the
    platform's upload limit unless `too_large`)."""

    count: int
    files: list[Path]
    # Rows in each file.
    rows: list[int]
    too_large: bool = False


class _Sheet(Protocol):
    def append(self, cells: Sequence[Cell]) -> None: ...

    def written(self) -> int:
        """About how many bytes the file will take, to know when to start another part."""
        ...

    def close(self) -> None: ...


class _CsvSheet:
    """UTF-8 with a byte-order mark, so that Excel reads Persian. Text typed by people that
    a spreadsheet would read as a formula gets an apostrophe first (CSV/formula injection)."""

    def __init__(self, path: Path) -> None:
        self._file: IO[str] = path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._file)

    def append(self, cells: Sequence[Cell]) -> None:
        self._writer.writerow([_csv_cell(cell) for cell in cells])

    def written(self) -> int:
        return self._file.tell()

    def close(self) -> None:
        self._file.close()


def _csv_cell(cell: Cell) -> str | int:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.astimezone(TEHRAN).isoformat(timespec="seconds")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


class _XlsxSheet:
    """A write-only workbook, rows streamed to disk as they come: a bold filled header row,
    frozen, with a filter over every column; set widths; right to left; dates as date cells.
    Text stays text, even when it starts like a formula."""

    def __init__(self, path: Path, title: str, columns: Sequence[Column]) -> None:
        self._path = path
        self._columns = columns
        self._rows = 0
        # The compressed size so far, estimated: the text of each megabyte of cells is
        # compressed as the zip will, and each cell's markup counted at what it packs to.
        self._bytes = 0
        self._pending: list[str] = []
        self._pending_bytes = 0
        self._book = Workbook(write_only=True)
        sheet = self._book.create_sheet(title)
        sheet.sheet_view.rightToLeft = True
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        self._sheet = sheet
        self._header_font = Font(bold=True, color="FFFFFF")
        self._header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
        self._header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def header(self, names: Sequence[str]) -> None:
        cells = []
        for name in names:
            cell = WriteOnlyCell(self._sheet, value=name)
            cell.font = self._header_font
            cell.fill = self._header_fill
            cell.alignment = self._header_alignment
            cells.append(cell)
        self._sheet.append(cells)
        self._rows += 1

    def append(self, cells: Sequence[Cell]) -> None:
        row: list[Any] = []
        for column, value in zip(self._columns, cells, strict=True):
            row.append(self._cell(column, value))
        self._sheet.append(row)
        self._rows += 1

    def _cell(self, column: Column, value: Cell) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            text: str = ILLEGAL_CHARACTERS_RE.sub("", value)
            self._pending.append(text)
            self._pending_bytes += len(text) * 2
            self._bytes += _PACKED_CELL
            if not text.startswith("="):
                return text
            cell = WriteOnlyCell(self._sheet, value=text)
            cell.data_type = "s"  # text, never a formula
            return cell
        self._bytes += _PACKED_CELL
        if column.kind is Kind.INSTANT and isinstance(value, datetime):
            # Excel knows no time zones: the Tehran wall time, as the Jalali text beside it.
            cell = WriteOnlyCell(self._sheet, value=value.astimezone(TEHRAN).replace(tzinfo=None))
            cell.number_format = _INSTANT_FORMAT
            return cell
        if column.kind is Kind.DAY:
            cell = WriteOnlyCell(self._sheet, value=value)
            cell.number_format = _DAY_FORMAT
            return cell
        if column.kind is Kind.AMOUNT:
            cell = WriteOnlyCell(self._sheet, value=value)
            cell.number_format = _AMOUNT_FORMAT
            return cell
        return value

    def summary(self, title: str, heading: str, rows: Sequence[Sequence[Cell | float]]) -> None:
        """A second sheet: a heading, then the rows given (the first a header, bold and
        filled; shares as percentages), right to left."""
        sheet = self._book.create_sheet(title)
        sheet.sheet_view.rightToLeft = True
        sheet.column_dimensions["A"].width = 46
        for index in range(2, len(rows[0]) + 1 if rows else 2):
            sheet.column_dimensions[get_column_letter(index)].width = 16
        title_cell = WriteOnlyCell(sheet, value=heading)
        title_cell.font = Font(bold=True, size=13)
        sheet.append([title_cell])
        for number, row in enumerate(rows):
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                if number == 0:
                    cell.font = self._header_font
                    cell.fill = self._header_fill
                    cell.alignment = self._header_alignment
                elif isinstance(value, float):
                    cell.number_format = _SHARE_FORMAT
                cells.append(cell)
            sheet.append(cells)

    def written(self) -> int:
        if self._pending_bytes >= _SAMPLE_BYTES:
            self._bytes += len(zlib.compress("\n".join(self._pending).encode(), 6))
            self._pending, self._pending_bytes = [], 0
        # Text not yet compressed counts at its full length: never less than it will take.
        return self._bytes + self._pending_bytes

    def close(self) -> None:
        last = get_column_letter(len(self._columns))
        self._sheet.auto_filter.ref = f"A1:{last}{max(self._rows, 1)}"
        self._book.save(self._path)


# A part is closed once about this much is written: CSV as it is on disk; XLSX is estimated
# before compression, which a zip of sheet XML divides several times over.
CSV_PART_BYTES = 45 * 1024 * 1024
XLSX_PART_BYTES = 45 * 1024 * 1024
# What a cell's markup (<c r="AB123" s="3" t="s"><v>…</v></c>) packs to in the zip, at most.
_PACKED_CELL = 12
_SAMPLE_BYTES = 1024 * 1024


def _open_sheet(
    request: ExportRequest, path: Path, t: Texts, union: UnionTable | None = None
) -> _Sheet:
    """A part's file with its header row; an XLSX file given the union's table holds it on
    a sheet of its own, after the cases."""
    header = [t.plain(f"export-column-{column.name}") for column in EXPORT_COLUMNS]
    if request.format is ExportFormat.CSV:
        csv_sheet = _CsvSheet(path)
        csv_sheet.append(header)
        return csv_sheet
    sheet = _XlsxSheet(path, t.plain("export-sheet-title"), EXPORT_COLUMNS)
    sheet.header(header)
    if union is not None:
        filters = describe_filters(request, t) or t.plain("export-all")
        sheet.summary(
            t.plain("export-summary-sheet"),
            t.plain("export-summary-title", filters=filters),
            summary_rows(union, t),
        )
    return sheet


def summary_rows(union: UnionTable, t: Texts) -> list[list[Cell | float]]:
    """The union's table (seed 003) as rows: a header (source, cases, share, each status in
    the workflow's order), the cases filed against members and against non-members, those
    referred by other bodies and under them each body, then the total."""
    statuses = list(CaseStatus)
    whole = union.total

    def row(label: str, tally: Tally) -> list[Cell | float]:
        share = tally.total / whole if whole else 0.0
        return [
            label,
            tally.total,
            float(share),
            *(tally.by_status.get(status.value, 0) for status in statuses),
        ]

    everything = Tally(
        {
            status.value: sum(
                part.by_status.get(status.value, 0)
                for part in (union.members, union.non_members, union.referred)
            )
            for status in statuses
        }
    )
    return [
        [
            t.plain("export-summary-source"),
            t.plain("export-summary-count"),
            t.plain("export-summary-share"),
            *(t.plain(status_label(status)) for status in statuses),
        ],
        row(t.plain("stats-union-members"), union.members),
        row(t.plain("stats-union-non-members"), union.non_members),
        row(t.plain("stats-union-referred"), union.referred),
        *(
            row(
                t.plain("export-summary-body", body=source_label(item.body, item.name, t)),
                item.tally,
            )
            for item in union.bodies
        ),
        row(t.plain("export-summary-total"), everything),
    ]


def _part_limit(request: ExportRequest) -> int:
    return CSV_PART_BYTES if request.format is ExportFormat.CSV else XLSX_PART_BYTES


def _jalali_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    local = value.astimezone(TEHRAN)
    return f"{_jalali_day(local.date())} {local:%H:%M}"


@lru_cache(maxsize=4096)
def _jalali_day(day: date) -> str:
    """A day in Jalali with ASCII digits; many cases share a day, so each is worked out once."""
    return format_date_numeric(day, "en")


def _national_phone(phone: str | None) -> str | None:
    """An Iranian mobile number as people write it (09…); any other as stored."""
    if phone is None:
        return None
    return "0" + phone.removeprefix("+98") if phone.startswith("+98") else phone


class _Labels:
    """Labels of statuses, subjects and opinions, formatted once an export, not once a row."""

    def __init__(self, t: Texts) -> None:
        self._t = t
        self._known: dict[tuple[str, str], str] = {}
        self.yes = t.plain("export-yes")
        self.no = t.plain("export-no")

    def __call__(self, family: str, key: str | None) -> str | None:
        if key is None:
            return None
        if (family, key) not in self._known:
            self._known[family, key] = label_of(self._t, family, key)
        return self._known[family, key]

    def source(self, body: str | None, name: str | None) -> str:
        """Where a case came from: the chat, or the body that referred it."""
        if body is None:
            return self._t.plain("source-chat")
        return body_text(body, name, self._t)

    def contact(self, name: str | None) -> str | None:
        """A contact name; one erased by /forget said so, a name not given left empty."""
        return people.contact_name(name, self._t)


def _cells(row: CaseSheetRow, labels: _Labels, now: datetime) -> list[Cell]:
    assignee = " ".join(p for p in (row.assignee_first_name, row.assignee_last_name) if p)
    followed = CaseStatus(row.status) in FOLLOWED
    overdue = followed and any(
        due is not None and due < now for due in (row.step_due_at, row.overall_due_at)
    )
    decided = row.decided_at is not None
    yes, no = labels.yes, labels.no
    return [
        format_code(row.code, "en"),
        labels("status", row.status),
        labels("subject", row.subject),
        row.business_name,
        row.business_url,
        row.licence_number,
        yes if row.member else no,
        row.province,
        labels.contact(row.contact_name),
        _national_phone(row.contact_phone),
        row.description,
        labels.source(row.source_body, row.source_body_name),
        row.order_number,
        _jalali_day(row.order_date) if row.order_date else None,
        row.order_date,
        row.order_amount,
        _jalali_datetime(row.received_at),
        row.received_at,
        assignee or None,
        _jalali_datetime(row.step_due_at),
        row.step_due_at,
        _jalali_datetime(row.overall_due_at),
        row.overall_due_at,
        (yes if overdue else no) if followed else None,
        labels("opinion", row.opinion),
        _jalali_datetime(row.decided_at),
        row.decided_at,
        row.decision_reason if decided else None,
        labels("closing", row.closing_reason),
        row.score,
        row.comment,
    ]


class _Writer:
    """Rows into one file after another, a new part once the current one is full; the
    union's table, if given, on the first part."""

    def __init__(
        self,
        request: ExportRequest,
        t: Texts,
        folder: Path,
        now: datetime,
        union: UnionTable | None = None,
    ) -> None:
        self._request, self._t, self._folder, self._now = request, t, folder, now
        self._union = union
        self.files: list[Path] = []
        self.rows: list[int] = []
        self._sheet: _Sheet | None = None

    def _next(self) -> _Sheet:
        path = self._folder / f"part-{len(self.files) + 1}"
        self.files.append(path)
        self.rows.append(0)
        union = self._union if len(self.files) == 1 else None
        return _open_sheet(self._request, path, self._t, union)

    def write(self, rows: Sequence[CaseSheetRow], labels: _Labels) -> None:
        for row in rows:
            if self._sheet is None:
                self._sheet = self._next()
            self._sheet.append(_cells(row, labels, self._now))
            self.rows[-1] += 1
            if self._sheet.written() >= _part_limit(self._request):
                self._sheet.close()
                self._sheet = None

    def close(self) -> list[Path]:
        """Close the last part and name every file: one file keeps the plain name."""
        if self._sheet is not None:
            self._sheet.close()
            self._sheet = None
        named = []
        for number, path in enumerate(self.files, start=1):
            part = number if len(self.files) > 1 else 0
            target = path.with_name(export_filename(self._request, self._now, part))
            named.append(path.rename(target))
        return named


Progress = Callable[[int, int], Awaitable[None]]


async def count_export(repo: Repo, request: ExportRequest) -> int:
    """How many cases an export will hold."""
    return await repo.case_reports.count_received(
        _received(request), request.status.value if request.status else None
    )


def _received(request: ExportRequest) -> Received:
    return Received(request.received_from, request.received_before)


async def write_export(
    repo: Repo,
    request: ExportRequest,
    t: Texts,
    folder: Path,
    by: User,
    now: datetime,
    *,
    total: int = 0,
    progress: Progress | None = None,
) -> Exported:
    """Write the cases an export asks for into `folder`, oldest first, batch by batch, in as
    many parts as the platform's upload limit needs (an XLSX file's first part with the
    union's table of the same cases on a sheet of its own); keep who exported what in the audit log
    (citizens' data leaves the desk: DOMAIN.md §4). Headers are in the admin's language;
    dates are Jalali (Tehran) with ASCII digits, each beside a date the spreadsheet sorts.
    `progress` is told the rows written out of `total` at most every PROGRESS_EVERY seconds.

    Formatting and writing run in a worker thread, a batch at a time: a spreadsheet of 10^5
    rows takes seconds of CPU, and the bot keeps answering others meanwhile.
    """
    labels = _Labels(t)
    union = None
    if request.format is ExportFormat.XLSX:
        union = await union_table(
            repo, _received(request), request.status.value if request.status else None
        )
    writer = _Writer(request, t, folder, now, union)
    count = 0
    told = time.monotonic()
    try:
        async for batch in repo.case_reports.sheet_rows(
            _received(request),
            request.status.value if request.status else None,
            decided=[status.value for status in TERMINAL],
            batch=EXPORT_BATCH,
        ):
            await asyncio.to_thread(writer.write, batch, labels)
            count += len(batch)
            if progress is not None and time.monotonic() - told >= PROGRESS_EVERY:
                told = time.monotonic()
                await progress(count, max(total, count))
    finally:
        files = await asyncio.to_thread(writer.close)
    people.audit(repo, by, "export", now, detail=f"{_filters_detail(request)} rows={count}")
    await repo.commit()
    too_large = any(path.stat().st_size > MAX_UPLOAD_BYTES for path in files)
    return Exported(count, files, writer.rows, too_large)


def _filters_detail(request: ExportRequest) -> str:
    return " ".join(
        f"{name}={value}"
        for name, value in (
            ("format", request.format.value),
            ("from", request.since),
            ("to", request.until),
            ("status", request.status.value if request.status else None),
        )
        if value is not None
    )


def format_name(request: ExportRequest, t: Texts) -> str:
    """The file's format in words: «اکسل (XLSX)» / «CSV»."""
    return t.plain(f"export-format-{request.format.value}")
