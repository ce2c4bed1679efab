"""The admin console's reports: /stats, /export and /sla for admins, /find for all staff."""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, FSInputFile, Message

from handlers.kit.context import Ctx
from handlers.kit.gates import AdminOnly
from handlers.kit.ui import refusal, reply, usage, usage_text
from handlers.staff import StaffOnly
from services import charts
from services.casework import clocks
from services.formatting import format_number
from services.normalize import is_blank, search_key
from services.reports import export as case_export
from services.reports import offenders
from services.reports import search as case_search
from services.reports import sla as sla_settings
from services.reports import stats as desk_stats
from services.texts import Rendered
from services.workflow import Refused

logger = logging.getLogger(__name__)


async def stats(message: Message, command: CommandObject, ctx: Ctx) -> None:
    """`/stats [PERIOD]`: the desk in numbers, then the same as a chart; PERIOD is this month,
    last month, a Jalali year, a Jalali month or `from DATE to DATE` (all cases when none is
    given). `/stats offenders [PERIOD]`: the businesses with the most complaints."""
    asked = offenders.offenders_asked(command.args or "", ctx.clock.now())
    if asked is not None:
        await _offenders(message, asked, ctx)
        return
    period = desk_stats.parse_period(command.args or "", ctx.clock.now())
    if isinstance(period, Refused):
        await message.answer(refusal(ctx.t, ctx.profile, period))
        return
    figures = await desk_stats.gather(ctx.repo, ctx.clock.now(), ctx.settings.config, period)
    shown = desk_stats.describe(figures, ctx.t, ctx.profile)
    if is_blank(command.args or ""):
        # Alone, the figures of every case, and how to choose a period.
        shown = Rendered(f"{shown}\n\n{usage_text(ctx.t, ctx.profile, 'stats')}")
    await message.answer(shown)
    if figures.total == 0:
        return
    # Drawing takes a moment of CPU: off the event loop, so other chats are not kept waiting.
    png = await asyncio.to_thread(charts.stats_chart, figures, ctx.t)
    await message.answer_photo(
        BufferedInputFile(png, filename="stats.png"),
        caption=ctx.t.render(
            ctx.profile,
            "stats-chart-caption",
            period=desk_stats.period_label(figures.period, ctx.t),
        ),
    )


async def _offenders(message: Message, period: desk_stats.Period | Refused, ctx: Ctx) -> None:
    if isinstance(period, Refused):
        await message.answer(refusal(ctx.t, ctx.profile, period))
        return
    found = await offenders.gather_offenders(ctx.repo, period)
    await message.answer(offenders.describe_offenders(found, ctx.t, ctx.profile))


