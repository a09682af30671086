"""``link``, ``compare`` and ``count_comparisons``: the public face of linking."""

from __future__ import annotations

import inspect
import math
import operator
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from reconcile._links import LinkBatch
from reconcile._progress import progress_bar
from reconcile.engines import DaskEngine, Engine, LocalEngine, resolve_engine
from reconcile.errors import InvalidClaimError, OptionError
from reconcile.graph import ClaimGraph
from reconcile.linking.blocking import (
    BlockingReport,
    all_pairs,
    block_pairs,
    prefix_pairs,
    resolve_block_on,
)
from reconcile.linking.features import (
    FEATURES,
    IntArray,
    PairEvidence,
    Prepared,
    TextPart,
    analyse_texts,
    combine_parts,
    containment,
    pair_evidence,
    pair_features,
    pair_words,
    shares_rarest,
    stance_flags,
    weighted_overlap,
)
from reconcile.linking.linker import LABELS, Linker, PairFeatures
from reconcile.linking.structured import compare_values
from reconcile.model import Claim, Link, Relation, Stance

__all__ = ["DEFAULT_PROCESSOR", "DEFAULT_SCORER", "ReconcileWarning", "compare",
           "count_comparisons", "link"]  # fmt: skip

DEFAULT_SCORER = fuzz.token_set_ratio
DEFAULT_PROCESSOR = default_process
_NO_WORDS = np.zeros(0, dtype=np.int64)
_COL = {name: k for k, name in enumerate(FEATURES)}
_IS_STRUCTURED = operator.attrgetter("is_structured")


class ReconcileWarning(UserWarning):
    """Something worth knowing happened, but nothing was lost (e.g. a capped block)."""


class _Options:
    """The validated keyword options shared by link and count_comparisons."""

    def __init__(
        self,
        *,
        block_on: Any,
        scorer: Any,
        processor: Any,
        score_cutoff: Any,
        workers: Any,
        same_source: Any,
        linker: Any,
        max_block_size: Any,
    ) -> None:
        self.key_fn = resolve_block_on(block_on)
        self.brute_force = block_on == "all"
        if not callable(scorer):
            raise OptionError(f"must be callable, got {type(scorer).__name__}", field="scorer")
        if processor is not None and not callable(processor):
            raise OptionError(
                f"must be callable or None, got {type(processor).__name__}", field="processor"
            )
        if score_cutoff is not None:
            bad = isinstance(score_cutoff, bool) or not isinstance(score_cutoff, (int, float))
            if bad or not 0 <= score_cutoff <= 100 or math.isnan(score_cutoff):
                raise OptionError(
                    f"must be None or a number in [0, 100], got {score_cutoff!r}",
                    field="score_cutoff",
                )
        if isinstance(workers, bool) or not isinstance(workers, int) or workers == 0 \
                or workers < -1:  # fmt: skip
            raise OptionError(f"must be a positive int or -1, got {workers!r}", field="workers")
        if isinstance(max_block_size, bool) or not isinstance(max_block_size, int) \
                or max_block_size < 2:  # fmt: skip
            raise OptionError(f"must be an int >= 2, got {max_block_size!r}",
                              field="max_block_size")  # fmt: skip
        if linker is not None and not isinstance(linker, Linker):
            raise OptionError(f"must be a Linker, got {type(linker).__name__}", field="linker")
        self.scorer = scorer
        self.processor = processor
        self.score_cutoff = score_cutoff
        self.workers = workers
        self.same_source = bool(same_source)
        self.linker: Linker = linker if linker is not None else Linker.default()
        self.max_block_size = max_block_size


def _materialise(claims: Any) -> Any:
    """Claims from a dask bag (of Claims) or dask DataFrame (claim columns), computed."""
    if hasattr(claims, "dask") and hasattr(claims, "compute"):
        computed = claims.compute()
        if hasattr(computed, "columns"):
            from reconcile.io import claims_from_pandas

            return claims_from_pandas(computed)
        return computed
    return claims


def default_options() -> _Options:
    """The options of :func:`link` left at their defaults (read from its signature)."""
    params = inspect.signature(link).parameters
    return _Options(**{name: params[name].default for name in _OPTION_NAMES})


_OPTION_NAMES = ("block_on", "scorer", "processor", "score_cutoff", "workers", "same_source",
                 "linker", "max_block_size")  # fmt: skip


