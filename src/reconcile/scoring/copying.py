"""ACCU's votes and copy detection, over shards of whole questions kept on an engine.

Copy detection (Dong, Berti-Equille & Srivastava, VLDB 2009) pairs the votes of two
sources on one fact, and their answers to one question. Every such pair lies within a
question, so the votes are cut into shards of whole questions (:class:`CopyVotes`);
each shard pairs its own votes once and keeps, per vote, the probability that it was
not copied. Only what the pairs of sources share crosses shards: per pair of sources,
counts (facts shared, facts shared that are now judged true, answers that differ), all
whole numbers, so adding them up shard by shard is exact. Two sources may share a
fact in one shard and only questions in another: the driver first gathers the pairs
that share a fact anywhere, then each shard counts its common questions for those.
The dependence of each pair of sources is worked out where the counts meet; each
shard then discounts its own votes. With the local engine there is one shard: the
same code, in this process.

Examples
--------
>>> import numpy as np
>>> from reconcile.engines import LocalEngine
>>> s, f, w = np.array([0, 1, 2]), np.array([0, 0, 1]), np.ones(3)
>>> votes = CopyVotes(s, f, w, question=np.array([0, 0]), n_q=np.array([1.0]),
...                   n_sources=3, engine=LocalEngine(), detect=True)
>>> votes.n_pairs  # sources 0 and 1 share fact 0
1
>>> votes.strength(np.array([0.8, 0.8, 0.5]), np.array([1.0, 1.0])).round(3)
array([2.773, 0.   ])
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any, cast

import attrs
import numpy as np

from reconcile.engines import Engine
from reconcile.scoring.totals import cut_groups, key_total
from reconcile.scoring.votes import FloatArray, IntArray

__all__ = ["CopyVotes"]

_PAIR_CHUNK = 1 << 22
"""Vote pairs made at once while counting a question's pairs: bounds the memory of
copy detection when a question gathers thousands of votes."""


def _pairs_in_groups(
    group: IntArray, source: IntArray, max_pairs: int = _PAIR_CHUNK
) -> Iterator[tuple[IntArray, IntArray]]:
    """Chunks ``(i, j)`` of every pair of positions i < j (into `group`) that share a
    group, ordered by group then source, at most about `max_pairs` pairs a chunk."""
    order = np.lexsort((source, group))
    g = group[order]
    # per position in that order, how many later positions share its group
    ends = np.r_[np.flatnonzero(g[1:] != g[:-1]) + 1, len(g)] if len(g) else np.zeros(0, int)
    end_of = np.repeat(ends, np.diff(np.r_[0, ends]))
    count = end_of - np.arange(len(g)) - 1
    cum = np.cumsum(count)
    start = 0
    while start < len(g):
        # the positions whose pairs fit in this chunk (always at least one)
        base = cum[start - 1] if start else 0
        stop = max(int(np.searchsorted(cum, base + max_pairs, side="right")), start + 1)
        rows = np.arange(start, stop)
        n_of = count[rows]
        first = np.repeat(rows, n_of)
        offset = np.repeat(np.cumsum(n_of) - n_of, n_of)
        second = first + 1 + (np.arange(len(first)) - offset)
        if len(first):
            yield order[first], order[second]
        start = stop


class _VotePairs:
    """Pairs of positive votes by two sources on one fact: each pair's vote positions,
    sources and fact, and its pair of sources (``keys``, coded ``min * S + max``, with
    ``n_same``, how many facts the two share)."""

    def __init__(self, s: IntArray, f: IntArray, w: FloatArray, n_sources: int) -> None:
        pos = np.flatnonzero(w > 0)
        src, fact = s[pos], f[pos]
        S = n_sources
        # only pairs that share a value can have a vote discounted: pairs of sources
        # that never agree (most, on sparse data) are never scored
        chunks = list(_pairs_in_groups(fact, src))
        vi = pos[np.concatenate([c[0] for c in chunks])] if chunks else np.zeros(0, np.int64)
        vj = pos[np.concatenate([c[1] for c in chunks])] if chunks else np.zeros(0, np.int64)
        si, sj = s[vi], s[vj]
        self.keys, self.inverse = np.unique(np.minimum(si, sj) * S + np.maximum(si, sj),
                                            return_inverse=True)  # fmt: skip
        self.n_same = np.bincount(self.inverse, minlength=len(self.keys)).astype(np.float64)
        self.fi = f[vi]
        self.vi, self.vj = vi, vj
        self.si, self.sj = si, sj

    def __len__(self) -> int:
        return len(self.vi)


def _common_questions(
    s: IntArray, f: IntArray, w: FloatArray, question: IntArray, n_q: FloatArray,
    n_sources: int, keys: IntArray,
) -> tuple[IntArray | None, FloatArray, FloatArray, FloatArray]:  # fmt: skip
    """For the pairs of sources `keys` (those that share a fact anywhere), from every
    pair of their positive votes on a common question here: how many answers differ,
    how many pairs there are, and the total number of false values of those questions
    (whole numbers). Returned for the keys met here (their positions into `keys`), or
    for all of them (positions None) when all were met."""
    pos = np.flatnonzero(w > 0)
    src, fact = s[pos], f[pos]
    m, S = len(keys), n_sources
    got = (np.zeros(m), np.zeros(m), np.zeros(m))
    if m:
        fact_question = question[fact]
        for a, b in _pairs_in_groups(fact_question, src):
            key = np.minimum(src[a], src[b]) * S + np.maximum(src[a], src[b])
            at = np.minimum(np.searchsorted(keys, key), m - 1)
            hit = keys[at] == key
            at, a, b = at[hit], a[hit], b[hit]
            # added in place, one count at a time: each is as long as `keys`
            for total, count in zip(got, _question_counts(fact, fact_question, n_q, a, b, at, m)):
                total += count
                del count  # before the next is made
    kd, both, n = got
    met = np.flatnonzero(both)
    if len(met) == m:
        return None, kd, both, n
    return met, kd[met], both[met], n[met]


def _question_counts(fact: IntArray, question: IntArray, n_q: FloatArray, a: IntArray,
                     b: IntArray, at: IntArray, n: int) -> Iterator[FloatArray]:  # fmt: skip
    """Per pair of sources (`at`: the pair of each pair of votes `a`, `b` on a common
    question), how many answers differ, how many there are, and the total number of
    false values: one at a time, each as long as the pairs of sources."""
    yield key_total((fact[a] != fact[b]).astype(np.float64), at, n)
    yield key_total(np.ones(len(at)), at, n)
    yield key_total(n_q[question[a]], at, n)


def _sorted_unique(x: IntArray) -> IntArray:
    """The distinct values of `x`, ascending (by a sort: numpy's hashing unique was
    several times slower on these keys)."""
    x = np.sort(x)
    out: IntArray = x[np.r_[True, x[1:] != x[:-1]]] if len(x) else x
    return out


@attrs.frozen
class _Shard:
    """The votes of whole questions (in their original order), the facts they are on,
    the chance each vote was not copied, and the shard's pairs."""

    s: IntArray
    f: IntArray
    w: FloatArray
    facts: IntArray
    local: IntArray
    """Each vote's fact as a position in `facts`."""
    independent: FloatArray
    pairs: _VotePairs | None


