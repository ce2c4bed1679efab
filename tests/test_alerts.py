"""The scheduler's work with a clock we set: deadline notices, the breach, the escalation, and
the daily digest, each sent once at its time, once after downtime, never again after a restart.

The usual complaint is filed on Sunday 1 Azar 1405 (22 November 2026), 10:00 in Tehran; its
referral is due on Tuesday 24 November at 16:00. With NOTICE_HOURS=24,2 and
ESCALATE_AFTER_HOURS=24 its alerts fall at the instants below.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from models.tables import Case, OutboxMessage
from scheduler.jobs import Jobs, build_scheduler
from services.calendar import TEHRAN
from services.formatting import format_code
from services.platforms import Platform
from tests.desk import Desk, Person
from tests.forms import file_usual_complaint
from tests.staff import (
    STAFF_CHAT,
    admin,
    clerk,
    group_messages,
    outbox_rows,
    press_on_group,
    say_in_group,
    the_case,
)


def tehran(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TEHRAN)


DUE = tehran(2026, 11, 24, 16, 0)
NOTICE_24H = tehran(2026, 11, 23, 16, 0)
NOTICE_2H = tehran(2026, 11, 24, 14, 0)
ESCALATION = tehran(2026, 11, 25, 16, 0)
ADMINS = {(Platform.TELEGRAM, 111), (Platform.BALE, 222)}


def jobs(desk: Desk) -> Jobs:
    """The scheduler's jobs as a fresh process would build them."""
    return Jobs(desk.sessionmaker, desk.settings.config, desk.clock)


async def sweep_at(desk: Desk, instant: datetime) -> int:
    desk.clock.set(instant)
    return await jobs(desk).sweep()


async def filed(desk: Desk, citizen: Person) -> str:
    await file_usual_complaint(desk, citizen)
    await desk.drain()
    case = await the_case(desk)
    assert case.step_due_at == DUE
    return format_code(case.code, "en")


async def alerts(desk: Desk) -> list[OutboxMessage]:
    return await outbox_rows(desk, "alert:")


def stages(rows: list[OutboxMessage]) -> list[str]:
    return [str(row.purpose) for row in rows]


# --- notices, breach, escalation -----------------------------------------------------------


async def test_nothing_before_the_first_notice(desk: Desk, sara: Person) -> None:
    await filed(desk, sara)

    assert await sweep_at(desk, tehran(2026, 11, 23, 15, 59)) == 0

    assert await alerts(desk) == []


async def test_the_24h_notice_goes_once_to_the_staff_chat(desk: Desk, sara: Person) -> None:
    await filed(desk, sara)

    assert await sweep_at(desk, NOTICE_24H) == 1
    assert await sweep_at(desk, NOTICE_24H) == 0

    (notice,) = await alerts(desk)
    assert (notice.purpose, notice.platform, notice.chat_id) == (
        "alert:notice_24h",
        "telegram",
        STAFF_CHAT,
    )
    assert await desk.drain() == 1
    shown = group_messages(desk)[-1]
    assert "یادآوری مهلت" in shown.text and "حدود ۲۴ ساعت دیگر" in shown.text
    assert "۳ آذر ۱۴۰۵، ساعت ۱۶:۰۰" in shown.text
    assert shown.params["reply_parameters"]  # under the case's card


async def test_a_claimed_cases_notice_goes_to_its_clerk(desk: Desk, sara: Person) -> None:
    ali = clerk()
    await filed(desk, sara)
    await desk.say(ali, "/start")  # the clerk has a private chat with the bot
    await press_on_group(desk, ali, "پذیرفتن")

    await sweep_at(desk, NOTICE_24H)

    (notice,) = await alerts(desk)
    assert (notice.platform, notice.chat_id) == ("telegram", ali.id)
    await desk.drain()
    assert "یادآوری مهلت" in desk.last_text(ali)


async def test_each_stage_is_sent_once_at_its_time(desk: Desk, sara: Person) -> None:
    await filed(desk, sara)

    for instant in (NOTICE_24H, NOTICE_2H, DUE, ESCALATION):
        assert await sweep_at(desk, instant) == 1
        assert await jobs(desk).sweep() == 0

    assert stages(await alerts(desk)) == [
        "alert:notice_24h",
        "alert:notice_2h",
        "alert:breach",
        "alert:escalation",
        "alert:escalation",
    ]
    assert await desk.drain() == 5
    texts = [r.text for r in group_messages(desk)]
    assert [text for text in texts if "یادآوری مهلت" in text or "مهلت گذشت" in text] == [
        texts[1],
        texts[2],
        texts[3],
    ]
    assert "حدود ۲۴ ساعت دیگر" in texts[1]
    assert "حدود ۲ ساعت دیگر" in texts[2]
    assert "مهلت گذشت" in texts[3]


