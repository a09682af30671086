from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import reconcile as rc


@pytest.fixture
def graph() -> rc.ClaimGraph:
    claims = [
        rc.Claim("Bridge opened Monday", source="mayor", id="a"),
        rc.Claim("The bridge opened on Monday", source="paper", via=("Wire",), id="b"),
        rc.Claim("The bridge did not open", source="resident", id="c"),
        rc.Claim("Unrelated: it rained", source="met", id="d"),
        rc.Claim(subject="bridge", predicate="cost", value=12, source="mayor", id="e"),
        rc.Claim(subject="bridge", predicate="cost", value=15, source="paper", id="f"),
    ]
    links = [rc.Link("a", "b", "corroborates", 0.9), rc.Link("c", "a", "contradicts", 0.7)]
    return rc.ClaimGraph(claims, links)


def test_nodes_and_edges_are_plain_networkx(graph: rc.ClaimGraph) -> None:
    g = graph.nx
    assert isinstance(g, nx.Graph)
    assert set(g.nodes) == {"a", "b", "c", "d", "e", "f"}
    assert g.nodes["a"]["claim"] is graph.claim("a")
    assert g.edges["a", "c"] == {
        "relation": "contradicts",
        "confidence": 0.7,
        "reasons": (),
        "hedged": False,
    }
    # any networkx algorithm runs on it
    assert nx.number_connected_components(g) == 4


def test_lookups(graph: rc.ClaimGraph) -> None:
    assert len(graph) == 6 and "a" in graph and graph.claim("a") in graph
    assert graph["b"].via == ("Wire",)
    assert [c.id for c in graph.claims_by("mayor")] == ["a", "e"]
    assert graph.source("paper") == rc.Source("paper")
    assert [lk.ids for lk in graph.links()] == [("a", "b"), ("a", "c")]
    assert [lk.ids for lk in graph.links("corroborates")] == [("a", "b")]
    assert graph.get_link("c", "a") == rc.Link("a", "c", "contradicts", 0.7)
    assert graph.get_link("a", "d") is None
    assert [c.id for c in graph.neighbors("a")] == ["b", "c"]
    assert [c.id for c in graph.neighbors("a", "contradicts")] == ["c"]
    assert graph.number_of_links == 2
    with pytest.raises(rc.UnknownClaimError, match="'zz'"):
        graph.claim("zz")
    with pytest.raises(rc.UnknownClaimError):
        graph.source("nobody")


def test_questions_group_by_key_and_links(graph: rc.ClaimGraph) -> None:
    assert graph.questions() == [("a", "b", "c"), ("e", "f"), ("d",)]


def test_subgraph(graph: rc.ClaimGraph) -> None:
    sub = graph.subgraph(["a", "c", "d"])
    assert len(sub) == 3 and [lk.ids for lk in sub.links()] == [("a", "c")]
    with pytest.raises(rc.UnknownClaimError):
        graph.subgraph(["a", "nope"])


def test_order_of_input_does_not_matter(graph: rc.ClaimGraph) -> None:
    again = rc.ClaimGraph(reversed(graph.claims), reversed(list(graph.links())))
    assert list(again.nx.nodes) == list(graph.nx.nodes)
    assert list(again.links()) == list(graph.links())
    assert rc.to_json(again) == rc.to_json(graph)


def test_duplicates_and_unknown_claims() -> None:
    a = rc.Claim("x", source="s", id="a")
    g = rc.ClaimGraph([a, a])  # an equal claim twice is one claim
    assert len(g) == 1
    with pytest.raises(rc.DuplicateIdError) as info:
        g.add_claims([rc.Claim("x", source="s", id="b"), rc.Claim("y", source="s", id="a")])
    assert info.value.record == 1 and info.value.field == "id"
    assert len(g) == 1  # all or nothing
    with pytest.raises(rc.UnknownClaimError) as unknown:
        g.add_link(rc.Link("a", "zz", "corroborates"))
    assert unknown.value.field == "b"
    with pytest.raises(rc.InvalidClaimError):
        rc.ClaimGraph(["not a claim"])  # type: ignore[list-item]
    with pytest.raises(rc.InvalidLinkError):
        g.add_links([("a", "b")])  # type: ignore[list-item]


def test_sources_merge_bare_and_described() -> None:
    g = rc.ClaimGraph(
        [
            rc.Claim("x", source="afp"),
            rc.Claim("y", source=rc.Source("afp", kind="outlet", prior=0.8)),
        ]
    )
    assert g.source("afp").prior == 0.8
    with pytest.raises(rc.InvalidSourceError) as info:
        g.add_claim(rc.Claim("z", source=rc.Source("afp", prior=0.3)))
    assert info.value.field == "source"


def test_link_replaces_existing(graph: rc.ClaimGraph) -> None:
    graph.add_link(rc.Link("a", "b", "contradicts", 0.4, reasons=["changed"]))
    assert graph.get_link("a", "b") == rc.Link("a", "b", "contradicts", 0.4, reasons=["changed"])
    assert graph.number_of_links == 2


def test_to_pandas(graph: rc.ClaimGraph) -> None:
    tables = graph.to_pandas()
    assert list(tables.claims["id"]) == ["a", "b", "c", "d", "e", "f"]
    assert tables.claims.loc[4, "value"] == 12
    assert list(tables.links["relation"]) == ["corroborates", "contradicts"]


def test_graphml_round_trips_through_networkx(graph: rc.ClaimGraph, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    graph.to_graphml(path)
    back = nx.read_graphml(path)
    assert set(back.nodes) == set(graph.nx.nodes)
    assert back.nodes["b"]["via"] == '["Wire"]'
    assert back.edges["a", "c"]["relation"] == "contradicts"
    assert back.edges["a", "c"]["confidence"] == pytest.approx(0.7)


def test_reprs(graph: rc.ClaimGraph) -> None:
    assert repr(graph) == "<ClaimGraph: 6 claims from 4 sources, 1 corroborates, 1 contradicts>"
    html = graph._repr_html_()
    assert "<table>" in html and "Bridge opened Monday" in html
    hostile = rc.ClaimGraph([rc.Claim("<script>alert(1)</script>", source="x")])
    assert "<script>" not in hostile._repr_html_()


def test_claim_collections_display_and_convert() -> None:
    claims = rc.datasets.load_demo()
    assert isinstance(claims, rc.Claims) and isinstance(claims, list)
    text = repr(claims)
    assert text.startswith("<Claims: 16 claims from 9 sources>") and "… and 6 more" in text
    page = claims._repr_html_()
    assert page.count("<tr>") == 1 + 10 and "6 more claims" in page
    assert list(claims.to_pandas()["id"]) == [c.id for c in claims]
    assert isinstance(rc.from_json(rc.to_json(claims)), rc.Claims)
    assert isinstance(rc.claims_from_records([{"text": "x", "source": "y"}]), rc.Claims)
    graph_page = rc.ClaimGraph(claims)._repr_html_()
    assert "groups of linked claims, the largest of 1" in graph_page
