"""The complaint workflow: statuses, who may move a case, and where to.

Legal basis (DOMAIN.md §1, seed 003): Article 72 of the Guild System Law and Article 6 of the
bylaw of union commissions.

- Step 1: the union examines a complaint and refers it to the complaints commission.
- Step 2: the commission examines it with both parties and sends its opinion to the union.
- Step 3: the union decides. No violation, or the complainant withdraws (انصراف شاکی): the
  case is closed (مختومه). A violation, or the complainant objects (اعتراض شاکی): the case goes
  to the Government Discretionary Punishments Organization (تعزیرات حکومتی).

The union also reports cases referred to its supervision committee (کمیته نظارت) and voided
ones (باطل شده: invalid, duplicate, out of scope); the workflow has both.

`STATUSES` declares each status once, with all the desk knows about it (open or ended, whose
deadline runs, what the complainant may do, its label); every set of statuses is derived from
it. `TRANSITIONS` is the single source of truth for the moves: `plan` decides one request from
it and `allowed_actions` asks `plan` about every action, so the buttons drawn are exactly the
moves that would be accepted. A new status is its line in `STATUSES`, its rows in
`TRANSITIONS` and its label in the locales.

Decisions the law leaves open, taken here:
- A case cannot be closed before the commission (or the supervision committee) has seen it: a
  clerk who finds a complaint invalid, duplicate or out of scope voids it instead. The parties'
  agreement (سازش) is the exception: recorded by staff with its terms at any open step, it
  closes the case with a closing reason of its own; the complainant may still object to it
  within the objection window, as to any closing decision.
- Every move that closes a case says why (`Closing`): the commission found no violation, the
  supervision committee decided, the complainant withdrew, or the parties agreed.
- The commission's opinion is recorded once. A clerk cannot record a second one; an admin may
  correct it, with a reason, while the case is still with the commission.
- An objection is only against a closing decision, once per case, within a configurable
  window of the decision; a withdrawn or voided case cannot be objected to.
- A citizen may reopen only a case closed by their own withdrawal, within a configurable
  window; a case closed by decision is contested by objecting, not reopening. Staff may reopen
  any closed or voided case, with a reason. Reopening clears the opinion and the decision: the
  case starts again.
- The role CITIZEN means the complainant of this case; the caller resolves that. SYSTEM (the
  scheduler) is granted no transition.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from types import MappingProxyType

from services.normalize import is_blank

__all__ = [
    "ENDED",
    "FOLLOWED",
    "OPEN_STATUSES",
    "STAFF_ROLES",
    "STATUSES",
    "TERMINAL",
    "TRANSITIONS",
    "Action",
    "CaseFacts",
    "CaseStatus",
    "CitizenMay",
    "Closing",
    "Opinion",
    "Phase",
    "Planned",
    "Refused",
    "Role",
    "StatusRules",
    "Step",
    "Transition",
    "TransitionRequest",
    "allowed_actions",
    "citizen_may",
    "closing_label",
    "is_open",
    "plan",
    "rules_of",
    "status_label",
]


class CaseStatus(StrEnum):
    """The statuses the union reports (seed 003, "وضعیت شکایات")."""

    AWAITING_REVIEW = "awaiting_review"  # منتظر بررسی کارشناس
    IN_PROGRESS = "in_progress"  # در دست اقدام
    REFERRED_COMMISSION = "referred_commission"  # ارجاع به کمیسیون شکایت
    REFERRED_SUPERVISION = "referred_supervision"  # ارجاع به کمیته نظارت
    REFERRED_JUDICIAL = "referred_judicial"  # ارجاع به مراجع قضایی (Taazirat)
    VOIDED = "voided"  # باطل شده
    CLOSED = "closed"  # مختومه


class Role(StrEnum):
    """Who asks for a transition, relative to the case."""

    CITIZEN = "citizen"
    CLERK = "clerk"
    ADMIN = "admin"
    SYSTEM = "system"
    # The business complained about (متشاکی), through its licence holder's verified phone.
    RESPONDENT = "respondent"


class Opinion(StrEnum):
    """The complaints commission's opinion (Step 2)."""

    VIOLATION = "violation"
    NO_VIOLATION = "no_violation"


