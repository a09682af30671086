"""Claims kept on a Dask cluster: the claim store of a graph linked there.

When the claims come from a dask bag or DataFrame and :func:`reconcile.link` runs on a
cluster the caller keeps (a :class:`~reconcile.engines.DaskEngine` with a given
client), the claims never come to the driver. They are sorted by id on the workers
and cut into pieces of about :data:`PIECE_SIZE` claims, the first piece holding the
smallest ids. The driver keeps one future, one count and one first id per piece;
position ``k`` of the graph is the ``k``-th claim in id order, as it is in a graph
whose claims are here. Linking and scoring read what they need of the claims by one
task per piece (:meth:`ClusterClaims.map`), and a claim asked for by id is found by
the first ids, then by one task on its piece.

The sort: each input partition is checked and sorted on its worker; every
``piece_size // 50``-th id comes to the driver, which picks the ids that cut the
pieces; each partition is split at those ids; the parts of each piece are merged on
a worker, where an id given to two different claims is found.

Examples
--------
>>> piece_bounds(["a", "b", "c", "d", "e", "f"], 3)
['c', 'e']
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import operator
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

import numpy as np
from numpy.typing import NDArray

from reconcile.errors import DuplicateIdError, InvalidClaimError
from reconcile.model import Claim, Source

__all__ = ["PIECE_SIZE", "ClusterClaims", "ClusterIds", "piece_bounds"]

PIECE_SIZE = 50_000
"""Claims per piece of a store (about): a task's share of linking and scoring."""
_ID = operator.attrgetter("id")

IntArray = NDArray[np.int64]


