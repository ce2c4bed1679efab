"""Statistics of the desk: counts, durations and satisfaction, computed by the database."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

import jdatetime

from models.repos import Repo
from services.calendar import TEHRAN
from services.formatting import (
    format_date,
    format_number,
    localize_digits,
)
from services.platforms import PlatformProfile
from services.texts import Rendered, Texts, UnknownText
from services.workflow import CaseStatus

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
    # Closed cases by why they were closed (services.workflow.Closing).
    by_closing: list[tuple[str, int]]
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


def midnight(day: date) -> datetime:
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
    per_month = await reports.counts_by_period([midnight(day) for day in starts])
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
        by_closing=await reports.counts_by_closing(CaseStatus.CLOSED.value),
        by_subject=await reports.counts_by_subject(),
        by_month=[MonthCount(day, n) for day, n in zip(starts[:-1], per_month, strict=True)],
        by_province=await reports.counts_by_province(),
        by_clerk=clerks,
        first_response=_durations(*responded),
        closing=_durations(*closed),
        satisfaction=Satisfaction(await repo.ratings.counts()),
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
    if persian(locale):
        text = text.replace(".", "٫")
    return localize_digits(text, locale)


def persian(locale: str) -> bool:
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
    clerks, other_clerks = _top(stats.by_clerk)
    return t.render(
        profile,
        "stats",
        date=format_date(stats.at, locale),
        total=number(stats.total),
        statuses=statuses(),
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