class Action(StrEnum):
    """What someone may ask to do with a case."""

    CLAIM = "claim"
    REFER_TO_COMMISSION = "refer_to_commission"
    REFER_TO_SUPERVISION = "refer_to_supervision"
    RECORD_OPINION = "record_opinion"
    CLOSE = "close"
    REFER_TO_JUDICIAL = "refer_to_judicial"
    AGREE = "agree"
    VOID = "void"
    WITHDRAW = "withdraw"
    OBJECT = "object"
    REOPEN = "reopen"


STAFF_ROLES: frozenset[Role] = frozenset({Role.CLERK, Role.ADMIN})


class Closing(StrEnum):
    """Why a case was closed (مختومه): the union reports its closings by reason."""

    # Step 3: the commission found no violation and the union closed the case.
    NO_VIOLATION = "no_violation"
    # The supervision committee decided the case.
    SUPERVISION = "supervision"
    # The complainant withdrew (انصراف شاکی).
    WITHDRAWAL = "withdrawal"
    # The parties agreed (سازش), on terms recorded by staff.
    AGREEMENT = "agreement"


def closing_label(closing: str) -> str:
    """The locale key of a closing reason's label."""
    return f"closing-{Closing(closing).value}"


class Phase(StrEnum):
    """Where a case in a status stands with the union."""

    # The union still owes work: the Article 72 clock runs; staff may void the case.
    OPEN = "open"
    # Taazirat hears the case: the union's part is decided, it only follows the case up.
    FOLLOWED_UP = "followed_up"
    # Closed or voided: no deadline runs; a citizen's message about it is answered with what
    # may still be done, and staff may reopen it.
    ENDED = "ended"


class Step(StrEnum):
    """The step whose deadline runs, and so whose clock: the union's, the commission's, the
    supervision committee's or Taazirat's (services.deadlines holds the arithmetic)."""

    REFERRAL = "referral"
    COMMISSION = "commission"
    DECISION = "decision"
    SUPERVISION = "supervision"
    JUDICIAL = "judicial"


class CitizenMay(StrEnum):
    """What the complainant may do with their case in a status (the windows and the case's own
    history are the transitions' guards)."""

    WITHDRAW = "withdraw"
    OBJECT = "object"
    REOPEN = "reopen"
    RATE = "rate"


@dataclass(frozen=True, kw_only=True)
class StatusRules:
    """One status as the desk knows it. Whether the citizen's messages reach the case's thread
    follows from the phase: they do until the case has ended."""

    phase: Phase
    step: Step | None
    # The step once the commission's opinion is recorded, where it differs.
    step_with_opinion: Step | None = None
    citizen: frozenset[CitizenMay] = frozenset()
    label: str

    @property
    def is_open(self) -> bool:
        return self.phase is Phase.OPEN

    @property
    def is_followed(self) -> bool:
        return self.phase is not Phase.ENDED

    def step_for(self, opinion: Opinion | None) -> Step | None:
        """The step that runs with or without the commission's opinion."""
        if opinion is not None and self.step_with_opinion is not None:
            return self.step_with_opinion
        return self.step


_MAY = CitizenMay

STATUSES: Mapping[CaseStatus, StatusRules] = MappingProxyType(
    {
        # Step 1: the union reviews the complaint and refers it (Article 6 (1)).
        CaseStatus.AWAITING_REVIEW: StatusRules(
            phase=Phase.OPEN,
            step=Step.REFERRAL,
            citizen=frozenset({_MAY.WITHDRAW}),
            label="status-awaiting_review",
        ),
        CaseStatus.IN_PROGRESS: StatusRules(
            phase=Phase.OPEN,
            step=Step.REFERRAL,
            citizen=frozenset({_MAY.WITHDRAW}),
            label="status-in_progress",
        ),
        # Step 2, the commission's five days; then Step 3, the union's decision (Article 6).
        CaseStatus.REFERRED_COMMISSION: StatusRules(
            phase=Phase.OPEN,
            step=Step.COMMISSION,
            step_with_opinion=Step.DECISION,
            citizen=frozenset({_MAY.WITHDRAW}),
            label="status-referred_commission",
        ),
        CaseStatus.REFERRED_SUPERVISION: StatusRules(
            phase=Phase.OPEN,
            step=Step.SUPERVISION,
            citizen=frozenset({_MAY.WITHDRAW}),
            label="status-referred_supervision",
        ),
        # Article 72: Taazirat hears it within two weeks; the union follows that up.
        CaseStatus.REFERRED_JUDICIAL: StatusRules(
            phase=Phase.FOLLOWED_UP,
            step=Step.JUDICIAL,
            label="status-referred_judicial",
        ),
        CaseStatus.VOIDED: StatusRules(phase=Phase.ENDED, step=None, label="status-voided"),
        # Step 3: the complainant may object to a decision or take back their withdrawal,
        # and rates how the union handled the case.
        CaseStatus.CLOSED: StatusRules(
            phase=Phase.ENDED,
            step=None,
            citizen=frozenset({_MAY.OBJECT, _MAY.REOPEN, _MAY.RATE}),
            label="status-closed",
        ),
    }
)