def _make_shard(s: IntArray, f: IntArray, w: FloatArray, n_facts: int, n_sources: int,
                detect: bool, whole: bool) -> _Shard:  # fmt: skip
    """A shard of these votes (`whole`: they are all the votes), with its vote pairs."""
    if whole:  # every fact is here: its own position
        facts, local = np.arange(n_facts), f
    else:
        facts, local = np.unique(f, return_inverse=True)
    pairs = _VotePairs(s, f, w, n_sources) if detect else None
    return _Shard(s, f, w, facts, local, np.ones(len(s)), pairs)


def _pair_keys(shard: _Shard) -> tuple[IntArray, FloatArray]:
    """The shard's pairs of sources that share a fact, and how many facts each shares."""
    p = shard.pairs
    assert p is not None  # made only when copies are detected
    return p.keys, p.n_same


def _shard_common_questions(
    shard: _Shard, keys: IntArray, question: IntArray, n_q: FloatArray, n_sources: int
) -> tuple[IntArray | None, FloatArray, FloatArray, FloatArray]:
    """:func:`_common_questions` over the shard's votes (run where the shard is)."""
    return _common_questions(shard.s, shard.f, shard.w, question, n_q, n_sources, keys)


def _value(x: Any) -> Any:
    """The value itself (to fetch a result that is small enough to bring back whole)."""
    return x


