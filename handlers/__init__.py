"""Routers, in the order they are asked: commands that work everywhere first, catch-alls last.

Each call builds fresh routers, so that any number of dispatchers (workers, tests) can exist.
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


def get_routers() -> list[Router]:
    return [
        receipts.make_router(),
        common.make_router(),
        contact.make_router(),
        admin.make_router(),
        reports.make_router(),
        referrals.make_router(),
        staff.make_router(),
        licences.make_staff_router(),
        parties.make_router(),
        certificates.make_router(),
        relay.make_staff_router(),
        citizen_cases.make_router(),
        certificates.make_citizen_router(),
        privacy.make_router(),
        satisfaction.make_router(),
        licences.make_router(),
        cases.make_words_router(),
        relay.make_citizen_router(),
        complaints.make_router(),
        cases.make_router(),
        certificates.make_documents_router(),
        refusals.make_router(),
        fallback.make_router(),
    ]
