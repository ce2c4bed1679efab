"""Logging that never writes a token or a phone number."""

from __future__ import annotations

import logging
import re

_SECRETS = (
    (re.compile(r"bot\d+:[A-Za-z0-9_-]{20,}"), "bot<token>"),
    (re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{20,}\b"), "<token>"),
    (re.compile(r"\+?\b(?:98|0)?9\d{9}\b"), "<phone>"),
)


def redact(text: str) -> str:
    """The text with tokens and phone numbers masked."""
    for pattern, mask in _SECRETS:
        text = pattern.sub(mask, text)
    return text


class RedactingFilter(logging.Filter):
    """Masks secrets in every record, whatever library wrote it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


NOISY = (
    "aiosqlite",
    "asyncpg",
    "sqlalchemy.engine",
    "alembic.runtime.plugins",
    "matplotlib",
    "PIL",
)


def setup_logging(level: str) -> None:
    """Plain lines on standard error, redacted."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    quiet_libraries()


def quiet_libraries() -> None:
    """Libraries whose debug lines carry SQL parameters or file paths speak only of trouble."""
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(logging.WARNING)
