"""Filters checked on the event loop itself.

aiogram runs any filter that is not a coroutine function in a worker thread
(`asyncio.to_thread`): right for a filter that blocks, costly for the desk's, which are
attribute reads (`F.text`, `F.chat.type == "private"`), a form step (`ComplaintForm.contact`) or a
small predicate. An update passes several of them on its way through the routers, and each
hand-off to a thread and back took longer than the check itself. `check_on_the_loop` makes every
such filter of a router tree a coroutine that calls the check directly.

A filter that does block (a file, a database) must be written as a coroutine that hands its own
blocking part to a thread; none of the desk's do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.handler import FilterObject


def check_on_the_loop(router: Router) -> int:
    """Turn every synchronous filter under `router` into a coroutine; how many were turned."""
    turned = 0
    for filter_ in filters_of(router):
        if not filter_.awaitable:
            filter_.callback = _coroutine(filter_.callback)
            filter_.awaitable = True
            turned += 1
    return turned


def filters_of(router: Router) -> Iterator[FilterObject]:
    """The filters of a router tree: each observer's own (`router.message.filter(...)`) and
    each handler's."""
    for one in router.chain_tail:
        for observer in one.observers.values():
            # The observer-wide filters live on aiogram's stand-in handler of the observer.
            yield from observer._handler.filters or ()
            for handler in observer.handlers:
                yield from handler.filters or ()


def _coroutine(check: Callable[..., Any]) -> Callable[..., Any]:
    async def checked(*args: Any, **kwargs: Any) -> Any:
        return check(*args, **kwargs)

    return checked
