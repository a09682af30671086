"""Linking claims that stay on a Dask cluster (see :mod:`reconcile.store`).

:func:`reconcile.link` comes here for a dask bag or DataFrame when its engine is a
:class:`~reconcile.engines.DaskEngine` on a client the caller keeps. The claims are
sorted into a store on the workers; each piece of the store is read by its own task
(the text analysis of its text claims, what blocking needs of them, its structured
claims); one task joins the analysed pieces and finds the text candidate pairs,
another blocks and compares the structured claims; the pair batches are compared as
for a list of claims. The driver receives per claim only positions and source
numbers, and the links: the same graph as :func:`reconcile.link` makes of the same
claims in a list, with its claims left on the cluster.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from reconcile import store as store_module
from reconcile._links import RELATION_CODES, LinkBatch
from reconcile.engines import DaskEngine
from reconcile.graph import ClaimGraph
from reconcile.linking.api import (
    _deniers,
    _Options,
    _plan_text,
    _report,
    _structured_links,
    _structured_pairs,
    _text_links,
    _text_summary,
    _TextPlan,
    _warn_capped,
)
from reconcile.linking.features import IntArray, TextPart, analyse_texts, stance_flags
from reconcile.model import Claim
from reconcile.store import ClusterClaims
from reconcile.store import _claims_of as _structured_of

__all__ = ["is_dask_collection", "lasting_client", "link_on_cluster"]

_IS_STRUCTURED = operator.attrgetter("is_structured")


def is_dask_collection(claims: Any) -> bool:
    """Whether `claims` is a dask bag or DataFrame (anything dask computes)."""
    return hasattr(claims, "dask") and hasattr(claims, "to_delayed")


def lasting_client(engine: Any) -> Any:
    """The Dask client of `engine` when the caller keeps it (claims stored on its
    cluster outlive the call), else None."""
    if isinstance(engine, DaskEngine):
        return engine.given_client
    return None


class _PieceText(NamedTuple):
    """What one piece of a store gives linking, made on its worker."""

    text: IntArray
    """Positions in the piece of its text claims."""
    structured: IntArray
    """Positions in the piece of its structured claims."""
    part: TextPart
    denies: NDArray[np.bool_]
    keys: list[Any] | None
    deniers: dict[int, str]


def _read_piece(piece: list[Claim], *, key_fn: Callable[[Claim], Any] | None) -> _PieceText:
    structured = np.fromiter(map(_IS_STRUCTURED, piece), np.bool_, len(piece))
    text = np.flatnonzero(~structured)
    text_claims = [piece[i] for i in text.tolist()]
    denies, hedged = stance_flags(text_claims)
    part = analyse_texts([c.describe() for c in text_claims], denies=denies, hedged=hedged)
    keys = None if key_fn is None else [key_fn(c) for c in text_claims]
    return _PieceText(text, np.flatnonzero(structured), part, denies, keys,
                      _deniers(text_claims))  # fmt: skip


def _index_of(piece: _PieceText) -> tuple[IntArray, IntArray, dict[int, str]]:
    return piece.text, piece.structured, piece.deniers


def _plan_pieces(
    *, pieces: list[_PieceText], groups: IntArray | None, opts: _Options, keyed: bool
) -> _TextPlan:
    """:func:`_plan_text` over the pieces of a store, joined in order."""
    denies = np.concatenate([p.denies for p in pieces]) if pieces else np.zeros(0, np.bool_)
    keys = [k for p in pieces for k in (p.keys or ())] if keyed else None
    return _plan_text(parts=[p.part for p in pieces], denies=denies, groups=groups,
                      keys=keys, opts=opts, gate=True)  # fmt: skip


def _structured_on_worker(
    *, parts: list[list[Claim]], opts: _Options
) -> tuple[int, list[tuple[str, int]], list[tuple[str, int]], LinkBatch]:
    """Block and compare the structured claims of a store (gathered in id order), as
    :func:`reconcile.link` does on the driver; the links as a batch over their
    indices among the structured claims."""
    struct_claims = [c for part in parts for c in part]
    sa, sb, largest, capped = _structured_pairs(struct_claims, opts)
    links = _structured_links(struct_claims, sa, sb, opts)
    index = {c.id: k for k, c in enumerate(struct_claims)}
    table: dict[tuple[str, ...], int] = {}
    batch = LinkBatch(
        np.array([index[lk.a] for lk in links], dtype=np.int64),
        np.array([index[lk.b] for lk in links], dtype=np.int64),
        np.array([RELATION_CODES.index(lk.relation.value) for lk in links], dtype=np.int8),
        np.array([lk.confidence for lk in links], dtype=np.float64),
        np.array([lk.hedged for lk in links], dtype=np.bool_),
        np.array([table.setdefault(lk.reasons, len(table)) for lk in links], dtype=np.int32),
        list(table),
    )
    return len(sa), largest, capped, batch


def link_on_cluster(
    collection: Any, opts: _Options, engine: DaskEngine, progress: bool, *, structured: bool
) -> ClaimGraph:
    """The graph of a dask collection's claims, linked on `engine`'s cluster, with its
    claims stored there. `structured`: also link the structured claims (as
    :func:`reconcile.link` does; scoring links only the text claims)."""
    client = engine.client()
    # (read at call time: a test may make the pieces small)
    store, objects, codes = ClusterClaims.collect(collection, client,
                                                  piece_size=store_module.PIECE_SIZE)  # fmt: skip
    graph = ClaimGraph._on_cluster(store, objects, codes)
    key_fn = None if opts.brute_force else opts.key_fn
    read = store.map(_read_piece, key_fn=key_fn)
    index = client.gather([client.submit(_index_of, r, pure=False) for r in read])
    offsets = store.offsets
    text_at = [offsets[k] + idx for k, (idx, _, _) in enumerate(index)]
    struct_at = [offsets[k] + idx for k, (_, idx, _) in enumerate(index)]
    text_pos = np.concatenate(text_at) if text_at else np.zeros(0, np.int64)
    struct_pos = np.concatenate(struct_at) if struct_at else np.zeros(0, np.int64)
    struct_local = [idx for _, idx, _ in index]
    deniers: dict[int, str] = {}
    seen = 0
    for idx, _, piece_deniers in index:
        deniers.update((seen + k, sid) for k, sid in piece_deniers.items())
        seen += len(idx)
    del index, text_at, struct_at
    text_plan = engine.run(
        _plan_pieces,
        pieces=read,
        groups=None if opts.same_source else codes[text_pos],
        opts=opts,
        keyed=key_fn is not None,
    )
    del read  # the pieces' analyses are let go once joined
    candidates, text_pairs, largest, capped = engine.fetch(_text_summary, text_plan)
    s_pairs, batch = 0, None
    if structured and len(struct_pos):
        parts = [client.submit(_structured_of, piece, idx, pure=False)
                 for piece, idx in zip(store.pieces, struct_local) if len(idx)]  # fmt: skip
        found = engine.run(_structured_on_worker, parts=parts, opts=opts).result()
        del parts
        s_pairs, ls, cs, batch = found
        largest, capped = largest + ls, capped + cs
    _warn_capped(_report(len(store), candidates, s_pairs, largest, capped, opts), stacklevel=4)
    link_parts = graph._link_parts(
        _text_links(text_plan, text_pairs, deniers, opts, progress, engine), text_pos
    )
    del text_plan
    graph._add_link_parts(link_parts)
    if batch is not None:
        graph._add_link_parts(graph._link_parts([batch], struct_pos))
    return graph
