"""Plots for notebooks: the claim graph, source trust and the score distribution.

matplotlib is imported only when a plot is drawn (the ``plot`` extra). Every function
draws on the Axes it is given (or a new one) and returns it.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import reconcile as rc
>>> result = rc.score(rc.datasets.load_demo())
>>> ax = rc.plot(result)
>>> ax.get_title()
'Claims of 16 (colour: consensus score)'
>>> rc.plot_trust(result).get_xlabel()
'estimated trust'
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import networkx as nx

from reconcile._optional import import_optional
from reconcile.errors import OptionError
from reconcile.graph import ClaimGraph
from reconcile.model import Claim

__all__ = ["MAX_NODES", "plot", "plot_scores", "plot_trust"]

MAX_NODES = 300
"""The most claims one graph plot draws (the largest questions first)."""

_EDGE_STYLE = {
    "corroborates": {"edge_color": "#2e7d32", "style": "solid"},
    "contradicts": {"edge_color": "#c62828", "style": "dashed"},
}


def _pyplot() -> Any:
    return import_optional("matplotlib.pyplot", extra="plot", purpose="plotting")


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    if ax is not None:
        return ax
    _, ax = _pyplot().subplots(figsize=size)
    return ax


def _split(obj: object) -> tuple[ClaimGraph, Any]:
    from reconcile.scoring.consensus import Consensus

    if isinstance(obj, Consensus):
        return obj.graph, obj
    if isinstance(obj, ClaimGraph):
        return obj, None
    raise OptionError(
        f"expected a ClaimGraph or a Consensus, got {type(obj).__name__}", field="graph"
    )


def _chosen(graph: ClaimGraph, question: str | Claim | None,
            claims: Iterable[str | Claim] | None) -> list[str]:  # fmt: skip
    if question is not None and claims is not None:
        raise OptionError("give a question or claims, not both", field="question")
    if question is not None:
        start = question.id if isinstance(question, Claim) else question
        graph.claim(start)  # an unknown id raises UnknownClaimError
        return sorted(nx.node_connected_component(graph.nx, start))
    if claims is not None:
        ids = sorted({c.id if isinstance(c, Claim) else c for c in claims})
        for cid in ids:
            graph.claim(cid)
        return ids
    # the largest questions first, up to MAX_NODES claims
    parts = sorted(nx.connected_components(graph.nx), key=lambda p: (-len(p), min(p)))
    chosen: list[str] = []
    for part in parts:
        if len(chosen) + len(part) > MAX_NODES and chosen:
            break
        chosen.extend(sorted(part))
    return chosen[:MAX_NODES]


def _layout(graph: nx.Graph, seed: int) -> dict[str, Any]:
    """Each question laid out on its own, the questions on a grid (largest first).

    One spring layout of many small questions packs each into a dot; a grid of
    separate layouts keeps every claim readable.
    """
    import numpy as np

    parts = sorted(nx.connected_components(graph), key=lambda p: (-len(p), min(p)))
    cols = max(1, math.ceil(math.sqrt(len(parts))))
    pos: dict[str, Any] = {}
    for k, part in enumerate(parts):
        sub = graph.subgraph(sorted(part))
        if len(part) == 1:
            local = {next(iter(part)): np.zeros(2)}
        else:
            # a wide spring: corroborating claims would otherwise pile onto one spot
            spread = 2.0 / math.sqrt(len(part))
            local = nx.spring_layout(sub, seed=seed, k=spread, iterations=100, weight=None)
        row, col = divmod(k, cols)
        centre = np.array([col * 2.4, -row * 2.4])
        for node, xy in local.items():
            pos[node] = centre + np.asarray(xy)
    return pos


def plot(
    graph: Any,
    *,
    question: str | Claim | None = None,
    claims: Iterable[str | Claim] | None = None,
    ax: Any = None,
    seed: int = 0,
    labels: bool = True,
) -> Any:
    """Draw claims as nodes and their links as edges.

    Corroboration is a solid green edge, contradiction a dashed red one; an edge's
    width follows its confidence. With a Consensus, nodes are coloured by score (a
    colour bar shows the scale) and sized by their source's trust; with a plain graph,
    nodes are coloured by source. Nodes are labelled by source.

    Parameters
    ----------
    graph : ClaimGraph or Consensus
    question : str or Claim, optional
        Draw only the claims linked (directly or not) to this claim.
    claims : iterable of str or Claim, optional
        Draw only these claims.
    ax : matplotlib Axes, optional
    seed : int
        Seed of the layout: the same input draws the same picture.
    labels : bool
        Label nodes with their source.

    Returns
    -------
    matplotlib.axes.Axes
    """
    g, result = _split(graph)
    ids = _chosen(g, question, claims)
    sub = g.nx.subgraph(ids)
    plt = _pyplot()
    ax = _axes(ax, (9, 7))
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(sub.nodes))
    ordered.add_edges_from(sorted((min(a, b), max(a, b), d) for a, b, d in sub.edges(data=True)))
    pos = _layout(ordered, seed)
    for relation, style in _EDGE_STYLE.items():
        edges = [(a, b) for a, b, d in ordered.edges(data=True) if d["relation"] == relation]
        widths = [0.5 + 2.5 * ordered.edges[e]["confidence"] for e in edges]
        nx.draw_networkx_edges(ordered, pos, edgelist=edges, width=widths, ax=ax,
                               label=relation, **style)  # fmt: skip
    claims_by_id = {cid: g.claim(cid) for cid in ordered.nodes}
    size = 300 if len(ids) <= 50 else 80
    if result is not None:
        colours = [result.score(cid) for cid in ordered.nodes]
        sizes = [size * (0.5 + result.trust(claims_by_id[c].source)) for c in ordered.nodes]
        nodes = nx.draw_networkx_nodes(ordered, pos, node_color=colours, cmap="RdYlGn",
                                       vmin=0.0, vmax=1.0, node_size=sizes, ax=ax)  # fmt: skip
        plt.colorbar(nodes, ax=ax, label="consensus score", shrink=0.7)
        title = f"Claims of {len(ids)} (colour: consensus score)"
    else:
        source_ids = sorted({c.source.id for c in claims_by_id.values()})
        index = {s: i for i, s in enumerate(source_ids)}
        colours = [index[claims_by_id[c].source.id] for c in ordered.nodes]
        nx.draw_networkx_nodes(ordered, pos, node_color=colours, cmap="tab20",
                               node_size=size, ax=ax)  # fmt: skip
        title = f"Claims of {len(ids)} (colour: source)"
    if labels:
        names = {cid: claims_by_id[cid].source.id[:18] for cid in ordered.nodes}
        nx.draw_networkx_labels(ordered, pos, labels=names, font_size=7 if len(ids) < 80 else 5,
                                ax=ax)  # fmt: skip
    ax.set_title(title)
    ax.legend(loc="best", fontsize=8)
    ax.set_axis_off()
    return ax


def plot_trust(result: Any, *, ax: Any = None, top: int = 30) -> Any:
    """A horizontal bar chart of the `top` sources by estimated trust.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _, consensus = _split(result)
    if consensus is None:
        raise OptionError("trust needs a Consensus (rc.score(...))", field="result")
    ranked = sorted(consensus.trusts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    ax = _axes(ax, (7, 0.3 * len(ranked) + 1.5))
    names = [name[:30] for name, _ in reversed(ranked)]
    ax.barh(names, [t for _, t in reversed(ranked)], color="#1565c0")
    ax.set_xlim(0.0, 1.0)
    ax.set_xlabel("estimated trust")
    ax.set_title(f"Source trust ({consensus.method})")
    return ax


def plot_scores(result: Any, *, ax: Any = None, bins: int = 20) -> Any:
    """A histogram of the claims' consensus scores.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _, consensus = _split(result)
    if consensus is None:
        raise OptionError("scores need a Consensus (rc.score(...))", field="result")
    ax = _axes(ax, (6, 4))
    ax.hist(list(consensus.scores.values()), bins=bins, range=(0.0, 1.0), color="#6a1b9a")
    ax.set_xlabel("consensus score")
    ax.set_ylabel("claims")
    ax.set_title(f"Score distribution ({len(consensus.scores)} claims)")
    return ax
