"""The two-way relay: each case has a thread in its staff chat, and messages cross it.

A clerk's message in the thread reaches the citizen signed as the desk, never with the clerk's
name or account; the citizen's messages about the case reach the thread (issue 5 §2). Where the
staff chat's platform has forum topics the thread is a topic titled with the case's code,
subject and status; otherwise it is the case's card and the replies under it. Files cross
platforms in the sender, by download and upload: a file id is good only where it was issued.

A citizen who writes about a case that has ended is offered what the rules still allow: to
object, to reopen their own withdrawal, or to file a new complaint (issue 5 §4). A citizen who
replies to a clerk's own message about such a case is answering that clerk: the reply reaches
the thread, marked as about an ended case, and the same offer comes with the word that it went.

A clerk's words that can never reach the citizen (they blocked the bot, or their account is
gone) are told to the clerk in the thread where they wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from models.repos import Repo
from models.tables import Case, CaseEvent, CaseMessage, OutboxMessage, ThreadMessage, User
from services import respondents
from services.casework import moves
from services.desk import ChatRef, DeskConfig
from services.formatting import format_code, format_date
from services.lengths import split_value, visible_length
from services.normalize import is_blank
from services.outbox import (
    Delivered,
    FileRef,
    Method,
    Origin,
    Outgoing,
    Purpose,
    Unreachable,
    card_in,
    enqueue,
    enqueue_once,
    purpose_of,
    text_for,
)
from services.ownership import complainant
from services.platforms import Platform, PlatformProfile, profile_of
from services.texts import Texts, texts
from services.workflow import ENDED, FOLLOWED, Action, Role, rules_of, status_label

# The desk's messages that carry a clerk's own words to the citizen: a reply in the thread, a
# question. A citizen's reply to one of them is meant for that clerk.
CLERK_WORDS: frozenset[Purpose] = frozenset({Purpose.RELAY_REPLY, Purpose.QUESTION})
# The desk's messages to a respondent about a case: a reply to one of them is theirs.
TO_RESPONDENT: frozenset[Purpose] = frozenset(
    {Purpose.RESPONDENT_NOTICE, Purpose.RELAY_TO_RESPONDENT}
)


class Party(StrEnum):
    """Who writes about a case from outside the desk: the complainant, or the respondent."""

    COMPLAINANT = "complainant"
    RESPONDENT = "respondent"


# The statuses, as stored, of the cases a citizen's message may be about.
_FOLLOWED = sorted(status.value for status in FOLLOWED)
_ENDED = sorted(status.value for status in ENDED)

# The platforms' limit on a forum topic's name.
TOPIC_TITLE_MAX = 128
# Messages kept while a citizen chooses their case.
PENDING_MAX = 10


@dataclass(frozen=True)
class Content:
    """What a person sent: a text, or a photo or document with its caption."""

    method: Method
    text: str
    file: FileRef | None = None

    def to_data(self) -> dict[str, Any]:
        """As kept in the conversation state while the citizen chooses."""
        return {
            "method": str(self.method),
            "text": self.text,
            "file": asdict(self.file) if self.file else None,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Content:
        file = data.get("file")
        return cls(Method(data["method"]), str(data["text"]), FileRef(**file) if file else None)

    @property
    def is_empty(self) -> bool:
        """A text that shows nothing (invisible characters only): no message to pass on."""
        return self.method is Method.TEXT and is_blank(self.text)

    def note(self) -> str:
        """The line the audit trail keeps: the words, and the kind of file beside them."""
        if self.method is Method.TEXT:
            return self.text
        return f"[{self.method}] {self.text}".strip()


def is_followed(case: Case) -> bool:
    """Whether the staff still follow the case, so that a message about it reaches them."""
    return rules_of(case.status).is_followed


# --- the thread in the staff chat -----------------------------------------------------------


def topic_title(case: Case, locale: str) -> str:
    """A forum topic's name: the case's code, subject and status, the subject shortened to fit
    the platform's 128 characters."""
    t = texts(locale)
    code = format_code(case.code, t.locale)
    status = t.plain(status_label(case.status))
    subject = t.plain(f"subject-{case.subject}")
    title = t.plain("relay-topic-title", code=code, subject=subject, status=status)
    excess = len(title) - TOPIC_TITLE_MAX
    if excess > 0:
        subject = subject[: max(0, len(subject) - excess - 1)] + "…"
        title = t.plain("relay-topic-title", code=code, subject=subject, status=status)
    return title[:TOPIC_TITLE_MAX]


