"""The array link store against slow obvious references (networkx, a dict)."""

from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

import reconcile as rc
from reconcile._links import LinkTable, component_labels

edges = st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29)), max_size=60)


@given(edges)
def test_component_labels_match_networkx(pairs: list[tuple[int, int]]) -> None:
    a = np.array([p[0] for p in pairs], dtype=np.int64)
    b = np.array([p[1] for p in pairs], dtype=np.int64)
    label = component_labels(30, a, b)
    g = nx.Graph()
    g.add_nodes_from(range(30))
    g.add_edges_from(pairs)
    for part in nx.connected_components(g):
        assert {int(label[i]) for i in part} == {min(part)}


@given(st.lists(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9), st.floats(0, 1)),
                         max_size=15), max_size=4))  # fmt: skip
def test_link_table_keeps_the_last_link_per_pair(
    batches: list[list[tuple[int, int, float]]],
) -> None:
    table = LinkTable()
    expected: dict[tuple[int, int], float] = {}
    for batch in batches:
        batch = [(i, j, c) for i, j, c in batch if i != j]
        seen: dict[tuple[int, int], float] = {}
        for i, j, c in batch:
            seen[min(i, j), max(i, j)] = c
        expected.update(seen)
        n = len(batch)
        table.add(
            np.array([t[0] for t in batch], dtype=np.int64),
            np.array([t[1] for t in batch], dtype=np.int64),
            np.zeros(n, dtype=np.int8),
            np.array([t[2] for t in batch], dtype=np.float64),
            np.zeros(n, dtype=np.bool_),
            np.zeros(n, dtype=np.int32),
        )
    a, b = table.ends()
    got = {(int(x), int(y)): float(c) for x, y, c in zip(a, b, table.confidence)}
    assert got == expected
    assert list(got) == sorted(expected)
    for (i, j), c in expected.items():
        assert table.confidence[table.find(j, i)] == c
    assert table.find(3, 3) == -1 or (3, 3) in expected


def test_graph_views_agree_with_networkx() -> None:
    claims = rc.datasets.synthetic(300, n_sources=20, seed=4).claims
    graph = rc.link(claims)
    g = graph.nx
    assert g.number_of_edges() == graph.number_of_links > 0
    for claim in claims[:50]:
        assert [c.id for c in graph.neighbors(claim)] == sorted(g.neighbors(claim.id))
    parts = sorted((tuple(sorted(p)) for p in nx.connected_components(g)),
                   key=lambda q: (-len(q), q[0]))  # fmt: skip
    assert graph.questions() == parts
    sub = graph.subgraph([c.id for c in claims[:100]])
    inside = g.subgraph([c.id for c in claims[:100]])
    assert sorted(map(sorted, sub.nx.edges)) == sorted(map(sorted, inside.edges))
    arrays = graph.link_arrays()
    ids = [c.id for c in graph.claims]
    for k in range(0, len(arrays.a), 97):
        link = graph.get_link(ids[arrays.a[k]], ids[arrays.b[k]])
        assert link is not None and link.confidence == arrays.confidence[k]
