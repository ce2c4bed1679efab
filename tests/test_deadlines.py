"""Deadlines of a complaint, step by step, on the default Tehran calendar.

The calendar: Thursday and Friday off, 08:00-16:00, Iran's official holidays from the
`holidays` package. Days used below (2025): 4 June Death of Imam Khomeini, 5 June 15 Khordad,
6 June Eid al-Adha, 14 June Eid al-Ghadir, 5 July Tasua, 6 July Ashura, 21-24 March Nowruz,
31 March and 1 April Eid al-Fitr, 2 April Nature's Day.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.calendar import TEHRAN, WorkingCalendar
from services.deadlines import (
    MAX_SLA_DAYS,
    Deadlines,
    SlaPolicy,
    Step,
    compute_deadlines,
    policy_from_mapping,
)
from services.workflow import CaseStatus, Opinion, Refused

CALENDAR = WorkingCalendar()
LAW = SlaPolicy()


def tehran(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TEHRAN)


def deadlines(
    status: CaseStatus,
    *,
    received_at: datetime,
    entered_status_at: datetime | None = None,
    opinion: Opinion | None = None,
    opinion_at: datetime | None = None,
    policy: SlaPolicy = LAW,
) -> Deadlines:
    return compute_deadlines(
        status=status,
        opinion=opinion,
        received_at=received_at,
        entered_status_at=entered_status_at or received_at,
        opinion_at=opinion_at,
        policy=policy,
        calendar=CALENDAR,
    )


def test_the_law_gives_the_default_policy() -> None:
    # Article 6 (1), (2), (3); Article 72; a supervision default; Taazirat's two weeks.
    policy = SlaPolicy()
    assert (
        policy.referral_working_days,
        policy.commission_days,
        policy.decision_working_days,
        policy.overall_days,
        policy.supervision_days,
        policy.judicial_days,
    ) == (2, 5, 3, 10, 10, 14)


@pytest.mark.parametrize("status", [CaseStatus.AWAITING_REVIEW, CaseStatus.IN_PROGRESS])
def test_referral_within_two_working_days_and_ten_days_overall(status: CaseStatus) -> None:
    # Tuesday 3 June 10:00. Wed 4 is a holiday, Thu 5 and Fri 6 the weekend: Sat 7 and Sun 8
    # are the two working days. Ten days is Fri 13 June; Sat 14 is Eid al-Ghadir: Sun 15.
    received = tehran(2025, 6, 3, 10)
    assert deadlines(status, received_at=received) == Deadlines(
        step=Step.REFERRAL,
        step_due=tehran(2025, 6, 8, 16),
        overall_due=tehran(2025, 6, 15, 16),
    )


def test_a_complaint_after_hours_starts_the_next_working_morning() -> None:
    # 14:00 UTC is 17:30 in Tehran, after closing: the clock starts Sat 7 June 08:00, so the
    # two working days are Sun 8 and Mon 9. Article 72's ten days count from the date received.
    received = datetime(2025, 6, 3, 14, 0, tzinfo=UTC)
    result = deadlines(CaseStatus.AWAITING_REVIEW, received_at=received)
    assert result.step_due == tehran(2025, 6, 9, 16)
    assert result.overall_due == tehran(2025, 6, 15, 16)
    assert result.step_due is not None
    assert result.step_due.tzinfo == TEHRAN


def test_commission_examines_within_five_days() -> None:
    # Referred Mon 30 June: five days is Sat 5 July (Tasua), Sun 6 is Ashura: Mon 7 July.
    # Received Sun 29 June: ten days is Wed 9 July, a working day.
    result = deadlines(
        CaseStatus.REFERRED_COMMISSION,
        received_at=tehran(2025, 6, 29, 12),
        entered_status_at=tehran(2025, 6, 30, 9),
    )
    assert result == Deadlines(
        step=Step.COMMISSION,
        step_due=tehran(2025, 7, 7, 16),
        overall_due=tehran(2025, 7, 9, 16),
    )


def test_union_decides_within_three_working_days_of_the_opinion() -> None:
    # Opinion Wed 2 July 15:00: Thu-Fri weekend, Sat 5 Tasua, Sun 6 Ashura; the three working
    # days are Mon 7, Tue 8, Wed 9 July.
    result = deadlines(
        CaseStatus.REFERRED_COMMISSION,
        received_at=tehran(2025, 6, 29, 12),
        entered_status_at=tehran(2025, 6, 30, 9),
        opinion=Opinion.NO_VIOLATION,
        opinion_at=tehran(2025, 7, 2, 15),
    )
    assert result == Deadlines(
        step=Step.DECISION,
        step_due=tehran(2025, 7, 9, 16),
        overall_due=tehran(2025, 7, 9, 16),
    )


def test_an_opinion_without_its_time_is_a_program_error() -> None:
    with pytest.raises(ValueError, match="opinion_at"):
        deadlines(
            CaseStatus.REFERRED_COMMISSION,
            received_at=tehran(2025, 6, 29, 12),
            opinion=Opinion.VIOLATION,
        )


def test_supervision_committee_has_the_configured_days() -> None:
    # Referred Tue 11 March: ten days is Fri 21 March, Nowruz until Mon 24: Tue 25 March.
    # Received Sat 8 March: ten days is Tue 18 March.
    result = deadlines(
        CaseStatus.REFERRED_SUPERVISION,
        received_at=tehran(2025, 3, 8, 9),
        entered_status_at=tehran(2025, 3, 11, 10),
    )
    assert result == Deadlines(
        step=Step.SUPERVISION,
        step_due=tehran(2025, 3, 25, 16),
        overall_due=tehran(2025, 3, 18, 16),
    )


def test_a_queue_may_set_its_own_supervision_days() -> None:
    # Seven days from Tue 11 March is Tue 18 March, a working day.
    result = deadlines(
        CaseStatus.REFERRED_SUPERVISION,
        received_at=tehran(2025, 3, 8, 9),
        entered_status_at=tehran(2025, 3, 11, 10),
        policy=SlaPolicy(supervision_days=7),
    )
    assert result.step_due == tehran(2025, 3, 18, 16)


def test_taazirat_is_followed_for_two_weeks_and_the_union_clock_stops() -> None:
    # Referred Mon 17 March: fourteen days is Mon 31 March (Eid al-Fitr), then Tue 1 April
    # (holiday), Wed 2 (Nature's Day), Thu-Fri weekend: Sat 5 April.
    result = deadlines(
        CaseStatus.REFERRED_JUDICIAL,
        received_at=tehran(2025, 3, 8, 9),
        entered_status_at=tehran(2025, 3, 17, 13),
    )
    assert result == Deadlines(
        step=Step.JUDICIAL, step_due=tehran(2025, 4, 5, 16), overall_due=None
    )


@pytest.mark.parametrize("status", [CaseStatus.CLOSED, CaseStatus.VOIDED])
def test_a_closed_or_voided_case_has_no_deadline(status: CaseStatus) -> None:
    result = deadlines(status, received_at=tehran(2025, 6, 3, 10), opinion=Opinion.VIOLATION)
    assert result == Deadlines(step=None, step_due=None, overall_due=None)


def test_an_admin_closure_moves_a_deadline() -> None:
    # With Sun 8 June closed, the second working day after Tue 3 June is Mon 9 June.
    closed = WorkingCalendar(closures=frozenset({datetime(2025, 6, 8).date()}))
    result = compute_deadlines(
        status=CaseStatus.IN_PROGRESS,
        opinion=None,
        received_at=tehran(2025, 6, 3, 10),
        entered_status_at=tehran(2025, 6, 3, 11),
        opinion_at=None,
        policy=LAW,
        calendar=closed,
    )
    assert result.step_due == tehran(2025, 6, 9, 16)


# SLA settings an admin types.


def test_settings_override_only_what_is_given() -> None:
    assert policy_from_mapping({"commission_days": 7, "overall_days": 12}) == SlaPolicy(
        commission_days=7, overall_days=12
    )


def test_settings_apply_over_a_queues_current_policy() -> None:
    base = SlaPolicy(supervision_days=20)
    assert policy_from_mapping({"judicial_days": 10}, base=base) == SlaPolicy(
        supervision_days=20, judicial_days=10
    )


def test_no_settings_give_the_law() -> None:
    assert policy_from_mapping({}) == LAW


def test_an_unknown_setting_is_refused() -> None:
    result = policy_from_mapping({"appeal_days": 3})
    assert isinstance(result, Refused)
    assert result.key == "sla-unknown-setting"
    assert result.args["name"] == "appeal_days"


@pytest.mark.parametrize("value", [0, -2, True])
def test_a_setting_must_be_a_positive_whole_number(value: int) -> None:
    result = policy_from_mapping({"referral_working_days": value})
    assert result == Refused(
        "sla-not-positive-integer", {"name": "referral_working_days", "value": str(value)}
    )


def test_a_setting_beyond_a_year_is_refused() -> None:
    result = policy_from_mapping({"overall_days": MAX_SLA_DAYS + 1})
    assert result == Refused(
        "sla-too-large", {"name": "overall_days", "value": MAX_SLA_DAYS + 1, "max": MAX_SLA_DAYS}
    )


def test_a_policy_built_in_code_with_zero_days_is_a_program_error() -> None:
    with pytest.raises(ValueError, match="commission_days"):
        SlaPolicy(commission_days=0)
