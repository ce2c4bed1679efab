"""Importing the licence registry from a CSV or XLSX file that an admin sends.

The file has one header row, then one licence per row. Its columns, their headers in English
and Persian and how each cell is read are the licence's fields (``services.licences.FIELDS``):
number, holder type (natural / legal, or حقیقی / حقوقی), holder name, the holder's phone
(optional), business name, websites (one or more, separated by ; ، , or a line break),
category, six-digit ISIC code, province, issue and expiry dates (Jalali or Gregorian), status.
Headers are matched ignoring case, spaces, half-spaces and punctuation; other columns are
ignored.

A missing required column stops the import before anything is written (``report.error``).
Otherwise every row is checked on its own: a bad row is rejected with its row number as the
file shows it (the header is row 1), its column and a message key; the other rows import.
Licences are upserted by number; when a number appears twice, the later row wins and the
earlier one is reported as rejected ("licence-import-duplicate-number").
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from models.repos.licences import LicenceRepo, LicenceRow
from services.licence_fields import FIELDS
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

# The import's columns: the licence's fields that a file heads (services.licences.FIELDS).
COLUMNS = tuple(
    Column(field.key, field.headers, field.required) for field in FIELDS if field.headers
)
LAYOUT = SheetLayout(COLUMNS, "licence-import")

# --- checking a row ---------------------------------------------------------------------------


def _row(cells: Cells, today: date) -> LicenceRow:
    """A valid licence from a row's cells, or :class:`RowProblem` for its first problem."""
    read: dict[str, Any] = {}
    for field in FIELDS:
        read[field.name] = field.read(cells, read, today)
    return LicenceRow(**read)


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
