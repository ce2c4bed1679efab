"""The printed receipt of a referred complaint, addressed to the body that referred it: sent into
the case's staff thread when a clerk registers the letter with /refer, summed up in one message
for an import, and given to staff by `/receipt CODE`; and the province a referred case keeps.

The clock stands at Sunday 1 Azar 1405 (22 November 2026), 10:00 in Tehran.
"""

from __future__ import annotations

from sqlalchemy import select

from models.tables import Case
from services import referrals
from services.formatting import format_code, format_datetime
from services.lengths import utf16_units
from services.platforms import Platform
from services.texts import texts
from services.tracking import CodeKind, new_code
from tests.desk import Desk, Person
from tests.fakes import Request
from tests.forms import DESCRIPTION
from tests.registry import NAROON_BOOKS, fill_registry
from tests.staff import (
    STAFF_CHAT,
    admin,
    clerk,
    group_messages,
    group_texts,
    outbox_rows,
    press_on_group,
    say_in_group,
)
from tests.test_certificate_import import send_file
from tests.test_receipt_pdf import pdf_of, text_of
from tests.test_referral_import import a_row as letter_row
from tests.test_referral_import import csv_file

LETTER = "۴۵۶۷۸"
INDUSTRY = "سازمان صنعت، معدن و تجارت استان اصفهان"
CENTER = "مرکز توسعه تجارت الکترونیکی"
PROVINCE_ASKED = "کسب‌وکار در کدام استان است؟"


async def refer(
    desk: Desk,
    *,
    body: str = "مرکز توسعه تجارت",
    body_name: str | None = None,
    letter: str = LETTER,
    website: str = "shop.ir",
    licence: str = "-",
    mobile: str = "۰۹۱۲۳۴۵۶۷۸۹",
    province: str = "-",
) -> Case:
    """A clerk registers a referred complaint by /refer in the staff group; the new case. The
    business's province is answered when asked (only when nothing else gives it)."""
    ali = clerk()
    await say_in_group(desk, ali, "/refer")
    await press_on_group(desk, ali, body)
    answers = [] if body_name is None else [body_name]
    answers += [letter, "۱۴۰۵/۰۸/۲۵", "مریم کاظمی", mobile, "فروشگاه نمونه", website, licence]
    for answer in answers:
        await say_in_group(desk, ali, answer)
    if PROVINCE_ASKED in group_texts(desk)[-1]:
        await say_in_group(desk, ali, province)
    await press_on_group(desk, ali, "فصل هشتم")
    await say_in_group(desk, ali, DESCRIPTION)
    await say_in_group(desk, ali, "-")  # no order
    await press_on_group(desk, ali, "ثبت شکایت ارجاعی")
    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case).order_by(Case.id.desc()))
        assert case is not None
        return case


def documents_in_group(desk: Desk) -> list[Request]:
    return [r for r in group_messages(desk) if r.method == "sendDocument"]


def documents_to(desk: Desk, person: Person) -> list[Request]:
    return [r for r in desk.to(person) if r.method == "sendDocument"]


async def test_a_referred_complaint_brings_its_receipt_as_a_pdf_to_the_referring_body(
    desk: Desk,
) -> None:
    case = await refer(desk)
    assert documents_in_group(desk) == []  # laid out by the sender, not by the handler
    await desk.drain()

    [printed] = documents_in_group(desk)
    code = format_code(case.code, "fa")
    assert printed.chat_id == STAFF_CHAT
    assert code in printed.text and CENTER in printed.text and LETTER in printed.text
    assert utf16_units(printed.text) <= 1024
    assert printed.params["parse_mode"] == "HTML"
    [name] = printed.files
    assert printed.files[name].startswith(b"%PDF-")
    card = next(r for r in group_messages(desk) if "شکایت تازه" in r.text)
    assert group_messages(desk).index(card) < group_messages(desk).index(printed)

    text = text_of(printed)
    for expected in (
        "رسید ثبت شکایت ارجاعی",
        f"به: {CENTER}",
        LETTER,
        "۲۵ آبان ۱۴۰۵",  # the letter's Jalali date
        code,
        f"/track {code}",
        "فروشگاه نمونه",
        "تخلفات و جرایم فصل هشتم قانون نظام صنفی",
        "مریم کاظمی",
        "بررسی و ارجاع به کمیسیون",  # the statutory step
        format_datetime(case.step_due_at, "fa"),  # and its deadline
        format_datetime(case.overall_due_at, "fa"),  # Article 72's
        "رایگان (۰ ریال)",
        "دفتر پیشخوان نمونه",
        "۱۲۳۴۵۶",
        "تهران، خیابان آزادی",
    ):
        assert expected in text, expected
    assert pdf_of(printed).metadata.title == "رسید ثبت شکایت ارجاعی"
    [row] = await outbox_rows(desk, "printed_receipt")
    assert (row.method, row.status, row.case_id) == ("receipt_pdf", "sent", case.id)
    assert (row.chat_id, row.dedupe_key) == (STAFF_CHAT, f"referral_receipt:{case.code}")

    # One a case: a second drain sends nothing again.
    await desk.drain()
    assert len(documents_in_group(desk)) == 1


