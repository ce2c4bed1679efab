"""Citizens' satisfaction with closed cases: asked once the case is closed, one rating a case.

Issue 5 §4: after a case is closed the complainant rates it from 1 to 5 and may add a comment;
the ratings appear in the admins' statistics. Only the case's owner (on any of their linked
accounts) may rate it, and a rating once given is not changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import ClassVar

from models.repositories import Repo
from models.tables import Case, CaseEvent, Rating, User
from services.formatting import format_code, localize_digits
from services.normalize import as_written
from services.outbox import Purpose, enqueue, person, text_for
from services.ownership import own_case
from services.texts import texts
from services.view import Button, ButtonPayload
from services.workflow import CitizenMay, Role, rules_of

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


def is_ratable(case: Case) -> bool:
    """A case may be rated in a status where the complainant may rate (closed), and also when
    an objection later sent it on to Taazirat: the union's handling was over."""
    return CitizenMay.RATE in rules_of(case.status).citizen or case.objection_used


@dataclass(frozen=True)
class RatingOffer(ButtonPayload):
    """A button of the rating question: the complainant's score of their closed case."""

    kind: ClassVar[str] = "rate"

    case_id: int
    score: int


async def request_rating(repo: Repo, case: Case, now: datetime) -> None:
    """Ask the complainant, in their language and on their platform, to rate the closed case
    with buttons 1–5; nothing when the case already has a rating (closed again after a
    reopening). Written to the outbox in the caller's transaction."""
    if await repo.reports.rating_of_case(case.id) is not None:
        return
    citizen = await repo.users.get(case.citizen_id)
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
    enqueue(
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
    if score not in SCORES or not is_ratable(case):
        return RatingResult(RatingOutcome.NOT_RATABLE)
    code = case.code
    rating = await repo.reports.add_rating(
        Rating(case_id=case.id, user_id=user.id, score=score, at=now)
    )
    if rating is not None:
        _event(repo, case, user, "rated", now, str(score))
    await repo.commit()
    if rating is None:
        return RatingResult(RatingOutcome.ALREADY_RATED, code=code)
    return RatingResult(RatingOutcome.RECORDED, rating_id=rating.id, code=code)


async def add_comment(
    repo: Repo, user: User, rating_id: int, text: str, now: datetime
) -> RatingResult:
    """Keep the comment the rater typed after their rating, once, and commit."""
    rating = await repo.reports.rating(rating_id)
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
