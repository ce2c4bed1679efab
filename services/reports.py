"""The admin console's reading and tuning of the desk: statistics, exports, search, and the
deadline settings of each queue (issue 5 §3).

Numbers are computed by the database (grouped queries; exports streamed in batches), never by
loading every case: a desk holds up to millions. This module turns them into what staff read.
"""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import IO, Protocol

import jdatetime
from openpyxl import Workbook

from models.repositories import CaseExportRow, Repo
from models.tables import Case, CaseEvent, QueuePolicy, User
from services import casework, people, personal_data
from services.calendar import TEHRAN
from services.deadlines import SLA_NOT_POSITIVE_INTEGER, SlaPolicy, policy_from_mapping
from services.desk import DeskConfig, Queue
from services.formatting import (
    format_code,
    format_date,
    format_date_numeric,
    format_number,
    localize_digits,
)
from services.normalize import (
    normalize_text,
    parse_jalali_or_gregorian_date,
    parse_phone,
    search_key,
    to_ascii_digits,
)
from services.platforms import PlatformProfile
from services.texts import LOCALES, Rendered, Texts, UnknownText, texts
from services.tracking import parse_code
from services.workflow import OPEN_STATUSES, CaseStatus, Refused, status_label

# --- statistics -----------------------------------------------------------------------------

MONTHS_SHOWN = 12
# Provinces and clerks beyond these are summed into one line.
TOP_SHOWN = 10
QUANTILES = (0.5, 0.9)
SCORES = range(1, 6)
_HOUR = 3600.0
_DAY = 86400.0


@dataclass(frozen=True)
class Durations:
    """How long something took over `count` cases: median and 90th percentile, in seconds."""

    count: int
    median: float | None
    p90: float | None


@dataclass(frozen=True)
class MonthCount:
    """Cases received in one Jalali month (Tehran time)."""

    start: date
    count: int


@dataclass(frozen=True)
class Satisfaction:
    """Ratings by score."""

    distribution: Mapping[int, int]

    @property
    def count(self) -> int:
        return sum(self.distribution.values())

    @property
    def average(self) -> float | None:
        total = sum(score * count for score, count in self.distribution.items())
        return total / self.count if self.count else None


@dataclass(frozen=True)
class Stats:
    """The desk in numbers at one instant."""

    at: datetime
    total: int
    by_status: list[tuple[str, int]]
    by_subject: list[tuple[str, int]]
    by_month: list[MonthCount]
    # None: no province recorded.
    by_province: list[tuple[str | None, int]]
    # The clerk's name; None: no clerk yet.
    by_clerk: list[tuple[str | None, int]]
    first_response: Durations
    closing: Durations
    satisfaction: Satisfaction


def month_starts(now: datetime, months: int = MONTHS_SHOWN) -> list[date]:
    """The first days of the last `months` Jalali months up to the current one, and of the
    next one (the end of the last period), as Gregorian dates."""
    today = jdatetime.date.fromgregorian(date=now.astimezone(TEHRAN).date())
    index = today.year * 12 + today.month - 1 - (months - 1)
    starts = []
    for offset in range(months + 1):
        year, month = divmod(index + offset, 12)
        starts.append(jdatetime.date(year, month + 1, 1).togregorian())
    return starts


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=TEHRAN)


def _durations(count: int, values: list[float]) -> Durations:
    if count == 0:
        return Durations(0, None, None)
    return Durations(count, values[0], values[1])


async def gather(repo: Repo, now: datetime) -> Stats:
    """Every figure of /stats, each computed by the database (grouped, never case by case).

    Rules: months are Jalali months in Tehran time, the last twelve; time to first response
    is first_response_at − received_at over the cases staff have answered; time to closing is
    decided_at − received_at over closed cases; quantiles interpolate linearly.
    """
    reports = repo.reports
    starts = month_starts(now)
    per_month = await reports.counts_by_period([_midnight(day) for day in starts])
    clerks = [
        (_full_name(first, last) if clerk is not None else None, count)
        for clerk, first, last, count in await reports.counts_by_assignee()
    ]
    responded = await reports.first_response_seconds(QUANTILES)
    closed = await reports.closing_seconds(CaseStatus.CLOSED.value, QUANTILES)
    return Stats(
        at=now,
        total=await reports.count_cases(),
        by_status=_in_order(await reports.counts_by_status(), [s.value for s in CaseStatus]),
        by_subject=await reports.counts_by_subject(),
        by_month=[MonthCount(day, n) for day, n in zip(starts[:-1], per_month, strict=True)],
        by_province=await reports.counts_by_province(),
        by_clerk=clerks,
        first_response=_durations(*responded),
        closing=_durations(*closed),
        satisfaction=Satisfaction(await reports.rating_counts()),
    )


