"""What services ask the platforms to show, as typed values: buttons and what they carry back.

Each kind of payload is declared beside the service that draws it (`casework.cards.CaseMove`,
`certificates.CertMove`, `satisfaction.RatingOffer`); the bot layer maps each to its callback
data and back (`handlers.kit.callbacks`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class ButtonPayload:
    """What a callback button carries back when pressed (never drawn itself)."""

    # How the payload is named where it is stored (an outbox row's buttons).
    kind: ClassVar[str]

    def stored(self) -> dict[str, Any]:
        """The payload as an outbox row keeps it: its kind and its fields."""
        return {"kind": self.kind, **asdict(self)}


@dataclass(frozen=True)
class Button:
    """An inline button: a typed payload to carry back, or a link."""

    text: str
    callback: ButtonPayload | None = None
    url: str | None = None

    def stored(self) -> dict[str, Any]:
        """The button as an outbox row keeps it."""
        return {
            "text": self.text,
            "callback": self.callback.stored() if self.callback else None,
            "url": self.url,
        }
