"""The licence registry: its table and migration, the import of CSV and XLSX files, lookup."""

from __future__ import annotations

import asyncio
import io
import sqlite3
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from openpyxl import Workbook
from sqlalchemy import Constraint, Index, Table, text
from sqlalchemy.ext.asyncio import AsyncSession

from models import Base
from models.database import make_engine, make_sessionmaker
from models.migrate import downgrade, upgrade
from models.repos.licences import LicenceRepo, LicenceRow
from services.licence_import import ImportReport, RowRejection, import_licences
from services.licence_samples import sample_licences
from services.licences import (
    HolderType,
    LicenceStatus,
    LicenceView,
    MatchKind,
    lookup,
    renewal_due,
    warning_for,
)
from services.normalize import search_key, to_persian_digits

TODAY = date(2026, 11, 23)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "licences.csv"
ZWNJ = "\u200c"

HEADER_EN = (
    "number,holder_type,holder_name,holder_phone,business_name,websites,category,isic,"
    "province,issued_on,expires_on,status"
)
HEADER_FA = (
    "شماره پروانه,نوع شخص,نام دارنده,تلفن دارنده,نام کسب‌وکار,وب‌سایت‌ها,رسته,کد آیسیک,"
    "استان,تاریخ صدور,تاریخ انقضا,وضعیت"
)
IN_PLACE = "سامانه آنلاین ارائه خدمات در محل"


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def a_row(number: str, **changes: object) -> LicenceRow:
    values: dict[str, object] = {
        "number": number,
        "holder_type": "natural",
        "holder_name": "مریم احمدی",
        "holder_phone": "+989121234567",
        "business_name": "نمونه",
        "business_key": search_key("نمونه"),
        "sites": (f"shop{number.replace('/', '')}.ir",),
        "category": IN_PLACE,
        "isic": "521128",
        "province": "تهران",
        "issued_on": date(2025, 1, 1),
        "expires_on": date(2028, 1, 1),
        "status": "valid",
    }
    values.update(changes)
    if "business_name" in changes:
        values["business_key"] = search_key(str(changes["business_name"]))
    return LicenceRow(**values)  # type: ignore[arg-type]


# Handwritten licences among the sampled ones, so that each lookup below reads as a story.
NAROON_BOOKS = a_row(
    "1400/12345",
    business_name="کتاب" + ZWNJ + "سرای نارون",
    sites=("ketabsara-naroon.ir", "instagram:ketabsara"),
)
NAROON_BOOK = a_row(
    "140198765",
    business_name="نارون کتاب",
    sites=("naroonketab.com",),
    expires_on=date(2025, 6, 1),
)
NAROON_FLOWERS = a_row(
    "140255555", business_name="نارون گل", sites=("naroongol.ir",), status="suspended"
)
BAZAR_724 = a_row("140311111", business_name="بازار هفت بیست و چهار", sites=("bazar724.ir",))
HANDWRITTEN = (NAROON_BOOKS, NAROON_BOOK, NAROON_FLOWERS, BAZAR_724)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "registry.db")
    upgrade(url)
    return url


@pytest.fixture
async def session(database_url: str) -> AsyncIterator[AsyncSession]:
    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            yield session
    finally:
        await engine.dispose()


@pytest.fixture
def repo(session: AsyncSession) -> LicenceRepo:
    return LicenceRepo(session)


SAMPLED = sample_licences(4000, seed=99, today=TODAY)


async def _fill(url: str) -> None:
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as session:
            await LicenceRepo(session).upsert_many([*SAMPLED, *HANDWRITTEN])
            await session.commit()
    finally:
        await engine.dispose()


