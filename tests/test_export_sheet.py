"""/export as a new admin reads it: a spreadsheet with a styled frozen header, a filter, set
widths, right to left, real dates beside the Jalali text, every column a case has; the caption
says the format, the filter and the count; a long export tells its progress and is split into
parts that fit the platform's upload limit. On Telegram and Bale alike."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from models.tables import CaseEvent, Rating
from services.calendar import TEHRAN
from services.formatting import format_code
from services.platforms import Platform
from services.reports import export as case_export
from tests.desk import Desk, Person
from tests.registry import a_licence
from tests.test_reports import (
    ADMIN,
    BOM,
    csv_rows,
    insert_case,
    jalali,
    person_in_db,
    seed,
    sent_to,
    shown,
    uploaded,
)

BALE_ADMIN = Person(Platform.BALE, 222, "Hamid", "Admin")
ADMINS = {Platform.TELEGRAM: ADMIN, Platform.BALE: BALE_ADMIN}

HEADINGS = [
    "کد رهگیری",
    "وضعیت",
    "موضوع",
    "کسب‌وکار",
    "وب‌سایت یا اپلیکیشن",
    "شماره پروانه",
    "عضو اتحادیه",
    "استان",
    "نام شاکی",
    "شماره همراه شاکی",
    "شرح شکایت",
    "منبع شکایت",
    "شماره سفارش",
    "تاریخ سفارش",
    "تاریخ سفارش (میلادی)",
    "مبلغ (ریال)",
    "تاریخ دریافت",
    "تاریخ دریافت (میلادی)",
    "کارشناس",
    "مهلت مرحله",
    "مهلت مرحله (میلادی)",
    "مهلت ماده ۷۲",
    "مهلت ماده ۷۲ (میلادی)",
    "گذشته از مهلت",
    "نظر کمیسیون",
    "تاریخ تصمیم",
    "تاریخ تصمیم (میلادی)",
    "دلیل تصمیم",
    "دلیل مختومه شدن",
    "امتیاز رضایت",
    "توضیح شاکی درباره رسیدگی",
]
DECIDED = jalali(1405, 8, 20, 12)
RECEIVED = jalali(1405, 8, 10, 9)


async def seed_full_case(desk: Desk, sara: Person) -> str:
    """A closed complaint against a licensed business, with every field a case can hold,
    and an open one past its step deadline."""
    async with desk.repo() as repo:
        await repo.licences.upsert_many([a_licence("1400/24680", sites=("mehrshop.ir",))])
        citizen = await person_in_db(repo, sara)
        clerk = await person_in_db(repo, Person(Platform.TELEGRAM, 7001, "Ali", "Moradi"))
        closed = insert_case(
            repo,
            41,
            citizen,
            status="closed",
            business_name="فروشگاه مهر",
            business_url="mehrshop.ir",
            licence_number="1400-24680",
            province="فارس",
            contact_name="سارا احمدی",
            contact_phone="+989121234567",
            description="کفش سفارش دادم و پس از یک ماه نرسید.",
            order_number="A-77",
            order_date=date(2026, 10, 25),
            order_amount=35_000_000,
            received_at=RECEIVED,
            assignee_id=clerk.id,
            first_response_at=RECEIVED + timedelta(hours=3),
            opinion="no_violation",
            opinion_at=DECIDED - timedelta(days=2),
            decided_at=DECIDED,
        )
        late = insert_case(
            repo,
            42,
            citizen,
            business_name="@mehrshop",
            business_url="instagram:unknown_shop",
            received_at=jalali(1405, 8, 25, 9),
            step_due_at=jalali(1405, 8, 27, 16),
            overall_due_at=jalali(1405, 9, 5, 16),
        )
        await repo.session.flush()
        repo.cases.add_event(
            CaseEvent(
                case_id=closed.id,
                at=DECIDED,
                actor_id=clerk.id,
                actor_role="clerk",
                platform="telegram",
                action="close",
                from_status="referred_commission",
                to_status="closed",
                note="فروشنده وجه را بازگرداند.",
            )
        )
        await repo.ratings.add(
            Rating(
                case_id=closed.id,
                user_id=citizen.id,
                score=4,
                comment="سریع پیگیری شد.",
                at=DECIDED,
            )
        )
        await repo.commit()
        return late.code


def sheet_of(desk: Desk, admin: Person) -> Worksheet:
    [document] = sent_to(desk, admin, "sendDocument")
    book = load_workbook(io.BytesIO(uploaded(document)))
    sheet = book.worksheets[0]
    assert isinstance(sheet, Worksheet)
    return sheet


def rows_by_heading(sheet: Worksheet) -> list[dict[str, Any]]:
    header = [cell.value for cell in sheet[1]]
    return [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]


async def test_the_sheet_has_a_styled_frozen_filtered_right_to_left_header(
    desk: Desk, sara: Person
) -> None:
    await seed_full_case(desk, sara)

    await desk.say(ADMIN, "/export")

    sheet = sheet_of(desk, ADMIN)
    header = sheet[1]
    assert [cell.value for cell in header] == HEADINGS
    assert all(cell.font.bold for cell in header)
    assert all(cell.fill.fgColor.rgb.endswith("1F4E78") for cell in header)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:AE{sheet.max_row}"
    assert sheet.max_row == 3
    assert sheet.sheet_view.rightToLeft is True
    widths = {letter: sheet.column_dimensions[letter].width for letter in ("A", "K", "AE")}
    assert widths == {"A": 14, "K": 60, "AE": 40}


async def test_every_column_of_a_case_is_exported_with_real_dates(
    desk: Desk, sara: Person
) -> None:
    await seed_full_case(desk, sara)

    await desk.say(ADMIN, "/export")

    sheet = sheet_of(desk, ADMIN)
    closed, late = rows_by_heading(sheet)
    assert closed == {
        "کد رهگیری": closed["کد رهگیری"],
        "وضعیت": "مختومه",
        "موضوع": "تخلفات و جرایم فصل هشتم قانون نظام صنفی",
        "کسب‌وکار": "فروشگاه مهر",
        "وب‌سایت یا اپلیکیشن": "mehrshop.ir",
        "شماره پروانه": "1400-24680",
        "عضو اتحادیه": "بله",
        "استان": "فارس",
        "نام شاکی": "سارا احمدی",
        "شماره همراه شاکی": "09121234567",
        "شرح شکایت": "کفش سفارش دادم و پس از یک ماه نرسید.",
        "منبع شکایت": "ثبت‌شده در گفت‌وگو با ربات",
        "شماره سفارش": "A-77",
        "تاریخ سفارش": "1405/08/03",
        "تاریخ سفارش (میلادی)": datetime(2026, 10, 25),
        "مبلغ (ریال)": 35_000_000,
        "تاریخ دریافت": "1405/08/10 09:00",
        "تاریخ دریافت (میلادی)": datetime(2026, 11, 1, 9, 0),
        "کارشناس": "Ali Moradi",
        "مهلت مرحله": None,
        "مهلت مرحله (میلادی)": None,
        "مهلت ماده ۷۲": None,
        "مهلت ماده ۷۲ (میلادی)": None,
        "گذشته از مهلت": None,
        "نظر کمیسیون": "تخلفی احراز نشد",
        "تاریخ تصمیم": "1405/08/20 12:00",
        "تاریخ تصمیم (میلادی)": datetime(2026, 11, 11, 12, 0),
        "دلیل تصمیم": "فروشنده وجه را بازگرداند.",
        "دلیل مختومه شدن": None,
        "امتیاز رضایت": 4,
        "توضیح شاکی درباره رسیدگی": "سریع پیگیری شد.",
    }
    # The clock stands on 1 Azar 1405: the open case is past its step deadline of 27 Aban.
    assert late["گذشته از مهلت"] == "بله"
    assert late["عضو اتحادیه"] == "خیر"
    assert late["مهلت مرحله"] == "1405/08/27 16:00"
    assert late["مهلت ماده ۷۲ (میلادی)"] == datetime(2026, 11, 26, 16, 0)
    # Typed as it was: no protective apostrophe in a spreadsheet's text cell.
    assert late["کسب‌وکار"] == "@mehrshop"
    cells = {cell.column_letter: cell for cell in sheet[2]}
    assert cells["R"].is_date and cells["R"].number_format == "yyyy-mm-dd hh:mm"
    assert cells["O"].is_date and cells["O"].number_format == "yyyy-mm-dd"
    assert cells["P"].data_type == "n" and cells["P"].number_format == "#,##0"


@pytest.mark.parametrize("platform", list(Platform))
async def test_the_caption_says_the_format_the_filter_and_the_count(
    desk: Desk, sara: Person, platform: Platform
) -> None:
    await seed(desk, sara)
    admin = ADMINS[platform]

    await desk.say(admin, "/export")
    await desk.say(admin, "/export status closed format csv")

    plain, filtered = sent_to(desk, admin, "sendDocument")
    # Alone, /export also says how to choose a period, a status or CSV.
    caption, usage = shown(plain.text).split("\n", 1)
    assert caption == "📄 خروجی اکسل (XLSX) از ۵ پرونده — همه پرونده‌ها"
    assert usage.startswith("روش استفاده: /export") and "مثلاً" in usage
    assert uploaded(plain).startswith(b"PK")  # a zip: the XLSX container
    assert shown(filtered.text) == "📄 خروجی CSV از ۲ پرونده — وضعیت: مختومه"
    assert uploaded(filtered).startswith(BOM)
    if platform is Platform.BALE:
        assert "parse_mode" not in filtered.params


async def test_csv_keeps_its_byte_order_mark_and_its_formula_guard(
    desk: Desk, sara: Person
) -> None:
    await seed_full_case(desk, sara)

    await desk.say(ADMIN, "/export format csv")

    header, *rows = csv_rows(sent_to(desk, ADMIN, "sendDocument")[-1])
    assert header == HEADINGS
    closed, late = (dict(zip(header, row, strict=True)) for row in rows)
    assert late["کسب‌وکار"] == "'@mehrshop"  # a spreadsheet would read @ as a formula
    assert closed["تاریخ دریافت (میلادی)"] == "2026-11-01T09:00:00+03:30"
    assert closed["مبلغ (ریال)"] == "35000000"


@pytest.mark.parametrize("platform", list(Platform))
async def test_a_long_export_edits_one_message_with_its_progress(
    desk: Desk, sara: Person, platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed(desk, sara)
    monkeypatch.setattr(case_export, "PROGRESS_FROM", 3)
    monkeypatch.setattr(case_export, "PROGRESS_EVERY", 0.0)
    monkeypatch.setattr(case_export, "EXPORT_BATCH", 2)
    admin = ADMINS[platform]

    await desk.say(admin, "/export")

    api = desk.api[platform]
    [started] = [r for r in api.sent("sendMessage", chat_id=admin.id) if "⏳" in r.text]
    assert shown(started.text) == "⏳ در حال آماده‌سازی خروجی اکسل (XLSX): ۰ از ۵ پرونده…"
    edits = [shown(r.text) for r in api.requests if r.method == "editMessageText"]
    assert edits[:3] == [
        "⏳ در حال آماده‌سازی خروجی اکسل (XLSX): ۲ از ۵ پرونده…",
        "⏳ در حال آماده‌سازی خروجی اکسل (XLSX): ۴ از ۵ پرونده…",
        "⏳ در حال آماده‌سازی خروجی اکسل (XLSX): ۵ از ۵ پرونده…",
    ]
    assert edits[-1] == "✅ خروجی اکسل (XLSX) از ۵ پرونده آماده شد؛ در حال ارسال…"
    assert len(sent_to(desk, admin, "sendDocument")) == 1


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
async def test_an_export_past_the_upload_limit_comes_in_parts(
    desk: Desk, sara: Person, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = await seed(desk, sara)
    # Parts as small as two rows stand for parts of 45 MB.
    monkeypatch.setattr(case_export, "XLSX_PART_BYTES", 1500)
    monkeypatch.setattr(case_export, "CSV_PART_BYTES", 1500)

    await desk.say(ADMIN, f"/export format {kind}")

    documents = sent_to(desk, ADMIN, "sendDocument")
    assert len(documents) > 1
    codes: list[str] = []
    for number, document in enumerate(documents, start=1):
        if kind == "csv":
            header, *rows = csv_rows(document)
        else:
            sheet = load_workbook(io.BytesIO(uploaded(document))).worksheets[0]
            header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert header[0] == "کد رهگیری"  # every part stands alone
        codes.extend(str(row[0]) for row in rows)
        assert f"بخش {'۱۲۳۴۵'[number - 1]} از " in shown(document.text)
    in_order = sorted(known.cases, key=lambda case: case.received_at)
    assert codes == [format_code(case.code, "en") for case in in_order]
    assert "ردیف‌های ۱ تا " in shown(documents[0].text)
    assert "تا ۵ از ۵ پرونده" in shown(documents[-1].text)


async def test_dates_in_the_sheet_are_tehran_wall_time(desk: Desk, sara: Person) -> None:
    async with desk.repo() as repo:
        citizen = await person_in_db(repo, sara)
        # 23:30 in Tehran is 20:00 UTC the same day: the sheet shows what Tehran saw.
        insert_case(repo, 9, citizen, received_at=datetime(2026, 11, 20, 23, 30, tzinfo=TEHRAN))
        await repo.commit()

    await desk.say(ADMIN, "/export")

    [row] = rows_by_heading(sheet_of(desk, ADMIN))
    assert row["تاریخ دریافت"] == "1405/08/29 23:30"
    assert row["تاریخ دریافت (میلادی)"] == datetime(2026, 11, 20, 23, 30)


async def test_a_name_erased_by_forget_is_said_so_in_its_cell(desk: Desk, sara: Person) -> None:
    await seed_full_case(desk, sara)
    async with desk.repo() as repo:
        citizen = await person_in_db(repo, sara)
        await repo.cases.forget_contact(citizen.id)
        await repo.commit()

    await desk.say(ADMIN, "/export")

    closed, late = rows_by_heading(sheet_of(desk, ADMIN))
    assert closed["نام شاکی"] == late["نام شاکی"] == "پاک‌شده به درخواست شاکی"
    assert closed["شماره همراه شاکی"] is None
