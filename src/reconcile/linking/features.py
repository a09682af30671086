"""Pair features for linking, computed as arrays over many pairs at once.

:func:`prepare` analyses each claim once (terms, TF-IDF vector, cues, clauses);
:func:`pair_features` turns index arrays of pairs into a feature matrix. Per-claim
work is Python; per-pair work is numpy and rapidfuzz ``cpdist``, with Python loops
only over the small subsets of pairs that need them (long texts, mixed clauses,
numbers, dates and antonyms).
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

import attrs
import numpy as np
from numpy.typing import NDArray
from rapidfuzz.process import cpdist

from reconcile.model import Claim, Stance
from reconcile.text.cues import Cues, analyse, antonym_pairs, clauses
from reconcile.text.tokens import content_terms, sentences, stem, tokens

__all__ = [
    "FEATURES",
    "LEXICAL_DIM",
    "PairEvidence",
    "Prepared",
    "TextPart",
    "analyse_texts",
    "combine_parts",
    "containment",
    "pair_dot",
    "pair_evidence",
    "pair_features",
    "pair_words",
    "prepare",
    "prepare_texts",
    "shares_rarest",
    "stance_flags",
    "weighted_overlap",
]

FEATURES = (
    "fuzz",
    "cosine",
    "containment",
    "weighted_overlap",
    "polarity_differs",
    "negation",
    "denial",
    "hedge",
    "hedge_density",
    "denial_density",
    "number_mismatch",
    "number_match",
    "date_mismatch",
    "antonym",
    "short_pair",
    "report_density",
    "question",
    "shares_rarest",
)
"""Names of the columns :func:`pair_features` returns, in order."""

GATE_ONLY = ("shares_rarest",)
"""Columns the Linker's gates read but its models do not."""

SHORT_TERMS = 15
"""Pairs of single sentences with at most this many content terms each are *short*:
headline-like claims, for which linking requires a closer match (see Linker)."""

LONG_TERMS = 40
"""Texts with more content terms than this (or more than one sentence) are documents,
read sentence by sentence."""

_CUE_CHUNK = 20_000  # claims whose Cues objects are alive at once in prepare()

LEXICAL_DIM = 1024
"""Hash buckets for the words that one side of a pair has and the other lacks."""

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


@attrs.frozen
class Prepared:
    """Per-claim analysis of a collection of text claims."""

    texts: list[str]
    segments: dict[int, list[tuple[str, Cues]]]
    """Sentences (long texts) or clauses (short texts whose clauses disagree in polarity)."""
    vocab: dict[str, int]
    idf: FloatArray
    ptr: IntArray
    """CSR row pointers: claim i's terms are ``idx[ptr[i]:ptr[i+1]]`` (sorted ids)."""
    idx: IntArray
    tfidf: FloatArray
    """L2-normalised TF-IDF weights aligned with `idx`."""
    n_terms: IntArray
    polarity: NDArray[np.int8]
    hedged: NDArray[np.bool_]
    long: NDArray[np.bool_]
    short: NDArray[np.bool_]
    """Headline-like: one sentence of at most SHORT_TERMS terms."""
    mass: FloatArray
    """Sum of the IDF of each claim's terms (the denominator of weighted overlap)."""
    hedge_density: FloatArray
    denial_density: FloatArray
    report_density: FloatArray
    flags: NDArray[np.bool_]
    """Per claim: negation, denial, question mark, has numbers, has dates, has antonym
    terms, needs the slow path (segmented, or too many numbers or antonym terms)."""
    date_mask: IntArray
    num_unit: IntArray
    num_val: FloatArray
    """Up to two (unit id, value) quantities per claim, unit -1 where none."""
    ant_term: IntArray
    """The claim's one antonym-lexicon term id, or -1."""
    term_bucket: IntArray
    """The hash bucket of each vocabulary term (see :func:`pair_words`)."""
    rarest: IntArray
    """Each claim's rarest term (fewest claims have it; ties: the lower id), or -1."""

    def cue(self, i: int) -> Cues:
        """The cues of claim i's text, from :func:`analyse` (which caches recent texts):
        kept for every claim they would cost more memory than all the arrays here."""
        return analyse(self.texts[i])


def _segments(text: str, long: bool) -> list[tuple[str, Cues]]:
    parts = sentences(text) if long else clauses(text)
    return [(p, analyse(p)) for p in parts]