def _checked_graph(claims: Iterable[Claim] | ClaimGraph) -> ClaimGraph:
    """The claims in a new graph (without links), which checks them: each must be a
    Claim, and one id names one claim. The graph holds them in id order, so the same
    claims in any order give the same links."""
    if isinstance(claims, ClaimGraph):
        return ClaimGraph(claims.claims_in_id_order())
    return ClaimGraph(claims)


def _groups(claims: list[Claim], same_source: bool) -> IntArray | None:
    if same_source:
        return None
    codes: dict[str, int] = {}
    return np.array([codes.setdefault(c.source.id, len(codes)) for c in claims], dtype=np.int64)


class _TextPlan(NamedTuple):
    """The text half of a plan, made where the engine works (see :func:`_plan_text`)."""

    prepared: Prepared
    a: IntArray
    b: IntArray
    """The candidate pairs (after the gate when it was asked for)."""
    denies: NDArray[np.bool_]
    """Which claims are denials."""
    candidates: int
    """How many pairs blocking found (before the gate)."""
    largest: list[tuple[str, int]]
    capped: list[tuple[str, int]]


def _text_summary(plan: _TextPlan) -> tuple[int, int, list[tuple[str, int]], list[tuple[str, int]]]:
    """What the driver needs of a text plan: a few numbers and the block lists."""
    return plan.candidates, len(plan.a), plan.largest, plan.capped


def _plan_text(
    *,
    parts: list[TextPart],
    denies: NDArray[np.bool_],
    groups: IntArray | None,
    keys: list[Any] | None,
    opts: _Options,
    gate: bool,
) -> _TextPlan:
    """Join the analysed pieces of the text claims and block them: the claim-sized part
    of linking, which reads only arrays so that it can run on a worker.

    `keys` is set for ``block_on`` by key.
    """
    p = combine_parts(parts)
    n = len(p.n_terms)
    largest: list[tuple[str, int]] = []
    capped: list[tuple[str, int]] = []
    if opts.brute_force:
        ta, tb = all_pairs(n, groups)
    elif keys is not None:
        ta, tb, largest, capped = block_pairs(
            keys, max_block_size=opts.max_block_size, groups=groups
        )
    else:
        terms = sorted(p.vocab, key=p.vocab.__getitem__)
        ta, tb, largest, capped = prefix_pairs(
            p, min_overlap=opts.linker.min_overlap, short_overlap=opts.linker.short_overlap,
            max_block_size=opts.max_block_size, groups=groups, terms=terms,
        )  # fmt: skip
    candidates = len(ta)
    if gate and len(ta):
        # the gate first: it is exact, cheap, and what blocking guarantees to cover
        linker = opts.linker
        keep = containment(p, ta, tb) >= linker.min_overlap - 1e-9
        both_short = p.short[ta] & p.short[tb]
        sa, sb = ta[both_short], tb[both_short]
        keep[both_short] &= (
            weighted_overlap(p, sa, sb) >= linker.short_overlap - 1e-9
        ) | shares_rarest(p, sa, sb)
        ta, tb = ta[keep], tb[keep]
    return _TextPlan(p, ta, tb, denies, candidates, largest, capped)


_TEXT_CHUNK = 50_000  # texts per piece shipped to the engine


