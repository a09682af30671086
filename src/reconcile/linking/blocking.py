"""Candidate pairs: which claims are worth comparing, without looking at all n² pairs.

Text claims are blocked by *prefix filtering* on their content terms (as in
set-similarity joins): each claim probes an inverted index with its rarest terms, as
many as guarantee that any claim sharing at least a fraction ``min_overlap`` of the
smaller claim's terms is found. Structured claims are blocked on (subject, predicate).
Posting lists longer than ``max_block_size`` are not probed; they are reported, never
dropped silently.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from reconcile._optional import import_optional
from reconcile._table import format_table
from reconcile.errors import OptionError
from reconcile.linking.features import IntArray, Prepared

__all__ = ["BLOCK_ON_FIELDS", "BlockingReport", "block_pairs", "prefix_pairs"]

BLOCK_ON_FIELDS = ("subject", "predicate", "document", "source", "key")
"""Claim attributes `block_on` may name (besides a callable or ``"all"``)."""

_EPS = 1e-9
_CHUNK = 4_000_000  # raw pairs per chunk: bounds memory on skewed vocabularies


@attrs.frozen
class BlockingReport:
    """What blocking found: the preview splink users know, before the expensive work.

    Examples
    --------
    >>> import reconcile as rc
    >>> report = rc.count_comparisons([rc.Claim("Bridge opened", source="a"),
    ...                                rc.Claim("The bridge opened", source="b"),
    ...                                rc.Claim("It rained", source="c")])
    >>> report.pairs, report.claims
    (1, 3)
    """

    claims: int
    """How many claims were blocked."""
    pairs: int
    """Candidate pairs to compare (after the source filter)."""
    text_pairs: int
    structured_pairs: int
    largest_blocks: tuple[tuple[str, int], ...]
    """The largest blocks probed: (key, number of claims), largest first."""
    capped_blocks: tuple[tuple[str, int], ...]
    """Blocks over ``max_block_size``, not compared: (key, number of claims)."""
    max_block_size: int

    @property
    def brute_force_pairs(self) -> int:
        """How many pairs comparing everything with everything would take."""
        return self.claims * (self.claims - 1) // 2

    def to_pandas(self) -> Any:
        """The largest and the capped blocks as a pandas DataFrame (block, claims, capped).

        Examples
        --------
        >>> import reconcile as rc
        >>> report = rc.count_comparisons([rc.Claim("Bridge opened", source="a"),
        ...                                rc.Claim("The bridge opened", source="b")])
        >>> list(report.to_pandas().columns)
        ['block', 'claims', 'capped']
        """
        pd = import_optional("pandas", extra="pandas", purpose="to_pandas()")
        rows = [(k, n, False) for k, n in self.largest_blocks]
        rows += [(k, n, True) for k, n in self.capped_blocks]
        return pd.DataFrame(rows, columns=["block", "claims", "capped"])

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(str(self)) + "</pre>"

    def __str__(self) -> str:
        lines = [
            f"{self.pairs:,} pairs to compare ({self.text_pairs:,} text, "
            f"{self.structured_pairs:,} structured) among {self.claims:,} claims "
            f"(brute force: {self.brute_force_pairs:,})"
        ]
        if self.largest_blocks:
            lines.append(format_table(["largest blocks", "claims"], self.largest_blocks))
        if self.capped_blocks:
            lines.append(
                f"{len(self.capped_blocks)} blocks over max_block_size={self.max_block_size} "
                "were not compared:"
            )
            lines.append(format_table(["capped block", "claims"], self.capped_blocks[:10]))
        return "\n".join(lines)


def _ragged(starts: IntArray, counts: IntArray) -> IntArray:
    """Concatenated ranges ``starts[k] : starts[k] + counts[k]``."""
    total = int(counts.sum())
    return np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)


def _canonical(
    a: IntArray, b: IntArray, n: int, groups: IntArray | None
) -> tuple[IntArray, IntArray]:
    keep = a != b
    if groups is not None:
        keep &= groups[a] != groups[b]
    a, b = a[keep], b[keep]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keys = np.unique(lo * n + hi)
    return keys // n, keys % n


def _probe(
    pre_row: IntArray,
    pre_term: IntArray,
    postings: IntArray,
    term_start: IntArray,
    df: IntArray,
    keep_pair: Callable[[IntArray, IntArray], NDArray[np.bool_]],
    n: int,
    groups: IntArray | None,
) -> tuple[IntArray, IntArray]:
    """Pairs (prober, claim in the postings of a prefix term), filtered, in chunks."""
    counts = df[pre_term]
    cum = np.cumsum(counts)
    parts_a, parts_b = [], []
    start = 0
    while start < len(counts):
        base = int(cum[start - 1]) if start else 0
        stop = max(int(np.searchsorted(cum, base + _CHUNK, side="right")), start + 1)
        c = counts[start:stop]
        a = np.repeat(pre_row[start:stop], c)
        b = postings[_ragged(term_start[pre_term[start:stop]], c)]
        keep = keep_pair(a, b)
        ia, ib = _canonical(a[keep], b[keep], n, groups)
        parts_a.append(ia)
        parts_b.append(ib)
        start = stop
    if not parts_a:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(parts_a), np.concatenate(parts_b)


def _postings(rows: IntArray, terms: IntArray, vocab: int) -> tuple[IntArray, IntArray, IntArray]:
    """Inverted index: claims sorted by term, each term's start, each term's count."""
    order = np.argsort(terms, kind="stable")
    df = np.bincount(terms, minlength=vocab)
    start = np.zeros(vocab + 1, dtype=np.int64)
    np.cumsum(df, out=start[1:])
    return rows[order], start, df


def prefix_pairs(
    p: Prepared,
    *,
    min_overlap: float,
    short_overlap: float,
    max_block_size: int,
    groups: IntArray | None,
    terms: Sequence[str],
) -> tuple[IntArray, IntArray, list[tuple[str, int]], list[tuple[str, int]]]:
    """Every pair of text claims the Linker's gates can let through.

    A pair passes the gates when the terms it shares are at least ``min_overlap`` of
    the smaller claim's terms and, if both claims are short, their IDF mass is at least
    ``short_overlap`` of the smaller claim's mass or one has the smaller's rarest term
    (:attr:`Prepared.rarest`). By the pigeonhole principle such a pair shares a term
    among the smaller claim's *prefix*: its rarest terms, as many as leave less than
    the needed overlap outside (the rarest always among them). Each claim probes an
    inverted index with its prefix: short claims with the weighted prefix among short
    claims, all claims with the unweighted prefix where a long text is involved.

    `groups` holds a source code per claim: pairs within one group are left out.
    Returns (ia, ib, largest probed blocks, capped blocks).
    """
    n = len(p.n_terms)
    empty = np.zeros(0, dtype=np.int64)
    if n < 2 or len(p.idx) == 0:
        return empty, empty, [], []
    vocab = len(p.idf)
    row = np.repeat(np.arange(n, dtype=np.int64), p.n_terms)
    df_all = np.bincount(p.idx, minlength=vocab)
    # rarest terms first within each claim; ties by term id keep it deterministic
    # (the order of Prepared.rarest)
    order = np.lexsort((p.idx, df_all[p.idx], row))
    s_row, s_term = row[order], p.idx[order]
    pos = np.arange(len(order)) - p.ptr[s_row]
    need = np.maximum(np.ceil(min_overlap * p.n_terms - _EPS).astype(np.int64), 1)
    in_unweighted = pos < np.clip(p.n_terms - need + 1, 0, None)[s_row]
    # weighted prefix: keep a term while the mass from it to the end still reaches t*M
    w = p.idf[s_term]
    mass_from = p.mass[s_row] - (np.cumsum(w) - w - np.repeat(np.cumsum(p.mass) - p.mass,
                                                              p.n_terms))  # fmt: skip
    in_weighted = mass_from >= short_overlap * p.mass[s_row] - _EPS

    short = p.short
    capped: set[int] = set()
    probed: set[int] = set()
    found_a, found_b = [], []
    plans = (
        # (prober mask over entries, postings claims, size test on the pair)
        (short[s_row] & in_weighted, short, lambda a, b: p.mass[b] >= p.mass[a] - _EPS),
        (short[s_row] & in_unweighted, ~short, lambda a, b: p.n_terms[b] >= p.n_terms[a]),
        (~short[s_row] & in_unweighted, np.ones(n, dtype=np.bool_),
         lambda a, b: p.n_terms[b] >= p.n_terms[a]),
    )  # fmt: skip
    for entry_mask, posted, size_ok in plans:
        members = posted[row]
        post_claims, term_start, df = _postings(row[members], p.idx[members], vocab)
        pre_row, pre_term = s_row[entry_mask], s_term[entry_mask]
        useful = df[pre_term] > 0
        over = useful & (df[pre_term] > max_block_size)
        capped.update(np.unique(pre_term[over]).tolist())
        take = useful & ~over
        probed.update(np.unique(pre_term[take]).tolist())
        a, b = _probe(pre_row[take], pre_term[take], post_claims, term_start, df,
                      size_ok, n, groups)  # fmt: skip
        found_a.append(a)
        found_b.append(b)
    ia, ib = _canonical(np.concatenate(found_a), np.concatenate(found_b), n, None)
    probed_terms = np.array(sorted(probed), dtype=np.int64)
    top = probed_terms[np.lexsort((probed_terms, -df_all[probed_terms]))][:10]
    largest = [(terms[t], int(df_all[t])) for t in top.tolist()]
    capped_list = sorted(((terms[t], int(df_all[t])) for t in capped),
                         key=lambda kv: (-kv[1], kv[0]))  # fmt: skip
    return ia, ib, largest, capped_list


def resolve_block_on(block_on: Any) -> Callable[[Any], Hashable] | None:
    """Turn the `block_on` option into a key function (None: the default blocking)."""
    if block_on is None or block_on == "all":
        return None
    if callable(block_on):
        fn: Callable[[Any], Hashable] = block_on
        return fn
    if isinstance(block_on, str) and block_on in BLOCK_ON_FIELDS:
        if block_on == "source":
            return lambda c: c.source.id
        return lambda c: getattr(c, block_on)
    raise OptionError(
        f"must be None, 'all', a callable or one of {BLOCK_ON_FIELDS}, got {block_on!r}",
        field="block_on",
    )


def block_pairs(
    keys: Sequence[Hashable | None],
    *,
    max_block_size: int,
    groups: IntArray | None,
) -> tuple[IntArray, IntArray, list[tuple[str, int]], list[tuple[str, int]]]:
    """All pairs of items with equal, non-None keys (blocks over the cap are reported)."""
    blocks: dict[Hashable, list[int]] = {}
    for i, key in enumerate(keys):
        if key is not None:
            blocks.setdefault(key, []).append(i)
    n = len(keys)
    parts_a, parts_b = [], []
    sizes, capped = [], []
    for key, members in blocks.items():
        if len(members) < 2:
            continue
        label = key if isinstance(key, str) else " / ".join(map(str, key)) \
            if isinstance(key, tuple) else repr(key)  # fmt: skip
        if len(members) > max_block_size:
            capped.append((label, len(members)))
            continue
        sizes.append((label, len(members)))
        m = np.asarray(members, dtype=np.int64)
        a, b = np.triu_indices(len(m), k=1)
        parts_a.append(m[a])
        parts_b.append(m[b])
    if parts_a:
        ia, ib = _canonical(np.concatenate(parts_a), np.concatenate(parts_b), max(n, 1), groups)
    else:
        ia = ib = np.zeros(0, dtype=np.int64)
    sizes.sort(key=lambda kv: (-kv[1], kv[0]))
    capped.sort(key=lambda kv: (-kv[1], kv[0]))
    return ia, ib, sizes[:10], capped


def all_pairs(n: int, groups: IntArray | None) -> tuple[IntArray, IntArray]:
    """Every pair (brute force), less pairs within one group."""
    a, b = np.triu_indices(n, k=1)
    return _canonical(a.astype(np.int64), b.astype(np.int64), max(n, 1), groups)


def required_shared(n_terms: int, min_overlap: float) -> int:
    """How many terms a claim of `n_terms` terms must share to pass the gate."""
    return max(math.ceil(min_overlap * n_terms - _EPS), 1)
