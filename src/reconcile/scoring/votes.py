"""From claims to votes: the arrays every truth-discovery algorithm iterates over.

A *fact* is one proposition that one or more claims state: for structured claims, one
normalised value of one (subject, predicate) question; for text claims, a group of
claims that corroborate each other. A *question* groups the facts that compete. A
*vote* is one source's support (or, for a denial, opposition) for one fact: however
many claims and relays carry it, a source votes once per fact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from reconcile._links import RELATION_CODES, component_labels
from reconcile.graph import ClaimGraph
from reconcile.model import Claim, Scalar, Stance, Value

__all__ = ["HEDGED_WEIGHT", "Votes", "build_votes", "canonical_value", "copy_discount"]

HEDGED_WEIGHT = 0.5
"""How much a hedged report counts next to an assertion."""

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


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

    claim_ids: list[str]
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
    fact_label = component_labels(len(text), ra[both & corroborates], rb[both & corroborates])
    question_label = component_labels(len(text), ra[both], rb[both])
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
    votes_of: dict[int, list[tuple[int, float]]] = {}
    for s_, f_, w_ in zip(v_source.tolist(), v_fact.tolist(), v_weight.tolist()):
        votes_of.setdefault(s_, []).append((f_, w_))
    groups: dict[tuple[tuple[int, float], ...], list[int]] = {}
    for s_, votes in votes_of.items():
        if len(votes) >= COPY_MIN_VOTES:
            groups.setdefault(tuple(sorted(votes)), []).append(s_)
    supporters = np.bincount(v_fact[v_weight > 0], minlength=int(v_fact.max()) + 1)
    size = np.ones(n_sources, dtype=np.float64)
    for signature, members in groups.items():
        if len(members) < 2:
            continue
        exclusive = sum(1 for f_, w_ in signature if w_ > 0 and supporters[f_] == len(members))
        if exclusive >= COPY_MIN_EXCLUSIVE:
            size[members] = len(members)
    out = 1.0 / size[v_source]
    return out


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
    claims: list[Claim] = sorted(graph, key=lambda c: c.id)
    n = len(claims)
    claim_ids = [c.id for c in claims]
    src_index: dict[str, int] = {}
    claim_source = np.array(
        [src_index.setdefault(c.source.id, len(src_index)) for c in claims], dtype=np.int64
    )
    sources = list(src_index)
    prior = np.full(len(sources), 0.5)
    for sid, k in src_index.items():
        given = graph.sources[sid].prior
        if priors and sid in priors:
            given = priors[sid]
        if given is not None:
            prior[k] = given

    claim_fact = np.zeros(n, dtype=np.int64)
    fact_question: list[int] = []
    fact_label: list[str] = []
    fact_value: list[Any] = []
    # structured facts: one per (question key, canonical value)
    fact_index: dict[tuple[Any, ...], int] = {}
    question_index: dict[Any, int] = {}
    text_ids = [c.id for c in claims if not c.is_structured]
    for i, c in enumerate(claims):
        if c.is_structured:
            assert c.value is not None
            value = canonical_value(c.value, processor)
            key = (c.key, type(value).__name__, value)
            if key not in fact_index:
                fact_index[key] = len(fact_question)
                fact_question.append(question_index.setdefault(("s", c.key), len(question_index)))
                fact_label.append(c.id)
                fact_value.append(value)
            claim_fact[i] = fact_index[key]
    # the links, their ends renumbered from graph positions to id order
    position = {cid: i for i, cid in enumerate(claim_ids)}
    arrays = graph.link_arrays()
    rank = np.array([position[c.id] for c in graph.claims], dtype=np.int64)
    ra, rb = rank[arrays.a], rank[arrays.b]
    corroborates = arrays.relation == RELATION_CODES.index("corroborates")
    if text_ids:
        text = np.array([not c.is_structured for c in claims], dtype=np.bool_)
        members, fact_of, roots, question_of_fact = _text_facts(text, ra, rb, corroborates)
        offset = len(fact_question)
        base_q = len(question_index)
        fact_question.extend((base_q + question_of_fact).tolist())
        fact_label.extend(claim_ids[r] for r in roots.tolist())
        fact_value.extend([None] * len(roots))
        claim_fact[members] = offset + fact_of
        n_questions = base_q + (int(question_of_fact.max()) + 1 if len(roots) else 0)
    else:
        n_questions = len(question_index)

    stance = [c.stance for c in claims]
    structured = np.array([c.is_structured for c in claims], dtype=np.bool_)
    # a text denial is already folded into the links (its group contradicts the other);
    # a structured denial votes against its value
    claim_sign = np.where(
        structured & np.array([s is Stance.DENIES for s in stance], dtype=np.bool_), -1, 1
    ).astype(np.int64)
    claim_weight = np.array([HEDGED_WEIGHT if s is Stance.HEDGED else 1.0 for s in stance])

    strength = claim_sign * claim_weight
    if independence:
        # one vote per (source, fact, direction): the strongest of its claims
        vote_key = (claim_source * max(len(fact_question), 1) + claim_fact) * 2 + (claim_sign > 0)
        order = np.lexsort((-np.abs(strength), vote_key))
        first = np.ones(n, dtype=np.bool_)
        first[1:] = vote_key[order][1:] != vote_key[order][:-1]
        pick = order[first]
    else:
        pick = np.arange(n)
    pick = np.sort(pick)
    v_weight = strength[pick]
    if independence:
        v_weight = v_weight * copy_discount(claim_source[pick], claim_fact[pick], v_weight,
                                            len(sources))  # fmt: skip

    # links between different facts, for implication (TruthFinder) and explanations
    fact_a, fact_b = claim_fact[ra], claim_fact[rb]
    across = fact_a != fact_b
    signed = np.where(corroborates, 1.0, -1.0) * arrays.confidence
    oa, ob, share = [], [], []
    by_question: dict[int, list[int]] = {}
    for f, value in enumerate(fact_value):
        if isinstance(value, tuple):
            by_question.setdefault(fact_question[f], []).append(f)
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
        fact_question=np.array(fact_question, dtype=np.int64),
        fact_label=fact_label,
        fact_value=fact_value,
        n_questions=n_questions,
        v_source=claim_source[pick],
        v_fact=claim_fact[pick],
        v_weight=v_weight,
        fact_links=(
            np.minimum(fact_a, fact_b)[across],
            np.maximum(fact_a, fact_b)[across],
            signed[across].astype(np.float64),
        ),
        fact_overlap=(
            np.array(oa, dtype=np.int64),
            np.array(ob, dtype=np.int64),
            np.array(share, dtype=np.float64),
        ),
    )
