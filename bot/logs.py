"""Logging that never writes a token, a phone number or a secret path."""

from __future__ import annotations

import logging
import re

_SECRETS = (
    (re.compile(r"bot\d+:[A-Za-z0-9_-]{20,}"), "bot<token>"),
    (re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{20,}\b"), "<token>"),
    (re.compile(r"\+?\b(?:98|0)?9\d{9}\b"), "<phone>"),
    # Bale's webhook path is its secret (bot/webhook.py).
    (re.compile(r"/webhook/bale/[^\s\"'?#]+"), "/webhook/bale/<secret>"),
)


def redact(text: str) -> str:
    """The text with tokens, phone numbers and secret paths masked."""
    for pattern, mask in _SECRETS:
        text = pattern.sub(mask, text)
    return text


class RedactingFilter(logging.Filter):
    """Masks secrets in every record, whatever library wrote it, and in its traceback (an
    exception's message may quote a URL or a request line)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


# Formats a traceback the way every handler's formatter would, so that it can be masked first.
_FORMATTER = logging.Formatter()


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
