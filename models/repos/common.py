"""What the repositories share: IN lists cut to size, and the rows a statement touched."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

_T = TypeVar("_T")

# Bound parameters per IN (…) list: well under SQLite's and asyncpg's limits.
IN_CHUNK = 500


def chunks(items: Sequence[_T], size: int = IN_CHUNK) -> Iterable[Sequence[_T]]:
    """`items` in slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def rowcount(result: Any) -> int:
    """How many rows an UPDATE or DELETE touched (0 where the driver does not say)."""
    return int(getattr(result, "rowcount", 0) or 0)