def _full_name(first: str | None, last: str | None) -> str:
    return " ".join(part for part in (first, last) if part) or "—"


def _in_order(counts: list[tuple[str, int]], order: list[str]) -> list[tuple[str, int]]:
    """Statuses in the workflow's order, unknown ones last."""
    rank = {key: index for index, key in enumerate(order)}
    return sorted(counts, key=lambda item: rank.get(item[0], len(rank)))


def _top(
    counts: Sequence[tuple[str | None, int]], limit: int = TOP_SHOWN
) -> tuple[list[tuple[str | None, int]], int]:
    """The first `limit` entries, and the sum of the rest."""
    return list(counts[:limit]), sum(count for _, count in counts[limit:])


def label_of(t: Texts, family: str, key: str) -> str:
    """A status or subject by its label; a key the texts do not know, as it is."""
    try:
        return t.plain(f"{family}-{key}")
    except UnknownText:
        return key


def month_label(day: date, locale: str) -> str:
    """A Jalali month and year: "آذر ۱۴۰۵" / "Azar 1405" (format_date without the day)."""
    return format_date(day, locale).split(" ", 1)[1]


def decimal(value: float, locale: str) -> str:
    """A number with at most one decimal: "۳٫۵" / "3.5", "۲" / "2"."""
    text = f"{value:.1f}".removesuffix(".0")
    if _persian(locale):
        text = text.replace(".", "٫")
    return localize_digits(text, locale)


def _persian(locale: str) -> bool:
    return locale.split("-", 1)[0].lower() == "fa"


def describe(stats: Stats, t: Texts, profile: PlatformProfile) -> Rendered:
    """/stats as text: counts by status, subject, month, province and clerk; response and
    closing times; satisfaction."""
    locale = t.locale
    if stats.total == 0:
        return t.render(profile, "stats-empty")

    def number(value: int) -> str:
        return format_number(value, locale)

    def lines(entries: Sequence[tuple[str, int]], others: int = 0) -> Rendered:
        rows = [
            t.render(profile, "stats-line", label=label, count=number(count))
            for label, count in entries
        ]
        if others:
            rows.append(
                t.render(
                    profile, "stats-line", label=t.plain("stats-others"), count=number(others)
                )
            )
        return Rendered("\n".join(rows)) if rows else Rendered(t.plain("stats-none"))

    provinces, other_provinces = _top(stats.by_province)
    clerks, other_clerks = _top(stats.by_clerk)
    return t.render(
        profile,
        "stats",
        date=format_date(stats.at, locale),
        total=number(stats.total),
        statuses=lines([(label_of(t, "status", k), c) for k, c in stats.by_status]),
        subjects=lines([(label_of(t, "subject", k), c) for k, c in stats.by_subject]),
        months=lines([(month_label(m.start, locale), m.count) for m in stats.by_month]),
        provinces=lines(
            [(p or t.plain("stats-province-unknown"), c) for p, c in provinces], other_provinces
        ),
        clerks=lines([(n or t.plain("stats-unassigned"), c) for n, c in clerks], other_clerks),
        responded=number(stats.first_response.count),
        first_response=_durations_text(stats.first_response, _HOUR, "stats-hours", t, profile),
        closed=number(stats.closing.count),
        closing=_durations_text(stats.closing, _DAY, "stats-days", t, profile),
        satisfaction=_satisfaction_text(stats.satisfaction, t, profile),
    )


def _durations_text(
    durations: Durations, unit: float, key: str, t: Texts, profile: PlatformProfile
) -> Rendered:
    if durations.median is None or durations.p90 is None:
        return Rendered(t.plain("stats-none"))
    return t.render(
        profile,
        key,
        median=decimal(durations.median / unit, t.locale),
        p90=decimal(durations.p90 / unit, t.locale),
    )


def _satisfaction_text(satisfaction: Satisfaction, t: Texts, profile: PlatformProfile) -> Rendered:
    average = satisfaction.average
    if average is None:
        return Rendered(t.plain("stats-no-ratings"))
    scores = "\n".join(
        t.render(
            profile,
            "stats-score-line",
            score=localize_digits(str(score), t.locale),
            count=format_number(satisfaction.distribution.get(score, 0), t.locale),
        )
        for score in reversed(SCORES)
    )
    return t.render(
        profile,
        "stats-satisfaction",
        count=format_number(satisfaction.count, t.locale),
        average=decimal(average, t.locale),
        scores=Rendered(scores),
    )


