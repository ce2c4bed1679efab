"""An admin reads the desk's numbers, exports its cases, searches them and tunes deadlines.

The desk holds five known cases, written straight to the database; the clock stands on Sunday
1 Azar 1405, 10:00 in Tehran, so the last twelve Jalali months run from Dey 1404 to Azar 1405.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import jdatetime
import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import select

from models.repos import Names, Repo
from models.tables import AuditEntry, Case, QueuePolicy, Rating, User
from services.calendar import TEHRAN
from services.charts import persian_label
from services.formatting import format_code
from services.normalize import search_key
from services.personal_data import description_index, keyed
from services.platforms import Platform
from services.tracking import damm_check_digit
from tests.desk import Desk, Person
from tests.fakes import Request
from tests.staff import clerk, say_in_group
from tests.test_complaint_flow import file_complaint

ADMIN = Person(Platform.TELEGRAM, 111, "Mina", "Admin")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BOM = b"\xef\xbb\xbf"
_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def shown(text: str) -> str:
    """A text as read: without Fluent's invisible isolation marks around values."""
    return text.translate(_ISOLATES)


def jalali(year: int, month: int, day: int, hour: int = 10) -> datetime:
    """An instant in Tehran on a Jalali date."""
    gregorian = jdatetime.date(year, month, day).togregorian()
    return datetime(gregorian.year, gregorian.month, gregorian.day, hour, tzinfo=TEHRAN)


def code_of(number: int) -> str:
    """A valid complaint tracking code, distinct for each number."""
    payload = f"1{10_000_000 + number:08d}"
    return payload + damm_check_digit(payload)


async def person_in_db(repo: Repo, person: Person) -> User:
    user, _ = await repo.users.upsert(
        platform=person.platform,
        platform_user_id=person.id,
        names=Names(person.first_name, person.last_name, None),
        now=datetime(2026, 1, 1, tzinfo=TEHRAN),
    )
    return user


def insert_case(repo: Repo, number: int, citizen: User, **fields: Any) -> Case:
    """A complaint as the desk stores it, received at `received_at` (default: 1 Azar 1405)."""
    received = fields.pop("received_at", jalali(1405, 9, 1, 9))
    business = fields.pop("business_name", "فروشگاه نمونه")
    values: dict[str, Any] = {
        "code": code_of(number),
        "kind": "complaint",
        "queue": "complaints",
        "status": "awaiting_review",
        "subject": "guild_law",
        "business_name": business,
        "business_key": search_key(business),
        "business_url": "example-shop.ir",
        "description": "کالا پس از دو هفته ارسال نشده است.",
        "citizen_id": citizen.id,
        "contact_name": citizen.full_name,
        "contact_phone": None,
        "platform": citizen.platform,
        "locale": "fa",
        "received_at": received,
        "clock_started_at": received,
        "status_changed_at": received,
        "closed_by_withdrawal": False,
        "objection_used": False,
    }
    values.update(fields)
    values["description_index"] = description_index(values["description"])
    case = Case(**values)
    repo.cases.add(case)
    return case


@dataclass
class Known:
    """The five seeded cases and the people behind them."""

    cases: list[Case]
    ali: User
    neda: User


async def seed(desk: Desk, sara: Person) -> Known:
    """Five cases over a year and a half, with clerks, provinces, responses and ratings."""
    async with desk.repo() as repo:
        citizen = await person_in_db(repo, sara)
        ali = await person_in_db(repo, Person(Platform.TELEGRAM, 7001, "Ali", "Moradi"))
        neda = await person_in_db(repo, Person(Platform.TELEGRAM, 7002, "Neda", "Samadi"))
        mehr, aban, azar = jalali(1405, 7, 10), jalali(1405, 8, 5), jalali(1405, 9, 1, 9)
        old = jalali(1404, 8, 15)
        cases = [
            insert_case(
                repo,
                1,
                citizen,
                status="closed",
                province="تهران",
                assignee_id=ali.id,
                received_at=mehr,
                first_response_at=mehr + timedelta(hours=2),
                decided_at=mehr + timedelta(days=4),
                business_name="فروشگاه دیجی‌کالا",
            ),
            insert_case(
                repo,
                2,
                citizen,
                status="closed",
                province="تهران",
                assignee_id=ali.id,
                received_at=aban,
                first_response_at=aban + timedelta(hours=4),
                decided_at=aban + timedelta(days=6),
                business_name='=HYPERLINK("http://evil.example")',
            ),
            insert_case(
                repo,
                3,
                citizen,
                status="in_progress",
                subject="online_business",
                province="اصفهان",
                assignee_id=neda.id,
                received_at=aban + timedelta(days=3),
                first_response_at=aban + timedelta(days=3, hours=10),
                contact_phone="+989123456789",
                business_name="آموزشگاه آنلاین ستاره",
            ),
            insert_case(
                repo,
                4,
                citizen,
                subject="network_marketing",
                received_at=azar,
                description="شرکت بازاریابی شبکه‌ای برای عضویت پول گرفت و محصولی نداد.",
                business_name="بازار طلایی",
            ),
            insert_case(
                repo,
                5,
                citizen,
                status="voided",
                subject="other",
                assignee_id=ali.id,
                received_at=old,
                first_response_at=old + timedelta(hours=1),
                decided_at=old + timedelta(days=1),
                business_name="کافه کتاب",
            ),
        ]
        await repo.session.flush()
        await repo.ratings.add(Rating(case_id=cases[0].id, user_id=citizen.id, score=5, at=mehr))
        await repo.ratings.add(Rating(case_id=cases[1].id, user_id=citizen.id, score=3, at=aban))
        await repo.commit()
        return Known(cases, ali, neda)


