"""The Dask engine gives exactly the graph of the local engine (a LocalCluster of processes)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

import reconcile as rc
from reconcile.engines import DaskEngine, LocalEngine
from reconcile.linking.api import DEFAULT_PROCESSOR, DEFAULT_SCORER, _Options, _Plan

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


def test_dask_engine_with_every_blocking(client: Any) -> None:
    claims = _inputs()[1][:200] + _inputs()[0][:200]
    engine = DaskEngine(client, batch_size=50)
    for options in ({"block_on": "source", "same_source": True}, {"block_on": "all"},
                    {"max_block_size": 3, "score_cutoff": 40.0}):  # fmt: skip
        with warnings.catch_warnings(record=True) as local_warned:
            warnings.simplefilter("always")
            local = rc.link(claims, **options)
        with warnings.catch_warnings(record=True) as remote_warned:
            warnings.simplefilter("always")
            remote = rc.link(claims, engine=engine, **options)
        assert rc.to_json(remote) == rc.to_json(local), options
        assert [str(w.message) for w in remote_warned] == [str(w.message) for w in local_warned]


def test_dask_engine_keeps_the_text_analysis_on_the_workers(client: Any) -> None:
    # the driver holds a handle to the analysed texts and candidate pairs, not them
    claims = _inputs()[0]
    opts = _Options(block_on=None, scorer=DEFAULT_SCORER, processor=DEFAULT_PROCESSOR,
                    score_cutoff=None, workers=1, same_source=False, linker=None,
                    max_block_size=5_000)  # fmt: skip
    items = sorted(claims, key=lambda c: c.id)
    remote = _Plan(items, opts, DaskEngine(client), gate=True)
    local = _Plan(items, opts, LocalEngine(), gate=True)
    assert isinstance(remote.text, distributed.Future)
    assert remote.report == local.report
    assert remote.text_pairs == local.text_pairs == len(local.text.a) > 0


# the cluster started for one call asks for the default dashboard port, which the
# module's cluster may hold
@pytest.mark.filterwarnings("ignore:Port .* is already in use")
def test_claims_from_dask_collections(client: Any) -> None:
    bag = pytest.importorskip("dask.bag")
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    claims = list(rc.datasets.load_demo())
    from_bag = rc.link(bag.from_sequence(claims, npartitions=3), engine="dask", client=client)
    assert rc.to_json(from_bag) == rc.to_json(rc.link(claims))
    # the preview of blocking takes them too
    preview = rc.count_comparisons(bag.from_sequence(claims, npartitions=2))
    assert preview == rc.count_comparisons(claims)
    # a cluster started for the call is gone after it: the claims come here
    from_own = rc.link(bag.from_sequence(claims, npartitions=3), engine="dask")
    assert from_own._store is None and rc.to_json(from_own) == rc.to_json(from_bag)
    frame = pd.DataFrame(
        {"text": ["The pier reopened", "The pier did not reopen"], "source": ["mayor", "radio"]}
    )
    graph = rc.link(dd.from_pandas(frame, npartitions=2))
    assert len(graph) == 2
    # on a cluster the caller keeps, the claims are made and stay there
    kept = rc.link(dd.from_pandas(frame, npartitions=2), engine=DaskEngine(client))
    assert kept._store is not None and rc.to_json(kept) == rc.to_json(graph)
    # scoring takes them too (a DataFrame iterates over its column names)
    assert rc.to_json(rc.score(dd.from_pandas(frame, npartitions=2))) == rc.to_json(rc.score(graph))
    assert rc.to_json(rc.score(bag.from_sequence(claims, npartitions=2))) == rc.to_json(
        rc.score(claims)
    )


def test_claims_of_a_dask_collection_stay_on_a_cluster_the_caller_keeps(
    client: Any, monkeypatch: Any
) -> None:
    bag = pytest.importorskip("dask.bag")
    # pieces of about 50 claims: every input is cut into several
    monkeypatch.setattr(rc.store, "PIECE_SIZE", 50)
    engine = DaskEngine(client, batch_size=97)
    for claims in _inputs():
        # another order and partitioning than the list's give the same graph
        collection = bag.from_sequence(claims[::-1], npartitions=3)
        remote = rc.link(collection, engine=engine)
        assert remote._store is not None and len(remote._store.pieces) == -(-len(remote) // 50)
        local = rc.link(claims)
        assert rc.to_json(remote) == rc.to_json(local)
        assert rc.to_json(rc.score(remote)) == rc.to_json(rc.score(local))
        # scoring claims from a collection links the text claims only, as for a list
        scored = rc.score(bag.from_sequence(claims, npartitions=2), engine=engine)
        expected = rc.score(claims)
        assert scored.graph._store is not None
        assert rc.to_json(scored) == rc.to_json(expected)
        assert scored.answers() == expected.answers()
        assert scored.to_pandas().claims.equals(expected.to_pandas().claims)
        for claim in claims[:: max(1, len(claims) // 7)]:
            assert scored.score(claim) == expected.score(claim)
            assert str(scored.explain(claim)) == str(expected.explain(claim))
            assert remote.neighbors(claim) == local.neighbors(claim)
            assert remote[claim.id] == claim and claim in remote
        a, b = claims[0].id, claims[1].id
        assert remote.get_link(a, b) == local.get_link(a, b)
        assert list(remote) == local.claims_in_id_order()
    with pytest.raises(rc.UnknownClaimError, match="no claim"):
        remote.claim("no such id")
    with pytest.raises(rc.UnknownClaimError, match="no claim"):
        scored.score("no such id")
    assert "no such id" not in remote and 42 not in remote
    # what needs every claim at hand brings them, and the graph is an ordinary one
    remote.add_claim(rc.Claim("The pier is closed", source="harbour office"))
    assert remote._store is None and len(remote) == len(local) + 1


def test_bad_claims_in_a_dask_collection_are_named(client: Any) -> None:
    bag = pytest.importorskip("dask.bag")
    engine = DaskEngine(client)
    one = rc.Claim("The pier reopened", source="mayor", id="x")
    other = rc.Claim("The pier is closed", source="radio", id="x")
    with pytest.raises(rc.DuplicateIdError, match="'x' is given to two different claims"):
        rc.link(bag.from_sequence([one, other], npartitions=2), engine=engine)
    with pytest.raises(rc.InvalidClaimError, match="expected a Claim, got str"):
        rc.link(bag.from_sequence([one, "not a claim"], npartitions=1), engine=engine)
    # the same claim twice is kept once; an empty collection gives an empty graph
    assert len(rc.link(bag.from_sequence([one, one], npartitions=2), engine=engine)) == 1
    assert len(rc.link(bag.from_sequence([], npartitions=1), engine=engine)) == 0


def test_dask_scoring_gives_the_local_scores(client: Any, monkeypatch: Any) -> None:
    # votes cut into shards of 40: every total is made of several tasks' parts
    monkeypatch.setattr(rc.scoring.totals, "SHARD_SIZE", 40)
    engine = DaskEngine(client)
    for claims in _inputs()[:2]:
        graph = rc.link(claims)
        for method in rc.scoring.ENGINE_METHODS:
            local = rc.score(graph, method=method)
            remote = rc.score(graph, method=method, engine=engine)
            # to the last bit: the JSON holds every score and trust as repr'd floats
            assert rc.to_json(remote) == rc.to_json(local), method
            assert remote.iterations == local.iterations
    # claims are linked on the engine too, and a string engine works
    claims = _inputs()[0][:150]
    remote = rc.score(claims, method="sums", engine="dask", client=client)
    assert rc.to_json(remote) == rc.to_json(rc.score(claims, method="sums"))


def test_bad_engine_options() -> None:
    with pytest.raises(rc.OptionError, match="engine"):
        rc.link([], engine="spark")
    with pytest.raises(rc.OptionError, match="engine"):
        rc.score([], engine="spark")
    with pytest.raises(rc.OptionError, match="batch_size"):
        LocalEngine(batch_size=0)
