"""Citizens' satisfaction with closed cases: asked once the case is closed, one rating a case.

After the union closes a case by its decision the complainant rates it from 1 to 5 and may add a
comment; the ratings appear in the admins' statistics. Only a decision asks: a withdrawal is the
complainant's own doing, and a case that leaves its closing (an objection sends it to Taazirat,
a reopening) before the question went out is not asked. A case is asked once, however often it
is closed. Only the case's owner (on any of their linked accounts) may rate it (after an
objection, only if the question reached them first), and a rating once given is not changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import ClassVar

from models.repos import Repo
from models.tables import Case, CaseEvent, Rating, User
from services.formatting import format_code, localize_digits
from services.normalize import as_written
from services.outbox import OutboxStatus, Purpose, enqueue_once, person, text_for
from services.ownership import complainant, own_case
from services.texts import texts
from services.view import Button, ButtonPayload
from services.workflow import Action, CitizenMay, Role, rules_of

SCORES = range(1, 6)
COMMENT_MAX_LENGTH = 1000
# The closing notice is read first; the question follows a little later, on its own.
RATING_DELAY = timedelta(minutes=15)


class RatingOutcome(StrEnum):
    """What became of a tap on a rating button."""

    RECORDED = "recorded"
    ALREADY_RATED = "already_rated"
    NOT_YOURS = "not_yours"
    NOT_RATABLE = "not_ratable"


@dataclass(frozen=True)
class RatingResult:
    """The outcome, and the rating and case code where there is one."""

    outcome: RatingOutcome
    rating_id: int | None = None
    code: str | None = None


def is_closed_by_decision(case: Case) -> bool:
    """Closed (a status where the complainant may rate), and not by their own withdrawal."""
    return CitizenMay.RATE in rules_of(case.status).citizen and not case.closed_by_withdrawal


def is_ratable(case: Case) -> bool:
    """A case closed by a decision may be rated, and also one that an objection later sent on
    to Taazirat, if the question reached them first: the union's handling was over then."""
    return is_closed_by_decision(case) or bool(case.objection_used)


def _question_key(case: Case) -> str:
    """The rating question's key in the outbox: one question a case."""
    return f"rating:{case.id}"


async def after_move(repo: Repo, case: Case, action: Action, now: datetime) -> None:
    """A closing decision asks the complainant to rate the case; any other move that takes
    it out of a closing (an objection, a reopening) takes back the question not yet sent, so
    it never arrives saying the case was closed. The parties' agreement recorded by the union
    closes the case as its decision does."""
    if action in (Action.CLOSE, Action.AGREE):
        await request_rating(repo, case, now)
    elif not is_closed_by_decision(case):
        await repo.outbox.cancel_unsent(_question_key(case))


@dataclass(frozen=True)
class RatingOffer(ButtonPayload):
    """A button of the rating question: the complainant's score of their closed case."""

    kind: ClassVar[str] = "rate"

    case_id: int
    score: int


async def request_rating(repo: Repo, case: Case, now: datetime) -> None:
    """Ask the complainant, in their language and on their platform, to rate the closed case
    with buttons 1–5, a quarter of an hour after the closing notice; nothing when the case was
    asked already or has a rating (closed again after a reopening). Written to the outbox in
    the caller's transaction."""
    if await repo.ratings.of_case(case.id) is not None:
        return
    citizen = await complainant(repo, case, now)
    if citizen is None:
        return
    t = texts(citizen.locale or case.locale)
    buttons = [
        [
            Button(
                t.plain("rating-button", score=localize_digits(str(score), t.locale)),
                callback=RatingOffer(case.id, score),
            )
            for score in SCORES
        ]
    ]
    await enqueue_once(
        repo,
        text_for(
            person(citizen),
            t,
            "rating-ask",
            buttons=buttons,
            code=format_code(case.code, t.locale),
        ),
        now=now,
        purpose=Purpose.RATING_REQUEST,
        case_id=case.id,
        dedupe_key=_question_key(case),
        delay=RATING_DELAY,
    )


async def record_rating(
    repo: Repo, user: User, case_id: int, score: int, now: datetime
) -> RatingResult:
    """Store the owner's rating of a closed case, and commit; a second rating of the same
    case (a double tap, or two taps at once) changes nothing."""
    case = await own_case(repo, user, case_id)
    if case is None:
        return RatingResult(RatingOutcome.NOT_YOURS)
    if score not in SCORES or not await _may_rate(repo, case):
        return RatingResult(RatingOutcome.NOT_RATABLE)
    code = case.code
    rating = await repo.ratings.add(Rating(case_id=case.id, user_id=user.id, score=score, at=now))
    if rating is not None:
        _event(repo, case, user, "rated", now, str(score))
    await repo.commit()
    if rating is None:
        return RatingResult(RatingOutcome.ALREADY_RATED, code=code)
    return RatingResult(RatingOutcome.RECORDED, rating_id=rating.id, code=code)


async def _may_rate(repo: Repo, case: Case) -> bool:
    """A case closed by a decision may be rated; one at Taazirat on the complainant's objection
    only if the question reached them before they objected (else it was taken back)."""
    if not is_ratable(case):
        return False
    if is_closed_by_decision(case):
        return True
    question = await repo.outbox.by_dedupe_key(_question_key(case))
    return question is not None and question.status == OutboxStatus.SENT


async def add_comment(
    repo: Repo, user: User, rating_id: int, text: str, now: datetime
) -> RatingResult:
    """Keep the comment the rater typed after their rating, once, and commit."""
    rating = await repo.ratings.get(rating_id)
    case = await repo.cases.by_id(rating.case_id) if rating is not None else None
    if rating is None or case is None or rating.user_id != user.id:
        return RatingResult(RatingOutcome.NOT_YOURS)
    if rating.comment is not None:
        return RatingResult(RatingOutcome.ALREADY_RATED, rating.id, case.code)
    comment = as_written(text)[:COMMENT_MAX_LENGTH]
    rating.comment = comment
    _event(repo, case, user, "rating_comment", now, comment)
    await repo.commit()
    return RatingResult(RatingOutcome.RECORDED, rating.id, case.code)


def _event(repo: Repo, case: Case, user: User, action: str, now: datetime, note: str) -> None:
    repo.cases.add_event(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=user.id,
            actor_role=Role.CITIZEN.value,
            platform=user.platform,
            action=action,
            from_status=case.status,
            to_status=case.status,
            note=note,
        )
    )
