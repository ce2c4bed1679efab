"""The periodic jobs. Each one enters at the service layer with its own database session.

Deadlines are rows, found by an indexed query each sweep: there is never one job per case,
and nothing is lost on a restart.
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.repos import Repo
from services.alerts import send_digests, sweep_deadlines
from services.calendar import TEHRAN
from services.certificates import sweep_certificates
from services.clock import Clock
from services.desk import DeskConfig
from services.privacy import purge
from services.renewals import send_renewal_reminders
from services.sessions import send_reminders as send_session_reminders

logger = logging.getLogger(__name__)


class Jobs:
    """The work the scheduler does, callable on its own (tests call it with a set clock)."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        config: DeskConfig,
        clock: Clock,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.config = config
        self.clock = clock

    async def sweep(self) -> int:
        """Deadline notices, breaches and escalations now due; the sessions' reminders."""
        async with self.sessionmaker() as session:
            repo = Repo(session)
            sent = await sweep_deadlines(repo, self.clock.now(), self.config)
            sent += await sweep_certificates(repo, self.clock.now(), self.config)
            sent += await send_renewal_reminders(repo, self.clock.now(), self.config)
            sent += await send_session_reminders(repo, self.clock.now(), self.config)
        if sent:
            logger.info("deadline sweep sent %s alerts", sent)
        return sent

    async def purge(self) -> tuple[int, int]:
        """Access records past six months, and update claims past two days."""
        async with self.sessionmaker() as session:
            removed = await purge(Repo(session), self.clock.now())
        logger.info("purged %s access records and %s update claims", *removed)
        return removed

    async def digest(self) -> int:
        """Today's digest for each staff chat, if not sent yet."""
        async with self.sessionmaker() as session:
            return await send_digests(Repo(session), self.clock.now(), self.config)


def build_scheduler(jobs: Jobs, sweep_seconds: float) -> AsyncIOScheduler:
    """The sweep every `sweep_seconds`, the digest at its hour; missed runs coalesce into one,
    and both also run at start so that what fell due during downtime goes out once."""
    scheduler = AsyncIOScheduler(timezone=TEHRAN)
    defaults = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
    scheduler.add_job(
        jobs.sweep,
        IntervalTrigger(seconds=sweep_seconds, timezone=TEHRAN),
        id="deadline-sweep",
        **defaults,
    )
    hour, minute = jobs.config.digest_time.hour, jobs.config.digest_time.minute
    scheduler.add_job(
        jobs.digest,
        CronTrigger(hour=hour, minute=minute, timezone=TEHRAN),
        id="daily-digest",
        **defaults,
    )
    scheduler.add_job(
        jobs.purge,
        CronTrigger(hour=3, minute=30, timezone=TEHRAN),
        id="retention-purge",
        **defaults,
    )
    return scheduler
