"""ACCU's votes and copy detection, over shards of whole questions kept on an engine.

Copy detection (Dong, Berti-Equille & Srivastava, VLDB 2009) pairs the votes of two
sources on one fact, and their answers to one question. Every such pair lies within a
question, so the votes are cut into shards of whole questions (:class:`CopyVotes`);
each shard pairs its own votes once and keeps, per vote, the probability that it was
not copied. Only what the pairs of sources share crosses shards: per pair of sources,
counts (facts shared, facts shared that are now judged true, answers that differ), all
whole numbers, so adding them up shard by shard is exact. They meet in parts of the
pairs of sources (:class:`_PairPart`, about the square root of the number of shards
of them, a pair going to its code modulo that number), which also live where the
engine works: no array per pair of sources sits on the driver. Two sources may share
a fact in one shard and only questions in another: the parts first gather the pairs
that share a fact anywhere, then each shard counts its common questions for those.
Each part works out its pairs' dependence; each shard then discounts its own votes.
With the local engine there is one shard and one part: the same code, in this
process.

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

_TIE_WIDTH = 1e-3
"""How close two dependent sources' accuracies are before they share the discount of
their common votes instead of the less accurate one taking it all. With a hard switch
the discount jumped whenever two copies' accuracies crossed, and on crowd_dog ACCU went
round a cycle of period 5 to 10 without converging; 1e-3 ends it (24 rounds) and leaves
every accuracy on the fusion sets as it was. Wider shares do worse: at 1e-2 Book no
longer converges in 100 rounds (0.930), at 5e-2 its accuracy falls to 0.69."""

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
    ``n_same``, how many facts the two share). With `parts` > 1, ``by_part`` holds
    the positions in ``keys`` of the pairs of sources of each part (code modulo
    `parts`), found once for every round."""

    def __init__(self, s: IntArray, f: IntArray, w: FloatArray, n_sources: int,
                 parts: int) -> None:  # fmt: skip
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
        self.by_part = None
        if parts > 1:
            part_of = self.keys % parts
            self.by_part = [np.flatnonzero(part_of == j) for j in range(parts)]

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
                detect: bool, whole: bool, parts: int) -> _Shard:  # fmt: skip
    """A shard of these votes (`whole`: they are all the votes), with its vote pairs
    (their pairs of sources cut into `parts`)."""
    if whole:  # every fact is here: its own position
        facts, local = np.arange(n_facts), f
    else:
        facts, local = np.unique(f, return_inverse=True)
    pairs = _VotePairs(s, f, w, n_sources, parts) if detect else None
    return _Shard(s, f, w, facts, local, np.ones(len(s)), pairs)


def _split(shard: _Shard, x: Any) -> list[Any]:
    """`x` (one entry per pair of sources of the shard) cut by part, in its order."""
    p = shard.pairs
    assert p is not None  # made only when copies are detected
    return [x] if p.by_part is None else [x[at] for at in p.by_part]


def _pair_pieces(shard: _Shard) -> list[tuple[IntArray, FloatArray]]:
    """Per part, the shard's pairs of sources that share a fact and how many they share."""
    p = shard.pairs
    assert p is not None
    return list(zip(_split(shard, p.keys), _split(shard, p.n_same)))


def _item(x: Any, k: int) -> Any:
    """``x[k]`` (one part of a result cut by part, where it was made)."""
    return x[k]


@attrs.frozen
class _PairPart:
    """One part of the pairs of sources that share a fact somewhere: those whose code
    ``min * S + max`` is the part's number modulo the number of parts, with what the
    shards found of them. The parts live where the engine works, so that no array
    per pair of sources has to sit in one place."""

    keys: IntArray
    """The pairs' codes, ascending."""
    index: list[IntArray | slice]
    """Per shard, where its pairs of this part sit in `keys`."""
    n_same: FloatArray
    """Per pair, how many facts the two share."""
    kd: FloatArray
    """Per pair, on how many common questions their answers differ."""
    n: FloatArray
    """Per pair, the mean number of false values of their common questions."""
    n_sources: int


def _new_part(pieces: list[tuple[IntArray, FloatArray]], n_sources: int) -> _PairPart:
    """A part from each shard's pieces of it: the pairs, and how many facts each shares."""
    if len(pieces) == 1:  # one shard: its pairs as they are
        keys, n_same = pieces[0]
        index: list[IntArray | slice] = [slice(None)]
    else:
        keys = _sorted_unique(np.concatenate([k for k, _ in pieces]))
        index = [np.searchsorted(keys, k) for k, _ in pieces]
        n_same = np.zeros(len(keys))
        for at, (_k, same) in zip(index, pieces):
            n_same[at] += same  # whole numbers: exact in any order of shards
    none = np.zeros(0)
    return _PairPart(keys, index, n_same, none, none, n_sources)


