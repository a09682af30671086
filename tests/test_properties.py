"""Property tests of the foundation: round trips, ids, order, and error discipline."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

import reconcile as rc
from reconcile.io import CLAIM_FIELDS
from tests.strategies import claim_lists, claims, links_for


@given(claim_lists)
def test_json_round_trip_of_claims_is_lossless(items: list[rc.Claim]) -> None:
    back = rc.from_json(rc.to_json(items))
    assert back == items
    assert [c.id for c in back] == [c.id for c in items]
    assert [dict(c.meta) for c in back] == [dict(c.meta) for c in items]


@given(st.data())
def test_json_round_trip_of_graphs_is_lossless(data: st.DataObject) -> None:
    items = data.draw(claim_lists)
    links = data.draw(links_for(items))
    try:
        graph = rc.ClaimGraph(items, links)
    except rc.InvalidSourceError:
        return  # two descriptions of one source: refused, as documented
    back = rc.from_json(rc.to_json(graph))
    assert back.claims == graph.claims
    assert list(back.links()) == list(graph.links())


@given(claims)
def test_derived_id_is_a_function_of_content(claim: rc.Claim) -> None:
    rebuilt = rc.Claim(
        claim.text,
        source=claim.source,
        via=list(claim.via),
        subject=claim.subject,
        predicate=claim.predicate,
        value=claim.value,
        stance=claim.stance.value,
        time=claim.time,
        document=claim.document,
        meta={"anything": 1},
    )
    assert rebuilt.id == claim.id


@given(claim_lists, st.randoms())
def test_graph_is_independent_of_input_order(items: list[rc.Claim], rnd: random.Random) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    try:
        a, b = rc.ClaimGraph(items), rc.ClaimGraph(shuffled)
    except rc.InvalidSourceError:
        return
    assert rc.to_json(a) == rc.to_json(b)
    assert a.questions() == b.questions()


_anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.binary(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_record = st.dictionaries(
    st.sampled_from([*CLAIM_FIELDS, "other"]),
    _anything,
)


@given(st.lists(_record | _anything, max_size=6))
def test_records_either_build_or_raise_reconcile_errors(records: list[object]) -> None:
    good, errors = rc.claims_from_records(records, errors="collect")  # type: ignore[arg-type]
    assert len(good) + len(errors) == len(records)
    for err in errors:
        assert isinstance(err, rc.ReconcileError)
        assert isinstance(err.record, int)
    assert len({c.id for c in good}) == len(good)