async def topic_made(
    repo: Repo, row: OutboxMessage, case: Case | None, delivered: Delivered
) -> None:
    """The case's forum topic, once made, is where its staff-chat messages go."""
    if case is None or delivered.thread_id is None:
        return
    case.staff_platform = row.platform
    case.staff_chat_id = row.chat_id
    case.staff_thread_id = delivered.thread_id


def open_thread(repo: Repo, case: Case, chat: ChatRef, now: datetime) -> None:
    """Queue the case's forum topic before its card, where the platform has topics; the sender
    titles it, and a chat that is no forum leaves the case threaded by replies to its card."""
    if not profile_of(chat.platform).has_forum_topics:
        return
    enqueue(
        repo,
        Outgoing(
            platform=chat.platform,
            chat_id=chat.id,
            text="",
            parse_mode=None,
            method=Method.TOPIC,
        ),
        now=now,
        purpose=Purpose.STAFF_TOPIC,
        case_id=case.id,
        dedupe_key=f"staff_topic:{case.code}",
    )


async def case_in_thread(
    repo: Repo,
    platform: str,
    chat_id: int,
    *,
    reply_to: int | None,
    reply_to_bot: bool,
    topic: int | None,
) -> Case | None:
    """The case whose thread a staff-chat message is in: a reply to any message of the thread,
    or a message in the case's forum topic. A reply to another of the bot's messages (a
    prompt, a confirmation) is in no thread, so what answers a prompt is never relayed."""
    if reply_to is not None:
        case = await repo.threads.case_of(platform, chat_id, reply_to)
        if case is not None or reply_to_bot:
            return case
    if topic is not None:
        return await repo.threads.case_of(platform, chat_id, topic)
    return None


async def remember(repo: Repo, platform: str, chat_id: int, message_id: int, case: Case) -> None:
    """A message in a staff chat joins the case's thread: a reply to it is for the case."""
    await repo.threads.add(
        ThreadMessage(platform=platform, chat_id=chat_id, message_id=message_id, case_id=case.id)
    )
    await repo.commit()


# --- the clerk to the citizen ---------------------------------------------------------------


async def from_clerk(
    repo: Repo,
    case: Case,
    clerk: User,
    role: Role,
    content: Content,
    now: datetime,
    *,
    staff_message: tuple[str, int, int] | None = None,
) -> bool:
    """A clerk's message in the thread reaches the citizen, in their language and on their
    platform, signed as the desk: neither the clerk's name nor their account goes with it.
    Kept as the case's reply and audited; the first one is the case's first response.
    False when the citizen is unknown."""
    citizen = await complainant(repo, case, now)
    if citizen is None:
        return False
    t = texts(citizen.locale or case.locale)
    profile = profile_of(citizen.platform)
    code = format_code(case.code, t.locale)

    def render(body: str) -> str:
        return t.render(profile, "relay-to-citizen", code=code, body=body).strip()

    await _clerk_writes(
        repo,
        case,
        clerk,
        role,
        content,
        now,
        profile,
        citizen,
        render,
        purpose=Purpose.RELAY_REPLY,
        kind="reply",
        action="replied",
        staff_message=staff_message,
    )
    if case.first_response_at is None:
        case.first_response_at = now
    await repo.commit()
    return True


# --- the citizen to the thread --------------------------------------------------------------


