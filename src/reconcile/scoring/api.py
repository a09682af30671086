"""``score``: consensus and trust for claims or a claim graph."""

from __future__ import annotations

import inspect
import itertools
import math
import operator
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rapidfuzz.utils import default_process

from reconcile._gc import paused_gc
from reconcile._progress import progress_bar
from reconcile.engines import DaskEngine, Engine, resolve_engine
from reconcile.errors import OptionError
from reconcile.graph import ClaimGraph
from reconcile.model import Claim
from reconcile.scoring.algorithms import ALGORITHMS
from reconcile.scoring.consensus import Consensus, claim_scores
from reconcile.scoring.votes import build_votes

__all__ = ["ENGINE_METHODS", "METHODS", "score"]

METHODS = ("auto", *ALGORITHMS)
"""The names :func:`score` accepts for `method`."""
ENGINE_METHODS = tuple(
    name for name, fn in ALGORITHMS.items() if "engine" in inspect.signature(fn).parameters
)
"""The methods whose rounds run on :func:`score`'s `engine`: their votes are kept
there and totalled by tasks (see :mod:`reconcile.scoring.totals` and, for accu's
copy detection, :mod:`reconcile.scoring.copying`). Today that is every method; one
without an `engine` parameter would iterate in this process whatever the engine."""
_AUTO = "accu"


def _auto(votes: Any) -> str:
    """Dawid-Skene when every question picks from one small shared set of labels (as
    crowd workers do); otherwise ACCU with copy detection (sources and outlets)."""
    values = votes.fact_value
    domain = {v for v in values if v is not None}
    crowd = (
        len(values) > 0
        and all(v is not None and not isinstance(v, tuple) for v in values)
        and 1 < len(domain) <= 16
        and votes.n_questions > 4 * len(domain)
    )
    return "dawid_skene" if crowd else _AUTO


def _graph_of(
    claims: Iterable[Claim] | ClaimGraph,
    link: Callable[..., ClaimGraph] | None,
    progress: bool = False,
    engine: Engine | None = None,
) -> ClaimGraph:
    if isinstance(claims, ClaimGraph):
        return claims
    from reconcile.linking.cluster import is_dask_collection, lasting_client, link_on_cluster

    if link is not None and is_dask_collection(claims) and lasting_client(engine) is not None:
        # the claims stay on the cluster the caller keeps; only text claims are linked
        from reconcile.linking.api import default_options

        assert isinstance(engine, DaskEngine)
        return link_on_cluster(claims, default_options(), engine, progress, structured=False)
    from reconcile.linking.api import _materialise  # a dask bag or DataFrame, computed

    items = list(_materialise(claims))
    with paused_gc():
        graph = ClaimGraph(items)  # checks that every item is a Claim, naming the record
    # text claims (no subject), picked out in C: this list can be a million long
    subjects = map(operator.attrgetter("subject"), items)
    text = list(itertools.compress(items, map(operator.is_, subjects, itertools.repeat(None))))
    if text and link is not None:
        # structured claims need no links: their values say which agree
        graph.add_links(link(text, progress=progress, engine=engine or "local").links())
    return graph


def _advance(bar: Any, stage: str) -> None:
    if bar is not None:
        bar.set_postfix_str(stage)
        bar.update(1)