def prepare(claims: Sequence[Claim]) -> Prepared:
    """Analyse text claims once: terms, IDF over this collection, TF-IDF, cues.

    Examples
    --------
    >>> p = prepare([Claim("Talks made progress", source="a"), Claim("No progress", source="b")])
    >>> sorted(p.vocab), p.polarity.tolist()
    (['mad', 'progress', 'talk'], [1, -1])
    """
    denies, hedged = stance_flags(claims)
    return prepare_texts([c.describe() for c in claims], denies=denies, hedged=hedged)


def stance_flags(claims: Sequence[Claim]) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Which claims are denials and which hedged reports: what text analysis reads of
    a claim besides its text.

    Examples
    --------
    >>> stance_flags([Claim("No", source="a", stance="denies")])[0].tolist()
    [True]
    """
    denies = np.array([c.stance is Stance.DENIES for c in claims], dtype=np.bool_)
    hedged = np.array([c.stance is Stance.HEDGED for c in claims], dtype=np.bool_)
    return denies, hedged


def prepare_texts(
    texts: list[str], *, denies: NDArray[np.bool_], hedged: NDArray[np.bool_]
) -> Prepared:
    """:func:`prepare` from what it reads of the claims: the texts and which claims are
    denials or hedged reports (so a worker can do it without the Claim objects).

    Examples
    --------
    >>> p = prepare_texts(["Talks made progress", "Talks made progress"],
    ...                   denies=np.array([False, True]), hedged=np.array([False, False]))
    >>> p.polarity.tolist()
    [1, -1]
    """
    return combine_parts([analyse_texts(texts, denies=denies, hedged=hedged)])


class TextPart(NamedTuple):
    """Consecutive claims of a collection analysed on their own: everything of
    :class:`Prepared` that does not depend on the rest of the collection.

    Terms and units of quantities are numbered within the part, in order of first use;
    :func:`combine_parts` renumbers them over the whole collection.
    """

    texts: list[str]
    terms: list[str]
    idx: IntArray
    """Each claim's term ids, sorted within the claim (CSR by `n_terms`)."""
    tf: FloatArray
    n_terms: IntArray
    long: NDArray[np.bool_]
    segments: dict[int, list[tuple[str, Cues]]]
    polarity: NDArray[np.int8]
    hedged: NDArray[np.bool_]
    densities: FloatArray
    """Hedge, denial and report density per claim (three columns)."""
    flags: NDArray[np.bool_]
    date_mask: IntArray
    units: list[str]
    num_unit: IntArray
    num_val: FloatArray
    ant_term: IntArray