# --- export ---------------------------------------------------------------------------------

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
        return _midnight(self.since) if self.since else None

    @property
    def received_before(self) -> datetime | None:
        return _midnight(self.until + timedelta(days=1)) if self.until else None


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
        status = status_named(" ".join(given["status"]))
        if status is None:
            known = ", ".join(s.value for s in CaseStatus)
            return Refused(
                "export-bad-status", {"value": " ".join(given["status"]), "known": known}
            )
    chosen = ExportFormat.XLSX
    if "format" in given:
        found = _FORMATS.get(" ".join(given["format"]).lower())
        if found is None:
            return Refused("export-bad-format", {"value": " ".join(given["format"])})
        chosen = found
    return ExportRequest(since, until, status, chosen)


def status_named(text: str) -> CaseStatus | None:
    """A status by its key (`closed`) or its label in any language (`مختومه`)."""
    wanted = normalize_text(text).lower()
    for status in CaseStatus:
        names = {status.value} | {texts(locale).plain(status_label(status)) for locale in LOCALES}
        if wanted in {normalize_text(name).lower() for name in names}:
            return status
    return None


def describe_filters(request: ExportRequest, t: Texts) -> str:
    """The filters of an export in words, for the caption of its file."""
    parts = []
    if request.since is not None:
        parts.append(t.plain("export-filter-from", day=format_date(request.since, t.locale)))
    if request.until is not None:
        parts.append(t.plain("export-filter-to", day=format_date(request.until, t.locale)))
    if request.status is not None:
        parts.append(t.plain("export-filter-status", status=t.plain(status_label(request.status))))
    return "، ".join(parts) if _persian(t.locale) else ", ".join(parts)


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


# --- search ---------------------------------------------------------------------------------

FIND_LIMIT = 20


class FoundBy(StrEnum):
    CODE = "code"
    PHONE = "phone"
    TEXT = "text"


@dataclass(frozen=True)
class Found:
    """Cases that match a search, newest first, at most FIND_LIMIT; `more` when others do."""

    by: FoundBy
    cases: list[Case]
    more: bool


async def find_cases(repo: Repo, text: str, by: User, now: datetime) -> Found | None:
    """Cases by tracking code (any digits), phone (any usual spelling), business name
    (tolerant key, prefix or inside) or whole words of the description (tolerant keys); None
    for an empty query. Each search is kept in the audit log, with any phone number or national
    ID in it as its keyed digest only."""
    query = normalize_text(text)
    if not query:
        return None
    found = await _search(repo, query)
    # A code the desk gave is no one's datum, though its digits may pass for a national ID.
    own_code = found.by is FoundBy.CODE
    people.audit(
        repo, by, "find", now, detail=query if own_code else personal_data.redacted(query)
    )
    await repo.commit()
    return found


async def _search(repo: Repo, query: str) -> Found:
    """A code the desk never gave may be someone's number: it is looked for as one."""
    code = parse_code(query)
    by_code = await repo.reports.find_by_code(code.digits) if code is not None else []
    if by_code:
        return Found(FoundBy.CODE, by_code, more=False)
    phone = parse_phone(query)
    if phone is not None:
        cases = await repo.reports.find_by_phone(phone, FIND_LIMIT + 1)
        return Found(FoundBy.PHONE, cases[:FIND_LIMIT], more=len(cases) > FIND_LIMIT)
    words = personal_data.index_terms(query)
    cases = await repo.reports.find_by_text(search_key(query), words, FIND_LIMIT + 1)
    return Found(FoundBy.TEXT, cases[:FIND_LIMIT], more=len(cases) > FIND_LIMIT)


def describe_found(found: Found, t: Texts, profile: PlatformProfile) -> Rendered:
    """The cases found, a line each: code, status, business, date received."""
    if not found.cases:
        return t.render(profile, "find-none")
    lines = "\n".join(
        t.render(
            profile,
            "find-line",
            code=format_code(case.code, t.locale),
            status=label_of(t, "status", case.status),
            business=case.business_name,
            date=format_date(case.received_at, t.locale),
        )
        for case in found.cases
    )
    text = t.render(
        profile,
        "find-results",
        count=format_number(len(found.cases), t.locale),
        lines=Rendered(lines),
    )
    return Rendered(text + "\n" + t.render(profile, "find-more")) if found.more else text


# --- deadline settings ----------------------------------------------------------------------


@dataclass(frozen=True)
class SlaCommand:
    """`/sla [QUEUE] [name=days …]`: show a queue's settings, or change some of them."""

    queue: Queue
    values: dict[str, int]


