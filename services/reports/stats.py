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
from services.normalize import normalize_text, to_ascii_digits
from services.platforms import PlatformProfile
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
_YEAR = re.compile(r"\d{4}")
_YEAR_MONTH = re.compile(r"(\d{4})\s*[/\-.]\s*(\d{1,2})")


class PeriodKind(StrEnum):
    ALL = "all"
    YEAR = "year"
    MONTH = "month"


@dataclass(frozen=True)
class Period:
    """The cases received in a Jalali year or month (Tehran time), or all of them."""

    kind: PeriodKind = PeriodKind.ALL
    year: int = 0
    month: int = 0

    @property
    def start(self) -> date | None:
        if self.kind is PeriodKind.ALL:
            return None
        return _gregorian(self.year, self.month or 1)

    @property
    def end(self) -> date | None:
        """The first day after the period."""
        if self.kind is PeriodKind.ALL:
            return None
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
    English or Persian), a Jalali year (`1405`), or a Jalali month (`1405/09`, `آذر ۱۴۰۵`);
    digits in any script. Anything else is refused with the usage."""
    words = to_ascii_digits(normalize_text(text)).lower()
    words = " ".join(words.split())
    if not words:
        return Period()
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
    return []


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
        first_response=await _first_response(
            repo, received, calendar, policy.referral_working_days
        ),
        closing=await _closing(repo, received, calendar, policy.overall_days),
        overdue=overdue,
        breached=breached,
        by_clerk=[_clerk(load) for load in loads],
        satisfaction=Satisfaction(await figures.rating_counts_received(received)),
    )


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
    start = period.start
    assert start is not None
    return month_label(start, t.locale)


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


def percent(part: int, whole: int, locale: str) -> str:
    """A share in whole percent: "۷۵٪" / "75%"."""
    value = round(100 * part / whole) if whole else 0
    sign = "٪" if persian(locale) else "%"
    return localize_digits(str(value), locale) + sign


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
