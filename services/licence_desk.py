"""What the desk says about licences: a lookup's answer, an import's progress.

Lookup (``services.licences``) returns plain values; this module words them in the reader's
language, for a chat (rendered for the platform) or for the terminal (plain text), and decides
what a complaint about an unlicensed business starts with. An import's report is worded by
``services.sheet_import``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from services.complaints import Invalid, Limits, check_business_name
from services.formatting import localize_digits
from services.licence_fields import shown_fields, site_label
from services.licences import LicenceView, LookupResult, MatchKind, warning_for
from services.normalize import display_host
from services.platforms import PlatformProfile
from services.texts import Rendered, Texts

__all__ = [
    "REPORT_REJECTIONS",
    "ProgressThrottle",
    "choice_label",
    "complaint_answers",
    "describe_licence",
    "percent",
    "plain_text",
    "site_label",
    "text_bar",
]

# Rejections listed in a report message; the rest go in an attached file.
REPORT_REJECTIONS = 20
_TAGS = re.compile(r"</?(?:b|i|u|code|pre)>|<a href=\"[^\"]*\">|</a>")
# Fluent puts these around each value to keep directions apart; a terminal shows them raw.
_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def plain_text(text: str) -> str:
    """A text for a terminal or a file: without the desk's tags and direction isolates."""
    return _TAGS.sub("", text).translate(_ISOLATES)


# --- a lookup's answer ------------------------------------------------------------------------


def describe_licence(view: LicenceView, t: Texts, profile: PlatformProfile) -> Rendered:
    """A licence as a citizen reads it: a warning line first when it must not be trusted."""
    warning = warning_for(view)
    return t.render(
        profile,
        "licence-details",
        verdict=t.render(profile, warning or "licence-verdict-valid"),
        status=t.plain(f"licence-status-{view.status}"),
        **shown_fields(view, t),
    )


def choice_label(view: LicenceView, t: Texts) -> str:
    """A licence on a button of a list: its business, number and a mark of its status."""
    return t.plain(
        "licence-choice",
        mark=t.plain(f"licence-mark-{view.status}"),
        business=view.business_name,
        number=localize_digits(view.number, t.locale),
    )


def complaint_answers(result: LookupResult, query: str, limits: Limits) -> dict[str, str]:
    """The answers a complaint about a business that has no licence starts with.

    A website or app searched for is the business's website, and its name until the citizen
    says better; a name searched for is the business name; a number names no business.
    """
    if result.kind is MatchKind.DOMAIN:
        platform, colon, handle = result.term.partition(":")
        if not colon:
            name = result.term if result.term.startswith("@") else display_host(result.term)
        else:
            name = handle if platform == "app" else "@" + handle
        return {"business_name": name, "website": result.term}
    if result.kind is MatchKind.NAME:
        checked = check_business_name(query, limits)
        if not isinstance(checked, Invalid):
            return {"business_name": checked}
    return {}


# --- progress ---------------------------------------------------------------------------------


def percent(done: int, total: int) -> int:
    """How far along, 0 to 100; an empty file is done."""
    if total <= 0:
        return 100
    return max(0, min(100, done * 100 // total))


def text_bar(done: int, total: int, *, width: int = 20, fill: str = "▓", empty: str = "░") -> str:
    """A bar of ``width`` cells, filled in proportion: "▓▓▓▓░░░░"."""
    filled = width * percent(done, total) // 100
    return fill * filled + empty * (width - filled)


@dataclass
class ProgressThrottle:
    """Whether a progress display is worth updating: after ``interval`` seconds or ``step``
    percent since the last update, and always at the end; never twice at the same percent.

    A chat message edited for every batch would run into the platforms' rate limits.
    """

    interval: float = 2.0
    step: int = 10
    _last_at: float | None = field(default=None, init=False)
    _last_percent: int = field(default=-1, init=False)

    def due(self, done: int, total: int, now: float) -> bool:
        """Whether to update now (``now`` in seconds of a monotonic clock); records it."""
        value = percent(done, total)
        if value == self._last_percent:
            return False
        if (
            self._last_at is not None
            and value < 100
            and now - self._last_at < self.interval
            and value - self._last_percent < self.step
        ):
            return False
        self._last_at = now
        self._last_percent = value
        return True
