"""Days an admin closes the office; the running deadlines of open cases move with them.

A closure announced the same day, or after the fact, still moves every deadline that counted
that day as a working one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from models.repos import Repo
from models.tables import CaseEvent, Closure, User
from services.calendar import TEHRAN, official_holidays
from services.casework import clocks
from services.desk import DeskConfig
from services.workflow import OPEN_STATUSES

HOLIDAY_LANGUAGES = {"fa": "fa_IR", "en": "en_US"}


@dataclass(frozen=True)
class DayOff:
    """An official holiday or a closure, for listing."""

    day: date
    name: str
    closure: bool


async def add_closure(
    repo: Repo, day: date, reason: str | None, by: User, now: datetime, config: DeskConfig
) -> int | None:
    """Close the office on `day`; return how many open cases' deadlines moved, or None if the
    day was already closed."""
    closed = await repo.office.add_closure(
        Closure(day=day, reason=reason, created_by=by.id, created_at=now)
    )
    moved = await _retime(repo, day, by, now, config, "closure_added") if closed else None
    await repo.commit()
    return moved


async def remove_closure(
    repo: Repo, day: date, by: User, now: datetime, config: DeskConfig
) -> int | None:
    """Open the office again on `day`; None if it was not closed by an admin."""
    if not await repo.office.remove_closure(day):
        return None
    await repo.session.flush()
    moved = await _retime(repo, day, by, now, config, "closure_removed")
    await repo.commit()
    return moved


async def _retime(
    repo: Repo, day: date, by: User, now: datetime, config: DeskConfig, action: str
) -> int:
    """Recompute the deadlines that run over `day`; audit the cases whose deadlines moved."""
    since = datetime.combine(day, time.min, tzinfo=TEHRAN)
    calendar = await clocks.calendar_for(repo, config)
    moved = 0
    open_statuses = [status.value for status in OPEN_STATUSES]
    for case in await repo.cases.due_after(since, open_statuses):
        before = (case.step_due_at, case.overall_due_at)
        clocks.refresh_deadlines(case, await clocks.policy_for(repo, case.queue), calendar, config)
        if (case.step_due_at, case.overall_due_at) != before:
            moved += 1
            repo.cases.add_event(
                CaseEvent(
                    case_id=case.id,
                    at=now,
                    actor_id=by.id,
                    actor_role="admin",
                    platform=by.platform,
                    action=action,
                    from_status=case.status,
                    to_status=case.status,
                    note=day.isoformat(),
                )
            )
    return moved


async def days_off(repo: Repo, start: date, days: int, locale: str) -> list[DayOff]:
    """Official holidays and closures from `start` for `days` days, in date order."""
    end = start + timedelta(days=days)
    language = HOLIDAY_LANGUAGES.get(locale, "fa_IR")
    found: dict[date, DayOff] = {}
    for year in range(start.year, end.year + 1):
        for day, name in official_holidays(year, language).items():
            if start <= day <= end:
                found[day] = DayOff(day, name, closure=False)
    for closure in await repo.office.closures():
        if start <= closure.day <= end:
            found[closure.day] = DayOff(closure.day, closure.reason or "", closure=True)
    return [found[day] for day in sorted(found)]