def _shard_strength(a: FloatArray, n_false: FloatArray, item: _Shard) -> FloatArray:
    """Per fact of the shard, the total of its votes' ACCU strength."""
    s, w = item.s, item.w
    strength = w * np.log(n_false[item.f] * a[s] / (1 - a[s])) * item.independent
    return key_total(strength, item.local, len(item.facts))


def _shard_true_shared(fact: FloatArray, item: _Shard) -> FloatArray:
    """Per pair of sources of the shard, how many facts they share that are judged true."""
    p = item.pairs
    assert p is not None
    true = np.bincount(p.inverse, weights=fact[p.fi] >= 0.5, minlength=len(p.keys))
    return cast(FloatArray, true)  # float64: weighted


def _shard_discount(shard: _Shard, p_dep: FloatArray, accuracy: FloatArray, c: float) -> _Shard:
    """The shard with each vote's chance of not being copied moved halfway to what the
    pairs' dependence `p_dep` (per pair of the shard's sources) now says."""
    p = shard.pairs
    assert p is not None
    # discount the later voter of a shared fact (rank: more accurate first, then id)
    a_i, a_j = accuracy[p.si], accuracy[p.sj]
    j_later = (a_j < a_i) | ((a_j == a_i) & (p.sj > p.si))
    later = np.where(j_later, p.vj, p.vi)
    # the product of the discounts per vote, as a sum of logs (one bincount)
    log_kept = np.log1p(-c * p_dep[p.inverse])
    found = np.exp(np.bincount(later, weights=log_kept, minlength=len(shard.s)))
    # damped: copy detection and accuracy feed each other and can oscillate
    return attrs.evolve(shard, independent=0.5 * shard.independent + 0.5 * found)