def analyse_texts(
    texts: list[str], *, denies: NDArray[np.bool_], hedged: NDArray[np.bool_]
) -> TextPart:
    """The part of :func:`prepare_texts` each claim can do alone (pieces of a large
    collection can be analysed in parallel, then joined by :func:`combine_parts`).

    Examples
    --------
    >>> part = analyse_texts(["Talks made progress", "No progress"],
    ...                      denies=np.zeros(2, dtype=bool), hedged=np.zeros(2, dtype=bool))
    >>> part.terms, part.idx.tolist(), part.n_terms.tolist()
    (['talk', 'mad', 'progress'], [0, 1, 2, 2], [3, 1])
    """
    n = len(texts)
    vocab: dict[str, int] = {}
    rows: list[list[int]] = []
    counts: list[list[int]] = []
    for text in texts:
        freq = Counter(vocab.setdefault(term, len(vocab)) for term in content_terms(text))
        ids = sorted(freq)
        rows.append(ids)
        counts.append([freq[i] for i in ids])
    n_terms = np.fromiter((len(r) for r in rows), dtype=np.int64, count=n)
    total = int(n_terms.sum())
    idx = np.fromiter((t for r in rows for t in r), dtype=np.int64, count=total)
    tf = np.fromiter((c for r in counts for c in r), dtype=np.float64, count=total)
    del rows, counts
    # a document (several sentences, or a long one) is read sentence by sentence
    long = np.array(
        [n_terms[i] > LONG_TERMS or len(sentences(t)) > 1 for i, t in enumerate(texts)],
        dtype=np.bool_,
    )
    # the cues, a chunk of claims at a time: each claim's Cues object is turned into
    # array entries and let go (see Prepared.cue)
    segments: dict[int, list[tuple[str, Cues]]] = {}
    cue_parts: list[tuple[Any, ...]] = []
    units: dict[str, int] = {}
    for lo in range(0, n, _CUE_CHUNK):
        cues = [analyse(t) for t in texts[lo : lo + _CUE_CHUNK]]
        for k, cue in enumerate(cues):
            i = lo + k
            if long[i]:
                segments[i] = _segments(texts[i], True)
            elif cue.negations or cue.denials:
                parts = _segments(texts[i], False)
                if len({p[1].polarity for p in parts}) > 1:
                    segments[i] = parts
        flip = np.where(denies[lo : lo + _CUE_CHUNK], -1, 1)
        polarity = (np.array([c.polarity for c in cues], dtype=np.int8) * flip).astype(np.int8)
        is_hedged = np.array([bool(c.hedges) for c in cues], dtype=np.bool_)
        is_hedged |= hedged[lo : lo + _CUE_CHUNK]
        n_sent = np.array(
            [max(len(segments.get(lo + k, ())), 1) for k in range(len(cues))], dtype=np.float64
        )
        densities = np.minimum(
            np.array([(len(c.hedges), len(c.denials), c.reports) for c in cues],
                     dtype=np.float64).reshape(-1, 3) / n_sent[:, None], 1.0,
        )  # fmt: skip
        cue_parts.append((polarity, is_hedged, densities, *_cue_arrays(cues, segments, lo, units)))
    if not cue_parts:
        cue_parts.append((np.zeros(0, dtype=np.int8), np.zeros(0, dtype=np.bool_),
                          np.zeros((0, 3)), *_cue_arrays([], {}, 0, units)))  # fmt: skip
    (polarity, is_hedged, densities, flags, date_mask, num_unit, num_val,
     ant_term) = (np.concatenate(column) for column in zip(*cue_parts))  # fmt: skip
    return TextPart(
        texts=texts, terms=list(vocab), idx=idx, tf=tf, n_terms=n_terms, long=long,
        segments=segments, polarity=polarity, hedged=is_hedged, densities=densities,
        flags=flags, date_mask=date_mask, units=list(units), num_unit=num_unit,
        num_val=num_val, ant_term=ant_term,
    )  # fmt: skip


def _renumber(names: list[str], numbering: dict[str, int]) -> tuple[IntArray, bool]:
    """Collection-wide ids of a part's names (new names numbered in order of first
    use), and whether they are the part's own ids unchanged."""
    ids = np.fromiter((numbering.setdefault(t, len(numbering)) for t in names),
                      dtype=np.int64, count=len(names))  # fmt: skip
    return ids, bool(np.array_equal(ids, np.arange(len(names))))


