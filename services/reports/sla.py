"""The deadline settings of each queue, and retiming the open cases when they change."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime

from models.repos import Repo
from models.tables import CaseEvent, QueuePolicy, User
from services import people
from services.casework import clocks
from services.deadlines import (
    MAX_SLA_DAYS,
    SLA_NOT_POSITIVE_INTEGER,
    SLA_TOO_LARGE,
    SLA_UNKNOWN_SETTING,
    SlaPolicy,
    policy_from_mapping,
)
from services.desk import DeskConfig, Queue
from services.formatting import (
    format_number,
)
from services.names import QUEUES, SETTINGS, all_of
from services.normalize import (
    normalize_text,
    to_ascii_digits,
)
from services.platforms import PlatformProfile
from services.texts import Rendered, Texts
from services.workflow import OPEN_STATUSES, Refused


@dataclass(frozen=True)
class SlaCommand:
    """`/sla [QUEUE] [name=days …]`: show a queue's settings, or change some of them."""

    queue: Queue
    values: dict[str, int]


@dataclass(frozen=True)
class SlaChanged:
    """A change made: the settings before and after, and how many open cases were re-timed."""

    queue: Queue
    before: SlaPolicy
    after: SlaPolicy
    moved: int


def parse_sla(text: str) -> SlaCommand | Refused:
    """`[QUEUE] [NAME=DAYS …]`: the queue (complaints when not named) and the settings to
    change, each by any of its names (`services.names`: `commission_days`, «کمیسیون»,
    «رسیدگی کمیسیون»), names of several words included; digits in any script. A setting not
    known, or days not a whole number from 1 to MAX_SLA_DAYS, are refused here by the name as
    typed, and nothing changes."""
    pieces = [piece.strip() for piece in to_ascii_digits(normalize_text(text)).split("=")]
    lists = {"queues": all_of(QUEUES), "settings": all_of(SETTINGS)}
    if len(pieces) == 1:
        if not pieces[0]:
            return SlaCommand(Queue.COMPLAINTS, {})
        queue = QUEUES.named(pieces[0])
        if queue is None:
            return Refused("sla-unknown-queue", {"name": pieces[0], **lists})
        return SlaCommand(Queue(queue), {})
    # "QUEUE NAME", then "DAYS NAME" between the signs, then "DAYS".
    first = pieces[0]
    queue_named = QUEUES.leading(first)
    queue = Queue.COMPLAINTS
    if queue_named is not None and queue_named[1]:
        queue, first = Queue(queue_named[0]), queue_named[1]
    names = [first] + [piece.partition(" ")[2] for piece in pieces[1:-1]]
    raws = [piece.partition(" ")[0] for piece in pieces[1:]]
    values: dict[str, int] = {}
    for typed, raw in zip(names, raws, strict=True):
        if not typed or not raw:
            return Refused("usage-sla", lists)
        setting = SETTINGS.named(typed)
        if setting is None:
            return Refused(SLA_UNKNOWN_SETTING, {"name": typed, "settings": lists["settings"]})
        if not raw.isdigit() or int(raw) < 1:
            return Refused(SLA_NOT_POSITIVE_INTEGER, {"name": typed, "value": raw})
        if int(raw) > MAX_SLA_DAYS:
            return Refused(SLA_TOO_LARGE, {"name": typed, "value": int(raw), "max": MAX_SLA_DAYS})
        values[setting] = int(raw)
    return SlaCommand(queue, values)


async def change_sla(
    repo: Repo, command: SlaCommand, by: User, now: datetime, config: DeskConfig
) -> SlaChanged | Refused:
    """Change a queue's deadline settings over its current ones, and commit: the stored policy
    (only what differs from the law's figures), an audit entry, and the deadlines of the
    queue's open cases recomputed (each case that moved gets an event). A refused change
    changes nothing. Only the complaints queue runs the statutory steps: the others have no
    such setting to change."""
    refused = _fixed_queue(command.queue)
    if refused is not None:
        return refused
    before = await clocks.policy_for(repo, command.queue)
    after = policy_from_mapping(command.values, base=before)
    if isinstance(after, Refused):
        return after
    law = SlaPolicy()
    values = {name: value for name, value in asdict(after).items() if getattr(law, name) != value}
    await repo.office.set_policy(
        QueuePolicy(queue=command.queue.value, values=values, updated_at=now, updated_by=by.id)
    )
    detail = f"{command.queue}: " + ", ".join(
        f"{name} {getattr(before, name)}→{getattr(after, name)}" for name in command.values
    )
    people.audit(repo, by, "sla_changed", now, detail=detail)
    moved = await _retime(repo, command.queue, after, by, now, config, detail)
    await repo.commit()
    return SlaChanged(command.queue, before, after, moved)