class _Plan:
    """Candidate pairs for the text and the structured claims of one collection.

    The text half (:func:`_plan_text`) runs where `engine` works: on a cluster it stays
    there, and the driver keeps only a handle to it and its summary.
    """

    def __init__(self, claims: list[Claim], opts: _Options, engine: Engine, gate: bool) -> None:
        # indices as arrays, not lists of ints: on a million claims the driver holds
        # them for the whole call
        structured = np.fromiter(map(_IS_STRUCTURED, claims), np.bool_, len(claims))
        self.text_idx: IntArray = np.flatnonzero(~structured)
        self.struct_idx: IntArray = np.flatnonzero(structured)
        del structured
        text_claims = [claims[i] for i in self.text_idx.tolist()]
        struct_claims = [claims[i] for i in self.struct_idx.tolist()]
        key_fn = None if opts.brute_force else opts.key_fn
        denies, hedged = stance_flags(text_claims)
        # the pieces are analysed apart (on a cluster, at once), then joined
        parts = []
        for lo in range(0, len(text_claims), _TEXT_CHUNK):
            hi = lo + _TEXT_CHUNK
            texts = engine.put([c.describe() for c in text_claims[lo:hi]])
            parts.append(engine.run(analyse_texts, texts=texts, denies=denies[lo:hi],
                                    hedged=hedged[lo:hi]))  # fmt: skip
        self.text = engine.run(
            _plan_text,
            parts=parts,
            denies=denies,
            groups=_groups(text_claims, opts.same_source),
            keys=None if key_fn is None else [key_fn(c) for c in text_claims],
            opts=opts,
            gate=gate,
        )
        del parts  # on a cluster, the pieces are let go once joined
        candidates, self.text_pairs, lt, ct = engine.fetch(_text_summary, self.text)
        self.sa, self.sb, ls, cs = _structured_pairs(struct_claims, opts)
        self.report = _report(len(claims), candidates, len(self.sa), lt + ls, ct + cs, opts)


def _structured_pairs(
    struct_claims: list[Claim], opts: _Options
) -> tuple[IntArray, IntArray, list[tuple[str, int]], list[tuple[str, int]]]:
    """Candidate pairs of structured claims (one key), with the largest and the
    capped blocks."""
    s_groups = _groups(struct_claims, opts.same_source)
    if opts.brute_force:
        sa, sb = all_pairs(len(struct_claims), s_groups)
        keep = np.array([struct_claims[a].key == struct_claims[b].key
                         for a, b in zip(sa.tolist(), sb.tolist())], dtype=np.bool_)  # fmt: skip
        return sa[keep], sb[keep], [], []
    key_fn = opts.key_fn
    s_keys = [c.key if key_fn is None else (c.key, key_fn(c)) for c in struct_claims]
    return block_pairs(s_keys, max_block_size=opts.max_block_size, groups=s_groups)


def _report(
    n: int,
    text_pairs: int,
    structured_pairs: int,
    largest: list[tuple[str, int]],
    capped: list[tuple[str, int]],
    opts: _Options,
) -> BlockingReport:
    return BlockingReport(
        claims=n,
        pairs=text_pairs + structured_pairs,
        text_pairs=text_pairs,
        structured_pairs=structured_pairs,
        largest_blocks=tuple(sorted(largest, key=lambda kv: (-kv[1], kv[0]))[:10]),
        capped_blocks=tuple(sorted(capped, key=lambda kv: (-kv[1], kv[0]))),
        max_block_size=opts.max_block_size,
    )


def count_comparisons(
    claims: Iterable[Claim] | ClaimGraph,
    *,
    block_on: Any = None,
    scorer: Callable[..., Any] = DEFAULT_SCORER,
    processor: Callable[..., Any] | None = DEFAULT_PROCESSOR,
    score_cutoff: float | None = None,
    workers: int = 1,
    same_source: bool = False,
    progress: bool = False,
    linker: Linker | None = None,
    max_block_size: int = 5_000,
) -> BlockingReport:
    """Preview blocking: how many pairs :func:`link` would compare, and the largest blocks.

    Takes the same options as :func:`link` and does only the cheap part of its work.

    Examples
    --------
    >>> import reconcile as rc
    >>> claims = rc.datasets.load_demo()
    >>> report = rc.count_comparisons(claims)
    >>> report.pairs < report.brute_force_pairs
    True
    """
    opts = _Options(
        block_on=block_on, scorer=scorer, processor=processor, score_cutoff=score_cutoff,
        workers=workers, same_source=same_source, linker=linker, max_block_size=max_block_size,
    )  # fmt: skip
    items = _checked_graph(_materialise(claims)).claims_in_id_order()
    return _Plan(items, opts, LocalEngine(), gate=False).report


def _warn_capped(report: BlockingReport, stacklevel: int) -> None:
    """A ReconcileWarning naming the blocks too large to compare, if any."""
    if report.capped_blocks:
        warnings.warn(
            f"{len(report.capped_blocks)} blocks had more than max_block_size="
            f"{report.max_block_size} claims and were not compared (largest: "
            f"{report.capped_blocks[0][0]!r} with {report.capped_blocks[0][1]}); "
            "see rc.count_comparisons(...)",
            ReconcileWarning,
            stacklevel=stacklevel,
        )


