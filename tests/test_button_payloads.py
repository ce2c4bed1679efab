"""The buttons services draw: typed payloads from the service to the button and back, with the
callback strings on the wire as the desk has always drawn them."""

from __future__ import annotations

import pytest

from handlers.kit.callbacks import (
    CaseAction,
    CertAction,
    RatingChoice,
    pack,
    pack_stored,
    payload_of,
)
from services.casework.cards import CaseMove
from services.certificates import CertMove, CertStatus
from services.satisfaction import RatingOffer
from services.view import Button, ButtonPayload
from services.workflow import Action, CaseStatus

DRAWN: list[tuple[ButtonPayload, type[CaseAction | CertAction | RatingChoice], str]] = [
    (
        CaseMove(12, Action.CLAIM, CaseStatus.AWAITING_REVIEW),
        CaseAction,
        "case:12:claim:awaiting_review",
    ),
    (CaseMove(12, "note", CaseStatus.IN_PROGRESS), CaseAction, "case:12:note:in_progress"),
    (
        CertMove(7, CertStatus.UNDER_REVIEW, CertStatus.SUBMITTED),
        CertAction,
        "cert:7:under_review:submitted",
    ),
    (RatingOffer(3, 5), RatingChoice, "rate:3:5"),
]


@pytest.mark.parametrize(("payload", "drawn_as", "wire"), DRAWN)
def test_a_payload_is_drawn_as_the_callback_the_desk_always_sent(
    payload: ButtonPayload, drawn_as: type[CaseAction | CertAction | RatingChoice], wire: str
) -> None:
    assert pack(payload) == wire
    # What an outbox row keeps is drawn the same, after a restart as before it.
    assert pack_stored(Button("-", callback=payload).stored()["callback"]) == wire
    # And pressed, it comes back to the service as the payload it drew.
    assert payload_of(drawn_as.unpack(wire)) == payload
