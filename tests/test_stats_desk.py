"""/stats as a union reports and a desk lead reads it: a period (this month, last month, a
Jalali year or month), every status with its zeros, membership of the union, response and
closing times against their deadlines, what is overdue now, each clerk's load by name, and
satisfaction only once someone has rated. The clock stands on Sunday 1 Azar 1405, 10:00."""

from __future__ import annotations

from datetime import datetime

import pytest

from models.tables import Rating
from services import charts
from services.formatting import localize_digits
from services.platforms import Platform
from services.reports import stats as desk_stats
from services.texts import texts
from tests.desk import Desk, Person
from tests.registry import a_licence
from tests.test_reports import (
    ADMIN,
    PNG_SIGNATURE,
    insert_case,
    jalali,
    person_in_db,
    sent_to,
    shown,
    uploaded,
)

BALE_ADMIN = Person(Platform.BALE, 222, "Hamid", "Admin")
ALL_STATUSES = (
    "منتظر بررسی کارشناس",
    "در دست اقدام",
    "ارجاع به کمیسیون شکایت",
    "ارجاع به کمیته نظارت",
    "ارجاع به مراجع قضایی (تعزیرات حکومتی)",
    "باطل شده",
    "مختومه",
)


async def seed_aban(desk: Desk, sara: Person) -> None:
    """Four cases received in Aban 1405, one in Azar, one in Esfand 1404.

    First responses: 2 Aban 9:00 answered the next day (in time); 3 Aban 15:00 answered on
    5 Aban at 18:00 (two working days end on 5 Aban at 16:00: two hours late); 5 Aban 17:00,
    after hours, so its clock starts on 6 Aban and runs to 10 Aban 16:00 (Thursday and Friday
    are off): answered on 10 Aban in the morning, in time. Closings: after 8 days (in time),
    and on the tenth day two hours after closing time (late).
    """
    async with desk.repo() as repo:
        await repo.licences.upsert_many(
            [a_licence("1400/11111"), a_licence("1400/22222", sites=("naroon.ir",))]
        )
        citizen = await person_in_db(repo, sara)
        ali = await person_in_db(repo, Person(Platform.TELEGRAM, 7001, "Ali", "Moradi"))
        neda = await person_in_db(repo, Person(Platform.TELEGRAM, 7002, "Neda", "Samadi"))
        on_time = insert_case(
            repo,
            1,
            citizen,
            status="closed",
            licence_number="1400-11111",
            province="تهران",
            assignee_id=ali.id,
            received_at=jalali(1405, 8, 2, 9),
            first_response_at=jalali(1405, 8, 3, 11),
            decided_at=jalali(1405, 8, 10, 12),
        )
        insert_case(
            repo,
            2,
            citizen,
            status="closed",
            business_url="naroon.ir",
            province="فارس",
            assignee_id=ali.id,
            received_at=jalali(1405, 8, 3, 15),
            first_response_at=jalali(1405, 8, 5, 18),
            decided_at=jalali(1405, 8, 13, 18),
        )
        insert_case(
            repo,
            3,
            citizen,
            status="in_progress",
            assignee_id=neda.id,
            received_at=jalali(1405, 8, 5, 17),
            first_response_at=jalali(1405, 8, 10, 11),
            step_due_at=jalali(1405, 8, 10, 16),
            overall_due_at=jalali(1405, 8, 15, 16),
        )
        insert_case(
            repo,
            4,
            citizen,
            status="referred_judicial",
            subject="online_business",
            assignee_id=neda.id,
            received_at=jalali(1405, 8, 12, 9),
            step_due_at=jalali(1405, 9, 10, 16),
        )
        insert_case(
            repo,
            5,
            citizen,
            received_at=jalali(1405, 9, 1, 9),
            step_due_at=jalali(1405, 9, 3, 16),
            overall_due_at=jalali(1405, 9, 11, 16),
        )
        insert_case(
            repo,
            6,
            citizen,
            status="closed",
            received_at=jalali(1404, 12, 10, 9),
            decided_at=jalali(1404, 12, 14, 9),
        )
        await repo.session.flush()
        await repo.ratings.add(
            Rating(case_id=on_time.id, user_id=citizen.id, score=5, at=jalali(1405, 8, 11))
        )
        await repo.commit()


def stats_text(desk: Desk, admin: Person = ADMIN) -> str:
    return shown(sent_to(desk, admin, "sendMessage")[-1].text)


