"""Statistics of the desk over a period of receipt: what the union reports (seed 003: status,
subject, province, month, member or not) and what a desk lead watches (response and closing
times against their deadlines, what is overdue now, each clerk's load, satisfaction).

Every figure is computed by the database (grouped, never case by case).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

import jdatetime

from models.repos import Repo
from models.repos.case_reports import ClerkLoad, Received
from models.tables import Case
from services.calendar import TEHRAN, WorkingCalendar
from services.casework.clocks import calendar_for, policy_for
from services.days import MONTHS
from services.desk import DeskConfig, Queue, Subject
from services.formatting import (
    format_date,
    format_number,
    localize_digits,
)
from services.normalize import (
    normalize_text,
    parse_jalali_or_gregorian_date,
    to_ascii_digits,
)
from services.platforms import PlatformProfile
from services.sources import body_text
from services.texts import Rendered, Texts, UnknownText
from services.workflow import FOLLOWED, OPEN_STATUSES, CaseStatus, Refused

MONTHS_SHOWN = 12
# Provinces and clerks beyond these are summed into one line.
TOP_SHOWN = 10
QUANTILES = (0.5, 0.9)
SCORES = range(1, 6)
_HOUR = 3600.0
_DAY = 86400.0
# Jalali years a period may name: anything else is a typing mistake.
YEARS = range(1380, 1500)

_THIS_MONTH = {"this month", "این ماه", "ماه جاری", "همین ماه"}
_LAST_MONTH = {"last month", "ماه قبل", "ماه گذشته", "ماه پیش"}
_THIS_YEAR = {"this year", "امسال", "سال جاری"}
_LAST_YEAR = {"last year", "پارسال", "سال قبل", "سال گذشته"}
_RANGE_WORDS = {"from": "from", "از": "from", "to": "to", "تا": "to"}
_YEAR = re.compile(r"\d{4}")
_YEAR_MONTH = re.compile(r"(\d{4})\s*[/\-.]\s*(\d{1,2})")


class PeriodKind(StrEnum):
    ALL = "all"
    YEAR = "year"
    MONTH = "month"
    # From one day to another, both included; either side may be open.
    RANGE = "range"


@dataclass(frozen=True)
class Period:
    """The cases received in a Jalali year or month (Tehran time), from one day to another
    (`since` and `until` included, either may be None), or all of them."""

    kind: PeriodKind = PeriodKind.ALL
    year: int = 0
    month: int = 0
    since: date | None = None
    until: date | None = None

    @property
    def start(self) -> date | None:
        if self.kind is PeriodKind.ALL:
            return None
        if self.kind is PeriodKind.RANGE:
            return self.since
        return _gregorian(self.year, self.month or 1)

    @property
    def end(self) -> date | None:
        """The first day after the period."""
        if self.kind is PeriodKind.ALL:
            return None
        if self.kind is PeriodKind.RANGE:
            return self.until + timedelta(days=1) if self.until is not None else None
        if self.kind is PeriodKind.YEAR:
            return _gregorian(self.year + 1, 1)
        year, month = divmod(self.year * 12 + self.month, 12)
        return _gregorian(year, month + 1)

    def received(self) -> Received:
        start, end = self.start, self.end
        return Received(
            midnight(start) if start is not None else None,
            midnight(end) if end is not None else None,
        )


def _gregorian(year: int, month: int) -> date:
    """The first day of a Jalali month."""
    day: date = jdatetime.date(year, month, 1).togregorian()
    return day


def parse_period(text: str, now: datetime) -> Period | Refused:
    """`/stats` (every case), `this month`, `last month`, `this year`, `last year` (in
    English or Persian), a Jalali year (`1405`), a Jalali month (`1405/09`, `آذر ۱۴۰۵`), or
    days `from DATE to DATE` (`از ۱۴۰۵/۰۷/۰۱ تا ۱۴۰۵/۰۸/۱۵`; either side alone, Jalali or
    Gregorian, both days included); digits in any script. Anything else is refused with the
    usage."""
    words = to_ascii_digits(normalize_text(text)).lower()
    words = " ".join(words.split())
    if not words:
        return Period()
    if words.split(" ", 1)[0] in _RANGE_WORDS:
        return _range(words, text)
    today = jdatetime.date.fromgregorian(date=now.astimezone(TEHRAN).date())
    if words in _THIS_MONTH:
        return Period(PeriodKind.MONTH, today.year, today.month)
    if words in _LAST_MONTH:
        year, month = divmod(today.year * 12 + today.month - 2, 12)
        return Period(PeriodKind.MONTH, year, month + 1)
    if words in _THIS_YEAR:
        return Period(PeriodKind.YEAR, today.year)
    if words in _LAST_YEAR:
        return Period(PeriodKind.YEAR, today.year - 1)
    period = _named_period(words)
    if period is None or period.year not in YEARS or not 0 <= period.month <= 12:
        return Refused("stats-bad-period", {"value": text.strip()})
    return period


def _range(words: str, text: str) -> Period | Refused:
    """`from DATE to DATE`, `from DATE` or `to DATE`, in English or Persian."""
    given: dict[str, list[str]] = {}
    current = ""
    for word in words.split():
        side = _RANGE_WORDS.get(word)
        if side is not None and side not in given:
            given[side] = []
            current = side
        else:
            given.setdefault(current, []).append(word)
    days: dict[str, date] = {}
    for side, parts in given.items():
        day = parse_jalali_or_gregorian_date(" ".join(parts)) if side and parts else None
        if day is None:
            return Refused("stats-bad-period", {"value": text.strip()})
        days[side] = day
    since, until = days.get("from"), days.get("to")
    if since is not None and until is not None and since > until:
        return Refused("stats-reversed")
    return Period(PeriodKind.RANGE, since=since, until=until)


def _named_period(words: str) -> Period | None:
    if _YEAR.fullmatch(words):
        return Period(PeriodKind.YEAR, int(words))
    numbers = _YEAR_MONTH.fullmatch(words)
    if numbers:
        month = int(numbers[2])
        return Period(PeriodKind.MONTH, int(numbers[1]), month) if month else None
    parts = words.split()
    if len(parts) == 2:
        for name, year in (parts, parts[::-1]):
            if name in MONTHS and _YEAR.fullmatch(year):
                return Period(PeriodKind.MONTH, int(year), MONTHS[name])
    return None


@dataclass(frozen=True)
class Durations:
    """How long something took over `count` cases: median and 90th percentile, in seconds,
    and how many of them came by their deadline (`days` long)."""

    count: int
    median: float | None
    p90: float | None
    on_time: int = 0
    days: int = 0


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
class Clerk:
    """A clerk's load by name (None: cases with no clerk): followed now, overdue now, and
    received in the period."""

    name: str | None
    open: int
    overdue: int
    received: int


@dataclass(frozen=True)
class Tally:
    """Cases by status (stored values), none listed with zero."""

    by_status: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class BodyTally:
    """The cases a referring body sent: the body, its name (an organization's province,
    another body's name), and the cases by status."""

    body: str
    name: str | None
    tally: Tally


@dataclass(frozen=True)
class UnionTable:
    """The union's table of complaints (seed 003, «تفکیک شکایات»): those filed with the desk
    against members of the union and against non-members, and those referred by other bodies
    (each body apart), each by status. The three rows make the whole."""

    members: Tally
    non_members: Tally
    referred: Tally
    # Most cases first.
    bodies: list[BodyTally]

    @property
    def total(self) -> int:
        return self.members.total + self.non_members.total + self.referred.total

    @property
    def filed(self) -> int:
        """Filed in chat, member or not."""
        return self.members.total + self.non_members.total


@dataclass(frozen=True)
class Stats:
    """The desk in numbers: the cases received in a period, and its load at one instant."""

    at: datetime
    period: Period
    total: int
    # Every status, in the workflow's order, zeros included.
    by_status: list[tuple[str, int]]
    # Closed cases by why they were closed (services.workflow.Closing).
    by_closing: list[tuple[str, int]]
    # Every subject, zeros included.
    by_subject: list[tuple[str, int]]
    # The months of the period (none for a single month).
    by_month: list[MonthCount]
    # None: no province recorded.
    by_province: list[tuple[str | None, int]]
    members: int
    non_members: int
    # By source (filed in chat, or referred by which body), member or not, and status.
    union: UnionTable
    first_response: Durations
    closing: Durations
    # Now: followed cases past their step's deadline, open cases past Article 72's.
    overdue: int
    breached: int
    by_clerk: list[Clerk]
    satisfaction: Satisfaction


def month_starts(now: datetime, months: int = MONTHS_SHOWN) -> list[date]:
    """The first days of the last `months` Jalali months up to the current one, and of the
    next one (the end of the last period), as Gregorian dates."""
    today = jdatetime.date.fromgregorian(date=now.astimezone(TEHRAN).date())
    return _month_starts(today.year * 12 + today.month - 1 - (months - 1), months)


def _month_starts(first: int, months: int) -> list[date]:
    starts = []
    for offset in range(months + 1):
        year, month = divmod(first + offset, 12)
        starts.append(jdatetime.date(year, month + 1, 1).togregorian())
    return starts


def _period_months(period: Period, now: datetime) -> list[date]:
    if period.kind is PeriodKind.ALL:
        return month_starts(now)
    if period.kind is PeriodKind.YEAR:
        return _month_starts(period.year * 12, 12)
    if period.kind is PeriodKind.RANGE:
        return _range_months(period, now)
    return []


def _range_months(period: Period, now: datetime) -> list[date]:
    """The Jalali months a range touches, its first and last cut to the range: their starts
    and the day after the range. None for a range within one month or over two years."""
    first = period.since
    last = period.until or now.astimezone(TEHRAN).date()
    if first is None or first > last:
        return []
    start = jdatetime.date.fromgregorian(date=first)
    end = jdatetime.date.fromgregorian(date=last)
    months = (end.year * 12 + end.month) - (start.year * 12 + start.month)
    if months == 0 or months >= 2 * MONTHS_SHOWN:
        return []
    starts = _month_starts(start.year * 12 + start.month - 1, months)
    return [first, *starts[1:], last + timedelta(days=1)]


def midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=TEHRAN)


