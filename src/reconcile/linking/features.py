"""Pair features for linking, computed as arrays over many pairs at once.

:func:`prepare` analyses each claim once (terms, TF-IDF vector, cues, clauses);
:func:`pair_features` turns index arrays of pairs into a feature matrix. Per-claim
work is Python; per-pair work is numpy and rapidfuzz ``cpdist``, with Python loops
only over the small subsets of pairs that need them (long texts, mixed clauses,
numbers, dates and antonyms).
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

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
    "pair_dot",
    "pair_features",
    "pair_words",
    "prepare",
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
)
"""Names of the columns :func:`pair_features` returns, in order."""

SHORT_TERMS = 15
"""Pairs of single sentences with at most this many content terms each are *short*:
headline-like claims, for which linking requires a closer match (see Linker)."""

LONG_TERMS = 40
"""Texts with more content terms than this (or more than one sentence) are documents,
read sentence by sentence."""

LEXICAL_DIM = 1024
"""Hash buckets for the words that one side of a pair has and the other lacks."""

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


@attrs.frozen
class Prepared:
    """Per-claim analysis of a collection of text claims."""

    texts: list[str]
    cues: list[Cues]
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
    hedge_density: FloatArray
    denial_density: FloatArray
    report_density: FloatArray


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
    texts = [c.describe() for c in claims]
    n = len(texts)
    cues = [analyse(t) for t in texts]
    vocab: dict[str, int] = {}
    rows: list[list[int]] = []
    counts: list[list[int]] = []
    for text in texts:
        freq = Counter(vocab.setdefault(term, len(vocab)) for term in content_terms(text))
        ids = sorted(freq)
        rows.append(ids)
        counts.append([freq[i] for i in ids])
    n_terms = np.fromiter((len(r) for r in rows), dtype=np.int64, count=n)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(n_terms, out=ptr[1:])
    idx = np.fromiter((t for r in rows for t in r), dtype=np.int64, count=int(ptr[-1]))
    tf = np.fromiter((c for r in counts for c in r), dtype=np.float64, count=int(ptr[-1]))
    df = np.bincount(idx, minlength=len(vocab)).astype(np.float64)
    idf = np.log1p((n + 1.0) / (df + 1.0))
    weights = (1.0 + np.log(tf)) * idf[idx] if len(idx) else tf
    norms = np.sqrt(np.add.reduceat(weights**2, ptr[:-1])) if len(idx) else np.zeros(n)
    if len(idx):
        norms[n_terms == 0] = 1.0
        weights = weights / np.repeat(norms, n_terms)
    # a document (several sentences, or a long one) is read sentence by sentence
    long = np.array(
        [n_terms[i] > LONG_TERMS or len(sentences(t)) > 1 for i, t in enumerate(texts)],
        dtype=np.bool_,
    )
    segments: dict[int, list[tuple[str, Cues]]] = {}
    for i, (text, cue) in enumerate(zip(texts, cues)):
        if long[i]:
            segments[i] = _segments(text, True)
        elif cue.negations or cue.denials:
            parts = _segments(text, False)
            if len({p[1].polarity for p in parts}) > 1:
                segments[i] = parts
    polarity = np.array(
        [c.polarity * (-1 if cl.stance is Stance.DENIES else 1) for c, cl in zip(cues, claims)],
        dtype=np.int8,
    )
    hedged = np.array(
        [bool(c.hedges) or cl.stance is Stance.HEDGED for c, cl in zip(cues, claims)],
        dtype=np.bool_,
    )
    n_sent = np.array([max(len(segments.get(i, ())), 1) for i in range(n)], dtype=np.float64)
    hedge_density = np.minimum(
        np.array([len(c.hedges) for c in cues], dtype=np.float64) / n_sent, 1.0
    )
    denial_density = np.minimum(
        np.array([len(c.denials) for c in cues], dtype=np.float64) / n_sent, 1.0
    )
    report_density = np.minimum(np.array([c.reports for c in cues], dtype=np.float64) / n_sent, 1.0)
    return Prepared(
        texts=texts,
        cues=cues,
        segments=segments,
        vocab=vocab,
        idf=idf,
        ptr=ptr,
        idx=idx,
        tfidf=weights,
        n_terms=n_terms,
        polarity=polarity,
        hedged=hedged,
        long=long,
        hedge_density=hedge_density,
        denial_density=denial_density,
        report_density=report_density,
    )


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
        return p.texts[i], p.cues[i]
    return _best_segment(parts, p.cues[other].terms, 2 if p.long[i] else 1)


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


_ANTONYM_TERMS: frozenset[str] | None = None


def _antonym_terms() -> frozenset[str]:
    global _ANTONYM_TERMS
    if _ANTONYM_TERMS is None:
        _ANTONYM_TERMS = frozenset(t for pair in antonym_pairs() for t in pair)
    return _ANTONYM_TERMS


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
    shared = pair_dot(p.ptr, p.idx, None, None, ia, ib)
    smaller = np.maximum(np.minimum(p.n_terms[ia], p.n_terms[ib]), 1)
    X[:, 2] = shared / smaller
    X[:, 1] = pair_dot(p.ptr, p.idx, p.tfidf, p.tfidf, ia, ib)
    idf_terms = p.idf[p.idx]
    shared_idf = pair_dot(p.ptr, p.idx, idf_terms, None, ia, ib)
    mass = np.add.reduceat(idf_terms, p.ptr[:-1]) if len(p.idx) else np.zeros(len(p.texts))
    mass[p.n_terms == 0] = 0.0
    X[:, 3] = shared_idf / np.maximum(np.minimum(mass[ia], mass[ib]), 1e-9)

    # Defaults from whole-text cues; pairs with a long or mixed text are refined below.
    pol_a, pol_b = p.polarity[ia], p.polarity[ib]
    neg = np.array([bool(c.negations) for c in p.cues], dtype=np.bool_)
    den = np.array([bool(c.denials) for c in p.cues], dtype=np.bool_)
    X[:, 4] = pol_a != pol_b
    X[:, 5] = neg[ia] | neg[ib]
    X[:, 6] = den[ia] | den[ib]
    X[:, 7] = p.hedged[ia] | p.hedged[ib]
    X[:, 8] = np.maximum(p.hedge_density[ia], p.hedge_density[ib])
    X[:, 9] = np.maximum(p.denial_density[ia], p.denial_density[ib])
    short = ~p.long & (p.n_terms <= SHORT_TERMS)
    X[:, 14] = short[ia] & short[ib]
    X[:, 15] = np.maximum(p.report_density[ia], p.report_density[ib])
    asks = np.array([c.questions > 0 for c in p.cues], dtype=np.float64)
    X[:, 16] = np.maximum(asks[ia], asks[ib])
    texts_a = [p.texts[i] for i in ia.tolist()]
    texts_b = [p.texts[i] for i in ib.tolist()]

    has_num = np.array([bool(c.numbers) for c in p.cues], dtype=np.bool_)
    has_date = np.array([bool(c.dates) for c in p.cues], dtype=np.bool_)
    ant_terms = _antonym_terms()
    has_ant = np.array([bool(c.terms & ant_terms) for c in p.cues], dtype=np.bool_)
    segmented = np.zeros(len(p.texts), dtype=np.bool_)
    segmented[list(p.segments)] = True
    special = (
        segmented[ia] | segmented[ib]
        | (has_num[ia] & has_num[ib])
        | (has_date[ia] & has_date[ib])
        | (has_ant[ia] & has_ant[ib])
    )  # fmt: skip
    focus: dict[int, tuple[Cues, Cues, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
    for k in np.flatnonzero(special | evidence).tolist():
        i, j = int(ia[k]), int(ib[k])
        text_a, ca = _focus(p, i, j)
        text_b, cb = _focus(p, j, i)
        texts_a[k], texts_b[k] = text_a, text_b
        flip_a = -1 if p.polarity[i] != p.cues[i].polarity else 1  # a denying stance
        flip_b = -1 if p.polarity[j] != p.cues[j].polarity else 1
        X[k, 4] = ca.polarity * flip_a != cb.polarity * flip_b
        X[k, 5] = bool(ca.negations or cb.negations)
        X[k, 6] = bool(ca.denials or cb.denials)
        X[k, 7] = bool(ca.hedges or cb.hedges or (p.hedged[i] and not p.long[i])
                       or (p.hedged[j] and not p.long[j]))  # fmt: skip
        mismatch, match, numbers = _compare_numbers(ca, cb)
        X[k, 10], X[k, 11] = mismatch, match
        dates: tuple[str, ...] = ()
        if ca.dates and cb.dates and not set(ca.dates) & set(cb.dates):
            X[k, 12] = 1
            dates = (f"dates differ: {ca.dates[0]} vs {cb.dates[0]}",)
        antonyms = _antonyms(ca, cb, text_a, text_b)
        X[k, 13] = bool(antonyms)
        focus[k] = (ca, cb, numbers, dates, tuple(f"antonyms: {a}" for a in antonyms))
    X[:, 0] = cpdist(texts_a, texts_b, scorer=scorer, processor=processor, workers=workers) / 100
    if not evidence:
        return X, None
    return X, [PairEvidence(*focus[k]) for k in range(m)]


@lru_cache(maxsize=50_000)
def _bucket(term: str) -> int:
    # crc32, not hash(): the same word lands in the same bucket in every process
    return zlib.crc32(term.encode("utf-8", "surrogatepass")) % LEXICAL_DIM


def pair_words(p: Prepared, ia: IntArray, ib: IntArray) -> tuple[IntArray, IntArray]:
    """Hashed words that exactly one side's focus has, as (pair row, bucket) entries.

    The words a headline adds to a claim ("suspect", "denies", "forecast") carry its
    stance; the shared words carry only the topic.
    """
    rows: list[int] = []
    cols: list[int] = []
    for k, (i, j) in enumerate(zip(ia.tolist(), ib.tolist())):
        ta = _focus(p, i, j)[1].terms
        tb = _focus(p, j, i)[1].terms
        buckets = {_bucket(t) for t in ta ^ tb}
        rows.extend([k] * len(buckets))
        cols.extend(sorted(buckets))
    return np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)


def cosine_similarity_reference(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two sparse vectors given as dicts (the slow, obvious reference)."""
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0