async def test_an_organizations_receipt_names_it_with_its_province(desk: Desk) -> None:
    case = await refer(desk, body="سازمان صنعت، معدن و تجارت", body_name="اصفهان")
    await desk.drain()

    [printed] = documents_in_group(desk)
    text = text_of(printed)
    assert f"به: {INDUSTRY}" in text and LETTER in text
    assert format_code(case.code, "fa") in text


async def test_staff_get_a_referred_cases_receipt_again_and_citizens_only_their_own(
    desk: Desk, sara: Person, reza: Person
) -> None:
    case = await refer(desk)
    await desk.drain()
    code = format_code(case.code, "fa")

    # A clerk in the staff group.
    await say_in_group(desk, clerk(), f"/receipt {code}")
    await desk.drain()
    assert len(documents_in_group(desk)) == 2
    assert f"به: {CENTER}" in text_of(documents_in_group(desk)[-1])
    await say_in_group(desk, clerk(), "/receipt ۹۹۹۹۹-۹۹۹۹۹")
    assert "این کد رهگیری درست نیست" in group_messages(desk)[-1].text
    unknown = next(
        c for c in iter(lambda: new_code(CodeKind.COMPLAINT), None) if c.digits != case.code
    )
    await say_in_group(desk, clerk(), f"/receipt {unknown.digits}")
    shown = format_code(unknown, "fa")
    assert f"پرونده‌ای با کد {shown} پیدا نشد" in group_messages(desk)[-1].text
    await say_in_group(desk, clerk(), "/receipt")
    assert "/receipt ۱۲۳۴۵-۶۷۸۹۰" in group_messages(desk)[-1].text
    assert len(documents_in_group(desk)) == 2

    # An admin in private.
    mina = admin()
    await desk.say(mina, f"/receipt {case.code}")
    await desk.drain()
    [to_admin] = documents_to(desk, mina)
    assert f"به: {CENTER}" in text_of(to_admin)

    # A citizen who is not the complainant: as if there were no such case.
    await desk.say(reza, f"/receipt {code}")
    await desk.drain()
    assert "پیدا نشد" in desk.last_text(reza) and documents_to(desk, reza) == []

    # The complainant, once they verified the letter's mobile: their own receipt.
    await desk.say(sara, "/mycases")
    await desk.share_contact(sara, "+989123456789", owner_id=sara.id)
    await desk.say(sara, f"/receipt {code}")
    await desk.drain()
    [own] = documents_to(desk, sara)
    own_text = text_of(own)
    assert "رسید خدمت" in own_text and f"/track {code}" in own_text
    assert "به:" not in own_text


async def test_an_import_sums_up_in_one_message_and_receipt_gives_each_pdf(
    desk: Desk,
) -> None:
    rows = [letter_row(**{"شماره نامه": str(n), "موبایل شاکی": ""}) for n in range(1, 6)]
    await send_file(desk, admin(), "letters.csv", csv_file(rows), caption="/refer import")
    await desk.drain()

    async with desk.repo() as repo:
        cases = list(await repo.session.scalars(select(Case).order_by(Case.id)))
    assert len(cases) == 5
    assert documents_in_group(desk) == []  # no PDF per letter
    summaries = [r.text for r in group_messages(desk) if r.text.startswith("📥")]
    assert len(summaries) == 1
    assert "۵ شکایت ارجاعی" in summaries[0] and "«letters.csv»" in summaries[0]
    assert "/receipt" in summaries[0]
    cards = [r for r in group_messages(desk) if "شکایت تازه" in r.text]
    assert len(cards) == 5

    await say_in_group(desk, clerk(), f"/receipt {cases[2].code}")
    await desk.drain()
    [printed] = documents_in_group(desk)
    text = text_of(printed)
    assert f"به: {CENTER}" in text and format_code(cases[2].code, "fa") in text
    assert "۳" in text  # the third letter's number


