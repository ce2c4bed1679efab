"""What staff do with a case beside its moves: internal notes, questions to the citizen and
assignment to a clerk."""

from __future__ import annotations

from datetime import datetime

from models.repos import Repo
from models.tables import Case, CaseMessage, User
from services.casework.notices import record_event
from services.formatting import format_code
from services.outbox import Purpose, enqueue, person, text_for
from services.ownership import complainant
from services.texts import texts
from services.workflow import (
    Role,
)


async def note(repo: Repo, case: Case, author: User, role: Role, text: str, now: datetime) -> None:
    """An internal note among staff: kept in the audit trail, never sent to the citizen."""
    repo.cases.add_message(
        CaseMessage(case_id=case.id, kind="note", author_id=author.id, text=text, at=now)
    )
    record_event(repo, case, author, role, "note", now, text)
    await repo.commit()


async def assign(repo: Repo, case: Case, clerk: User, by: User, role: Role, now: datetime) -> None:
    """Give a case to a clerk, and tell the clerk."""
    case.assignee_id = clerk.id
    record_event(repo, case, by, role, "assigned", now, clerk.full_name)
    t = texts(clerk.locale or case.locale)
    enqueue(
        repo,
        text_for(
            person(clerk),
            t,
            "staff-assigned-to-you",
            code=format_code(case.code, t.locale),
            business=case.business_name,
        ),
        now=now,
        purpose=Purpose.ASSIGNED,
        case_id=case.id,
    )
    await repo.commit()


async def ask_citizen(
    repo: Repo, case: Case, clerk: User, role: Role, question: str, now: datetime
) -> bool:
    """A clerk's question reaches the citizen; their reply comes back to the case. False when
    the complainant is not on the desk (a referred complaint whose mobile nobody verified)."""
    citizen = await complainant(repo, case, now)
    if citizen is None:
        return False
    t = texts(citizen.locale or case.locale)
    row = enqueue(
        repo,
        text_for(
            person(citizen),
            t,
            "citizen-question",
            code=format_code(case.code, t.locale),
            question=question,
        ),
        now=now,
        purpose=Purpose.QUESTION,
        case_id=case.id,
    )
    await repo.session.flush()
    repo.cases.add_message(
        CaseMessage(
            case_id=case.id,
            kind="question",
            author_id=clerk.id,
            text=question,
            at=now,
            outbox_id=row.id,
        )
    )
    if case.first_response_at is None:
        case.first_response_at = now
    record_event(repo, case, clerk, role, "asked", now, question)
    await repo.commit()
    return True