def combine_parts(parts: Sequence[TextPart]) -> Prepared:
    """Join analysed parts, in order, into the :class:`Prepared` of the whole collection:
    terms renumbered as if the collection had been analysed in one piece, then IDF,
    TF-IDF and the rest of what depends on all claims.

    Examples
    --------
    >>> no = np.zeros(1, dtype=bool)
    >>> whole = prepare_texts(["Talks made progress", "No progress"],
    ...                       denies=np.zeros(2, dtype=bool), hedged=np.zeros(2, dtype=bool))
    >>> joined = combine_parts([analyse_texts(["Talks made progress"], denies=no, hedged=no),
    ...                         analyse_texts(["No progress"], denies=no, hedged=no)])
    >>> joined.idx.tolist() == whole.idx.tolist(), joined.vocab == whole.vocab
    (True, True)
    """
    vocab: dict[str, int] = {}
    units: dict[str, int] = {}
    idx_parts, tf_parts, unit_parts = [], [], []
    segments: dict[int, list[tuple[str, Cues]]] = {}
    offset = 0
    for part in parts:
        ids, same = _renumber(part.terms, vocab)
        if same:
            idx_parts.append(part.idx)
            tf_parts.append(part.tf)
        else:
            # renumbered terms must be sorted again within each claim
            row = np.repeat(np.arange(len(part.n_terms), dtype=np.int64), part.n_terms)
            new = ids[part.idx]
            order = np.lexsort((new, row))
            idx_parts.append(new[order])
            tf_parts.append(part.tf[order])
        unit_ids, same = _renumber(part.units, units)
        if same or not len(unit_ids):
            unit_parts.append(part.num_unit)
        else:
            unit_parts.append(np.where(part.num_unit >= 0, unit_ids[part.num_unit], -1))
        segments.update((offset + i, seg) for i, seg in part.segments.items())
        offset += len(part.n_terms)

    def joined(name: str, empty: Any) -> Any:
        columns = [getattr(part, name) for part in parts]
        return np.concatenate(columns) if columns else empty

    n = offset
    texts = [t for part in parts for t in part.texts]
    n_terms = joined("n_terms", np.zeros(0, dtype=np.int64))
    idx = np.concatenate(idx_parts) if idx_parts else np.zeros(0, dtype=np.int64)
    tf = np.concatenate(tf_parts) if tf_parts else np.zeros(0)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(n_terms, out=ptr[1:])
    df = np.bincount(idx, minlength=len(vocab)).astype(np.float64)
    idf = np.log1p((n + 1.0) / (df + 1.0))
    weights = (1.0 + np.log(tf)) * idf[idx] if len(idx) else tf
    norms = np.sqrt(np.add.reduceat(weights**2, ptr[:-1])) if len(idx) else np.zeros(n)
    if len(idx):
        norms[n_terms == 0] = 1.0
        weights = weights / np.repeat(norms, n_terms)
    densities = joined("densities", np.zeros((0, 3)))
    hedge_density, denial_density, report_density = densities.T.copy()
    idf_terms = idf[idx] if len(idx) else np.zeros(0)
    mass = np.add.reduceat(idf_terms, ptr[:-1]) if len(idx) else np.zeros(n)
    mass[n_terms == 0] = 0.0
    # the first term blocking probes for each claim: fewest claims, then lowest id
    rarest = np.full(n, -1, dtype=np.int64)
    has = n_terms > 0
    if has.any():
        key = df[idx].astype(np.int64) * len(vocab) + idx
        rarest[has] = np.minimum.reduceat(key, ptr[:-1][has]) % len(vocab)
    long = joined("long", np.zeros(0, dtype=np.bool_))
    empty_cues = _cue_arrays([], {}, 0, {})
    return Prepared(
        texts=texts,
        segments=segments,
        vocab=vocab,
        idf=idf,
        ptr=ptr,
        idx=idx,
        tfidf=weights,
        n_terms=n_terms,
        polarity=joined("polarity", np.zeros(0, dtype=np.int8)),
        hedged=joined("hedged", np.zeros(0, dtype=np.bool_)),
        long=long,
        short=~long & (n_terms <= SHORT_TERMS),
        mass=mass,
        hedge_density=hedge_density,
        denial_density=denial_density,
        report_density=report_density,
        flags=joined("flags", empty_cues[0]),
        date_mask=joined("date_mask", empty_cues[1]),
        num_unit=np.concatenate(unit_parts) if unit_parts else empty_cues[2],
        num_val=joined("num_val", empty_cues[3]),
        ant_term=joined("ant_term", empty_cues[4]),
        term_bucket=np.fromiter(map(_bucket, vocab), dtype=np.int64, count=len(vocab)),
        rarest=rarest,
    )


_F_NEG, _F_DEN, _F_ASK, _F_NUM, _F_DATE, _F_ANT, _F_SLOW = range(7)
_DATE_BITS = {
    w: 1 << k
    for k, w in enumerate(
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april june july august september october november december".split()
    )
}


@lru_cache(maxsize=1)
def _antonym_ids() -> tuple[dict[str, int], NDArray[np.int64]]:
    """Ids for the lexicon's terms, and each antonym pair as a sorted-id key."""
    ids: dict[str, int] = {}
    keys = []
    for x, y in sorted(tuple(sorted(pair)) for pair in antonym_pairs()):
        a, b = ids.setdefault(x, len(ids)), ids.setdefault(y, len(ids))
        keys.append((min(a, b), max(a, b)))
    width = max(len(ids), 1)
    return ids, np.array(sorted(a * width + b for a, b in keys), dtype=np.int64)


