"""Reading a spreadsheet that an admin imports: what every kind of import shares.

An import file (the licence registry, the certificate requests) is a CSV or XLSX file with one
header row, then one record per row. This module reads it whatever Excel saved it as, finds
the known columns by their English or Persian headers, hands each row's cells to the import
that checks them, counts what happened, calls back with progress, and words the report.

What differs between imports — the columns, the checks of a row, how rows are stored — stays
in the import's own module (``services.licence_import``, ``services.certificate_import``),
which describes itself with a :class:`SheetLayout`. Every message key an import reports is
``<layout.prefix>-<name>``, so that each kind speaks of its own records ("one licence per
row", "one request per row") with the same logic.
"""

from __future__ import annotations

import csv
import dataclasses
import inspect
import io
import os
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from services.formatting import format_number
from services.normalize import (
    as_written,
    normalize_text,
    parse_jalali_or_gregorian_date,
    search_key,
)
from services.platforms import PlatformProfile
from services.texts import Rendered, Texts

__all__ = [
    "MAX_LISTED_REJECTIONS",
    "REPORT_REJECTIONS",
    "Cells",
    "Column",
    "Commit",
    "FileProblem",
    "ImportProblem",
    "ImportReport",
    "ImportRun",
    "OpenedSheet",
    "Progress",
    "ProgressCalls",
    "RowProblem",
    "RowRejection",
    "SheetImport",
    "SheetLayout",
    "Tally",
    "assigned_csv",
    "has_columns",
    "open_sheet",
    "read_header",
    "rejections_csv",
    "report_text",
]

Progress = Callable[[int, int], Awaitable[None] | None]
Commit = Callable[[], Awaitable[None]]

# Rejections listed in a report; all are counted. Enough to fix a file, small for a chat.
MAX_LISTED_REJECTIONS = 1000
# Rejections listed in a report message; the rest go in an attached file.
REPORT_REJECTIONS = 20

_ZIP_MAGIC = b"PK\x03\x04"
# The legacy binary Excel format (.xls), which openpyxl cannot read.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class Column:
    """A field of the file: its headers in English and Persian, and whether it must exist."""

    field: str
    headers: tuple[str, ...]
    required: bool = True


