"""Letters of referred complaints brought to the desk from a spreadsheet: by an admin sending the
file to the bot on Telegram or Bale, or with `python -m bot import-referrals FILE`. Each good
row is a case with its card in the staff chat; each bad row is reported with its row, column
and reason, and nothing of it is written."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.repos import Repo
from models.tables import Case, CaseEvent
from services.calendar import TEHRAN, tehran_today
from services.clock import ManualClock
from services.platforms import Platform
from services.referral_import import LAYOUT, import_referrals, is_referral_file
from services.referrals import limits_of
from services.settings import Settings
from services.sheet_import import ImportReport, RowRejection, report_text
from services.texts import texts
from tests.desk import Desk, Person
from tests.staff import group_texts
from tests.test_certificate_import import send_file
from tests.test_cli import run_bot
from tests.test_demo_and_cli import database as database  # the migrated SQLite file

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "referrals.csv"
ADMINS = {
    Platform.TELEGRAM: Person(Platform.TELEGRAM, 111, "Mina", "Admin"),
    Platform.BALE: Person(Platform.BALE, 222, "Mina", "Admin"),
}
HEADER = [
    "نهاد ارجاع‌دهنده",
    "نام نهاد یا استان",
    "شماره نامه",
    "تاریخ نامه",
    "نام شاکی",
    "موبایل شاکی",
    "نام کسب‌وکار",
    "وب‌سایت",
    "شماره پروانه",
    "موضوع",
    "شرح شکایت",
    "شماره سفارش",
    "تاریخ سفارش",
    "مبلغ (ریال)",
]
DESCRIPTION = "کالای سفارش داده شده پس از دو هفته هنوز ارسال نشده و پاسخی نمی‌دهند."


def a_row(**values: str) -> list[str]:
    """A letter as the union's sheet writes it: the E-commerce Development Center's, unless
    told otherwise."""
    row = {
        "نهاد ارجاع‌دهنده": "مرکز توسعه تجارت الکترونیکی",
        "نام نهاد یا استان": "",
        "شماره نامه": "۱۲۰۴/ت/۱۴۰۵",
        "تاریخ نامه": "۱۴۰۵/۰۸/۲۵",
        "نام شاکی": "مریم کاظمی",
        "موبایل شاکی": "۰۹۱۲۳۴۵۶۷۸۹",
        "نام کسب‌وکار": "فروشگاه نمونه",
        "وب‌سایت": "shop.ir",
        "شماره پروانه": "",
        "موضوع": "فصل هشتم",
        "شرح شکایت": DESCRIPTION,
        "شماره سفارش": "",
        "تاریخ سفارش": "",
        "مبلغ (ریال)": "",
    } | values
    return [row[name] for name in HEADER]


def csv_file(rows: Sequence[Sequence[str]], header: Sequence[str] = HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


async def run_import(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    clock: ManualClock,
    content: bytes,
) -> ImportReport:
    async with sessionmaker() as session:
        return await import_referrals(
            Repo(session),
            content,
            filename="letters.csv",
            now=clock.now(),
            today=tehran_today(clock.now()),
            config=settings.config,
            limits=limits_of(settings),
            commit=session.commit,
        )


async def all_cases(sessionmaker: async_sessionmaker[AsyncSession]) -> list[Case]:
    async with sessionmaker() as session:
        return list(await session.scalars(select(Case).order_by(Case.id)))


GOOD_AND_BAD = [
    a_row(),  # row 2
    a_row(**{"نهاد ارجاع‌دهنده": "وزارت ورزش", "شماره نامه": "۱"}),  # row 3
    a_row(**{"نهاد ارجاع‌دهنده": "سازمان صمت", "شماره نامه": "۲"}),  # row 4: which province?
    a_row(**{"شماره نامه": "۳", "موبایل شاکی": "۰۹۱۲"}),  # row 5
    a_row(**{"شماره نامه": "۴", "وب‌سایت": "یک سایت"}),  # row 6
    a_row(**{"شماره نامه": "۵", "موضوع": "گرانفروشی"}),  # row 7
    a_row(**{"شماره نامه": "۶", "شرح شکایت": "کوتاه"}),  # row 8
    a_row(**{"شماره نامه": "۷", "تاریخ نامه": "۱۴۰۶/۰۱/۰۱"}),  # row 9: in the future
    a_row(**{"شماره نامه": "۸", "شماره پروانه": "پروانه دارد"}),  # row 10
    a_row(  # row 11
        **{
            "نهاد ارجاع‌دهنده": "سازمان صنعت، معدن و تجارت استان اصفهان",
            "شماره نامه": "۹",
            "موبایل شاکی": "",
            "نام شاکی": "",
            "شماره سفارش": "ORD-7",
            "تاریخ سفارش": "۱۴۰۵/۰۸/۰۱",
            "مبلغ (ریال)": "۲٬۵۰۰٬۰۰۰",
        }
    ),
    a_row(**{"نام شاکی": "مریم کاظمی (نام درست)"}),  # row 12: row 2 again, the later wins
]


async def test_good_rows_become_cases_and_bad_ones_are_reported_by_row_column_and_reason(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    report = await run_import(sessionmaker, settings, clock, csv_file(GOOD_AND_BAD))

    assert (report.read, report.inserted, report.unchanged, report.rejected) == (11, 2, 0, 9)
    assert [(r.row, r.column, r.key) for r in report.rejections] == [
        (2, "شماره نامه", "referral-import-duplicate-letter"),
        (3, "نهاد ارجاع‌دهنده", "referral-import-bad-body"),
        (4, "نام نهاد یا استان", "referral-import-needs-name-industry_organization"),
        (5, "موبایل شاکی", "referral-mobile-invalid"),
        (6, "وب‌سایت", "form-website-invalid"),
        (7, "موضوع", "referral-import-bad-subject"),
        (8, "شرح شکایت", "form-description-too-short"),
        (9, "تاریخ نامه", "referral-letter-date-future"),
        (10, "شماره پروانه", "referral-import-bad-licence"),
    ]
    assert [line for line, _ in report.assigned] == [11, 12]
    first, second = await all_cases(sessionmaker)
    assert (first.source_body, first.source_body_name, first.province) == (
        "industry_organization",
        "اصفهان",
        "اصفهان",
    )
    assert (first.order_number, first.order_amount, first.contact_phone) == (
        "ORD-7",
        2_500_000,
        None,
    )
    assert (second.source_body, second.contact_name, second.contact_phone) == (
        "ecommerce_center",
        "مریم کاظمی (نام درست)",
        "+989123456789",
    )
    # Monday 25 Aban: the clock starts at that day's opening; Article 72's ten days end on a
    # Thursday, the weekend, so at Saturday's closing.
    assert second.clock_started_at == datetime(2026, 11, 16, 8, tzinfo=TEHRAN)
    assert second.overall_due_at == datetime(2026, 11, 28, 16, tzinfo=TEHRAN)
    async with sessionmaker() as session:
        notes = list(await session.scalars(select(CaseEvent.note)))
    assert notes == ["letters.csv", "letters.csv"]


async def test_importing_the_same_file_again_registers_nothing_twice(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    content = EXAMPLE.read_bytes()
    first = await run_import(sessionmaker, settings, clock, content)
    codes = [case.code for case in await all_cases(sessionmaker)]

    again = await run_import(sessionmaker, settings, clock, content)

    assert (first.read, first.inserted, first.rejected) == (8, 6, 2)
    assert (again.inserted, again.unchanged, again.rejected, again.assigned) == (0, 6, 2, ())
    assert [case.code for case in await all_cases(sessionmaker)] == codes


async def test_a_file_without_the_letters_columns_writes_nothing(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    content = csv_file([["فروشگاه نمونه", "shop.ir"]], header=["نام کسب‌وکار", "وب‌سایت"])

    report = await run_import(sessionmaker, settings, clock, content)

    assert report.error is not None and report.error.key == "referral-import-missing-columns"
    assert "letter_number" in str(report.error.args["columns"])
    assert await all_cases(sessionmaker) == []


def test_a_file_of_letters_is_told_apart_from_the_other_imports() -> None:
    assert is_referral_file(EXAMPLE.read_bytes(), EXAMPLE.name)
    for other in ("licences.csv", "certificates.csv"):
        path = EXAMPLE.parent / other
        assert not is_referral_file(path.read_bytes(), path.name)


# --- the chat -------------------------------------------------------------------------------


@pytest.mark.parametrize("platform", [Platform.TELEGRAM, Platform.BALE])
async def test_an_admin_sends_the_file_and_reads_the_report(
    desk: Desk, platform: Platform
) -> None:
    admin = ADMINS[platform]

    await send_file(desk, admin, "letters.csv", csv_file(GOOD_AND_BAD), "/refer import")

    api = desk.api[platform]
    started = api.sent("sendMessage", chat_id=admin.id)[0]
    assert "درون‌ریزی شکایت‌های ارجاعی آغاز می‌شود" in started.text
    edits = api.sent("editMessageText", chat_id=admin.id)
    assert edits and "۱۰۰٪" in edits[-1].text and "۱۱ از ۱۱ ردیف" in edits[-1].text
    report = api.sent("sendMessage", chat_id=admin.id)[-1].text
    assert "پرونده‌های تازه: ۲" in report and "ردیف‌های ردشده: ۹" in report
    assert "ردیف ۳، ستون «نهاد ارجاع‌دهنده»: نهاد «وزارت ورزش» شناخته نشد" in report
    assert "ردیف ۹، ستون «تاریخ نامه»: تاریخ نامه نمی‌تواند در آینده باشد." in report
    assert "ردیف ۸، ستون «شرح شکایت»: شرح شکایت کوتاه است؛ دست‌کم ۲۰ نویسه" in report
    assert ("<b>" in report) is (platform is Platform.TELEGRAM)  # Bale reads no HTML
    (codes,) = api.sent("sendDocument", chat_id=admin.id)
    (content,) = codes.files.values()
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert lines[0] == ["ردیف", "کد رهگیری"] and [line[0] for line in lines[1:]] == ["11", "12"]
    async with desk.repo() as repo:
        imported = list(await repo.session.scalars(select(CaseEvent)))
        assert {(e.action, e.actor_role, e.platform) for e in imported} == {
            ("referred", "admin", platform)
        }
    await desk.drain()
    cards = [text for text in group_texts(desk) if "شکایت تازه" in text]
    assert len(cards) == 2 and all("ارجاعی از" in card for card in cards)


async def test_a_file_of_letters_is_recognised_without_the_caption(desk: Desk) -> None:
    admin = ADMINS[Platform.TELEGRAM]

    await send_file(desk, admin, "letters.csv", csv_file([a_row()]))

    report = desk.api[Platform.TELEGRAM].sent("sendMessage", chat_id=admin.id)[-1].text
    assert "پرونده‌های تازه: ۱" in report
    async with desk.repo() as repo:
        assert await repo.session.scalar(select(func.count(Case.id))) == 1
        assert await repo.licences.count() == 0


@pytest.mark.parametrize("platform", [Platform.TELEGRAM, Platform.BALE])
async def test_someone_who_is_not_an_admin_is_refused_politely(
    desk: Desk, platform: Platform
) -> None:
    citizen = Person(platform, 7001, "Sara", "Ahmadi")

    await send_file(desk, citizen, "letters.csv", csv_file([a_row()]), "/refer import")

    assert "فقط از دست مدیران پیشخوان برمی‌آید" in desk.last_text(citizen)
    assert desk.api[platform].sent("getFile") == []
    async with desk.repo() as repo:
        assert await repo.session.scalar(select(func.count(Case.id))) == 0


async def test_the_command_alone_says_how_to_send_the_file(desk: Desk) -> None:
    admin = ADMINS[Platform.TELEGRAM]

    await desk.say(admin, "/refer import")

    assert "/refer import" in desk.last_text(admin) and "CSV" in desk.last_text(admin)


async def test_the_complainant_of_an_imported_letter_finds_it_on_bale(
    desk: Desk, reza: Person
) -> None:
    await send_file(desk, ADMINS[Platform.TELEGRAM], "letters.csv", csv_file([a_row()]))

    await desk.say(reza, "/mycases")
    await desk.share_contact(reza, "989123456789", owner_id=reza.id)

    assert "فروشگاه نمونه" in desk.last_text(reza)
    await desk.drain()
    assert "مرکز توسعه تجارت الکترونیکی" in desk.last_text(reza)


# --- the command line -----------------------------------------------------------------------


def test_the_command_line_imports_with_a_bar_a_report_and_the_new_codes(
    tmp_path: Path, database: str
) -> None:
    result = run_bot(tmp_path, "import-referrals", str(EXAMPLE), DATABASE_URL=database)

    assert result.returncode == 0, result.stderr
    assert "[#####" in result.stderr and "100%  8/8" in result.stderr
    assert "پرونده‌های تازه: ۶" in result.stdout and "ردیف‌های ردشده: ۲" in result.stdout
    assert "ردیف ۸، ستون «نهاد ارجاع‌دهنده»: نهاد «وزارت ورزش» شناخته نشد" in result.stdout
    assert "کدهای رهگیری پرونده‌های تازه:" in result.stdout
    assert "<b>" not in result.stdout
    with sqlite3.connect(tmp_path / "data" / "desk.sqlite3") as connection:
        (count,) = connection.execute("SELECT count(*) FROM cases").fetchone()
        bodies = connection.execute(
            "SELECT DISTINCT source_body FROM cases ORDER BY source_body"
        ).fetchall()
        roles = connection.execute("SELECT DISTINCT actor_role FROM case_events").fetchall()
    assert count == 6 and roles == [("system",)]
    assert [body for (body,) in bodies] == [
        "article52_inspectors",
        "ecommerce_center",
        "guilds_chamber",
        "industry_organization",
        "other",
    ]


def test_the_command_line_exits_1_when_the_file_cannot_be_imported_and_2_without_it(
    tmp_path: Path, database: str
) -> None:
    source = tmp_path / "letters.csv"
    source.write_text("business_name,website\nA,b.ir\n", encoding="utf-8")

    bad = run_bot(tmp_path, "import-referrals", str(source), DATABASE_URL=database)
    missing = run_bot(tmp_path, "import-referrals", "nowhere.csv", DATABASE_URL=database)

    assert bad.returncode == 1 and "چیزی ثبت نشد" in bad.stdout
    assert missing.returncode == 2


def test_a_rejected_row_with_no_column_to_name_is_reported_by_its_row_alone() -> None:
    report = ImportReport(
        read=2,
        inserted=1,
        rejected=1,
        rejections=(
            # The file has no column of letter numbers to name: the row says it alone.
            RowRejection(
                3, "letter_number", None, "referral-import-duplicate-letter", {"later_row": 5}
            ),
        ),
    )
    text = report_text(report, texts("fa"), LAYOUT)

    assert "• ردیف ۳: همین نامه درباره همین کسب‌وکار دوباره در ردیف ۵ آمده است" in text
    assert "ستون «" not in text and "—" not in text