def _cue_arrays(
    cues: list[Cues],
    segments: dict[int, list[tuple[str, Cues]]],
    offset: int,
    units: dict[str, int],
) -> tuple[NDArray[np.bool_], IntArray, IntArray, FloatArray, IntArray]:
    """Per-claim arrays that let pair cues be compared without a Python loop.

    `cues` are those of claims ``offset, offset + 1, ...``; `units` numbers the units
    of quantities across calls.
    """
    n = len(cues)
    flags = np.zeros((n, 7), dtype=np.bool_)
    date_mask = np.zeros(n, dtype=np.int64)
    num_unit = np.full((n, 2), -1, dtype=np.int64)
    num_val = np.zeros((n, 2), dtype=np.float64)
    ant_term = np.full(n, -1, dtype=np.int64)
    ant_ids, _ = _antonym_ids()
    for i, c in enumerate(cues):
        slow = offset + i in segments
        flags[i, _F_NEG] = bool(c.negations)
        flags[i, _F_DEN] = bool(c.denials)
        flags[i, _F_ASK] = c.questions > 0
        for d in c.dates:
            date_mask[i] |= _DATE_BITS.get(d, 0)
        flags[i, _F_DATE] = bool(c.dates)
        numbers = [(stem(u), v) for v, u in c.numbers if u]
        flags[i, _F_NUM] = bool(numbers)
        if len(numbers) > 2 or len({u for u, _ in numbers}) < len(numbers):
            slow = True
        else:
            for k, (unit, value) in enumerate(numbers):
                num_unit[i, k] = units.setdefault(unit, len(units))
                num_val[i, k] = value
        terms = [ant_ids[t] for t in c.terms if t in ant_ids]
        flags[i, _F_ANT] = bool(terms)
        if len(terms) > 1:
            slow = True
        elif terms:
            ant_term[i] = terms[0]
        flags[i, _F_SLOW] = slow
    return flags, date_mask, num_unit, num_val, ant_term


def containment(p: Prepared, ia: IntArray, ib: IntArray) -> FloatArray:
    """Shared terms over the smaller claim's terms, per pair."""
    shared = pair_dot(p.ptr, p.idx, None, None, ia, ib)
    return shared / np.maximum(np.minimum(p.n_terms[ia], p.n_terms[ib]), 1)


def shares_rarest(p: Prepared, ia: IntArray, ib: IntArray) -> NDArray[np.bool_]:
    """Per pair: whether one claim has the rarest term of the other, the one with the
    smaller IDF mass (either, when the masses are equal).

    The rarest term is what a claim is most specifically about (a name, a place): two
    short claims that share it are about one thing even when they word the rest
    differently; two that share only common words ("killed", "Monday") are not.
    """
    out = np.zeros(len(ia), dtype=np.bool_)
    for x, y in ((ia, ib), (ib, ia)):
        smaller = np.flatnonzero((p.mass[x] <= p.mass[y] + 1e-9) & (p.rarest[x] >= 0))
        out[smaller] |= _has_term(p, y[smaller], p.rarest[x[smaller]])
    return out


def _has_term(p: Prepared, rows: IntArray, terms: IntArray) -> NDArray[np.bool_]:
    """Whether claim ``rows[k]`` has term ``terms[k]``: a binary search per pair, run
    in lockstep over the sorted term ids of each claim."""
    lo, hi = p.ptr[rows].copy(), p.ptr[rows + 1].copy()
    while True:
        active = lo < hi
        if not active.any():
            break
        mid = (lo + hi) // 2
        below = np.zeros(len(rows), dtype=np.bool_)
        below[active] = p.idx[mid[active]] < terms[active]
        lo = np.where(active & below, mid + 1, lo)
        hi = np.where(active & ~below, mid, hi)
    found = lo < p.ptr[rows + 1]
    found[found] = p.idx[lo[found]] == terms[found]
    return found


def weighted_overlap(p: Prepared, ia: IntArray, ib: IntArray) -> FloatArray:
    """IDF mass of the shared terms over the smaller claim's IDF mass, per pair."""
    shared = pair_dot(p.ptr, p.idx, p.idf[p.idx] if len(p.idx) else None, None, ia, ib)
    return shared / np.maximum(np.minimum(p.mass[ia], p.mass[ib]), 1e-9)


def pair_dot(
    ptr: IntArray,
    idx: IntArray,
    val_a: FloatArray | None,
    val_b: FloatArray | None,
    ia: IntArray,
    ib: IntArray,
    *,
    chunk: int = 200_000,
) -> FloatArray:
    """Sum over the terms claims ``ia[k]`` and ``ib[k]`` share of ``val_a * val_b``.

    With both values None it counts shared terms. Works on chunks of pairs to bound
    memory; each chunk is one sort (no Python loop over pairs).

    Examples
    --------
    >>> ptr = np.array([0, 2, 4]); idx = np.array([0, 1, 1, 2])
    >>> pair_dot(ptr, idx, None, None, np.array([0]), np.array([1])).tolist()
    [1.0]
    """
    out = np.zeros(len(ia), dtype=np.float64)
    lengths = np.diff(ptr)
    for start in range(0, len(ia), chunk):
        a = ia[start : start + chunk]
        b = ib[start : start + chunk]
        ka, va = _expand(ptr, idx, val_a, lengths, a)
        kb, vb = _expand(ptr, idx, val_b, lengths, b)
        _, pa, pb = np.intersect1d(ka, kb, assume_unique=True, return_indices=True)
        pair = ka[pa] // (idx.max(initial=0) + 1)
        out[start : start + len(a)] = np.bincount(pair, weights=va[pa] * vb[pb], minlength=len(a))
    return out