def _part_keys(part: _PairPart) -> IntArray:
    """The part's pairs of sources (sent to every shard, to count common questions)."""
    return part.keys


def _shard_common_questions(shard: _Shard, keys: list[IntArray], question: IntArray,
                            n_q: FloatArray, n_sources: int) -> list[Any]:  # fmt: skip
    """Per part (`keys`: each part's pairs), :func:`_common_questions` over the
    shard's votes for those pairs: the positions met in the part's keys and their
    counts (run where the shard is)."""
    parts = len(keys)
    every = keys[0] if parts == 1 else _sorted_unique(np.concatenate(keys))
    met, kd, both, n = _common_questions(shard.s, shard.f, shard.w, question, n_q, n_sources,
                                         every)  # fmt: skip
    met_keys = every if met is None else every[met]
    if parts == 1:
        return [(met, kd, both, n)]
    part_of = met_keys % parts
    out = []
    for j, part_keys in enumerate(keys):
        sel = part_of == j
        out.append((np.searchsorted(part_keys, met_keys[sel]), kd[sel], both[sel], n[sel]))
    return out


def _add_common(part: _PairPart, found: list[Any], n_false: float | None) -> _PairPart:
    """The part with the shards' counts of common questions added up (whole numbers:
    exact in any order), and each pair's number of false values: `n_false` when one
    holds for every question, else the mean over the pair's common questions."""
    m = len(part.keys)
    kd, total, n = np.zeros(m), np.zeros(m), np.zeros(m)
    for met, d, both, nn in found:
        where = slice(None) if met is None else met
        kd[where] += d
        total[where] += both
        n[where] += nn
    if n_false is not None:
        # (its mean is itself, exactly, where a sum of fractions would round by shard)
        n = np.full(m, max(n_false, 1.0))
    else:
        n = np.maximum(n / np.maximum(total, 1.0), 1.0)
    return attrs.evolve(part, kd=kd, n=n)


def _pairs_shared(part: _PairPart) -> int:
    """How many (pair of sources, fact) pairs the part counts."""
    return int(part.n_same.sum())


def _shard_strength(a: FloatArray, n_false: FloatArray, item: _Shard) -> FloatArray:
    """Per fact of the shard, the total of its votes' ACCU strength."""
    s, w = item.s, item.w
    strength = w * np.log(n_false[item.f] * a[s] / (1 - a[s])) * item.independent
    return key_total(strength, item.local, len(item.facts))


def _shard_true_shared(shard: _Shard, fact: FloatArray) -> list[FloatArray]:
    """Per part, for the shard's pairs of sources in it, how many facts they share
    that are judged true."""
    p = shard.pairs
    assert p is not None
    # (the test per fact, then gathered per pair of votes: one byte each, not eight)
    true = np.bincount(p.inverse, weights=(fact >= 0.5)[p.fi], minlength=len(p.keys))
    return _split(shard, cast(FloatArray, true))  # float64: weighted


def _part_dependence(part: _PairPart, true_shared: list[FloatArray], accuracy: FloatArray,
                     c: float, alpha: float, true_weight: float) -> FloatArray:  # fmt: skip
    """Per pair of the part, the probability that one copies the other, from the
    shards' counts of shared facts judged true."""
    if len(true_shared) == 1:
        kt = true_shared[0]
    else:
        kt = np.zeros(len(part.keys))
        for at, piece in zip(part.index, true_shared):
            kt[at] += piece  # whole numbers: exact in any order of shards
    return _dependence(part, kt, accuracy, c, alpha, true_weight)


def _part_pick(p_dep: FloatArray, part: _PairPart, shard: int) -> FloatArray:
    """The dependence of the pairs one shard has in this part."""
    at = part.index[shard]
    return p_dep if isinstance(at, slice) else p_dep[at]