def score(
    graph_or_claims: Iterable[Claim] | ClaimGraph,
    *,
    method: str = "auto",
    max_iter: int = 100,
    tol: float = 1e-6,
    priors: Mapping[str, float] | None = None,
    independence: bool = True,
    progress: bool = False,
    processor: Callable[..., Any] | None = default_process,
    engine: str | Engine = "local",
    client: Any = None,
    **params: Any,
) -> Consensus:
    """Score every claim by consensus while estimating every source's trust.

    Parameters
    ----------
    graph_or_claims : ClaimGraph, iterable of Claim, dask bag or dask DataFrame
        A linked graph, or claims (text claims are linked first with
        :func:`reconcile.link`; structured claims agree when their values do). A dask
        collection is computed here, or, on a client the caller gave, left on its
        cluster, as :func:`reconcile.link` does.
    method : str
        One of :data:`METHODS`. "auto" runs Dawid-Skene on crowd-style labels (every
        question picks from one small shared set of values) and ACCU with copy
        detection otherwise; ``result.method`` says which.
    max_iter, tol : int, float
        Iteration limit and convergence tolerance (largest change in trust).
    priors : mapping, optional
        Prior trust per source id, strictly between 0 and 1 (overrides
        ``Source.prior``).
    independence : bool
        Count a source once per proposition however many claims or relays carry it,
        and discount sources detected as copying each other. False: every claim is a
        vote, as the classic algorithms assume.
    progress : bool
        Show a progress bar over the stages (linking, votes, the algorithm, claim
        scores); linking shows its own bar over pairs. Needs ``reconcile[progress]``.
    processor : callable or None
        Normalises structured string values before they are compared.
    engine : "local", "dask" or Engine
        Where the work runs: claims are linked there (see :func:`reconcile.link`), and
        the methods of :data:`ENGINE_METHODS` keep their votes there and total them
        by tasks each round. The scores are the same to the last bit either way.
    client : dask.distributed.Client, optional
        The cluster for ``engine="dask"`` (default: a local cluster of processes).
    **params
        Passed to the algorithm (e.g. ``g`` for investment, ``rho`` for truthfinder).

    Returns
    -------
    Consensus

    Examples
    --------
    >>> import reconcile as rc
    >>> claims = [
    ...     rc.Claim(subject="bridge", predicate="opened", value="Monday", source="mayor"),
    ...     rc.Claim(subject="bridge", predicate="opened", value="Monday", source="paper"),
    ...     rc.Claim(subject="bridge", predicate="opened", value="Tuesday", source="blog"),
    ... ]
    >>> result = rc.score(claims, method="majority")
    >>> round(result.score(claims[0]), 2), round(result.score(claims[2]), 2)
    (0.67, 0.33)
    """
    if method not in METHODS:
        raise OptionError(f"must be one of {METHODS}, got {method!r}", field="method")
    if isinstance(max_iter, bool) or not isinstance(max_iter, int) or max_iter < 1:
        raise OptionError(f"must be a positive int, got {max_iter!r}", field="max_iter")
    bad_tol = isinstance(tol, bool) or not isinstance(tol, (int, float))
    if bad_tol or not tol > 0 or math.isinf(tol):
        raise OptionError(f"must be a positive number, got {tol!r}", field="tol")
    if processor is not None and not callable(processor):
        raise OptionError("must be callable or None", field="processor")
    checked: dict[str, float] = {}
    for sid, value in (priors or {}).items():
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or not 0 < float(value) < 1:
            raise OptionError(f"prior of source {sid!r} must lie strictly between 0 and 1, "
                              f"got {value!r}", record=str(sid), field="priors")  # fmt: skip
        checked[str(sid)] = float(value)
    from reconcile.linking import link

    runner = resolve_engine(engine, client)
    try:
        bar = progress_bar(4, progress, "scoring", "stage")
        graph = _graph_of(graph_or_claims, link, progress, runner)
        _advance(bar, "votes")
        with paused_gc():
            votes = build_votes(graph, processor=processor, priors=checked,
                                independence=independence)  # fmt: skip
        name = _auto(votes) if method == "auto" else method
        _advance(bar, name)
        allowed = set(inspect.signature(ALGORITHMS[name]).parameters) - {"votes", "_", "engine"}
        for key in params:
            if key not in allowed:
                raise OptionError(f"{name} takes no parameter {key!r} (it takes "
                                  f"{sorted(allowed)})", field=key)  # fmt: skip
        options = dict(params)
        if name == "accu":
            options.setdefault("copy_detection", independence)
        if name in ENGINE_METHODS:
            options["engine"] = runner
        fit = ALGORITHMS[name](votes, max_iter=max_iter, tol=tol, **options)
    finally:
        if runner is not engine and hasattr(runner, "close"):
            runner.close()  # a cluster started for this call only
    if not fit.converged:
        from reconcile.linking import ReconcileWarning

        warnings.warn(
            f"{name} did not converge in {max_iter} iterations (tol={tol}); the scores "
            "are those of the last iteration (result.converged is False)",
            ReconcileWarning,
            stacklevel=2,
        )
    _advance(bar, "claim scores")
    scores = claim_scores(votes, fit.fact_score, fit.trust)
    _advance(bar, "done")
    if bar is not None:
        bar.close()
    unstated: dict[tuple[str, str], tuple[Any, float]] = {}
    if fit.unstated:
        # an unstated value is spelled as the first claim (in id order) that states it
        # elsewhere: the model's values are the canonical forms ('1' reads as 1.0)
        spelling: dict[Any, Any] = {}
        question_of = votes.fact_question[votes.claim_fact]
        # the claims in id order, as the votes are (read once, not looked up one by one)
        in_order = graph.claims_in_id_order()
        for q, fact, claim in zip(question_of.tolist(), votes.claim_fact.tolist(), in_order):
            spelling.setdefault(votes.fact_value[fact], claim.value)
            if q in fit.unstated and claim.key is not None:
                unstated.setdefault(claim.key, fit.unstated[q])
        unstated = {k: (spelling.get(v, v), p) for k, (v, p) in unstated.items()}
    return Consensus(graph, votes, scores, fit.trust, method=name, iterations=fit.iterations,
                     converged=fit.converged, fact_score=fit.fact_score,
                     unstated=unstated)  # fmt: skip