def _wording(overlap: int, fuzz_score: int) -> str:
    return f"similar wording (token overlap {overlap}%, fuzz {fuzz_score})"


def _text_reasons(
    wording: str,
    ev: PairEvidence,
    deniers: tuple[str | None, str | None],
    relation: Relation,
    hedged: bool,
) -> tuple[str, ...]:
    """The reasons of a text link; `deniers` names the source of each claim that is a
    denial (None for the others)."""
    reasons = [wording]
    if relation is Relation.CONTRADICTS:
        for denier, cues in zip(deniers, (ev.focus_a, ev.focus_b)):
            if cues.negations:
                reasons.append(f"negation: '{cues.negations[0]}'")
            if cues.denials:
                reasons.append(f"denial: '{cues.denials[0]}'")
            if denier is not None:
                reasons.append(f"{denier} denies it")
        reasons.extend(ev.numbers)
        reasons.extend(ev.dates)
        reasons.extend(ev.antonyms)
    if hedged:
        hedges = ev.focus_a.hedges or ev.focus_b.hedges
        reasons.append(f"hedged: '{hedges[0]}'" if hedges else "hedged report")
    return tuple(dict.fromkeys(reasons))


def _deniers(text_claims: Iterable[Claim]) -> dict[int, str]:
    """The source of each denial among the text claims, by its index: what the
    reasons of the links need of the claims, and no more is shipped to workers."""
    return {k: c.source.id for k, c in enumerate(text_claims) if c.stance is Stance.DENIES}


def _text_links(
    text_plan: Any, n_pairs: int, deniers: dict[int, str], opts: _Options, progress: bool,
    engine: Engine,
) -> Iterator[LinkBatch]:  # fmt: skip
    """The batches of links among the text claims, in order, each brought back only
    when the one before it has been taken (the driver need not hold them all).
    `text_plan` is the :class:`_TextPlan`, or the engine's handle to it."""
    bar = progress_bar(n_pairs, progress, "linking", "pair")
    size = engine.batch_size
    spans = [(k, min(k + size, n_pairs)) for k in range(0, n_pairs, size)]
    shared = {"plan": text_plan, "opts": opts, "deniers": deniers}
    yield from engine.imap(
        _batch_links, shared, spans, [hi - lo for lo, hi in spans],
        bar.update if bar is not None else None,
    )  # fmt: skip
    if bar is not None:
        bar.close()