def _check_statuses(table: Mapping[CaseStatus, StatusRules]) -> None:
    """Every status is declared, and a deadline runs exactly until the case has ended."""
    missing = set(CaseStatus) - set(table)
    if missing:
        raise ValueError(f"statuses without rules: {sorted(missing)}")
    for status, rules in table.items():
        if (rules.step is None) is rules.is_followed:
            raise ValueError(f"{status}: a step runs exactly while the case is followed")


_check_statuses(STATUSES)


def rules_of(status: str) -> StatusRules:
    """The declared rules of a status, by the status or its stored value."""
    return STATUSES[CaseStatus(status)]


def status_label(status: str) -> str:
    """The locale key of a status's label."""
    return rules_of(status).label


def _where(test: Callable[[StatusRules], bool]) -> frozenset[CaseStatus]:
    return frozenset(status for status, rules in STATUSES.items() if test(rules))


def citizen_may(what: CitizenMay) -> frozenset[CaseStatus]:
    """The statuses in which the complainant may do `what`."""
    return _where(lambda rules: what in rules.citizen)


# The union still owes work on these: the Article 72 clock runs.
OPEN_STATUSES: frozenset[CaseStatus] = _where(lambda rules: rules.is_open)
# The union's part is over: entering one is a decision (a Taazirat referral is followed up).
TERMINAL: frozenset[CaseStatus] = _where(lambda rules: not rules.is_open)
# The staff still follow these: a message about the case reaches its thread.
FOLLOWED: frozenset[CaseStatus] = _where(lambda rules: rules.is_followed)
# The case has ended: nothing runs, and staff may reopen it.
ENDED: frozenset[CaseStatus] = _where(lambda rules: not rules.is_followed)


def is_open(status: CaseStatus) -> bool:
    """Whether the union still has to act on a case in `status`.

    Rule: Article 72 binds the union until it closes the case or hands it to Taazirat; a
    voided case is out of the workflow. So only the four union-side statuses are open.
    """
    return rules_of(status).is_open


@dataclass(frozen=True)
class CaseFacts:
    """What the workflow needs to know about a case, read from storage.

    `decided_at` is when the case last entered closed, voided or referred_judicial (a
    decision, a withdrawal or a voiding); None while the union is still at work.
    """

    status: CaseStatus
    opinion: Opinion | None = None
    decided_at: datetime | None = None
    closed_by_withdrawal: bool = False
    objection_used: bool = False
    # Why the case was closed, while it is closed.
    closing: Closing | None = None


@dataclass(frozen=True, kw_only=True)
class TransitionRequest:
    """Someone asks for `action` at `now`; `reason` and `opinion` only where needed."""

    action: Action
    role: Role
    now: datetime
    reason: str | None = None
    opinion: Opinion | None = None


