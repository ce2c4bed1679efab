"""The complaint workflow: Article 72 and Article 6 of the commissions bylaw, move by move."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest

from services.calendar import TEHRAN
from services.texts import LOCALES
from services.workflow import (
    OPEN_STATUSES,
    STAFF_ROLES,
    TERMINAL,
    TRANSITIONS,
    Action,
    CaseFacts,
    CaseStatus,
    Closing,
    Opinion,
    Planned,
    Refused,
    Role,
    Transition,
    TransitionRequest,
    _check_table,
    allowed_actions,
    closing_label,
    is_open,
    plan,
)
from tests.test_locales import keys

S = CaseStatus
A = Action
NOW = datetime(2025, 6, 3, 10, 0, tzinfo=TEHRAN)
OBJECTION_WINDOW = timedelta(days=10)
REOPEN_WINDOW = timedelta(days=7)
DECIDED = NOW - timedelta(days=1)
REASON = "شکایت تکراری است"


def facts(
    status: CaseStatus,
    opinion: Opinion | None = None,
    *,
    decided_at: datetime | None = None,
    withdrawn: bool = False,
    objection_used: bool = False,
) -> CaseFacts:
    if decided_at is None and status in TERMINAL:
        decided_at = DECIDED
    return CaseFacts(
        status=status,
        opinion=opinion,
        decided_at=decided_at,
        closed_by_withdrawal=withdrawn,
        objection_used=objection_used,
    )


def run(
    case: CaseFacts,
    action: Action,
    role: Role,
    *,
    reason: str | None = REASON,
    opinion: Opinion | None = None,
    now: datetime = NOW,
) -> Planned | Refused:
    request = TransitionRequest(action=action, role=role, now=now, reason=reason, opinion=opinion)
    return plan(case, request, objection_window=OBJECTION_WINDOW, reopen_window=REOPEN_WINDOW)


def planned(outcome: Planned | Refused) -> Planned:
    if isinstance(outcome, Refused):
        pytest.fail(f"refused: {outcome}")
    return outcome


def refused(outcome: Planned | Refused) -> Refused:
    if isinstance(outcome, Planned):
        pytest.fail(f"planned: {outcome}")
    return outcome


STAFF = sorted(STAFF_ROLES)
ANY_OPINION: tuple[Opinion | None, ...] = (None, Opinion.VIOLATION, Opinion.NO_VIOLATION)

# Written out by hand from DOMAIN.md §1, independently of TRANSITIONS: (status, opinion already
# recorded, role, action) -> target, for a case decided yesterday, not withdrawn, never objected.
LEGAL: dict[tuple[CaseStatus, Opinion | None, Role, Action], CaseStatus] = {}
for _role in STAFF:
    for _opinion in ANY_OPINION:
        LEGAL[(S.AWAITING_REVIEW, _opinion, _role, A.CLAIM)] = S.IN_PROGRESS
        for _status in (S.AWAITING_REVIEW, S.IN_PROGRESS):
            LEGAL[(_status, _opinion, _role, A.REFER_TO_COMMISSION)] = S.REFERRED_COMMISSION
            LEGAL[(_status, _opinion, _role, A.REFER_TO_SUPERVISION)] = S.REFERRED_SUPERVISION
        for _status in OPEN_STATUSES:
            LEGAL[(_status, _opinion, _role, A.VOID)] = S.VOIDED
            # The parties' agreement closes the case wherever the union is at work on it.
            LEGAL[(_status, _opinion, _role, A.AGREE)] = S.CLOSED
        LEGAL[(S.REFERRED_SUPERVISION, _opinion, _role, A.CLOSE)] = S.CLOSED
        LEGAL[(S.REFERRED_SUPERVISION, _opinion, _role, A.REFER_TO_JUDICIAL)] = S.REFERRED_JUDICIAL
        LEGAL[(S.CLOSED, _opinion, _role, A.REOPEN)] = S.IN_PROGRESS
        LEGAL[(S.VOIDED, _opinion, _role, A.REOPEN)] = S.IN_PROGRESS
    LEGAL[(S.REFERRED_COMMISSION, None, _role, A.RECORD_OPINION)] = S.REFERRED_COMMISSION
    LEGAL[(S.REFERRED_COMMISSION, Opinion.NO_VIOLATION, _role, A.CLOSE)] = S.CLOSED
    LEGAL[(S.REFERRED_COMMISSION, Opinion.VIOLATION, _role, A.REFER_TO_JUDICIAL)] = (
        S.REFERRED_JUDICIAL
    )
for _opinion in (Opinion.VIOLATION, Opinion.NO_VIOLATION):
    # Only an admin corrects a recorded opinion.
    LEGAL[(S.REFERRED_COMMISSION, _opinion, Role.ADMIN, A.RECORD_OPINION)] = S.REFERRED_COMMISSION
for _opinion in ANY_OPINION:
    for _status in OPEN_STATUSES:
        LEGAL[(_status, _opinion, Role.CITIZEN, A.WITHDRAW)] = S.CLOSED
    LEGAL[(S.CLOSED, _opinion, Role.CITIZEN, A.OBJECT)] = S.REFERRED_JUDICIAL

# In one order whatever the hash seed: parallel workers must collect the same tests.
LEGAL_CELLS = sorted(LEGAL, key=str)


def cell_id(value: object) -> str:
    return "-" if value is None else str(value)


ALL_CELLS = list(itertools.product(CaseStatus, ANY_OPINION, Role, Action))


@pytest.mark.parametrize(("status", "opinion", "role", "action"), LEGAL_CELLS, ids=cell_id)
def test_every_legal_transition_reaches_its_target(
    status: CaseStatus, opinion: Opinion | None, role: Role, action: Action
) -> None:
    outcome = planned(run(facts(status, opinion), action, role, opinion=Opinion.VIOLATION))
    assert (outcome.from_status, outcome.to_status) == (
        status,
        LEGAL[(status, opinion, role, action)],
    )
    assert outcome.after.status is outcome.to_status
    assert outcome.citizen_message_key.startswith("case-notice-")


def test_nothing_outside_the_legal_table_is_planned() -> None:
    for status, opinion, role, action in ALL_CELLS:
        outcome = run(facts(status, opinion), action, role, opinion=Opinion.VIOLATION)
        assert isinstance(outcome, Planned) == ((status, opinion, role, action) in LEGAL), (
            status,
            opinion,
            role,
            action,
        )


@pytest.mark.parametrize(("status", "opinion", "role", "action"), LEGAL_CELLS, ids=cell_id)
def test_every_other_role_is_forbidden_what_one_role_may_do(
    status: CaseStatus, opinion: Opinion | None, role: Role, action: Action
) -> None:
    for other in Role:
        if (status, opinion, other, action) in LEGAL:
            continue
        outcome = refused(run(facts(status, opinion), action, other, opinion=Opinion.VIOLATION))
        if other is Role.CLERK and action is A.RECORD_OPINION:
            # A clerk may record an opinion, but only the first one.
            assert outcome.key == "workflow-opinion-already-recorded"
        elif other is Role.CITIZEN and action is A.REOPEN and status is S.CLOSED:
            # The complainant may reopen, but only their own withdrawal.
            assert outcome.key == "workflow-reopen-only-withdrawn"
        else:
            assert outcome.key == "workflow-forbidden"
            assert outcome.args == {"action": action.value, "role": other.value}


def test_a_move_from_the_wrong_status_is_illegal_and_says_where_from_and_to() -> None:
    outcome = refused(run(facts(S.IN_PROGRESS), A.CLAIM, Role.CLERK))
    assert outcome.key == "workflow-illegal"
    assert outcome.args == {
        "action": "claim",
        "from_status": "in_progress",
        "to_status": "in_progress",
    }


def test_an_illegal_move_with_several_targets_names_no_target() -> None:
    outcome = refused(run(facts(S.AWAITING_REVIEW), A.REOPEN, Role.ADMIN))
    assert outcome == Refused(
        "workflow-illegal", {"action": "reopen", "from_status": "awaiting_review"}
    )


def test_status_is_checked_before_role() -> None:
    assert refused(run(facts(S.CLOSED), A.CLAIM, Role.CITIZEN)).key == "workflow-illegal"


def test_nothing_leaves_a_taazirat_referral() -> None:
    for role, action in itertools.product(Role, Action):
        outcome = refused(run(facts(S.REFERRED_JUDICIAL), action, role))
        assert outcome.key == "workflow-illegal"


def test_the_scheduler_is_granted_no_transition() -> None:
    assert all(Role.SYSTEM not in row.roles for row in TRANSITIONS)


def test_a_clerk_cannot_close_before_the_commission_has_seen_the_case() -> None:
    for status in (S.AWAITING_REVIEW, S.IN_PROGRESS):
        assert refused(run(facts(status), A.CLOSE, Role.CLERK)).key == "workflow-illegal"
        assert planned(run(facts(status), A.VOID, Role.CLERK)).to_status is S.VOIDED


# Opinion and decision (Steps 2 and 3).


@pytest.mark.parametrize("action", [A.CLOSE, A.REFER_TO_JUDICIAL])
def test_a_decision_needs_the_commissions_opinion_first(action: Action) -> None:
    outcome = refused(run(facts(S.REFERRED_COMMISSION), action, Role.CLERK, reason=None))
    assert outcome.key == "workflow-needs-opinion-first"


def test_no_violation_cannot_go_to_taazirat_and_a_violation_cannot_be_closed() -> None:
    no_violation = facts(S.REFERRED_COMMISSION, Opinion.NO_VIOLATION)
    violation = facts(S.REFERRED_COMMISSION, Opinion.VIOLATION)
    assert (
        refused(run(no_violation, A.REFER_TO_JUDICIAL, Role.CLERK)).key
        == "workflow-opinion-is-no-violation"
    )
    assert refused(run(violation, A.CLOSE, Role.CLERK)).key == "workflow-opinion-is-violation"


def test_recording_the_opinion_keeps_the_status_and_stores_the_opinion() -> None:
    outcome = planned(
        run(
            facts(S.REFERRED_COMMISSION),
            A.RECORD_OPINION,
            Role.CLERK,
            reason=None,
            opinion=Opinion.NO_VIOLATION,
        )
    )
    assert outcome.sets_opinion is Opinion.NO_VIOLATION
    assert outcome.after.opinion is Opinion.NO_VIOLATION
    assert outcome.after.decided_at is None
    assert not outcome.changes_status


def test_recording_an_opinion_needs_one() -> None:
    outcome = refused(run(facts(S.REFERRED_COMMISSION), A.RECORD_OPINION, Role.CLERK))
    assert outcome.key == "workflow-needs-opinion"


def test_a_clerk_cannot_record_a_second_opinion() -> None:
    case = facts(S.REFERRED_COMMISSION, Opinion.VIOLATION)
    outcome = refused(run(case, A.RECORD_OPINION, Role.CLERK, opinion=Opinion.NO_VIOLATION))
    assert outcome.key == "workflow-opinion-already-recorded"


def test_an_admin_corrects_the_opinion_only_with_a_reason() -> None:
    case = facts(S.REFERRED_COMMISSION, Opinion.VIOLATION)
    without = run(case, A.RECORD_OPINION, Role.ADMIN, reason=" ", opinion=Opinion.NO_VIOLATION)
    assert refused(without).key == "workflow-needs-reason"
    corrected = planned(
        run(
            case,
            A.RECORD_OPINION,
            Role.ADMIN,
            reason="اشتباه ثبت شد",
            opinion=Opinion.NO_VIOLATION,
        )
    )
    assert corrected.after.opinion is Opinion.NO_VIOLATION


def test_a_first_opinion_needs_no_reason() -> None:
    outcome = run(
        facts(S.REFERRED_COMMISSION),
        A.RECORD_OPINION,
        Role.CLERK,
        reason=None,
        opinion=Opinion.VIOLATION,
    )
    assert planned(outcome).reason is None


def test_an_opinion_given_with_another_action_is_ignored() -> None:
    outcome = planned(
        run(facts(S.AWAITING_REVIEW), A.CLAIM, Role.CLERK, opinion=Opinion.VIOLATION)
    )
    assert outcome.sets_opinion is None
    assert outcome.after.opinion is None


def test_closing_on_no_violation_records_the_decision_time() -> None:
    case = facts(S.REFERRED_COMMISSION, Opinion.NO_VIOLATION)
    outcome = planned(run(case, A.CLOSE, Role.CLERK))
    assert outcome.after == CaseFacts(
        status=S.CLOSED,
        opinion=Opinion.NO_VIOLATION,
        decided_at=NOW,
        closing=Closing.NO_VIOLATION,
    )
    assert outcome.citizen_message_key == "case-notice-closed-no-violation"


def test_a_violation_goes_to_taazirat_without_a_reason() -> None:
    case = facts(S.REFERRED_COMMISSION, Opinion.VIOLATION)
    outcome = planned(run(case, A.REFER_TO_JUDICIAL, Role.ADMIN, reason=None))
    assert outcome.to_status is S.REFERRED_JUDICIAL
    assert outcome.after.decided_at == NOW


# Reasons.

NEEDS_REASON: list[tuple[CaseFacts, Action]] = [
    (facts(S.IN_PROGRESS), A.VOID),
    (facts(S.REFERRED_COMMISSION, Opinion.VIOLATION), A.VOID),
    (facts(S.REFERRED_COMMISSION, Opinion.NO_VIOLATION), A.CLOSE),
    (facts(S.REFERRED_SUPERVISION), A.CLOSE),
    (facts(S.AWAITING_REVIEW), A.REFER_TO_SUPERVISION),
    (facts(S.VOIDED), A.REOPEN),
    (facts(S.CLOSED), A.REOPEN),
]


@pytest.mark.parametrize(("case", "action"), NEEDS_REASON)
@pytest.mark.parametrize("reason", [None, "", "   \n"])
def test_these_moves_need_a_reason(case: CaseFacts, action: Action, reason: str | None) -> None:
    assert refused(run(case, action, Role.CLERK, reason=reason)).key == "workflow-needs-reason"


@pytest.mark.parametrize(("case", "action"), NEEDS_REASON)
def test_the_reason_is_kept_trimmed(case: CaseFacts, action: Action) -> None:
    assert planned(run(case, action, Role.CLERK, reason=f"  {REASON} ")).reason == REASON


# Withdrawal (انصراف شاکی).


@pytest.mark.parametrize("status", sorted(OPEN_STATUSES))
def test_the_complainant_withdraws_from_any_union_side_status(status: CaseStatus) -> None:
    outcome = planned(run(facts(status), A.WITHDRAW, Role.CITIZEN, reason=None))
    assert outcome.to_status is S.CLOSED
    assert outcome.after.closed_by_withdrawal
    assert outcome.after.decided_at == NOW
    assert outcome.citizen_message_key == "case-notice-withdrawn"


def test_a_taazirat_case_cannot_be_withdrawn_at_the_union() -> None:
    outcome = refused(run(facts(S.REFERRED_JUDICIAL), A.WITHDRAW, Role.CITIZEN))
    assert outcome.key == "workflow-illegal"


def test_staff_cannot_withdraw_for_the_complainant() -> None:
    assert refused(run(facts(S.IN_PROGRESS), A.WITHDRAW, Role.CLERK)).key == "workflow-forbidden"


# Objection (اعتراض شاکی).


def test_an_objection_within_the_window_goes_to_taazirat() -> None:
    case = facts(S.CLOSED, Opinion.NO_VIOLATION, decided_at=NOW - OBJECTION_WINDOW)
    outcome = planned(run(case, A.OBJECT, Role.CITIZEN, reason=None))
    assert outcome.to_status is S.REFERRED_JUDICIAL
    assert outcome.after.objection_used
    assert outcome.after.decided_at == NOW
    assert outcome.citizen_message_key == "case-notice-objection-accepted"


def test_an_objection_past_the_window_is_refused() -> None:
    late = NOW - OBJECTION_WINDOW - timedelta(seconds=1)
    case = facts(S.CLOSED, Opinion.NO_VIOLATION, decided_at=late)
    outcome = refused(run(case, A.OBJECT, Role.CITIZEN))
    assert outcome == Refused("workflow-objection-window-passed", {"days": 10})


def test_an_objection_is_allowed_only_once() -> None:
    case = facts(S.CLOSED, Opinion.NO_VIOLATION, objection_used=True)
    assert refused(run(case, A.OBJECT, Role.CITIZEN)).key == "workflow-objection-already-used"


def test_a_withdrawn_case_cannot_be_objected_to() -> None:
    case = facts(S.CLOSED, withdrawn=True)
    outcome = refused(run(case, A.OBJECT, Role.CITIZEN))
    assert outcome.key == "workflow-objection-after-withdrawal"


def test_a_voided_case_cannot_be_objected_to() -> None:
    assert refused(run(facts(S.VOIDED), A.OBJECT, Role.CITIZEN)).key == "workflow-illegal"


def test_a_closed_case_without_a_decision_time_is_past_any_window() -> None:
    case = CaseFacts(status=S.CLOSED, opinion=Opinion.NO_VIOLATION)
    assert refused(run(case, A.OBJECT, Role.CITIZEN)).key == "workflow-objection-window-passed"


# Reopening.


def test_the_complainant_takes_back_a_withdrawal_within_the_window() -> None:
    case = facts(S.CLOSED, Opinion.VIOLATION, decided_at=NOW - REOPEN_WINDOW, withdrawn=True)
    outcome = planned(run(case, A.REOPEN, Role.CITIZEN, reason=None))
    assert outcome.to_status is S.AWAITING_REVIEW
    assert outcome.after == CaseFacts(status=S.AWAITING_REVIEW)


def test_the_complainant_cannot_reopen_a_withdrawal_past_the_window() -> None:
    late = NOW - REOPEN_WINDOW - timedelta(minutes=1)
    case = facts(S.CLOSED, decided_at=late, withdrawn=True)
    outcome = refused(run(case, A.REOPEN, Role.CITIZEN))
    assert outcome == Refused("workflow-reopen-window-passed", {"days": 7})


def test_the_complainant_objects_to_a_decision_rather_than_reopening_it() -> None:
    case = facts(S.CLOSED, Opinion.NO_VIOLATION)
    assert refused(run(case, A.REOPEN, Role.CITIZEN)).key == "workflow-reopen-only-withdrawn"


def test_staff_reopen_a_voided_case_from_the_start() -> None:
    case = facts(S.VOIDED, Opinion.VIOLATION, objection_used=True)
    outcome = planned(run(case, A.REOPEN, Role.ADMIN))
    assert outcome.after == CaseFacts(status=S.IN_PROGRESS, objection_used=True)


# allowed_actions draws exactly the buttons plan() accepts.


def test_allowed_actions_for_a_new_case() -> None:
    assert allowed_actions(
        facts(S.AWAITING_REVIEW),
        Role.CLERK,
        NOW,
        objection_window=OBJECTION_WINDOW,
        reopen_window=REOPEN_WINDOW,
    ) == [A.CLAIM, A.REFER_TO_COMMISSION, A.REFER_TO_SUPERVISION, A.AGREE, A.VOID]


def test_allowed_actions_for_the_complainant_after_a_decision() -> None:
    case = facts(S.CLOSED, Opinion.NO_VIOLATION)
    windows = {"objection_window": OBJECTION_WINDOW, "reopen_window": REOPEN_WINDOW}
    assert allowed_actions(case, Role.CITIZEN, NOW, **windows) == [A.OBJECT]
    later = NOW + OBJECTION_WINDOW
    assert allowed_actions(case, Role.CITIZEN, later, **windows) == []


def test_allowed_actions_is_exactly_what_plan_accepts() -> None:
    decided_times = (DECIDED, NOW - timedelta(days=30))
    for status, opinion, role, withdrawn, used, decided_at in itertools.product(
        CaseStatus, ANY_OPINION, Role, (False, True), (False, True), decided_times
    ):
        case = facts(
            status, opinion, decided_at=decided_at, withdrawn=withdrawn, objection_used=used
        )
        allowed = allowed_actions(
            case, role, NOW, objection_window=OBJECTION_WINDOW, reopen_window=REOPEN_WINDOW
        )
        for action in Action:
            accepted = any(
                isinstance(run(case, action, role, opinion=given), Planned) for given in Opinion
            )
            assert (action in allowed) == accepted, (case, role, action)


# The table itself.


def test_open_and_terminal_statuses_partition_the_statuses() -> None:
    assert set(CaseStatus) == OPEN_STATUSES | TERMINAL
    assert not OPEN_STATUSES & TERMINAL
    assert is_open(S.REFERRED_SUPERVISION)
    assert not is_open(S.REFERRED_JUDICIAL)
    assert not is_open(S.CLOSED)


def test_every_status_the_union_reports_is_reachable() -> None:
    targets = {row.target for row in TRANSITIONS}
    assert targets | {S.AWAITING_REVIEW} == set(CaseStatus)


def test_a_table_with_two_rows_for_one_move_is_rejected() -> None:
    row = Transition(
        A.CLAIM, frozenset({S.AWAITING_REVIEW}), frozenset({Role.CLERK}), S.IN_PROGRESS, "k"
    )
    with pytest.raises(ValueError, match="two transitions"):
        _check_table((row, row))


# Why a case was closed.


def test_a_row_that_closes_without_saying_why_is_rejected() -> None:
    row = Transition(
        A.CLOSE, frozenset({S.REFERRED_SUPERVISION}), frozenset({Role.CLERK}), S.CLOSED, "k"
    )
    with pytest.raises(ValueError, match="closing reason"):
        _check_table((row,))


def test_every_closing_says_why_and_every_reason_is_reached() -> None:
    closings = {row.closing for row in TRANSITIONS if row.target is S.CLOSED}
    assert closings == set(Closing)


@pytest.mark.parametrize("status", sorted(OPEN_STATUSES))
def test_the_parties_agreement_closes_the_case_at_any_open_step(status: CaseStatus) -> None:
    outcome = planned(run(facts(status), A.AGREE, Role.CLERK, reason="  فروشنده مبلغ را پس داد "))
    assert outcome.after == CaseFacts(status=S.CLOSED, decided_at=NOW, closing=Closing.AGREEMENT)
    assert outcome.reason == "فروشنده مبلغ را پس داد"
    assert outcome.citizen_message_key == "case-notice-closed-by-agreement"


def test_an_agreement_needs_its_terms() -> None:
    outcome = refused(run(facts(S.IN_PROGRESS), A.AGREE, Role.CLERK, reason="\u200c "))
    assert outcome.key == "workflow-needs-reason"


def test_an_objection_to_an_agreement_keeps_no_closing_reason() -> None:
    agreed = CaseFacts(status=S.CLOSED, decided_at=DECIDED, closing=Closing.AGREEMENT)
    outcome = planned(run(agreed, A.OBJECT, Role.CITIZEN))
    assert outcome.after.status is S.REFERRED_JUDICIAL and outcome.after.closing is None
    late = NOW + OBJECTION_WINDOW
    assert refused(run(agreed, A.OBJECT, Role.CITIZEN, now=late)).key == (
        "workflow-objection-window-passed"
    )


def test_reopening_forgets_why_the_case_was_closed() -> None:
    agreed = CaseFacts(status=S.CLOSED, decided_at=DECIDED, closing=Closing.AGREEMENT)
    outcome = planned(run(agreed, A.REOPEN, Role.CLERK))
    assert outcome.after.closing is None and outcome.after.status is S.IN_PROGRESS


def test_a_withdrawal_is_its_own_closing_reason() -> None:
    outcome = planned(run(facts(S.IN_PROGRESS), A.WITHDRAW, Role.CITIZEN))
    assert (outcome.after.closing, outcome.after.closed_by_withdrawal) == (
        Closing.WITHDRAWAL,
        True,
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_every_closing_reason_has_its_label_in_both_locales(locale: str) -> None:
    assert {closing_label(reason) for reason in Closing} <= keys(locale)
