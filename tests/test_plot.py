"""Plots: what is drawn, for graphs and results, and the errors for wrong input."""

from __future__ import annotations

import networkx as nx
import pytest

import reconcile as rc
from reconcile.plot import MAX_NODES

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


@pytest.fixture(scope="module")
def result() -> rc.Consensus:
    return rc.score(rc.datasets.load_demo())


def test_graph_plot_styles_relations_and_colours_scores(result: rc.Consensus) -> None:
    ax = rc.plot(result)
    graph = result.graph
    labels = {t.get_text() for t in ax.texts}
    assert labels <= {c.source.id[:18] for c in graph.claims} and labels
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["corroborates", "contradicts"]
    styles = {c.get_label(): c.get_linestyle() for c in ax.collections if c.get_label() in legend}
    assert styles["corroborates"] != styles["contradicts"]
    assert ax.figure.axes[-1].get_ylabel() == "consensus score"  # the colour bar


def test_one_question_and_a_plain_graph(result: rc.Consensus) -> None:
    graph = result.graph
    first = next(graph.links(relation="contradicts"))
    ax = rc.plot(graph, question=first.a)
    assert "colour: source" in ax.get_title()
    component = len(nx.node_connected_component(graph.nx, first.a))
    assert ax.get_title().startswith(f"Claims of {component} ")
    with pytest.raises(rc.UnknownClaimError):
        rc.plot(graph, question="no such claim")
    with pytest.raises(rc.OptionError):
        rc.plot(graph, question=first.a, claims=[first.b])
    with pytest.raises(rc.OptionError):
        rc.plot([1, 2, 3])


def test_three_hundred_nodes_stay_readable() -> None:
    data = rc.datasets.synthetic(200, n_sources=12, seed=1)
    result = rc.score(data.claims)
    ax = rc.plot(result)
    n = int(ax.get_title().split()[2])
    assert 0 < n <= MAX_NODES


def test_trust_and_score_charts(result: rc.Consensus) -> None:
    ax = rc.plot_trust(result, top=5)
    assert len(ax.patches) == 5 and ax.get_xlim() == (0.0, 1.0)
    ax = rc.plot_scores(result, bins=10)
    assert sum(p.get_height() for p in ax.patches) == len(result.scores)
    with pytest.raises(rc.OptionError):
        rc.plot_trust(result.graph)