def _durations(count: int, values: list[float], on_time: int, days: int) -> Durations:
    if count == 0:
        return Durations(0, None, None, 0, days)
    return Durations(count, values[0], values[1], on_time, days)


async def gather(repo: Repo, now: datetime, config: DeskConfig, period: Period) -> Stats:
    """Every figure of /stats, each computed by the database (grouped, never case by case).

    Rules: a case belongs to the period it was received in (Jalali months, Tehran time);
    a business is a member of the union when the registry holds its licence (by the number
    given or its website); the first response is due within the referral step's working days
    of receipt (Article 6 (1)), and closing within Article 72's days of the clock's start,
    both by the complaints queue's settings and the office calendar; overdue and breached
    are counted now, whatever the period; quantiles interpolate linearly.
    """
    figures = repo.case_reports
    received = period.received()
    starts = _period_months(period, now)
    per_month = []
    if starts:
        per_month = await repo.case_reports.counts_by_period([midnight(day) for day in starts])
    statuses = dict(await figures.counts_received_by(Case.status, received))
    subjects = dict(await figures.counts_received_by(Case.subject, received))
    members, non_members = await figures.counts_by_membership(received)
    policy = await policy_for(repo, Queue.COMPLAINTS.value)
    calendar = await calendar_for(repo, config)
    followed = [status.value for status in FOLLOWED]
    overdue, breached = await figures.overdue_now(
        now, followed, [status.value for status in OPEN_STATUSES]
    )
    loads = await figures.clerk_loads(now, received, followed)
    return Stats(
        at=now,
        period=period,
        total=await figures.count_received(received),
        by_status=[(status.value, statuses.get(status.value, 0)) for status in CaseStatus]
        + [(key, count) for key, count in statuses.items() if key not in set(CaseStatus)],
        by_closing=await figures.counts_by_closing(CaseStatus.CLOSED.value, received),
        by_subject=[(subject.value, subjects.get(subject.value, 0)) for subject in Subject]
        + [(key, count) for key, count in subjects.items() if key not in set(Subject)],
        by_month=[MonthCount(day, n) for day, n in zip(starts[:-1], per_month, strict=True)],
        by_province=await figures.counts_received_by(Case.province, received),
        members=members,
        non_members=non_members,
        union=await union_table(repo, received),
        first_response=await _first_response(
            repo, received, calendar, policy.referral_working_days
        ),
        closing=await _closing(repo, received, calendar, policy.overall_days),
        overdue=overdue,
        breached=breached,
        by_clerk=[_clerk(load) for load in loads],
        satisfaction=Satisfaction(await figures.rating_counts_received(received)),
    )


