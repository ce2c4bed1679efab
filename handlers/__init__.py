"""Routers, in the order they are asked: commands that work everywhere first, catch-alls last.

Each call builds fresh routers, so that any number of dispatchers (workers, tests) can exist.
Routers that take only commands, menu buttons, form steps or admins' files are gated
(`handlers.kit.gates`): a message that none of them could take skips them at once, in the same
place of the order.
"""

from aiogram import Router

from handlers import (
    admin,
    cases,
    certificates,
    citizen_cases,
    common,
    complaints,
    contact,
    fallback,
    licences,
    parties,
    privacy,
    receipts,
    referrals,
    refusals,
    relay,
    reports,
    satisfaction,
    staff,
)
from handlers.kit.gates import gated


def get_routers() -> list[Router]:
    return [
        gated(receipts.make_router(), name="gated.receipts"),
        gated(common.make_router(), name="gated.common"),
        contact.make_router(),
        gated(
            admin.make_router(),
            reports.make_router(),
            referrals.make_router(),
            staff.make_router(),
            licences.make_staff_router(),
            parties.make_router(),
            certificates.make_router(),
            name="gated.staff",
        ),
        relay.make_staff_router(),
        gated(
            citizen_cases.make_router(),
            certificates.make_citizen_router(),
            privacy.make_router(),
            satisfaction.make_router(),
            name="gated.citizen",
        ),
        gated(licences.make_router(), name="gated.licences"),
        cases.make_words_router(),
        relay.make_citizen_router(),
        gated(complaints.make_router(), cases.make_router(), name="gated.forms"),
        certificates.make_documents_router(),
        refusals.make_router(),
        fallback.make_router(),
    ]
