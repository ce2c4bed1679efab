"""The union's spreadsheets of certificate requests brought to the desk: by an admin sending the
file to the bot on Telegram or Bale, or with `python -m bot import-certificates FILE`; the
applicants then follow their requests with `/track` like any other."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.certificates import parse_missing
from models.repos import Repo
from models.tables import CertificateEvent, CertificateRequest, OutboxMessage
from services import certificates as service
from services.calendar import TEHRAN, tehran_today
from services.certificate_import import import_certificates, is_certificate_file
from services.clock import ManualClock
from services.platforms import Platform
from services.settings import Settings
from services.sheet_import import ImportReport
from tests.desk import Desk, Person
from tests.test_cli import run_bot
from tests.test_demo_and_cli import database as database  # the migrated SQLite file

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "certificates.csv"
ADMINS = {
    Platform.TELEGRAM: Person(Platform.TELEGRAM, 111, "Mina", "Admin"),
    Platform.BALE: Person(Platform.BALE, 222, "Mina", "Admin"),
}
HEADER = [
    "code",
    "applicant_name",
    "applicant_phone",
    "product_name",
    "status",
    "submitted_on",
    "fee_rials",
    "public_link",
    "rejection_reason",
    "missing_documents",
    "documents_due",
]
PHONE = "+989121112233"


def a_row(**values: str) -> list[str]:
    """A request as the union's sheet writes it; submitted, unless told otherwise."""
    row = {
        "code": "",
        "applicant_name": "شرکت نمونه",
        "applicant_phone": "۰۹۱۲۱۱۱۲۲۳۳",
        "product_name": "سامانه حسابداری ابری",
        "status": "ثبت شده",
        "submitted_on": "۱۴۰۵/۰۸/۲۰",
        "fee_rials": "",
        "public_link": "",
        "rejection_reason": "",
        "missing_documents": "",
        "documents_due": "",
    } | values
    return [row[name] for name in HEADER]


def csv_file(
    rows: Sequence[Sequence[str]],
    header: Sequence[str] = HEADER,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    written = buffer.getvalue()
    if encoding == "cp1256":
        # The Arabic code page has no Persian yeh: Windows writes the Arabic one.
        written = written.replace("ی", "\u064a")
    return written.encode(encoding)


async def run_import(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    clock: ManualClock,
    content: bytes,
    filename: str = "requests.csv",
) -> ImportReport:
    async with sessionmaker() as session:
        return await import_certificates(
            Repo(session),
            content,
            filename=filename,
            now=clock.now(),
            today=tehran_today(clock.now()),
            config=settings.config,
            commit=session.commit,
        )


async def all_requests(sessionmaker: async_sessionmaker[AsyncSession]) -> list[CertificateRequest]:
    async with sessionmaker() as session:
        return list(
            await session.scalars(select(CertificateRequest).order_by(CertificateRequest.id))
        )


async def events(sessionmaker: async_sessionmaker[AsyncSession]) -> list[CertificateEvent]:
    async with sessionmaker() as session:
        return list(await session.scalars(select(CertificateEvent).order_by(CertificateEvent.id)))


async def registered_by_command(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    phone: str,
    product: str,
    now: datetime,
) -> CertificateRequest:
    """A request as `/cert new` registers it at ``now``."""
    async with sessionmaker() as session:
        made = await service.create(
            Repo(session),
            applicant_name="شرکت نمونه",
            phone_text=phone,
            product_name=product,
            by=None,
            role="clerk",
            now=now,
            config=settings.config,
        )
    assert not isinstance(made, service.Refusal)
    return made


# --- the file -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ","), ("utf-16", "\t"), ("cp1256", ";")],
)
async def test_a_csv_file_imports_in_each_encoding_excel_writes(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    clock: ManualClock,
    encoding: str,
    delimiter: str,
) -> None:
    # Windows-1256 has no Persian digits: Excel writes Latin ones there.
    rows = [
        a_row(applicant_phone="09121112233", submitted_on="1405/08/20"),
        a_row(
            submitted_on="1405/08/20",
            applicant_phone="09351234567",
            product_name="اپلیکیشن نوبت‌دهی",
            status="rejected",
            rejection_reason="مدارک مالکیت ارائه نشد",
        ),
    ]
    content = csv_file(rows, encoding=encoding, delimiter=delimiter)

    report = await run_import(sessionmaker, settings, clock, content)

    assert (report.read, report.inserted, report.rejected) == (2, 2, 0), report
    stored = await all_requests(sessionmaker)
    assert [request.product_name for request in stored] == [
        "سامانه حسابداری ابری",
        "اپلیکیشن نوبت‌دهی",
    ]
    assert stored[0].applicant_phone == PHONE
    assert stored[1].rejection_reason == "مدارک مالکیت ارائه نشد"
    assert [code for _, code in report.assigned] == [
        f"{request.code[:5]}-{request.code[5:]}" for request in stored
    ]


