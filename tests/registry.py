"""A licence registry of thousands for the desk's tests: sampled licences, and a few written by
hand so that each lookup reads as a story."""

from __future__ import annotations

from datetime import date
from typing import Any

from models.repos.licences import LicenceRow
from services.licence_samples import sample_licences
from services.normalize import search_key
from tests.desk import Desk

# The desk's day in the tests: Sunday 1 Azar 1405 (conftest.START).
TODAY = date(2026, 11, 22)
ZWNJ = "\u200c"
IN_PLACE = "سامانه آنلاین ارائه خدمات در محل"


def a_licence(number: str, **changes: Any) -> LicenceRow:
    """A valid licence of a natural person in Tehran, changed as given."""
    values: dict[str, Any] = {
        "number": number,
        "holder_type": "natural",
        "holder_name": "مریم احمدی",
        "holder_phone": "+989350000000",
        "business_name": "نمونه",
        "sites": (f"shop{number.replace('/', '')}.ir",),
        "category": IN_PLACE,
        "isic": "521128",
        "province": "تهران",
        "issued_on": date(2025, 1, 1),
        "expires_on": date(2028, 1, 1),
        "status": "valid",
    }
    values.update(changes)
    values["business_key"] = search_key(values["business_name"])
    return LicenceRow(**values)


NAROON_BOOKS = a_licence(
    "1400/12345",
    business_name="کتاب" + ZWNJ + "سرای نارون",
    sites=("ketabsara-naroon.ir", "instagram:ketabsara"),
    province="اصفهان",
    issued_on=date(2025, 3, 21),  # 1 Farvardin 1404
    expires_on=date(2028, 3, 20),
)
NAROON_BOOK = a_licence(
    "140198765",
    business_name="نارون کتاب",
    holder_type="legal",
    holder_name="شرکت نارون کتاب (سهامی خاص)",
    sites=("naroonketab.com",),
    expires_on=date(2025, 6, 1),  # recorded valid, but past its expiry
)
NAROON_FLOWERS = a_licence(
    "140255555", business_name="نارون گل", sites=("naroongol.ir",), status="suspended"
)
REVOKED = a_licence("140366666", business_name="سکه طلای پارسه", status="revoked")
HANDWRITTEN = (NAROON_BOOKS, NAROON_BOOK, NAROON_FLOWERS, REVOKED)

SAMPLED = sample_licences(3000, seed=7, today=TODAY)


async def fill_registry(desk: Desk, *extra: LicenceRow) -> None:
    """Thousands of sampled licences, the handwritten ones, and any given."""
    async with desk.repo() as repo:
        await repo.licences.upsert_many([*SAMPLED, *HANDWRITTEN, *extra])
        await repo.commit()
