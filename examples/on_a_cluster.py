"""The same linking and scoring on a Dask cluster: one argument changes, not the code.

Makes 20,000 synthetic news claims, links and scores them in this process, then again
with ``engine="dask"`` on a local cluster of two worker processes (pass the Client of
a real cluster instead: ``Client("tcp://scheduler:8786")``, with reconcile[dask]
installed on every worker). Checks that the graph and the scores are the same, and
prints the time of each step and the best-supported stories.

Needs ``reconcile[dask]``. Run as a script: Dask starts its workers as new processes,
which import this file (hence the ``__main__`` guard).
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import reconcile as rc

T = TypeVar("T")


def timed(label: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    print(f"  {label:<26} {time.perf_counter() - start:6.1f} s")
    return out


def answer_of(result: rc.Consensus) -> str:
    """The best-supported story's text, shortened."""
    return str(result.answers()[0].value)[:60]


def main() -> None:
    from dask.distributed import Client, LocalCluster

    claims = rc.datasets.synthetic(20_000, n_sources=200, seed=7).claims
    print(f"{len(claims):,} claims from {len({c.source.id for c in claims})} sources")

    print("in this process:")
    graph = timed("link", rc.link, claims)
    result = timed("score (accu)", rc.score, graph)

    with warnings.catch_warnings():
        # a local cluster on a small machine warns about its memory; not our concern here
        warnings.simplefilter("ignore")
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None)  # fmt: skip
        client = Client(cluster)
    try:
        print("on the cluster:")
        remote_graph = timed("link", rc.link, claims, engine="dask", client=client)
        # the rounds of accu run on the workers, over shards of the votes
        remote = timed("score (accu)", rc.score, remote_graph, engine="dask", client=client)
        same_graph = rc.to_json(remote_graph) == rc.to_json(graph)
        same_scores = rc.to_json(remote) == rc.to_json(result)
        print(f"same graph: {same_graph}; same scores: {same_scores}")

        # claims from a dask bag (here from the list; in practice read by the workers,
        # e.g. from JSON Lines files) stay on the cluster: the driver never holds them
        import dask.bag as db

        print("claims from a dask bag, kept on the cluster:")
        bag = db.from_sequence(claims, npartitions=8)
        kept_graph = timed("link", rc.link, bag, engine="dask", client=client)
        kept = timed("score (accu)", rc.score, kept_graph, engine="dask", client=client)
        first = answer_of(kept)
        print(f"  the best-supported story, read from the cluster: {first}")
        same_kept = rc.to_json(kept) == rc.to_json(result)  # reads every claim back
        print(f"same scores: {same_kept}")
    finally:
        client.close()
        cluster.close()

    if not (same_graph and same_scores and same_kept):
        raise SystemExit("the engines disagree")

    print(f"\n{graph.number_of_links:,} links; the three best-supported stories:")
    for answer in result.answers()[:3]:
        print(f"  {answer.score:.2f}  {str(answer.value)[:70]}")


if __name__ == "__main__":
    main()