def _shard_discount(shard: _Shard, p_dep: list[FloatArray], accuracy: FloatArray,
                    c: float) -> _Shard:  # fmt: skip
    """The shard with each vote's chance of not being copied moved halfway to what the
    pairs' dependence now says (`p_dep`: per part, for the shard's pairs in it)."""
    p = shard.pairs
    assert p is not None
    if p.by_part is None:
        dep = p_dep[0]
    else:
        dep = np.empty(len(p.keys))
        for at, piece in zip(p.by_part, p_dep):
            dep[at] = piece
    # discount the later voter of a shared fact (the less accurate one); two voters
    # whose accuracies lie within a few _TIE_WIDTH of each other share the discount,
    # by a logistic of the difference, so that it moves smoothly as accuracies cross
    diff = accuracy[p.si] - accuracy[p.sj]
    share_j = (diff > 0).astype(np.float64)
    near = np.flatnonzero(np.abs(diff) < 40 * _TIE_WIDTH)
    share_j[near] = 1.0 / (1.0 + np.exp(-diff[near] / _TIE_WIDTH))
    # the product of the discounts per vote, as a sum of logs
    log_kept = np.log1p(-c * dep)[p.inverse]  # per pair of sources, then per pair of votes
    total = np.bincount(p.vj, weights=log_kept * share_j, minlength=len(shard.s))
    total += np.bincount(p.vi, weights=log_kept * (1.0 - share_j), minlength=len(shard.s))
    found = np.exp(total)
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
        # The pairs of sources are cut into parts, each kept where the engine works:
        # this process holds no array per pair. A round moves a piece from every
        # shard to every part and back, so there are about the square root of the
        # number of shards of them.
        P = max(1, round(math.sqrt(len(cuts))))
        self._handles = [engine.run(_make_shard, s=ps, f=pf, w=pw, n_facts=len(question),
                                    n_sources=n_sources, detect=detect, whole=whole,
                                    parts=P)
                         for ps, pf, pw in pieces]  # fmt: skip
        self._sizes = [len(s)] if whole else [len(pos) for pos in cuts]
        # where each shard's facts sit in the whole's arrays (for one shard,
        # everywhere: no index to look up)
        self._facts: list[IntArray | slice] = (
            [slice(None)] if whole else [_sorted_unique(f[pos]) for pos in cuts]
        )
        self.n_pairs = 0
        self._parts: list[Any] = []
        if not detect:
            return
        cut = [engine.run(_pair_pieces, shard=h) for h in self._handles]
        self._parts = [engine.run(_new_part, n_sources=n_sources,
                                  pieces=[engine.run(_item, x=x, k=j) for x in cut])
                       for j in range(P)]  # fmt: skip
        del cut
        # the questions two sources share count in every shard, also where they share
        # no fact: each shard counts them for the pairs that share one anywhere
        keys = [engine.run(_part_keys, part=part) for part in self._parts]
        counts = [engine.run(_shard_common_questions, shard=h, keys=keys, question=question,
                             n_q=n_q, n_sources=n_sources) for h in self._handles]  # fmt: skip
        one_n = len(n_q) > 0 and bool(np.all(n_q == n_q[0]))
        n_false = float(n_q[0]) if one_n else None
        self._parts = [engine.run(_add_common, part=part, n_false=n_false,
                                  found=[engine.run(_item, x=x, k=j) for x in counts])
                       for j, part in enumerate(self._parts)]  # fmt: skip
        del keys, counts
        self.n_pairs = sum(engine.fetch(_pairs_shared, part) for part in self._parts)

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
        engine = self.engine
        fact_at, accuracy_at = engine.put(fact), engine.put(accuracy)
        true = [engine.run(_shard_true_shared, shard=h, fact=fact_at) for h in self._handles]
        deps = [engine.run(_part_dependence, part=part, accuracy=accuracy_at, c=c, alpha=alpha,
                           true_weight=true_weight,
                           true_shared=[engine.run(_item, x=x, k=j) for x in true])
                for j, part in enumerate(self._parts)]  # fmt: skip
        self._handles = [
            engine.run(_shard_discount, shard=h, accuracy=accuracy_at, c=c,
                       p_dep=[engine.run(_part_pick, p_dep=dep, part=part, shard=i)
                              for dep, part in zip(deps, self._parts)])
            for i, h in enumerate(self._handles)
        ]  # fmt: skip


def _dependence(part: _PairPart, kt: FloatArray, accuracy: FloatArray, c: float, alpha: float,
                true_weight: float) -> FloatArray:  # fmt: skip
    """Per pair of sources, the probability that one copies the other, by Bayes' rule
    over the facts they share (`kt` of them true) and the answers where they differ."""
    kf = part.n_same - kt
    S = max(part.n_sources, 1)
    a = accuracy[part.keys // S]
    a += accuracy[part.keys % S]
    a *= 0.5
    np.clip(a, 0.01, 0.99, out=a)
    # Shared true values are what accurate independent sources share too: only shared
    # false values (likely under copying, rare without) and disagreements (impossible
    # for a faithful copy) move the posterior, as Dong et al. stress. A shared false
    # value is (1 - a) c + pf (1 - c) likely under dependence against pf = (1 - a)^2 / n
    # without; the ratio is c n / (1 - a) + 1 - c. (In place: these arrays hold one
    # entry per pair of sources, millions on big inputs.)
    shared_false = c * part.n / (1.0 - a)
    shared_false += 1.0 - c
    np.log(shared_false, out=shared_false)
    shared_false *= kf
    shared_true = c / a
    shared_true += 1.0 - c
    np.log(shared_true, out=shared_true)
    shared_true *= true_weight * kt
    log_ratio = shared_false
    log_ratio += shared_true
    log_ratio += part.kd * math.log(1 - c) + math.log(alpha / (1 - alpha))
    np.clip(log_ratio, -50, 50, out=log_ratio)
    out: FloatArray = 1.0 / (1.0 + np.exp(-log_ratio))
    return out
