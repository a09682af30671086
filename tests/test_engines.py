"""The Dask engine gives exactly the graph of the local engine (a LocalCluster of processes)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import reconcile as rc
from reconcile.engines import DaskEngine, LocalEngine

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _inputs() -> list[list[rc.Claim]]:
    text = rc.datasets.synthetic(400, n_sources=15, seed=3).claims
    mixed = rc.datasets.synthetic(300, n_sources=10, structured=True, seed=4).claims + list(
        rc.datasets.load_demo()
    )
    article = rc.extract_claims(
        "PORTVILLE (Wire) — The mayor said the pier had reopened, Radio Coast reported. "
        '"Reports of a collapse are not true," a spokesman said. Officials told Reuters '
        "the pier had reopened on Monday. Witnesses said the pier collapsed."
    )
    return [text, mixed, list(article)]


def test_dask_engine_gives_the_local_graph(client: Any) -> None:
    for claims in _inputs():
        local = rc.link(claims, engine=LocalEngine(batch_size=97))
        remote = rc.link(claims, engine=DaskEngine(client, batch_size=97))
        assert rc.to_json(remote) == rc.to_json(local)
        assert rc.to_json(rc.score(remote)) == rc.to_json(rc.score(local))
    # the default batch size and the string spelling give the same graph too
    claims = _inputs()[0]
    assert rc.to_json(rc.link(claims, engine="dask", client=client)) == rc.to_json(rc.link(claims))


def test_claims_from_dask_collections(client: Any) -> None:
    bag = pytest.importorskip("dask.bag")
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    claims = list(rc.datasets.load_demo())
    from_bag = rc.link(bag.from_sequence(claims, npartitions=3), engine="dask", client=client)
    assert rc.to_json(from_bag) == rc.to_json(rc.link(claims))
    frame = pd.DataFrame(
        {"text": ["The pier reopened", "The pier did not reopen"], "source": ["mayor", "radio"]}
    )
    graph = rc.link(dd.from_pandas(frame, npartitions=2))
    assert len(graph) == 2


def test_bad_engine_options() -> None:
    with pytest.raises(rc.OptionError, match="engine"):
        rc.link([], engine="spark")
    with pytest.raises(rc.OptionError, match="batch_size"):
        LocalEngine(batch_size=0)
