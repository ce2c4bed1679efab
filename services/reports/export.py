"""Exports of cases to CSV or Excel, streamed in batches, safe against formula injection."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import IO, Protocol

from openpyxl import Workbook

from models.repos import CaseExportRow, Repo
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
from services.reports.stats import label_of, midnight, persian
from services.texts import Texts
from services.workflow import CaseStatus, Refused, status_label

EXPORT_BATCH = 1000
# The Bot API takes documents up to 50 MB from a bot.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
EXPORT_COLUMNS = (
    "code",
    "status",
    "subject",
    "business",
    "website",
    "licence",
    "received_jalali",
    "received_iso",
    "due",
    "assignee",
    "province",
    "rating",
)
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


def export_filename(request: ExportRequest, now: datetime) -> str:
    """`cases-1405-09-01.xlsx`: the Jalali day of the export, in ASCII."""
    day = format_date_numeric(now, "en").replace("/", "-")
    return f"cases-{day}.{request.format.value}"


class _Sheet(Protocol):
    def append(self, cells: Sequence[str | int | None]) -> None: ...

    def close(self) -> None: ...


class _CsvSheet:
    """UTF-8 with a byte-order mark, so that Excel reads Persian."""

    def __init__(self, path: Path) -> None:
        self._file: IO[str] = path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._file)

    def append(self, cells: Sequence[str | int | None]) -> None:
        self._writer.writerow(["" if cell is None else cell for cell in cells])

    def close(self) -> None:
        self._file.close()


class _XlsxSheet:
    """A write-only workbook: rows go to disk as they come, not kept in memory."""

    def __init__(self, path: Path, title: str) -> None:
        self._path = path
        self._book = Workbook(write_only=True)
        self._sheet = self._book.create_sheet(title)
        self._sheet.sheet_view.rightToLeft = True

    def append(self, cells: Sequence[str | int | None]) -> None:
        self._sheet.append(list(cells))

    def close(self) -> None:
        self._book.save(self._path)


def _open_sheet(request: ExportRequest, path: Path, t: Texts) -> _Sheet:
    if request.format is ExportFormat.CSV:
        return _CsvSheet(path)
    return _XlsxSheet(path, t.plain("export-sheet-title"))


def _text_cell(value: str | None) -> str:
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _jalali_datetime(value: datetime) -> str:
    local = value.astimezone(TEHRAN)
    return f"{format_date_numeric(local, 'en')} {local:%H:%M}"


class _Labels:
    """Labels of statuses and subjects, formatted once an export rather than once a row."""

    def __init__(self, t: Texts) -> None:
        self._t = t
        self._known: dict[tuple[str, str], str] = {}

    def __call__(self, family: str, key: str) -> str:
        if (family, key) not in self._known:
            self._known[family, key] = label_of(self._t, family, key)
        return self._known[family, key]


def _cells(row: CaseExportRow, labels: _Labels) -> list[str | int | None]:
    assignee = " ".join(p for p in (row.assignee_first_name, row.assignee_last_name) if p)
    return [
        format_code(row.code, "en"),
        labels("status", row.status),
        labels("subject", row.subject),
        _text_cell(row.business_name),
        _text_cell(row.business_url),
        _text_cell(row.licence_number),
        _jalali_datetime(row.received_at),
        row.received_at.astimezone(TEHRAN).isoformat(timespec="seconds"),
        _jalali_datetime(row.step_due_at) if row.step_due_at else "",
        _text_cell(assignee),
        _text_cell(row.province),
        row.score,
    ]


def _write_rows(sheet: _Sheet, rows: Sequence[CaseExportRow], labels: _Labels) -> None:
    for row in rows:
        sheet.append(_cells(row, labels))


async def write_export(
    repo: Repo, request: ExportRequest, t: Texts, path: Path, by: User, now: datetime
) -> int:
    """Write the cases an export asks for to `path`, oldest first, batch by batch; return how
    many, and keep who exported what in the audit log (citizens' data leaves the desk: DOMAIN.md
    §4). Headers are in the admin's language; dates are Jalali (Tehran) with ASCII digits, and
    ISO 8601 beside them, so that spreadsheets sort them.

    Formatting and writing run in a worker thread, a batch at a time: a spreadsheet of 10^5
    rows takes seconds of CPU, and the bot keeps answering others meanwhile.
    """
    labels = _Labels(t)
    header = [t.plain(f"export-column-{name}") for name in EXPORT_COLUMNS]
    sheet = await asyncio.to_thread(_open_sheet, request, path, t)
    count = 0
    try:
        await asyncio.to_thread(sheet.append, header)
        async for batch in repo.reports.export_rows(
            since=request.received_from,
            before=request.received_before,
            status=request.status.value if request.status else None,
            batch=EXPORT_BATCH,
        ):
            await asyncio.to_thread(_write_rows, sheet, batch, labels)
            count += len(batch)
    finally:
        await asyncio.to_thread(sheet.close)
    people.audit(repo, by, "export", now, detail=f"{_filters_detail(request)} rows={count}")
    await repo.commit()
    return count


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