class CopyVotes:
    """ACCU's votes, cut into shards of whole questions where `engine` works.

    Parameters
    ----------
    s, f, w : arrays
        Each vote's source, fact and weight.
    question : array
        Each fact's question.
    n_q : array
        Each question's number of false values (``n`` in ACCU).
    n_sources : int
        How many sources.
    engine : Engine
        Where the shards are kept; the local engine keeps one.
    detect : bool
        Pair the votes to detect copying.
    shard_size : int, optional
        About how many votes a shard holds (default: all in one).
    """

    def __init__(self, s: IntArray, f: IntArray, w: FloatArray, *, question: IntArray,
                 n_q: FloatArray, n_sources: int, engine: Engine, detect: bool,
                 shard_size: int | None = None) -> None:  # fmt: skip
        self.engine, self.n_facts, self.n_sources = engine, len(question), n_sources
        whole = shard_size is None or len(s) <= shard_size
        # one shard takes the votes as they are (no copy, no reordering: a shard's
        # order only has to keep each fact's votes in their order)
        cuts = [] if whole else cut_groups(question[f], shard_size or 1)
        # a generator: each shard's copy of its votes is let go once it is sent
        pieces = iter([(s, f, w)]) if whole else ((s[pos], f[pos], w[pos]) for pos in cuts)
        self._handles = [engine.run(_make_shard, s=ps, f=pf, w=pw, n_facts=len(question),
                                    n_sources=n_sources, detect=detect, whole=whole)
                         for ps, pf, pw in pieces]  # fmt: skip
        self._sizes = [len(s)] if whole else [len(pos) for pos in cuts]
        # where each shard's facts and pairs of sources sit in the whole's arrays (for
        # one shard, everywhere: no index to look up)
        self._facts: list[IntArray | slice] = (
            [slice(None)] if whole else [_sorted_unique(f[pos]) for pos in cuts]
        )
        self.n_pairs = 0
        self._index: list[IntArray | slice] = []
        if not detect:
            return
        shared = [engine.fetch(_pair_keys, h) for h in self._handles]
        if whole:
            keys, self.n_same = shared[0]
            self._index = [slice(None)]
        else:
            keys = _sorted_unique(np.concatenate([k for k, _ in shared]))
            self._index = [np.searchsorted(keys, k) for k, _ in shared]
            self.n_same = np.zeros(len(keys))
            for at, (_k, same) in zip(self._index, shared):
                self.n_same[at] += same  # whole numbers: exact in any order of shards
        del shared
        # the questions two sources share count in every shard, also where they share
        # no fact: each shard counts them for the pairs that share one anywhere
        everywhere = engine.put(keys)
        self.kd, total, n = np.zeros(len(keys)), np.zeros(len(keys)), np.zeros(len(keys))
        for h in self._handles:
            found = engine.run(_shard_common_questions, shard=h, keys=everywhere,
                               question=question, n_q=n_q, n_sources=n_sources)  # fmt: skip
            met, kd, both, nn = engine.fetch(_value, found)
            where = slice(None) if met is None else met
            self.kd[where] += kd
            total[where] += both
            n[where] += nn
            del found, kd, both, nn
        del everywhere
        m = len(keys)
        self.first, self.second = keys // max(n_sources, 1), keys % max(n_sources, 1)
        if len(n_q) and bool(np.all(n_q == n_q[0])):
            # one number of false values for every question (ACCU's `n_false`): its
            # mean is itself, exactly, where a sum of fractions would round by shard
            self.n = np.full(m, max(float(n_q[0]), 1.0))
        else:
            self.n = np.maximum(n / np.maximum(total, 1.0), 1.0)
        self.n_pairs = int(self.n_same.sum())

    def strength(self, a: FloatArray, n_false: FloatArray) -> FloatArray:
        """Per fact, the total of ``w ln(n A / (1 - A)) I`` over its votes, for the
        sources' accuracies `a`, each fact's number of false values `n_false` and each
        vote's chance `I` of not being copied."""
        parts = self.engine.map(_shard_strength, {"a": a, "n_false": n_false}, self._handles,
                                self._sizes)  # fmt: skip
        out = np.zeros(self.n_facts)
        for facts, part in zip(self._facts, parts):
            out[facts] = part
        return out

    def discount(self, fact: FloatArray, accuracy: FloatArray, c: float, alpha: float,
                 true_weight: float) -> None:  # fmt: skip
        """Move each vote's chance of not being copied halfway to what the fact scores
        and the sources' accuracy now say about each pair of sources."""
        if self.n_pairs == 0:
            return  # no vote can be a copy: every chance stays 1
        parts = self.engine.map(_shard_true_shared, {"fact": fact}, self._handles, self._sizes)
        if len(parts) == 1:
            kt = parts[0]
        else:
            kt = np.zeros(len(self.n_same))
            for at, part in zip(self._index, parts):
                kt[at] += part
        p_dep = _dependence(self, kt, accuracy, c, alpha, true_weight)
        self._handles = [self.engine.run(_shard_discount, shard=h, p_dep=p_dep[at],
                                         accuracy=accuracy, c=c)
                         for h, at in zip(self._handles, self._index)]  # fmt: skip


def _dependence(votes: CopyVotes, kt: FloatArray, accuracy: FloatArray, c: float, alpha: float,
                true_weight: float) -> FloatArray:  # fmt: skip
    """Per pair of sources, the probability that one copies the other, by Bayes' rule
    over the facts they share (`kt` of them true) and the answers where they differ."""
    kf = votes.n_same - kt
    a = accuracy[votes.first]
    a += accuracy[votes.second]
    a *= 0.5
    np.clip(a, 0.01, 0.99, out=a)
    # Shared true values are what accurate independent sources share too: only shared
    # false values (likely under copying, rare without) and disagreements (impossible
    # for a faithful copy) move the posterior, as Dong et al. stress. A shared false
    # value is (1 - a) c + pf (1 - c) likely under dependence against pf = (1 - a)^2 / n
    # without; the ratio is c n / (1 - a) + 1 - c. (In place: these arrays hold one
    # entry per pair of sources, millions on big inputs.)
    shared_false = c * votes.n / (1.0 - a)
    shared_false += 1.0 - c
    np.log(shared_false, out=shared_false)
    shared_false *= kf
    shared_true = c / a
    shared_true += 1.0 - c
    np.log(shared_true, out=shared_true)
    shared_true *= true_weight * kt
    log_ratio = shared_false
    log_ratio += shared_true
    log_ratio += votes.kd * math.log(1 - c) + math.log(alpha / (1 - alpha))
    np.clip(log_ratio, -50, 50, out=log_ratio)
    out: FloatArray = 1.0 / (1.0 + np.exp(-log_ratio))
    return out
