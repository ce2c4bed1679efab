"""The complaint form's one declaration of its steps: the path a citizen walks and its count.

Walked here without the dispatcher, every way a citizen can walk it: whatever the answers, the
questions asked are numbered 1, 2, 3… with no gap, the last is «n of n», and n changes only at
an answer that changes the path. The dispatcher's tests (test_form_path.py) show the same
through the platforms.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from handlers.complaints import STATES
from services import complaint_form as steps


def test_the_form_has_a_state_for_each_declared_step_and_the_summary() -> None:
    assert list(STATES) == [step.name for step in steps.STEPS] + [steps.CONFIRM]


def test_a_new_citizen_is_asked_eleven_questions_a_verified_one_ten() -> None:
    assert len(steps.counted(steps.opened_with({}, phone_verified=False))) == 11
    assert len(steps.counted(steps.opened_with({}, phone_verified=True))) == 10


def test_known_answers_are_not_counted_but_can_be_edited() -> None:
    opened = steps.opened_with(
        {"business_name": "ناشناس", "website": "nashenas.ir"}, phone_verified=False
    )
    assert opened["prefilled"] == ["business_name", "website"]
    assert steps.next_step(opened, None) == "licence"
    assert steps.progress(opened, "licence") == (1, 9)
    assert steps.progress(opened, "website") is None
    assert {"business_name", "website"} <= set(steps.editable(opened))


def test_a_dispute_asks_for_no_union_licence() -> None:
    opened = steps.opened_with(
        {
            "business_name": "ITO",
            "website": "ito.gov.ir",
            "province": "تهران",
            "certificate_id": 3,
        },
        phone_verified=True,
    )
    assert steps.next_step(opened, None) == "subject"
    assert "licence" not in steps.editable(opened)
    assert steps.counted(opened)[-1] == "attachments"


def test_a_business_found_by_its_website_takes_its_licence_number_and_province() -> None:
    answers = {
        "business_name": "نارون",
        "website": "ketabsara-naroon.ir",
        "registry": {"number": "1400/12345", "province": "اصفهان", "by": "website"},
    }
    assert steps.next_step(answers, "website") == "subject"
    assert steps.licence_number(answers) == "1400/12345"
    assert steps.province(answers) == "اصفهان"
    answers["registry"]["by"] = "number"
    answers["licence_number"] = "1400-12345"
    assert steps.licence_number(answers) == "1400-12345"  # as the citizen wrote it


# --- every walk ------------------------------------------------------------------------------

# What a registry lookup finds after the website or the licence number is answered.
FINDINGS = st.sampled_from([None, "website", "number"])


@st.composite
def walks(draw: st.DrawFn) -> dict[str, Any]:
    """A citizen's situation and answers: verified or not, what was known at the opening,
    whether the registry finds the business and how, whether an order was placed."""
    known = draw(
        st.sampled_from(
            [
                {},
                {"business_name": "نام"},
                {"business_name": "نام", "website": "site.ir"},
                {
                    "business_name": "ITO",
                    "website": "ito.gov.ir",
                    "province": "تهران",
                    "certificate_id": 1,
                },
            ]
        )
    )
    return {
        "known": known,
        "verified": draw(st.booleans()),
        "finding": draw(FINDINGS),
        "order": draw(st.booleans()),
        "province": draw(st.sampled_from([None, "فارس"])),
    }


ANSWERS: dict[str, Any] = {
    "business_name": "نام",
    "website": "site.ir",
    "licence_number": "140012345",
    "subject": "other",
    "description": "شرح",
    "order_date": "2026-11-16",
    "order_amount": 30_000_000,
    "attachments": [],
    "contact": steps.SHARED,
}


def _consult(situation: dict[str, Any], answers: dict[str, Any]) -> None:
    """The registry, as the form consults it at the opening and after the website or the
    licence number: it finds the business by the number typed, or by its website."""
    finding = situation["finding"]
    if finding == "number" and answers.get("licence_number"):
        answers["registry"] = {"number": "1", "province": "فارس", "by": "number"}
    elif finding == "website" and answers.get("website"):
        answers["registry"] = {"number": "1", "province": "فارس", "by": "website"}


def _open(situation: dict[str, Any]) -> dict[str, Any]:
    answers = steps.opened_with(situation["known"], phone_verified=situation["verified"])
    _consult(situation, answers)
    return answers


def _answer(step: str, situation: dict[str, Any], answers: dict[str, Any]) -> None:
    """Answer a step the way this citizen would."""
    if step == "order_number":
        answers["order_number"] = "ORD-1" if situation["order"] else None
        if not situation["order"]:
            answers.update(order_date=None, order_amount=None)
    elif step == "province":
        answers["province"] = situation["province"]
    elif step == "licence":
        answers["licence_number"] = ANSWERS["licence_number"]
    else:
        answers[step] = ANSWERS[step]
    if step in ("website", "licence"):
        _consult(situation, answers)


@given(walks())
def test_every_walk_numbers_its_questions_one_by_one_to_the_end(situation: dict[str, Any]) -> None:
    answers = _open(situation)
    shown: list[tuple[int, int]] = []
    step = steps.next_step(answers, None)
    changed_after: set[int] = set()
    while step != steps.CONFIRM:
        place = steps.progress(answers, step)
        assert place is not None, step
        shown.append(place)
        before = steps.counted(answers)
        _answer(step, situation, answers)
        if steps.counted(answers) != before:
            changed_after.add(len(shown))
        step = steps.next_step(answers, step)
        assert len(shown) <= len(steps.STEPS)

    assert [k for k, _ in shown] == list(range(1, len(shown) + 1))
    assert shown[-1][0] == shown[-1][1]
    for index in range(1, len(shown)):
        if shown[index][1] != shown[index - 1][1]:
            assert index in changed_after  # n moved only after an answer changed the path


@given(walks(), st.sampled_from(["business_name", "website", "province", "order_number"]))
def test_an_edit_goes_back_to_the_summary_through_its_group(
    situation: dict[str, Any], edited: str
) -> None:
    answers = _open(situation)
    step = steps.next_step(answers, None)
    while step != steps.CONFIRM:
        _answer(step, situation, answers)
        step = steps.next_step(answers, step)
    if edited not in steps.editable(answers):
        return
    answers["editing"] = edited
    asked = [edited]
    situation = situation | {"order": True}
    step = edited
    while True:
        _answer(step, situation, answers)
        step = steps.next_step(answers, step)
        if step == steps.CONFIRM:
            break
        asked.append(step)
    expected = (
        ["order_number", "order_date", "order_amount"] if edited == "order_number" else [edited]
    )
    assert asked == expected
