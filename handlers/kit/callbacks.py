"""Typed callback data of every inline button.

A button's data comes back from the client and can be forged: each field is typed with what
the desk offers (its enums, literal actions, bounded ids, the locales it speaks), and the whole
value must be exactly what the desk would draw (`DeskCallback.unpack`). Anything else does not
parse, so no handler sees it, and the catch-all (`handlers.fallback`) answers it as a stale
button without changing anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Annotated, Any, Literal, Self

from aiogram.filters.callback_data import CallbackData
from pydantic import AfterValidator, Field, model_validator

from services.casework.cards import CaseMove
from services.certificates import CertMove, CertStatus, ReportPayment, SendDocuments
from services.desk import Subject
from services.licences import PROVINCES, canonical_number
from services.relay import Offer
from services.satisfaction import RatingOffer
from services.sessions import Answer as SessionAnswerKind
from services.sessions import SessionAnswer
from services.sources import ReferringBody
from services.texts import LOCALES
from services.view import ButtonPayload
from services.workflow import Action, CaseStatus, Opinion

# Rows' ids are the databases' INTEGER (four bytes on PostgreSQL).
RowId = Annotated[int, Field(ge=1, le=2**31 - 1)]


def _known_locale(value: str) -> str:
    if value not in LOCALES:
        raise ValueError("not a language of the desk")
    return value


def _stored_licence_number(value: str) -> str:
    if canonical_number(value) != value:
        raise ValueError("not a licence number as stored")
    return value


class DeskCallback(CallbackData, prefix="desk"):
    """The base of the desk's buttons (never drawn itself): a value parses only when it is
    exactly what packing its fields gives, so "0012", " 12" or "true" are not taken for 12
    or 1."""

    @classmethod
    def unpack(cls, value: str) -> Self:
        parsed = super().unpack(value)
        if parsed.pack() != value:
            raise ValueError(f"{cls.__name__} not as the desk draws it")
        return parsed


# The form's step buttons, as `handlers.kit.keyboards` draws them: each step with its own actions.
FormStep = Literal[
    "start",
    "licence",
    "province",
    "order_number",
    "order_date",
    "order_amount",
    "attachments",
    "confirm",
]
FormAction = Literal[
    "resume", "restart", "skip", "no-order", "done", "confirm", "edit", "cancel", "back"
]
FORM_BUTTONS: dict[str, frozenset[str]] = {
    "start": frozenset({"resume", "restart"}),
    "licence": frozenset({"skip"}),
    "province": frozenset({"skip"}),
    "order_number": frozenset({"no-order"}),
    "order_date": frozenset({"skip"}),
    "order_amount": frozenset({"skip"}),
    "attachments": frozenset({"done"}),
    "confirm": frozenset({"confirm", "edit", "cancel", "back"}),
}
# The answers the summary offers to change.
Editable = Literal[
    "business_name",
    "website",
    "licence",
    "province",
    "subject",
    "description",
    "order_number",
    "attachments",
]


class FormNav(DeskCallback, prefix="form"):
    """A navigation button of a form step: skip, done, confirm, edit, restart, resume."""

    step: FormStep
    action: FormAction

    @model_validator(mode="after")
    def _drawn_for_its_step(self) -> Self:
        if self.action not in FORM_BUTTONS[self.step]:
            raise ValueError("no such button at this step")
        return self


class SubjectChoice(DeskCallback, prefix="subj"):
    """The subject of a complaint."""

    subject: Subject


class ProvinceChoice(DeskCallback, prefix="prov"):
    """The province of the business complained about, by its place in the list of 31."""

    index: Annotated[int, Field(ge=0, lt=len(PROVINCES))]


class EditField(DeskCallback, prefix="edit"):
    """Which answer of the summary to change."""

    field: Editable


class LanguageChoice(DeskCallback, prefix="lang"):
    """The language a person chose."""

    locale: Annotated[str, AfterValidator(_known_locale)]


class CaseAction(DeskCallback, prefix="case"):
    """A staff action on a case, drawn while the case had status `seen` ("view", from older
    cards, is drawn without it)."""

    case_id: RowId
    action: Action | Literal["view", "ask", "note", "respondent"]
    seen: CaseStatus | Literal[""] = ""

    @model_validator(mode="after")
    def _seen_unless_a_view(self) -> Self:
        if (self.action == "view") != (self.seen == ""):
            raise ValueError("a move is drawn with the status it was drawn for")
        return self


class OpinionChoice(DeskCallback, prefix="opin"):
    """The complaints commission's opinion, as recorded by staff."""

    case_id: RowId
    opinion: Opinion
    seen: CaseStatus


