"""A citizen whose case is closed by a decision rates it from 1 to 5 and may add a comment.

The case waits with the commission's opinion (no violation); a clerk closes it from the staff
group, and a quarter of an hour later the question reaches the complainant, once a case. A
withdrawal asks nothing, and an objection or a reopening before the question went out takes
it back.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from handlers.kit.callbacks import RatingChoice
from models.tables import Case, CaseEvent, OutboxMessage, Rating
from services.formatting import format_code
from services.platforms import Platform
from services.satisfaction import RATING_DELAY
from tests.desk import Desk, Person
from tests.forms import button_data, state_of
from tests.staff import answers, clerk, say_in_group, the_case
from tests.test_reports import ADMIN, insert_case, jalali, person_in_db, shown


async def decided_case(desk: Desk, citizen: Person, opinion: str, move: str) -> Case:
    """The citizen's case with the commission's `opinion`, moved by a clerk's `/status …
    move`; a quarter of an hour later, what was queued is delivered."""
    async with desk.repo() as repo:
        user = await person_in_db(repo, citizen)
        received = jalali(1405, 8, 20)
        case = insert_case(
            repo,
            1,
            user,
            status="referred_commission",
            opinion=opinion,
            opinion_at=received + timedelta(days=5),
            first_response_at=received + timedelta(hours=3),
            received_at=received,
        )
        await repo.commit()
    await say_in_group(desk, clerk(), f"/status {format_code(case.code, 'en')} {move}")
    desk.clock.advance(RATING_DELAY)
    await desk.drain()
    return case


async def closed_case(desk: Desk, citizen: Person) -> Case:
    """The citizen's case, closed by a clerk's decision, and the question delivered."""
    return await decided_case(desk, citizen, "no_violation", "closed فروشنده مبلغ را بازگرداند")


async def rating_of(desk: Desk) -> Rating | None:
    async with desk.repo() as repo:
        return await repo.session.scalar(select(Rating))


async def test_closing_asks_the_citizen_to_rate_with_five_buttons(
    desk: Desk, sara: Person
) -> None:
    case = await closed_case(desk, sara)

    question = desk.to(sara)[-1]
    assert "چقدر راضی بودید" in question.text
    assert format_code(case.code, "fa") in shown(question.text)
    assert [label for label, _ in question.buttons()] == ["۱ ⭐", "۲ ⭐", "۳ ⭐", "۴ ⭐", "۵ ⭐"]
    # The closing notice came first, on its own.
    assert "مختومه شد" in desk.to(sara)[-2].text


async def test_the_question_waits_until_the_closing_notice_is_read(
    desk: Desk, sara: Person
) -> None:
    async with desk.repo() as repo:
        user = await person_in_db(repo, sara)
        case = insert_case(
            repo,
            1,
            user,
            status="referred_commission",
            opinion="no_violation",
            opinion_at=jalali(1405, 8, 25),
        )
        await repo.commit()
    await say_in_group(desk, clerk(), f"/status {format_code(case.code, 'en')} closed رضایت شاکی")

    await desk.drain()

    assert not any("چقدر راضی" in request.text for request in desk.to(sara))


async def test_a_tap_stores_the_rating_and_offers_a_comment(desk: Desk, sara: Person) -> None:
    case = await closed_case(desk, sara)

    await desk.press_button(sara, "۴")

    rating = await rating_of(desk)
    assert rating is not None and rating.case_id == case.id and rating.score == 4
    assert rating.comment is None
    assert "امتیاز شما ثبت شد" in answers(desk, sara)[-1]
    thanks = desk.to(sara)[-1]
    assert "سپاسگزاریم" in thanks.text and "بدون توضیح" in thanks.text
    assert [label for label, _ in thanks.buttons()] == ["بدون توضیح"]
    async with desk.repo() as repo:
        event = await repo.session.scalar(select(CaseEvent).where(CaseEvent.action == "rated"))
        assert event is not None and event.note == "4" and event.actor_role == "citizen"


async def test_the_rating_is_counted_in_stats(desk: Desk, sara: Person) -> None:
    await closed_case(desk, sara)
    await desk.press_button(sara, "۲")

    await desk.say(ADMIN, "/stats")

    text = shown(desk.api[Platform.TELEGRAM].sent("sendMessage", chat_id=ADMIN.id)[-1].text)
    assert "۱ نظر، میانگین ۲ از ۵" in text
    assert "• ۲ ⭐: ۱" in text


async def test_a_second_tap_says_it_was_recorded_and_changes_nothing(
    desk: Desk, sara: Person
) -> None:
    await closed_case(desk, sara)
    buttons = dict(desk.to(sara)[-1].buttons())

    await desk.press(sara, buttons["۵ ⭐"])
    await desk.press(sara, buttons["۱ ⭐"])

    assert "پیش‌تر ثبت شده" in answers(desk, sara)[-1]
    async with desk.repo() as repo:
        scores = list(await repo.session.scalars(select(Rating.score)))
    assert scores == [5]


async def test_someone_else_cannot_rate_the_case(desk: Desk, sara: Person, reza: Person) -> None:
    await closed_case(desk, sara)
    [(_, data)] = [b for b in desk.to(sara)[-1].buttons() if b[0] == "۱ ⭐"]

    await desk.press(reza, data)

    assert "مربوط به شما نیست" in answers(desk, reza)[-1]
    assert await rating_of(desk) is None


async def test_the_next_words_are_kept_as_the_comment(desk: Desk, sara: Person) -> None:
    await closed_case(desk, sara)
    await desk.press_button(sara, "۵")

    await desk.say(sara, "رسیدگی سریع و محترمانه بود.")

    rating = await rating_of(desk)
    assert rating is not None and rating.comment == "رسیدگی سریع و محترمانه بود."
    assert "توضیح شما ثبت شد" in desk.last_text(sara)


async def test_cancel_skips_the_comment(desk: Desk, sara: Person) -> None:
    await closed_case(desk, sara)
    await desk.press_button(sara, "۳")

    await desk.say(sara, "/cancel")
    await desk.say(sara, "سلام")

    rating = await rating_of(desk)
    assert rating is not None and rating.score == 3 and rating.comment is None
    assert "توضیح شما ثبت شد" not in desk.last_text(sara)


async def test_a_bale_citizen_is_asked_on_bale_without_html(desk: Desk, reza: Person) -> None:
    await closed_case(desk, reza)

    question = desk.to(reza)[-1]
    assert "چقدر راضی بودید" in question.text
    assert "parse_mode" not in question.params and "<code>" not in question.text
    assert len(question.buttons()) == 5


# --- the objection rule: the question never arrives after an objection ----------------------


@pytest.fixture(params=[Platform.TELEGRAM, Platform.BALE], ids=["telegram", "bale"])
def citizen(request: pytest.FixtureRequest, sara: Person, reza: Person) -> Person:
    """The complainant, on either platform."""
    return sara if request.param is Platform.TELEGRAM else reza


def questions(desk: Desk, citizen: Person) -> list[str]:
    return [r.text for r in desk.to(citizen) if "چقدر راضی بودید" in r.text]


async def question_rows(desk: Desk) -> list[OutboxMessage]:
    async with desk.repo() as repo:
        rows = await repo.session.scalars(
            select(OutboxMessage).where(OutboxMessage.purpose == "rating_request")
        )
        return list(rows)


async def object_to(desk: Desk, citizen: Person, case: Case) -> None:
    await desk.say(citizen, f"/object {format_code(case.code, 'en')}")
    await desk.press_button(citizen, "بله، اعتراض")
    objected = await the_case(desk)
    assert objected.status == "referred_judicial" and objected.objection_used


async def test_an_objection_before_the_question_went_out_takes_it_back(
    desk: Desk, citizen: Person
) -> None:
    """The complainant objects within the quarter of an hour after the closing: the question
    that would say the case was closed, while it is with Taazirat, never arrives, and a rating
    of it is not taken."""
    async with desk.repo() as repo:
        user = await person_in_db(repo, citizen)
        case = insert_case(repo, 1, user, status="referred_commission", opinion="no_violation")
        await repo.commit()
    await say_in_group(desk, clerk(), f"/status {format_code(case.code, 'en')} closed رضایت")
    await desk.drain()
    await object_to(desk, citizen, case)

    desk.clock.advance(RATING_DELAY)
    await desk.drain()

    assert questions(desk, citizen) == []
    [row] = await question_rows(desk)
    assert row.status == "cancelled" and row.sent_at is None
    await desk.press(citizen, RatingChoice(case_id=case.id, score=5).pack())
    assert "این دکمه دیگر فعال نیست" in answers(desk, citizen)[-1]
    assert await rating_of(desk) is None


async def test_a_question_that_arrived_before_an_objection_may_still_be_answered(
    desk: Desk, sara: Person
) -> None:
    """When the question reached the complainant, the union's handling was over: an objection
    made after it leaves the rating of that handling open."""
    case = await closed_case(desk, sara)
    four = button_data(desk, sara, "۴ ⭐")
    await object_to(desk, sara, case)

    await desk.press(sara, four)

    assert "امتیاز شما ثبت شد" in answers(desk, sara)[-1]
    assert "سپاسگزاریم" in desk.last_text(sara)
    rating = await rating_of(desk)
    assert rating is not None and rating.case_id == case.id and rating.score == 4


# --- only a decision asks, and once ---------------------------------------------------------


async def test_a_withdrawal_asks_for_no_rating(desk: Desk, citizen: Person) -> None:
    async with desk.repo() as repo:
        case = insert_case(repo, 1, await person_in_db(repo, citizen))
        await repo.commit()
    await desk.say(citizen, f"/withdraw {format_code(case.code, 'en')}")
    await desk.press_button(citizen, "بله، انصراف")

    desk.clock.advance(RATING_DELAY)
    await desk.drain()

    assert (await the_case(desk)).closed_by_withdrawal
    assert questions(desk, citizen) == []
    assert await question_rows(desk) == []
    await desk.press(citizen, RatingChoice(case_id=case.id, score=5).pack())
    assert await rating_of(desk) is None


async def reclose(desk: Desk, case: Case) -> None:
    """A clerk reopens the closed case and closes it again by a decision."""
    ali, code = clerk(), format_code(case.code, "en")
    await say_in_group(desk, ali, f"/status {code} in_progress مدارک تازه رسید")
    await say_in_group(desk, ali, f"/status {code} referred_commission")
    await say_in_group(desk, ali, f"/opinion {code} no_violation")
    await say_in_group(desk, ali, f"/status {code} closed فروشنده مبلغ را بازگرداند")
    assert (await the_case(desk)).status == "closed"


async def test_a_case_closed_twice_within_the_quarter_hour_is_asked_once(
    desk: Desk, sara: Person
) -> None:
    async with desk.repo() as repo:
        user = await person_in_db(repo, sara)
        case = insert_case(repo, 1, user, status="referred_commission", opinion="no_violation")
        await repo.commit()
    await say_in_group(desk, clerk(), f"/status {format_code(case.code, 'en')} closed رضایت")
    await reclose(desk, case)

    desk.clock.advance(RATING_DELAY)
    await desk.drain()
    desk.clock.advance(RATING_DELAY)
    await desk.drain()

    assert len(questions(desk, sara)) == 1
    assert [row.status for row in await question_rows(desk)] == ["cancelled", "sent"]


async def test_a_case_closed_again_after_its_question_is_not_asked_again(
    desk: Desk, sara: Person
) -> None:
    case = await closed_case(desk, sara)
    four = button_data(desk, sara, "۴ ⭐")
    await reclose(desk, case)

    desk.clock.advance(RATING_DELAY)
    await desk.drain()

    assert len(questions(desk, sara)) == 1
    await desk.press(sara, four)  # the question asked at the first closing still answers
    rating = await rating_of(desk)
    assert rating is not None and rating.score == 4


# --- the comment may be left out with a button ----------------------------------------------


async def test_no_comment_is_a_button(desk: Desk, citizen: Person) -> None:
    await closed_case(desk, citizen)
    await desk.press_button(citizen, "۳")

    await desk.press_button(citizen, "بدون توضیح")

    assert "بدون توضیح ثبت شد" in desk.last_text(citizen)
    assert await state_of(desk, citizen) is None
    await desk.say(citizen, "سلام")
    rating = await rating_of(desk)
    assert rating is not None and rating.score == 3 and rating.comment is None
    assert "توضیح شما ثبت شد" not in desk.last_text(citizen)
    if citizen.platform is Platform.BALE:
        assert "<" not in desk.to(citizen)[-2].text


async def test_no_comment_after_the_comment_changes_nothing(desk: Desk, sara: Person) -> None:
    await closed_case(desk, sara)
    await desk.press_button(sara, "۵")
    await desk.say(sara, "رسیدگی سریع بود.")

    await desk.press_button(sara, "بدون توضیح")

    assert "این دکمه دیگر فعال نیست" in answers(desk, sara)[-1]
    rating = await rating_of(desk)
    assert rating is not None and rating.comment == "رسیدگی سریع بود."


async def test_a_case_sent_to_taazirat_on_a_violation_is_neither_asked_nor_rated(
    desk: Desk, sara: Person
) -> None:
    """The union never closed it: no question, and a rating tap is refused."""
    case = await decided_case(desk, sara, "violation", "referred_judicial")
    assert (await the_case(desk)).status == "referred_judicial"
    assert not any("چقدر راضی بودید" in request.text for request in desk.to(sara))

    await desk.press(sara, RatingChoice(case_id=case.id, score=5).pack())

    assert "این دکمه دیگر فعال نیست" in answers(desk, sara)[-1]
    assert await rating_of(desk) is None
