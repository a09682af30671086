"""Pausing the cyclic garbage collector while a bulk step allocates many objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Turn the cyclic collector off for the block, back on after (if it was on).

    Building a graph or the vote arrays from a million claims allocates millions of
    short tuples and dict entries, none of them in reference cycles; every few
    thousand allocations the collector would walk all live objects again (the claims
    included), which doubled the time of those steps. Reference counting still frees
    memory as usual meanwhile.

    Examples
    --------
    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