def _batch_links(
    *,
    plan: _TextPlan,
    opts: _Options,
    deniers: dict[int, str],
    item: tuple[int, int],
) -> LinkBatch:
    """The links among one batch of candidate pairs, ``plan.a[lo:hi]`` with
    ``plan.b[lo:hi]`` (runs wherever the engine says)."""
    linker, p = opts.linker, plan.prepared
    a, b = plan.a[item[0] : item[1]], plan.b[item[0] : item[1]]
    X, _ = pair_features(p, a, b, scorer=opts.scorer, processor=opts.processor,
                         workers=opts.workers)  # fmt: skip
    # A denial against a statement of the same text: the models judge the two texts as
    # written (the denial's flip undone), and the relation is then turned over, so the
    # denial contradicts what it denies and sides with what opposes it.
    one_denies = plan.denies[a] != plan.denies[b]
    X[one_denies, _COL["polarity_differs"]] = 1.0 - X[one_denies, _COL["polarity_differs"]]
    # relatedness needs no words; the stance is decided again below, with them
    label, _, _ = linker.decide(PairFeatures(X, _NO_WORDS, _NO_WORDS))
    ok = label > 0
    if opts.score_cutoff is not None:
        ok &= X[:, 0] * 100 >= opts.score_cutoff
    rows = np.flatnonzero(ok)
    Xe, ra, rb = X[rows], a[rows], b[rows]
    label_e, related, stance = linker.decide(PairFeatures(Xe, *pair_words(p, ra, rb)))
    # label_e is never "unrelated" here: the words only move the stance
    flipped = one_denies[rows]
    contradicts = (label_e == LABELS.index("contradicts")) != flipped
    hedged = (label_e == LABELS.index("hedged")) | p.hedged[ra] | p.hedged[rb]
    probs = np.where(flipped[:, None], stance[:, [1, 0, 2]], stance)
    # a rule-made contradiction is as sure as the pair is related
    confidence = related * np.where(
        contradicts, np.maximum(probs[:, 1], 0.5), probs[:, 0] + probs[:, 2]
    )
    confidence = np.clip(np.where(hedged, 0.5 * confidence, confidence), 0.0, 1.0)
    # Reasons: the wording note alone for a plain corroboration (tabled by its two
    # numbers); the cues behind it for a contradiction or a hedged report.
    overlap = np.rint(Xe[:, _COL["containment"]] * 100).astype(np.int64)
    fuzz_ = np.rint(Xe[:, _COL["fuzz"]] * 100).astype(np.int64)
    wording, reason = np.unique(overlap * 101 + fuzz_, return_inverse=True)
    table: list[tuple[str, ...]] = [(_wording(k // 101, k % 101),) for k in wording.tolist()]
    reason = reason.astype(np.int32)
    noted = np.flatnonzero(contradicts | hedged)
    if len(noted):
        evidence = pair_evidence(p, ra[noted], rb[noted], Xe[noted])
        codes = {r: k for k, r in enumerate(table)}
        for r, k in enumerate(noted.tolist()):
            ends = (deniers.get(int(ra[k])), deniers.get(int(rb[k])))
            relation = Relation.CONTRADICTS if contradicts[k] else Relation.CORROBORATES
            found = _text_reasons(table[reason[k]][0], evidence[r], ends, relation,
                                  bool(hedged[k]))  # fmt: skip
            code = codes.get(found)
            if code is None:
                code = codes[found] = len(table)
                table.append(found)
            reason[k] = code
    return LinkBatch(ra, rb, contradicts.astype(np.int8), confidence, hedged, reason, table)


def _structured_links(
    struct_claims: list[Claim], sa: IntArray, sb: IntArray, opts: _Options
) -> list[Link]:
    """The links among the candidate pairs `sa`, `sb` of the structured claims."""
    links = []
    memo: dict[tuple[Any, ...], Any] = {}
    for a, b in zip(sa.tolist(), sb.tolist()):
        ca, cb = struct_claims[a], struct_claims[b]
        key = (ca.value, cb.value, ca.stance, cb.stance, ca.source.id, cb.source.id)
        if key not in memo:
            memo[key] = compare_values(
                ca, cb, processor=opts.processor, fuzzy_cutoff=opts.linker.fuzzy_cutoff,
                rel_tol=opts.linker.rel_tol,
            )  # fmt: skip
        found = memo[key]
        if found is not None:
            relation, confidence, reasons, hedged = found
            links.append(Link(ca.id, cb.id, relation, confidence, reasons=reasons, hedged=hedged))
    return links


def link(
    claims: Iterable[Claim] | ClaimGraph,
    *,
    block_on: Any = None,
    scorer: Callable[..., Any] = DEFAULT_SCORER,
    processor: Callable[..., Any] | None = DEFAULT_PROCESSOR,
    score_cutoff: float | None = None,
    workers: int = 1,
    same_source: bool = False,
    progress: bool = False,
    linker: Linker | None = None,
    max_block_size: int = 5_000,
    engine: str | Engine = "local",
    client: Any = None,
) -> ClaimGraph:
    """Link claims that corroborate or contradict each other, across sources.

    Parameters
    ----------
    claims : iterable of Claim, ClaimGraph, dask bag or dask DataFrame
        The claims. A graph's existing links are replaced by the new ones. A dask bag
        (of Claims) or DataFrame (claim columns) is computed here, unless `engine`
        runs on a client the caller gave: then its claims stay on that cluster,
        sorted into a store the graph reads them from (see :mod:`reconcile.store`).
    block_on : None, "all", str or callable
        Which pairs to compare. None: text claims by prefix filtering on their rarest
        terms, structured claims by (subject, predicate). "all": every pair (small
        inputs only). A field name ("subject", "predicate", "document", "source",
        "key") or a callable ``claim -> key``: only claims with equal keys.
    scorer : callable
        The rapidfuzz scorer behind the ``fuzz`` feature (default ``token_set_ratio``).
    processor : callable or None
        The rapidfuzz processor applied before scoring (default ``default_process``).
    score_cutoff : float, optional
        Pairs whose scorer score (0-100) is below this are left unlinked.
    workers : int
        Threads for rapidfuzz ``cpdist`` (-1: all cores).
    same_source : bool
        Also link claims of one source (by default only pairs across sources).
    progress : bool
        Show a progress bar (needs tqdm: ``reconcile[progress]``).
    linker : Linker, optional
        The comparer; default :meth:`Linker.default`.
    max_block_size : int
        Blocks with more claims than this are not compared; a ReconcileWarning names them.
    engine : "local", "dask" or Engine
        Where the pair comparisons run: in this process (default), or as tasks on a
        Dask cluster (``reconcile[dask]``); the graph is the same either way, its
        claims here or on the cluster.
    client : dask.distributed.Client, optional
        The cluster for ``engine="dask"`` (default: a local cluster of processes).

    Returns
    -------
    ClaimGraph

    Examples
    --------
    >>> import reconcile as rc
    >>> g = rc.link([
    ...     rc.Claim("Talks in Doha made significant progress", source="US envoy"),
    ...     rc.Claim("There was significant progress in the Doha talks", source="spokesman"),
    ...     rc.Claim("The Doha talks made no progress at all", source="analyst"),
    ... ])
    >>> sorted((*sorted([g[l.a].source.id, g[l.b].source.id]), l.relation.value)
    ...        for l in g.links())
    [('US envoy', 'analyst', 'contradicts'), ('US envoy', 'spokesman', 'corroborates'), \
('analyst', 'spokesman', 'contradicts')]
    """
    opts = _Options(
        block_on=block_on, scorer=scorer, processor=processor, score_cutoff=score_cutoff,
        workers=workers, same_source=same_source, linker=linker, max_block_size=max_block_size,
    )  # fmt: skip
    runner = resolve_engine(engine, client)
    from reconcile.linking.cluster import is_dask_collection, lasting_client, link_on_cluster

    if is_dask_collection(claims) and lasting_client(runner) is not None:
        # the claims stay on the cluster the caller keeps (see reconcile.store)
        assert isinstance(runner, DaskEngine)
        return link_on_cluster(claims, opts, runner, progress, structured=True)
    graph = _checked_graph(_materialise(claims))
    items = graph.claims_in_id_order()  # so an item's index is its graph position
    try:
        plan = _Plan(items, opts, runner, gate=True)
        _warn_capped(plan.report, stacklevel=3)
        # text-claim indices are graph positions already: no id -> position index
        position = plan.text_idx
        deniers = _deniers(items[i] for i in plan.text_idx.tolist())
        # each batch is converted as it arrives and let go (see ClaimGraph._link_parts)
        batches = _text_links(plan.text, plan.text_pairs, deniers, opts, progress, runner)
        parts = graph._link_parts(batches, position)
        plan.text = None  # the analysed texts are let go before the parts are joined
    finally:
        if runner is not engine and hasattr(runner, "close"):
            runner.close()  # a cluster started for this call only
    graph._add_link_parts(parts)
    del parts
    struct_claims = [items[i] for i in plan.struct_idx.tolist()]
    graph.add_links(_structured_links(struct_claims, plan.sa, plan.sb, opts))
    graph._release_positions()
    return graph


def compare(
    a: Claim,
    b: Claim,
    *,
    scorer: Callable[..., Any] = DEFAULT_SCORER,
    processor: Callable[..., Any] | None = DEFAULT_PROCESSOR,
    linker: Linker | None = None,
) -> Link | None:
    """Compare two claims: their Link (relation, confidence, reasons), or None if unrelated.

    Examples
    --------
    >>> import reconcile as rc
    >>> link = rc.compare(
    ...     rc.Claim("The ferry sank with 17 people on board", source="coast guard"),
    ...     rc.Claim("The ferry sank with 18 people on board", source="local radio"))
    >>> link.relation.value, link.reasons[-1]
    ('contradicts', 'numbers differ: 17 vs 18 people')
    """
    for name, claim in (("a", a), ("b", b)):
        if not isinstance(claim, Claim):
            raise InvalidClaimError(f"expected a Claim, got {type(claim).__name__}", field=name)
    if a.id == b.id:
        return None
    graph = link([a, b], block_on="all", scorer=scorer, processor=processor, same_source=True,
                 linker=linker)  # fmt: skip
    return graph.get_link(a.id, b.id)