def piece_bounds(sample: list[str], pieces: int) -> list[str]:
    """The ids that cut `pieces` pieces of about equal size, from a sorted sample of
    the ids (each piece starts at its bound; repeated bounds are dropped)."""
    if pieces <= 1 or not sample:
        return []
    picks = [sample[(len(sample) * k) // pieces] for k in range(1, pieces)]
    return sorted(set(picks))


def _checked_sorted(items: Any, partition: int) -> list[Claim]:
    """A partition's claims, each checked to be a Claim, sorted by id."""
    out = list(items)
    if not all(issubclass(t, Claim) for t in set(map(type, out))):
        for i, claim in enumerate(out):
            if not isinstance(claim, Claim):
                raise InvalidClaimError(
                    f"expected a Claim, got {type(claim).__name__} (item {i} of partition "
                    f"{partition})", record=i, field="claim",
                )  # fmt: skip
    out.sort(key=_ID)
    return out


def _frame_claims(frame: Any) -> list[Claim]:
    """The claims of a pandas partition of a dask DataFrame (claim columns)."""
    from reconcile.io import claims_from_pandas

    return list(claims_from_pandas(frame))


def _sample(items: list[Claim], step: int) -> tuple[int, list[str]]:
    return len(items), [c.id for c in items[::step]]


def _split(items: list[Claim], bounds: list[str]) -> list[list[Claim]]:
    ids = [c.id for c in items]
    cuts = [0, *(bisect.bisect_left(ids, b) for b in bounds), len(items)]
    return [items[lo:hi] for lo, hi in itertools.pairwise(cuts)]


def _merged(*parts: list[Claim]) -> list[Claim]:
    """The parts of one piece merged in id order; equal claims given twice are kept
    once, and two different claims with one id raise DuplicateIdError."""
    out: list[Claim] = []
    for claim in heapq.merge(*parts, key=_ID):
        if out and out[-1].id == claim.id:
            if out[-1] is claim or out[-1] == claim:
                continue
            raise DuplicateIdError(f"id {claim.id!r} is given to two different claims",
                                   record=claim.id, field="id")  # fmt: skip
        out.append(claim)
    return out


def _summary(piece: list[Claim]) -> tuple[int, str, list[tuple[Source, str]], NDArray[np.int32]]:
    """What the driver keeps of a piece: its size and first id, its distinct sources
    in order of first claim (with that claim's id, to name it in an error), and per
    claim the number of its source id among the piece's (first appearance).

    Claims read from files each carry their own Source object: equal ones are sent
    once (a source described two ways is sent both ways, for the driver to merge or
    refuse)."""
    kept: dict[str, list[tuple[Source, str]]] = {}
    number: dict[str, int] = {}
    codes = np.empty(len(piece), dtype=np.int32)
    for k, claim in enumerate(piece):
        src = claim.source
        known = kept.get(src.id)
        if known is None:
            kept[src.id] = [(src, claim.id)]
        elif all(other is not src and other != src for other, _ in known):
            known.append((src, claim.id))
        codes[k] = number.setdefault(src.id, len(number))
    # (by source id in order of first claim, then the other descriptions of that id)
    first = [pair for pairs in kept.values() for pair in pairs]
    return len(piece), piece[0].id if piece else "", first, codes


def _ids_of(piece: list[Claim], at: IntArray | None = None) -> list[str]:
    if at is None:
        return [c.id for c in piece]
    return [piece[k].id for k in at.tolist()]


def _claims_of(piece: list[Claim], at: IntArray) -> list[Claim]:
    return [piece[k] for k in at.tolist()]


def _find(piece: list[Claim], claim_id: str) -> int:
    k = bisect.bisect_left(piece, claim_id, key=_ID)
    return k if k < len(piece) and piece[k].id == claim_id else -1


def _positions(index: int | slice, n: int) -> IntArray:
    """The positions a sequence index names (IndexError for an int out of range)."""
    if isinstance(index, slice):
        return np.arange(n, dtype=np.int64)[index]
    if not -n <= index < n:
        raise IndexError(index)
    return np.array([index % n], dtype=np.int64)


def _part(parts: list[list[Claim]], r: int) -> list[Claim]:
    return parts[r]


class ClusterClaims(Sequence[Claim]):
    """Claims on a Dask cluster, in id order, in pieces (see the module notes).

    Made by :meth:`collect`; a :class:`~reconcile.graph.ClaimGraph` holds it in place
    of its list of claims.
    """

    def __init__(self, client: Any, pieces: list[Any], counts: list[int],
                 first_ids: list[str]) -> None:  # fmt: skip
        self.client = client
        self.pieces = pieces
        self.offsets: IntArray = np.concatenate([[0], np.cumsum(counts, dtype=np.int64)])
        self.first_ids = first_ids

    @classmethod
    def collect(
        cls, collection: Any, client: Any, *, piece_size: int = PIECE_SIZE
    ) -> tuple[ClusterClaims, list[tuple[Source, str]], IntArray]:
        """The claims of a dask bag (of Claims) or DataFrame (claim columns), sorted
        into a store on `client`'s cluster, in pieces of about `piece_size` claims.

        Also returns the source objects in order of first claim (with that claim's
        id) and, per claim in id order, the number of its source (first appearance).
        """
        parts = client.compute(collection.to_delayed())
        if hasattr(collection, "columns"):
            parts = [client.submit(_frame_claims, p, pure=False) for p in parts]
        ordered = [client.submit(_checked_sorted, p, k, pure=False) for k, p in enumerate(parts)]
        del parts
        # every step-th id of each partition: about 50 a piece to place its bounds
        step = max(1, piece_size // 50)
        samples = client.gather([client.submit(_sample, p, step, pure=False) for p in ordered])
        total = sum(n for n, _ in samples)
        sample = sorted(i for _, ids in samples for i in ids)
        bounds = piece_bounds(sample, -(-total // piece_size))
        split = [client.submit(_split, p, bounds, pure=False) for p in ordered]
        del ordered
        pieces = []
        for r in range(len(bounds) + 1):
            parts_r = [client.submit(_part, s, r, pure=False) for s in split]
            pieces.append(client.submit(_merged, *parts_r, pure=False))
        del split
        # the summaries one at a time: each piece names most sources again, and only
        # the ones not seen before are kept
        futures = [client.submit(_summary, p, pure=False) for p in pieces]
        futures.reverse()
        kept_pieces, counts, first_ids = [], [], []
        distinct: dict[str, list[tuple[Source, str]]] = {}
        number: dict[str, int] = {}
        codes = []
        for piece in pieces:
            count, first_id, piece_objects, local = futures.pop().result()
            if not count:
                continue  # a bound may cut nothing
            kept_pieces.append(piece)
            counts.append(count)
            first_ids.append(first_id)
            for src, claim_id in piece_objects:
                known = distinct.setdefault(src.id, [])
                if all(other != src for other, _ in known):
                    known.append((src, claim_id))
            ids = list(dict.fromkeys(src.id for src, _ in piece_objects))
            glob = np.array([number.setdefault(i, len(number)) for i in ids], dtype=np.int64)
            codes.append(glob[local])
            del piece_objects, local
        store = cls(client, kept_pieces, counts, first_ids)
        objects = [pair for pairs in distinct.values() for pair in pairs]
        all_codes = np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64)
        return store, objects, all_codes

    # -- reading --------------------------------------------------------------------

    def __len__(self) -> int:
        return int(self.offsets[-1])

    def _piece_of(self, positions: IntArray) -> IntArray:
        out: IntArray = np.searchsorted(self.offsets, positions, side="right") - 1
        return out

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> list[Claim]: ...

    def __getitem__(self, index: int | slice) -> Claim | list[Claim]:
        found = self.at(_positions(index, len(self)))
        return found if isinstance(index, slice) else found[0]

    def __iter__(self) -> Iterator[Claim]:
        for piece in self.pieces:  # one piece here at a time
            yield from piece.result()

    def _gather_at(self, fn: Callable[..., list[Any]], positions: IntArray) -> list[Any]:
        """``fn(piece, offsets)`` per piece holding some of `positions`, in their order."""
        positions = np.asarray(positions, dtype=np.int64)
        which = self._piece_of(positions)
        order = np.argsort(which, kind="stable")
        pieces, starts = np.unique(which[order], return_index=True)
        groups = np.split(order, starts[1:])  # the rows of `positions` in each piece
        futures = [
            self.client.submit(fn, self.pieces[k], positions[rows] - self.offsets[k], pure=False)
            for k, rows in zip(pieces.tolist(), groups)
        ]
        out: list[Any] = [None] * len(positions)
        for rows, values in zip(groups, self.client.gather(futures)):
            for r, v in zip(rows.tolist(), values):
                out[r] = v
        return out

    def at(self, positions: IntArray) -> list[Claim]:
        """The claims at these positions, one task per piece that holds any."""
        return self._gather_at(_claims_of, positions)

    def ids_at(self, positions: IntArray) -> list[str]:
        """The ids of the claims at these positions."""
        return self._gather_at(_ids_of, positions)

    def iter_ids(self) -> Iterator[str]:
        """Every id, in order, one piece here at a time."""
        for piece in self.pieces:
            yield from self.client.submit(_ids_of, piece, pure=False).result()

    def position(self, claim_id: str) -> int:
        """The position of the claim with this id, or -1."""
        k = bisect.bisect_right(self.first_ids, claim_id) - 1
        if k < 0:
            return -1
        local = self.client.submit(_find, self.pieces[k], claim_id, pure=False).result()
        return -1 if local < 0 else int(self.offsets[k]) + int(local)

    def map(self, fn: Callable[..., Any], /, **kwargs: Any) -> list[Any]:
        """``fn(piece, **kwargs)`` for each piece, as futures (the results stay there)."""
        return [self.client.submit(fn, piece, pure=False, **kwargs) for piece in self.pieces]

    def __repr__(self) -> str:
        return f"<ClusterClaims: {len(self)} claims in {len(self.pieces)} pieces>"


class ClusterIds(Sequence[str]):
    """The ids of a :class:`ClusterClaims`, in order, read from the cluster when asked
    (a vote table's ``claim_ids`` for a graph whose claims stay there)."""

    def __init__(self, store: ClusterClaims) -> None:
        self.store = store

    def __len__(self) -> int:
        return len(self.store)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        found = self.store.ids_at(_positions(index, len(self)))
        return found if isinstance(index, slice) else found[0]

    def __iter__(self) -> Iterator[str]:
        return self.store.iter_ids()

    def at(self, positions: IntArray) -> list[str]:
        """The ids at these positions, one task per piece that holds any."""
        return self.store.ids_at(positions)

    def position(self, claim_id: str) -> int:
        """The position of this id, or -1."""
        return self.store.position(claim_id)