@dataclass(frozen=True)
class SheetLayout:
    """One kind of import file: its columns, and the prefix of the message keys it reports."""

    columns: tuple[Column, ...]
    prefix: str

    @cached_property
    def header_keys(self) -> dict[str, str]:
        """Every accepted header, folded as :func:`search_key` folds it, to its field."""
        return {
            search_key(header): column.field
            for column in self.columns
            for header in column.headers
        }

    @cached_property
    def persian_names(self) -> dict[str, str]:
        """Each field as a Persian file heads it: its first non-ASCII header."""
        return {
            column.field: next((h for h in column.headers if not h.isascii()), column.field)
            for column in self.columns
        }


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
    """What an import did. ``read`` = ``inserted`` + ``updated`` + ``unchanged`` + ``rejected``.

    ``inserted`` and ``updated`` count records new to the database and records that were in
    it before; ``unchanged`` those the file held exactly as stored (an import that does not
    tell them apart counts them as updated); ``rejections`` lists the first
    :data:`MAX_LISTED_REJECTIONS` by row. ``assigned`` pairs a row with the key the import gave
    its new record (a tracking code), for imports that make keys.
    """

    read: int = 0
    inserted: int = 0
    updated: int = 0
    rejected: int = 0
    rejections: tuple[RowRejection, ...] = ()
    error: ImportProblem | None = None
    unchanged: int = 0
    assigned: tuple[tuple[int, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


# How a kind of import runs on a file: its bytes, its name, and the progress callback.
ImportRun = Callable[[bytes, str | None, Progress | None], Awaitable[ImportReport]]


@dataclass(frozen=True)
class SheetImport:
    """A kind of import bound to its database and its importer: its wording and how it runs.

    The chat and the command line run every kind alike through this.
    """

    layout: SheetLayout
    run: ImportRun


class FileProblem(Exception):
    """Raised while reading to stop at a problem of the whole file."""

    def __init__(self, key: str, **args: str | int) -> None:
        super().__init__(key)
        self.problem = ImportProblem(key, args)


class RowProblem(Exception):
    """A row's first problem: the field at fault and the message key."""

    def __init__(self, name: str, key: str, **args: str | int) -> None:
        super().__init__(key)
        self.field = name
        self.key = key
        self.values = args


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


_CP1256_YE = str.maketrans({"ي": "ی", "ى": "ی"})


def _decode(data: bytes) -> str:
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Persian Windows saves "CSV" in the Arabic code page, which has no Persian
        # ye: the Arabic ي and ى there were written as ی.
        return data.decode("cp1256").translate(_CP1256_YE)


def _delimiter(header_line: str) -> str:
    """Comma, unless the header clearly uses semicolons or tabs instead."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in ",;\t"}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > counts[","] else ","


def _csv_sheet(data: bytes, layout: SheetLayout) -> _Sheet:
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
        raise FileProblem(f"{layout.prefix}-unreadable") from error
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if header is None or _blank(header):
        raise FileProblem(f"{layout.prefix}-empty-file")

    def rows() -> Iterator[tuple[int, list[str]]]:
        # Rows are counted as a spreadsheet shows them: a quoted line break stays in its row.
        yield from enumerate(reader, start=2)

    return _Sheet(header, rows(), max(total - 1, 0))


def _xlsx_sheet(data: bytes, layout: SheetLayout) -> _Sheet:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    # Whatever a damaged or foreign zip makes the parser raise, the file is unreadable.
    except Exception as error:
        raise FileProblem(f"{layout.prefix}-unreadable") from error
    try:
        if not workbook.worksheets:
            raise FileProblem(f"{layout.prefix}-empty-file")
        sheet = workbook.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        first = next(values, None)
        header = [_cell_text(value) for value in first or ()]
        if _blank(header):
            raise FileProblem(f"{layout.prefix}-empty-file")
        total = max((sheet.max_row or 1) - 1, 0)
    except BaseException:
        workbook.close()
        raise

    def rows() -> Iterator[tuple[int, list[str]]]:
        for number, row in enumerate(values, start=2):
            yield number, [_cell_text(value) for value in row]

    return _Sheet(header, rows(), total, workbook.close)


def _read(
    source: bytes | str | os.PathLike[str], filename: str | None, layout: SheetLayout
) -> _Sheet:
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        filename = filename or path.name
        data = path.read_bytes()
    suffix = Path(filename or "").suffix.lower()
    if data.startswith(_ZIP_MAGIC):
        return _xlsx_sheet(data, layout)
    if data.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise FileProblem(f"{layout.prefix}-unsupported-format")
    if not data.strip():
        raise FileProblem(f"{layout.prefix}-empty-file")
    return _csv_sheet(data, layout)


def _columns(header: list[str], layout: SheetLayout) -> dict[str, int]:
    """The position of each known field in the header; a problem if one is missing or twice."""
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        name = layout.header_keys.get(search_key(title))
        if name is None:
            continue
        if name in positions:
            raise FileProblem(f"{layout.prefix}-duplicate-column", column=title)
        positions[name] = index
    missing = [
        column.field
        for column in layout.columns
        if column.required and column.field not in positions
    ]
    if missing:
        raise FileProblem(
            f"{layout.prefix}-missing-columns", columns=", ".join(missing), count=len(missing)
        )
    return positions


@dataclass(slots=True)
class OpenedSheet:
    """A file whose header names every required column: its records, cell by field."""

    layout: SheetLayout
    positions: Mapping[str, int]
    titles: Mapping[str, str]
    total: int
    _sheet: _Sheet

    def records(self) -> Iterator[tuple[int, Cells]]:
        """Each non-blank row, with its number as a spreadsheet shows it (the header is 1)."""
        for line, record in self._sheet.rows:
            if _blank(record):
                continue
            values = {
                name: record[index] if index < len(record) else ""
                for name, index in self.positions.items()
            }
            yield line, Cells(values, self.layout)

    def rejection(self, line: int, problem: RowProblem) -> RowRejection:
        """A row's problem as the report lists it, under the header the file wrote."""
        return RowRejection(
            line, problem.field, self.titles[problem.field], problem.key, problem.values
        )

    def close(self) -> None:
        self._sheet.close()


def open_sheet(
    source: bytes | str | os.PathLike[str], filename: str | None, layout: SheetLayout
) -> OpenedSheet:
    """Open a CSV or XLSX file (a path, or the bytes of a sent document); :class:`FileProblem`
    when it cannot be read or lacks a required column. Close it when done.

    The format is told by content (XLSX is a zip; the old binary .xls is refused), CSV is read
    as UTF-8 (with or without BOM; UTF-16 and Windows-1256 too, as Excel writes them),
    comma-separated unless the header uses ";" or tabs. Headers are matched in English or
    Persian ignoring case, spaces, half-spaces and punctuation; other columns are ignored.
    """
    sheet = _read(source, filename, layout)
    try:
        positions = _columns(sheet.header, layout)
    except BaseException:
        sheet.close()
        raise
    titles = {name: sheet.header[index] for name, index in positions.items()}
    return OpenedSheet(layout, positions, titles, sheet.total, sheet)


def read_header(source: bytes, filename: str | None) -> list[str]:
    """The header row of a file, or nothing when it cannot be read: to tell kinds apart."""
    probe = SheetLayout((), "probe")
    try:
        sheet = _read(source, filename, probe)
    except FileProblem:
        return []
    sheet.close()
    return sheet.header


def has_columns(header: list[str], layout: SheetLayout) -> bool:
    """Whether a header names every required column of ``layout``."""
    try:
        _columns(header, layout)
    except FileProblem:
        return False
    return True


# --- a row's cells ----------------------------------------------------------------------------


class Cells:
    """The cells of one row by field, with the checks every import makes of them.

    Each check returns the clean value or raises :class:`RowProblem` with the layout's key.
    """

    def __init__(self, values: Mapping[str, str], layout: SheetLayout) -> None:
        self.values = values
        self.layout = layout

    def problem(self, name: str, key: str, **args: str | int) -> RowProblem:
        """The problem (a message key) of the field ``name``."""
        return RowProblem(name, key, **args)

    def optional(self, name: str) -> str:
        """The cell's text, normalised; empty when the column or the value is missing."""
        return normalize_text(self.values.get(name, ""))

    def written(self, name: str) -> str:
        """The cell's words as the file wrote them (trimmed); empty when it is missing."""
        return as_written(self.values.get(name, ""))

    def required(self, name: str) -> str:
        value = self.optional(name)
        if not value:
            raise self.problem(name, f"{self.layout.prefix}-missing-value")
        return value

    def text(self, name: str, maximum: int) -> str:
        """A cell of words (a name, a category), required, kept as the file wrote it: its
        keys for matching are made from it where they are needed."""
        self.required(name)
        value = self.written(name)
        if len(value) > maximum:
            raise self.problem(name, f"{self.layout.prefix}-too-long", max=maximum)
        return value

    def date(self, name: str) -> date:
        raw = self.required(name)
        value = parse_jalali_or_gregorian_date(raw)
        if value is None:
            raise self.problem(name, f"{self.layout.prefix}-bad-date", value=raw)
        return value

    def raw(self, name: str) -> str:
        """The cell as the file wrote it, for a message."""
        return self.values.get(name, "")


# --- counting and progress --------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    """What an import has done so far; :meth:`report` when it ends."""

    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejections: list[RowRejection] = dataclasses.field(default_factory=list)
    assigned: list[tuple[int, str]] = dataclasses.field(default_factory=list)

    def reject(self, rejection: RowRejection) -> None:
        self.rejected += 1
        self.rejections.append(rejection)

    def report(self, error: ImportProblem | None = None) -> ImportReport:
        listed = sorted(self.rejections, key=lambda rejection: rejection.row)
        return ImportReport(
            read=self.read,
            inserted=self.inserted,
            updated=self.updated,
            unchanged=self.unchanged,
            rejected=self.rejected,
            rejections=tuple(listed[:MAX_LISTED_REJECTIONS]),
            error=error,
            assigned=tuple(sorted(self.assigned)),
        )


class ProgressCalls:
    """Calls ``progress(done, total)`` (awaited if it returns an awaitable), never twice alike."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.last = (-1, -1)

    async def __call__(self, done: int, total: int) -> None:
        if self.progress is None or (done, total) == self.last:
            return
        self.last = (done, total)
        result = self.progress(done, total)
        if inspect.isawaitable(result):
            await result


# --- the report in words ----------------------------------------------------------------------


def _plain(text: str) -> str:
    # Imported here: services.licence_desk words licences and imports the licence import,
    # which imports this module.
    from services.licence_desk import plain_text

    return plain_text(text)


def _args(args: Mapping[str, str | int], layout: SheetLayout, locale: str) -> dict[str, Any]:
    values: dict[str, Any] = {
        name: format_number(value, locale) if isinstance(value, int) else value
        for name, value in args.items()
    }
    columns = values.get("columns")
    if isinstance(columns, str) and locale == "fa":
        # Field names as the reader's file would head them: Persian headers for Persian.
        names = layout.persian_names
        values["columns"] = "، ".join(
            names.get(name.strip(), name.strip()) for name in columns.split(",")
        )
    # A count also chooses a plural form: Fluent needs the number itself.
    if "count" in args:
        values["count"] = args["count"]
    return values


def _reason(key: str, args: Mapping[str, str | int], layout: SheetLayout, t: Texts) -> str:
    return t.plain(key, **_args(args, layout, t.locale))


def report_text(
    report: ImportReport,
    t: Texts,
    layout: SheetLayout,
    profile: PlatformProfile | None = None,
    *,
    limit: int = REPORT_REJECTIONS,
) -> str:
    """The report of an import: counts (``<prefix>-report``), then the first ``limit``
    rejections. Rendered for a platform when ``profile`` is given; else plain text for a
    terminal."""

    def say(key: str, **args: Any) -> str:
        if profile is None:
            return _plain(t.plain(key, **args))
        return t.render(profile, key, **args)

    locale, prefix = t.locale, layout.prefix
    if report.error is not None:
        return say(
            f"{prefix}-failed", reason=_reason(report.error.key, report.error.args, layout, t)
        )
    parts = [
        say(
            f"{prefix}-report",
            read=format_number(report.read, locale),
            inserted=format_number(report.inserted, locale),
            updated=format_number(report.updated, locale),
            unchanged=format_number(report.unchanged, locale),
            rejected=format_number(report.rejected, locale),
        )
    ]
    shown = report.rejections[:limit]
    if shown:
        parts.append(say(f"{prefix}-rejections-title"))
        for rejection in shown:
            row = format_number(rejection.row, locale)
            reason = _reason(rejection.key, rejection.args, layout, t)
            parts.append(
                say(f"{prefix}-rejection-line", row=row, column=rejection.column, reason=reason)
                if rejection.column
                # The row as a whole (a duplicate, say): no column to name.
                else say(f"{prefix}-rejection-row-line", row=row, reason=reason)
            )
    hidden = report.rejected - len(shown)
    if hidden > 0:
        parts.append(
            say(f"{prefix}-more-rejections", count=hidden, n=format_number(hidden, locale))
        )
    text = "\n".join(parts)
    return Rendered(text) if profile is not None else text


def rejections_csv(report: ImportReport, t: Texts, layout: SheetLayout) -> bytes:
    """Every listed rejection as a CSV file (UTF-8 with BOM, so that Excel reads Persian)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [_plain(t.plain(f"{layout.prefix}-csv-{name}")) for name in ("row", "column", "reason")]
    )
    for rejection in report.rejections:
        reason = _reason(rejection.key, rejection.args, layout, t)
        writer.writerow([rejection.row, rejection.column or "", _plain(reason)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def assigned_csv(report: ImportReport, t: Texts, layout: SheetLayout) -> bytes:
    """The keys an import gave its new records (tracking codes), by row, as a CSV file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_plain(t.plain(f"{layout.prefix}-csv-{name}")) for name in ("row", "code")])
    writer.writerows(report.assigned)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