async def union_table(repo: Repo, received: Received, status: str | None = None) -> UnionTable:
    """The union's table over the cases received (in `status`, None: any), from one grouped
    query: a case filed in chat counts against a member or a non-member; a referred case
    under its body, member or not (the union's report counts referred complaints apart)."""
    members: dict[str, int] = {}
    non_members: dict[str, int] = {}
    referred: dict[str, int] = {}
    bodies: dict[tuple[str, str | None], dict[str, int]] = {}
    for row in await repo.case_reports.counts_by_source_and_status(received, status):
        if row.body is None:
            target = members if row.member else non_members
        else:
            target = bodies.setdefault((row.body, row.name), {})
            referred[row.status] = referred.get(row.status, 0) + row.cases
        target[row.status] = target.get(row.status, 0) + row.cases
    listed = [BodyTally(body, name, Tally(counts)) for (body, name), counts in bodies.items()]
    listed.sort(key=lambda item: (-item.tally.total, item.body, item.name or ""))
    return UnionTable(Tally(members), Tally(non_members), Tally(referred), listed)


def statuses_in_order(tally: Tally) -> list[tuple[str, int]]:
    """A tally's statuses in the workflow's order (one not in the workflow last), zeros left
    out."""
    known = [(status.value, tally.by_status.get(status.value, 0)) for status in CaseStatus]
    unknown = [(key, n) for key, n in tally.by_status.items() if key not in set(CaseStatus)]
    return [(key, n) for key, n in known + unknown if n]


