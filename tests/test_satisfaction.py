"""A citizen whose case is closed rates it from 1 to 5 and may add a comment (issue 5 §4).

The case waits with the commission's opinion (no violation); a clerk closes it from the staff
group, and a quarter of an hour later the question reaches the complainant.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from handlers.kit.callbacks import RatingChoice
from models.tables import Case, CaseEvent, Rating
from services.formatting import format_code
from services.platforms import Platform
from services.satisfaction import RATING_DELAY
from tests.desk import Desk, Person
from tests.forms import button_data
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


# --- the objection rule: the union's handling was over when the complainant objected ------


async def test_a_complainant_who_objected_may_still_rate_the_closing(
    desk: Desk, sara: Person
) -> None:
    """An objection sends the closed case on to Taazirat; the rating asked at its closing
    still counts."""
    case = await closed_case(desk, sara)
    four = button_data(desk, sara, "۴ ⭐")
    await desk.say(sara, f"/object {format_code(case.code, 'en')}")
    await desk.press_button(sara, "بله، اعتراض")
    async with desk.repo() as repo:
        objected = await repo.cases.by_id(case.id)
    assert objected is not None
    assert objected.status == "referred_judicial" and objected.objection_used

    await desk.press(sara, four)

    assert "امتیاز شما ثبت شد" in answers(desk, sara)[-1]
    assert "سپاسگزاریم" in desk.last_text(sara)
    rating = await rating_of(desk)
    assert rating is not None and rating.case_id == case.id and rating.score == 4


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
