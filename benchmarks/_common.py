"""Helpers shared by the benchmark scripts (not part of the library)."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from reconcile.datasets import data_dir


def require_data() -> None:
    """Exit cleanly (status 0, a message) when the evaluation data is absent."""
    try:
        data_dir()
    except FileNotFoundError as err:
        print(f"skipped: {err}")
        sys.exit(0)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def timed(label: str, into: dict[str, float]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    into[label] = time.perf_counter() - start