def _clerk(load: ClerkLoad) -> Clerk:
    name = None
    if load.clerk_id is not None:
        name = " ".join(part for part in (load.first_name, load.last_name) if part) or ""
    return Clerk(name, load.open, load.overdue, load.received)


def _days(first: datetime, last: datetime) -> list[date]:
    day, end = first.astimezone(TEHRAN).date(), last.astimezone(TEHRAN).date()
    days = []
    while day <= end:
        days.append(day)
        day += timedelta(days=1)
    return days


async def _first_response(
    repo: Repo, received: Received, calendar: WorkingCalendar, working_days: int
) -> Durations:
    """Receipt to the first response; due by the office's closing time on the n-th working
    day after the day its clock starts (the day received, or the next working day when it
    came after hours), so every case received between two closing times shares a deadline."""
    figures = repo.case_reports
    where = [*received.where(), Case.first_response_at.is_not(None)]
    count, values = await figures.seconds_quantiles(
        Case.received_at, Case.first_response_at, where, QUANTILES
    )
    on_time = 0
    first, last = await figures.start_range(Case.received_at, where)
    if count and first is not None and last is not None:
        deadlines = [
            (
                datetime.combine(day, calendar.office_close, tzinfo=TEHRAN),
                calendar.add_working_days(
                    datetime.combine(day, calendar.office_open, tzinfo=TEHRAN), working_days
                ),
            )
            for day in _days(first, last + timedelta(days=1))
        ]
        on_time = await figures.count_on_time(
            Case.received_at, Case.first_response_at, deadlines, where
        )
    return _durations(count, values, on_time, working_days)


async def _closing(
    repo: Repo, received: Received, calendar: WorkingCalendar, days: int
) -> Durations:
    """Receipt to the decision of closed cases; Article 72's days run from the day the clock
    started (a reopened case starts again), to the office's closing time."""
    figures = repo.case_reports
    where = [
        *received.where(),
        Case.status == CaseStatus.CLOSED.value,
        Case.decided_at.is_not(None),
    ]
    count, values = await figures.seconds_quantiles(
        Case.received_at, Case.decided_at, where, QUANTILES
    )
    on_time = 0
    first, last = await figures.start_range(Case.clock_started_at, where)
    if count and first is not None and last is not None:
        deadlines = [
            (
                midnight(day + timedelta(days=1)),
                calendar.add_calendar_days(datetime.combine(day, time(12), tzinfo=TEHRAN), days),
            )
            for day in _days(first, last)
        ]
        on_time = await figures.count_on_time(
            Case.clock_started_at, Case.decided_at, deadlines, where
        )
    return _durations(count, values, on_time, days)


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


def period_label(period: Period, t: Texts) -> str:
    """«همه پرونده‌ها», «سال ۱۴۰۵», «آذر ۱۴۰۵»."""
    if period.kind is PeriodKind.ALL:
        return t.plain("stats-period-all")
    if period.kind is PeriodKind.YEAR:
        return t.plain("stats-period-year", year=localize_digits(str(period.year), t.locale))
    if period.kind is PeriodKind.RANGE:
        return _range_label(period, t)
    start = period.start
    assert start is not None
    return month_label(start, t.locale)


