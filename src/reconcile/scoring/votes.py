"""From claims to votes: the arrays every truth-discovery algorithm iterates over.

A *fact* is one proposition that one or more claims state: for structured claims, one
normalised value of one (subject, predicate) question; for text claims, a group of
claims that corroborate each other. A *question* groups the facts that compete. A
*vote* is one source's support (or, for a denial, opposition) for one fact: however
many claims and relays carry it, a source votes once per fact.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import attrs
import numpy as np
from numpy.typing import NDArray

from reconcile._links import RELATION_CODES, component_labels
from reconcile.graph import ClaimGraph
from reconcile.model import Claim, Scalar, Stance, Value
from reconcile.store import ClusterIds

__all__ = ["HEDGED_WEIGHT", "ClaimColumns", "Votes", "build_votes", "canonical_value",
           "claim_columns", "copy_discount", "ids_at"]  # fmt: skip

HEDGED_WEIGHT = 0.5
"""How much a hedged report counts next to an assertion."""

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]

_MANNER = {Stance.ASSERTS: 0, Stance.HEDGED: 1, Stance.DENIES: 2}
_ID = operator.attrgetter("id")
_SOURCE_ID = operator.attrgetter("source.id")
_SUBJECT = operator.attrgetter("subject")
_PREDICATE = operator.attrgetter("predicate")
_VALUE = operator.attrgetter("value")
_STANCE = operator.attrgetter("stance")
_NOT_NONE = functools.partial(operator.is_not, None)


def _pick(items: list[Any], index: IntArray) -> list[Any]:
    """``[items[i] for i in index]``, the loop in C."""
    if len(index) == 0:
        return []
    if len(index) == 1:
        return [items[int(index[0])]]
    return list(operator.itemgetter(*index.tolist())(items))


def _codes(keys: list[Any]) -> dict[Any, int]:
    """Each distinct key's number, in the order of first appearance."""
    return {key: i for i, key in enumerate(dict.fromkeys(keys))}


def _column_codes(keys: list[Any]) -> tuple[IntArray, IntArray]:
    """Each key's number, equal keys alike, numbered in the order of first appearance,
    and where each number first appears.

    Keys are grouped by identity first (integers, sorted by numpy), then the distinct
    objects by value: a million keys naming a hundred thousand things are hashed a
    hundred thousand times, not a million (claims share their source's id string,
    their question's subject); equal keys held in separate objects still meet.
    """
    n = len(keys)
    if not n:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if keys.count(keys[0]) == n:  # one key throughout (a single predicate, say)
        return np.zeros(n, dtype=np.int64), np.zeros(1, dtype=np.int64)
    objects, first = _numbered(np.fromiter(map(id, keys), np.int64, n))
    distinct = [keys[i] for i in first.tolist()]
    by_value = _codes(distinct)
    value = np.fromiter(map(by_value.__getitem__, distinct), np.int64, len(distinct))
    # the distinct objects come in order of first appearance, so their values do too
    return value[objects], first[np.unique(value, return_index=True)[1]]


def _numbered(key: IntArray) -> tuple[IntArray, IntArray]:
    """Equal integer keys alike, numbered in the order of their first appearance, and
    where each number first appears."""
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(first), dtype=np.int64)
    rank[order] = np.arange(len(first))
    out: IntArray = rank[inverse.reshape(-1)]
    return out, first[order]


def _pair_codes(first: list[Any], second: list[Any]) -> tuple[IntArray, int]:
    """Numbers for (first, second) pairs in the order of first appearance, and how
    many: each column is coded alone (hashing strings is cheaper than tuples)."""
    a, b = _column_codes(first)[0], _column_codes(second)[0]
    if not len(a):
        return a, 0
    if not b.any():  # one second key: the first's numbers already say it
        return a, int(a.max()) + 1
    codes, where = _numbered(a * (int(b.max()) + 1) + b)
    return codes, len(where)


def _canonical_scalar(value: Scalar, processor: Callable[..., Any] | None) -> Scalar:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return round(float(value), 9)
    text = processor(value) if processor is not None else value.strip()
    try:
        return round(float(str(text).replace(",", "")), 9)
    except ValueError:
        return str(text)


