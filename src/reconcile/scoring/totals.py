"""Totals over the vote list, per fact or per source, in this process or on an engine.

Every round of the algorithms (majority, Sums, AverageLog, the investments,
TruthFinder, Dawid-Skene, CRH and ACCU's voting) is a few totals over the vote list:
each vote gets a value from its source, its fact and its weight, and the values are
added up per fact or per source. Everything else they do is over per-fact,
per-question and per-source vectors. So the
vote list is what :class:`EngineTotals` hands to an engine: it is cut into shards,
once sorted by fact and once by source, each shard holding whole keys; a total is one
task per shard, and the shards' totals are laid end to end, never added together.
Within a key the votes keep their order, so each total is added up in the same order
as in this process and the scores are the same to the last bit.

An expression is a module-level function ``expr(s, f, w, *vectors) -> values`` (a
worker must be able to import it) that uses gathers and arithmetic only. Its values
are one number per vote, or a row of numbers per vote (Dawid-Skene totals a
posterior over the labels). With ``cells=n`` each key's total is split into `n`
cells: the expression returns ``(values, cell)``, each vote's cell in ``range(n)``
(Dawid-Skene counts a source's responses one cell per response).

Examples
--------
>>> import numpy as np
>>> from reconcile.engines import LocalEngine
>>> s, f, w = np.array([0, 1, 1, 2]), np.array([0, 0, 1, 1]), np.ones(4)
>>> here = LocalTotals(s, f, w, n_sources=3, n_facts=2)
>>> there = EngineTotals(s, f, w, n_sources=3, n_facts=2, engine=LocalEngine(),
...                      shard_size=1)
>>> trust = np.array([0.5, 1.0, 0.25])
>>> here.per_fact(weighted_source, trust), there.per_fact(weighted_source, trust)
(array([1.5 , 1.25]), array([1.5 , 1.25]))
"""

from __future__ import annotations

import abc
import itertools
from collections.abc import Callable
from typing import Any

import attrs
import numpy as np

from reconcile.engines import Engine
from reconcile.scoring.votes import FloatArray, IntArray

__all__ = [
    "SHARD_SIZE",
    "EngineTotals",
    "LocalTotals",
    "Totals",
    "absolute_weight",
    "agreement",
    "cut_groups",
    "fact_gather",
    "key_total",
    "ones",
    "shard_size_for",
    "weight",
    "weighted_source",
]

SHARD_SIZE = 250_000
"""Votes per shard on an engine (a shard is cut only between keys, so may be larger)."""

Expr = Callable[..., Any]
"""An expression: values per vote, or ``(values, cell)`` when totalled in cells."""


def ones(s: IntArray, f: IntArray, w: FloatArray) -> FloatArray:
    """1 per vote (totals: how many votes)."""
    return np.ones(len(s))


def weight(s: IntArray, f: IntArray, w: FloatArray) -> FloatArray:
    """The vote's weight."""
    return w


def absolute_weight(s: IntArray, f: IntArray, w: FloatArray) -> FloatArray:
    """The vote's weight, a denial counted as much as an assertion."""
    return np.abs(w)


def weighted_source(s: IntArray, f: IntArray, w: FloatArray, x: FloatArray) -> FloatArray:
    """``w * x[source]``: what a source's vote adds to its fact."""
    return w * x[s]


def fact_gather(s: IntArray, f: IntArray, w: FloatArray, x: FloatArray) -> FloatArray:
    """``x[fact]``: what a fact returns to each of its voters."""
    return x[f]


def agreement(s: IntArray, f: IntArray, w: FloatArray, x: FloatArray) -> FloatArray:
    """``|w| * x[fact]``, or ``|w| * (1 - x[fact])`` for a denial: how far a vote agrees
    with fact scores `x`."""
    agree = x[f]
    denied = w < 0
    agree[denied] = 1.0 - agree[denied]
    out: FloatArray = np.abs(w) * agree
    return out


class Totals(abc.ABC):
    """Totals of ``expr(s, f, w, *vectors)`` over the votes, per fact or per source."""

    n_sources: int
    n_facts: int

    @abc.abstractmethod
    def per_fact(self, expr: Expr, *vectors: Any, cells: int = 1) -> FloatArray:
        """Per fact, the total of the expression over its votes (per fact and cell,
        shaped ``(n_facts, cells, ...)``, when `cells` > 1)."""

    @abc.abstractmethod
    def per_source(self, expr: Expr, *vectors: Any, cells: int = 1) -> FloatArray:
        """Per source, the total of the expression over its votes (per source and
        cell, shaped ``(n_sources, cells, ...)``, when `cells` > 1)."""


def key_total(values: FloatArray, key: IntArray, n: int) -> FloatArray:
    """Per key in ``range(n)``, the total of `values` (added in their order); for
    values with a row per key, the total of each column."""
    if values.ndim == 2:
        columns = [key_total(values[:, j], key, n) for j in range(values.shape[1])]
        return np.stack(columns, axis=1) if columns else np.zeros((n, 0))
    out: FloatArray = np.bincount(key, weights=values, minlength=n).astype(np.float64)
    return out


def _cell_total(expr: Expr, args: tuple[Any, ...], key: IntArray, n: int,
                cells: int) -> FloatArray:  # fmt: skip
    """`expr`'s totals per key in ``range(n)`` (and per cell, when `cells` > 1)."""
    if cells == 1:
        return key_total(expr(*args), key, n)
    values, cell = expr(*args)
    total = key_total(values, key * cells + cell, n * cells)
    return total.reshape((n, cells, *total.shape[1:]))