async def test_last_month_counts_every_status_with_its_zeros(desk: Desk, sara: Person) -> None:
    await seed_aban(desk, sara)

    await desk.say(ADMIN, "/stats ماه قبل")

    text = stats_text(desk)
    assert "آمار پیشخوان — آبان ۱۴۰۵" in text
    assert "پرونده‌های دریافتی:</b> ۴" in text
    counts = {"مختومه": "۲", "در دست اقدام": "۱", "ارجاع به مراجع قضایی (تعزیرات حکومتی)": "۱"}
    for status in ALL_STATUSES:
        assert f"\n• {status}: {counts.get(status, '۰')}\n" in text, status
    assert "• تخلفات ماده ۱۳ آیین‌نامه (بازاریابی شبکه‌ای): ۰" in text
    assert "به تفکیک ماه" not in text  # a single month has no months to list
    [photo] = sent_to(desk, ADMIN, "sendPhoto")
    assert uploaded(photo).startswith(PNG_SIGNATURE)
    assert shown(photo.text) == "📈 نمودار آمار پیشخوان — آبان ۱۴۰۵"


async def test_members_of_the_union_are_those_licensed_in_the_registry(
    desk: Desk, sara: Person
) -> None:
    await seed_aban(desk, sara)

    await desk.say(ADMIN, "/stats ماه قبل")

    text = stats_text(desk)
    # One by the licence number it gave (written with a dash), one by its website.
    assert "• عضو (دارای پروانه در سامانه): ۲ (۵۰٪)" in text
    assert "• غیرعضو: ۲ (۵۰٪)" in text


async def test_response_and_closing_times_are_measured_against_their_deadlines(
    desk: Desk, sara: Person
) -> None:
    await seed_aban(desk, sara)

    await desk.say(ADMIN, "/stats ماه قبل")

    text = stats_text(desk)
    assert "نخستین پاسخ</b> (۳ پرونده)" in text
    assert "در مهلت ۲ روز کاری: ۲ پرونده (۶۷٪)" in text
    assert "مختومه شدن</b> (۲ پرونده)" in text
    assert "در مهلت ۱۰ روزه ماده ۷۲: ۱ پرونده (۵۰٪)" in text


async def test_overdue_cases_and_each_clerks_load_are_shown_by_name(
    desk: Desk, sara: Person
) -> None:
    await seed_aban(desk, sara)

    await desk.say(ADMIN, "/stats ماه قبل")

    text = stats_text(desk)
    assert "هم‌اکنون</b> (۱ آذر ۱۴۰۵)" in text
    assert "• گذشته از مهلت مرحله: ۱" in text
    assert "• گذشته از مهلت ده‌روزه ماده ۷۲: ۱" in text
    assert "• Neda Samadi: ۲ در جریان، ۱ گذشته از مهلت، ۲ در این دوره" in text
    assert "• Ali Moradi: ۰ در جریان، ۰ گذشته از مهلت، ۲ در این دوره" in text
    assert "• بدون کارشناس: ۱ در جریان، ۰ گذشته از مهلت، ۰ در این دوره" in text
    assert "7001" not in text and "7002" not in text and "telegram" not in text


@pytest.mark.parametrize("period", ["1405", "۱۴۰۵", "امسال"])
async def test_a_jalali_year_lists_its_twelve_months(
    desk: Desk, sara: Person, period: str
) -> None:
    await seed_aban(desk, sara)

    await desk.say(ADMIN, f"/stats {period}")

    text = stats_text(desk)
    assert "آمار پیشخوان — سال ۱۴۰۵" in text
    assert "پرونده‌های دریافتی:</b> ۵" in text
    for line in ("• فروردین ۱۴۰۵: ۰", "• آبان ۱۴۰۵: ۴", "• آذر ۱۴۰۵: ۱", "• اسفند ۱۴۰۵: ۰"):
        assert line in text, line
    assert "۱۴۰۴" not in text


@pytest.mark.parametrize("period", ["این ماه", "this month", "آذر ۱۴۰۵", "1405/09", "۱۴۰۵/۹"])
async def test_a_month_is_named_in_any_usual_way(desk: Desk, sara: Person, period: str) -> None:
    await seed_aban(desk, sara)

    await desk.say(ADMIN, f"/stats {period}")

    text = stats_text(desk)
    assert "آمار پیشخوان — آذر ۱۴۰۵" in text
    assert "پرونده‌های دریافتی:</b> ۱" in text


async def test_every_case_is_counted_without_a_period(desk: Desk, sara: Person) -> None:
    await seed_aban(desk, sara)

    await desk.say(ADMIN, "/stats")

    text = stats_text(desk)
    assert "آمار پیشخوان — همه پرونده‌ها" in text
    assert "پرونده‌های دریافتی:</b> ۶" in text
    assert "دوازده ماه اخیر" in text and "• اسفند ۱۴۰۴: ۱" in text