def _expand(
    ptr: IntArray, idx: IntArray, val: FloatArray | None, lengths: IntArray, rows: IntArray
) -> tuple[IntArray, FloatArray]:
    counts = lengths[rows]
    total = int(counts.sum())
    pair = np.repeat(np.arange(len(rows), dtype=np.int64), counts)
    offsets = np.repeat(ptr[rows] - np.cumsum(counts) + counts, counts) + np.arange(total)
    vocab = idx.max(initial=0) + 1
    keys = pair * vocab + idx[offsets]
    values = np.ones(total) if val is None else val[offsets]
    return keys, values


@attrs.frozen
class PairEvidence:
    """The cues behind one pair's features, kept for the reasons of its link."""

    focus_a: Cues
    focus_b: Cues
    numbers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    antonyms: tuple[str, ...] = ()
    numbers_match: bool = False


def _segmented(p: Prepared) -> IntArray:
    return np.fromiter(p.segments, dtype=np.int64, count=len(p.segments))


def _best_segment(
    parts: list[tuple[str, Cues]], other: frozenset[str], top: int
) -> tuple[str, Cues]:
    scored = sorted(range(len(parts)), key=lambda k: (-len(parts[k][1].terms & other), k))[
        : max(top, 1)
    ]
    scored.sort()
    if len(scored) == 1:
        return parts[scored[0]]
    text = " ".join(parts[k][0] for k in scored)
    return text, analyse(text)


def _focus(p: Prepared, i: int, other: int) -> tuple[str, Cues]:
    parts = p.segments.get(i)
    if parts is None:
        return p.texts[i], p.cue(i)
    return _best_segment(parts, p.cue(other).terms, 2 if p.long[i] else 1)


def _compare_numbers(a: Cues, b: Cues) -> tuple[int, int, tuple[str, ...]]:
    """(mismatch, match, descriptions) for quantities aligned by unit."""
    # units align by stem ('person'/'persons'); the first spelling is kept for the reason
    units_a: dict[str, set[float]] = {}
    words: dict[str, str] = {}
    for value, unit in a.numbers:
        units_a.setdefault(stem(unit) if unit else "", set()).add(value)
        words.setdefault(stem(unit) if unit else "", unit)
    units_b: dict[str, set[float]] = {}
    for value, unit in b.numbers:
        units_b.setdefault(stem(unit) if unit else "", set()).add(value)
    shared = sorted(set(units_a) & set(units_b))
    shared = [u for u in shared if u]  # a bare number may count anything: align by unit only
    mismatch = match = 0
    notes = []
    for unit in shared:
        va, vb = units_a[unit], units_b[unit]
        if va & vb:
            match = 1
        else:
            mismatch = 1
            label = f" {words.get(unit, unit)}"
            notes.append(f"numbers differ: {_fmt(min(va))} vs {_fmt(min(vb))}{label}")
    return mismatch, match, tuple(notes)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _antonyms(a: Cues, b: Cues, text_a: str, text_b: str) -> tuple[str, ...]:
    pairs = antonym_pairs()
    only_a, only_b = a.terms - b.terms, b.terms - a.terms
    found = []
    for x in sorted(only_a):
        for y in sorted(only_b):
            if frozenset((x, y)) in pairs:
                found.append(f"{_spelling(x, text_a)} vs {_spelling(y, text_b)}")
    return tuple(found)


def _spelling(term: str, text: str) -> str:
    """The word of `text` whose stem is `term` (for reasons people read)."""
    return next((t for t in tokens(text) if stem(t) == term), term)