class LocalTotals(Totals):
    """The totals over arrays in this process."""

    def __init__(self, s: IntArray, f: IntArray, w: FloatArray, *, n_sources: int,
                 n_facts: int) -> None:  # fmt: skip
        self.s, self.f, self.w = s, f, w
        self.n_sources, self.n_facts = n_sources, n_facts

    def per_fact(self, expr: Expr, *vectors: Any, cells: int = 1) -> FloatArray:
        args = (self.s, self.f, self.w, *vectors)
        return _cell_total(expr, args, self.f, self.n_facts, cells)

    def per_source(self, expr: Expr, *vectors: Any, cells: int = 1) -> FloatArray:
        args = (self.s, self.f, self.w, *vectors)
        return _cell_total(expr, args, self.s, self.n_sources, cells)


@attrs.frozen
class _Shard:
    """Votes whose key (fact or source) lies in ``[lo, hi)``, in their original order."""

    s: IntArray
    f: IntArray
    w: FloatArray
    by_fact: bool
    lo: int
    hi: int


def _shard_total(expr: Expr, vectors: tuple[Any, ...], cells: int, item: _Shard) -> FloatArray:
    key = item.f if item.by_fact else item.s
    args = (item.s, item.f, item.w, *vectors)
    return _cell_total(expr, args, key - item.lo, item.hi - item.lo, cells)


def cut_groups(group: IntArray, shard_size: int) -> list[IntArray]:
    """Positions into `group` cut into shards of about `shard_size`, never splitting a
    group; a shard lists its groups in ascending order, each group's positions in
    their original order."""
    order = np.argsort(group, kind="stable")
    ranked = group[order]
    bounds = [0]
    while bounds[-1] < len(ranked):
        at = bounds[-1] + shard_size
        if at >= len(ranked):
            bounds.append(len(ranked))
            break
        # never split a group: move the cut to where the group at it starts, or past it
        start = int(np.searchsorted(ranked, ranked[at], side="left"))
        bounds.append(start if start > bounds[-1] else
                      int(np.searchsorted(ranked, ranked[at], side="right")))  # fmt: skip
    return [order[a:b] for a, b in itertools.pairwise(bounds)] or [order]


class EngineTotals(Totals):
    """The totals as tasks on an engine, over shards of the votes put there once.

    Parameters
    ----------
    s, f, w : arrays
        Each vote's source, fact and weight.
    n_sources, n_facts : int
        How many sources and facts (the length of the totals).
    engine : Engine
        Where the shards are kept and totalled.
    shard_size : int
        About how many votes a shard holds.
    """

    def __init__(self, s: IntArray, f: IntArray, w: FloatArray, *, n_sources: int,
                 n_facts: int, engine: Engine, shard_size: int = SHARD_SIZE) -> None:  # fmt: skip
        self.n_sources, self.n_facts = n_sources, n_facts
        self.engine = engine
        self._shards: dict[bool, tuple[list[Any], list[int]]] = {}
        for by_fact, key, n in ((True, f, n_facts), (False, s, n_sources)):
            handles, sizes = [], []
            cuts = cut_groups(key, shard_size)
            # a shard covers the keys from its first up to the next shard's first, so
            # that the shards' totals laid end to end give every key's
            starts = [0] + [int(key[pos[0]]) for pos in cuts[1:]] + [n]
            for pos, lo, hi in zip(cuts, starts[:-1], starts[1:]):
                handles.append(engine.put(_Shard(s[pos], f[pos], w[pos], by_fact, lo, hi)))
                sizes.append(len(pos))
            self._shards[by_fact] = (handles, sizes)

    def _totals(self, by_fact: bool, expr: Expr, vectors: tuple[Any, ...],
                cells: int) -> FloatArray:  # fmt: skip
        handles, sizes = self._shards[by_fact]
        shared = {"expr": expr, "vectors": vectors, "cells": cells}
        parts = self.engine.map(_shard_total, shared, handles, sizes)
        out: FloatArray = np.concatenate(parts) if parts else np.zeros(0)
        return out

    def per_fact(self, expr: Expr, *vectors: Any, cells: int = 1) -> FloatArray:
        return self._totals(True, expr, vectors, cells)

    def per_source(self, expr: Expr, *vectors: Any, cells: int = 1) -> FloatArray:
        return self._totals(False, expr, vectors, cells)


def shard_size_for(engine: Engine | None) -> int | None:
    """Votes per shard on `engine`: None (all in one place) without an engine or with
    the local one, else :data:`SHARD_SIZE` (read here, not bound as a default: tests
    cut small inputs into many shards)."""
    return None if engine is None or engine.name == "local" else SHARD_SIZE


def vote_totals(
    s: IntArray, f: IntArray, w: FloatArray, *, n_sources: int, n_facts: int,
    engine: Engine | None = None,
) -> Totals:  # fmt: skip
    """:class:`LocalTotals` without an engine or with the local one, else
    :class:`EngineTotals` on it."""
    shard_size = shard_size_for(engine)
    if engine is None or shard_size is None:
        return LocalTotals(s, f, w, n_sources=n_sources, n_facts=n_facts)
    return EngineTotals(
        s, f, w, n_sources=n_sources, n_facts=n_facts, engine=engine, shard_size=shard_size
    )
