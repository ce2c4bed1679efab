"""Typed callback data of every inline button."""

from __future__ import annotations

from typing import Any

from aiogram.filters.callback_data import CallbackData


class FormNav(CallbackData, prefix="form"):
    """A navigation button of a form step: skip, done, confirm, edit, restart, resume."""

    step: str
    action: str


class SubjectChoice(CallbackData, prefix="subj"):
    """The subject of a complaint."""

    subject: str


class EditField(CallbackData, prefix="edit"):
    """Which answer of the summary to change."""

    field: str


class LanguageChoice(CallbackData, prefix="lang"):
    """The language a person chose."""

    locale: str


class CaseAction(CallbackData, prefix="case"):
    """A staff action on a case, drawn while the case had status `seen`."""

    case_id: int
    action: str
    seen: str = ""


class OpinionChoice(CallbackData, prefix="opin"):
    """The complaints commission's opinion, as recorded by staff."""

    case_id: int
    opinion: str
    seen: str


class CitizenCase(CallbackData, prefix="mine"):
    """A citizen's confirmed action on their own case (withdraw, object, reopen)."""

    case_id: int
    action: str
    seen: str


class CertAction(CallbackData, prefix="cert"):
    """Moving a certificate request to `target`, drawn while it had status `seen`."""

    request_id: int
    target: str
    seen: str


class RatingChoice(CallbackData, prefix="rate"):
    """A citizen's satisfaction with their closed case, 1 to 5."""

    case_id: int
    score: int


class LicenceChoice(CallbackData, prefix="lic"):
    """One licence of a lookup's list, by its number as stored."""

    number: str


class LicenceComplaint(CallbackData, prefix="licc"):
    """A complaint about a business a lookup found no licence for; `ref` names the answers
    kept for it in the conversation."""

    ref: int


class ForgetChoice(CallbackData, prefix="forget"):
    """A person's answer to the question whether to erase what the desk holds about them."""

    erase: bool


_KINDS: dict[str, type[CallbackData]] = {
    "case": CaseAction,
    "cert": CertAction,
    "rate": RatingChoice,
}


def pack(callback: dict[str, Any]) -> str:
    """Pack a callback described by the services (`kind` and fields) with its typed class."""
    fields = dict(callback)
    kind = fields.pop("kind")
    return _KINDS[kind](**fields).pack()
