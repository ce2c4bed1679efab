"""/export and /stats over many cases: time, memory and file size, once (a measurement, not a
test).

    .venv/bin/python -m bench.export                      # 10⁵ cases, XLSX and CSV, SQLite
    .venv/bin/python -m bench.export --cases 20000 --formats csv

A migrated SQLite file in a temporary folder gets `--cases` complaints with every exported
field filled (descriptions of a few hundred Persian letters, encrypted at rest like the desk's
own, a phone, a clerk, an opinion, a rating with a comment for every fourth). Then each format
is exported twice by `services.reports.export.write_export`, as /export does: once timed, once
under tracemalloc for the peak of Python memory the export itself holds. Then /stats is
gathered and drawn for every case, a Jalali year and this month.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Column, MetaData, Table, Text, insert, select

from bench.common import Backend, bench_settings, fresh_database, say
from bench.sweep import tracking_code
from models import crypto
from models.crypto import EncryptedString
from models.database import make_sessionmaker
from models.repos import Names, Repo
from models.tables import Case
from services.calendar import TEHRAN
from services.charts import stats_chart
from services.reports import export as case_export
from services.reports.stats import Period, gather, parse_period
from services.texts import texts

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=TEHRAN)
STATUSES = ("closed", "closed", "closed", "voided", "in_progress", "referred_commission")
WORDS = (
    "سفارش کالا پس از پرداخت وجه ارسال نشد و فروشنده به پیام‌ها پاسخ نمی‌دهد",
    "کیفیت کالا با توضیحات سایت مطابقت نداشت و درخواست مرجوعی پذیرفته نشد",
    "مبلغ اضافه از حساب کسر شده و فاکتور صادر نشده است",
    "پشتیبانی فروشگاه چند بار قول بازگرداندن وجه داد ولی انجام نشد",
)
BATCH = 5000


def description(rng: random.Random) -> str:
    return "؛ ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))) + "."


def _sealed(table: Table) -> Table:
    """The table with its encrypted columns as plain text: rows go in with values sealed here
    (phones and comments once from a pool), as the desk would have stored them."""
    return Table(
        table.name,
        MetaData(),
        *[
            Column(
                column.name,
                Text() if isinstance(column.type, EncryptedString) else column.type,
                primary_key=column.primary_key,
            )
            for column in table.columns
        ],
    )


async def fill(repo: Repo, cases: int) -> None:
    """`cases` complaints, a fifth of them rated, inserted a batch at a time."""
    rng = random.Random(13)
    sealed = crypto.keyring().encrypt
    # Every description differs, as citizens' do: a spreadsheet keeps each distinct text once.
    descriptions = [description(rng) for _ in range(500)]
    phones = [sealed(f"+98912{number:07d}") for number in range(500)]
    cases_table, ratings_table = (
        _sealed(Case.metadata.tables["cases"]),
        _sealed(Case.metadata.tables["ratings"]),
    )
    citizen, _ = await repo.users.upsert(
        platform="telegram", platform_user_id=5001, names=Names("سارا", "احمدی", None), now=NOW
    )
    clerk, _ = await repo.users.upsert(
        platform="telegram", platform_user_id=7001, names=Names("علی", "مرادی", None), now=NOW
    )
    start = NOW - timedelta(days=365)
    for first in range(0, cases, BATCH):
        rows: list[dict[str, Any]] = []
        for number in range(first, min(first + BATCH, cases)):
            received = start + timedelta(seconds=number * 365 * 86400 // cases)
            status = STATUSES[number % len(STATUSES)]
            ended = status in ("closed", "voided")
            rows.append(
                {
                    "code": tracking_code(number),
                    "kind": "complaint",
                    "queue": "complaints",
                    "status": status,
                    "subject": "guild_law",
                    "business_name": f"فروشگاه اینترنتی شماره {number % 3000}",
                    "business_key": f"فروشگاه {number % 3000}",
                    "business_url": f"shop{number % 3000}.ir",
                    "licence_number": f"1400/{number % 3000:05d}",
                    "description": sealed(
                        f"{descriptions[number % len(descriptions)]} (سفارش {number})"
                    ),
                    "order_number": f"ORD-{number}",
                    "order_date": (received - timedelta(days=3)).date(),
                    "order_amount": rng.randint(1, 500) * 100_000,
                    "citizen_id": citizen.id,
                    "contact_name": "سارا احمدی",
                    "contact_phone": phones[number % len(phones)],
                    "platform": "telegram",
                    "locale": "fa",
                    "received_at": received,
                    "clock_started_at": received,
                    "status_changed_at": received,
                    "assignee_id": clerk.id,
                    "province": "تهران",
                    "opinion": "no_violation" if ended else None,
                    "decided_at": received + timedelta(days=6) if ended else None,
                    "step_due_at": None if ended else received + timedelta(days=2),
                    "overall_due_at": None if ended else received + timedelta(days=10),
                    "closed_by_withdrawal": False,
                    "objection_used": False,
                }
            )
        await repo.session.execute(insert(cases_table), rows)
        await repo.commit()
    ids = list(await repo.session.scalars(select(Case.id)))
    ratings = [
        {
            "case_id": case_id,
            "user_id": citizen.id,
            "score": 1 + case_id % 5,
            "comment": sealed("پیگیری خوبی بود"),
            "at": NOW,
        }
        for case_id in ids[::5]
    ]
    for first in range(0, len(ratings), BATCH):
        await repo.session.execute(insert(ratings_table), ratings[first : first + BATCH])
    await repo.commit()


async def export_once(
    sessionmaker: Any, kind: str, folder: Path
) -> tuple[float, case_export.Exported]:
    request = case_export.ExportRequest(format=case_export.ExportFormat(kind))
    async with sessionmaker() as session:
        repo = Repo(session)
        admin, _ = await repo.users.upsert(
            platform="telegram", platform_user_id=111, names=Names("Mina", None, None), now=NOW
        )
        started, cpu = time.perf_counter(), time.process_time()
        total = await case_export.count_export(repo, request)
        exported = await case_export.write_export(
            repo, request, texts("fa"), folder, admin, NOW, total=total
        )
        say(f"  {kind}: {time.process_time() - cpu:.1f} s of CPU (all threads)")
        return time.perf_counter() - started, exported


async def run(cases: int, formats: list[str]) -> None:
    crypto.configure([crypto.new_key()])
    async with fresh_database(Backend("sqlite")) as url:
        engine = Backend("sqlite").engine(url)
        sessionmaker = make_sessionmaker(engine)
        say(f"filling {cases} cases…")
        async with sessionmaker() as session:
            await fill(Repo(session), cases)
        for kind in formats:
            with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
                seconds, exported = await export_once(sessionmaker, kind, Path(first))
                tracemalloc.start()
                await export_once(sessionmaker, kind, Path(second))
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                sizes = ", ".join(
                    f"{path.stat().st_size / 2**20:.1f} MB" for path in exported.files
                )
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                say(
                    f"{kind}: {exported.count} cases in {seconds:.1f} s "
                    f"({exported.count / seconds:.0f} rows/s); files: {sizes}; "
                    f"Python memory peak during the export {peak / 2**20:.1f} MB; "
                    f"process max RSS so far {rss:.0f} MB"
                )
        config = bench_settings(url).config
        for words in ("", "1405", "this month"):
            period = parse_period(words, NOW)
            assert isinstance(period, Period)
            async with sessionmaker() as session:
                started, cpu = time.perf_counter(), time.process_time()
                figures = await gather(Repo(session), NOW, config, period)
                counted = time.perf_counter() - started
                png = stats_chart(figures, texts("fa"))
                say(
                    f"/stats {words or '(every case)'}: {figures.total} cases counted in "
                    f"{counted:.2f} s, chart {time.perf_counter() - started - counted:.2f} s "
                    f"({len(png) / 1024:.0f} KB); {time.process_time() - cpu:.1f} s of CPU"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--formats", default="xlsx,csv")
    options = parser.parse_args()
    asyncio.run(run(options.cases, options.formats.split(",")))


if __name__ == "__main__":
    main()