@pytest.mark.parametrize("period", ["فردا", "1405/13", "99", "1405 13", "last week"])
async def test_a_wrong_period_gets_the_usage_in_persian_and_no_chart(
    desk: Desk, sara: Person, period: str
) -> None:
    await seed_aban(desk, sara)

    await desk.say(ADMIN, f"/stats {period}")

    text = stats_text(desk)
    # What was typed is shown back, numbers in Persian digits as every Persian text shows them.
    assert f"«{localize_digits(period, 'fa')}» دوره‌ای نیست که بشناسم." in text
    assert "روش استفاده: /stats" in text and "/stats آذر ۱۴۰۵" in text
    assert sent_to(desk, ADMIN, "sendPhoto") == []


async def test_a_period_without_cases_says_so(desk: Desk, sara: Person) -> None:
    await seed_aban(desk, sara)

    await desk.say(ADMIN, "/stats 1400")

    assert stats_text(desk) == "📊 در سال ۱۴۰۰ پرونده‌ای دریافت نشده است."
    assert sent_to(desk, ADMIN, "sendPhoto") == []


async def test_satisfaction_is_shown_only_once_someone_has_rated(desk: Desk, sara: Person) -> None:
    await seed_aban(desk, sara)

    await desk.say(ADMIN, "/stats این ماه")
    await desk.say(ADMIN, "/stats ماه قبل")

    unrated, rated = (shown(r.text) for r in sent_to(desk, ADMIN, "sendMessage")[-2:])
    assert "رضایت شهروندان</b>\nهنوز نظری ثبت نشده است." in unrated
    assert "۱ نظر، میانگین ۵ از ۵" in rated
    # The chart leaves the panel out rather than draw empty bars and meaningless ticks.
    t = texts("fa")
    async with desk.repo() as repo:
        now = desk.clock.now()
        config = desk.settings.config
        for period, expected in (("این ماه", False), ("ماه قبل", True)):
            chosen = desk_stats.parse_period(period, now)
            assert isinstance(chosen, desk_stats.Period)
            figures = await desk_stats.gather(repo, now, config, chosen)
            titles = [panel.title for panel in charts.stats_panels(figures, t)]
            assert (t.plain("chart-satisfaction") in titles) is expected


async def test_the_chart_has_every_status_and_its_values(desk: Desk, sara: Person) -> None:
    await seed_aban(desk, sara)
    t = texts("fa")

    async with desk.repo() as repo:
        figures = await desk_stats.gather(
            repo, desk.clock.now(), desk.settings.config, desk_stats.Period()
        )
    panels = {panel.title: panel for panel in charts.stats_panels(figures, t)}

    statuses = panels[t.plain("chart-statuses")]
    assert statuses.labels == list(ALL_STATUSES)
    assert statuses.counts == [[1, 1, 0, 0, 1, 0, 3]]
    clerks = panels[t.plain("chart-clerks")]
    assert clerks.labels == ["Neda Samadi", "بدون کارشناس"]
    assert clerks.counts == [[2, 1], [1, 0]]
    deadlines = panels[t.plain("chart-deadlines")]
    assert deadlines.counts == [[2, 1, 2, 1, 1, 1]]


async def test_a_bale_admin_reads_the_stats_without_markup(desk: Desk, sara: Person) -> None:
    await seed_aban(desk, sara)

    await desk.say(BALE_ADMIN, "/stats ماه قبل")

    text = stats_text(desk, BALE_ADMIN)
    # Bale takes Markdown, not HTML.
    assert "*پرونده‌های دریافتی:* ۴" in text and "<b>" not in text
    [photo] = sent_to(desk, BALE_ADMIN, "sendPhoto")
    assert uploaded(photo).startswith(PNG_SIGNATURE)


def test_periods_are_parsed_against_the_tehran_calendar() -> None:
    # 20 March 2026, 23:00 in Tehran is already Farvardin 1405 there: "last month" is Esfand.
    now = datetime(2026, 3, 21, 0, 30, tzinfo=jalali(1405, 1, 1).tzinfo)
    last = desk_stats.parse_period("ماه قبل", now)
    assert last == desk_stats.Period(desk_stats.PeriodKind.MONTH, 1404, 12)
    assert desk_stats.parse_period("1405/12", now) == desk_stats.Period(
        desk_stats.PeriodKind.MONTH, 1405, 12
    )
