"""What differs between Telegram and Bale, kept in one place.

Handlers and services ask the profile; none of them tests the platform's name.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from enum import StrEnum


class Platform(StrEnum):
    """A messaging platform the desk runs on."""

    TELEGRAM = "telegram"
    BALE = "bale"


_TAG = re.compile(r"</?(b|i|u|code|pre)>")
_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
_BALE_MARKS = {"b": "*", "i": "_", "u": "", "code": "`", "pre": "```"}
_MARKDOWN_SPECIAL = re.compile(r"([\\*_`\[\]])")


@dataclass(frozen=True)
class PlatformProfile:
    """Capabilities and text rendering of one platform.

    Texts are written once with a small set of tags (<b>, <i>, <u>, <code>, <pre>, <a href>);
    values typed by people are escaped for the platform before they are put into a text.
    """

    platform: Platform
    parse_mode: str | None
    has_command_menu: bool
    has_forum_topics: bool
    has_callback_answers: bool
    has_secret_token: bool
    # The longest message text and file caption the platform takes, in UTF-16 code units of
    # the text a reader sees (services.lengths counts them).
    text_limit: int
    caption_limit: int

    def escape(self, value: str) -> str:
        """Make a value typed by a person safe inside a text of this platform."""
        if self.parse_mode == "HTML":
            return html.escape(value, quote=False)
        return _MARKDOWN_SPECIAL.sub(r"\\\1", value)

    def finish(self, text: str) -> str:
        """Turn a text written with the desk's tags into what this platform reads."""
        if self.parse_mode == "HTML":
            return text
        text = _LINK.sub(r"[\2](\1)", text)
        return _TAG.sub(lambda match: _BALE_MARKS[match.group(1)], text)

    def callback_answer_by_message(self, callback_id: str) -> bool:
        """Bale's older clients cannot show a callback answer; their query ids start with 1."""
        return not self.has_callback_answers or (
            self.platform is Platform.BALE and callback_id.startswith("1")
        )


TELEGRAM = PlatformProfile(
    platform=Platform.TELEGRAM,
    parse_mode="HTML",
    has_command_menu=True,
    has_forum_topics=True,
    has_callback_answers=True,
    has_secret_token=True,
    text_limit=4096,
    caption_limit=1024,
)
BALE = PlatformProfile(
    platform=Platform.BALE,
    parse_mode=None,
    has_command_menu=False,
    has_forum_topics=False,
    has_callback_answers=True,
    has_secret_token=False,
    # Bale publishes no limits: Telegram's.
    text_limit=4096,
    caption_limit=1024,
)
PROFILES = {Platform.TELEGRAM: TELEGRAM, Platform.BALE: BALE}


def profile_of(platform: str | Platform) -> PlatformProfile:
    """The profile of a platform by name."""
    return PROFILES[Platform(platform)]
