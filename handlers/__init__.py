"""Routers, in the order they are asked: commands that work everywhere first, catch-alls last.

Each call builds fresh routers, so that any number of dispatchers (workers, tests) can exist.
"""

from aiogram import Router

from handlers import cases, common, complaints, fallback


def get_routers() -> list[Router]:
    return [
        common.make_router(),
        complaints.make_router(),
        cases.make_router(),
        fallback.make_router(),
    ]
