"""The complaint form's steps, declared once: which ones a citizen sees, in what order, and how
far along they are.

"Step k of n" counts only the questions this citizen will be asked: an answer known before the
form opened (a business from a licence lookup, a disputed certificate request), a licence found
in the union's registry, an order that was not placed, or a number verified before, takes its
steps off the path. n is right from the start and changes only when an answer changes the path.
Everything here but :func:`registry_facts` is pure: answers in, steps out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from models.repos import Repo
from models.tables import Licence
from services.licences import PROVINCES, canonical_number, site_candidates

__all__ = [
    "CONFIRM",
    "ON_FILE",
    "PROVINCES",
    "SHARED",
    "STEPS",
    "Step",
    "counted",
    "editable",
    "licence_number",
    "next_step",
    "opened_with",
    "path",
    "progress",
    "province",
    "registry_facts",
    "step_named",
]

Answers = Mapping[str, Any]

# The summary, where the answers are confirmed: the end of the path, not a question.
CONFIRM = "confirm"
# The contact step's answer: the verified number was on file when the form opened, or shared.
ON_FILE = "on_file"
SHARED = "shared"


def _always(_: Answers) -> bool:
    return True


def _registry(answers: Answers) -> Mapping[str, Any]:
    found = answers.get("registry")
    return found if isinstance(found, Mapping) else {}


def _names_a_union_licence(answers: Answers) -> bool:
    """A licence number is asked for a business, unless the registry found it by its website;
    a complaint about a certificate request is about the IT Organization, licensed by no union."""
    return not answers.get("certificate_id") and _registry(answers).get("by") != "website"


def _province_unknown(answers: Answers) -> bool:
    return not _registry(answers).get("province")


def _order_placed(answers: Answers) -> bool:
    """Until the order number is answered an order is assumed; «no order» is kept as None."""
    return answers.get("order_number", "") is not None


def _contact_needed(answers: Answers) -> bool:
    return answers.get("contact") != ON_FILE


@dataclass(frozen=True)
class Step:
    """A question of the form: the answer it keeps, when it is asked, and the steps asked
    again with it when one of them is edited."""

    name: str
    answer: str
    applies: Callable[[Answers], bool] = _always
    group: str | None = None
    editable: bool = True


STEPS: tuple[Step, ...] = (
    Step("business_name", "business_name"),
    Step("website", "website"),
    Step("licence", "licence_number", _names_a_union_licence),
    Step("province", "province", _province_unknown),
    Step("subject", "subject"),
    Step("description", "description"),
    Step("order_number", "order_number", group="order"),
    Step("order_date", "order_date", _order_placed, group="order", editable=False),
    Step("order_amount", "order_amount", _order_placed, group="order", editable=False),
    Step("attachments", "attachments"),
    Step("contact", "contact", _contact_needed, editable=False),
)
_BY_NAME = {step.name: step for step in STEPS}
_ORDER = {step.name: index for index, step in enumerate(STEPS)}


def step_named(name: str) -> Step | None:
    return _BY_NAME.get(name)


def opened_with(prefilled: Answers, *, phone_verified: bool) -> dict[str, Any]:
    """The answers a form opens with: those known already, marked so as not to be counted
    (they are stated to the citizen instead), and the contact when a verified number is on
    file."""
    answers = dict(prefilled)
    known = [step.name for step in STEPS if step.answer in prefilled]
    if known:
        answers["prefilled"] = known
    if phone_verified:
        answers["contact"] = ON_FILE
    return answers


def path(answers: Answers) -> list[Step]:
    """The steps these answers call for, in order, the known ones included."""
    return [step for step in STEPS if step.applies(answers)]


def counted(answers: Answers) -> list[str]:
    """The steps the citizen is asked: the path without the answers known at the opening."""
    known = set(answers.get("prefilled", ()))
    return [step.name for step in path(answers) if step.name not in known]


def progress(answers: Answers, name: str) -> tuple[int, int] | None:
    """«Step k of n» at this step; None at a step not counted (an edit of a known answer)."""
    steps = counted(answers)
    return (steps.index(name) + 1, len(steps)) if name in steps else None


def editable(answers: Answers) -> list[str]:
    """The answers the summary offers to change: those of the path, known ones included."""
    return [step.name for step in path(answers) if step.editable]


def _answered(answers: Answers, step: Step) -> bool:
    return step.answer in answers


def next_step(answers: Answers, after: str | None) -> str:
    """The step after ``after`` (from the start when None): the next one of the path not yet
    answered or, while an answer is being edited, of its group; else the summary."""
    start = _ORDER[after] + 1 if after in _ORDER else 0
    edited = _BY_NAME.get(str(answers.get("editing")))
    group = edited.group if edited is not None else None
    for step in path(answers):
        if _ORDER[step.name] < start:
            continue
        if not _answered(answers, step) or (group is not None and step.group == group):
            return step.name
    return CONFIRM


# --- what the union's registry knows ---------------------------------------------------------


def _facts(licence: Licence, by: str) -> dict[str, str]:
    return {
        "number": licence.number,
        "business": licence.business_name,
        "province": licence.province,
        "by": by,
    }


async def registry_facts(repo: Repo, answers: Answers) -> dict[str, str] | None:
    """The licence of the business complained about, as the registry has it: found by the
    licence number the citizen gave, else by the website or app when exactly one licence lists
    it; None when the business is not found (not licensed, or not said)."""
    typed = answers.get("licence_number")
    number = canonical_number(typed) if isinstance(typed, str) else None
    if number is not None:
        licence = await repo.licences.by_number(number)
        if licence is not None:
            return _facts(licence, "number")
    website = answers.get("website")
    if isinstance(website, str) and website:
        found = await repo.licences.by_hosts(site_candidates(website), limit=2)
        if len(found) == 1:
            return _facts(found[0], "website")
    return None


def licence_number(answers: Answers) -> str | None:
    """The licence number the case keeps: the registry's when it found the business by its
    website (the question was not asked), else the one the citizen gave."""
    registry = _registry(answers)
    if registry.get("by") == "website":
        return str(registry["number"])
    typed = answers.get("licence_number")
    return typed if isinstance(typed, str) else None


def province(answers: Answers) -> str | None:
    """The business's province: the registry's when the business is licensed, else the one
    the citizen chose (None when skipped); only one of the 31 is kept."""
    chosen = _registry(answers).get("province") or answers.get("province")
    return chosen if chosen in PROVINCES else None
