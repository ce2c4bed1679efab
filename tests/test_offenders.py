"""Repeat offenders: the staff card and a clerk's /licence show a business's complaint record over
the last year (open, closed, violations found, referred to Taazirat); admins list the businesses
with the most complaints of a period with /stats offenders, on Telegram and on Bale.

A business is its licence when a case names one (linked to the registry, or the number typed),
else its website, else its name. The clock stands on Sunday 1 Azar 1405, 10:00 in Tehran.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from sqlalchemy import select, text

from models.repos.licences import number_key
from models.tables import Case
from services.platforms import Platform
from tests.conftest import BALE_STAFF_CHAT
from tests.desk import Desk, Person
from tests.registry import NAROON_BOOKS
from tests.staff import clerk, group_texts, list_as_clerk, say_in_group, second_clerk
from tests.test_complaint_flow import file_complaint
from tests.test_reports import ADMIN, insert_case, jalali, person_in_db, sent_to, shown

# A complaint naming Naroon's licence by its number typed another way, referred to Taazirat.
TYPED_JUDICIAL = {
    "licence_number": "1400-12345",
    "status": "referred_judicial",
    "opinion": "violation",
}
BALE_ADMIN = Person(Platform.BALE, 222, "Mina", "Admin")
SITE = "example-shop.ir"  # the website the form's citizen gives (tests.test_complaint_flow)
RECORD = "سابقه کسب‌وکار در یک سال گذشته:"


async def add_cases(desk: Desk, sara: Person, rows: list[dict[str, Any]]) -> None:
    async with desk.repo() as repo:
        citizen = await person_in_db(repo, sara)
        for number, fields in enumerate(rows, start=1):
            insert_case(repo, 100 + number, citizen, **fields)
        await repo.commit()


async def naroon_id(desk: Desk) -> int:
    async with desk.repo() as repo:
        await repo.licences.upsert_many([NAROON_BOOKS])
        licence = await repo.licences.by_number(NAROON_BOOKS.number)
        assert licence is not None
        await repo.commit()
        return licence.id


def card_of(desk: Desk) -> str:
    """The newest case card in the staff group."""
    return shown(next(text for text in reversed(group_texts(desk)) if "<b>موضوع:</b>" in text))


# --- the card -----------------------------------------------------------------------------------


async def test_the_card_shows_the_business_record_of_the_last_year(
    desk: Desk, sara: Person
) -> None:
    await add_cases(
        desk,
        sara,
        [
            {"business_url": SITE, "status": "closed", "received_at": jalali(1405, 7, 1)},
            {
                "business_url": SITE,
                "status": "referred_judicial",
                "opinion": "violation",
                "received_at": jalali(1405, 8, 10),
            },
            {"business_url": SITE, "status": "in_progress", "received_at": jalali(1405, 8, 20)},
            # More than a year ago, another website, the same website with a licence named.
            {"business_url": SITE, "status": "closed", "received_at": jalali(1404, 8, 20)},
            {"business_url": "other-shop.ir", "status": "closed"},
            {"business_url": SITE, "licence_number": "1400/99999", "status": "closed"},
        ],
    )

    await file_complaint(desk, sara)
    await desk.drain()

    card = card_of(desk)
    assert "شکایت تازه" in card
    assert f"{RECORD}</b> ۳ شکایت دیگر — ۱ باز، ۱ مختومه، ۱ تخلف محرز، ۱ ارجاع به تعزیرات" in card

    # /case shows it too; a year on, by the settable clock, the record is empty.
    async with desk.repo() as repo:
        filed = await repo.session.scalar(select(Case).order_by(Case.id.desc()))
        assert filed is not None and filed.business_url == SITE
    await say_in_group(desk, clerk(), f"/case {filed.code}")
    assert "۳ شکایت دیگر" in card_of(desk)
    desk.clock.advance(timedelta(days=365))
    await say_in_group(desk, clerk(), f"/case {filed.code}")
    assert f"{RECORD}</b> شکایت دیگری نیست." in card_of(desk)


async def test_the_card_in_a_bale_staff_chat_shows_the_record_too(
    bale_desk: Desk, sara: Person
) -> None:
    await add_cases(
        bale_desk,
        sara,
        [{"business_url": SITE, "status": "closed"}, {"business_url": SITE, "status": "voided"}],
    )

    await file_complaint(bale_desk, sara)
    await bale_desk.drain()

    [card] = [
        shown(r.text).replace("*", "")
        for r in bale_desk.api[Platform.BALE].sent(chat_id=BALE_STAFF_CHAT)
        if "موضوع:" in r.text
    ]
    # The voided one counts among the complaints, neither open nor closed.
    assert f"{RECORD} ۲ شکایت دیگر — ۰ باز، ۱ مختومه، ۰ تخلف محرز، ۰ ارجاع به تعزیرات" in card


async def test_the_card_of_a_licensed_business_counts_its_licence_however_named(
    desk: Desk, sara: Person
) -> None:
    licence_id = await naroon_id(desk)
    await add_cases(
        desk,
        sara,
        [
            # Linked to the registry's licence; the number typed another way; a referral.
            {"respondent_licence_id": licence_id, "status": "closed", "business_url": None},
            TYPED_JUDICIAL,
            {
                "licence_number": "140012345",
                "source_kind": "referral",
                "source_body": "ecommerce_center",
            },
        ],
    )

    await say_in_group(desk, clerk(), f"/case {await code_of_case(desk, 3)}")

    # The other two: one closed, one referred to Taazirat on a violation (not open: the union's
    # part is done).
    card = card_of(desk)
    assert f"{RECORD}</b> ۲ شکایت دیگر — ۰ باز، ۱ مختومه، ۱ تخلف محرز، ۱ ارجاع به تعزیرات" in card


async def code_of_case(desk: Desk, index: int) -> str:
    async with desk.repo() as repo:
        codes = list(await repo.session.scalars(select(Case.code).order_by(Case.id)))
    return codes[index - 1]


# --- /licence -----------------------------------------------------------------------------------

LICENCE_RECORD = "شکایت‌ها از این کسب‌وکار در یک سال گذشته:"


async def test_a_clerks_licence_lookup_shows_the_record_and_a_citizens_does_not(
    desk: Desk, sara: Person
) -> None:
    licence_id = await naroon_id(desk)
    await add_cases(
        desk,
        sara,
        [
            {"respondent_licence_id": licence_id, "status": "closed", "opinion": "no_violation"},
            TYPED_JUDICIAL,
            {"licence_number": "140012345", "source_kind": "referral", "source_body": "other"},
            # Older than a year; the same name without its licence.
            {"respondent_licence_id": licence_id, "received_at": jalali(1404, 6, 1)},
            {"business_name": "کتاب‌سرای نارون", "business_url": None},
        ],
    )

    await say_in_group(desk, clerk(), "/licence 1400/12345")

    answer = shown(group_texts(desk)[-1])
    assert "کتاب‌سرای نارون" in answer
    assert (
        f"{LICENCE_RECORD}</b> ۳ شکایت — ۱ باز، ۱ مختومه، ۱ تخلف محرز، ۱ ارجاع به تعزیرات"
        in answer
    )
    # The figures are the rows': the cases of the last year whose licence is this one.
    async with desk.repo() as repo:
        cases = list(await repo.session.scalars(select(Case)))
    since = desk.clock.now() - timedelta(days=365)
    mine = [
        case
        for case in cases
        if case.received_at >= since
        and (
            case.respondent_licence_id == licence_id
            or number_key(case.licence_number or "") == number_key(NAROON_BOOKS.number)
        )
    ]
    assert len(mine) == 3

    # A citizen looking the licence up sees the licence, not the union's record.
    await desk.say(sara, "/licence 1400/12345")
    assert "کتاب‌سرای نارون" in shown(desk.last_text(sara))
    assert LICENCE_RECORD not in shown(desk.last_text(sara))
    # An admin in private sees it, and a clerk on the staff list (the list alone is asked:
    # a private lookup never asks the platform whether someone is a member of a staff chat).
    await desk.say(ADMIN, "/licence 1400/12345")
    assert f"{LICENCE_RECORD}</b> ۳ شکایت" in shown(desk.last_text(ADMIN))
    neda = second_clerk()
    await list_as_clerk(desk, neda)
    await desk.say(neda, "/licence 1400/12345")
    assert f"{LICENCE_RECORD}</b> ۳ شکایت" in shown(desk.last_text(neda))


async def test_a_licence_without_complaints_says_so_to_staff(desk: Desk) -> None:
    await naroon_id(desk)

    await say_in_group(desk, clerk(), "/licence 1400/12345")

    assert f"{LICENCE_RECORD}</b> شکایتی نرسیده است." in shown(group_texts(desk)[-1])


async def test_a_clerk_finds_the_record_of_a_business_the_registry_does_not_hold(
    desk: Desk, sara: Person
) -> None:
    await seed_offenders(desk, sara)

    # By its website, in any form a citizen would type it; by its name; by a number typed.
    await say_in_group(desk, clerk(), "/licence https://www.Bad-Shop.ir/cart")
    answer = shown(group_texts(desk)[-1])
    assert "پروانه کسبی ثبت نشده است" in answer
    assert (
        f"{LICENCE_RECORD}</b> ۳ شکایت — ۱ باز، ۱ مختومه، ۱ تخلف محرز، ۱ ارجاع به تعزیرات"
        in answer
    )
    await say_in_group(desk, clerk(), "/licence بازار بی‌نام")
    assert f"{LICENCE_RECORD}</b> ۱ شکایت — ۱ باز" in shown(group_texts(desk)[-1])
    await say_in_group(desk, clerk(), "/licence ۱۴۰۹/۵۵۵۵۵")
    assert f"{LICENCE_RECORD}</b> شکایتی نرسیده است." in shown(group_texts(desk)[-1])


# --- /stats offenders ---------------------------------------------------------------------------


async def seed_offenders(desk: Desk, sara: Person) -> None:
    """In Aban 1405: three complaints about bad-shop.ir, two about Naroon's licence (linked and
    typed), one about a business by name only; in Mehr 1404, five more about old-shop.ir."""
    licence_id = await naroon_id(desk)
    aban = jalali(1405, 8, 10)
    bad = {"business_url": "bad-shop.ir", "business_name": "فروشگاه بد", "received_at": aban}
    naroon = {"business_name": "کتاب‌سرای نارون", "business_url": None, "received_at": aban}
    await add_cases(
        desk,
        sara,
        [
            bad | {"status": "closed"},
            bad | {"status": "referred_judicial", "opinion": "violation"},
            bad | {"status": "in_progress", "business_name": "فروشگاه بد (شعبه دو)"},
            naroon | {"respondent_licence_id": licence_id, "status": "voided"},
            naroon | {"licence_number": "1400/12345", "status": "closed"},
            {"business_name": "بازار بی‌نام", "business_url": None, "received_at": aban},
            *(
                {"business_url": "old-shop.ir", "business_name": "فروشگاه قدیمی"}
                | {"received_at": jalali(1404, 7, 10)}
                for _ in range(5)
            ),
        ],
    )


async def test_admins_list_the_businesses_with_the_most_complaints_of_a_period(
    desk: Desk, sara: Person
) -> None:
    await seed_offenders(desk, sara)

    await desk.say(ADMIN, "/stats offenders آبان ۱۴۰۵")

    text = shown(sent_to(desk, ADMIN, "sendMessage")[-1].text)
    assert "کسب‌وکارهای پرشکایت — آبان ۱۴۰۵" in text
    lines = text.splitlines()[2:]
    assert lines == [
        "۱. <b>فروشگاه بد (شعبه دو)</b> (bad-shop.ir): ۳ شکایت — ۱ باز، ۱ مختومه، "
        "۱ تخلف محرز، ۱ ارجاع به تعزیرات",
        "۲. <b>کتاب‌سرای نارون</b> (پروانه ۱۴۰۰۱۲۳۴۵): ۲ شکایت — ۰ باز، ۱ مختومه، "
        "۰ تخلف محرز، ۰ ارجاع به تعزیرات",
        "۳. <b>بازار بی‌نام</b> (بدون پروانه و نشانی): ۱ شکایت — ۱ باز، ۰ مختومه، "
        "۰ تخلف محرز، ۰ ارجاع به تعزیرات",
    ]
    # The figures are the rows': complaints of Aban per website.
    async with desk.repo() as repo:
        sites = Counter(
            await repo.session.scalars(
                select(Case.business_url).where(Case.received_at >= jalali(1405, 8, 1, 0))
            )
        )
    assert sites["bad-shop.ir"] == 3

    # Every case: the old shop's five lead.
    await desk.say(ADMIN, "/stats offenders")
    text = shown(sent_to(desk, ADMIN, "sendMessage")[-1].text)
    assert "کسب‌وکارهای پرشکایت — همه پرونده‌ها" in text
    assert "۱. <b>فروشگاه قدیمی</b> (old-shop.ir): ۵ شکایت — ۵ باز" in text


async def test_an_admin_on_bale_lists_offenders_in_persian_words(desk: Desk, sara: Person) -> None:
    await seed_offenders(desk, sara)

    await desk.say(BALE_ADMIN, "/stats متخلفان از ۱۴۰۵/۰۸/۰۱ تا ۱۴۰۵/۰۸/۳۰")

    # Bale's markup is its own: the words are the same.
    text = shown(sent_to(desk, BALE_ADMIN, "sendMessage")[-1].text).replace("*", "")
    assert "کسب‌وکارهای پرشکایت — از ۱ آبان ۱۴۰۵ تا ۳۰ آبان ۱۴۰۵" in text
    assert "۱. فروشگاه بد (شعبه دو) (bad-shop.ir): ۳ شکایت — ۱ باز" in text
    assert "فروشگاه قدیمی" not in text


async def test_offenders_of_an_empty_period_or_a_bad_one(desk: Desk, sara: Person) -> None:
    await seed_offenders(desk, sara)

    await desk.say(ADMIN, "/stats offenders این ماه")
    assert "در آذر ۱۴۰۵ شکایتی دریافت نشده است" in shown(desk.last_text(ADMIN))
    await desk.say(ADMIN, "/stats offenders abc")
    answer = shown(desk.last_text(ADMIN))
    assert "«abc» دوره‌ای نیست که بشناسم" in answer and "/stats متخلفان امسال" in answer


async def test_a_citizen_cannot_list_offenders(desk: Desk, sara: Person) -> None:
    await seed_offenders(desk, sara)

    await desk.say(sara, "/stats offenders")

    assert all("پرشکایت" not in text for text in (r.text for r in desk.to(sara)))


# --- the card's cost ----------------------------------------------------------------------------


async def test_a_business_record_is_an_index_search(desk: Desk) -> None:
    """The card draws a record each time: by licence, website or name, an index finds the
    business's cases (0016_offenders), never a scan of the year's cases."""
    from sqlalchemy.dialects import sqlite

    from models.repos.case_reports import Business, _of_business

    async with desk.repo() as repo:
        if repo.session.get_bind().dialect.name != "sqlite":
            return
        for business, indexes in (
            (
                Business(licence_key="140012345"),
                ("ix_cases_respondent_licence_id", "ix_cases_licence_key"),
            ),
            (Business(website="bad-shop.ir"), ("ix_cases_business_url",)),
            (Business(name_key="بازار"), ("ix_cases_business_key",)),
        ):
            query = select(Case.id).where(_of_business(business, [7]))
            sql = query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
            plan = " ".join(
                str(row[-1])
                for row in await repo.session.execute(text(f"EXPLAIN QUERY PLAN {sql}"))
            )
            assert "SCAN cases" not in plan, plan
            assert all(index in plan for index in indexes), plan
