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
    finally:
        client.close()
        cluster.close()

    same_graph = rc.to_json(remote_graph) == rc.to_json(graph)
    same_scores = rc.to_json(remote) == rc.to_json(result)
    print(f"same graph: {same_graph}; same scores: {same_scores}")
    if not (same_graph and same_scores):
        raise SystemExit("the engines disagree")

    print(f"\n{graph.number_of_links:,} links; the three best-supported stories:")
    for answer in result.answers()[:3]:
        print(f"  {answer.score:.2f}  {str(answer.value)[:70]}")


if __name__ == "__main__":
    main()
