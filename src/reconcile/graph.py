"""The claim graph: claims as nodes, corroboration and contradiction as edges.

:class:`ClaimGraph` wraps a real :class:`networkx.Graph` (``graph.nx``) whose nodes are
claim ids carrying the :class:`~reconcile.model.Claim` as the ``claim`` attribute, and
whose edges carry plain attributes ``relation`` (``"corroborates"`` or
``"contradicts"``), ``confidence``, ``reasons`` and ``hedged``. Every networkx
algorithm works on it; the wrapper adds lookups by claim and source, and exports.
"""

from __future__ import annotations

import html
import itertools
import json
import operator
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import networkx as nx
import numpy as np
from numpy.typing import NDArray

from reconcile._links import (
    RELATION_CODES,
    LinkArrays,
    LinkBatch,
    LinkTable,
    component_labels,
    link_keys,
)
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

    from reconcile.store import ClusterClaims

__all__ = ["ClaimGraph", "GraphTables", "LinkArrays"]

IntArray = NDArray[np.int64]


class GraphTables(NamedTuple):
    """The tables of a claim graph: one row per claim, one row per link."""

    claims: pd.DataFrame
    links: pd.DataFrame


_ID = operator.attrgetter("id")
_SOURCE = operator.attrgetter("source")


def _no_claim(claim_id: object) -> UnknownClaimError:
    return UnknownClaimError("no claim with this id in the graph", record=repr(claim_id),
                             field="id")  # fmt: skip


def _merge_sources(known: Source, new: Source) -> Source:
    """One source id may be spelled bare in one claim and described in another."""
    if new.is_bare or known == new:
        return known
    if known.is_bare:
        return new
    raise InvalidSourceError(
        f"source {new.id!r} is described two ways: {known!r} and {new!r}", field="source"
    )