async def test_an_xlsx_file_with_persian_headers_imports(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(
        ["نام متقاضی", "موبایل متقاضی", "نام محصول", "وضعیت", "تاریخ ثبت", "هزینه (ریال)"]
    )
    # Excel keeps a date as a date and a fee as a number.
    sheet.append(
        [
            "علی رضایی",
            "9121112233",
            "سامانه آموزش مجازی",
            "در انتظار پرداخت هزینه",
            datetime(2026, 11, 10),
            120000,
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)

    report = await run_import(sessionmaker, settings, clock, buffer.getvalue(), "requests.xlsx")

    assert (report.inserted, report.rejected) == (1, 0), report
    (request,) = await all_requests(sessionmaker)
    assert request.status == "awaiting_fee"
    assert request.fee_rials == 120_000
    assert request.submitted_at == datetime(2026, 11, 10, tzinfo=TEHRAN)


async def test_the_report_gives_row_column_and_reason_of_each_rejection(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    rows = [
        a_row(),  # row 2
        a_row(applicant_phone="۰۹۱۲۳۴"),  # row 3
        a_row(product_name="دیگر", submitted_on="۱۴۰۶/۰۱/۰۱"),  # row 4: in the future
        a_row(product_name="سوم", status="در دست اقدام"),  # row 5
        a_row(product_name="چهارم", status="issued"),  # row 6: no link
        a_row(
            product_name="پنجم",
            status="نقص مدارک",
            missing_documents="گواهی ثبت",
            documents_due="۱۴۰۵/۰۸/۲۸",
        ),  # row 7: already past
        a_row(product_name="ششم", fee_rials="صد هزار"),  # row 8
        a_row(code="12345-67890", product_name="هفتم"),  # row 9: no such code shape
        a_row(applicant_name="شرکت نمونه (نام درست)"),  # row 10: row 2 again, later wins
    ]

    report = await run_import(sessionmaker, settings, clock, csv_file(rows))

    assert (report.read, report.inserted, report.rejected) == (9, 1, 8)
    assert [(r.row, r.column, r.key) for r in report.rejections] == [
        (2, "applicant_phone", "cert-import-duplicate-request"),
        (3, "applicant_phone", "cert-import-bad-phone"),
        (4, "submitted_on", "cert-import-submitted-in-future"),
        (5, "status", "cert-import-bad-status"),
        (6, "public_link", "cert-import-needs-link"),
        (7, "documents_due", "cert-import-documents-due-past"),
        (8, "fee_rials", "cert-import-bad-fee"),
        (9, "code", "cert-import-bad-code"),
    ]
    (request,) = await all_requests(sessionmaker)
    assert request.applicant_name == "شرکت نمونه (نام درست)"


async def test_a_file_without_the_required_columns_writes_nothing(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    content = csv_file([["شرکت نمونه", "09121112233"]], header=["نام متقاضی", "موبایل متقاضی"])

    report = await run_import(sessionmaker, settings, clock, content)

    assert report.error is not None and report.error.key == "cert-import-missing-columns"
    assert report.error.args["columns"] == "product_name, status, submitted_on"
    assert await all_requests(sessionmaker) == []


def test_a_certificate_file_is_told_apart_from_a_licence_file_by_its_header() -> None:
    assert is_certificate_file(EXAMPLE.read_bytes(), EXAMPLE.name)
    licences = EXAMPLE.parent / "licences.csv"
    assert not is_certificate_file(licences.read_bytes(), licences.name)


# --- idempotence and updates ----------------------------------------------------------------


async def test_importing_the_same_file_again_changes_nothing(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    content = EXAMPLE.read_bytes()
    first = await run_import(sessionmaker, settings, clock, content, EXAMPLE.name)
    before = [(r.id, r.code, r.updated_at, r.due_at) for r in await all_requests(sessionmaker)]
    history = len(await events(sessionmaker))
    clock.advance(timedelta(hours=2))

    again = await run_import(sessionmaker, settings, clock, content, EXAMPLE.name)

    assert (first.read, first.inserted, first.rejected) == (40, 32, 8)
    assert (again.inserted, again.updated, again.unchanged, again.rejected) == (0, 0, 32, 8)
    assert again.assigned == ()
    after = [(r.id, r.code, r.updated_at, r.due_at) for r in await all_requests(sessionmaker)]
    assert after == before
    assert len(await events(sessionmaker)) == history == 32


async def test_a_row_with_its_code_moves_the_request_as_staff_would(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    made = await registered_by_command(
        sessionmaker,
        settings,
        "09121112233",
        "سامانه حسابداری ابری",
        clock.now() - timedelta(days=3),
    )
    code = f"{made.code[:5]}-{made.code[5:]}"
    rows = [a_row(code=code, status="در حال بررسی", submitted_on="۱۴۰۵/۰۸/۲۸")]

    report = await run_import(sessionmaker, settings, clock, csv_file(rows))

    assert (report.inserted, report.updated) == (0, 1), report
    (request,) = await all_requests(sessionmaker)
    assert request.status == "under_review"
    imported = (await events(sessionmaker))[-1]
    assert (imported.action, imported.from_status, imported.to_status) == (
        "imported",
        "submitted",
        "under_review",
    )
    assert imported.note == "requests.csv"

    final = [
        a_row(
            code=code,
            status="صادر شده",
            submitted_on="۱۴۰۵/۰۸/۲۸",
            public_link="https://itsaaz.ir/cert/1",
        )
    ]
    await run_import(sessionmaker, settings, clock, csv_file(final))
    back = [a_row(code=code, status="در حال بررسی", submitted_on="۱۴۰۵/۰۸/۲۸")]
    refused = await run_import(sessionmaker, settings, clock, csv_file(back))
    assert [(r.row, r.column, r.key) for r in refused.rejections] == [
        (2, "status", "cert-import-illegal-move")
    ]


async def test_an_unknown_code_is_rejected_rather_than_made_up(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    report = await run_import(sessionmaker, settings, clock, csv_file([a_row(code="23456-78900")]))

    assert [(r.column, r.key, dict(r.args)) for r in report.rejections] == [
        ("code", "cert-import-unknown-code", {"value": "23456-78900"})
    ]
    assert await all_requests(sessionmaker) == []


# --- the service's due dates ----------------------------------------------------------------


async def test_due_dates_are_the_ones_the_service_computes(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    submitted = datetime(2026, 11, 11, tzinfo=TEHRAN)  # 1405/08/20
    by_command = await registered_by_command(
        sessionmaker, settings, "09350000000", "مرجع", submitted
    )
    due, missing = parse_missing("۱۴۰۵/۱۰/۱۵ گواهی ثبت شرکت؛ مستندات فنی")
    assert due is not None
    rows = [
        a_row(status="under review"),
        a_row(
            product_name="دوم",
            status="نقص مدارک",
            missing_documents="گواهی ثبت شرکت؛ مستندات فنی",
            documents_due="۱۴۰۵/۱۰/۱۵",
        ),
        a_row(product_name="سوم", status="issued", public_link="https://itsaaz.ir/cert/9"),
    ]

    report = await run_import(sessionmaker, settings, clock, csv_file(rows))

    assert report.inserted == 3, report
    _, running, waiting, issued = await all_requests(sessionmaker)
    assert running.submitted_at == by_command.submitted_at
    assert running.due_at == by_command.due_at
    assert running.next_alert_at == by_command.next_alert_at == by_command.due_at
    # While documents are missing the service time is paused; the reminder comes before.
    assert waiting.due_at is None
    assert (waiting.documents_due_at, tuple(waiting.missing_documents)) == (due, missing)
    assert waiting.documents_due_at == datetime.combine(
        datetime(2027, 1, 5).date(), time(23, 59), tzinfo=TEHRAN
    )
    assert waiting.next_alert_at == due - settings.config.documents_notice
    assert (issued.due_at, issued.next_alert_at) == (None, None)

    # The documents come complete: the time runs again from then, as when staff move it.
    clock.advance(timedelta(days=2))
    complete = [
        a_row(status="under review"),
        a_row(product_name="دوم", status="در حال بررسی"),
        a_row(product_name="سوم", status="issued", public_link="https://itsaaz.ir/cert/9"),
    ]
    await run_import(sessionmaker, settings, clock, csv_file(complete))
    async with sessionmaker() as session:
        repo = Repo(session)
        reference = await repo.certificates.by_id(by_command.id)
        assert reference is not None
        moved = await service.change_status(
            repo,
            reference,
            service.Change(
                service.CertStatus.DOCUMENTS_INCOMPLETE, missing=missing, documents_due=due
            ),
            by=None,
            role="clerk",
            now=clock.now() - timedelta(hours=1),
            config=settings.config,
        )
        assert not isinstance(moved, service.Refusal)
        moved = await service.change_status(
            repo,
            moved,
            service.Change(service.CertStatus.UNDER_REVIEW),
            by=None,
            role="clerk",
            now=clock.now(),
            config=settings.config,
        )
        assert not isinstance(moved, service.Refusal)
    _, _, resumed, _ = await all_requests(sessionmaker)
    assert resumed.due_at == moved.due_at is not None
    assert resumed.documents_due_at is None and resumed.missing_documents == []


async def test_the_applicants_mobile_is_stored_encrypted(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    await run_import(sessionmaker, settings, clock, csv_file([a_row()]))

    async with sessionmaker() as session:
        stored = await session.scalar(text("SELECT applicant_phone FROM certificate_requests"))
    assert stored is not None
    assert "9121112233" not in stored and "۹۱۲" not in stored
    (request,) = await all_requests(sessionmaker)
    assert request.applicant_phone == PHONE


# --- the chat -------------------------------------------------------------------------------


async def send_file(
    desk: Desk, person: Person, name: str, content: bytes, caption: str | None = None
) -> None:
    file_id = f"file-{name}"
    desk.api[person.platform].files[file_id] = content
    extra: dict[str, object] = {}
    if caption:
        command = caption.split()[0]
        extra = {
            "caption": caption,
            "caption_entities": [{"type": "bot_command", "offset": 0, "length": len(command)}],
        }
    document = {
        "file_id": file_id,
        "file_unique_id": f"u-{file_id}",
        "file_name": name,
        "mime_type": "text/csv",
        "file_size": len(content),
    }
    await desk.send(person, document=document, **extra)


async def request_count(desk: Desk) -> int:
    async with desk.repo() as repo:
        return int(await repo.session.scalar(select(func.count(CertificateRequest.id))) or 0)


@pytest.mark.parametrize("platform", [Platform.TELEGRAM, Platform.BALE])
async def test_an_admin_sends_the_file_and_reads_the_report(
    desk: Desk, platform: Platform
) -> None:
    admin = ADMINS[platform]

    await send_file(desk, admin, "certificates.csv", EXAMPLE.read_bytes(), "/cert import")

    api = desk.api[platform]
    started = api.sent("sendMessage", chat_id=admin.id)[0]
    assert "درون‌ریزی درخواست‌های تأییدیه فنی نرم‌افزار آغاز می‌شود" in started.text
    edits = api.sent("editMessageText", chat_id=admin.id)
    assert edits and "۱۰۰٪" in edits[-1].text and "۴۰ از ۴۰ ردیف" in edits[-1].text
    report = api.sent("sendMessage", chat_id=admin.id)[-1].text
    assert "درخواست‌های تازه: ۳۲" in report
    assert "ردیف‌های ردشده: ۸" in report
    assert "به متقاضیان پیامی فرستاده نشد" in report
    assert ("<b>" in report) is (platform is Platform.TELEGRAM)  # Bale reads no HTML
    assert "ردیف ۳۸، ستون «کد رهگیری»: درخواستی با کد رهگیری ۲۳۴۵۶-۷۸۹۰۰" in report
    (codes,) = api.sent("sendDocument", chat_id=admin.id)
    assert "۳۲ درخواست تازه" in codes.text
    (content,) = codes.files.values()
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert lines[0] == ["ردیف", "کد رهگیری"] and len(lines) == 33
    assert await request_count(desk) == 32
    async with desk.repo() as repo:
        imported = list(await repo.session.scalars(select(CertificateEvent)))
        assert {event.action for event in imported} == {"imported"}
        assert {(event.actor_role, event.platform) for event in imported} == {("admin", platform)}
        # The import itself messages no applicant.
        assert await repo.session.scalar(select(func.count(OutboxMessage.id))) == 0


async def test_a_file_of_requests_is_recognised_without_the_caption(desk: Desk) -> None:
    admin = ADMINS[Platform.TELEGRAM]

    await send_file(desk, admin, "open-requests.csv", csv_file([a_row()]))

    report = desk.api[Platform.TELEGRAM].sent("sendMessage", chat_id=admin.id)[-1].text
    assert "درخواست‌های تازه: ۱" in report
    assert await request_count(desk) == 1
    async with desk.repo() as repo:
        assert await repo.licences.count() == 0


async def test_over_twenty_rejections_come_as_a_file(desk: Desk) -> None:
    admin = ADMINS[Platform.TELEGRAM]
    rows = [a_row(product_name=f"محصول {n}", applicant_phone="0912") for n in range(25)]

    await send_file(desk, admin, "bad.csv", csv_file(rows), "/cert import")

    api = desk.api[Platform.TELEGRAM]
    report = api.sent("sendMessage", chat_id=admin.id)[-1].text
    assert report.count("• ردیف") == 20 and "و ۵ ردیف ردشده دیگر" in report
    (attached,) = api.sent("sendDocument", chat_id=admin.id)
    (content,) = attached.files.values()
    assert len(list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))) == 26


@pytest.mark.parametrize("platform", [Platform.TELEGRAM, Platform.BALE])
async def test_someone_who_is_not_an_admin_is_refused_politely(
    desk: Desk, platform: Platform
) -> None:
    citizen = Person(platform, 7001, "Sara", "Ahmadi")

    await send_file(desk, citizen, "certificates.csv", EXAMPLE.read_bytes(), "/cert import")

    assert "فقط از دست مدیران پیشخوان برمی‌آید" in desk.last_text(citizen)
    assert desk.api[platform].sent("getFile") == []
    assert await request_count(desk) == 0


async def test_the_command_alone_says_how_to_send_the_file(desk: Desk) -> None:
    admin = ADMINS[Platform.TELEGRAM]

    await desk.say(admin, "/cert import")

    assert "/cert import" in desk.last_text(admin) and "CSV" in desk.last_text(admin)


async def test_an_applicant_tracks_an_imported_request_and_no_one_else_can(
    desk: Desk, sara: Person, reza: Person
) -> None:
    await send_file(desk, ADMINS[Platform.BALE], "requests.csv", csv_file([a_row()]))
    async with desk.repo() as repo:
        request = await repo.session.scalar(select(CertificateRequest))
        assert request is not None
        for person, phone in ((sara, PHONE), (reza, "+989350000000")):
            await desk.say(person, "/start")
            user = await repo.users.by_platform_id(person.platform, person.id)
            assert user is not None
            user.phone, user.phone_verified_at = phone, desk.clock.now()
        await repo.commit()
    code = f"{request.code[:5]}-{request.code[5:]}"

    await desk.say(sara, f"/track {code}")
    await desk.say(reza, f"/track {code}")

    answer = desk.last_text(sara)
    assert "سامانه حسابداری ابری" in answer and "ثبت شده" in answer
    assert "ثبت از فهرست اتحادیه؛ وضعیت: ثبت شده" in answer
    assert "سامانه حسابداری ابری" not in desk.last_text(reza)


# --- the command line -----------------------------------------------------------------------


def test_the_command_line_imports_with_a_bar_a_report_and_the_new_codes(
    tmp_path: Path, database: str
) -> None:
    result = run_bot(tmp_path, "import-certificates", str(EXAMPLE), DATABASE_URL=database)

    assert result.returncode == 0, result.stderr
    assert "[#####" in result.stderr and "100%  40/40" in result.stderr
    assert "درخواست‌های تازه: ۳۲" in result.stdout
    assert "ردیف ۳۵، ستون «تاریخ ثبت»: تاریخ ثبت «۱۴۰۶/۰۲/۰۱» در آینده است." in result.stdout
    assert "کدهای رهگیری درخواست‌های تازه:" in result.stdout
    assert "<b>" not in result.stdout and "\u2068" not in result.stdout
    with sqlite3.connect(tmp_path / "data" / "desk.sqlite3") as connection:
        (count,) = connection.execute("SELECT count(*) FROM certificate_requests").fetchone()
        roles = connection.execute("SELECT DISTINCT actor_role FROM certificate_events").fetchall()
    assert count == 32 and roles == [("system",)]


def test_the_command_line_exits_1_when_the_file_cannot_be_imported_and_2_without_it(
    tmp_path: Path, database: str
) -> None:
    source = tmp_path / "requests.csv"
    source.write_text("applicant_name,product_name\nA,B\n", encoding="utf-8")

    bad = run_bot(
        tmp_path, "import-certificates", str(source), DATABASE_URL=database, DEFAULT_LOCALE="en"
    )
    missing = run_bot(
        tmp_path, "import-certificates", "nowhere.csv", DATABASE_URL=database, DEFAULT_LOCALE="en"
    )

    assert bad.returncode == 1 and "nothing was written" in bad.stdout
    assert "applicant_phone" in bad.stdout
    assert missing.returncode == 2 and "File not found: nowhere.csv" in missing.stderr


async def test_a_request_registered_by_command_is_found_by_applicant_product_and_day(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, clock: ManualClock
) -> None:
    made = await registered_by_command(
        sessionmaker, settings, "09121112233", "سامانه حسابداری ابری", clock.now()
    )
    rows = [a_row(submitted_on="۱۴۰۵/۰۹/۰۱", product_name="سامانه  حسابداری ابری")]

    report = await run_import(sessionmaker, settings, clock, csv_file(rows))

    assert (report.inserted, report.updated, report.unchanged) == (0, 0, 1), report
    (request,) = await all_requests(sessionmaker)
    assert (request.code, request.submitted_at, request.due_at) == (
        made.code,
        made.submitted_at,
        made.due_at,
    )
