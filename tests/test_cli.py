"""The command line, run as an operator runs it: `python -m bot run | migrate`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_bot(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot …` in an empty folder (so no .env is read), with only the given settings."""
    clean = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_run_without_a_token_says_which_variables_to_set(tmp_path: Path) -> None:
    result = run_bot(
        tmp_path, "run", DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/data/desk.sqlite3"
    )

    assert result.returncode != 0
    message = result.stderr.strip()
    assert "TELEGRAM_BOT_TOKEN" in message and "BALE_BOT_TOKEN" in message
    assert len(message.splitlines()) == 1, message  # one sentence, no traceback
    assert message.endswith(".")
    assert result.stdout == ""


def test_migrate_creates_the_sqlite_file_and_its_tables(tmp_path: Path) -> None:
    database = tmp_path / "data" / "desk.sqlite3"
    result = run_bot(tmp_path, "migrate", DATABASE_URL=f"sqlite+aiosqlite:///{database}")

    assert result.returncode == 0, result.stderr
    assert database.is_file()
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert {"users", "cases", "case_events", "attachments", "drafts", "outbox"} <= tables
    assert len(version) == 1


def test_a_bad_setting_is_named_and_exits_with_2(tmp_path: Path) -> None:
    result = run_bot(
        tmp_path,
        "run",
        ADMIN_IDS="nonsense",
        TELEGRAM_BOT_TOKEN="700001:TEST-telegram-token-aaaaaaaaaaaaaaaaaaaa",
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/data/desk.sqlite3",
    )

    assert result.returncode == 2
    assert "Settings are not valid" in result.stderr
    assert "admin_ids" in result.stderr.lower() and "nonsense" in result.stderr
    assert "platform:id" in result.stderr  # what is expected instead
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()  # nothing was started
