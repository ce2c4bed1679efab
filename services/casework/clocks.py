"""A case's deadlines: the office calendar and the queue's settings they are counted in."""

from __future__ import annotations

from models.repos import Repo
from models.tables import Case, QueuePolicy
from services.alerts import alert_due, schedule_alerts
from services.calendar import WorkingCalendar
from services.deadlines import SlaPolicy, compute_deadlines, policy_from_mapping
from services.desk import DeskConfig
from services.workflow import (
    CaseStatus,
    Opinion,
)


async def calendar_for(repo: Repo, config: DeskConfig) -> WorkingCalendar:
    """The office calendar with every closure an admin has added."""
    closures = await repo.office.closures()
    return config.calendar.with_closures(closure.day for closure in closures)


async def policy_for(repo: Repo, queue: str) -> SlaPolicy:
    """A queue's deadline settings: the law's defaults unless an admin changed them."""
    stored: QueuePolicy | None = await repo.office.policy(queue)
    if stored is None:
        return SlaPolicy()
    policy = policy_from_mapping(stored.values)
    return policy if isinstance(policy, SlaPolicy) else SlaPolicy()


def refresh_deadlines(
    case: Case, policy: SlaPolicy, calendar: WorkingCalendar, config: DeskConfig
) -> None:
    """Recompute the deadlines of a case from its facts; its alerts start afresh only when the
    deadline they watch moved (a claim keeps the deadline, so a notice sent is not resent)."""
    watched = alert_due(case)
    deadlines = compute_deadlines(
        status=CaseStatus(case.status),
        opinion=Opinion(case.opinion) if case.opinion else None,
        received_at=case.clock_started_at,
        entered_status_at=case.status_changed_at,
        opinion_at=case.opinion_at,
        policy=policy,
        calendar=calendar,
    )
    case.step = deadlines.step.value if deadlines.step else None
    case.step_due_at = deadlines.step_due
    case.overall_due_at = deadlines.overall_due
    due = alert_due(case)
    if due is None or due != watched:
        schedule_alerts(case, config)