# --- the province ---------------------------------------------------------------------------


async def test_a_referred_case_keeps_the_registrys_province(desk: Desk) -> None:
    await fill_registry(desk)

    case = await refer(desk, licence=NAROON_BOOKS.number)

    assert case.licence_number == NAROON_BOOKS.number
    assert case.province == "اصفهان"  # the registry's, as the citizen's form keeps it
    assert case.respondent_licence_id is not None


async def test_the_registry_finds_the_business_by_its_website_too(desk: Desk) -> None:
    await fill_registry(desk)

    case = await refer(desk, website="ketabsara-naroon.ir")

    assert case.province == "اصفهان" and case.respondent_licence_id is not None


async def test_an_organizations_province_stands_when_the_registry_knows_nothing(
    desk: Desk,
) -> None:
    case = await refer(desk, body="سازمان صنعت، معدن و تجارت", body_name="خراسان رضوی")
    assert case.province == "خراسان رضوی"

    other = await refer(desk, letter="۹۸۷۶")  # the Center, no licence, the province skipped
    assert other.province is None


async def test_the_form_asks_the_province_when_nothing_else_gives_it(desk: Desk) -> None:
    ali = clerk()
    await say_in_group(desk, ali, "/refer")
    await press_on_group(desk, ali, "مرکز توسعه تجارت")
    for answer in (LETTER, "۱۴۰۵/۰۸/۲۵", "-", "-", "فروشگاه نمونه", "shop.ir", "-"):
        await say_in_group(desk, ali, answer)
    asked = group_texts(desk)[-1]
    assert PROVINCE_ASKED in asked and "مرحله ۹ از ۱۴" in asked
    assert group_messages(desk)[-1].markup().get("force_reply")
    await say_in_group(desk, ali, "آتلانتیس")
    assert "این نام استان شناخته نشد" in group_texts(desk)[-1]
    await say_in_group(desk, ali, "خراسان رضوی")
    await press_on_group(desk, ali, "فصل هشتم")
    await say_in_group(desk, ali, DESCRIPTION)
    await say_in_group(desk, ali, "-")
    assert "خراسان رضوی" in group_texts(desk)[-1]  # the summary shows it
    await press_on_group(desk, ali, "ثبت شکایت ارجاعی")

    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
    assert case is not None and case.province == "خراسان رضوی"


async def test_the_form_does_not_ask_what_the_registry_or_the_organization_gives(
    desk: Desk,
) -> None:
    await fill_registry(desk)
    await refer(desk, website="ketabsara-naroon.ir")
    await refer(desk, body="سازمان صنعت، معدن و تجارت", body_name="یزد", letter="۱۱۱")

    assert not any(PROVINCE_ASKED in text for text in group_texts(desk))


async def test_an_imported_letter_keeps_the_registrys_province(desk: Desk) -> None:
    await fill_registry(desk)
    rows = [letter_row(**{"شماره پروانه": NAROON_BOOKS.number})]
    await send_file(desk, admin(), "letters.csv", csv_file(rows), caption="/refer import")

    async with desk.repo() as repo:
        case = await repo.session.scalar(select(Case))
    assert case is not None and case.province == "اصفهان"


async def test_bale_staff_get_the_receipt_too(desk: Desk) -> None:
    """An admin on Bale asks for a referred case's receipt in private: no markup on Bale."""
    case = await refer(desk)
    await desk.drain()
    bale_admin = Person(Platform.BALE, 222, "Mina", "Admin")

    await desk.say(bale_admin, f"/receipt {case.code}")
    await desk.drain()

    [printed] = documents_to(desk, bale_admin)
    assert "parse_mode" not in printed.params and "<" not in printed.text
    assert utf16_units(printed.text) <= 1024
    assert f"به: {CENTER}" in text_of(printed)


async def test_a_letter_naming_no_complainant_says_so_on_the_receipt(desk: Desk) -> None:
    case = await refer(desk)
    case.contact_name = ""  # an imported letter may name none
    t = texts("fa")

    receipt = referrals.receipt_contents(case, desk.settings.config, t)
    sheet = referrals.receipt_sheet(case, desk.settings.config, t)

    assert receipt.recipient == "در نامه نیامده"
    assert ("شاکی", "در نامه نیامده") in [
        (label.rstrip(":"), value) for label, value in sheet.rows
    ]
    assert all(value.strip() not in ("—", "-") for _, value in sheet.rows)
