"""Helpers shared by the benchmark scripts (not part of the library)."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Iterator, Mapping
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


# truthdiscovery's CRH builds dense claims x claims matrices: skip it above this size
_TD_DENSE_LIMIT = 5_000


def truthdiscovery_peers(
    triples: list[tuple[object, object, object]],
    *,
    repeat: int = 1,
    beside: Mapping[str, Callable[[int], object]] | None = None,
) -> tuple[float, dict[str, tuple[dict[object, object], float, int]], dict[str, float]]:
    """Run truthdiscovery's algorithms (GPL, a benchmark-only peer) on the same input.

    ``triples`` are (source, question, canonical value). Returns the Dataset build time
    and, per algorithm, (question -> best value, seconds, iterations); an empty dict
    when truthdiscovery does not import here. With ``repeat`` > 1 the build and each
    algorithm run that many times and the fastest time is kept (as ``timeit`` does:
    on a shared machine the other runs measure the neighbours too).

    ``beside`` maps an algorithm's name to the run it is compared with, called with
    the number of rounds the algorithm ran: that run is timed right after each of the
    algorithm's runs, turn about, so that both meet the same load; the third item
    returned is its fastest time, by name.
    """
    try:
        import truthdiscovery as td
    except Exception as err:  # needs pycairo and bidict; reported, not fatal
        print(f"  (truthdiscovery not importable: {type(err).__name__}: {err})")
        return 0.0, {}, {}
    build = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        # a source that states two values for one question: truthdiscovery keeps the first
        dataset = td.Dataset(triples, allow_multiple=True)
        build = min(build, time.perf_counter() - start)
    algorithms = {
        "MajorityVoting": td.MajorityVoting(),
        "Sums": td.Sums(),
        "AverageLog": td.AverageLog(),
        "Investment": td.Investment(),
        "PooledInvestment": td.PooledInvestment(),
        "TruthFinder": td.TruthFinder(),
    }
    if dataset.num_claims <= _TD_DENSE_LIMIT:
        algorithms["CRH"] = td.CRH()
    out: dict[str, tuple[dict[object, object], float, int]] = {}
    beside_s: dict[str, float] = {}
    for name, algorithm in algorithms.items():
        took = float("inf")
        other = (beside or {}).get(name)
        try:
            for _ in range(repeat):
                start = time.perf_counter()
                result = algorithm.run(dataset)
                took = min(took, time.perf_counter() - start)
                if other is not None:
                    start = time.perf_counter()
                    other(int(result.iterations or 0))
                    beside_s[name] = min(beside_s.get(name, float("inf")),
                                         time.perf_counter() - start)  # fmt: skip
        except Exception as err:  # a peer's failure is reported, not fatal
            print(f"  truthdiscovery {name}: failed ({type(err).__name__}: {err})")
            continue
        best = {
            var: max(beliefs.items(), key=lambda kv: kv[1])[0]
            for var, beliefs in result.belief.items()
            if beliefs
        }
        out[name] = (best, took, int(result.iterations or 0))
    return build, out, beside_s