async def from_citizen(
    repo: Repo,
    case: Case,
    citizen: User,
    content: Content,
    now: datetime,
    config: DeskConfig,
    *,
    question: CaseMessage | None = None,
    party: Party = Party.COMPLAINANT,
) -> None:
    """A citizen's message about their case goes to its thread (under the card, in its topic)
    with a header naming the case, never their phone; an answer to a clerk's open question is
    recorded as the answer; a message about a case that has ended says so first, with its
    status and since when, so that no clerk takes it for an open case. Kept with the case and
    audited. The respondent's messages come the same way, marked as the respondent's."""
    respondent = party is Party.RESPONDENT
    if question is not None:
        question.answered_at = now
    chat = config.staff_chat(case.queue)
    first: OutboxMessage | None = None
    if chat is not None:
        t = texts(config.staff_locale)
        profile = profile_of(chat.platform)
        code = format_code(case.code, t.locale)
        asked = question.text if question is not None else ""
        ended = "" if is_followed(case) else ended_mark(case, t, profile) + "\n"

        def render(body: str) -> str:
            if respondent:
                return (
                    ended
                    + t.render(
                        profile,
                        "relay-to-staff-respondent",
                        code=code,
                        business=case.business_name,
                        body=body,
                    ).strip()
                )
            if question is None:
                return ended + t.render(profile, "relay-to-staff", code=code, body=body).strip()
            return (
                ended
                + t.render(
                    profile,
                    "staff-citizen-answered",
                    code=code,
                    question=asked,
                    answer=body or t.plain("relay-file-only"),
                ).strip()
            )

        reply_to_message_id, reply_to_outbox_id = await _under_card(repo, case, chat)
        rows = _enqueue_pieces(
            repo,
            content,
            render,
            platform=chat.platform,
            chat_id=chat.id,
            parse_mode=profile.parse_mode,
            now=now,
            purpose=(
                Purpose.RELAY_RESPONDENT
                if respondent
                else Purpose.RELAY_ANSWER
                if question is not None
                else Purpose.RELAY_CITIZEN
            ),
            case=case,
            reply_to_message_id=reply_to_message_id,
            reply_to_outbox_id=reply_to_outbox_id,
        )
        await repo.session.flush()
        first = rows[0]
    repo.cases.add_message(
        CaseMessage(
            case_id=case.id,
            kind="respondent" if respondent else "answer" if question is not None else "message",
            author_id=citizen.id,
            text=content.text,
            at=now,
            outbox_id=first.id if first is not None else None,
        )
    )
    if respondent:
        _event(repo, case, citizen, Role.RESPONDENT, "respondent_wrote", now, content.note())
    else:
        action = "answered" if question is not None else "wrote"
        _event(repo, case, citizen, Role.CITIZEN, action, now, content.note())
    await repo.commit()


# --- the clerk to the respondent -------------------------------------------------------------


async def to_respondent(
    repo: Repo,
    case: Case,
    clerk: User,
    role: Role,
    content: Content,
    now: datetime,
    *,
    staff_message: tuple[str, int, int] | None = None,
) -> bool:
    """A clerk's words to the respondent (the licence holder on the desk), signed as the desk,
    in their language and on their platform; kept with the case and audited. False when the
    case names no licence whose holder is on the desk."""
    licence, holder = await respondents.respondent_of(repo, case)
    if licence is None or holder is None:
        return False
    t = texts(holder.locale or case.locale)
    profile = profile_of(holder.platform)
    code = format_code(case.code, t.locale)

    def render(body: str) -> str:
        return t.render(
            profile, "relay-to-respondent", code=code, business=licence.business_name, body=body
        ).strip()

    await _clerk_writes(
        repo,
        case,
        clerk,
        role,
        content,
        now,
        profile,
        holder,
        render,
        purpose=Purpose.RELAY_TO_RESPONDENT,
        kind="to_respondent",
        action="asked_respondent",
        staff_message=staff_message,
    )
    await repo.commit()
    return True


