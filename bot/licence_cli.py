"""The registry's commands: `python -m bot import-licences FILE`, `python -m bot
import-certificates FILE`, `python -m bot import-referrals FILE` and `python -m bot demo-data`.

Both speak the desk's default language (DEFAULT_LOCALE); the progress bar goes to stderr so
that the report on stdout can be kept in a file.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.database import make_engine, make_sessionmaker
from models.repos import Repo
from services.calendar import tehran_today
from services.certificate_import import certificate_sheet
from services.clock import SystemClock
from services.demo_data import AlreadyFilled, DemoData, fill_demo
from services.formatting import format_code, format_number, localize_digits
from services.licence_desk import ProgressThrottle, percent, plain_text, text_bar
from services.licence_import import licence_sheet
from services.referral_import import referral_sheet
from services.referrals import limits_of
from services.settings import Settings
from services.sheet_import import ImportReport, SheetImport, SheetLayout, report_text
from services.texts import Texts, texts

__all__ = [
    "TerminalBar",
    "demo_data",
    "import_certificates_file",
    "import_file",
    "import_referrals_file",
]


class TerminalBar:
    """A text progress bar redrawn in place on one line: "[#####-----]  50%  1,000/2,000"."""

    def __init__(self, stream: TextIO, *, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        # A terminal takes every percent; more often would only cost time.
        self.throttle = ProgressThrottle(interval=0.2, step=1)
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        total = max(total, done)
        if not self.throttle.due(done, total, time.monotonic()):
            return
        bar = text_bar(done, total, width=self.width, fill="#", empty="-")
        self.stream.write(f"\r[{bar}] {percent(done, total):3d}%  {done:,}/{total:,}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def _say(t: Texts, key: str, **args: object) -> str:
    return plain_text(t.plain(key, **args))


async def _ready(sessionmaker: async_sessionmaker[AsyncSession]) -> int | None:
    """The number of licences, or None when the schema is not there (not migrated)."""
    try:
        async with sessionmaker() as session:
            return await Repo(session).licences.count()
    except DBAPIError:
        return None


def import_file(
    settings: Settings, path: Path, *, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """Import a CSV or XLSX file into the registry; 0 when it was read, 1 when it could not
    be, 2 when there is no such file or no database."""

    def licences(session: AsyncSession) -> SheetImport:
        today = tehran_today(SystemClock().now())
        return licence_sheet(Repo(session).licences, today=today, commit=session.commit)

    return _import_sheet(settings, path, licences, out, err)


def import_certificates_file(
    settings: Settings, path: Path, *, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """Import certificate requests from a CSV or XLSX file, then list the codes of the new
    ones; exit codes as :func:`import_file`. Applicants are not messaged."""

    def certificates(session: AsyncSession) -> SheetImport:
        now = SystemClock().now()
        return certificate_sheet(
            Repo(session), now=now, config=settings.config, commit=session.commit
        )

    return _import_sheet(settings, path, certificates, out, err)


def import_referrals_file(
    settings: Settings, path: Path, *, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """Import complaints referred by other bodies from a CSV or XLSX file, then list the codes
    of the new cases; exit codes as :func:`import_file`. Each new case's card goes to the
    complaints staff chat when the desk runs."""

    def referrals(session: AsyncSession) -> SheetImport:
        return referral_sheet(
            Repo(session),
            now=SystemClock().now(),
            config=settings.config,
            limits=limits_of(settings),
            commit=session.commit,
        )

    return _import_sheet(settings, path, referrals, out, err)


# `python -m bot import-KIND FILE`, by kind.
IMPORTERS: dict[str, Callable[[Settings, Path], int]] = {
    "licences": import_file,
    "certificates": import_certificates_file,
    "referrals": import_referrals_file,
}


def _import_sheet(
    settings: Settings,
    path: Path,
    kind: Callable[[AsyncSession], SheetImport],
    out: TextIO,
    err: TextIO,
) -> int:
    t = texts(settings.default_locale)
    if not path.is_file():
        print(_say(t, "licence-cli-file-missing", path=str(path)), file=err)
        return 2
    content = path.read_bytes()
    done = asyncio.run(_import(settings, content, path.name, kind, err))
    if done is None:
        print(_say(t, "licence-cli-no-database"), file=err)
        return 2
    layout, report = done
    print(report_text(report, t, layout), file=out)
    if report.assigned:
        print(_say(t, f"{layout.prefix}-codes-title"), file=out)
        for row, code in report.assigned:
            line = f"{layout.prefix}-code-line"
            shown = format_code(code, t.locale)
            print(_say(t, line, row=format_number(row, t.locale), code=shown), file=out)
    return 0 if report.ok else 1


async def _import(
    settings: Settings,
    content: bytes,
    filename: str,
    kind: Callable[[AsyncSession], SheetImport],
    err: TextIO,
) -> tuple[SheetLayout, ImportReport] | None:
    engine = make_engine(settings.database_url)
    try:
        sessionmaker = make_sessionmaker(engine)
        if await _ready(sessionmaker) is None:
            return None
        bar = TerminalBar(err)
        async with sessionmaker() as session:
            chosen = kind(session)
            try:
                return chosen.layout, await chosen.run(content, filename, bar)
            finally:
                bar.close()
    finally:
        await engine.dispose()


def demo_data(settings: Settings, *, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Fill an empty database with sample licences and certificate requests; say what to try.
    0 when made, 1 when the registry had licences already, 2 when there is no database."""
    t = texts(settings.default_locale)
    locale = t.locale
    made = asyncio.run(_demo(settings))
    if made is None:
        print(_say(t, "licence-cli-no-database"), file=err)
        return 2
    if isinstance(made, AlreadyFilled):
        print(
            _say(t, "licence-cli-demo-refused", n=format_number(made.licences, locale)), file=err
        )
        return 1
    examples = made.examples
    print(
        _say(
            t,
            "licence-cli-demo-made",
            licences=format_number(made.licences, locale),
            categories=format_number(made.categories, locale),
            provinces=format_number(made.provinces, locale),
            requests=format_number(len(made.requests), locale),
        ),
        file=out,
    )
    print(
        _say(
            t,
            "licence-cli-demo-try",
            number=localize_digits(examples.number, locale),
            domain=examples.domain,
            name=examples.name,
            several=examples.several,
            expired=localize_digits(examples.expired, locale),
            suspended=localize_digits(examples.suspended, locale),
            unlicensed=examples.unlicensed,
            codes=("، " if locale == "fa" else ", ").join(
                f"/track {format_code(request.code, locale)}" for request in made.requests
            ),
        ),
        file=out,
    )
    return 0


async def _demo(settings: Settings) -> DemoData | AlreadyFilled | None:
    engine = make_engine(settings.database_url)
    try:
        sessionmaker = make_sessionmaker(engine)
        if await _ready(sessionmaker) is None:
            return None
        async with sessionmaker() as session:
            return await fill_demo(Repo(session), settings.config, SystemClock().now())
    finally:
        await engine.dispose()
