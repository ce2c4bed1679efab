"""Deadlines of a complaint, recomputed from its facts on every transition.

Legal basis (DOMAIN.md §1, seed 003): Article 72 of the Guild System Law (the union examines a
complaint within ten days) and Article 6 of the bylaw of union commissions (Step 1: two working
days to refer; Step 2: five days for the commission; Step 3: three working days to decide).
Taazirat must hear a referred case within two weeks; the union only follows that up.

Each case has at most one running step deadline and, while the union is at work, the overall
Article 72 deadline. Both are stored on the case so that the scheduler finds overdue cases with
one indexed query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime

from services.calendar import WorkingCalendar
from services.workflow import CaseStatus, Opinion, Refused, Step, rules_of

__all__ = [
    "MAX_SLA_DAYS",
    "Deadlines",
    "SlaPolicy",
    "Step",
    "compute_deadlines",
    "policy_from_mapping",
]

# Longer than any figure in the law many times over: a larger value is a typing mistake.
MAX_SLA_DAYS = 365

# Refusal keys of policy_from_mapping.
SLA_UNKNOWN_SETTING = "sla-unknown-setting"
SLA_NOT_POSITIVE_INTEGER = "sla-not-positive-integer"
SLA_TOO_LARGE = "sla-too-large"


@dataclass(frozen=True)
class SlaPolicy:
    """How long each step may take, per queue; the defaults are the law's figures."""

    # Article 6 (1): refer to the commission within two working days of receipt.
    referral_working_days: int = 2
    # Article 6 (2): the commission examines the complaint within five (calendar) days.
    commission_days: int = 5
    # Article 6 (3): the union decides within three working days of the opinion.
    decision_working_days: int = 3
    # Article 72: the union examines a complaint within ten days at most.
    overall_days: int = 10
    # No statutory figure for the supervision committee: a configurable default.
    supervision_days: int = 10
    # Article 72: Taazirat hears the case within two weeks (followed up, not owed).
    judicial_days: int = 14

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if _refusal_for(item.name, value) is not None:
                raise ValueError(f"{item.name} must be an integer in 1..{MAX_SLA_DAYS}")


@dataclass(frozen=True)
class Deadlines:
    """The running step and when it is due, and the overall Article 72 deadline."""

    step: Step | None
    step_due: datetime | None
    overall_due: datetime | None


_NONE = Deadlines(step=None, step_due=None, overall_due=None)


def compute_deadlines(
    *,
    status: CaseStatus,
    opinion: Opinion | None,
    received_at: datetime,
    entered_status_at: datetime,
    opinion_at: datetime | None,
    policy: SlaPolicy,
    calendar: WorkingCalendar,
) -> Deadlines:
    """The deadlines of a case in `status`: the step its declaration runs
    (`services.workflow.STATUSES`) and, while the case is open, Article 72's.

    Rules (Article 6 of the commissions bylaw, Article 72 of the Guild System Law):
    - awaiting_review, in_progress: Step 1, referral within `referral_working_days` working
      days of `received_at`;
    - referred_commission without an opinion: Step 2, the commission's `commission_days`
      days from `entered_status_at`;
    - referred_commission with an opinion: Step 3, the decision within
      `decision_working_days` working days of `opinion_at`;
    - referred_supervision: `supervision_days` days from `entered_status_at` (no statutory
      figure);
    - referred_judicial: Taazirat's `judicial_days` days from `entered_status_at`, followed up
      only; the union's overall deadline no longer runs;
    - closed, voided: no deadline.
    While the union is at work, the overall deadline is `overall_days` days from
    `received_at` (Article 72). For a reopened case the caller passes the reopening time as
    `received_at`: the case starts again. A day count ends at office closing time, moved to
    the next working day when it falls on a day off. An opinion without `opinion_at` raises
    ValueError (the caller stores both together).
    """
    rules = rules_of(status)
    step = rules.step_for(opinion)
    if step is None:
        return _NONE
    overall_due = (
        calendar.add_calendar_days(received_at, policy.overall_days) if rules.is_open else None
    )
    return Deadlines(
        step=step,
        step_due=_step_due(step, received_at, entered_status_at, opinion_at, policy, calendar),
        overall_due=overall_due,
    )


def _step_due(
    step: Step,
    received_at: datetime,
    entered_status_at: datetime,
    opinion_at: datetime | None,
    policy: SlaPolicy,
    calendar: WorkingCalendar,
) -> datetime:
    """When a step's deadline falls: each step counts from its own start, in its own days."""
    if step is Step.REFERRAL:
        return calendar.add_working_days(received_at, policy.referral_working_days)
    if step is Step.COMMISSION:
        return calendar.add_calendar_days(entered_status_at, policy.commission_days)
    if step is Step.DECISION:
        if opinion_at is None:
            raise ValueError("a case with the commission's opinion needs opinion_at")
        return calendar.add_working_days(opinion_at, policy.decision_working_days)
    if step is Step.SUPERVISION:
        return calendar.add_calendar_days(entered_status_at, policy.supervision_days)
    return calendar.add_calendar_days(entered_status_at, policy.judicial_days)


def _refusal_for(name: str, value: object) -> Refused | None:
    # bool is an int to Python, never a number of days to an admin.
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        return Refused(SLA_NOT_POSITIVE_INTEGER, {"name": name, "value": str(value)})
    if value > MAX_SLA_DAYS:
        return Refused(SLA_TOO_LARGE, {"name": name, "value": value, "max": MAX_SLA_DAYS})
    return None


def policy_from_mapping(
    values: Mapping[str, int], *, base: SlaPolicy | None = None
) -> SlaPolicy | Refused:
    """An SLA policy from settings an admin typed, over `base` (the law's figures by default).

    Rule: each key is a field of SlaPolicy and each value a whole number of days from 1 to
    MAX_SLA_DAYS; the first bad entry is refused ("sla-unknown-setting",
    "sla-not-positive-integer", "sla-too-large") and nothing changes. Keys not given keep
    `base`'s values.
    """
    known = {item.name for item in fields(SlaPolicy)}
    for name, value in values.items():
        if name not in known:
            known_list = ",".join(sorted(known))
            return Refused(SLA_UNKNOWN_SETTING, {"name": name, "settings": known_list})
        refusal = _refusal_for(name, value)
        if refusal is not None:
            return refusal
    return replace(base if base is not None else SlaPolicy(), **values)