async def _clerk_writes(
    repo: Repo,
    case: Case,
    clerk: User,
    role: Role,
    content: Content,
    now: datetime,
    profile: PlatformProfile,
    party: User,
    render: Callable[[str], str],
    *,
    purpose: Purpose,
    kind: str,
    action: str,
    staff_message: tuple[str, int, int] | None,
) -> None:
    """A clerk's message to a party of the case, in the caller's transaction: queued in pieces
    on the party's platform, kept as the case's message and event, and the staff message it
    came from remembered as the case's, so that a reply to it finds the case."""
    rows = _enqueue_pieces(
        repo,
        content,
        render,
        platform=profile.platform,
        chat_id=party.platform_user_id,
        parse_mode=profile.parse_mode,
        now=now,
        purpose=purpose,
        case=case,
        origin=Origin(*staff_message) if staff_message is not None else None,
    )
    await repo.session.flush()
    repo.cases.add_message(
        CaseMessage(
            case_id=case.id,
            kind=kind,
            author_id=clerk.id,
            text=content.text,
            at=now,
            outbox_id=rows[0].id,
        )
    )
    _event(repo, case, clerk, role, action, now, content.note())
    if staff_message is not None:
        platform, chat_id, message_id = staff_message
        await repo.threads.add(
            ThreadMessage(
                platform=platform, chat_id=chat_id, message_id=message_id, case_id=case.id
            )
        )


async def open_questions(repo: Repo, own: Sequence[int]) -> tuple[list[Case], list[CaseMessage]]:
    """A person's followed cases (on these accounts) and the clerks' questions in them that
    wait for an answer."""
    followed = await repo.cases.of_citizens(own, statuses=[status.value for status in FOLLOWED])
    return followed, await repo.cases.open_questions([case.id for case in followed])


def ended_mark(case: Case, t: Texts, profile: PlatformProfile) -> str:
    """The line that tells a clerk a case has ended: its status, and since when."""
    status = t.plain(status_label(case.status))
    if case.decided_at is None:
        return t.render(profile, "relay-staff-case-ended-undated", status=status)
    since = format_date(case.decided_at, t.locale)
    return t.render(profile, "relay-staff-case-ended", status=status, since=since)


async def _under_card(repo: Repo, case: Case, chat: ChatRef) -> tuple[int | None, int | None]:
    """What a message in the thread answers: the card once delivered, its outbox row before."""
    on_card = card_in(case, chat)
    if on_card is not None:
        return on_card, None
    card = await repo.outbox.card_row(case.id)
    if card is not None and card.platform == chat.platform and card.chat_id == chat.id:
        return None, card.id
    return None, None


def _enqueue_pieces(
    repo: Repo,
    content: Content,
    render: Callable[[str], str],
    *,
    platform: Platform,
    chat_id: int,
    parse_mode: str | None,
    now: datetime,
    purpose: Purpose,
    case: Case,
    reply_to_message_id: int | None = None,
    reply_to_outbox_id: int | None = None,
    origin: Origin | None = None,
) -> list[OutboxMessage]:
    """A message with its header, in as many pieces as the platform's limits need, as the
    platform counts them: a caption too long for the file follows it as text, and a long text
    is cut at lines and words, each piece under the header."""

    def outgoing(method: Method, text: str, file: FileRef | None) -> OutboxMessage:
        return enqueue(
            repo,
            Outgoing(
                platform=platform,
                chat_id=chat_id,
                text=text,
                parse_mode=parse_mode,
                method=method,
                file=file,
                reply_to_message_id=reply_to_message_id,
                reply_to_outbox_id=reply_to_outbox_id,
                origin=origin,
            ),
            now=now,
            purpose=purpose,
            case_id=case.id,
        )

    rows: list[OutboxMessage] = []
    profile = profile_of(platform)
    words = content.text
    if content.file is not None:
        caption = render(words)
        if visible_length(profile, caption) <= profile.caption_limit:
            return [outgoing(content.method, caption, content.file)]
        rows.append(outgoing(content.method, render(""), content.file))
    for piece in split_value(profile, render, words, profile.text_limit):
        rows.append(outgoing(Method.TEXT, piece, None))
    return rows