def _range_label(period: Period, t: Texts) -> str:
    """«از ۱ مهر ۱۴۰۵ تا ۱۵ آبان ۱۴۰۵», «از ۱ مهر ۱۴۰۵», «تا ۱۵ آبان ۱۴۰۵»."""
    since = format_date(period.since, t.locale) if period.since else None
    until = format_date(period.until, t.locale) if period.until else None
    if since and until:
        return t.plain("stats-period-range", since=since, until=until)
    if since:
        return t.plain("stats-period-since", since=since)
    return t.plain("stats-period-until", until=until or "")


def clerk_label(clerk: Clerk, t: Texts) -> str:
    """A clerk by name; never by platform id."""
    if clerk.name is None:
        return t.plain("stats-unassigned")
    return clerk.name or t.plain("stats-clerk-nameless")


def decimal(value: float, locale: str) -> str:
    """A number with at most one decimal: "۳٫۵" / "3.5", "۲" / "2"."""
    text = f"{value:.1f}".removesuffix(".0")
    if persian(locale):
        text = text.replace(".", "٫")
    return localize_digits(text, locale)


def percent(part: int, whole: int, locale: str, places: int = 0) -> str:
    """A share in whole percent: "۷۵٪" / "75%"; with `places` decimals: "۱۸٫۸٪" / "18.8%"."""
    value = 100 * part / whole if whole else 0
    text = f"{value:.{places}f}"
    sign = "٪" if persian(locale) else "%"
    if persian(locale):
        text = text.replace(".", "٫")
    return localize_digits(text, locale) + sign


def persian(locale: str) -> bool:
    return locale.split("-", 1)[0].lower() == "fa"


def describe(stats: Stats, t: Texts, profile: PlatformProfile) -> Rendered:
    """/stats as text: the period's counts by status, subject, month, province and
    membership; response and closing times against their deadlines; what is overdue now;
    each clerk's load; satisfaction."""
    locale = t.locale
    period = period_label(stats.period, t)
    if stats.total == 0:
        key = "stats-empty" if stats.period.kind is PeriodKind.ALL else "stats-empty-period"
        return t.render(profile, key, period=period)

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

    def section(key: str, body: Rendered) -> str:
        return t.render(profile, key, lines=body)

    def statuses() -> Rendered:
        # Closed cases are counted once more by why they were closed, under their line.
        rows = []
        for key, count in stats.by_status:
            rows.append(lines([(label_of(t, "status", key), count)]))
            if key == CaseStatus.CLOSED:
                rows.extend(
                    t.render(
                        profile,
                        "stats-subline",
                        label=label_of(t, "closing", reason),
                        count=number(n),
                    )
                    for reason, n in stats.by_closing
                )
        return Rendered("\n".join(rows)) if rows else Rendered(t.plain("stats-none"))

    provinces, other_provinces = _top(stats.by_province)
    sections = [
        t.render(profile, "stats-head", period=period, total=number(stats.total)),
        section(
            "stats-section-statuses",
            statuses(),
        ),
        section(
            "stats-section-subjects",
            lines([(label_of(t, "subject", k), c) for k, c in stats.by_subject]),
        ),
    ]
    if stats.by_month:
        recent = stats.period.kind is PeriodKind.ALL
        sections.append(
            section(
                "stats-section-last-months" if recent else "stats-section-months",
                lines([(month_label(m.start, locale), m.count) for m in stats.by_month]),
            )
        )
    sections += [
        section(
            "stats-section-provinces",
            lines(
                [(p or t.plain("stats-province-unknown"), c) for p, c in provinces],
                other_provinces,
            ),
        ),
        t.render(
            profile,
            "stats-membership",
            members=number(stats.members),
            members_share=percent(stats.members, stats.total, locale),
            non_members=number(stats.non_members),
            non_members_share=percent(stats.non_members, stats.total, locale),
        ),
        _sources_text(stats.union, t, profile),
        union_text(stats.union, t, profile),
        _durations_text(stats.first_response, _HOUR, "stats-first-response", t, profile),
        _durations_text(stats.closing, _DAY, "stats-closing", t, profile),
        t.render(
            profile,
            "stats-now",
            date=format_date(stats.at, locale),
            overdue=number(stats.overdue),
            breached=number(stats.breached),
        ),
        _clerks_text(stats.by_clerk, t, profile),
        _satisfaction_text(stats.satisfaction, t, profile),
    ]
    return Rendered("\n\n".join(sections))


def source_label(body: str | None, name: str | None, t: Texts) -> str:
    """Where cases came from: the chat, or the body that referred them."""
    return t.plain("source-chat") if body is None else body_text(body, name, t)


def joined(parts: Sequence[str], locale: str) -> str:
    """Parts of one line: «الف، ب» / "a, b"."""
    return ("، " if persian(locale) else ", ").join(parts)


