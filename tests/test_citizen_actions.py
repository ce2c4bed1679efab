"""A citizen acts on their own complaint: withdraws it (انصراف شاکی) or objects to its closing
(اعتراض شاکی), each after confirming; nobody acts on a case that is not theirs."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from models.tables import CaseEvent
from tests.desk import Desk, Person
from tests.forms import button_data, file_usual_complaint
from tests.staff import answers, clerk, group_texts, say_in_group, the_case

OBJECTION_WINDOW = timedelta(days=10)  # OBJECTION_WINDOW_DAYS


async def filed(desk: Desk, citizen: Person) -> str:
    await file_usual_complaint(desk, citizen)
    await desk.drain()
    return (await the_case(desk)).code


async def closed_by_decision(desk: Desk, code: str) -> None:
    """The commission finds no violation and the union closes the case."""
    ali = clerk()
    await say_in_group(desk, ali, f"/status {code} referred_commission")
    await say_in_group(desk, ali, f"/opinion {code} no_violation")
    await say_in_group(desk, ali, f"/status {code} closed فروشنده کالا را ارسال کرد")
    await desk.drain()


async def actions(desk: Desk) -> list[str]:
    async with desk.repo() as repo:
        return list(await repo.session.scalars(select(CaseEvent.action).order_by(CaseEvent.id)))


# --- withdrawal -----------------------------------------------------------------------------


async def test_withdraw_asks_for_confirmation_first(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)

    await desk.say(sara, f"/withdraw {code}")

    assert "انصراف می‌دهید" in desk.last_text(sara)
    labels = [label for label, _ in desk.to(sara)[-1].buttons()]
    assert labels == ["بله، انصراف می‌دهم", "خیر"]
    assert (await the_case(desk)).status == "awaiting_review"


async def test_yes_withdraws_and_the_staff_chat_is_told(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await desk.say(sara, f"/withdraw {code}")

    await desk.press_button(sara, "بله، انصراف")

    assert "مختومه" in desk.last_text(sara)
    case = await the_case(desk)
    assert case.status == "closed"
    assert case.closed_by_withdrawal
    assert case.decided_at == desk.clock.now()
    assert case.step_due_at is None and case.next_alert_at is None
    await desk.drain()
    assert "انصراف شما ثبت شد" in desk.last_text(sara)
    told = group_texts(desk)[-1]
    assert "شاکی پرونده" in told and "انصراف شاکی" in told and "مختومه" in told
    async with desk.repo() as repo:
        event = await repo.session.scalar(select(CaseEvent).where(CaseEvent.action == "withdraw"))
        assert event is not None
        assert (event.actor_role, event.platform) == ("citizen", "telegram")


async def test_no_keeps_the_case(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await desk.say(sara, f"/withdraw {code}")

    await desk.press_button(sara, "خیر")

    assert "تغییری داده نشد" in desk.last_text(sara)
    assert (await the_case(desk)).status == "awaiting_review"
    assert await actions(desk) == ["filed"]


async def test_a_double_tap_on_yes_withdraws_once(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await desk.say(sara, f"/withdraw {code}")
    yes = button_data(desk, sara, "بله، انصراف")

    await desk.press(sara, yes)
    await desk.press(sara, yes)

    assert "این دکمه دیگر فعال نیست" in answers(desk, sara)[-1]
    assert await actions(desk) == ["filed", "withdraw"]
    await desk.drain()
    assert sum("انصراف شاکی" in text for text in group_texts(desk)) == 1


async def test_another_citizens_code_is_not_found(desk: Desk, sara: Person, reza: Person) -> None:
    code = await filed(desk, sara)

    await desk.say(reza, f"/withdraw {code}")
    not_theirs = desk.last_text(reza)
    await desk.say(reza, "/withdraw 12345-67890")
    unknown = desk.last_text(reza)

    assert "پیدا نشد" in not_theirs
    assert not_theirs == unknown  # nothing tells someone else's case from no case
    assert (await the_case(desk)).status == "awaiting_review"
    assert await actions(desk) == ["filed"]


async def test_another_citizens_forged_button_does_nothing(
    desk: Desk, sara: Person, reza: Person
) -> None:
    code = await filed(desk, sara)
    await desk.say(sara, f"/withdraw {code}")
    yes = button_data(desk, sara, "بله، انصراف")

    await desk.press(reza, yes)

    assert "این دکمه دیگر فعال نیست" in answers(desk, reza)[-1]
    assert (await the_case(desk)).status == "awaiting_review"
    assert await actions(desk) == ["filed"]


async def test_a_closed_case_cannot_be_withdrawn(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await closed_by_decision(desk, code)

    await desk.say(sara, f"/withdraw {code}")

    assert "ممکن نیست" in desk.last_text(sara)
    assert desk.to(sara)[-1].buttons() == []


# --- objection ------------------------------------------------------------------------------


async def test_an_objection_within_the_window_goes_to_taazirat(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await closed_by_decision(desk, code)
    assert "/object" in desk.last_text(sara)
    desk.clock.advance(OBJECTION_WINDOW - timedelta(minutes=1))

    await desk.say(sara, f"/object {code}")
    assert "اعتراض دارید" in desk.last_text(sara)
    await desk.press_button(sara, "بله، اعتراض")

    case = await the_case(desk)
    assert case.status == "referred_judicial"
    assert case.objection_used
    assert case.step == "judicial"
    await desk.drain()
    assert "اعتراض شما ثبت شد" in desk.last_text(sara)
    assert "اعتراض شاکی" in group_texts(desk)[-1]
    assert (await actions(desk))[-1] == "object"


async def test_an_objection_past_the_window_is_refused(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await closed_by_decision(desk, code)
    desk.clock.advance(OBJECTION_WINDOW + timedelta(minutes=1))

    await desk.say(sara, f"/object {code}")

    assert "مهلت ۱۰ روزه اعتراض به این تصمیم گذشته است" in desk.last_text(sara)
    assert desk.to(sara)[-1].buttons() == []
    case = await the_case(desk)
    assert case.status == "closed" and not case.objection_used


async def test_the_window_is_checked_again_when_yes_is_pressed(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await closed_by_decision(desk, code)
    desk.clock.advance(OBJECTION_WINDOW - timedelta(minutes=1))
    await desk.say(sara, f"/object {code}")
    desk.clock.advance(timedelta(minutes=2))  # she waited before pressing

    await desk.press_button(sara, "بله، اعتراض")

    assert "مهلت ۱۰ روزه" in desk.last_text(sara)
    assert (await the_case(desk)).status == "closed"


async def test_a_second_objection_is_refused(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await closed_by_decision(desk, code)
    await desk.say(sara, f"/object {code}")
    await desk.press_button(sara, "بله، اعتراض")

    await desk.say(sara, f"/object {code}")

    assert "اعتراض به این پرونده قبلاً ثبت شده است" in desk.last_text(sara)
    assert (await actions(desk)).count("object") == 1


async def test_a_withdrawn_case_cannot_be_objected_to(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)
    await desk.say(sara, f"/withdraw {code}")
    await desk.press_button(sara, "بله، انصراف")

    await desk.say(sara, f"/object {code}")

    assert "با انصراف خود شما مختومه شده" in desk.last_text(sara)
    assert (await the_case(desk)).status == "closed"


async def test_an_open_case_cannot_be_objected_to(desk: Desk, sara: Person) -> None:
    code = await filed(desk, sara)

    await desk.say(sara, f"/object {code}")

    assert "ممکن نیست" in desk.last_text(sara)
    assert (await the_case(desk)).status == "awaiting_review"


async def test_a_command_without_a_code_shows_the_usage(desk: Desk, sara: Person) -> None:
    await filed(desk, sara)

    await desk.say(sara, "/withdraw")

    assert "کد رهگیری پرونده را هم بنویسید" in desk.last_text(sara)
