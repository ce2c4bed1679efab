"""The scheduler's sweeps: deadline notices, SLA breaches, escalation, the daily digest.

Each alert is sent exactly once: the case's `next_alert_at` moves past it in the same
transaction that puts the alert in the outbox. After downtime only the most advanced alert
reached is sent, once, not one per missed tick.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from models.repositories import Repo
from models.tables import Case, User
from services.calendar import TEHRAN
from services.casework import alert_due, alert_stages
from services.desk import ChatRef, DeskConfig, Queue
from services.formatting import format_code, format_date, format_datetime, format_number
from services.outbox import Outgoing, enqueue
from services.platforms import profile_of
from services.texts import Rendered, texts
from services.workflow import OPEN_STATUSES

SWEEP_BATCH = 500


async def sweep_deadlines(repo: Repo, now: datetime, config: DeskConfig) -> int:
    """Send every alert whose time has come; return how many cases were alerted."""
    sent = 0
    while True:
        cases = await repo.workflow.cases_due_for_alert(now, SWEEP_BATCH)
        if not cases:
            return sent
        for case in cases:
            sent += await _alert(repo, case, now, config)
        await repo.commit()


async def _alert(repo: Repo, case: Case, now: datetime, config: DeskConfig) -> int:
    due = alert_due(case)
    if due is None:
        case.next_alert_at = None
        return 0
    stages = alert_stages(due, config)
    names = [stage.name for stage in stages]
    done = names.index(case.alert_stage) if case.alert_stage in names else -1
    reached = [i for i, stage in enumerate(stages) if stage.at <= now and i > done]
    later = [stage for i, stage in enumerate(stages) if stage.at > now and i > done]
    case.next_alert_at = later[0].at if later else None
    if not reached:
        return 0
    stage = stages[reached[-1]]
    case.alert_stage = stage.name
    queued = 0
    for chat in dict.fromkeys(await _recipients(repo, case, stage.name, config)):
        # A deadline moved away and back again: the alert for it went out already.
        key = f"alert:{case.id}:{stage.name}:{due.astimezone(UTC).isoformat()}:{chat}"
        # Only an earlier pass can hold this key (it names the case, and a pass meets a case
        # once), so the check need not flush this pass's writes case by case: they go out
        # together at the commit.
        with repo.session.no_autoflush:
            if await repo.outbox.has_dedupe_key(key):
                continue
        t = texts(config.staff_locale)
        profile = profile_of(chat.platform)
        left = due - now
        enqueue(
            repo,
            Outgoing(
                platform=chat.platform,
                chat_id=chat.id,
                text=t.render(
                    profile,
                    f"alert-{stage.name.split('_')[0]}",
                    code=format_code(case.code, t.locale),
                    business=case.business_name,
                    status=t.plain(f"status-{case.status}"),
                    step=t.plain(f"step-{case.step}") if case.step else "",
                    due=format_datetime(due, t.locale),
                    hours=format_number(max(0, round(left.total_seconds() / 3600)), t.locale),
                    late=format_number(max(0, round(-left.total_seconds() / 3600)), t.locale),
                ),
                parse_mode=profile.parse_mode,
                reply_to_message_id=case.staff_message_id
                if case.staff_chat_id == chat.id and case.staff_platform == chat.platform
                else None,
            ),
            now=now,
            purpose=f"alert:{stage.name}",
            case_id=case.id,
            dedupe_key=key,
        )
        queued = 1
    return queued


async def _recipients(repo: Repo, case: Case, stage: str, config: DeskConfig) -> list[ChatRef]:
    """Notices go to the assigned clerk (or the staff chat); breaches to the staff chat;
    escalations to every admin."""
    staff_chat = config.staff_chat(case.queue)
    if stage == "escalation":
        return list(config.admins) or ([staff_chat] if staff_chat else [])
    if stage.startswith("notice") and case.assignee_id is not None:
        clerk: User | None = await repo.users.get(case.assignee_id)
        if clerk is not None:
            return [ChatRef(profile_of(clerk.platform).platform, clerk.platform_user_id)]
    return [staff_chat] if staff_chat else []


# --- the daily digest ---------------------------------------------------------------------


def digest_period(now: datetime, config: DeskConfig) -> str | None:
    """Today's Tehran date once the digest hour has passed, else None."""
    local = now.astimezone(TEHRAN)
    return local.date().isoformat() if local.time() >= config.digest_time else None


async def send_digests(repo: Repo, now: datetime, config: DeskConfig) -> int:
    """One digest per staff chat per day, at or after the digest hour; never twice."""
    period = digest_period(now, config)
    if period is None:
        return 0
    sent = 0
    for chat in sorted(set(config.staff_chats.values())):
        name = f"digest:{chat}"
        if await repo.workflow.job_done(name, period):
            continue
        repo.workflow.mark_job(name, period, now)
        await _digest(repo, chat, config.queues_of(chat), now, config)
        try:
            await repo.commit()
        except IntegrityError:
            # Another worker sent this digest at the same moment.
            await repo.rollback()
            continue
        sent += 1
    return sent


async def _digest(
    repo: Repo, chat: ChatRef, queues: list[Queue], now: datetime, config: DeskConfig
) -> None:
    names = [queue.value for queue in queues]
    open_cases = await repo.workflow.open_cases_with_due(names, [s.value for s in OPEN_STATUSES])
    today = now.astimezone(TEHRAN).date()
    due_today = 0
    breached = 0
    per_clerk: Counter[int | None] = Counter()
    for case in open_cases:
        due = alert_due(case)
        if due is not None and due < now:
            breached += 1
        elif due is not None and due.astimezone(TEHRAN).date() == today:
            due_today += 1
        per_clerk[case.assignee_id] += 1
    new = await repo.workflow.count_received_since(names, now - timedelta(days=1))
    t = texts(config.staff_locale)
    profile = profile_of(chat.platform)
    clerk_lines = []
    for clerk_id, count in sorted(per_clerk.items(), key=lambda item: -item[1]):
        clerk = await repo.users.get(clerk_id) if clerk_id is not None else None
        clerk_lines.append(
            t.render(
                profile,
                "digest-clerk-line",
                clerk=clerk.full_name if clerk else t.plain("digest-unassigned"),
                count=format_number(count, t.locale),
            )
        )
    enqueue(
        repo,
        Outgoing(
            platform=chat.platform,
            chat_id=chat.id,
            text=t.render(
                profile,
                "digest",
                date=format_date(now, t.locale),
                new=format_number(new, t.locale),
                open=format_number(len(open_cases), t.locale),
                due_today=format_number(due_today, t.locale),
                breached=format_number(breached, t.locale),
                clerks=Rendered("\n".join(clerk_lines)) if clerk_lines else "",
            ),
            parse_mode=profile.parse_mode,
        ),
        now=now,
        purpose="digest",
        dedupe_key=f"digest:{chat}:{today.isoformat()}",
    )
