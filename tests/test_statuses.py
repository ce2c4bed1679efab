"""Each complaint status is declared once (services.workflow.STATUSES); every set of statuses,
every deadline and every offer to the citizen is derived from that declaration."""

from __future__ import annotations

from datetime import datetime

import pytest

from models.tables import Case
from services import relay
from services.calendar import TEHRAN, WorkingCalendar
from services.deadlines import SlaPolicy, compute_deadlines
from services.satisfaction import is_ratable
from services.texts import LOCALES
from services.workflow import (
    ENDED,
    FOLLOWED,
    OPEN_STATUSES,
    STATUSES,
    TERMINAL,
    TRANSITIONS,
    Action,
    CaseStatus,
    CitizenMay,
    Opinion,
    Phase,
    Role,
    StatusRules,
    Step,
    _check_statuses,
    citizen_may,
    is_open,
    status_label,
)
from tests.test_locales import keys

S = CaseStatus
NOW = datetime(2025, 6, 3, 10, 0, tzinfo=TEHRAN)


def declared(phase: Phase) -> set[CaseStatus]:
    return {status for status, rules in STATUSES.items() if rules.phase is phase}


def test_every_status_is_declared_once() -> None:
    assert set(STATUSES) == set(CaseStatus)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_status_has_its_label_in_both_locales(locale: str) -> None:
    labels = {status_label(status) for status in CaseStatus}

    assert len(labels) == len(CaseStatus)
    assert sorted(labels - keys(locale)) == []


def test_the_status_sets_are_the_declaration() -> None:
    assert declared(Phase.OPEN) == OPEN_STATUSES
    assert declared(Phase.FOLLOWED_UP) | declared(Phase.ENDED) == TERMINAL
    assert declared(Phase.OPEN) | declared(Phase.FOLLOWED_UP) == FOLLOWED
    assert declared(Phase.ENDED) == ENDED
    assert {status for status in CaseStatus if is_open(status)} == OPEN_STATUSES
    assert relay.FOLLOWED == FOLLOWED
    assert relay.ENDED == ENDED


def test_the_declaration_says_what_the_law_says() -> None:
    """Article 72 binds the union until it closes the case or hands it to Taazirat."""
    assert {
        S.AWAITING_REVIEW,
        S.IN_PROGRESS,
        S.REFERRED_COMMISSION,
        S.REFERRED_SUPERVISION,
    } == OPEN_STATUSES
    assert OPEN_STATUSES | {S.REFERRED_JUDICIAL} == FOLLOWED
    assert {S.CLOSED, S.VOIDED} == ENDED
    assert citizen_may(CitizenMay.WITHDRAW) == OPEN_STATUSES
    assert citizen_may(CitizenMay.OBJECT) == {S.CLOSED}
    assert citizen_may(CitizenMay.REOPEN) == {S.CLOSED}
    assert citizen_may(CitizenMay.RATE) == {S.CLOSED}


def sources(action: Action, role: Role) -> set[CaseStatus]:
    return {
        status
        for row in TRANSITIONS
        if row.action is action and role in row.roles
        for status in row.sources
    }


@pytest.mark.parametrize(
    ("action", "may"),
    [
        (Action.WITHDRAW, CitizenMay.WITHDRAW),
        (Action.OBJECT, CitizenMay.OBJECT),
        (Action.REOPEN, CitizenMay.REOPEN),
    ],
)
def test_the_complainants_moves_start_where_the_declaration_allows(
    action: Action, may: CitizenMay
) -> None:
    assert sources(action, Role.CITIZEN) == citizen_may(may)


def test_staff_void_open_cases_and_reopen_ended_ones() -> None:
    assert sources(Action.VOID, Role.CLERK) == OPEN_STATUSES
    assert sources(Action.REOPEN, Role.CLERK) == ENDED


@pytest.mark.parametrize("status", list(CaseStatus))
@pytest.mark.parametrize("opinion", [None, Opinion.NO_VIOLATION])
def test_the_deadlines_run_as_declared(status: CaseStatus, opinion: Opinion | None) -> None:
    rules = STATUSES[status]
    deadlines = compute_deadlines(
        status=status,
        opinion=opinion,
        received_at=NOW,
        entered_status_at=NOW,
        opinion_at=NOW if opinion else None,
        policy=SlaPolicy(),
        calendar=WorkingCalendar(),
    )

    assert deadlines.step == rules.step_for(opinion)
    assert (deadlines.step_due is not None) == (status in FOLLOWED)
    assert (deadlines.overall_due is not None) == (status in OPEN_STATUSES)


def test_only_the_commission_has_a_step_after_its_opinion() -> None:
    assert STATUSES[S.REFERRED_COMMISSION].step_for(None) is Step.COMMISSION
    assert STATUSES[S.REFERRED_COMMISSION].step_for(Opinion.VIOLATION) is Step.DECISION
    assert {s for s, rules in STATUSES.items() if rules.step_with_opinion} == {
        S.REFERRED_COMMISSION
    }


@pytest.mark.parametrize("status", list(CaseStatus))
def test_messages_and_ratings_follow_the_declaration(status: CaseStatus) -> None:
    case = Case(status=status.value, objection_used=False)

    assert relay.is_followed(case) is (status in FOLLOWED)
    assert is_ratable(case) is (status in citizen_may(CitizenMay.RATE))


def test_a_case_objected_to_stays_ratable_at_taazirat() -> None:
    """The union's handling was over when the complainant objected to its decision."""
    objected = Case(status=S.REFERRED_JUDICIAL.value, objection_used=True)
    referred = Case(status=S.REFERRED_JUDICIAL.value, objection_used=False)

    assert is_ratable(objected)
    assert not is_ratable(referred)


def test_a_table_missing_a_status_or_running_a_clock_after_the_end_is_rejected() -> None:
    partial = {status: STATUSES[status] for status in CaseStatus if status is not S.VOIDED}
    with pytest.raises(ValueError, match="voided"):
        _check_statuses(partial)
    ticking = dict(STATUSES)
    ticking[S.CLOSED] = StatusRules(phase=Phase.ENDED, step=Step.JUDICIAL, label="status-closed")
    with pytest.raises(ValueError, match="closed"):
        _check_statuses(ticking)