@dataclass(frozen=True)
class SlaChanged:
    """A change made: the settings before and after, and how many open cases were re-timed."""

    queue: Queue
    before: SlaPolicy
    after: SlaPolicy
    moved: int


def parse_sla(text: str) -> SlaCommand | Refused:
    """The queue (complaints when not named) and the settings typed as `name=days`; digits
    in any script. A value that is not a whole number is refused here; the rest of the rules
    are policy_from_mapping's."""
    words = to_ascii_digits(normalize_text(text)).split()
    queue = Queue.COMPLAINTS
    if words and "=" not in words[0]:
        named = words.pop(0).lower()
        if named not in {q.value for q in Queue}:
            known = ", ".join(q.value for q in Queue)
            return Refused("sla-unknown-queue", {"name": named, "known": known})
        queue = Queue(named)
    values: dict[str, int] = {}
    for word in words:
        name, equals, raw = word.partition("=")
        if not equals or not name:
            return Refused("sla-usage")
        try:
            values[name] = int(raw)
        except ValueError:
            return Refused(SLA_NOT_POSITIVE_INTEGER, {"name": name, "value": raw})
    return SlaCommand(queue, values)


async def change_sla(
    repo: Repo, command: SlaCommand, by: User, now: datetime, config: DeskConfig
) -> SlaChanged | Refused:
    """Change a queue's deadline settings over its current ones, and commit: the stored policy
    (only what differs from the law's figures), an audit entry, and the deadlines of the
    queue's open cases recomputed (each case that moved gets an event). A refused change
    changes nothing."""
    before = await casework.policy_for(repo, command.queue)
    after = policy_from_mapping(command.values, base=before)
    if isinstance(after, Refused):
        return after
    law = SlaPolicy()
    values = {name: value for name, value in asdict(after).items() if getattr(law, name) != value}
    await repo.workflow.set_policy(
        QueuePolicy(queue=command.queue.value, values=values, updated_at=now, updated_by=by.id)
    )
    detail = f"{command.queue}: " + ", ".join(
        f"{name} {getattr(before, name)}→{getattr(after, name)}" for name in command.values
    )
    people.audit(repo, by, "sla_changed", now, detail=detail)
    moved = await _retime(repo, command.queue, after, by, now, config, detail)
    await repo.commit()
    return SlaChanged(command.queue, before, after, moved)


async def _retime(
    repo: Repo,
    queue: Queue,
    policy: SlaPolicy,
    by: User,
    now: datetime,
    config: DeskConfig,
    detail: str,
) -> int:
    calendar = await casework.calendar_for(repo, config)
    moved = 0
    statuses = [status.value for status in OPEN_STATUSES]
    for case in await repo.workflow.open_cases_with_due([queue.value], statuses):
        before = (case.step_due_at, case.overall_due_at)
        casework.refresh_deadlines(case, policy, calendar, config)
        if (case.step_due_at, case.overall_due_at) != before:
            moved += 1
            repo.cases.add_event(
                CaseEvent(
                    case_id=case.id,
                    at=now,
                    actor_id=by.id,
                    actor_role="admin",
                    platform=by.platform,
                    action="sla_changed",
                    from_status=case.status,
                    to_status=case.status,
                    note=detail,
                )
            )
    return moved


def describe_sla(queue: Queue, policy: SlaPolicy, t: Texts, profile: PlatformProfile) -> Rendered:
    """A queue's deadline settings, each with its name to type and the law's figure where it
    differs."""
    law = SlaPolicy()
    lines = []
    for item in fields(SlaPolicy):
        value = getattr(policy, item.name)
        default = getattr(law, item.name)
        lines.append(
            t.render(
                profile,
                "sla-line" if value == default else "sla-line-changed",
                label=t.plain(f"sla-setting-{item.name}"),
                name=item.name,
                value=format_number(value, t.locale),
                default=format_number(default, t.locale),
            )
        )
    return t.render(
        profile,
        "sla-show",
        queue=t.plain(f"sla-queue-{queue.value}"),
        queue_key=queue.value,
        lines=Rendered("\n".join(lines)),
    )


def describe_sla_change(change: SlaChanged, t: Texts, profile: PlatformProfile) -> Rendered:
    """The change made, then the queue's settings as they now are."""
    done = t.render(
        profile,
        "sla-changed",
        queue=t.plain(f"sla-queue-{change.queue.value}"),
        moved=format_number(change.moved, t.locale),
    )
    return Rendered(done + "\n\n" + describe_sla(change.queue, change.after, t, profile))