class CitizenCase(DeskCallback, prefix="mine"):
    """A citizen's confirmed action on their own case (withdraw, object), or keeping it."""

    case_id: RowId
    action: Literal["withdraw", "object", "keep"]
    seen: CaseStatus


class CertAction(DeskCallback, prefix="cert"):
    """Moving a certificate request to `target`, drawn while it had status `seen`."""

    request_id: RowId
    target: CertStatus
    seen: CertStatus


class CertDocuments(DeskCallback, prefix="certdocs"):
    """An applicant's choice to send the documents of their request."""

    request_id: RowId


class CertDocumentsDone(DeskCallback, prefix="certdone"):
    """An applicant has sent every document of their request they had."""

    request_id: RowId


class CertPaid(DeskCallback, prefix="certpaid"):
    """An applicant's word that they paid their request's fee."""

    request_id: RowId


class RenewalChoice(DeskCallback, prefix="renew"):
    """A holder's choice to follow a licence's renewal or not; licence 0 is every one."""

    licence_id: Annotated[int, Field(ge=0, le=2**31 - 1)]
    follow: bool


class RatingChoice(DeskCallback, prefix="rate"):
    """A citizen's satisfaction with their closed case, 1 to 5."""

    case_id: RowId
    score: Annotated[int, Field(ge=1, le=5)]


class RatingNoComment(DeskCallback, prefix="rate0"):
    """The rater has no comment to add to their rating."""

    rating_id: RowId


class LicenceChoice(DeskCallback, prefix="lic"):
    """One licence of a lookup's list, by its number as stored."""

    number: Annotated[str, AfterValidator(_stored_licence_number)]


class LicenceComplaint(DeskCallback, prefix="licc"):
    """A complaint about a business a lookup found no licence for; `ref` names the answers
    kept for it in the conversation (0: none were kept)."""

    ref: Annotated[int, Field(ge=0, le=2**31 - 1)]


class ForgetChoice(DeskCallback, prefix="forget"):
    """A person's answer to the question whether to erase what the desk holds about them."""

    erase: bool


class RelayChoice(DeskCallback, prefix="relay"):
    """The case that the citizen's kept messages are about."""

    case_id: RowId


class EndedCaseChoice(DeskCallback, prefix="ended"):
    """What a citizen writing about an ended case chose, drawn while it had status `seen`."""

    case_id: RowId
    offer: Offer
    seen: CaseStatus


class SessionReply(DeskCallback, prefix="sess"):
    """A party's answer to the commission's session, drawn for one version of it."""

    session_id: RowId
    version: Annotated[int, Field(ge=1)]
    answer: SessionAnswerKind


class ReferralBodyChoice(DeskCallback, prefix="refb"):
    """The body that referred a complaint, in the staff's referral form."""

    body: ReferringBody


class ReferralSubjectChoice(DeskCallback, prefix="refs"):
    """The subject of a referred complaint, in the staff's referral form."""

    subject: Subject


class ReferralDone(DeskCallback, prefix="refd"):
    """The end of the staff's referral form: register it, or drop it."""

    action: Literal["confirm", "cancel"]


# The services' button payloads and the callback data each is drawn as: the same fields.
_DRAWN_AS: dict[type[ButtonPayload], type[DeskCallback]] = {
    CaseMove: CaseAction,
    CertMove: CertAction,
    SendDocuments: CertDocuments,
    ReportPayment: CertPaid,
    RatingOffer: RatingChoice,
    SessionAnswer: SessionReply,
}
_STORED: dict[str, type[DeskCallback]] = {
    payload.kind: callback for payload, callback in _DRAWN_AS.items()
}
_PAYLOADS: dict[type[DeskCallback], Callable[..., ButtonPayload]] = {
    callback: payload for payload, callback in _DRAWN_AS.items()
}


def pack(payload: ButtonPayload) -> str:
    """A service's button payload as the callback data of its button."""
    return _DRAWN_AS[type(payload)](**asdict(payload)).pack()


def pack_stored(stored: dict[str, Any]) -> str:
    """A payload as an outbox row keeps it (`ButtonPayload.stored`), as callback data."""
    fields = dict(stored)
    return _STORED[fields.pop("kind")](**fields).pack()


def payload_of(
    data: CaseAction | CertAction | CertDocuments | CertPaid | RatingChoice | SessionReply,
) -> ButtonPayload:
    """A pressed button's callback data as the payload of the service that drew it."""
    return _PAYLOADS[type(data)](**data.model_dump())
