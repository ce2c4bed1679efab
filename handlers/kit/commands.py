"""The commands of each audience, for the menus, /help and refusals."""

from __future__ import annotations

CITIZEN_COMMANDS = (
    "complaint",
    "mycases",
    "track",
    "receipt",
    "licence",
    "renewal",
    "withdraw",
    "object",
    "dispute",
    "mydata",
    "forget",
    "language",
    "cancel",
    "help",
)
STAFF_COMMANDS = (
    "case",
    "status",
    "opinion",
    "agree",
    "assign",
    "find",
    "cert",
    "respondent",
    "session",
    "refer",
)
ADMIN_COMMANDS = ("stats", "export", "sla", "holiday", "staff", "ban", "unban")