async def test_the_escalation_reaches_every_admin_on_their_platform(
    desk: Desk, sara: Person
) -> None:
    await filed(desk, sara)

    await sweep_at(desk, DUE)
    await sweep_at(desk, ESCALATION)

    escalations = [row for row in await alerts(desk) if row.purpose == "alert:escalation"]
    assert {(Platform(row.platform), row.chat_id) for row in escalations} == ADMINS
    await desk.drain()
    for platform, chat_id in ADMINS:
        (received,) = desk.api[platform].sent(chat_id=chat_id)
        assert "بیش از ۲۴ ساعت" in received.text
    assert "<b>" not in desk.api[Platform.BALE].sent(chat_id=222)[0].text


async def test_a_restart_sends_nothing_again(desk: Desk, sara: Person) -> None:
    await filed(desk, sara)
    await sweep_at(desk, NOTICE_24H)
    await desk.drain()
    before = len(desk.api[Platform.TELEGRAM].requests)

    await desk.restart()
    assert await jobs(desk).sweep() == 0
    assert await desk.drain() == 0

    assert len(await alerts(desk)) == 1
    assert len(desk.api[Platform.TELEGRAM].requests) == before


async def test_after_downtime_only_the_most_advanced_stage_goes_out(
    desk: Desk, sara: Person
) -> None:
    await filed(desk, sara)

    # Down from before the first notice until after the breach.
    assert await sweep_at(desk, tehran(2026, 11, 24, 17, 0)) == 1
    assert stages(await alerts(desk)) == ["alert:breach"]
    assert await desk.drain() == 1
    assert await sweep_at(desk, tehran(2026, 11, 25, 15, 59)) == 0

    assert await sweep_at(desk, ESCALATION) == 1
    assert stages(await alerts(desk)) == ["alert:breach", "alert:escalation", "alert:escalation"]


async def test_after_downtime_past_the_escalation_only_it_goes_out(
    desk: Desk, sara: Person
) -> None:
    await filed(desk, sara)

    await sweep_at(desk, tehran(2026, 11, 28, 9, 0))
    await jobs(desk).sweep()

    assert stages(await alerts(desk)) == ["alert:escalation", "alert:escalation"]
    assert (await the_case(desk)).next_alert_at is None


async def test_a_referral_starts_the_alerts_of_the_new_deadline(desk: Desk, sara: Person) -> None:
    ali = clerk()
    code = await filed(desk, sara)
    await sweep_at(desk, NOTICE_24H)
    desk.clock.set(tehran(2026, 11, 23, 16, 30))

    await say_in_group(desk, ali, f"/status {code} referred_commission")

    case = await the_case(desk)
    assert case.step_due_at == tehran(2026, 11, 28, 16, 0)  # the commission's five days
    assert case.alert_stage is None
    assert case.next_alert_at == tehran(2026, 11, 27, 16, 0)
    assert await sweep_at(desk, DUE) == 0  # the old deadline no longer runs
    assert await sweep_at(desk, tehran(2026, 11, 27, 16, 0)) == 1
    assert stages(await alerts(desk)) == ["alert:notice_24h", "alert:notice_24h"]
    assert (await alerts(desk))[-1].dedupe_key != (await alerts(desk))[0].dedupe_key


async def test_a_claim_after_a_notice_does_not_repeat_it(desk: Desk, sara: Person) -> None:
    ali = clerk()
    await filed(desk, sara)
    await sweep_at(desk, NOTICE_24H)
    desk.clock.set(tehran(2026, 11, 23, 17, 0))

    await press_on_group(desk, ali, "پذیرفتن")
    assert await jobs(desk).sweep() == 0

    assert stages(await alerts(desk)) == ["alert:notice_24h"]
    assert await sweep_at(desk, NOTICE_2H) == 1
    assert (await alerts(desk))[-1].chat_id == ali.id  # now the clerk's


