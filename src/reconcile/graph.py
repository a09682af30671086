"""The claim graph: claims as nodes, corroboration and contradiction as edges.

:class:`ClaimGraph` wraps a real :class:`networkx.Graph` (``graph.nx``) whose nodes are
claim ids carrying the :class:`~reconcile.model.Claim` as the ``claim`` attribute, and
whose edges carry plain attributes ``relation`` (``"corroborates"`` or
``"contradicts"``), ``confidence``, ``reasons`` and ``hedged``. Every networkx
algorithm works on it; the wrapper adds lookups by claim and source, and exports.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import networkx as nx

from reconcile._optional import import_optional
from reconcile.collection import Claims
from reconcile.errors import (
    DuplicateIdError,
    InvalidClaimError,
    InvalidLinkError,
    InvalidSourceError,
    UnknownClaimError,
)
from reconcile.model import Claim, Link, Relation, Source

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ClaimGraph", "GraphTables"]


class GraphTables(NamedTuple):
    """The tables of a claim graph: one row per claim, one row per link."""

    claims: pd.DataFrame
    links: pd.DataFrame


def _merge_sources(known: Source, new: Source, claim_id: str) -> Source:
    """One source id may be spelled bare in one claim and described in another."""
    if known == new or new.is_bare:
        return known
    if known.is_bare:
        return new
    raise InvalidSourceError(
        f"source {new.id!r} is described two ways: {known!r} and {new!r}",
        record=claim_id,
        field="source",
    )


class ClaimGraph:
    """Claims and the links between them, on a networkx graph.

    Parameters
    ----------
    claims : iterable of Claim
        The claims (nodes). Equal claims given twice are kept once; two different
        claims with one id raise :class:`~reconcile.errors.DuplicateIdError`.
    links : iterable of Link
        The links (edges); both ends must be among the claims.

    Examples
    --------
    >>> from reconcile.model import Claim, Link
    >>> a = Claim("The bridge opened on Monday", source="mayor", id="a")
    >>> b = Claim("The bridge opened Monday", source="city paper", id="b")
    >>> c = Claim("The bridge did not open", source="resident", id="c")
    >>> g = ClaimGraph([a, b, c], [Link("a", "b", "corroborates", 0.9),
    ...                           Link("a", "c", "contradicts", 0.7)])
    >>> g
    <ClaimGraph: 3 claims from 3 sources, 1 corroborates, 1 contradicts>
    >>> sorted(g.nx.neighbors("a"))
    ['b', 'c']
    >>> [link.b for link in g.links("contradicts")]
    ['c']
    >>> g.questions()
    [('a', 'b', 'c')]
    """

    def __init__(self, claims: Iterable[Claim] = (), links: Iterable[Link] = ()) -> None:
        self._nx: nx.Graph = nx.Graph()
        self._claims: dict[str, Claim] = {}
        self._sources: dict[str, Source] = {}
        self._by_source: dict[str, list[str]] = {}
        self.add_claims(claims)
        self.add_links(links)

    # -- building -------------------------------------------------------------------

    def add_claim(self, claim: Claim) -> None:
        """Add one claim (a no-op when an equal claim is already there)."""
        self.add_claims([claim])

    def add_claims(self, claims: Iterable[Claim]) -> None:
        """Add claims, all or none: the batch is checked before anything is added.

        The batch is inserted in id order, so the graph does not depend on input order.
        """
        batch: dict[str, Claim] = {}
        sources: dict[str, Source] = {}
        for i, claim in enumerate(claims):
            if not isinstance(claim, Claim):
                raise InvalidClaimError(
                    f"expected a Claim, got {type(claim).__name__}", record=i, field="claim"
                )
            known = self._claims.get(claim.id, batch.get(claim.id))
            if known is not None and known != claim:
                raise DuplicateIdError(
                    f"id {claim.id!r} is given to two different claims", record=i, field="id"
                )
            batch[claim.id] = claim
            src = claim.source
            prior = sources.get(src.id, self._sources.get(src.id))
            sources[src.id] = src if prior is None else _merge_sources(prior, src, claim.id)
        self._sources.update(sources)
        for claim_id in sorted(batch):
            if claim_id in self._claims:
                continue
            claim = batch[claim_id]
            self._claims[claim_id] = claim
            self._by_source.setdefault(claim.source.id, []).append(claim_id)
            self._nx.add_node(claim_id, claim=claim, source=claim.source.id)

    def add_link(self, link: Link) -> None:
        """Add one link, replacing any link already between the same two claims."""
        self.add_links([link])

    def add_links(self, links: Iterable[Link]) -> None:
        """Add links, all or none; each replaces a link between the same two claims."""
        batch = []
        for i, link in enumerate(links):
            if not isinstance(link, Link):
                raise InvalidLinkError(
                    f"expected a Link, got {type(link).__name__}", record=i, field="link"
                )
            for end in (link.a, link.b):
                if end not in self._claims:
                    raise UnknownClaimError(
                        f"link {i} names claim {end!r}, which is not in the graph",
                        record=i,
                        field="a" if end == link.a else "b",
                    )
            batch.append(link)
        for link in sorted(batch, key=lambda lk: lk.ids):
            self._nx.add_edge(
                link.a,
                link.b,
                relation=link.relation.value,
                confidence=link.confidence,
                reasons=link.reasons,
                hedged=link.hedged,
            )

    def _add_checked_edges(self, edges: list[tuple[str, str, dict[str, Any]]]) -> None:
        """Add edges that the linker built from claims of this graph (already valid:
        relation value, confidence in [0, 1], reasons tuple, hedged, a < b)."""
        edges.sort(key=lambda e: (e[0], e[1]))
        self._nx.add_edges_from(edges)

    # -- lookups --------------------------------------------------------------------

    @property
    def nx(self) -> nx.Graph:
        """The networkx graph (nodes: claim ids; edges: links)."""
        return self._nx

    @property
    def claims(self) -> list[Claim]:
        """The claims, in insertion order (each batch in id order)."""
        return list(self._claims.values())

    @property
    def sources(self) -> Mapping[str, Source]:
        """The sources of the claims, by id."""
        return dict(self._sources)

    def claim(self, claim_id: str) -> Claim:
        """The claim with id `claim_id`."""
        try:
            return self._claims[claim_id]
        except (KeyError, TypeError):
            raise UnknownClaimError(
                "no claim with this id in the graph", record=repr(claim_id), field="id"
            ) from None

    __getitem__ = claim

    def source(self, source_id: str) -> Source:
        """The source with id `source_id`."""
        try:
            return self._sources[source_id]
        except (KeyError, TypeError):
            raise UnknownClaimError(
                "no source with this id in the graph", record=repr(source_id), field="source"
            ) from None

    def claims_by(self, source: str | Source) -> list[Claim]:
        """The claims whose origin is `source`."""
        source_id = source.id if isinstance(source, Source) else source
        return [self._claims[i] for i in self._by_source.get(source_id, ())]

    def __contains__(self, item: object) -> bool:
        claim_id = item.id if isinstance(item, Claim) else item
        return isinstance(claim_id, str) and claim_id in self._claims

    def __len__(self) -> int:
        return len(self._claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self._claims.values())

    @property
    def number_of_links(self) -> int:
        """How many links the graph holds."""
        return int(self._nx.number_of_edges())

    def _link(self, a: str, b: str, data: Mapping[str, Any]) -> Link:
        return Link(
            a,
            b,
            data["relation"],
            data["confidence"],
            reasons=data["reasons"],
            hedged=data["hedged"],
        )

    def links(self, relation: Relation | str | None = None) -> Iterator[Link]:
        """The links, optionally only those of one relation, in endpoint order."""
        wanted = None if relation is None else Relation(relation).value
        edges = sorted((min(a, b), max(a, b), data) for a, b, data in self._nx.edges(data=True))
        for a, b, data in edges:
            if wanted is None or data["relation"] == wanted:
                yield self._link(a, b, data)

    def get_link(self, a: str | Claim, b: str | Claim) -> Link | None:
        """The link between two claims, or None."""
        a_id = a.id if isinstance(a, Claim) else a
        b_id = b.id if isinstance(b, Claim) else b
        self.claim(a_id), self.claim(b_id)
        data = self._nx.get_edge_data(a_id, b_id)
        return None if data is None else self._link(a_id, b_id, data)

    def neighbors(self, claim: str | Claim, relation: Relation | str | None = None) -> list[Claim]:
        """The claims linked to `claim`, optionally by one relation only, in id order."""
        claim_id = claim.id if isinstance(claim, Claim) else claim
        self.claim(claim_id)
        wanted = None if relation is None else Relation(relation).value
        return [
            self._claims[other]
            for other in sorted(self._nx.neighbors(claim_id))
            if wanted is None or self._nx.edges[claim_id, other]["relation"] == wanted
        ]

    def questions(self) -> list[tuple[str, ...]]:
        """Groups of claims about the same thing.

        Structured claims with one (subject, predicate) key form one question; links
        join questions (connected components). Each question is a sorted tuple of
        claim ids; the list runs from the largest question down, ties by first id.
        """
        groups = nx.utils.UnionFind(self._claims)
        by_key: dict[tuple[str, str], str] = {}
        for claim_id, claim in self._claims.items():
            key = claim.key
            if key is not None:
                groups.union(by_key.setdefault(key, claim_id), claim_id)
        for a, b in self._nx.edges():
            groups.union(a, b)
        found = [tuple(sorted(group)) for group in groups.to_sets()]
        return sorted(found, key=lambda q: (-len(q), q[0]))

    def subgraph(self, claim_ids: Iterable[str | Claim]) -> ClaimGraph:
        """A new graph with the given claims and the links among them."""
        ids = []
        for item in claim_ids:
            claim_id = item.id if isinstance(item, Claim) else item
            self.claim(claim_id)
            ids.append(claim_id)
        keep = set(ids)
        links = [self._link(a, b, data) for a, b, data in self._nx.subgraph(keep).edges(data=True)]
        return ClaimGraph([self._claims[i] for i in ids], links)

    # -- export ---------------------------------------------------------------------

    def to_pandas(self) -> GraphTables:
        """The claims and links as two pandas DataFrames, in id order.

        Examples
        --------
        >>> from reconcile.model import Claim
        >>> tables = ClaimGraph([Claim("It rained", source="x", id="a")]).to_pandas()
        >>> tables.claims[["id", "source", "text"]].to_dict("records")
        [{'id': 'a', 'source': 'x', 'text': 'It rained'}]
        >>> len(tables.links)
        0
        """
        pd = import_optional("pandas", extra="pandas", purpose="to_pandas()")
        link_columns = ["a", "b", "relation", "confidence", "reasons", "hedged"]
        link_rows = [
            {
                "a": lk.a,
                "b": lk.b,
                "relation": lk.relation.value,
                "confidence": lk.confidence,
                "reasons": lk.reasons,
                "hedged": lk.hedged,
            }
            for lk in self.links()
        ]
        return GraphTables(
            claims=Claims(sorted(self._claims.values(), key=lambda c: c.id)).to_pandas(),
            links=pd.DataFrame(link_rows, columns=link_columns),
        )

    def to_graphml(self, path: str | os.PathLike[str]) -> None:
        """Write the graph as GraphML; tuples and mappings become JSON strings."""
        flat = nx.Graph()
        for claim_id in sorted(self._claims):
            c = self._claims[claim_id]
            attrs_: dict[str, Any] = {
                "text": c.text,
                "source": c.source.id,
                "via": json.dumps(list(c.via), ensure_ascii=False),
                "subject": c.subject,
                "predicate": c.predicate,
                "value": None
                if c.value is None
                else json.dumps(
                    list(c.value) if isinstance(c.value, tuple) else c.value,
                    ensure_ascii=False,
                ),
                "stance": c.stance.value,
                "time": c.time.isoformat() if c.time else None,
                "document": c.document,
            }
            flat.add_node(claim_id, **{k: v for k, v in attrs_.items() if v is not None})
        for link in self.links():
            flat.add_edge(
                link.a,
                link.b,
                relation=link.relation.value,
                confidence=link.confidence,
                reasons=json.dumps(list(link.reasons), ensure_ascii=False),
                hedged=link.hedged,
            )
        nx.write_graphml(flat, os.fspath(path))

    # -- display --------------------------------------------------------------------

    def _counts(self) -> dict[str, int]:
        counts = {r.value: 0 for r in Relation}
        for _, _, relation in self._nx.edges(data="relation"):
            counts[relation] += 1
        return counts

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {r}" for r, n in self._counts().items())
        return f"<ClaimGraph: {len(self)} claims from {len(self._sources)} sources, {counts}>"

    def _repr_html_(self) -> str:
        counts = self._counts()
        rows = "".join(
            f"<tr><td>{html.escape(c.id)}</td><td>{html.escape(c.source.id)}</td>"
            f"<td>{html.escape(' → '.join(c.via))}</td><td>{html.escape(c.stance.value)}</td>"
            f"<td>{html.escape(c.describe()[:200])}</td></tr>"
            for c in self.claims[:20]
        )
        more = f"<p>… and {len(self) - 20} more claims</p>" if len(self) > 20 else ""
        sizes = sorted((len(part) for part in nx.connected_components(self._nx)), reverse=True)
        largest = ", ".join(map(str, sizes[:5]))
        return (
            f"<div><strong>ClaimGraph</strong>: {len(self)} claims from "
            f"{len(self._sources)} sources; {counts['corroborates']} corroborating and "
            f"{counts['contradicts']} contradicting links; {len(sizes)} groups of linked "
            f"claims, the largest of {largest}"
            "<table><thead><tr><th>id</th><th>source</th><th>via</th><th>stance</th>"
            f"<th>claim</th></tr></thead><tbody>{rows}</tbody></table>{more}</div>"
        )