def sent_to(desk: Desk, person: Person, method: str) -> list[Request]:
    return desk.api[person.platform].sent(method, chat_id=person.id)


def uploaded(request: Request) -> bytes:
    """The one file a request uploaded."""
    assert len(request.files) == 1, request.files.keys()
    return next(iter(request.files.values()))


# --- /stats ---------------------------------------------------------------------------------


async def test_stats_counts_by_status_subject_month_province_and_clerk(
    desk: Desk, sara: Person
) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/stats")

    text = shown(sent_to(desk, ADMIN, "sendMessage")[-1].text)
    for line in (
        "پرونده‌های دریافتی:</b> ۵",
        "• مختومه: ۲",
        "• در دست اقدام: ۱",
        "• منتظر بررسی کارشناس: ۱",
        "• باطل شده: ۱",
        "• تخلفات و جرایم فصل هشتم قانون نظام صنفی: ۲",
        "• سایر موارد: ۱",
        "• دی ۱۴۰۴: ۰",
        "• مهر ۱۴۰۵: ۱",
        "• آبان ۱۴۰۵: ۲",
        "• آذر ۱۴۰۵: ۱",
        "• تهران: ۲",
        "• اصفهان: ۱",
        "• نامشخص: ۲",
        "• Ali Moradi: ۰ در جریان، ۰ گذشته از مهلت، ۳ در این دوره",
        "• Neda Samadi: ۱ در جریان، ۰ گذشته از مهلت، ۱ در این دوره",
        "• بدون کارشناس: ۱ در جریان، ۰ گذشته از مهلت، ۱ در این دوره",
    ):
        assert line in text, line
    assert "آبان ۱۴۰۴" not in text  # older than twelve months


async def test_stats_gives_response_and_closing_times_and_satisfaction(
    desk: Desk, sara: Person
) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/stats")

    text = shown(sent_to(desk, ADMIN, "sendMessage")[-1].text)
    # First responses after 1, 2, 4 and 10 hours; closings after 4 and 6 days.
    assert "نخستین پاسخ</b> (۴ پرونده)" in text
    assert "میانه ۳ ساعت — صدک ۹۰: ۸٫۲ ساعت" in text
    assert "مختومه شدن</b> (۲ پرونده)" in text
    assert "میانه ۵ روز — صدک ۹۰: ۵٫۸ روز" in text
    assert "۲ نظر، میانگین ۴ از ۵" in text
    assert "• ۵ ⭐: ۱" in text and "• ۳ ⭐: ۱" in text and "• ۱ ⭐: ۰" in text