async def test_a_deadline_moved_away_and_back_does_not_repeat_its_notice(
    desk: Desk, sara: Person
) -> None:
    mina = admin()
    await filed(desk, sara)
    await sweep_at(desk, NOTICE_24H)
    desk.clock.set(tehran(2026, 11, 23, 16, 30))

    await desk.say(mina, "/holiday add 2026-11-24")
    assert (await the_case(desk)).step_due_at == tehran(2026, 11, 25, 16, 0)
    await desk.say(mina, "/holiday remove 2026-11-24")
    assert (await the_case(desk)).step_due_at == DUE

    assert await jobs(desk).sweep() == 0  # the notice for this deadline went out already
    assert stages(await alerts(desk)) == ["alert:notice_24h"]
    assert await sweep_at(desk, NOTICE_2H) == 1
    assert stages(await alerts(desk)) == ["alert:notice_24h", "alert:notice_2h"]


async def test_a_closed_case_gets_no_alerts(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await desk.say(sara, f"/withdraw {code}")
    await desk.press_button(sara, "بله، انصراف")

    assert (await the_case(desk)).next_alert_at is None
    for instant in (NOTICE_24H, NOTICE_2H, DUE, ESCALATION):
        assert await sweep_at(desk, instant) == 0
    assert await alerts(desk) == []


# --- the daily digest -----------------------------------------------------------------------


async def digests(desk: Desk) -> list[OutboxMessage]:
    return await outbox_rows(desk, "digest")


async def digest_at(desk: Desk, instant: datetime) -> int:
    desk.clock.set(instant)
    return await jobs(desk).digest()


async def test_no_digest_before_eight(desk: Desk, sara: Person) -> None:
    await filed(desk, sara)

    assert await digest_at(desk, tehran(2026, 11, 24, 7, 59)) == 0

    assert await digests(desk) == []


async def test_a_desk_just_installed_posts_no_digest_at_start_up(desk: Desk) -> None:
    # The start-up catches up on the day's digest (bot.app.run); nothing has happened yet.
    assert await digest_at(desk, tehran(2026, 11, 22, 22, 5)) == 0
    assert await digest_at(desk, tehran(2026, 11, 23, 8, 0)) == 0

    assert await digests(desk) == []
    assert await desk.drain() == 0


async def test_at_eight_a_digest_to_the_staff_chat_with_something_to_report(
    desk: Desk, sara: Person
) -> None:
    await filed(desk, sara)

    assert await digest_at(desk, tehran(2026, 11, 24, 8, 0)) == 1

    # The licences' and certificates' chats have no case to report on.
    (row,) = await digests(desk)
    assert (row.platform, row.chat_id) == ("telegram", STAFF_CHAT)
    assert await desk.drain() == 1
    (digest,) = [r for r in group_messages(desk) if "گزارش روزانه" in r.text]
    assert "پرونده‌های باز: ۱" in digest.text
    assert "<b>به تفکیک کارشناس:</b>\n• بدون کارشناس: ۱" in digest.text


async def test_the_digest_on_bale_is_plain_text(bale_desk: Desk, sara: Person) -> None:
    await file_usual_complaint(bale_desk, sara)

    assert await digest_at(bale_desk, tehran(2026, 11, 24, 8, 0)) == 1

    assert await bale_desk.drain() >= 1
    (digest,) = [
        r for r in bale_desk.api[Platform.BALE].sent(chat_id=-3003) if "گزارش روزانه" in r.text
    ]
    assert "<b>" not in digest.text and "به تفکیک کارشناس:" in digest.text


async def test_no_heading_without_clerks_and_no_digest_once_nothing_happens(
    desk: Desk, sara: Person
) -> None:
    code = await filed(desk, sara)
    await desk.say(sara, f"/withdraw {code}")
    await desk.press_button(sara, "بله، انصراف")

    # Something happened since the last digest (none yet): the day is reported.
    assert await digest_at(desk, tehran(2026, 11, 23, 8, 0)) == 1
    await desk.drain()
    (digest,) = [r for r in group_messages(desk) if "گزارش روزانه" in r.text]
    assert "پرونده‌های تازه (۲۴ ساعت گذشته): ۱" in digest.text
    assert "پرونده‌های باز: ۰" in digest.text
    assert "به تفکیک کارشناس" not in digest.text
    assert digest.text.endswith("مهلت گذشته: ۰")

    # Nothing open, nothing done since: no digest, today or after downtime.
    assert await digest_at(desk, tehran(2026, 11, 24, 8, 0)) == 0
    await desk.restart()
    assert await digest_at(desk, tehran(2026, 11, 25, 21, 0)) == 0
    assert len(await digests(desk)) == 1

    # Something happens again: the next day's digest reports it.
    desk.clock.set(tehran(2026, 11, 25, 22, 0))
    await file_usual_complaint(desk, sara)
    assert await digest_at(desk, tehran(2026, 11, 26, 8, 0)) == 1


async def test_the_digest_counts_the_complaints_queue(
    desk: Desk, sara: Person, reza: Person
) -> None:
    ali = clerk()
    mahsa = Person(Platform.TELEGRAM, 5003, "Mahsa", "Rahimi")
    await filed(desk, sara)  # due Tuesday 16:00
    await press_on_group(desk, ali, "پذیرفتن")
    desk.clock.set(tehran(2026, 11, 23, 9, 0))
    await file_usual_complaint(desk, reza)  # due Wednesday 16:00
    desk.clock.set(tehran(2026, 11, 23, 10, 0))
    await file_usual_complaint(desk, mahsa)
    async with desk.repo() as repo:
        hers = await repo.session.scalar(select(Case.code).order_by(Case.id.desc()))
    await desk.say(mahsa, f"/withdraw {hers}")  # new, but no longer open
    await desk.press_button(mahsa, "بله، انصراف")
    await desk.drain()

    await digest_at(desk, tehran(2026, 11, 24, 8, 0))
    await desk.drain()

    (digest,) = [r for r in group_messages(desk) if "گزارش روزانه" in r.text]
    assert "۳ آذر ۱۴۰۵" in digest.text
    assert "پرونده‌های تازه (۲۴ ساعت گذشته): ۲" in digest.text
    assert "پرونده‌های باز: ۲" in digest.text
    assert "مهلت امروز: ۱" in digest.text
    assert "مهلت گذشته: ۰" in digest.text
    assert "• Ali Moradi (@ali_moradi): ۱" in digest.text  # name and username
    assert "• بدون کارشناس: ۱" in digest.text


async def test_the_next_days_digest_counts_the_breach(
    desk: Desk, sara: Person, reza: Person
) -> None:
    await filed(desk, sara)  # due Tuesday 16:00
    desk.clock.set(tehran(2026, 11, 23, 9, 0))
    await file_usual_complaint(desk, reza)  # due Wednesday 16:00
    await digest_at(desk, tehran(2026, 11, 24, 8, 0))

    await digest_at(desk, tehran(2026, 11, 25, 8, 0))
    await desk.drain()

    *_, digest = [r for r in group_messages(desk) if "گزارش روزانه" in r.text]
    assert "۴ آذر ۱۴۰۵" in digest.text
    assert "پرونده‌های تازه (۲۴ ساعت گذشته): ۰" in digest.text
    assert "پرونده‌های باز: ۲" in digest.text
    assert "مهلت امروز: ۱" in digest.text
    assert "مهلت گذشته: ۱" in digest.text


async def test_the_digest_goes_once_a_day(desk: Desk, sara: Person) -> None:
    await filed(desk, sara)
    await digest_at(desk, tehran(2026, 11, 24, 8, 0))

    assert await digest_at(desk, tehran(2026, 11, 24, 8, 1)) == 0
    assert await digest_at(desk, tehran(2026, 11, 24, 23, 59)) == 0
    await desk.restart()
    assert await digest_at(desk, tehran(2026, 11, 24, 23, 59)) == 0
    assert await digest_at(desk, tehran(2026, 11, 25, 7, 59)) == 0
    assert await digest_at(desk, tehran(2026, 11, 25, 8, 0)) == 1  # the case is still open

    assert len(await digests(desk)) == 2


async def test_after_downtime_the_days_digest_goes_out_once(desk: Desk, sara: Person) -> None:
    await filed(desk, sara)

    assert await digest_at(desk, tehran(2026, 11, 24, 15, 0)) == 1
    assert await digest_at(desk, tehran(2026, 11, 24, 15, 1)) == 0

    assert len(await digests(desk)) == 1


def test_the_scheduler_runs_its_jobs_on_tehran_time(desk: Desk) -> None:
    scheduler = build_scheduler(jobs(desk), sweep_seconds=60)

    by_id = {job.id: job for job in scheduler.get_jobs()}
    assert set(by_id) == {"deadline-sweep", "daily-digest", "retention-purge"}
    for job in by_id.values():
        assert str(job.trigger.timezone) == "Asia/Tehran"
        assert job.coalesce is True and job.max_instances == 1
    assert str(scheduler.timezone) == "Asia/Tehran"
    digest = by_id["daily-digest"].trigger
    first = digest.get_next_fire_time(None, tehran(2026, 11, 24, 8, 1))
    assert first == tehran(2026, 11, 25, 8, 0)
    assert by_id["deadline-sweep"].trigger.interval.total_seconds() == 60
