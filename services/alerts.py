"""The scheduler's sweeps: deadline notices, SLA breaches, escalation, the daily digest.

Each alert is sent exactly once: the case's `next_alert_at` moves past it in the same
transaction that puts the alert in the outbox. After downtime only the most advanced alert
reached is sent, once, not one per missed tick.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta

from models.repos import Repo
from models.tables import Case, User
from services.calendar import TEHRAN
from services.desk import ChatRef, DeskConfig, Queue
from services.formatting import (
    format_code,
    format_date,
    format_datetime,
    format_number,
    localize_digits,
)
from services.outbox import Purpose, card_in, enqueue, text_for
from services.people import display_name
from services.platforms import profile_of
from services.texts import Rendered, texts
from services.workflow import OPEN_STATUSES, CaseStatus, is_open, status_label

SWEEP_BATCH = 500


@dataclass(frozen=True)
class AlertStage:
    """One alert on the way to a deadline: a notice before it, the breach, the escalation."""

    name: str
    at: datetime


def alert_due(case: Case) -> datetime | None:
    """The deadline alerts watch: the nearer of the step's and Article 72's."""
    if not is_open(CaseStatus(case.status)):
        return None
    dues = [due for due in (case.step_due_at, case.overall_due_at) if due is not None]
    return min(dues) if dues else None


def alert_stages(due: datetime, config: DeskConfig) -> list[AlertStage]:
    """The alerts of a deadline in time order: notices (default 24 h and 2 h before), the
    breach at the deadline, and the escalation to the admins past a threshold."""
    stages = [
        AlertStage(f"notice_{hours}h", due - timedelta(hours=hours))
        for hours in sorted(config.notice_hours, reverse=True)
    ]
    stages.append(AlertStage("breach", due))
    stages.append(AlertStage("escalation", due + config.escalate_after))
    return stages


def schedule_alerts(case: Case, config: DeskConfig) -> None:
    """Start the alerts of the case's current deadline afresh (after each transition)."""
    due = alert_due(case)
    case.alert_stage = None
    case.next_alert_at = alert_stages(due, config)[0].at if due is not None else None


async def sweep_deadlines(repo: Repo, now: datetime, config: DeskConfig) -> int:
    """Send every alert whose time has come; return how many cases were alerted.

    A batch of due cases costs a fixed number of statements, however many it holds: the
    claim, the assigned clerks, the alerts already queued, and the commit.
    """
    sent = 0
    while True:
        cases = await repo.cases.due_for_alert(now, SWEEP_BATCH)
        if not cases:
            return sent
        sent += await _alert_batch(repo, cases, now, config)
        await repo.commit()


@dataclass(frozen=True)
class _Alert:
    """The alert a case has reached in this pass, and who is told."""

    case: Case
    stage: str
    due: datetime
    chats: tuple[ChatRef, ...] = ()

    def key(self, chat: ChatRef) -> str:
        """The alert's dedupe key: a deadline moved away and back again keeps its key."""
        return f"alert:{self.case.id}:{self.stage}:{self.due.astimezone(UTC).isoformat()}:{chat}"


async def _alert_batch(repo: Repo, cases: list[Case], now: datetime, config: DeskConfig) -> int:
    reached = [alert for case in cases if (alert := _advance(case, now, config)) is not None]
    # The lookups below read rows that earlier passes committed; this pass's own changes go
    # out together at the commit, not flushed before each query.
    with repo.session.no_autoflush:
        clerk_ids = {
            alert.case.assignee_id
            for alert in reached
            if alert.stage.startswith("notice") and alert.case.assignee_id is not None
        }
        clerks = await repo.users.by_ids(sorted(clerk_ids)) if clerk_ids else {}
        alerts = [replace(alert, chats=_recipients(alert, clerks, config)) for alert in reached]
        # Only an earlier pass can hold one of these keys (a key names its case, and a pass
        # meets a case once), so one query over the batch's keys finds every repeat.
        already = await repo.outbox.queued_keys(
            [alert.key(chat) for alert in alerts for chat in alert.chats]
        )
    queued = 0
    for alert in alerts:
        fresh = [chat for chat in alert.chats if alert.key(chat) not in already]
        for chat in fresh:
            _enqueue_alert(repo, alert, chat, now, config)
        queued += bool(fresh)
    return queued


def _advance(case: Case, now: datetime, config: DeskConfig) -> _Alert | None:
    """Move the case past every stage reached; the most advanced one is the alert to send.

    After downtime only that stage goes out, once, not one per missed tick.
    """
    due = alert_due(case)
    if due is None:
        case.next_alert_at = None
        return None
    stages = alert_stages(due, config)
    names = [stage.name for stage in stages]
    done = names.index(case.alert_stage) if case.alert_stage in names else -1
    reached = [i for i, stage in enumerate(stages) if stage.at <= now and i > done]
    later = [stage for i, stage in enumerate(stages) if stage.at > now and i > done]
    case.next_alert_at = later[0].at if later else None
    if not reached:
        return None
    stage = stages[reached[-1]]
    case.alert_stage = stage.name
    return _Alert(case, stage.name, due)


