"""Links stored as arrays: the edge list of a claim graph, compact enough for millions.

A Python object per link (a networkx edge with an attribute dict) costs about a
kilobyte; a million claims make tens of millions of links. Here a link is a row of
parallel arrays (two claim positions, relation, confidence, hedged, and a code into a
table of distinct reason tuples): about 30 bytes. Links are kept sorted by their
position pair, so a lookup is a binary search.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from reconcile.model import Relation

__all__ = [
    "RELATION_CODES",
    "LinkArrays",
    "LinkBatch",
    "LinkTable",
    "component_labels",
    "link_keys",
]

RELATION_CODES = tuple(relation.value for relation in Relation)
"""Relation values by their code in :attr:`LinkArrays.relation`."""

_SHIFT = np.int64(32)


class LinkArrays(NamedTuple):
    """The links of a graph as arrays; ``a`` and ``b`` index ``graph.claims`` (a < b)."""

    a: NDArray[np.int64]
    b: NDArray[np.int64]
    relation: NDArray[np.int8]
    """0 corroborates, 1 contradicts (:data:`RELATION_CODES`)."""
    confidence: NDArray[np.float64]
    hedged: NDArray[np.bool_]


class LinkBatch(NamedTuple):
    """Links found among one batch of candidate pairs, as arrays (cheap to ship back
    from a worker): `reason` indexes the batch's own `reasons` table."""

    a: NDArray[np.int64]
    b: NDArray[np.int64]
    relation: NDArray[np.int8]
    confidence: NDArray[np.float64]
    hedged: NDArray[np.bool_]
    reason: NDArray[np.int32]
    reasons: list[tuple[str, ...]]


def link_keys(a: NDArray[np.int64], b: NDArray[np.int64]) -> NDArray[np.int64]:
    """One int64 per link coding its two claim positions (the lower in the high bits):
    the table's sort key."""
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    out: NDArray[np.int64] = (lo.astype(np.int64) << _SHIFT) | hi.astype(np.int64)
    return out


class LinkTable:
    """Links as sorted parallel arrays, with a table of distinct reason tuples."""

    def __init__(self) -> None:
        self.key = np.zeros(0, dtype=np.int64)
        self.relation = np.zeros(0, dtype=np.int8)
        self.confidence = np.zeros(0, dtype=np.float64)
        self.hedged = np.zeros(0, dtype=np.bool_)
        self.reason = np.zeros(0, dtype=np.int32)
        self.reasons: list[tuple[str, ...]] = [()]
        self._reason_code: dict[tuple[str, ...], int] = {(): 0}

    def __len__(self) -> int:
        return len(self.key)

    def code_reasons(self, table: Sequence[tuple[str, ...]]) -> NDArray[np.int32]:
        """The code of each reason tuple in `table` (tuples not seen before are added)."""
        codes = np.empty(len(table), dtype=np.int32)
        for k, reasons in enumerate(table):
            code = self._reason_code.get(reasons)
            if code is None:
                code = self._reason_code[reasons] = len(self.reasons)
                self.reasons.append(reasons)
            codes[k] = code
        return codes

    def add(
        self,
        a: NDArray[np.int64],
        b: NDArray[np.int64],
        relation: NDArray[np.int8],
        confidence: NDArray[np.float64],
        hedged: NDArray[np.bool_],
        reason: NDArray[np.int32],
    ) -> None:
        """Add links (global reason codes); a new link replaces one between the same ends."""
        self.add_keyed([link_keys(a, b), relation, confidence, hedged, reason])

    def add_keyed(self, columns: list[Any]) -> None:
        """:meth:`add` for links given as the columns ``[key, relation, confidence,
        hedged, reason]`` (a key codes the two positions, as :func:`link_keys` does).

        The list is emptied as the columns are stored, each let go once sorted into
        the table: on big graphs these are the driver's largest arrays.
        """
        key = columns[0]
        columns[0] = None
        if not len(key):
            columns.clear()
            return
        if len(self.key):
            key = np.concatenate([self.key, key])
        # a stable sort with the new rows after the old: the last row of a key wins
        order = np.argsort(key, kind="stable")
        key = key[order]
        last = np.ones(len(key), dtype=np.bool_)
        last[:-1] = key[1:] != key[:-1]
        if not last.all():
            order, key = order[last], key[last]
        self.key = key
        del key, last
        for k, name in enumerate(("relation", "confidence", "hedged", "reason"), start=1):
            old = getattr(self, name)
            new = columns[k].astype(old.dtype, copy=False)
            columns[k] = None
            both = np.concatenate([old, new]) if len(old) else new
            del new
            setattr(self, name, both[order])
            del both
        columns.clear()

    def ends(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Per link, its two claim positions (lower first)."""
        return self.key >> _SHIFT, self.key & np.int64(0xFFFFFFFF)

    def find(self, i: int, j: int) -> int:
        """The row of the link between positions i and j, or -1."""
        key = (min(i, j) << 32) | max(i, j)
        row = int(np.searchsorted(self.key, key))
        return row if row < len(self.key) and int(self.key[row]) == key else -1

    def arrays(self) -> LinkArrays:
        a, b = self.ends()
        return LinkArrays(a, b, self.relation, self.confidence, self.hedged)

    def subset(self, keep: NDArray[np.bool_], position: NDArray[np.int64]) -> LinkTable:
        """The links whose rows are in `keep`, their ends renumbered by `position`."""
        out = LinkTable()
        a, b = self.ends()
        reasons = self.reason[keep]
        used, inverse = np.unique(reasons, return_inverse=True)
        codes = out.code_reasons([self.reasons[k] for k in used.tolist()])
        out.add(position[a[keep]], position[b[keep]], self.relation[keep],
                self.confidence[keep], self.hedged[keep], codes[inverse])  # fmt: skip
        return out


def component_labels(n: int, a: NDArray[np.int64], b: NDArray[np.int64]) -> NDArray[np.int64]:
    """Per node 0..n-1, the smallest node of its connected component (edges a-b).

    Label propagation with pointer jumping, all in numpy: each round hooks the larger
    of two differing labels onto the smaller, then shortcuts the label chains.

    Examples
    --------
    >>> component_labels(5, np.array([3, 1]), np.array([4, 3])).tolist()
    [0, 1, 2, 1, 1]
    """
    # labels in 32 bits where they fit: the arrays per link made each round are the
    # scoring driver's peak on big graphs, and this halves them
    label = np.arange(n, dtype=np.int32 if n < 2**31 else np.int64)
    if not len(a):
        return label.astype(np.int64)
    while True:
        la, lb = label[a], label[b]
        differ = la != lb
        if not differ.any():
            return label.astype(np.int64)
        la, lb = la[differ], lb[differ]
        del differ
        low = np.minimum(la, lb)
        np.minimum.at(label, np.maximum(la, lb, out=la), low)
        del la, lb, low
        while True:
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
