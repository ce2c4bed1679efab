"""The union's report from the data: /stats and /export break complaints down by source (filed in
chat, or referred by which body), member or not, and status — the table of the union's 1399
report (seed 003, «تفکیک شکایات»: filed against members, against non-members, referred by other
bodies) — for any Jalali period, a range of days included.

The clock stands on Sunday 1 Azar 1405, 10:00 in Tehran. An admin asks on Telegram and on Bale.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import func, select

from models.tables import Case
from services import charts
from services.platforms import Platform
from services.reports import stats as desk_stats
from services.texts import texts
from tests.desk import Desk, Person
from tests.registry import NAROON_BOOKS
from tests.test_reports import (
    ADMIN,
    insert_case,
    jalali,
    person_in_db,
    sent_to,
    shown,
    uploaded,
)

BALE_ADMIN = Person(Platform.BALE, 222, "Mina", "Admin")
ECOMMERCE = {"source_kind": "referral", "source_body": "ecommerce_center"}
TEHRAN_ORGANIZATION = {
    "source_kind": "referral",
    "source_body": "industry_organization",
    "source_body_name": "تهران",
}


async def seed(desk: Desk, sara: Person) -> None:
    """Ten cases: in Aban 1405, three filed against a member (the registry lists its site), two
    against non-members, three referred by the E-commerce Development Center and one by
    Tehran's Industry, Mine and Trade Organization; one filed in Mehr 1405."""
    aban = jalali(1405, 8, 10)
    async with desk.repo() as repo:
        await repo.licences.upsert_many([NAROON_BOOKS])
        citizen = await person_in_db(repo, sara)
        member = {"business_url": "ketabsara-naroon.ir", "business_name": "کتاب‌سرای نارون"}
        rows: list[dict[str, Any]] = [
            member | {"status": "closed"},
            member | {"status": "closed"},
            member | {"status": "in_progress"},
            {"business_url": "unknown-shop.ir", "status": "voided"},
            {"business_url": None, "business_name": "بازار بی‌نام", "status": "closed"},
            ECOMMERCE | {"status": "closed"},
            ECOMMERCE | {"status": "referred_judicial", "opinion": "violation"},
            ECOMMERCE | member | {"status": "awaiting_review"},
            TEHRAN_ORGANIZATION | {"status": "referred_commission"},
        ]
        for number, fields in enumerate(rows, start=1):
            insert_case(repo, number, citizen, received_at=aban, **fields)
        insert_case(repo, 99, citizen, received_at=jalali(1405, 7, 5), status="closed")
        await repo.commit()


async def stats_text(desk: Desk, person: Person, command: str) -> str:
    await desk.say(person, command)
    return shown(sent_to(desk, person, "sendMessage")[-1].text)