class ClaimGraph:
    """Claims and the links between them; a networkx graph on demand.

    The links are stored as arrays (about 30 bytes each, so tens of millions fit in
    memory); :attr:`nx` builds the equivalent :class:`networkx.Graph` when asked, and
    :meth:`link_arrays` gives the arrays themselves to vectorised code.

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
        self._list: list[Claim] = []  # in insertion order (each batch in id order)
        self._claims_cache: dict[str, Claim] | None = None  # id -> claim, on first use
        self._ids: list[str] = []
        self._pos_cache: dict[str, int] | None = None  # id -> position, built on first use
        # per claim in id order, its source's number, and the source ids so numbered;
        # known when the claims came in one batch (None otherwise)
        self._source_codes: tuple[IntArray, list[str]] | None = None
        self._in_id_order = True
        self._sources: dict[str, Source] = {}
        self._by_source: dict[str, list[str]] | None = None  # built on first use
        self._links = LinkTable()
        self._nx_cache: nx.Graph | None = None
        self._adjacency: tuple[IntArray, IntArray, IntArray] | None = None
        # the claims when they stay on a cluster (see reconcile.store); then _list and
        # _ids are empty, and what needs every claim here brings them (_localise)
        self._store: ClusterClaims | None = None
        self.add_claims(claims)
        self.add_links(links)

    @classmethod
    def _on_cluster(
        cls, store: ClusterClaims, objects: list[tuple[Source, str]], codes: IntArray
    ) -> ClaimGraph:
        """A graph, without links, of the claims in `store`, with their source objects
        (in order of first claim, with that claim's id) and source numbers, as
        :meth:`ClusterClaims.collect` gives them."""
        graph = cls()
        sources: dict[str, Source] = {}
        for src, first in objects:
            prior = sources.get(src.id)
            if prior is not None and prior is not src:
                try:
                    src = _merge_sources(prior, src)
                except InvalidSourceError as err:
                    raise InvalidSourceError(err.reason, record=first, field="source") from None
            sources[src.id] = src
        graph._store = store
        graph._sources = sources
        graph._source_codes = (codes, list(sources))
        return graph

    def _localise(self) -> None:
        """Bring the claims of a graph on a cluster here; from then on it is an
        ordinary graph (for the reads that need every claim at hand)."""
        if self._store is not None:
            self._list = list(self._store)
            self._ids = list(map(_ID, self._list))
            self._store = None

    # -- building -------------------------------------------------------------------

    def add_claim(self, claim: Claim) -> None:
        """Add one claim (a no-op when an equal claim is already there)."""
        self.add_claims([claim])

    def add_claims(self, claims: Iterable[Claim]) -> None:
        """Add claims, all or none: the batch is checked before anything is added.

        The batch is inserted in id order, so the graph does not depend on input order.
        """
        self._localise()
        items = claims if isinstance(claims, list) else list(claims)
        # the per-claim work runs in C (map, zip, dict, sort) where it can: graphs of
        # a million claims are built in one call
        if not all(issubclass(t, Claim) for t in set(map(type, items))):
            for i, claim in enumerate(items):
                if not isinstance(claim, Claim):
                    raise InvalidClaimError(
                        f"expected a Claim, got {type(claim).__name__}", record=i, field="claim"
                    )
        ordered = sorted(items, key=_ID)
        ids = list(map(_ID, ordered))
        repeated = any(map(operator.eq, ids, itertools.islice(ids, 1, None)))
        if repeated or self._list:  # an id seen before: the same claim each time?
            have = self._claims
            seen: dict[str, Claim] = {}
            for i, claim in enumerate(items):
                known = seen.get(claim.id, have.get(claim.id))
                if known is not None and known is not claim and known != claim:
                    raise DuplicateIdError(
                        f"id {claim.id!r} is given to two different claims", record=i, field="id"
                    )
                seen[claim.id] = claim
            fresh = dict(zip(ids, ordered))
            ids = [i for i in fresh if i not in have]
            ordered = [fresh[i] for i in ids]
        # merge the sources per distinct object (claims that name a source by a string
        # share one object), checking that one id is not described two ways; objects
        # are taken in id order of their first claim
        address = np.fromiter(map(id, map(_SOURCE, ordered)), np.int64, len(ordered))
        _, first, inverse = np.unique(address, return_index=True, return_inverse=True)
        by_first = np.argsort(first)
        objects = [ordered[i].source for i in first[by_first].tolist()]
        object_ids = list(map(_ID, objects))
        sources = dict(zip(object_ids, objects))
        # one object per id, none known before: nothing to merge (the usual case)
        if len(sources) < len(objects) or not self._sources.keys().isdisjoint(sources):
            sources = self._merged_sources(objects, ordered)
        codes = None
        if not self._list and len(ordered):
            # each claim's source as a number (first appearance in id order), for the
            # vote arrays: the per-object work is done here already
            number = dict(zip(sources, range(len(sources))))
            of_object = np.empty(len(first), dtype=np.int64)
            of_object[by_first] = np.fromiter(
                map(number.__getitem__, object_ids), np.int64, len(objects)
            )
            codes = (of_object[inverse.reshape(-1)], list(sources))
        self._sources.update(sources)
        if not ids:
            return
        if self._ids and ids[0] < self._ids[-1]:
            self._in_id_order = False
        start = len(self._ids)
        if self._pos_cache is not None:
            self._pos_cache.update(zip(ids, range(start, start + len(ids))))
        if self._claims_cache is not None:
            self._claims_cache.update(zip(ids, ordered))
        self._list.extend(ordered)
        self._ids.extend(ids)
        self._by_source = None
        self._changed()
        self._source_codes = codes

    def _merged_sources(self, objects: list[Source], ordered: list[Claim]) -> dict[str, Source]:
        """The source objects of a batch by id, objects with one id merged into one
        (with the graph's own too), or InvalidSourceError naming the first claim whose
        source describes a known id another way."""
        sources: dict[str, Source] = {}
        for src in objects:
            prior = sources.get(src.id)
            if prior is None:
                prior = self._sources.get(src.id)
            if prior is not None and prior is not src:
                try:
                    src = _merge_sources(prior, src)
                except InvalidSourceError as err:  # name the first claim that says so
                    record = next(c.id for c in ordered if c.source is src)
                    raise InvalidSourceError(err.reason, record=record, field="source") from None
            sources[src.id] = src
        return sources

    @property
    def _claims(self) -> dict[str, Claim]:
        self._localise()
        if self._claims_cache is None:
            self._claims_cache = dict(zip(self._ids, self._list))
        return self._claims_cache

    @property
    def _pos(self) -> dict[str, int]:
        self._localise()
        if self._pos_cache is None:
            self._pos_cache = {claim_id: i for i, claim_id in enumerate(self._ids)}
        return self._pos_cache

    def _release_positions(self) -> None:
        """Let go of the id -> position index (rebuilt on first use): on a graph of a
        million claims it holds tens of megabytes that scoring does not need."""
        self._pos_cache = None

    def add_link(self, link: Link) -> None:
        """Add one link, replacing any link already between the same two claims."""
        self.add_links([link])

    def add_links(self, links: Iterable[Link]) -> None:
        """Add links, all or none; each replaces a link between the same two claims."""
        a, b, relation, confidence, hedged, reasons = [], [], [], [], [], []
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
            a.append(self._pos[link.a])
            b.append(self._pos[link.b])
            relation.append(RELATION_CODES.index(link.relation.value))
            confidence.append(link.confidence)
            hedged.append(link.hedged)
            reasons.append(link.reasons)
        if not a:
            return
        codes = self._links.code_reasons(reasons)
        self._links.add(
            np.array(a, dtype=np.int64), np.array(b, dtype=np.int64),
            np.array(relation, dtype=np.int8), np.array(confidence, dtype=np.float64),
            np.array(hedged, dtype=np.bool_), codes,
        )  # fmt: skip
        self._changed()

    def _link_parts(self, batches: Iterable[LinkBatch], position: IntArray) -> list[list[Any]]:
        """The links the linker found among claims of this graph (valid by
        construction), as columns per batch; `position` maps a batch's claim indices
        to graph positions. Each batch is let go once converted: taken from an
        engine's ``imap``, the driver holds the converted parts and one batch, not
        every batch as well (on a million claims the link table is 88 MB)."""
        parts: list[list[Any]] = []
        for lk in batches:
            if len(lk.a):
                parts.append(
                    [
                        link_keys(position[lk.a], position[lk.b]),
                        lk.relation,
                        lk.confidence,
                        lk.hedged,
                        self._links.code_reasons(lk.reasons)[lk.reason],
                    ]
                )
            del lk
        return parts

    def _add_link_parts(self, parts: list[list[Any]]) -> None:
        """Add the columns from :meth:`_link_parts`; `parts` is emptied as it is read,
        each column's parts let go once joined."""
        if parts:
            columns = []
            for k in range(5):
                columns.append(np.concatenate([p[k] for p in parts]))
                for p in parts:  # joined: let this column's parts go before the next
                    p[k] = None
            parts.clear()
            self._links.add_keyed(columns)  # each column let go once sorted in
            self._changed()

    def _changed(self) -> None:
        self._nx_cache = None
        self._adjacency = None

    # -- lookups --------------------------------------------------------------------

    @property
    def nx(self) -> nx.Graph:
        """The graph as a :class:`networkx.Graph` (nodes: claim ids; edges: links).

        Built on first use and cached until the graph changes; it is a copy, so
        editing it does not change this ClaimGraph. Nodes carry ``claim`` and
        ``source``; edges ``relation``, ``confidence``, ``reasons`` and ``hedged``.
        """
        if self._nx_cache is None:
            self._localise()
            g = nx.Graph()
            g.add_nodes_from(
                (
                    claim_id,
                    {"claim": self._claims[claim_id], "source": self._claims[claim_id].source.id},
                )
                for claim_id in self._ids
            )
            # straight from the arrays: the values were checked when the links came in
            t, rows = self._links, self._rows_in_id_order()
            a, b = (end[rows].tolist() for end in t.ends())
            g.add_edges_from(
                (self._ids[i], self._ids[j],
                 {"relation": RELATION_CODES[rel], "confidence": conf,
                  "reasons": t.reasons[code], "hedged": hedged})
                for i, j, rel, conf, code, hedged in zip(
                    a, b, t.relation[rows].tolist(), t.confidence[rows].tolist(),
                    t.reason[rows].tolist(), t.hedged[rows].tolist())
            )  # fmt: skip
            self._nx_cache = g
        return self._nx_cache

    def link_arrays(self) -> LinkArrays:
        """The links as arrays, their ends as positions in :attr:`claims`.

        Examples
        --------
        >>> from reconcile.model import Claim, Link
        >>> g = ClaimGraph([Claim("x", source="s", id="a"), Claim("y", source="t", id="b")],
        ...                [Link("a", "b", "contradicts", 0.5)])
        >>> arrays = g.link_arrays()
        >>> arrays.a.tolist(), arrays.b.tolist(), arrays.relation.tolist()
        ([0], [1], [1])
        """
        return self._links.arrays()

    @property
    def claims(self) -> list[Claim]:
        """The claims, in insertion order (each batch in id order)."""
        return list(self._store if self._store is not None else self._list)

    @property
    def sources(self) -> Mapping[str, Source]:
        """The sources of the claims, by id."""
        return dict(self._sources)

    def claim(self, claim_id: str) -> Claim:
        """The claim with id `claim_id`."""
        if self._store is not None:
            at = self._position(claim_id)
            if at >= 0:
                return self._store[at]
        else:
            try:
                return self._claims[claim_id]
            except (KeyError, TypeError):
                pass
        raise _no_claim(claim_id)

    def _position(self, claim_id: Any) -> int:
        """The position of the claim with id `claim_id`, or -1."""
        if not isinstance(claim_id, str):
            return -1
        if self._store is not None:
            return self._store.position(claim_id)
        return self._pos.get(claim_id, -1)

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
        self._localise()
        if self._by_source is None:
            by_source: dict[str, list[str]] = {}
            for claim_id in self._ids:
                by_source.setdefault(self._claims[claim_id].source.id, []).append(claim_id)
            self._by_source = by_source
        return [self._claims[i] for i in self._by_source.get(source_id, ())]

    def __contains__(self, item: object) -> bool:
        claim_id = item.id if isinstance(item, Claim) else item
        if self._store is not None:
            return self._position(claim_id) >= 0
        return isinstance(claim_id, str) and claim_id in self._claims

    def __len__(self) -> int:
        return len(self._store if self._store is not None else self._list)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self._store if self._store is not None else self._list)

    @property
    def number_of_links(self) -> int:
        """How many links the graph holds."""
        return len(self._links)

    def _link(self, row: int, ids: Mapping[int, str] | list[str] | None = None) -> Link:
        """The link in `row`; `ids` names claim positions (default: the graph's)."""
        t = self._links
        key = int(t.key[row])
        names = self._ids if ids is None else ids
        a, b = names[key >> 32], names[key & 0xFFFFFFFF]
        return Link(a, b, RELATION_CODES[t.relation[row]], float(t.confidence[row]),
                    reasons=t.reasons[t.reason[row]], hedged=bool(t.hedged[row]))  # fmt: skip

    def claims_in_id_order(self) -> list[Claim]:
        """The claims sorted by id (no sort needed when they were added in id order)."""
        if self._store is not None:
            return list(self._store)
        if self._in_id_order:
            return list(self._list)
        return [self._claims[i] for i in sorted(self._ids)]

    def ids_in_id_order(self) -> list[str]:
        """The claim ids, sorted."""
        if self._store is not None:
            return list(self._store.iter_ids())
        return list(self._ids) if self._in_id_order else sorted(self._ids)

    def source_codes(self) -> tuple[IntArray, list[str]] | None:
        """Per claim in id order, the number of its source, and the source ids in that
        numbering (first appearance in id order); None unless the claims came in one
        batch, which is when building the graph found them at no extra cost."""
        if self._source_codes is None or not self._in_id_order:
            return None
        codes, ids = self._source_codes
        return codes.copy(), list(ids)

    def id_ranks(self) -> IntArray:
        """For each claim position (insertion order), its rank in id order."""
        if self._in_id_order:
            return np.arange(len(self), dtype=np.int64)
        rank = np.empty(len(self._ids), dtype=np.int64)
        rank[sorted(range(len(self._ids)), key=self._ids.__getitem__)] = np.arange(len(self._ids))
        return rank

    def ranks_in_id_order(self, positions: IntArray) -> IntArray:
        """Claim positions (insertion order) as ranks in id order: `positions` itself
        when the claims were inserted in id order (no copy of a link-sized array).

        Examples
        --------
        >>> from reconcile.model import Claim
        >>> g = ClaimGraph([Claim("x", source="s", id="b")])
        >>> g.add_claim(Claim("y", source="s", id="a"))
        >>> g.ranks_in_id_order(np.array([0, 1])).tolist()
        [1, 0]
        """
        if self._in_id_order:
            return positions
        out: IntArray = self.id_ranks()[positions]
        return out

    def _rows_in_id_order(self) -> IntArray:
        a, b = self._links.ends()
        if self._in_id_order:  # positions follow ids: the key order is the id order
            return np.arange(len(a), dtype=np.int64)
        rank = self.id_ranks()
        ra, rb = rank[a], rank[b]
        return np.lexsort((np.maximum(ra, rb), np.minimum(ra, rb)))

    def links(self, relation: Relation | str | None = None) -> Iterator[Link]:
        """The links, optionally only those of one relation, in endpoint order."""
        rows = self._rows_in_id_order()
        if relation is not None:
            code = RELATION_CODES.index(Relation(relation).value)
            rows = rows[self._links.relation[rows] == code]
        ids: Mapping[int, str] | None = None
        if self._store is not None and len(rows):
            # the ends' ids, read from the cluster once
            ends = np.unique(np.concatenate([e[rows] for e in self._links.ends()]))
            ids = dict(zip(ends.tolist(), self._store.ids_at(ends)))
        for row in rows.tolist():
            yield self._link(row, ids)

    def get_link(self, a: str | Claim, b: str | Claim) -> Link | None:
        """The link between two claims, or None."""
        a_id = a.id if isinstance(a, Claim) else a
        b_id = b.id if isinstance(b, Claim) else b
        pa, pb = self._position(a_id), self._position(b_id)
        for end, at in ((a_id, pa), (b_id, pb)):
            if at < 0:
                raise _no_claim(end)
        if a_id == b_id:
            return None
        row = self._links.find(pa, pb)
        return None if row < 0 else self._link(row, {pa: a_id, pb: b_id})

    def _link_at(self, pa: int, pb: int, ids: Mapping[int, str]) -> Link | None:
        """The link between the claims at positions `pa` and `pb` (named in `ids`)."""
        row = self._links.find(pa, pb)
        return None if row < 0 else self._link(row, ids)

    def _neighbour_rows(self, at: int) -> tuple[IntArray, IntArray]:
        """(neighbour positions, link rows) of the claim at position `at`, from a
        cached adjacency index."""
        if self._adjacency is None:
            a, b = self._links.ends()
            rows = np.arange(len(a), dtype=np.int64)
            ends = np.concatenate([a, b])
            order = np.argsort(ends, kind="stable")
            start = np.zeros(len(self) + 1, dtype=np.int64)
            np.cumsum(np.bincount(ends, minlength=len(self)), out=start[1:])
            self._adjacency = (start, np.concatenate([b, a])[order],
                               np.concatenate([rows, rows])[order])  # fmt: skip
        start, other, rows = self._adjacency
        return other[start[at] : start[at + 1]], rows[start[at] : start[at + 1]]

    def neighbors(self, claim: str | Claim, relation: Relation | str | None = None) -> list[Claim]:
        """The claims linked to `claim`, optionally by one relation only, in id order."""
        claim_id = claim.id if isinstance(claim, Claim) else claim
        at = self._position(claim_id)
        if at < 0:
            raise _no_claim(claim_id)
        other, rows = self._neighbour_rows(at)
        if relation is not None:
            code = RELATION_CODES.index(Relation(relation).value)
            other = other[self._links.relation[rows] == code]
        if self._store is not None:  # positions follow ids there
            return self._store.at(np.sort(other))
        return [self._claims[i] for i in sorted(self._ids[k] for k in other.tolist())]

    def questions(self) -> list[tuple[str, ...]]:
        """Groups of claims about the same thing.

        Structured claims with one (subject, predicate) key form one question; links
        join questions (connected components). Each question is a sorted tuple of
        claim ids; the list runs from the largest question down, ties by first id.
        """
        self._localise()
        a, b = self._links.ends()
        first: dict[tuple[str, str], int] = {}
        key_a, key_b = [], []
        for claim_id, claim in self._claims.items():
            key = claim.key
            if key is not None:
                key_a.append(first.setdefault(key, self._pos[claim_id]))
                key_b.append(self._pos[claim_id])
        label = component_labels(
            len(self._ids),
            np.concatenate([a, np.array(key_a, dtype=np.int64)]),
            np.concatenate([b, np.array(key_b, dtype=np.int64)]),
        )
        groups: dict[int, list[str]] = {}
        for i, root in enumerate(label.tolist()):
            groups.setdefault(root, []).append(self._ids[i])
        found = [tuple(sorted(group)) for group in groups.values()]
        return sorted(found, key=lambda q: (-len(q), q[0]))

    def subgraph(self, claim_ids: Iterable[str | Claim]) -> ClaimGraph:
        """A new graph with the given claims and the links among them."""
        self._localise()
        ids = []
        for item in claim_ids:
            claim_id = item.id if isinstance(item, Claim) else item
            self.claim(claim_id)
            ids.append(claim_id)
        out = ClaimGraph([self._claims[i] for i in ids])
        inside = np.zeros(len(self._ids), dtype=np.bool_)
        inside[[self._pos[i] for i in ids]] = True
        position = np.full(len(self._ids), -1, dtype=np.int64)
        for claim_id, k in out._pos.items():
            position[self._pos[claim_id]] = k
        a, b = self._links.ends()
        out._links = self._links.subset(inside[a] & inside[b], position)
        return out

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
        found = np.bincount(self._links.relation, minlength=len(RELATION_CODES))
        return {r.value: int(found[RELATION_CODES.index(r.value)]) for r in Relation}

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {r}" for r, n in self._counts().items())
        return f"<ClaimGraph: {len(self)} claims from {len(self._sources)} sources, {counts}>"

    def _repr_html_(self) -> str:
        counts = self._counts()
        rows = "".join(
            f"<tr><td>{html.escape(c.id)}</td><td>{html.escape(c.source.id)}</td>"
            f"<td>{html.escape(' → '.join(c.via))}</td><td>{html.escape(c.stance.value)}</td>"
            f"<td>{html.escape(c.describe()[:200])}</td></tr>"
            for c in (self._store[:20] if self._store is not None else self._list[:20])
        )
        more = f"<p>… and {len(self) - 20} more claims</p>" if len(self) > 20 else ""
        a, b = self._links.ends()
        labels = component_labels(len(self), a, b)
        sizes = sorted(np.bincount(labels).tolist(), reverse=True) if len(labels) else []
        sizes = [s for s in sizes if s]
        largest = ", ".join(map(str, sizes[:5]))
        return (
            f"<div><strong>ClaimGraph</strong>: {len(self)} claims from "
            f"{len(self._sources)} sources; {counts['corroborates']} corroborating and "
            f"{counts['contradicts']} contradicting links; {len(sizes)} groups of linked "
            f"claims, the largest of {largest}"
            "<table><thead><tr><th>id</th><th>source</th><th>via</th><th>stance</th>"
            f"<th>claim</th></tr></thead><tbody>{rows}</tbody></table>{more}</div>"
        )