def pair_features(
    p: Prepared,
    ia: IntArray,
    ib: IntArray,
    *,
    scorer: Callable[..., Any],
    processor: Callable[..., Any] | None,
    workers: int = 1,
    evidence: bool = False,
) -> tuple[FloatArray, list[PairEvidence] | None]:
    """The feature matrix (pairs × :data:`FEATURES`) for pairs ``(ia[k], ib[k])``.

    With ``evidence=True`` also returns, per pair, the cues behind the features.
    """
    m = len(ia)
    X = np.zeros((m, len(FEATURES)), dtype=np.float64)
    if m == 0:
        return X, [] if evidence else None
    X[:, 2] = containment(p, ia, ib)
    X[:, 1] = pair_dot(p.ptr, p.idx, p.tfidf, p.tfidf, ia, ib)
    X[:, 3] = weighted_overlap(p, ia, ib)

    # Whole-text cues, compared as arrays; pairs with a segmented text (long, or with
    # clauses of mixed polarity) or with unusual cues are refined below, one by one.
    fa, fb = p.flags[ia], p.flags[ib]
    X[:, 4] = p.polarity[ia] != p.polarity[ib]
    X[:, 5] = fa[:, _F_NEG] | fb[:, _F_NEG]
    X[:, 6] = fa[:, _F_DEN] | fb[:, _F_DEN]
    X[:, 7] = p.hedged[ia] | p.hedged[ib]
    X[:, 8] = np.maximum(p.hedge_density[ia], p.hedge_density[ib])
    X[:, 9] = np.maximum(p.denial_density[ia], p.denial_density[ib])
    mismatch = np.zeros(m, dtype=np.bool_)
    match = np.zeros(m, dtype=np.bool_)
    for s in (0, 1):
        unit, value = p.num_unit[ia, s], p.num_val[ia, s]
        shared = np.zeros(m, dtype=np.bool_)
        equal = np.zeros(m, dtype=np.bool_)
        for t in (0, 1):
            same = (unit >= 0) & (unit == p.num_unit[ib, t])
            shared |= same
            equal |= same & (value == p.num_val[ib, t])
        mismatch |= shared & ~equal
        match |= equal
    X[:, 10], X[:, 11] = mismatch, match
    da, db = p.date_mask[ia], p.date_mask[ib]
    X[:, 12] = (da != 0) & (db != 0) & ((da & db) == 0)
    ta_, tb_ = p.ant_term[ia], p.ant_term[ib]
    ant_ids, ant_keys = _antonym_ids()
    width = max(len(ant_ids), 1)
    both = (ta_ >= 0) & (tb_ >= 0) & (ta_ != tb_)
    keys = np.minimum(ta_, tb_) * width + np.maximum(ta_, tb_)
    X[:, 13] = both & np.isin(keys, ant_keys)
    X[:, 14] = p.short[ia] & p.short[ib]
    X[:, 15] = np.maximum(p.report_density[ia], p.report_density[ib])
    X[:, 16] = fa[:, _F_ASK] | fb[:, _F_ASK]
    X[:, 17] = shares_rarest(p, ia, ib)
    texts_a = [p.texts[i] for i in ia.tolist()]
    texts_b = [p.texts[i] for i in ib.tolist()]

    special = (
        fa[:, _F_SLOW] & (fb[:, _F_NUM] | fb[:, _F_ANT] | fb[:, _F_DATE])
        | fb[:, _F_SLOW] & (fa[:, _F_NUM] | fa[:, _F_ANT] | fa[:, _F_DATE])
        | np.isin(ia, _segmented(p)) | np.isin(ib, _segmented(p))
    )  # fmt: skip
    found: dict[int, PairEvidence] = {}
    for k in np.flatnonzero(special).tolist():
        i, j = int(ia[k]), int(ib[k])
        text_a, ca = _focus(p, i, j)
        text_b, cb = _focus(p, j, i)
        texts_a[k], texts_b[k] = text_a, text_b
        flip_a = -1 if p.polarity[i] != p.cue(i).polarity else 1  # a denying stance
        flip_b = -1 if p.polarity[j] != p.cue(j).polarity else 1
        X[k, 4] = ca.polarity * flip_a != cb.polarity * flip_b
        X[k, 5] = bool(ca.negations or cb.negations)
        X[k, 6] = bool(ca.denials or cb.denials)
        X[k, 7] = bool(ca.hedges or cb.hedges or (p.hedged[i] and not p.long[i])
                       or (p.hedged[j] and not p.long[j]))  # fmt: skip
        found[k] = _evidence(ca, cb, text_a, text_b, None)
        X[k, 10] = any(n.startswith("numbers differ") for n in found[k].numbers)
        X[k, 11] = found[k].numbers_match
        X[k, 12] = bool(found[k].dates)
        X[k, 13] = bool(found[k].antonyms)
    X[:, 0] = cpdist(texts_a, texts_b, scorer=scorer, processor=processor, workers=workers) / 100
    if not evidence:
        return X, None
    return X, pair_evidence(p, ia, ib, X)