def canonical_value(value: Value, processor: Callable[..., Any] | None) -> Any:
    """The key under which equal values meet: numbers as floats, strings processed,
    multi-valued tuples as sorted tuples of their distinct members.

    Examples
    --------
    >>> from rapidfuzz.utils import default_process
    >>> canonical_value(("Ritchie", "kernighan", "Kernighan"), default_process)
    ('kernighan', 'ritchie')
    >>> canonical_value("1,200", None)
    1200.0
    """
    if isinstance(value, tuple):
        members = {_canonical_scalar(v, processor) for v in value}
        return tuple(sorted(members, key=lambda v: (type(v).__name__, str(v))))
    return _canonical_scalar(value, processor)


@attrs.frozen
class Votes:
    """Claims as arrays: which fact each claim states, and each source's votes."""

    claim_ids: Sequence[str]
    """A list; for a graph whose claims stay on a cluster, a :class:`ClusterIds`."""
    claim_fact: IntArray
    claim_sign: IntArray
    """+1 for a claim that asserts its fact, -1 for one that denies it."""
    claim_weight: FloatArray
    claim_source: IntArray
    sources: list[str]
    source_prior: FloatArray
    """Prior trust per source (0.5 where none was given)."""
    fact_question: IntArray
    fact_label: list[str]
    fact_value: list[Any]
    """The canonical value of structured facts (None for text facts)."""
    n_questions: int
    v_source: IntArray
    v_fact: IntArray
    v_weight: FloatArray
    """Signed vote strength: +1 assert, +0.5 hedged, -1 deny (one per source and fact)."""
    fact_links: tuple[IntArray, IntArray, FloatArray]
    """(fact a, fact b, signed confidence) between facts joined by links."""
    fact_overlap: tuple[IntArray, IntArray, FloatArray]
    """(fact a, fact b, share of a's members that b has) between multi-valued facts of
    one question: a source listing only the first author is consistent with the list."""

    @property
    def n_facts(self) -> int:
        return len(self.fact_question)

    @property
    def n_sources(self) -> int:
        return len(self.sources)