async def test_stats_sends_a_png_chart(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/stats")

    [photo] = sent_to(desk, ADMIN, "sendPhoto")
    data = uploaded(photo)
    assert data.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        assert image.format == "PNG"
        assert image.width > 600 and image.height > 400
    assert "نمودار آمار پیشخوان" in photo.text


def test_chart_labels_are_shaped_only_where_matplotlib_cannot() -> None:
    # matplotlib with libraqm joins and orders Persian itself; older builds get it done here.
    assert persian_label("مختومه", native=True) == "مختومه"
    shaped = persian_label("مختومه", native=False)
    assert shaped[0] == "\ufeea"  # the final heh comes first, from the left
    assert all("\ufe70" <= letter <= "\ufeff" for letter in shaped)


async def test_stats_of_an_empty_desk_say_so_without_a_chart(desk: Desk) -> None:
    await desk.say(ADMIN, "/stats")

    assert "هنوز پرونده‌ای ثبت نشده" in desk.last_text(ADMIN)
    assert sent_to(desk, ADMIN, "sendPhoto") == []


# --- /export --------------------------------------------------------------------------------


def csv_rows(request: Request) -> list[list[str]]:
    data = uploaded(request)
    assert data.startswith(BOM)  # Excel reads UTF-8 Persian only with it
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def xlsx_rows(request: Request) -> list[list[Any]]:
    book = load_workbook(io.BytesIO(uploaded(request)), read_only=True)
    try:
        rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    # Empty cells at the end of a row are not written at all.
    width = len(rows[0])
    return [row + [None] * (width - len(row)) for row in rows]


async def expected_rows(desk: Desk) -> list[tuple[str, str, str, str | None, int | None]]:
    """Code, status, business, province and score of every case, oldest first, from the DB."""
    async with desk.repo() as repo:
        rows = await repo.session.execute(
            select(Case.code, Case.status, Case.business_name, Case.province, Rating.score)
            .outerjoin(Rating, Rating.case_id == Case.id)
            .order_by(Case.received_at)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


STATUS_LABELS = {
    "closed": "مختومه",
    "in_progress": "در دست اقدام",
    "awaiting_review": "منتظر بررسی کارشناس",
    "voided": "باطل شده",
}


def readable_business(name: str) -> str:
    return "'" + name if name.startswith("=") else name


def named(header: list[Any], rows: list[list[Any]]) -> list[dict[str, Any]]:
    """Rows by column heading."""
    return [dict(zip(header, row, strict=True)) for row in rows]


async def test_export_csv_rows_match_the_database(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/export format csv")

    [document] = sent_to(desk, ADMIN, "sendDocument")
    header, *rows = csv_rows(document)
    assert header[:3] == ["کد رهگیری", "وضعیت", "موضوع"]
    assert "دلیل مختومه شدن" in header and "منبع شکایت" in header
    expected = await expected_rows(desk)
    assert [
        (
            row["کد رهگیری"],
            row["وضعیت"],
            row["کسب‌وکار"],
            row["استان"] or None,
            int(row["امتیاز رضایت"]) if row["امتیاز رضایت"] else None,
        )
        for row in named(header, rows)
    ] == [
        (
            format_code(code, "en"),
            STATUS_LABELS[status],
            readable_business(business),
            province,
            score,
        )
        for code, status, business, province, score in expected
    ]
    first = named(header, rows)[0]
    assert first["تاریخ دریافت"] == "1404/08/15 10:00"
    assert first["تاریخ دریافت (میلادی)"] == "2025-11-06T10:00:00+03:30"
    assert "۵" in shown(document.text)


async def test_export_xlsx_rows_match_the_database(desk: Desk, sara: Person) -> None:
    known = await seed(desk, sara)

    await desk.say(ADMIN, "/export")

    [document] = sent_to(desk, ADMIN, "sendDocument")
    header, *rows = xlsx_rows(document)
    assert header[0] == "کد رهگیری"
    expected = await expected_rows(desk)
    found = named(header, rows)
    assert [
        (r["کد رهگیری"], r["وضعیت"], r["کسب‌وکار"], r["استان"], r["امتیاز رضایت"]) for r in found
    ] == [
        (format_code(code, "en"), STATUS_LABELS[status], b, province, score)
        for code, status, b, province, score in expected
    ]
    by_code = {row["کد رهگیری"]: row for row in found}
    assert by_code[format_code(known.cases[2].code, "en")]["کارشناس"] == "Neda Samadi"


async def test_a_business_name_like_a_formula_stays_text(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/export format xlsx")

    book = load_workbook(io.BytesIO(uploaded(sent_to(desk, ADMIN, "sendDocument")[-1])))
    cells = [row[3] for row in book.worksheets[0].iter_rows(min_row=2)]
    # Written as the citizen typed it, as text: a spreadsheet shows it, never runs it.
    [formula_like] = [cell for cell in cells if str(cell.value).startswith("=")]
    assert formula_like.value == '=HYPERLINK("http://evil.example")'
    assert formula_like.data_type == "s"
    assert all(cell.data_type == "s" for cell in cells)


async def test_export_filters_by_date_and_status(desk: Desk, sara: Person) -> None:
    known = await seed(desk, sara)

    await desk.say(ADMIN, "/export from ۱۴۰۵/۰۸/۰۱ to 1405/08/30 status closed format csv")

    _, *rows = csv_rows(sent_to(desk, ADMIN, "sendDocument")[-1])
    assert [row[0] for row in rows] == [format_code(known.cases[1].code, "en")]


async def test_export_takes_persian_filter_words_and_status_labels(
    desk: Desk, sara: Person
) -> None:
    known = await seed(desk, sara)

    await desk.say(ADMIN, "/export وضعیت مختومه قالب csv")

    _, *rows = csv_rows(sent_to(desk, ADMIN, "sendDocument")[-1])
    assert [row[0] for row in rows] == [format_code(c.code, "en") for c in known.cases[:2]]


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        ("from 1405/13/01", "تاریخ «۱۴۰۵/۱۳/۰۱» درست نیست"),
        ("status unknown", "وضعیت «unknown» شناخته نشد"),
        ("format pdf", "قالب «pdf» پشتیبانی نمی‌شود"),
        ("since 1405/01/01", "«since» شناخته نشد"),
        ("from 1405/09/01 to 1405/08/01", "تاریخ شروع بعد از تاریخ پایان است"),
    ],
)
async def test_a_bad_export_filter_gets_a_persian_error_and_no_file(
    desk: Desk, sara: Person, arguments: str, said: str
) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, f"/export {arguments}")

    assert said in shown(desk.last_text(ADMIN))
    assert sent_to(desk, ADMIN, "sendDocument") == []


async def test_an_export_with_no_matching_case_sends_no_file(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/export from 1400/01/01 to 1400/12/29")

    assert "هیچ پرونده‌ای با این شرط‌ها پیدا نشد" in desk.last_text(ADMIN)
    assert sent_to(desk, ADMIN, "sendDocument") == []


async def test_an_export_is_kept_in_the_audit_log(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/export status closed format csv")

    async with desk.repo() as repo:
        entry = await repo.session.scalar(select(AuditEntry).where(AuditEntry.action == "export"))
        admin = await repo.users.by_platform_id("telegram", ADMIN.id)
    assert entry is not None and admin is not None
    assert entry.user_id == admin.id
    assert entry.detail == "format=csv status=closed rows=2"


# --- /find ----------------------------------------------------------------------------------


async def test_find_by_tracking_code_in_persian_digits(desk: Desk, sara: Person) -> None:
    known = await seed(desk, sara)
    code = format_code(known.cases[3].code, "fa")

    await desk.say(ADMIN, f"/find {code}")

    found = shown(desk.last_text(ADMIN))
    assert "۱ پرونده پیدا شد" in found and "بازار طلایی" in found


async def test_find_by_phone_in_any_spelling(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/find ۰۹۱۲ ۳۴۵ ۶۷۸۹")

    found = shown(desk.last_text(ADMIN))
    assert "۱ پرونده پیدا شد" in found and "آموزشگاه آنلاین ستاره" in found


async def test_a_clerk_finds_by_business_name_typed_with_arabic_letters(
    desk: Desk, sara: Person
) -> None:
    await seed(desk, sara)

    await say_in_group(desk, clerk(), "/find ديجي كالا")

    found = shown(desk.api[Platform.TELEGRAM].last(chat_id=-1001000).text)
    assert "فروشگاه دیجی‌کالا" in found and "مختومه" in found
    assert "۱ پرونده پیدا شد" in found


async def test_find_by_words_of_the_description(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/find عضویت محصولی")

    found = shown(desk.last_text(ADMIN))
    assert "۱ پرونده پیدا شد" in found and "بازار طلایی" in found


async def test_find_without_a_match_says_so(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    await desk.say(ADMIN, "/find هواپیمایی")

    assert "پرونده‌ای پیدا نشد" in desk.last_text(ADMIN)


async def test_find_lists_at_most_twenty(desk: Desk, sara: Person) -> None:
    async with desk.repo() as repo:
        citizen = await person_in_db(repo, sara)
        for number in range(25):
            insert_case(repo, 100 + number, citizen, business_name=f"فروشگاه شماره {number}")
        await repo.commit()

    await desk.say(ADMIN, "/find فروشگاه")

    found = shown(desk.last_text(ADMIN))
    assert "۲۰ پرونده پیدا شد" in found
    assert found.count("• ") == 20
    assert "نتیجه‌های بیشتری هم هست" in found


async def test_a_search_is_kept_in_the_audit_log(desk: Desk, sara: Person) -> None:
    await seed(desk, sara)

    await say_in_group(desk, clerk(), "/find 09123456789")

    async with desk.repo() as repo:
        entry = await repo.session.scalar(select(AuditEntry).where(AuditEntry.action == "find"))
        ali = await repo.users.by_platform_id("telegram", clerk().id)
    assert entry is not None and ali is not None
    # The number searched for is kept as its keyed digest only: no one reads it back.
    assert (entry.user_id, entry.detail) == (ali.id, keyed("phone", "+989123456789"))


# --- /sla -----------------------------------------------------------------------------------


async def test_sla_shows_the_deadlines_of_complaints(desk: Desk) -> None:
    await desk.say(ADMIN, "/sla")

    text = shown(desk.last_text(ADMIN))
    assert "مهلت‌های صف شکایات" in text
    assert "رسیدگی کمیسیون (روز): ۵ (نام: <code>کمیسیون</code>)" in text  # the name to type
    assert "مهلت کل ماده ۷۲ (روز): ۱۰" in text


async def test_sla_change_is_stored_audited_and_shown(desk: Desk) -> None:
    await desk.say(ADMIN, "/sla complaints commission_days=۷")

    text = shown(desk.last_text(ADMIN))
    assert "مهلت‌های صف شکایات تغییر کرد" in text
    assert "رسیدگی کمیسیون (روز): <b>۷</b>" in text and "رقم قانون: ۵" in text
    async with desk.repo() as repo:
        admin = await repo.users.by_platform_id("telegram", 111)
        policy = await repo.session.get(QueuePolicy, "complaints")
        assert admin is not None and policy is not None
        assert policy.values == {"commission_days": 7}
        assert policy.updated_by == admin.id
        audit = await repo.session.scalar(
            select(AuditEntry).where(AuditEntry.action == "sla_changed")
        )
        assert audit is not None and audit.user_id == admin.id
        assert audit.platform == "telegram" and audit.detail == "complaints: commission_days 5→7"


async def test_sla_change_moves_the_deadlines_of_open_cases(desk: Desk, sara: Person) -> None:
    await file_complaint(desk, sara)  # Sunday 1 Azar 1405 10:00: referral due Tuesday 16:00

    await desk.say(ADMIN, "/sla complaints referral_working_days=3")

    assert "مهلت ۱ پرونده باز دوباره محاسبه شد" in shown(desk.last_text(ADMIN))
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
        assert case is not None
        assert case.step_due_at == datetime(2026, 11, 25, 16, 0, tzinfo=TEHRAN)  # Wednesday


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("commission_days=0", "باید عدد صحیح مثبت باشد"),
        ("commission_days=هفت", "باید عدد صحیح مثبت باشد"),
        ("commission_days=400", "بیش از حد مجاز"),
        ("weekend_days=2", "تنظیم «weekend_days» شناخته نشد"),
    ],
)
async def test_a_bad_sla_setting_is_refused_and_changes_nothing(
    desk: Desk, setting: str, said: str
) -> None:
    await desk.say(ADMIN, f"/sla complaints {setting}")

    assert said in shown(desk.last_text(ADMIN))
    async with desk.repo() as repo:
        assert await repo.session.get(QueuePolicy, "complaints") is None
        changes = select(AuditEntry).where(AuditEntry.action == "sla_changed")
        assert list(await repo.session.scalars(changes)) == []


async def test_sla_of_an_unknown_queue_is_refused(desk: Desk) -> None:
    await desk.say(ADMIN, "/sla parking")

    assert "صف «parking» شناخته نشد" in shown(desk.last_text(ADMIN))


# --- citizens ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    ["/stats", "/export format csv", "/sla complaints commission_days=7", "/find دیجی"],
)
async def test_a_citizen_is_denied_reports(desk: Desk, sara: Person, command: str) -> None:
    await seed(desk, sara)

    await desk.say(sara, command)

    answer = desk.last_text(sara)
    assert any(
        refusal in answer
        for refusal in ("این دستور را نمی‌شناسم", "فقط برای مدیران", "فقط برای کارشناسان")
    ), answer
    assert "دیجی‌کالا" not in answer and "۵" not in answer
    assert sent_to(desk, sara, "sendPhoto") == []
    assert sent_to(desk, sara, "sendDocument") == []
    async with desk.repo() as repo:
        assert await repo.session.get(QueuePolicy, "complaints") is None