async def test_stats_count_each_source_and_the_union_table(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    text = await stats_text(desk, ADMIN, "/stats آبان ۱۴۰۵")

    # Per source, with its share of the nine cases of Aban.
    assert "<b>به تفکیک منبع</b>" in text
    assert "• ثبت‌شده در گفت‌وگو با ربات: ۵ (۵۶٪)" in text
    assert "• مرکز توسعه تجارت الکترونیکی: ۳ (۳۳٪)" in text
    assert "• سازمان صنعت، معدن و تجارت استان تهران: ۱ (۱۱٪)" in text
    # The union's table: the three rows make the whole, each with its statuses under it.
    assert "<b>جدول گزارش اتحادیه</b>" in text
    assert "• ثبت‌شده در پیشخوان، از اعضای اتحادیه: ۳ (۳۳٫۳٪)" in text
    assert "◦ در دست اقدام ۱، مختومه ۲" in text
    assert "• ثبت‌شده در پیشخوان، از کسب‌وکارهای غیرعضو: ۲ (۲۲٫۲٪)" in text
    assert "◦ باطل شده ۱، مختومه ۱" in text
    assert "• ارجاعی از نهادها: ۴ (۴۴٫۴٪)" in text
    assert (
        "◦ منتظر بررسی کارشناس ۱، ارجاع به کمیسیون شکایت ۱، "
        "ارجاع به مراجع قضایی (تعزیرات حکومتی) ۱، مختومه ۱" in text
    )
    # Membership stays an axis of its own: the referred case against the member counts there.
    assert "• عضو (دارای پروانه در سامانه): ۴ (۴۴٪)" in text

    # The figures are the rows': nine cases in Aban, four of them referred.
    async with desk.repo() as repo:
        referred = await repo.session.scalar(
            select(func.count()).select_from(Case).where(Case.source_kind == "referral")
        )
    assert referred == 4


async def source_panel(desk: Desk, period: desk_stats.Period) -> charts.Panel:
    """The chart's panel of sources, as the admin's PNG draws it."""
    t = texts("fa")
    async with desk.repo() as repo:
        figures = await desk_stats.gather(repo, desk.clock.now(), desk.settings.config, period)
    panels = {panel.title: panel for panel in charts.stats_panels(figures, t)}
    return panels["پرونده‌ها به تفکیک منبع"]


async def test_the_chart_has_a_panel_of_sources_as_the_text_lists_them(
    desk: Desk, sara: Person
) -> None:
    await seed(desk, sara)

    panel = await source_panel(desk, desk_stats.Period(desk_stats.PeriodKind.MONTH, 1405, 8))

    # The chat first, then each body, most first, in the words the text uses.
    assert panel.labels == [
        "ثبت‌شده در گفت‌وگو با ربات",
        "مرکز توسعه تجارت الکترونیکی",
        "سازمان صنعت، معدن و تجارت استان تهران",
    ]
    assert panel.counts == [[5, 3, 1]]
    # Drawn in the same style as the others: horizontal bars, one series.
    assert not panel.vertical and panel.series is None
    await desk.say(ADMIN, "/stats آبان ۱۴۰۵")
    [photo] = sent_to(desk, ADMIN, "sendPhoto")
    assert uploaded(photo).startswith(b"\x89PNG")


async def test_stats_take_a_range_of_days(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    text = await stats_text(desk, ADMIN, "/stats از ۱۴۰۵/۰۷/۰۱ تا ۱۴۰۵/۰۸/۳۰")

    assert "آمار پیشخوان — از ۱ مهر ۱۴۰۵ تا ۳۰ آبان ۱۴۰۵" in text
    assert "پرونده‌های دریافتی:</b> ۱۰" in text
    assert "• مهر ۱۴۰۵: ۱" in text and "• آبان ۱۴۰۵: ۹" in text
    assert "• ثبت‌شده در گفت‌وگو با ربات: ۶ (۶۰٪)" in text

    # One side alone: from a day on, in English words and Gregorian dates too.
    text = await stats_text(desk, ADMIN, "/stats from 2026-10-27")
    assert "پرونده‌های دریافتی:</b> ۹" in text  # 5 Aban 1405 onwards
    text = await stats_text(desk, ADMIN, "/stats تا ۱۴۰۵/۰۷/۳۰")
    assert "پرونده‌های دریافتی:</b> ۱" in text


async def test_a_reversed_or_unreadable_range_is_refused_with_the_usage(
    desk: Desk, sara: Person
) -> None:
    await seed(desk, sara)

    text = await stats_text(desk, ADMIN, "/stats از ۱۴۰۵/۰۸/۳۰ تا ۱۴۰۵/۰۷/۰۱")
    assert "روز آغاز دوره پس از روز پایان آن است" in text
    assert "/stats از ۱۴۰۵/۰۷/۰۱ تا ۱۴۰۵/۰۸/۳۰" in text  # the usage's example
    text = await stats_text(desk, ADMIN, "/stats از دیروز")
    assert "«از دیروز» دوره‌ای نیست که بشناسم" in text


async def test_an_admin_on_bale_reads_the_union_table(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    text = await stats_text(desk, BALE_ADMIN, "/stats آبان ۱۴۰۵")

    assert "• ارجاعی از نهادها: ۴ (۴۴٫۴٪)" in text
    assert "• مرکز توسعه تجارت الکترونیکی: ۳ (۳۳٪)" in text
    # Bale's messages are as long as Telegram's; the figures fit in one.
    assert len(text.encode("utf-16-le")) // 2 <= 4096


async def test_the_xlsx_export_holds_the_union_table_on_a_sheet_of_its_own(
    desk: Desk, sara: Person
) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/export از ۱۴۰۵/۰۸/۰۱ تا ۱۴۰۵/۰۸/۳۰")

    [document] = sent_to(desk, ADMIN, "sendDocument")
    book = load_workbook(io.BytesIO(uploaded(document)), read_only=True)
    try:
        assert book.sheetnames == ["پرونده‌ها", "جدول اتحادیه"]
        cases = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        table = [list(row) for row in book.worksheets[1].iter_rows(values_only=True)]
    finally:
        book.close()
    # The cases keep their source column.
    sources = [row[cases[0].index("منبع شکایت")] for row in cases[1:]]
    assert sources.count("ثبت‌شده در گفت‌وگو با ربات") == 5
    assert sources.count("مرکز توسعه تجارت الکترونیکی") == 3
    # The table: a heading, a header, the three rows, each body, the total.
    assert shown(str(table[0][0])).endswith("از ۱ آبان ۱۴۰۵، تا ۳۰ آبان ۱۴۰۵")
    header = table[1]
    assert header[:3] == ["منبع شکایت", "تعداد", "سهم"]
    rows = {shown(str(row[0])).strip(" ◦"): row for row in table[2:]}
    closed = header.index("مختومه")
    members = rows["ثبت‌شده در پیشخوان، از اعضای اتحادیه"]
    assert members[1] == 3 and members[closed] == 2
    assert abs(members[2] - 3 / 9) < 1e-9
    assert rows["ثبت‌شده در پیشخوان، از کسب‌وکارهای غیرعضو"][1] == 2
    assert rows["ارجاعی از نهادها"][1] == 4
    assert rows["مرکز توسعه تجارت الکترونیکی"][1] == 3
    assert rows["سازمان صنعت، معدن و تجارت استان تهران"][1] == 1
    assert rows["جمع"][1] == 9 and rows["جمع"][closed] == 4


async def test_a_csv_export_has_no_table_but_the_source_column(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/export قالب csv")

    [document] = sent_to(desk, ADMIN, "sendDocument")
    text = uploaded(document).decode("utf-8-sig")
    assert "منبع شکایت" in text.splitlines()[0]
    assert text.count("مرکز توسعه تجارت الکترونیکی") == 3


async def test_many_bodies_are_summed_past_the_first_and_every_piece_fits(
    desk: Desk, sara: Person
) -> None:
    # Twenty bodies named by clerks, each with a case or more, in provinces all over.
    async with desk.repo() as repo:
        citizen = await person_in_db(repo, sara)
        for number in range(40):
            insert_case(
                repo,
                number,
                citizen,
                source_kind="referral",
                source_body="other",
                source_body_name=f"دادستانی شهرستان شماره {number % 20 + 1}",
                province=f"استان آزمایشی {number % 31}",
                received_at=jalali(1405, 8, 10),
            )
        await repo.commit()

    await desk.say(ADMIN, "/stats")

    pieces = [shown(r.text) for r in sent_to(desk, ADMIN, "sendMessage")]
    assert all(len(piece.encode("utf-16-le")) // 2 <= 4096 for piece in pieces)
    text = "\n".join(pieces)
    assert "• ثبت‌شده در گفت‌وگو با ربات: ۰ (۰٪)" in text
    # Ten bodies shown by name, the other ten summed (twenty cases of the forty).
    assert text.count("• دادستانی شهرستان شماره") == 10
    assert "• سایر: ۲۰ (۵۰٪)" in text
    assert "• ارجاعی از نهادها: ۴۰ (۱۰۰٫۰٪)" in text
    # The chart's panel of sources sums them the same way: the chat, ten bodies, «سایر».
    panel = await source_panel(desk, desk_stats.Period())
    assert len(panel.labels) == 12
    assert panel.labels[-1] == "سایر" and panel.counts[0][-1] == 20
    assert panel.counts[0][0] == 0 and sum(panel.counts[0]) == 40