def source_counts(union: UnionTable, t: Texts) -> list[tuple[str, int]]:
    """Cases per source, in words: the chat first, then each body, most first (the bodies
    past TOP_SHOWN summed into one «سایر»), for the text and the chart alike."""
    counts = [(source_label(None, None, t), union.filed)] + [
        (source_label(item.body, item.name, t), item.tally.total) for item in union.bodies
    ]
    shown, others = counts[: TOP_SHOWN + 1], counts[TOP_SHOWN + 1 :]
    if others:
        shown.append((t.plain("stats-others"), sum(count for _, count in others)))
    return shown


def _sources_text(union: UnionTable, t: Texts, profile: PlatformProfile) -> Rendered:
    """Cases per source with their share: the chat first, then each body, most first (the
    bodies past TOP_SHOWN summed into one line)."""
    locale, whole = t.locale, union.total
    shown = source_counts(union, t)
    rows = [
        t.render(
            profile,
            "stats-share-line",
            label=label,
            count=format_number(count, locale),
            share=percent(count, whole, locale),
        )
        for label, count in shown
    ]
    return t.render(profile, "stats-section-sources", lines=Rendered("\n".join(rows)))


def union_text(union: UnionTable, t: Texts, profile: PlatformProfile) -> Rendered:
    """The union's table (seed 003): filed against members, against non-members, referred
    by other bodies, each with its share of the whole (one decimal, as the union reports)
    and, under it, its cases by status."""
    locale, whole = t.locale, union.total
    rows = []
    for key, tally in (
        ("stats-union-members", union.members),
        ("stats-union-non-members", union.non_members),
        ("stats-union-referred", union.referred),
    ):
        rows.append(
            t.render(
                profile,
                "stats-share-line",
                label=t.plain(key),
                count=format_number(tally.total, locale),
                share=percent(tally.total, whole, locale, places=1),
            )
        )
        statuses = [
            t.plain(
                "stats-status-count",
                status=label_of(t, "status", status),
                count=format_number(count, locale),
            )
            for status, count in statuses_in_order(tally)
        ]
        if statuses:
            rows.append(
                t.render(profile, "stats-union-statuses", statuses=joined(statuses, locale))
            )
    return t.render(profile, "stats-section-union", lines=Rendered("\n".join(rows)))


def _durations_text(
    durations: Durations, unit: float, key: str, t: Texts, profile: PlatformProfile
) -> Rendered:
    locale = t.locale
    if durations.median is None or durations.p90 is None:
        return t.render(profile, f"{key}-none")
    return t.render(
        profile,
        key,
        count=format_number(durations.count, locale),
        median=decimal(durations.median / unit, locale),
        p90=decimal(durations.p90 / unit, locale),
        on_time=format_number(durations.on_time, locale),
        share=percent(durations.on_time, durations.count, locale),
        days=format_number(durations.days, locale),
    )


def _clerks_text(clerks: Sequence[Clerk], t: Texts, profile: PlatformProfile) -> Rendered:
    locale = t.locale
    shown, rest = list(clerks[:TOP_SHOWN]), clerks[TOP_SHOWN:]
    rows = [
        t.render(
            profile,
            "stats-clerk-line",
            clerk=clerk_label(clerk, t),
            open=format_number(clerk.open, locale),
            overdue=format_number(clerk.overdue, locale),
            received=format_number(clerk.received, locale),
        )
        for clerk in shown
    ]
    if rest:
        rows.append(
            t.render(
                profile,
                "stats-clerk-line",
                clerk=t.plain("stats-others"),
                open=format_number(sum(c.open for c in rest), locale),
                overdue=format_number(sum(c.overdue for c in rest), locale),
                received=format_number(sum(c.received for c in rest), locale),
            )
        )
    body = Rendered("\n".join(rows)) if rows else Rendered(t.plain("stats-none"))
    return t.render(profile, "stats-section-clerks", lines=body)


def _satisfaction_text(satisfaction: Satisfaction, t: Texts, profile: PlatformProfile) -> Rendered:
    average = satisfaction.average
    if average is None:
        return t.render(profile, "stats-section-satisfaction", lines=t.plain("stats-no-ratings"))
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
        "stats-section-satisfaction",
        lines=t.render(
            profile,
            "stats-satisfaction",
            count=format_number(satisfaction.count, t.locale),
            average=decimal(average, t.locale),
            scores=Rendered(scores),
        ),
    )