def _text_facts(
    text: NDArray[np.bool_], ra: IntArray, rb: IntArray, corroborates: NDArray[np.bool_]
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Facts of text claims: groups joined by corroboration; questions: joined by any link.

    Claims are numbered in id order; `ra`, `rb` are the links' ends in that numbering.
    Returns the text claims' numbers, the fact of each, each fact's first claim (its
    label) and each fact's question; facts are numbered in the order of their first
    claim, questions in the order of their first fact.
    """
    both = text[ra] & text[rb]
    inner = both & corroborates
    fact_label = component_labels(len(text), ra[inner], rb[inner])
    del inner
    # (all text, the usual case: the link ends as they are, not a copy of them)
    question_label = (
        component_labels(len(text), ra, rb)
        if both.all()
        else component_labels(len(text), ra[both], rb[both])
    )
    members = np.flatnonzero(text)
    roots = np.unique(fact_label[members])  # each fact's first claim, in order
    fact_of = np.searchsorted(roots, fact_label[members])
    _, first, inverse = np.unique(question_label[roots], return_index=True, return_inverse=True)
    number = np.empty(len(first), dtype=np.int64)
    number[np.argsort(first, kind="stable")] = np.arange(len(first))
    return members, fact_of, roots, number[inverse]


COPY_MIN_VOTES = 5
"""Sources with fewer votes are never grouped as copies: too little evidence."""
COPY_MIN_EXCLUSIVE = 2
"""How many of a group's shared facts nobody outside the group may state."""


def copy_discount(
    v_source: IntArray, v_fact: IntArray, v_weight: FloatArray, n_sources: int
) -> FloatArray:
    """Per vote, 1 / the size of its source's copy group (1 for independent sources).

    A copy group is a set of sources that cast exactly the same votes on at least
    ``COPY_MIN_VOTES`` facts, among them at least ``COPY_MIN_EXCLUSIVE`` facts that no
    source outside the group states: the signature of one voice repeated (a Sybil
    flood, a feed republished under many names), as copying is told apart by shared
    rare, especially false, values in Dong, Berti-Equille & Srivastava (VLDB 2009). The
    exclusivity test keeps apart independent sources that agree because they are all
    right: the true values they share are stated by others too. A group's votes then
    weigh as one source's, whatever its size.

    Examples
    --------
    >>> src = np.array([0] * 5 + [1] * 5 + [2] * 5)
    >>> fact = np.array([0, 1, 2, 3, 4] * 2 + [0, 1, 5, 6, 7])
    >>> copy_discount(src, fact, np.ones(15), 3).reshape(3, 5)[:, 0].tolist()
    [0.5, 0.5, 1.0]
    """
    out = np.ones(len(v_source), dtype=np.float64)
    if not len(v_source):
        return out
    # group sources by an order-free hash of their votes: two sums of 26-bit per-vote
    # hashes (exact in float64 for up to 2^26 votes a source), so no sort of all the
    # votes; only sources whose hashes collide are compared exactly
    count = np.bincount(v_source, minlength=n_sources)
    h = _mix(_mix(v_fact.astype(np.uint64)) ^ v_weight.view(np.uint64))
    low = (h & np.uint64(0x3FFFFFF)).astype(np.float64)
    high = (h >> np.uint64(38)).astype(np.float64)
    sig_low = np.bincount(v_source, weights=low, minlength=n_sources)
    sig_high = np.bincount(v_source, weights=high, minlength=n_sources)
    eligible = np.flatnonzero(count >= COPY_MIN_VOTES)
    by = np.lexsort((sig_high[eligible], sig_low[eligible], count[eligible]))
    cand = eligible[by]
    same = (
        (count[cand][1:] == count[cand][:-1])
        & (sig_low[cand][1:] == sig_low[cand][:-1])
        & (sig_high[cand][1:] == sig_high[cand][:-1])
    )
    if not same.any():
        return out
    # the votes of the colliding sources, sorted, for the exact comparison
    colliding = np.zeros(n_sources, dtype=np.bool_)
    colliding[cand[1:][same]] = True
    colliding[cand[:-1][same]] = True
    mine = np.flatnonzero(colliding[v_source])
    order = mine[np.lexsort((v_weight[mine], v_fact[mine], v_source[mine]))]
    fact, weight = v_fact[order], v_weight[order]
    ends = np.cumsum(np.bincount(v_source[order], minlength=n_sources))
    starts = ends - np.bincount(v_source[order], minlength=n_sources)
    supporters = np.bincount(v_fact[v_weight > 0], minlength=int(v_fact.max()) + 1)
    size = np.ones(n_sources, dtype=np.float64)
    edges = np.flatnonzero(np.concatenate(([True], ~same, [True])))
    for lo_, hi_ in zip(edges[:-1].tolist(), edges[1:].tolist()):
        if hi_ - lo_ < 2:
            continue
        groups: dict[tuple[tuple[int, float], ...], list[int]] = {}
        for s_ in cand[lo_:hi_].tolist():
            lo, hi = int(starts[s_]), int(starts[s_] + count[s_])
            votes = tuple(zip(fact[lo:hi].tolist(), weight[lo:hi].tolist()))
            groups.setdefault(votes, []).append(s_)
        for votes, members in groups.items():
            if len(members) < 2:
                continue
            exclusive = sum(1 for f_, w_ in votes if w_ > 0 and supporters[f_] == len(members))
            if exclusive >= COPY_MIN_EXCLUSIVE:
                size[members] = len(members)
    out = 1.0 / size[v_source]
    return out


def _mix(x: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """The splitmix64 finaliser: spreads each bit of x over the whole word."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    out: NDArray[np.uint64] = x ^ (x >> np.uint64(31))
    return out


class ClaimColumns(NamedTuple):
    """What the votes read of the claims, in their order (made where they are)."""

    structured: NDArray[np.bool_]
    manner: NDArray[np.int8]
    """0 asserts, 1 hedged, 2 denies."""
    subjects: list[Any]
    """Of the structured claims only, as are `predicates` and `values`."""
    predicates: list[Any]
    values: list[Any]


def claim_columns(claims: list[Claim]) -> ClaimColumns:
    """The columns of `claims` that :func:`build_votes` reads."""
    n = len(claims)
    # by map/zip/dict (C loops): this runs once per claim, a million times on big inputs
    subjects = list(map(_SUBJECT, claims))
    if subjects.count(None):
        structured = np.fromiter(map(_NOT_NONE, subjects), np.bool_, n)
        rows = np.flatnonzero(structured).tolist()
        present = [claims[i] for i in rows]
        subjects = [subjects[i] for i in rows]
    else:  # all structured: no per-claim test
        structured = np.ones(n, dtype=np.bool_)
        present = claims
    stances = list(map(_STANCE, claims))
    if stances.count(Stance.ASSERTS) == n:  # the common case: no per-claim lookup
        manner = np.zeros(n, dtype=np.int8)
    else:
        manner = np.fromiter(map(_MANNER.__getitem__, stances), np.int8, n)
    return ClaimColumns(structured, manner, subjects, list(map(_PREDICATE, present)),
                        list(map(_VALUE, present)))  # fmt: skip


def _joined(parts: list[ClaimColumns]) -> ClaimColumns:
    """The columns of pieces, one after the other."""
    if not parts:
        return claim_columns([])
    return ClaimColumns(
        np.concatenate([p.structured for p in parts]),
        np.concatenate([p.manner for p in parts]),
        [x for p in parts for x in p.subjects],
        [x for p in parts for x in p.predicates],
        [x for p in parts for x in p.values],
    )


def ids_at(claim_ids: Sequence[str], positions: IntArray) -> list[str]:
    """The ids at these positions (of a list, or read from a cluster at once)."""
    if isinstance(claim_ids, ClusterIds):
        return claim_ids.at(positions)
    return _pick(claim_ids if isinstance(claim_ids, list) else list(claim_ids), positions)


def build_votes(
    graph: ClaimGraph,
    *,
    processor: Callable[..., Any] | None,
    priors: dict[str, float] | None = None,
    independence: bool = True,
) -> Votes:
    """Turn a claim graph into :class:`Votes`.

    With ``independence=False`` every claim is a vote of its own (relays and repeats
    count again), which is what the classic algorithms assume.
    """
    store = graph._store
    claim_ids: Sequence[str]
    if store is None:
        claims: list[Claim] = graph.claims_in_id_order()
        claim_ids = graph.ids_in_id_order()  # a fresh list
        cols = claim_columns(claims)
    else:
        # the claims stay on the cluster: each piece sends its columns
        claims = []
        claim_ids = ClusterIds(store)
        cols = _joined(store.client.gather(store.map(claim_columns)))
    n = len(claim_ids)
    known_codes = graph.source_codes()
    if known_codes is not None:
        claim_source, sources = known_codes
    else:
        source_ids = list(map(_SOURCE_ID, claims))
        claim_source, source_first = _column_codes(source_ids)
        sources = [source_ids[i] for i in source_first.tolist()]
    del claims
    known = graph.sources  # a copy: taken once
    given = [known[sid].prior for sid in sources]
    if priors:
        given = [priors.get(sid, g) for sid, g in zip(sources, given)]
    # None (no prior stated) becomes NaN, then the neutral 0.5
    prior = np.array(given, dtype=np.float64)
    prior[np.isnan(prior)] = 0.5

    claim_fact = np.zeros(n, dtype=np.int64)
    fact_question: IntArray = np.zeros(0, dtype=np.int64)
    fact_label: list[str] = []
    fact_value: list[Any] = []
    structured, manner = cols.structured, cols.manner
    n_questions_s = 0
    has_lists = False
    rows = np.flatnonzero(structured)
    if len(rows):
        question_id, n_questions_s = _pair_codes(cols.subjects, cols.predicates)
        raw = cols.values
        # structured facts: one per (question, canonical value), numbered in the order
        # of their first claim; a value is made canonical once however often it
        # recurs. Where values are of several types the memo key carries the types
        # (members' too): 1 == 1.0 == True, yet they are different values
        kinds = set(map(type, raw))
        has_lists = any(issubclass(k, tuple) for k in kinds)
        if len(kinds) > 1 or tuple in kinds:
            memo = [(type(v), tuple((type(m), m) for m in v) if type(v) is tuple else v)
                    for v in raw]  # fmt: skip
        else:
            memo = raw
        value_id, firsts_of_memo = _column_codes(memo)
        same: dict[tuple[str, Any], int] = {}
        merged = np.empty(len(firsts_of_memo), dtype=np.int64)
        for m, j in enumerate(firsts_of_memo.tolist()):
            value = canonical_value(raw[j], processor)
            # values equal once canonical share one id; of different types they do not
            merged[m] = same.setdefault((type(value).__name__, value), len(same))
        by_value = list(same)
        claim_fact[rows], firsts = _numbered(question_id * max(len(same), 1) + merged[value_id])
        fact_question = question_id[firsts]
        fact_label = ids_at(claim_ids, rows[firsts])
        fact_value = _pick([v for _, v in by_value], merged[value_id[firsts]])
    # the links, their ends renumbered from graph positions to id order
    arrays = graph.link_arrays()
    ra, rb = graph.ranks_in_id_order(arrays.a), graph.ranks_in_id_order(arrays.b)
    corroborates = arrays.relation == RELATION_CODES.index("corroborates")
    confidence = arrays.confidence
    # (the arrays per link are let go as soon as they are used: on a million claims
    # each is tens of megabytes, and this is the driver's peak when scoring)
    del arrays
    if not structured.all():
        text = ~structured
        members, fact_of, roots, question_of_fact = _text_facts(text, ra, rb, corroborates)
        offset = len(fact_question)
        base_q = n_questions_s
        # an array, not a list: a Python int per fact would cost ~40 bytes a claim
        fact_question = np.concatenate([fact_question, base_q + question_of_fact])
        fact_label.extend(ids_at(claim_ids, roots))
        fact_value.extend([None] * len(roots))
        claim_fact[members] = offset + fact_of
        n_questions = base_q + (int(question_of_fact.max()) + 1 if len(roots) else 0)
    else:
        n_questions = n_questions_s

    # links between different facts, for implication (TruthFinder) and explanations;
    # made before the votes, so that the arrays per link are gone by then
    fact_a = claim_fact[ra]
    del ra
    fact_b = claim_fact[rb]
    del rb
    across = fact_a != fact_b
    fact_links = (
        np.minimum(fact_a, fact_b)[across],
        np.maximum(fact_a, fact_b)[across],
        (np.where(corroborates[across], 1.0, -1.0) * confidence[across]).astype(np.float64),
    )
    del fact_a, fact_b, across, corroborates, confidence

    # a text denial is already folded into the links (its group contradicts the other);
    # a structured denial votes against its value
    del cols
    claim_sign = np.where(structured & (manner == 2), -1, 1).astype(np.int64)
    claim_weight: FloatArray = np.where(manner == 1, HEDGED_WEIGHT, 1.0)

    strength = claim_weight * claim_sign
    if independence:
        # one vote per (source, fact, direction): the strongest of its claims
        vote_key = (claim_source * max(len(fact_question), 1) + claim_fact) * 2 + (claim_sign > 0)
        # a vote's strength is 1 or HEDGED_WEIGHT, so "strongest first" is one more
        # bit of the key, and a stable integer sort keeps id order among equals
        order = np.argsort(vote_key * 2 + (manner == 1), kind="stable")
        in_order = vote_key[order]
        first = np.ones(n, dtype=np.bool_)
        first[1:] = in_order[1:] != in_order[:-1]
        # the picked claims back in claim order (a mask, not a sort)
        chosen = np.zeros(n, dtype=np.bool_)
        chosen[order[first]] = True
        pick = np.flatnonzero(chosen)
        del vote_key, order, in_order, first, chosen
    else:
        pick = np.arange(n)
    v_weight = strength[pick]
    if independence:
        v_weight = v_weight * copy_discount(claim_source[pick], claim_fact[pick], v_weight,
                                            len(sources))  # fmt: skip

    oa, ob, share = [], [], []
    by_question: dict[int, list[int]] = {}
    if has_lists:  # multi-valued facts overlap where their members do
        for f, (value, q) in enumerate(zip(fact_value, fact_question.tolist())):
            if isinstance(value, tuple):
                by_question.setdefault(q, []).append(f)
    for facts in by_question.values():
        sets = {f: set(fact_value[f]) for f in facts}
        for x in facts:
            for y in facts:
                common = len(sets[x] & sets[y])
                if x != y and common:
                    oa.append(x)
                    ob.append(y)
                    share.append(common / len(sets[x]))
    return Votes(
        claim_ids=claim_ids,
        claim_fact=claim_fact,
        claim_sign=claim_sign,
        claim_weight=claim_weight,
        claim_source=claim_source,
        sources=sources,
        source_prior=prior,
        fact_question=fact_question,
        fact_label=fact_label,
        fact_value=fact_value,
        n_questions=n_questions,
        v_source=claim_source[pick],
        v_fact=claim_fact[pick],
        v_weight=v_weight,
        fact_links=fact_links,
        fact_overlap=(
            np.array(oa, dtype=np.int64),
            np.array(ob, dtype=np.int64),
            np.array(share, dtype=np.float64),
        ),
    )