async def export(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/export [from DATE] [to DATE] [status STATUS] [format xlsx|csv]`: cases as a file (or
    as parts, each within the platform's upload limit), with progress for a large one."""
    request = case_export.parse_export(command.args or "")
    if isinstance(request, Refused):
        await message.answer(refusal(ctx.t, ctx.profile, request))
        return
    t, locale = ctx.t, ctx.t.locale
    total = await case_export.count_export(ctx.repo, request)
    if total == 0:
        await usage(message, t, ctx.profile, "export", "export-empty")
        return
    kind = case_export.format_name(request, t)
    progress: Progress | None = None
    if total >= case_export.PROGRESS_FROM:
        progress = Progress(
            await message.answer(
                t.render(
                    ctx.profile,
                    "export-progress",
                    format=kind,
                    done=format_number(0, locale),
                    count=format_number(total, locale),
                )
            ),
            ctx,
            kind,
        )
    # The file is written to disk batch by batch and uploaded from there, never held whole.
    with tempfile.TemporaryDirectory(prefix="pishkhan-") as folder:
        exported = await case_export.write_export(
            ctx.repo,
            request,
            t,
            Path(folder),
            ctx.user,
            ctx.clock.now(),
            total=total,
            progress=progress.tell if progress else None,
        )
        if exported.count == 0:
            await usage(message, t, ctx.profile, "export", "export-empty")
            return
        if exported.too_large:
            await reply(message, t, ctx.profile, "export-too-large")
            return
        if progress is not None:
            await progress.done(exported.count)
        filters = case_export.describe_filters(request, t) or t.plain("export-all")
        first = 1
        for number, (path, rows) in enumerate(zip(exported.files, exported.rows, strict=True)):
            caption = (
                t.render(
                    ctx.profile,
                    "export-done",
                    format=kind,
                    count=format_number(exported.count, locale),
                    filters=filters,
                )
                if len(exported.files) == 1
                else t.render(
                    ctx.profile,
                    "export-done-part",
                    format=kind,
                    part=format_number(number + 1, locale),
                    parts=format_number(len(exported.files), locale),
                    first=format_number(first, locale),
                    last=format_number(first + rows - 1, locale),
                    count=format_number(exported.count, locale),
                    filters=filters,
                )
            )
            first += rows
            if is_blank(command.args or "") and number == len(exported.files) - 1:
                caption = Rendered(f"{caption}\n{usage_text(t, ctx.profile, 'export')}")
            await message.answer_document(FSInputFile(path, filename=path.name), caption=caption)


class Progress:
    """One message that tells how far a long export has come, edited as it goes."""

    def __init__(self, message: Message, ctx: Ctx, kind: str) -> None:
        self._message, self._ctx, self._kind = message, ctx, kind

    async def tell(self, done: int, total: int) -> None:
        locale = self._ctx.t.locale
        await self._edit(
            "export-progress",
            done=format_number(done, locale),
            count=format_number(total, locale),
        )

    async def done(self, count: int) -> None:
        await self._edit("export-progress-done", count=format_number(count, self._ctx.t.locale))

    async def _edit(self, key: str, **values: str) -> None:
        text = self._ctx.t.render(self._ctx.profile, key, format=self._kind, **values)
        try:
            await self._message.edit_text(text)
        except TelegramAPIError as error:
            # The export goes on: its progress is only a courtesy.
            logger.warning("export progress not shown: %s", error)


async def find(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/find TEXT`: cases by tracking code, phone, business name or words of the description;
    nothing to search by (no letter, no digit) is answered with how the command is used."""
    if not search_key(command.args or ""):
        await usage(message, ctx.t, ctx.profile, "find")
        return
    found = await case_search.find_cases(ctx.repo, command.args or "", ctx.user, ctx.clock.now())
    if found is None:
        await usage(message, ctx.t, ctx.profile, "find")
        return
    await message.answer(case_search.describe_found(found, ctx.t, ctx.profile))


async def sla(
    message: Message,
    command: CommandObject,
    ctx: Ctx,
) -> None:
    """`/sla [QUEUE]` shows a queue's deadline settings; `/sla QUEUE name=days …` changes them."""
    parsed = sla_settings.parse_sla(command.args or "")
    if isinstance(parsed, Refused):
        await message.answer(refusal(ctx.t, ctx.profile, parsed))
        return
    if not parsed.values:
        policy = await clocks.policy_for(ctx.repo, parsed.queue)
        await message.answer(
            sla_settings.describe_queue(
                parsed.queue, policy, ctx.settings.config, ctx.t, ctx.profile
            )
        )
        return
    changed = await sla_settings.change_sla(
        ctx.repo, parsed, ctx.user, ctx.clock.now(), ctx.settings.config
    )
    if isinstance(changed, Refused):
        await ctx.repo.rollback()
        await message.answer(refusal(ctx.t, ctx.profile, changed))
        return
    await message.answer(sla_settings.describe_sla_change(changed, ctx.t, ctx.profile))


def make_router() -> Router:
    """Reports: each command with the role it needs; anyone else is not answered here."""
    router = Router(name=__name__)
    router.message.register(stats, Command("stats"), AdminOnly())
    router.message.register(export, Command("export"), AdminOnly())
    router.message.register(sla, Command("sla"), AdminOnly())
    router.message.register(find, Command("find"), StaffOnly())
    return router