def pair_evidence(p: Prepared, ia: IntArray, ib: IntArray, X: FloatArray) -> list[PairEvidence]:
    """The cues behind the features `X` of pairs ``(ia[k], ib[k])``, for their reasons.

    Only the notes of cues that fired are worked out: most pairs need none.
    """
    seg = _segmented(p)
    special = (np.isin(ia, seg) | np.isin(ib, seg)).tolist()
    out = []
    for k, (i, j) in enumerate(zip(ia.tolist(), ib.tolist())):
        x = X[k]
        if special[k]:
            text_a, ca = _focus(p, i, j)
            text_b, cb = _focus(p, j, i)
            out.append(_evidence(ca, cb, text_a, text_b, None))
        elif x[10] or x[12] or x[13]:
            out.append(_evidence(p.cue(i), p.cue(j), p.texts[i], p.texts[j], x))
        else:
            out.append(PairEvidence(p.cue(i), p.cue(j)))
    return out


def _evidence(
    ca: Cues, cb: Cues, text_a: str, text_b: str, fired: FloatArray | None
) -> PairEvidence:
    """Notes for the cues of a pair; with `fired`, only for the cues that fired."""
    numbers: tuple[str, ...] = ()
    match = False
    if fired is None or fired[10] or fired[11]:
        _, match_flag, numbers = _compare_numbers(ca, cb)
        match = bool(match_flag)
    dates: tuple[str, ...] = ()
    if (fired is None or fired[12]) and ca.dates and cb.dates and \
            not set(ca.dates) & set(cb.dates):  # fmt: skip
        dates = (f"dates differ: {ca.dates[0]} vs {cb.dates[0]}",)
    antonyms: tuple[str, ...] = ()
    if fired is None or fired[13]:
        antonyms = tuple(f"antonyms: {a}" for a in _antonyms(ca, cb, text_a, text_b))
    return PairEvidence(ca, cb, numbers, dates, antonyms, match)


@lru_cache(maxsize=50_000)
def _bucket(term: str) -> int:
    # crc32, not hash(): the same word lands in the same bucket in every process
    return zlib.crc32(term.encode("utf-8", "surrogatepass")) % LEXICAL_DIM


def pair_words(p: Prepared, ia: IntArray, ib: IntArray) -> tuple[IntArray, IntArray]:
    """Hashed words that exactly one side's focus has, as (pair row, bucket) entries.

    The words a headline adds to a claim ("suspect", "denies", "forecast") carry its
    stance; the shared words carry only the topic. Pairs of whole texts are done with
    array operations; pairs with a segmented text need their focus, one by one.
    """
    seg = _segmented(p)
    slow = np.isin(ia, seg) | np.isin(ib, seg)
    fast = np.flatnonzero(~slow)
    rows_out: list[IntArray] = []
    cols_out: list[IntArray] = []
    if len(fast) and len(p.idx):
        lengths = np.diff(p.ptr)
        ka, _ = _expand(p.ptr, p.idx, None, lengths, ia[fast])
        kb, _ = _expand(p.ptr, p.idx, None, lengths, ib[fast])
        keys, counts = np.unique(np.concatenate([ka, kb]), return_counts=True)
        once = keys[counts == 1]
        vocab = p.idx.max(initial=0) + 1
        pairs = np.unique(fast[once // vocab] * LEXICAL_DIM + p.term_bucket[once % vocab])
        rows_out.append(pairs // LEXICAL_DIM)
        cols_out.append(pairs % LEXICAL_DIM)
    rows: list[int] = []
    cols: list[int] = []
    for k in np.flatnonzero(slow).tolist():
        i, j = int(ia[k]), int(ib[k])
        ta = _focus(p, i, j)[1].terms
        tb = _focus(p, j, i)[1].terms
        buckets = sorted({_bucket(t) for t in ta ^ tb})
        rows.extend([k] * len(buckets))
        cols.extend(buckets)
    rows_out.append(np.asarray(rows, dtype=np.int64))
    cols_out.append(np.asarray(cols, dtype=np.int64))
    return np.concatenate(rows_out), np.concatenate(cols_out)