@pytest.fixture(scope="module")
def registry_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A registry of several thousand licences, built once for the lookup tests."""
    url = sqlite_url(tmp_path_factory.mktemp("registry") / "registry.db")
    upgrade(url)
    asyncio.run(_fill(url))
    return url


@pytest.fixture
async def registry(registry_url: str) -> AsyncIterator[LicenceRepo]:
    engine = make_engine(registry_url)
    try:
        async with make_sessionmaker(engine)() as session:
            yield LicenceRepo(session)
    finally:
        await engine.dispose()


# --- schema -----------------------------------------------------------------------------------


def _tables(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}
    finally:
        connection.close()


def test_revision_0002_upgrades_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "stairway.db"
    upgrade(sqlite_url(path), "0002")
    assert {"licences", "licence_sites"} <= _tables(path)
    downgrade(sqlite_url(path), "0001")
    assert not {"licences", "licence_sites"} & _tables(path)
    assert "cases" in _tables(path)
    upgrade(sqlite_url(path), "0002")
    assert {"licences", "licence_sites"} <= _tables(path)


def _tables_changed(change: Any) -> set[str]:
    """The tables an Alembic autogenerate difference is about."""
    if isinstance(change, list):
        return set().union(*(_tables_changed(item) for item in change))
    kind, *rest = change
    names = {rest[1]} if kind in {"add_column", "remove_column"} or "modify" in kind else set()
    for item in rest:
        if isinstance(item, Table):
            names.add(item.name)
        elif isinstance(item, Index | Constraint) and isinstance(item.table, Table):
            names.add(item.table.name)
    return names


async def test_migration_matches_the_models(session: AsyncSession) -> None:
    connection = await session.connection()
    differences = await connection.run_sync(
        lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
    )
    ours = {"licences", "licence_sites"}
    assert [change for change in differences if _tables_changed(change) & ours] == []


async def test_domain_lookup_uses_the_host_index(session: AsyncSession) -> None:
    plan = await session.execute(
        text("EXPLAIN QUERY PLAN SELECT licence_id FROM licence_sites WHERE host IN ('a', 'b')")
    )
    assert "ix_licence_sites_host" in " ".join(str(row) for row in plan)


# --- import -----------------------------------------------------------------------------------


async def test_the_example_file_imports_whole(repo: LicenceRepo) -> None:
    report = await import_licences(repo, EXAMPLES, today=TODAY)

    assert report == ImportReport(read=300, inserted=300, updated=0, rejected=0)
    assert await repo.count() == 300


async def test_the_example_file_gives_back_the_generated_licences(repo: LicenceRepo) -> None:
    # examples/licences.csv is sample_licences(300) written with irregular spellings.
    await import_licences(repo, EXAMPLES, today=TODAY)

    for row in sample_licences(300, today=TODAY)[::37]:
        licence = await repo.by_number(row.number)
        assert licence is not None
        assert licence.hosts == list(row.sites)
        assert licence.business_key == row.business_key
        assert (licence.issued_on, licence.expires_on) == (row.issued_on, row.expires_on)
        assert (licence.status, licence.province, licence.isic) == (
            row.status,
            row.province,
            row.isic,
        )
        assert (licence.holder_type, licence.holder_phone) == (row.holder_type, row.holder_phone)


async def test_importing_the_same_file_again_updates_every_licence(repo: LicenceRepo) -> None:
    await import_licences(repo, EXAMPLES, today=TODAY)
    report = await import_licences(repo, EXAMPLES, today=TODAY)

    assert (report.read, report.inserted, report.updated, report.rejected) == (300, 0, 300, 0)
    assert await repo.count() == 300


async def test_a_later_import_overwrites_a_licence_and_replaces_its_sites(
    repo: LicenceRepo,
) -> None:
    first = csv_bytes(
        HEADER_EN,
        f"1401/777,legal,شرکت نمونه,,نمونه,old-site.ir,{IN_PLACE},521128,تهران,"
        "1401/01/15,1406/01/15,valid",
    )
    second = csv_bytes(
        HEADER_EN,
        f"1401/777,legal,شرکت نمونه,,نمونه,new-site.ir; @nemooneh,{IN_PLACE},521128,تهران,"
        "1401/01/15,1406/01/15,suspended",
    )
    await import_licences(repo, first, filename="first.csv", today=TODAY)
    report = await import_licences(repo, second, filename="second.csv", today=TODAY)

    assert (report.inserted, report.updated) == (0, 1)
    assert await repo.by_host("old-site.ir") == []
    [licence] = await repo.by_host("new-site.ir")
    assert licence.status == "suspended"
    assert licence.hosts == ["new-site.ir", "@nemooneh"]


async def test_a_missing_column_stops_the_import_before_any_row(repo: LicenceRepo) -> None:
    header = HEADER_FA.replace(",کد آیسیک", "")
    good = f"140012345,حقیقی,علی,,نمونه,a.ir,{IN_PLACE},تهران,1400/01/01,1405/01/01,معتبر"
    report = await import_licences(repo, csv_bytes(header, good), filename="x.csv", today=TODAY)

    assert report.error is not None
    assert report.error.key == "licence-import-missing-columns"
    assert report.error.args["columns"] == "isic"
    assert report.read == 0
    assert await repo.count() == 0


async def test_bad_rows_are_rejected_with_their_row_and_column(repo: LicenceRepo) -> None:
    def line(
        number: str, *, issued: str = "1400/05/17", isic: str = "521128", status: str = "معتبر"
    ) -> str:
        return (
            f"{number},حقیقی,علی رضایی,09121234567,فروشگاه {number},shop{number}.ir,"
            f"{IN_PLACE},{isic},تهران,{issued},1405/05/17,{status}"
        )

    data = csv_bytes(
        HEADER_FA,
        line("140000001"),
        line("140000002", issued="1400/13/01"),
        line("140000003", isic="52112"),
        line("140000004", status="نامعلوم"),
        line("140000005"),
        line("140000005", status="تعلیق"),
    )
    report = await import_licences(repo, data, filename="broken.csv", today=TODAY)

    assert (report.read, report.inserted, report.updated, report.rejected) == (6, 2, 0, 4)
    assert [(r.row, r.column, r.key) for r in report.rejections] == [
        (3, "تاریخ صدور", "licence-import-bad-date"),
        (4, "کد آیسیک", "licence-import-bad-isic"),
        (5, "وضعیت", "licence-import-bad-status"),
        (6, "شماره پروانه", "licence-import-duplicate-number"),
    ]
    assert report.rejections[0].args == {"value": "1400/13/01"}
    assert report.rejections[3].args == {"number": "140000005", "later_row": 7}
    duplicate = await repo.by_number("140000005")
    assert duplicate is not None and duplicate.status == "suspended"


async def test_a_duplicate_in_a_later_batch_still_lets_the_later_row_win(
    repo: LicenceRepo,
) -> None:
    row = f"140000009,حقیقی,علی,,نمونه,a.ir,{IN_PLACE},521128,تهران,1400/01/01,1405/01/01"
    data = csv_bytes(HEADER_FA, row + ",معتبر", row + ",ابطال", row + ",تعلیق")
    report = await import_licences(repo, data, filename="d.csv", today=TODAY, batch_size=1)

    assert (report.read, report.inserted, report.updated, report.rejected) == (3, 1, 0, 2)
    assert [rejection.row for rejection in report.rejections] == [2, 3]
    licence = await repo.by_number("140000009")
    assert licence is not None and licence.status == "suspended"


@pytest.mark.parametrize(
    ("cell", "column", "key"),
    [
        ("number=۱۴۰۰/abc/", "number", "licence-import-bad-number"),
        ("holder_type=company", "holder_type", "licence-import-bad-holder-type"),
        ("holder_phone=12345", "holder_phone", "licence-import-bad-phone"),
        ("websites=not a site", "websites", "licence-import-bad-website"),
        ("websites=", "websites", "licence-import-missing-value"),
        ("province=ونیز", "province", "licence-import-bad-province"),
        ("issued_on=1406/01/01", "issued_on", "licence-import-issued-in-future"),
        ("expires_on=1399/01/01", "expires_on", "licence-import-expires-before-issue"),
        ("holder_name=" + "ن" * 257, "holder_name", "licence-import-too-long"),
    ],
)
async def test_each_check_has_its_reason(
    repo: LicenceRepo, cell: str, column: str, key: str
) -> None:
    values = {
        "number": "140012345",
        "holder_type": "natural",
        "holder_name": "علی",
        "holder_phone": "",
        "business_name": "نمونه",
        "websites": "a.ir",
        "category": IN_PLACE,
        "isic": "521128",
        "province": "تهران",
        "issued_on": "1400/01/01",
        "expires_on": "1405/01/01",
        "status": "valid",
    }
    name, _, value = cell.partition("=")
    values[name] = value
    data = csv_bytes(HEADER_EN, ",".join(f'"{v}"' for v in values.values()))
    report = await import_licences(repo, data, filename="one.csv", today=TODAY)

    assert report.rejections == (RowRejection(2, column, column, key, report.rejections[0].args),)


async def test_an_xlsx_file_with_typed_cells_imports(repo: LicenceRepo) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["Number", "Holder Type", "Holder Name", "Holder Phone", "Business Name", "Websites",
         "Category", "ISIC", "Province", "Issued On", "Expires On", "Status", "Notes"]
    )  # fmt: skip
    sheet.append(
        [140112345, "حقوقی", "شرکت آوا", 9121234567, "آوا پیک",
         "https://www.avapeyk.ir\nhttps://instagram.com/avapeyk", IN_PLACE, 521128.0,
         "خراسان رضوی", datetime(2022, 8, 8), "۱۴۰۶/۰۵/۱۷", "در حال تمدید", "-"]
    )  # fmt: skip
    sheet.append([None] * 13)
    sheet.append(
        ["1402/5", "natural", "سارا", None, "گل یاس", "golyas.com", IN_PLACE, "521129",
         "چهارمحال بختیاری", "2023-01-05", "2026-01-05", "expired", None]
    )  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)

    report = await import_licences(repo, buffer.getvalue(), filename="x.bin", today=TODAY)

    assert (report.read, report.inserted, report.rejected) == (2, 2, 0)
    licence = await repo.by_number("140112345")
    assert licence is not None
    assert licence.hosts == ["avapeyk.ir", "instagram:avapeyk"]
    assert (licence.holder_type, licence.holder_phone) == ("legal", "+989121234567")
    assert (licence.isic, licence.status) == ("521128", "renewal")
    assert (licence.issued_on, licence.expires_on) == (date(2022, 8, 8), date(2027, 8, 8))
    other = await repo.by_number("1402/5")
    assert other is not None and other.province == "چهارمحال و بختیاری"


async def test_a_semicolon_separated_file_is_read(repo: LicenceRepo) -> None:
    data = csv_bytes(
        HEADER_EN.replace(",", ";"),
        f"140012345;natural;علی;;نمونه;a.ir,b.ir;{IN_PLACE};521128;فارس;2021-03-01;"
        "2026-03-01;valid",
    )
    report = await import_licences(repo, data, filename="semi.csv", today=TODAY)

    assert report.inserted == 1
    [licence] = await repo.by_host("b.ir")
    assert licence.hosts == ["a.ir", "b.ir"]


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "licence-import-empty-file"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest of an old Excel file",
            "licence-import-unsupported-format",
        ),
        (b"PK\x03\x04 not really a zip", "licence-import-unreadable"),
    ],
)
async def test_unreadable_files_are_refused(repo: LicenceRepo, data: bytes, key: str) -> None:
    report = await import_licences(repo, data, filename="file", today=TODAY)

    assert report.error is not None and report.error.key == key


async def test_progress_and_commit_follow_each_batch(
    repo: LicenceRepo, session: AsyncSession
) -> None:
    rows = [
        f"1400{n:05d},حقیقی,علی,,نمونه {n},s{n}.ir,{IN_PLACE},521128,قم,"
        "1400/01/01,1405/01/01,معتبر"
        for n in range(12)
    ]
    calls: list[tuple[int, int]] = []
    commits: list[int] = []

    async def progress(done: int, total: int) -> None:
        calls.append((done, total))

    async def commit() -> None:
        await session.commit()
        commits.append(await repo.count())

    data = csv_bytes(HEADER_FA, *rows[:6], ",,,", *rows[6:])
    report = await import_licences(
        repo, data, filename="p.csv", today=TODAY, progress=progress, commit=commit, batch_size=5
    )

    assert report.inserted == 12
    assert calls == [(5, 12), (10, 12), (12, 12)]
    assert commits == [5, 10, 12]


async def test_a_plain_function_can_follow_progress(repo: LicenceRepo) -> None:
    calls: list[tuple[int, int]] = []
    await import_licences(
        repo, EXAMPLES, today=TODAY, progress=lambda done, total: calls.append((done, total))
    )

    assert calls == [(300, 300)]


# --- lookup -----------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["1400/12345", "۱۴۰۰/۱۲۳۴۵", "۱۴۰۰۱۲۳۴۵", " ١٤٠٠-١٢٣٤٥ "])
async def test_lookup_by_number_in_any_digits(registry: LicenceRepo, query: str) -> None:
    result = await lookup(registry, query, TODAY)

    assert result.kind is MatchKind.NUMBER
    assert [view.number for view in result.views] == ["1400/12345"]


async def test_lookup_by_a_sampled_number_in_persian_digits(registry: LicenceRepo) -> None:
    row = SAMPLED[1234]
    result = await lookup(registry, to_persian_digits(row.number), TODAY)

    assert [view.business_name for view in result.views] == [row.business_name]


async def test_an_unknown_number_is_no_licence(registry: LicenceRepo) -> None:
    result = await lookup(registry, "۹۹۹۹۹۹۹۹", TODAY)

    assert (result.kind, result.found) == (MatchKind.NUMBER, False)


@pytest.mark.parametrize(
    "query",
    [
        "ketabsara-naroon.ir",
        "https://www.ketabsara-naroon.ir/books/12?ref=channel",
        "WWW.KETABSARA-NAROON.IR/",
        "http://shop.ketabsara-naroon.ir",
        "«ketabsara-naroon.ir».",
        "https://instagram.com/ketabsara/",
        "@KetabSara",
    ],
)
async def test_lookup_by_website_in_any_form(registry: LicenceRepo, query: str) -> None:
    result = await lookup(registry, query, TODAY)

    assert result.kind is MatchKind.DOMAIN
    assert [view.number for view in result.views] == ["1400/12345"]
    assert result.views[0].sites == ("ketabsara-naroon.ir", "instagram:ketabsara")


async def test_lookup_by_website_with_persian_digits(registry: LicenceRepo) -> None:
    result = await lookup(registry, "https://bazar۷۲۴.ir", TODAY)

    assert [view.number for view in result.views] == ["140311111"]


async def test_lookup_of_a_sampled_website(registry: LicenceRepo) -> None:
    row = SAMPLED[2500]
    result = await lookup(registry, f"https://www.{row.sites[0].upper()}/about", TODAY)

    assert [view.number for view in result.views] == [row.number]


async def test_an_unlicensed_website_is_no_licence(registry: LicenceRepo) -> None:
    result = await lookup(registry, "https://no-licence-here.ir", TODAY)

    assert (result.kind, result.term, result.found) == (
        MatchKind.DOMAIN,
        "no-licence-here.ir",
        False,
    )


@pytest.mark.parametrize(
    "query",
    [
        "کتاب" + ZWNJ + "سرای نارون",
        "كتاب سراي نارون",
        "  کتاب   سرای\tنارون ",
        "کتابسرای نارون",
    ],
)
async def test_lookup_by_name_tolerates_spelling(registry: LicenceRepo, query: str) -> None:
    result = await lookup(registry, query, TODAY)

    assert result.kind is MatchKind.NAME
    assert result.views[0].number == "1400/12345"


async def test_a_name_lists_every_match_closest_first(registry: LicenceRepo) -> None:
    result = await lookup(registry, "نارون", TODAY)

    assert [view.business_name for view in result.views] == [
        "نارون گل",
        "نارون کتاب",
        "کتاب" + ZWNJ + "سرای نارون",
    ]


async def test_a_common_name_is_capped(registry: LicenceRepo) -> None:
    result = await lookup(registry, "پارس", TODAY)

    assert len(result.views) == 8
    assert result.more


async def test_an_unknown_name_is_no_licence(registry: LicenceRepo) -> None:
    result = await lookup(registry, "فروشگاه ناموجود", TODAY)

    assert (result.kind, result.found) == (MatchKind.NAME, False)


async def test_name_search_takes_like_wildcards_literally(registry: LicenceRepo) -> None:
    assert await registry.by_name_key("%", 8) == []
    assert await registry.by_name_key("نارو_", 8) == []


@pytest.mark.parametrize("query", ["  ؟ ", "ک"])
async def test_a_query_too_short_is_not_searched(registry: LicenceRepo, query: str) -> None:
    result = await lookup(registry, query, TODAY)

    assert result.kind is MatchKind.INVALID


@pytest.mark.parametrize("query", ["", " \u200c\u00ad ", "\ufeff"])
async def test_a_query_that_shows_nothing_is_an_empty_answer(
    registry: LicenceRepo, query: str
) -> None:
    result = await lookup(registry, query, TODAY)

    assert result.kind is MatchKind.EMPTY


# --- status, warnings and reminders -----------------------------------------------------------


async def test_a_valid_licence_past_its_expiry_is_reported_expired(registry: LicenceRepo) -> None:
    [view] = (await lookup(registry, "140198765", TODAY)).views

    assert (view.recorded_status, view.status) == (LicenceStatus.VALID, LicenceStatus.EXPIRED)
    assert warning_for(view) == "licence-warning-expired"


async def test_a_licence_is_valid_through_its_expiry_day(registry: LicenceRepo) -> None:
    [view] = (await lookup(registry, "140198765", date(2025, 6, 1))).views

    assert view.status is LicenceStatus.VALID
    assert warning_for(view) is None


def _view(status: LicenceStatus) -> LicenceView:
    return LicenceView(
        number="140012345",
        holder_type=HolderType.LEGAL,
        holder_name="شرکت نمونه",
        business_name="نمونه",
        sites=("a.ir",),
        category=IN_PLACE,
        isic="521128",
        province="تهران",
        issued_on=date(2024, 1, 1),
        expires_on=date(2029, 1, 1),
        recorded_status=status,
        status=status,
    )


@pytest.mark.parametrize(
    ("status", "key"),
    [
        (LicenceStatus.VALID, None),
        (LicenceStatus.EXPIRED, "licence-warning-expired"),
        (LicenceStatus.SUSPENDED, "licence-warning-suspended"),
        (LicenceStatus.REVOKED, "licence-warning-revoked"),
        (LicenceStatus.RENEWAL, "licence-warning-renewal"),
    ],
)
def test_each_status_has_its_warning(status: LicenceStatus, key: str | None) -> None:
    assert warning_for(_view(status)) == key


def test_renewal_reminders_fall_30_7_and_1_days_before_expiry() -> None:
    expires_on = date(2027, 3, 20)
    due = {
        days: renewal_due(expires_on, expires_on - timedelta(days=days)) for days in range(-2, 40)
    }

    assert {days: offset for days, offset in due.items() if offset is not None} == {
        30: 30,
        7: 7,
        1: 1,
    }


def test_renewal_reminders_take_other_offsets() -> None:
    assert renewal_due(date(2027, 1, 15), date(2027, 1, 1), offsets=(14, 3)) == 14
    assert renewal_due(date(2027, 1, 15), date(2026, 12, 16), offsets=(14, 3)) is None


async def test_reminders_find_the_licences_expiring_on_a_day(registry: LicenceRepo) -> None:
    day = SAMPLED[10].expires_on
    found = await registry.expiring_on([day], ["valid", "renewal"])
    expected = {
        row.number
        for row in (*SAMPLED, *HANDWRITTEN)
        if row.expires_on == day and row.status in {"valid", "renewal"}
    }

    assert {licence.number for licence in found} == expected


def test_sample_licences_are_deterministic_and_distinct() -> None:
    first = sample_licences(2000, seed=5, today=TODAY)

    assert first == sample_licences(2000, seed=5, today=TODAY)
    assert len({row.number for row in first}) == 2000
    hosts = [host for row in first for host in row.sites]
    assert len(set(hosts)) == len(hosts)
    natural = sum(row.holder_type == "natural" for row in first) / len(first)
    assert 0.53 < natural < 0.61
    assert all(row.issued_on <= TODAY < row.issued_on + timedelta(days=7 * 365) for row in first)
