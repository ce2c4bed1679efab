"""The registry's commands as an operator runs them (`python -m bot import-licences FILE`,
`python -m bot demo-data`), and the sample data they make answering every kind of lookup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from services.calendar import tehran_today
from services.demo_data import AlreadyFilled, DemoData, fill_demo
from services.licences import LicenceStatus, MatchKind, lookup
from tests.desk import Desk
from tests.test_cli import run_bot

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "licences.csv"


@pytest.fixture
def database(tmp_path: Path) -> str:
    """A migrated SQLite file, as `python -m bot migrate` leaves it."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'data' / 'desk.sqlite3'}"
    migrated = run_bot(tmp_path, "migrate", DATABASE_URL=url)
    assert migrated.returncode == 0, migrated.stderr
    return url


def count(tmp_path: Path, table: str) -> int:
    with sqlite3.connect(tmp_path / "data" / "desk.sqlite3") as connection:
        (total,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(total)


def test_import_licences_shows_a_bar_and_reports_in_english(tmp_path: Path, database: str) -> None:
    result = run_bot(
        tmp_path, "import-licences", str(EXAMPLES), DATABASE_URL=database, DEFAULT_LOCALE="en"
    )

    assert result.returncode == 0, result.stderr
    assert "[#####" in result.stderr and "100%  300/300" in result.stderr
    assert "Rows read: 300" in result.stdout
    assert "New licences: 300" in result.stdout
    assert "Rows rejected: 0" in result.stdout
    assert count(tmp_path, "licences") == 300


def test_import_licences_lists_rejected_rows_in_persian(tmp_path: Path, database: str) -> None:
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
    # Rows 2 to 6 of the example (none with a quoted line break); row 4 in no known province.
    broken = [*lines[:3], lines[3].replace(",تهران,", ",آتلانتیس,"), *lines[4:6]]
    source = tmp_path / "registry.csv"
    source.write_text("\n".join(broken) + "\n", encoding="utf-8")

    result = run_bot(tmp_path, "import-licences", str(source), DATABASE_URL=database)

    assert result.returncode == 0, result.stderr
    assert "ردیف‌های ردشده: ۱" in result.stdout
    assert "ردیف ۴، ستون «استان»: استان «آتلانتیس» شناخته نشد." in result.stdout
    assert "<b>" not in result.stdout and "\u2068" not in result.stdout
    assert count(tmp_path, "licences") == 4


def test_a_file_that_cannot_be_imported_exits_with_1(tmp_path: Path, database: str) -> None:
    source = tmp_path / "registry.csv"
    source.write_text("number,name\n1,2\n", encoding="utf-8")

    result = run_bot(
        tmp_path, "import-licences", str(source), DATABASE_URL=database, DEFAULT_LOCALE="en"
    )

    assert result.returncode == 1
    assert "nothing was written" in result.stdout
    assert "holder_type" in result.stdout


def test_a_missing_file_is_named(tmp_path: Path, database: str) -> None:
    result = run_bot(
        tmp_path, "import-licences", "nowhere.csv", DATABASE_URL=database, DEFAULT_LOCALE="en"
    )

    assert result.returncode == 2
    assert "File not found: nowhere.csv" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_data_fills_an_empty_database_once(tmp_path: Path, database: str) -> None:
    result = run_bot(tmp_path, "demo-data", DATABASE_URL=database, DEFAULT_LOCALE="en")

    assert result.returncode == 0, result.stderr
    assert "2,000 licences" in result.stdout
    assert "6 software certificate requests" in result.stdout
    assert result.stdout.count("/licence ") == 7
    assert result.stdout.count("/track ") == 6
    assert count(tmp_path, "licences") == 2000
    assert count(tmp_path, "certificate_requests") == 6

    again = run_bot(tmp_path, "demo-data", DATABASE_URL=database, DEFAULT_LOCALE="en")

    assert again.returncode == 1
    assert "already holds 2,000 licences" in again.stderr
    assert "nothing was written" in again.stderr
    assert count(tmp_path, "licences") == 2000
    assert count(tmp_path, "certificate_requests") == 6


async def test_every_suggested_query_of_the_sample_data_answers_as_said(desk: Desk) -> None:
    async with desk.repo() as repo:
        made = await fill_demo(repo, desk.settings.config, desk.clock.now())
        assert isinstance(made, DemoData)
        statuses = {request.status for request in made.requests}
        assert statuses == {
            "submitted",
            "documents_incomplete",
            "under_review",
            "awaiting_fee",
            "issued",
            "rejected",
        }
        today = tehran_today(desk.clock.now())
        examples = made.examples

        async def ask(query: str) -> tuple[MatchKind, list[LicenceStatus]]:
            result = await lookup(repo.licences, query, today)
            return result.kind, [view.status for view in result.views]

        assert await ask(examples.number) == (MatchKind.NUMBER, [LicenceStatus.VALID])
        assert await ask(examples.domain) == (MatchKind.DOMAIN, [LicenceStatus.VALID])
        assert await ask(examples.name) == (MatchKind.NAME, [LicenceStatus.VALID])
        kind, several = await ask(examples.several)
        assert kind is MatchKind.NAME and len(several) > 1
        assert await ask(examples.expired) == (MatchKind.NUMBER, [LicenceStatus.EXPIRED])
        assert await ask(examples.suspended) == (MatchKind.NUMBER, [LicenceStatus.SUSPENDED])
        assert await ask(examples.unlicensed) == (MatchKind.DOMAIN, [])

        assert await fill_demo(repo, desk.settings.config, desk.clock.now()) == AlreadyFilled(2000)
