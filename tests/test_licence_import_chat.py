"""An admin imports the licence registry by sending the file to the bot; no one else can."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from sqlalchemy import func, select

from models.repos.licences import LicenceRow
from models.tables import Licence
from services.normalize import parse_website_or_app
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.registry import SAMPLED, a_licence

ADMIN = Person(Platform.TELEGRAM, 111, "Mina", "Admin")
HEADER = [
    "number",
    "holder_type",
    "holder_name",
    "holder_phone",
    "business_name",
    "websites",
    "category",
    "isic",
    "province",
    "issued_on",
    "expires_on",
    "status",
]


def as_written(site: str) -> str:
    """A stored site as a registry file writes it: a link, or an app's package id."""
    platform, _, handle = site.partition(":")
    if platform == "instagram":
        return f"https://instagram.com/{handle}"
    return handle if platform == "app" else site


def cells(row: LicenceRow) -> list[str]:
    return [
        row.number,
        row.holder_type,
        row.holder_name,
        row.holder_phone or "",
        row.business_name,
        "; ".join(as_written(site) for site in row.sites),
        row.category,
        row.isic,
        row.province,
        row.issued_on.isoformat(),
        row.expires_on.isoformat(),
        row.status,
    ]


# Sampled licences whose sites a file can write (a handle with "-" is no Instagram handle).
WRITABLE = [
    row
    for row in SAMPLED
    if all(parse_website_or_app(as_written(site)) == site for site in row.sites)
]