async def _retime(
    repo: Repo,
    queue: Queue,
    policy: SlaPolicy,
    by: User,
    now: datetime,
    config: DeskConfig,
    detail: str,
) -> int:
    calendar = await clocks.calendar_for(repo, config)
    moved = 0
    statuses = [status.value for status in OPEN_STATUSES]
    for case in await repo.cases.in_queues([queue.value], statuses):
        before = (case.step_due_at, case.overall_due_at)
        clocks.refresh_deadlines(case, policy, calendar, config)
        if (case.step_due_at, case.overall_due_at) != before:
            moved += 1
            repo.cases.add_event(
                CaseEvent(
                    case_id=case.id,
                    at=now,
                    actor_id=by.id,
                    actor_role="admin",
                    platform=by.platform,
                    action="sla_changed",
                    from_status=case.status,
                    to_status=case.status,
                    note=detail,
                )
            )
    return moved


def _fixed_queue(queue: Queue) -> Refused | None:
    """Why a queue's deadlines are not changed with /sla: the certificates' service time is
    the IT Organization's published figure (seed 002), kept in the desk's settings; the
    licences queue runs no deadline."""
    if queue is Queue.CERTIFICATES:
        return Refused("sla-certificates-fixed")
    if queue is Queue.LICENCES:
        return Refused("sla-licences-none")
    return None


def describe_queue(
    queue: Queue,
    policy: SlaPolicy,
    config: DeskConfig,
    t: Texts,
    profile: PlatformProfile,
) -> Rendered:
    """Only the deadlines that apply to a queue: the complaint steps and Article 72 for
    complaints; for certificates the service time once the documents are complete (no
    commission, Article 72 or Taazirat there); for licences, that none runs."""
    if queue is Queue.CERTIFICATES:
        return t.render(
            profile,
            "sla-show-certificates",
            queue=t.plain(f"sla-queue-{queue.value}"),
            days=format_number(config.certificate_service_days, t.locale),
        )
    if queue is Queue.LICENCES:
        return t.render(profile, "sla-show-licences", queue=t.plain(f"sla-queue-{queue.value}"))
    return describe_sla(queue, policy, t, profile)


def describe_sla(queue: Queue, policy: SlaPolicy, t: Texts, profile: PlatformProfile) -> Rendered:
    """A queue's deadline settings, each with its name to type and the law's figure where it
    differs."""
    law = SlaPolicy()
    lines = []
    for item in fields(SlaPolicy):
        value = getattr(policy, item.name)
        default = getattr(law, item.name)
        lines.append(
            t.render(
                profile,
                "sla-line" if value == default else "sla-line-changed",
                label=t.plain(f"sla-setting-{item.name}"),
                name=SETTINGS.typed(item.name, t),
                value=format_number(value, t.locale),
                default=format_number(default, t.locale),
            )
        )
    return t.render(
        profile,
        "sla-show",
        queue=t.plain(f"sla-queue-{queue.value}"),
        queue_key=queue.value,
        lines=Rendered("\n".join(lines)),
    )


def describe_sla_change(change: SlaChanged, t: Texts, profile: PlatformProfile) -> Rendered:
    """The change made, then the queue's settings as they now are."""
    done = t.render(
        profile,
        "sla-changed",
        queue=t.plain(f"sla-queue-{change.queue.value}"),
        moved=format_number(change.moved, t.locale),
    )
    return Rendered(done + "\n\n" + describe_sla(change.queue, change.after, t, profile))