@dataclass(frozen=True)
class Refused:
    """A request the rules do not allow: a message key for the locale files, and its args."""

    key: str
    args: Mapping[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class Planned:
    """An accepted transition: what to store (`after`) and what to tell the citizen."""

    action: Action
    from_status: CaseStatus
    to_status: CaseStatus
    sets_opinion: Opinion | None
    reason: str | None
    citizen_message_key: str
    after: CaseFacts

    @property
    def changes_status(self) -> bool:
        """Whether the status moves (recording an opinion does not)."""
        return self.from_status is not self.to_status


@dataclass(frozen=True)
class _Windows:
    objection: timedelta
    reopen: timedelta


Guard = Callable[[CaseFacts, TransitionRequest, _Windows], Refused | None]


@dataclass(frozen=True)
class Transition:
    """One row of the table: `action` by one of `roles` moves `sources` to `target`."""

    action: Action
    sources: frozenset[CaseStatus]
    roles: frozenset[Role]
    target: CaseStatus
    citizen_message_key: str
    needs_reason: bool = False
    needs_opinion: bool = False
    guards: tuple[Guard, ...] = ()
    # The reason a row that closes the case records (`Closing`).
    closing: Closing | None = None
    # Asked for by its own name (a command, a button), never as "the move towards `target`":
    # `/status CODE closed` is the union's decision, not the parties' agreement.
    named_only: bool = False


# Refusal keys.
ILLEGAL = "workflow-illegal"
FORBIDDEN = "workflow-forbidden"
NEEDS_REASON = "workflow-needs-reason"
NEEDS_OPINION = "workflow-needs-opinion"
NEEDS_OPINION_FIRST = "workflow-needs-opinion-first"
OPINION_IS_VIOLATION = "workflow-opinion-is-violation"
OPINION_IS_NO_VIOLATION = "workflow-opinion-is-no-violation"
OPINION_ALREADY_RECORDED = "workflow-opinion-already-recorded"
OBJECTION_AFTER_WITHDRAWAL = "workflow-objection-after-withdrawal"
OBJECTION_ALREADY_USED = "workflow-objection-already-used"
OBJECTION_WINDOW_PASSED = "workflow-objection-window-passed"
REOPEN_ONLY_WITHDRAWN = "workflow-reopen-only-withdrawn"
REOPEN_WINDOW_PASSED = "workflow-reopen-window-passed"


def _clean_reason(reason: str | None) -> str | None:
    """A reason as given, or None where none was given: words that show nothing are none."""
    if reason is None or is_blank(reason):
        return None
    return reason.strip()


def _opinion_recorded_once(
    facts: CaseFacts, request: TransitionRequest, windows: _Windows
) -> Refused | None:
    """Step 2: the commission sends one opinion; only an admin corrects it, with a reason."""
    if facts.opinion is None:
        return None
    if request.role is not Role.ADMIN:
        return Refused(OPINION_ALREADY_RECORDED)
    if _clean_reason(request.reason) is None:
        return Refused(NEEDS_REASON)
    return None


def _opinion_found_no_violation(
    facts: CaseFacts, request: TransitionRequest, windows: _Windows
) -> Refused | None:
    """Step 3: the union closes the case when the commission found no violation."""
    if facts.opinion is None:
        return Refused(NEEDS_OPINION_FIRST)
    if facts.opinion is Opinion.VIOLATION:
        return Refused(OPINION_IS_VIOLATION)
    return None


def _opinion_found_violation(
    facts: CaseFacts, request: TransitionRequest, windows: _Windows
) -> Refused | None:
    """Step 3: the union sends the case to Taazirat when the commission found a violation."""
    if facts.opinion is None:
        return Refused(NEEDS_OPINION_FIRST)
    if facts.opinion is Opinion.NO_VIOLATION:
        return Refused(OPINION_IS_NO_VIOLATION)
    return None


def _within(
    decided_at: datetime | None, window: timedelta, now: datetime, key: str
) -> Refused | None:
    # A closed case without a decision time (an old import) cannot prove it is in time.
    if decided_at is None or now > decided_at + window:
        return Refused(key, {"days": window.days})
    return None


def _objection_allowed(
    facts: CaseFacts, request: TransitionRequest, windows: _Windows
) -> Refused | None:
    """Step 3: the complainant may object to a closing decision, once, within the window."""
    if facts.closed_by_withdrawal:
        return Refused(OBJECTION_AFTER_WITHDRAWAL)
    if facts.objection_used:
        return Refused(OBJECTION_ALREADY_USED)
    return _within(facts.decided_at, windows.objection, request.now, OBJECTION_WINDOW_PASSED)


def _reopen_of_own_withdrawal(
    facts: CaseFacts, request: TransitionRequest, windows: _Windows
) -> Refused | None:
    """A complainant may take back their own withdrawal within the reopen window."""
    if not facts.closed_by_withdrawal:
        return Refused(REOPEN_ONLY_WITHDRAWN)
    return _within(facts.decided_at, windows.reopen, request.now, REOPEN_WINDOW_PASSED)


_S = CaseStatus
_STAFF = STAFF_ROLES
_CITIZEN = frozenset({Role.CITIZEN})
_BEFORE_REFERRAL = frozenset({_S.AWAITING_REVIEW, _S.IN_PROGRESS})

TRANSITIONS: tuple[Transition, ...] = (
    # A clerk takes the case from the queue.
    Transition(
        Action.CLAIM,
        frozenset({_S.AWAITING_REVIEW}),
        _STAFF,
        _S.IN_PROGRESS,
        "case-notice-claimed",
    ),
    # Step 1: referral to the complaints commission (two working days).
    Transition(
        Action.REFER_TO_COMMISSION,
        _BEFORE_REFERRAL,
        _STAFF,
        _S.REFERRED_COMMISSION,
        "case-notice-referred-commission",
    ),
    Transition(
        Action.REFER_TO_SUPERVISION,
        _BEFORE_REFERRAL,
        _STAFF,
        _S.REFERRED_SUPERVISION,
        "case-notice-referred-supervision",
        needs_reason=True,
    ),
    # Step 2: the commission's opinion, recorded by staff; the status does not move.
    Transition(
        Action.RECORD_OPINION,
        frozenset({_S.REFERRED_COMMISSION}),
        _STAFF,
        _S.REFERRED_COMMISSION,
        "case-notice-commission-reviewed",
        needs_opinion=True,
        guards=(_opinion_recorded_once,),
    ),
    # Step 3: the union's decision.
    Transition(
        Action.CLOSE,
        frozenset({_S.REFERRED_COMMISSION}),
        _STAFF,
        _S.CLOSED,
        "case-notice-closed-no-violation",
        needs_reason=True,
        guards=(_opinion_found_no_violation,),
        closing=Closing.NO_VIOLATION,
    ),
    Transition(
        Action.CLOSE,
        frozenset({_S.REFERRED_SUPERVISION}),
        _STAFF,
        _S.CLOSED,
        "case-notice-closed-by-supervision",
        needs_reason=True,
        closing=Closing.SUPERVISION,
    ),
    Transition(
        Action.REFER_TO_JUDICIAL,
        frozenset({_S.REFERRED_COMMISSION}),
        _STAFF,
        _S.REFERRED_JUDICIAL,
        "case-notice-referred-judicial",
        guards=(_opinion_found_violation,),
    ),
    Transition(
        Action.REFER_TO_JUDICIAL,
        frozenset({_S.REFERRED_SUPERVISION}),
        _STAFF,
        _S.REFERRED_JUDICIAL,
        "case-notice-referred-judicial",
    ),
    # The parties' agreement (سازش), its terms as the reason, closes the case at any open step.
    Transition(
        Action.AGREE,
        OPEN_STATUSES,
        _STAFF,
        _S.CLOSED,
        "case-notice-closed-by-agreement",
        needs_reason=True,
        closing=Closing.AGREEMENT,
        named_only=True,
    ),
    # Invalid, duplicate or out of scope; Taazirat's cases are no longer the union's to void.
    Transition(
        Action.VOID,
        OPEN_STATUSES,
        _STAFF,
        _S.VOIDED,
        "case-notice-voided",
        needs_reason=True,
    ),
    # Step 3: the complainant withdraws; the case is closed.
    Transition(
        Action.WITHDRAW,
        citizen_may(CitizenMay.WITHDRAW),
        _CITIZEN,
        _S.CLOSED,
        "case-notice-withdrawn",
        closing=Closing.WITHDRAWAL,
    ),
    # Step 3: the complainant objects to the closing decision; the case goes to Taazirat.
    Transition(
        Action.OBJECT,
        citizen_may(CitizenMay.OBJECT),
        _CITIZEN,
        _S.REFERRED_JUDICIAL,
        "case-notice-objection-accepted",
        guards=(_objection_allowed,),
    ),
    Transition(
        Action.REOPEN,
        ENDED,
        _STAFF,
        _S.IN_PROGRESS,
        "case-notice-reopened",
        needs_reason=True,
    ),
    Transition(
        Action.REOPEN,
        citizen_may(CitizenMay.REOPEN),
        _CITIZEN,
        _S.AWAITING_REVIEW,
        "case-notice-reopened",
        guards=(_reopen_of_own_withdrawal,),
    ),
)


def _check_table(rows: tuple[Transition, ...]) -> None:
    """At most one row answers any (action, status, role): the table is unambiguous; a row
    says why it closes a case exactly when it closes one."""
    seen: set[tuple[Action, CaseStatus, Role]] = set()
    for row in rows:
        if (row.closing is not None) is not (row.target is CaseStatus.CLOSED):
            raise ValueError(f"{row.action}: a closing reason exactly on a row that closes")
        for status in row.sources:
            for role in row.roles:
                cell = (row.action, status, role)
                if cell in seen:
                    raise ValueError(f"two transitions for {cell}")
                seen.add(cell)


_check_table(TRANSITIONS)


def _after(facts: CaseFacts, row: Transition, request: TransitionRequest) -> CaseFacts:
    opinion = facts.opinion
    decided_at = facts.decided_at
    if row.action is Action.RECORD_OPINION:
        opinion = request.opinion
    if row.target in TERMINAL and row.target is not facts.status:
        decided_at = request.now
    if row.action is Action.REOPEN:
        opinion = None
        decided_at = None
    return replace(
        facts,
        status=row.target,
        opinion=opinion,
        decided_at=decided_at,
        closed_by_withdrawal=row.action is Action.WITHDRAW,
        objection_used=facts.objection_used or row.action is Action.OBJECT,
        # A move that keeps the status (an opinion recorded) keeps the reason it had.
        closing=row.closing if row.target is not facts.status else facts.closing,
    )


def plan(
    facts: CaseFacts,
    request: TransitionRequest,
    *,
    objection_window: timedelta,
    reopen_window: timedelta,
) -> Planned | Refused:
    """Decide whether `request` may move the case, and where to.

    Rule: Article 72 and Article 6 of the commissions bylaw, as encoded in `TRANSITIONS`
    (see the module docstring). Refusals, in order: no row for the action from this status
    ("workflow-illegal"); none for this role ("workflow-forbidden"); the row's guards (the
    commission's opinion, the objection and reopen windows); a missing reason; a missing
    opinion. The windows are not statutory: they come from settings.
    """
    rows = [row for row in TRANSITIONS if row.action is request.action]
    from_status = [row for row in rows if facts.status in row.sources]
    if not from_status:
        args: dict[str, str | int] = {
            "action": request.action.value,
            "from_status": facts.status.value,
        }
        targets = {row.target for row in rows}
        if len(targets) == 1:
            args["to_status"] = targets.pop().value
        return Refused(ILLEGAL, args)
    row = next((row for row in from_status if request.role in row.roles), None)
    if row is None:
        return Refused(FORBIDDEN, {"action": request.action.value, "role": request.role.value})
    windows = _Windows(objection=objection_window, reopen=reopen_window)
    for guard in row.guards:
        refusal = guard(facts, request, windows)
        if refusal is not None:
            return refusal
    reason = _clean_reason(request.reason)
    if row.needs_reason and reason is None:
        return Refused(NEEDS_REASON)
    if row.needs_opinion and request.opinion is None:
        return Refused(NEEDS_OPINION)
    return Planned(
        action=row.action,
        from_status=facts.status,
        to_status=row.target,
        sets_opinion=request.opinion if row.action is Action.RECORD_OPINION else None,
        reason=reason,
        citizen_message_key=row.citizen_message_key,
        after=_after(facts, row, request),
    )


# Stand-ins for what a person would type; only their presence matters to the rules.
_PROBE_REASON = "-"


def allowed_actions(
    facts: CaseFacts,
    role: Role,
    now: datetime,
    *,
    objection_window: timedelta,
    reopen_window: timedelta,
) -> list[Action]:
    """The actions `role` may take on the case at `now`, in `Action` order.

    Rule: exactly those for which `plan` would accept a request carrying a reason and an
    opinion, so a button is drawn only when pressing it can succeed.
    """
    allowed: list[Action] = []
    for action in Action:
        for opinion in Opinion:
            request = TransitionRequest(
                action=action, role=role, now=now, reason=_PROBE_REASON, opinion=opinion
            )
            outcome = plan(
                facts, request, objection_window=objection_window, reopen_window=reopen_window
            )
            if isinstance(outcome, Planned):
                allowed.append(action)
                break
    return allowed