def _enqueue_alert(
    repo: Repo, alert: _Alert, chat: ChatRef, now: datetime, config: DeskConfig
) -> None:
    case = alert.case
    t = texts(config.staff_locale)
    left = alert.due - now
    enqueue(
        repo,
        text_for(
            chat,
            t,
            f"alert-{alert.stage.split('_')[0]}",
            reply_to_message_id=card_in(case, chat),
            code=format_code(case.code, t.locale),
            business=case.business_name,
            status=t.plain(status_label(case.status)),
            step=t.plain(f"step-{case.step}") if case.step else "",
            due=format_datetime(alert.due, t.locale),
            hours=format_number(max(0, round(left.total_seconds() / 3600)), t.locale),
            late=format_number(max(0, round(-left.total_seconds() / 3600)), t.locale),
        ),
        now=now,
        purpose=Purpose.ALERT,
        detail=alert.stage,
        case_id=case.id,
        dedupe_key=alert.key(chat),
    )


def _recipients(
    alert: _Alert, clerks: Mapping[int, User], config: DeskConfig
) -> tuple[ChatRef, ...]:
    """Notices go to the assigned clerk (or the staff chat); breaches to the staff chat;
    escalations to every admin. Each chat once, in that order."""
    case = alert.case
    staff_chat = config.staff_chat(case.queue)
    if alert.stage == "escalation":
        chats = list(config.admins) or ([staff_chat] if staff_chat else [])
        return tuple(dict.fromkeys(chats))
    if alert.stage.startswith("notice") and case.assignee_id is not None:
        clerk = clerks.get(case.assignee_id)
        if clerk is not None:
            return (ChatRef(profile_of(clerk.platform).platform, clerk.platform_user_id),)
    return (staff_chat,) if staff_chat else ()


# --- the daily digest ---------------------------------------------------------------------


def digest_period(now: datetime, config: DeskConfig) -> str | None:
    """Today's Tehran date once the digest hour has passed, else None."""
    local = now.astimezone(TEHRAN)
    return local.date().isoformat() if local.time() >= config.digest_time else None


async def send_digests(repo: Repo, now: datetime, config: DeskConfig) -> int:
    """One digest per staff chat per day, at or after the digest hour (so after downtime it
    goes out at start-up); never twice. A day with nothing to report (no open case, none
    received, nothing done to a case of the chat's queues since the last digest; a desk just
    installed) is passed over in silence."""
    period = digest_period(now, config)
    if period is None:
        return 0
    sent = 0
    for chat in sorted(set(config.staff_chats.values())):
        name = f"digest:{chat}"
        if await repo.jobs.done(name, period):
            continue
        since = await repo.jobs.last_run_at(name)
        if await repo.jobs.mark(name, period, now):
            sent += await _digest(repo, chat, config.queues_of(chat), now, config, since)
        # Else another worker sent this digest at the same moment.
        await repo.commit()
    return sent


async def _digest(
    repo: Repo,
    chat: ChatRef,
    queues: list[Queue],
    now: datetime,
    config: DeskConfig,
    since: datetime | None,
) -> int:
    """Put a chat's digest in the outbox if there is anything to report; how many (0 or 1)."""
    names = [queue.value for queue in queues]
    today = now.astimezone(TEHRAN).date()
    day_ends = datetime.combine(today + timedelta(days=1), time(), tzinfo=TEHRAN)
    counts = await repo.cases.counts_by_clerk(
        names, [s.value for s in OPEN_STATUSES], now, day_ends
    )
    per_clerk = Counter({clerk_id: count for clerk_id, count, _, _ in counts})
    open_total = sum(per_clerk.values())
    breached = sum(late for _, _, late, _ in counts)
    due_today = sum(today_ for _, _, _, today_ in counts)
    new = await repo.cases.count_received_since(names, now - timedelta(days=1))
    if not (open_total or new or await repo.cases.any_event_since(names, since)):
        return 0
    t = texts(config.staff_locale)
    profile = profile_of(chat.platform)
    clerks = await repo.users.by_ids(sorted(i for i in per_clerk if i is not None))
    clerk_lines = []
    for clerk_id, count in sorted(per_clerk.items(), key=lambda item: -item[1]):
        clerk = clerks.get(clerk_id) if clerk_id is not None else None
        clerk_lines.append(
            t.render(
                profile,
                "digest-clerk-line",
                clerk=display_name(clerk, t) if clerk else t.plain("digest-unassigned"),
                count=format_number(count, t.locale),
            )
        )
    clerk_block = Rendered("\n".join(clerk_lines))
    # The commission's sessions of the day, by time.
    today_sessions = await repo.sessions.between(day_ends - timedelta(days=1), day_ends, names)
    session_lines = [
        t.render(
            profile,
            "digest-session-line",
            time=localize_digits(session.at.astimezone(TEHRAN).strftime("%H:%M"), t.locale),
            code=format_code(case.code, t.locale),
            business=case.business_name,
            place=t.plain(f"session-mode-{session.mode}"),
        )
        for session, case in today_sessions
    ]
    enqueue(
        repo,
        text_for(
            chat,
            t,
            "digest",
            date=format_date(now, t.locale),
            new=format_number(new, t.locale),
            open=format_number(open_total, t.locale),
            due_today=format_number(due_today, t.locale),
            breached=format_number(breached, t.locale),
            # The heading of the clerks' lines only above some.
            clerks=(
                Rendered("\n" + t.render(profile, "digest-clerks", lines=clerk_block))
                if clerk_lines
                else Rendered("")
            ),
            sessions=(
                Rendered(
                    "\n"
                    + t.render(
                        profile,
                        "digest-sessions",
                        count=format_number(len(session_lines), t.locale),
                        lines=Rendered("\n".join(session_lines)),
                    )
                )
                if session_lines
                else Rendered("")
            ),
        ),
        now=now,
        purpose=Purpose.DIGEST,
        dedupe_key=f"digest:{chat}:{today.isoformat()}",
    )
    return 1
