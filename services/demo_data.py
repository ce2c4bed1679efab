"""Sample data for a new desk: realistic licences and certificate requests to try at once.

Only an empty registry is filled: demo licences among real ones would mislead citizens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from models.repos import Repo
from models.repos.licences import LicenceRow
from models.tables import CertificateRequest
from services import certificates
from services.calendar import TEHRAN, tehran_today
from services.certificates import CertStatus, Change, Refusal
from services.desk import DeskConfig
from services.licence_samples import sample_licences
from services.licences import LicenceStatus
from services.workflow import Role

__all__ = ["DEMO_LICENCES", "AlreadyFilled", "DemoData", "DemoExamples", "fill_demo"]

DEMO_LICENCES = 2000
DEMO_SEED = 1405
# A website no sample licence has: the no-match answer and its complaint.
UNLICENSED_SITE = "https://nashenas-shop.ir/"


@dataclass(frozen=True)
class _Request:
    applicant: str
    phone: str
    product: str
    moves: tuple[Change, ...] = ()


def _requests(today: date) -> tuple[_Request, ...]:
    # Documents due at the end of a day five days on, in Tehran.
    documents_due = datetime.combine(today + timedelta(days=5), time(23, 59), tzinfo=TEHRAN)
    review = Change(CertStatus.UNDER_REVIEW)
    return (
        _Request("مریم حسینی", "09121110001", "سامانه حسابداری ابری آوا"),
        _Request(
            "شرکت نرم‌افزاری پارس سامانه",
            "09121110002",
            "اپلیکیشن نوبت‌دهی سلامت",
            (
                Change(
                    CertStatus.DOCUMENTS_INCOMPLETE,
                    missing=("گواهی ثبت شرکت", "مستندات فنی معماری نرم‌افزار"),
                    documents_due=documents_due,
                ),
            ),
        ),
        _Request("علی رضایی", "09121110003", "نرم‌افزار مدیریت انبار کیمیا", (review,)),
        _Request(
            "سارا کریمی",
            "09121110004",
            "فروشگاه‌ساز آنلاین نگین",
            (review, Change(CertStatus.AWAITING_FEE)),
        ),
        _Request(
            "شرکت فناوری اطلاعات سپهر",
            "09121110005",
            "درگاه پیامک سپهر",
            (review, Change(CertStatus.ISSUED, link="https://certificates.example/1405-0005")),
        ),
        _Request(
            "حمید نوری",
            "09121110006",
            "بازی موبایلی ستاره",
            (
                Change(
                    CertStatus.REJECTED,
                    reason="مستندات امنیتی ارائه‌شده با نسخه نرم‌افزار همخوانی ندارد.",
                ),
            ),
        ),
    )


@dataclass(frozen=True)
class DemoExamples:
    """Queries that show each kind of answer on the sample registry."""

    number: str
    domain: str
    name: str
    several: str
    expired: str
    suspended: str
    unlicensed: str


@dataclass(frozen=True)
class DemoData:
    """What was made."""

    licences: int
    provinces: int
    categories: int
    requests: tuple[CertificateRequest, ...]
    examples: DemoExamples


@dataclass(frozen=True)
class AlreadyFilled:
    """The registry has licences already: nothing was written."""

    licences: int


def _arabic_letters(text: str) -> str:
    """The same name as many keyboards type it: Arabic yeh and kaf."""
    return text.replace("ی", "ي").replace("ک", "ك")


def _examples(rows: list[LicenceRow], today: date) -> DemoExamples:
    valid = [
        row for row in rows if row.status == LicenceStatus.VALID.value and row.expires_on >= today
    ]
    by_number = next(row for row in valid if "/" in row.number)
    by_domain = next(row for row in valid if "." in row.sites[0] and row is not by_number)
    names = [row.business_name for row in rows]
    # A name held by one licence, with letters to show the Arabic/Persian tolerance.
    by_name = next(
        row
        for row in valid
        if row is not by_number
        and row is not by_domain
        and names.count(row.business_name) == 1
        and ("ی" in row.business_name or "ک" in row.business_name)
    )
    expired = next(row for row in rows if row.status == LicenceStatus.EXPIRED.value)
    suspended = next(row for row in rows if row.status == LicenceStatus.SUSPENDED.value)
    return DemoExamples(
        number=by_number.number,
        domain=f"https://www.{by_domain.sites[0]}/",
        name=_arabic_letters(by_name.business_name),
        several=by_name.business_name.split()[0].split("\u200c")[0],
        expired=expired.number,
        suspended=suspended.number,
        unlicensed=UNLICENSED_SITE,
    )


async def fill_demo(
    repo: Repo,
    config: DeskConfig,
    now: datetime,
    *,
    count: int = DEMO_LICENCES,
    seed: int = DEMO_SEED,
) -> DemoData | AlreadyFilled:
    """Fill an empty registry with ``count`` sample licences and a handful of certificate
    requests in every status, for a new user to try; an existing registry is left alone."""
    existing = await repo.licences.count()
    if existing:
        return AlreadyFilled(existing)
    today = tehran_today(now)
    rows = sample_licences(count, seed=seed, today=today)
    await repo.licences.upsert_many(rows, now=now)
    await repo.commit()
    made: list[CertificateRequest] = []
    for sample in _requests(today):
        request = await certificates.create(
            repo,
            applicant_name=sample.applicant,
            phone_text=sample.phone,
            product_name=sample.product,
            by=None,
            role=Role.SYSTEM.value,
            now=now,
            config=config,
        )
        if isinstance(request, Refusal):
            raise RuntimeError(f"a sample certificate request was refused: {request.key}")
        for change in sample.moves:
            moved = await certificates.change_status(
                repo, request, change, by=None, role=Role.SYSTEM.value, now=now, config=config
            )
            if isinstance(moved, Refusal):
                raise RuntimeError(f"a sample certificate move was refused: {moved.key}")
        made.append(request)
    return DemoData(
        licences=len(rows),
        provinces=len({row.province for row in rows}),
        categories=len({row.category for row in rows}),
        requests=tuple(made),
        examples=_examples(rows, today),
    )