def _event(
    repo: Repo, case: Case, actor: User, role: Role, action: str, now: datetime, note: str
) -> None:
    repo.cases.add_event(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=actor.id,
            actor_role=role.value,
            platform=actor.platform,
            action=action,
            from_status=case.status,
            to_status=case.status,
            note=note or None,
        )
    )


# --- which case a citizen's message is about ------------------------------------------------


class Offer(StrEnum):
    """What a citizen writing about an ended case may do."""

    OBJECT = "object"
    REOPEN = "reopen"
    NEW = "new"


@dataclass(frozen=True)
class Answer:
    """The message answers a clerk's open question."""

    question: CaseMessage
    case: Case


@dataclass(frozen=True)
class AnswerWhich:
    """Several questions wait and the message replies to none of them."""


@dataclass(frozen=True)
class ToCase:
    """The message is about this followed case (or, from its respondent, about this case)."""

    case: Case
    party: Party = Party.COMPLAINANT


@dataclass(frozen=True)
class ChooseCase:
    """Several followed cases and nothing tells which: the citizen chooses."""

    cases: list[Case]
    party: Party = Party.COMPLAINANT


@dataclass(frozen=True)
class EndedCase:
    """The message is about a case that ended: what may still be done is offered."""

    case: Case
    offers: list[Offer]


@dataclass(frozen=True)
class ReplyAfterEnd:
    """The citizen replied to a clerk's own message about a case that has ended: the reply
    still reaches the thread (as the answer, where it was a question), and what may still be
    done is offered beside the word that it went."""

    case: Case
    offers: list[Offer]
    question: CaseMessage | None = None


Route = Answer | AnswerWhich | ToCase | ChooseCase | EndedCase | ReplyAfterEnd


def offers_for(case: Case, now: datetime, config: DeskConfig) -> list[Offer]:
    """An objection while its window is open after a closing decision, a reopening of one's own
    withdrawal within its window (the workflow's own rules), and always a new complaint."""
    offers = [
        offer
        for offer, action in ((Offer.OBJECT, Action.OBJECT), (Offer.REOPEN, Action.REOPEN))
        if moves.refusal_of(case, action, Role.CITIZEN, now, config) is None
    ]
    offers.append(Offer.NEW)
    return offers


async def route_citizen_message(
    repo: Repo,
    citizen: User,
    chat_id: int,
    *,
    reply_to: int | None,
    in_form: bool,
    now: datetime,
    config: DeskConfig,
) -> Route | None:
    """Which case a citizen's message is about, or None when it is not for the relay.

    A reply to the desk's message about one of their cases (the receipt, a notice, a
    question, a relayed reply) names the case; a reply to a question answers it, even inside
    a form. A reply to a clerk's own words (a relayed reply, a question) about a case that has
    ended still reaches that clerk; a reply to anything else about it is offered what may
    still be done. Otherwise, outside any form: the only open question is answered; the only
    followed case is meant; several are chosen among; with none, the only case that ended
    within the longer of the objection and reopen windows is offered what may still be done.

    The respondent of a complaint (the holder of its licence) writes about it by replying to
    the desk's word to them; outside any reply, a person with no case of their own that is
    followed writes about the complaints against them (choosing among several).
    """
    own = await repo.users.linked_ids(citizen)
    if reply_to is not None:
        row = await repo.outbox.sent_about_a_case(citizen.platform, chat_id, reply_to)
        case = await repo.cases.by_id(row.case_id) if row is not None and row.case_id else None
        if row is not None and case is not None and case.citizen_id in own:
            question = await repo.cases.question_sent_as(row.id)
            if question is not None and is_followed(case):
                return Answer(question, case)
            if in_form:
                return None
            if is_followed(case):
                return ToCase(case)
            if purpose_of(row.purpose) in CLERK_WORDS:
                return ReplyAfterEnd(case, offers_for(case, now, config), question)
            return EndedCase(case, offers_for(case, now, config))
        if (
            row is not None
            and case is not None
            and purpose_of(row.purpose) in TO_RESPONDENT
            and await respondents.is_respondent(repo, citizen, case)
        ):
            # The respondent answers the desk's word about the complaint.
            return ToCase(case, Party.RESPONDENT)
    if in_form:
        return None
    since = now - max(config.windows.objection, config.windows.reopen)
    followed, ended = await repo.cases.followed_or_ended_since(
        own,
        followed=_FOLLOWED,
        ended=_ENDED,
        since=since,
    )
    questions = await repo.cases.open_questions([case.id for case in followed])
    if len(questions) == 1:
        case = next(case for case in followed if case.id == questions[0].case_id)
        return Answer(questions[0], case)
    if questions:
        return AnswerWhich()
    if len(followed) == 1:
        return ToCase(followed[0])
    if followed:
        return ChooseCase(followed)
    against = [
        case
        for group in await respondents.cases_against(repo, citizen, followed=True)
        for case in group.cases
    ]
    if len(against) == 1:
        return ToCase(against[0], Party.RESPONDENT)
    if against:
        return ChooseCase(against, Party.RESPONDENT)
    if len(ended) == 1:
        return EndedCase(ended[0], offers_for(ended[0], now, config))
    return None