def csv_file(rows: Sequence[Sequence[str]], header: Sequence[str] = HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


async def send_file(
    desk: Desk, person: Person, name: str, content: bytes, size: int | None = None
) -> None:
    file_id = f"file-{name}"
    desk.api[person.platform].files[file_id] = content
    await desk.document(person, file_id, name, size=size or len(content))


async def licence_count(desk: Desk) -> int:
    async with desk.repo() as repo:
        return int(await repo.session.scalar(select(func.count(Licence.id))) or 0)


async def test_an_admin_imports_a_good_file_and_watches_its_progress(desk: Desk) -> None:
    rows = [cells(row) for row in WRITABLE[:2000]]

    await send_file(desk, ADMIN, "registry.csv", csv_file(rows))

    api = desk.api[Platform.TELEGRAM]
    started = api.sent(chat_id=ADMIN.id)[0]
    assert "درون‌ریزی پروانه‌ها آغاز می‌شود" in started.text
    edits = api.sent("editMessageText", chat_id=ADMIN.id)
    assert len(edits) >= 2  # one per batch of 500, at least 10 % apart
    assert {edit.params["message_id"] for edit in edits} == {"1000"}  # the message above
    assert "۱۰۰٪" in edits[-1].text and "۲٬۰۰۰ از ۲٬۰۰۰ ردیف" in edits[-1].text
    assert "۲۵٪" in edits[0].text
    report = desk.last_text(ADMIN)
    assert "درون‌ریزی پروانه‌ها پایان یافت" in report
    assert "پروانه‌های تازه: ۲٬۰۰۰" in report
    assert "ردیف‌های ردشده: ۰" in report
    assert api.sent("sendDocument") == []
    assert await licence_count(desk) == 2000
    async with desk.repo() as repo:
        licence = await repo.licences.by_number(WRITABLE[1234].number)
        assert licence is not None
        assert licence.business_name == WRITABLE[1234].business_name
        assert licence.hosts == list(WRITABLE[1234].sites)


async def test_importing_again_updates_instead_of_adding(desk: Desk) -> None:
    rows = [cells(row) for row in WRITABLE[:50]]
    await send_file(desk, ADMIN, "first.csv", csv_file(rows))
    rows[0][4] = "نام تازه"

    await send_file(desk, ADMIN, "second.csv", csv_file(rows))

    assert "پروانه‌های به‌روزشده: ۵۰" in desk.last_text(ADMIN)
    assert await licence_count(desk) == 50
    async with desk.repo() as repo:
        licence = await repo.licences.by_number(WRITABLE[0].number)
        assert licence is not None and licence.business_name == "نام تازه"


async def test_an_xlsx_file_with_persian_headers_imports(desk: Desk) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    who = ["شماره پروانه", "نوع شخص", "نام دارنده", "نام کسب‌وکار", "وب‌سایت‌ها", "رسته"]
    what = ["کد آیسیک", "استان", "تاریخ صدور", "تاریخ انقضا", "وضعیت"]
    sheet.append([*who, *what])
    sheet.append(
        [
            *("۱۴۰۳/۰۰۰۴۲", "حقوقی", "شرکت آوا", "آوا شاپ", "avashop.ir", "فروشگاه اینترنتی"),
            *(521124, "تهران", "۱۴۰۳/۰۲/۱۰", "۱۴۰۶/۰۲/۰۹", "معتبر"),  # a number, as Excel keeps it
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)

    await send_file(desk, ADMIN, "registry.xlsx", buffer.getvalue())

    assert "پروانه‌های تازه: ۱" in desk.last_text(ADMIN)
    async with desk.repo() as repo:
        licence = await repo.licences.by_number("1403/00042")
        assert licence is not None and licence.isic == "521124"


async def test_a_broken_file_is_reported_row_by_row_with_the_full_list_attached(
    desk: Desk,
) -> None:
    good = [cells(row) for row in WRITABLE[:40]]
    bad: list[list[str]] = []
    for index in range(25):
        row = cells(a_licence(f"1404/9{index:04d}"))
        row[7] = "52A1"  # the ISIC code
        bad.append(row)
    bad[3][8] = "آتلانتیس"  # the province too: the first problem of the row is reported
    bad[3][7] = "521128"
    duplicate = list(good[0])

    await send_file(desk, ADMIN, "registry.csv", csv_file([*good, *bad, duplicate]))

    api = desk.api[Platform.TELEGRAM]
    report = api.sent("sendMessage", chat_id=ADMIN.id)[-1].text
    assert "ردیف‌های خوانده‌شده: ۶۶" in report
    assert "پروانه‌های تازه: ۴۰" in report
    assert "ردیف‌های ردشده: ۲۶" in report
    # Row 2 (the first data row) was written again by the last row: the later one wins.
    assert "ردیف ۲، ستون «number»: شماره پروانه " in report
    assert "دوباره در ردیف ۶۷ آمده است" in report
    assert "ردیف ۴۲، ستون «isic»: کد آیسیک «52A1» باید شش رقم باشد." in report
    assert "ردیف ۴۵، ستون «province»: استان «آتلانتیس» شناخته نشد." in report
    assert report.count("• ردیف") == 20
    assert "و ۶ ردیف ردشده دیگر" in report

    attached = api.sent("sendDocument", chat_id=ADMIN.id)
    assert len(attached) == 1
    assert "۲۶ ردیف" in attached[0].text
    (content,) = attached[0].files.values()
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert lines[0] == ["ردیف", "ستون", "دلیل"]
    assert len(lines) == 27
    assert lines[-1][:2] == ["66", "isic"]
    assert await licence_count(desk) == 40


async def test_a_file_without_the_required_columns_writes_nothing(desk: Desk) -> None:
    content = csv_file([["140300001", "آوا"]], header=["number", "business_name"])

    await send_file(desk, ADMIN, "registry.csv", content)

    report = desk.last_text(ADMIN)
    assert "فایل درون‌ریزی نشد و چیزی ثبت نشد" in report
    assert "ستون‌های لازم در سطر عنوان پیدا نشدند" in report
    assert "نوع شخص" in report and "تاریخ انقضا" in report  # named as a Persian file heads them
    assert await licence_count(desk) == 0


async def test_a_citizen_cannot_import(desk: Desk, sara: Person) -> None:
    await send_file(desk, sara, "registry.csv", csv_file([cells(WRITABLE[0])]))

    assert "منظورتان را متوجه نشدم" in desk.last_text(sara)
    assert desk.api[Platform.TELEGRAM].sent("getFile") == []
    assert await licence_count(desk) == 0


async def test_a_file_over_twenty_megabytes_is_refused_politely(desk: Desk) -> None:
    await send_file(desk, ADMIN, "registry.csv", b"number\n", size=25 * 1024 * 1024)

    assert "بیش از ۲۰ مگابایت" in desk.last_text(ADMIN)
    assert desk.api[Platform.TELEGRAM].sent("getFile") == []


async def test_an_admin_filing_a_complaint_attaches_a_spreadsheet_instead(desk: Desk) -> None:
    await desk.say(ADMIN, "📝 ثبت شکایت")
    for answer in ("فروشگاه نمونه", "shop.ir"):
        await desk.say(ADMIN, answer)
    await desk.press_button(ADMIN, "رد شدن")
    await desk.press_button(ADMIN, "تهران")
    await desk.press_button(ADMIN, "خرید کالا یا خدمت")
    await desk.say(ADMIN, "کالای سفارش داده شده پس از دو هفته هنوز ارسال نشده است.")
    await desk.press_button(ADMIN, "سفارشی در کار نیست")

    await send_file(desk, ADMIN, "invoice.xlsx", b"PK\x03\x04")

    assert "فایل ۱ از ۵ دریافت شد" in desk.last_text(ADMIN)
    assert desk.api[Platform.TELEGRAM].sent("getFile") == []
    assert await licence_count(desk) == 0