# --- the citizen cannot be reached -----------------------------------------------------------


async def undelivered(
    repo: Repo, row: OutboxMessage, reason: Unreachable, config: DeskConfig, now: datetime
) -> None:
    """A clerk's words given up because the citizen cannot be reached (they blocked the bot,
    or their account is gone): the clerk is told in the case's thread, under the message they
    wrote where it is known (else under the card), once for that message however many pieces
    it went in; the case's trail keeps it. Nothing else is told: the rest of the desk's
    messages to a citizen who left are no one's to act on."""
    if purpose_of(row.purpose) not in CLERK_WORDS or row.case_id is None:
        return
    case = await repo.cases.by_id(row.case_id)
    chat = config.staff_chat(case.queue) if case is not None else None
    if case is None or chat is None:
        return
    origin = row.payload.get("origin")
    written = origin["message_id"] if origin else None
    key = f"relay:undelivered:{case.id}:" + (f"m{written}" if written else f"o{row.id}")
    t = texts(config.staff_locale)
    reply_to_message_id, reply_to_outbox_id = await _under_card(repo, case, chat)
    if origin and (origin["platform"], origin["chat_id"]) == (chat.platform, chat.id):
        reply_to_message_id, reply_to_outbox_id = int(origin["message_id"]), None
    told = await enqueue_once(
        repo,
        text_for(
            chat,
            t,
            "relay-undelivered",
            reply_to_message_id=reply_to_message_id,
            reply_to_outbox_id=reply_to_outbox_id,
            code=format_code(case.code, t.locale),
            reason=t.plain(f"relay-unreachable-{reason}"),
        ),
        now=now,
        purpose=Purpose.RELAY_UNDELIVERED,
        case_id=case.id,
        dedupe_key=key,
    )
    if not told:
        return  # another piece of the same words was given up first
    repo.cases.add_event(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=None,
            actor_role=Role.SYSTEM.value,
            platform=row.platform,
            action=f"unreachable_{reason}",
            from_status=case.status,
            to_status=case.status,
            note=None,
        )
    )


def new_complaint_answers(case: Case) -> dict[str, Any]:
    """The answers a new complaint about the same business starts with."""
    answers: dict[str, Any] = {"business_name": case.business_name}
    if case.business_url:
        answers["website"] = case.business_url
    return answers


def case_label(case: Case, t: Texts) -> str:
    """A case on a button: its code and business."""
    return t.plain(
        "relay-case-button", code=format_code(case.code, t.locale), business=case.business_name
    )
