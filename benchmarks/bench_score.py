"""Scoring speed and accuracy at scale: synthetic structured claims, 100k and 1M.

For each size: the time to turn claims into votes (`build_votes`, which includes the
copy-group detection), then the time and accuracy (share of questions whose planted
truth wins) of every method, next to a raw baseline measured in the same run: a
majority vote written directly in numpy (`np.bincount` over the same vote arrays,
no trust, no copies). Times are also given as ratios to that baseline. truthdiscovery
is compared when it imports (it needs the cairo system library; it does not here).

    python benchmarks/bench_score.py [N ...]     (default: 100000 1000000)
"""

from __future__ import annotations

import sys
import time
import warnings

import numpy as np
from _common import peak_rss_mb

import reconcile as rc
from reconcile.graph import ClaimGraph
from reconcile.scoring.algorithms import ALGORITHMS
from reconcile.scoring.consensus import claim_scores
from reconcile.scoring.votes import build_votes


def raw_majority(votes: object) -> np.ndarray:
    """Per fact, its share of the votes in its question: the floor any method pays."""
    v = votes  # a Votes
    support = np.bincount(v.v_fact, weights=np.maximum(v.v_weight, 0), minlength=v.n_facts)  # type: ignore[attr-defined]
    total = np.bincount(v.fact_question, weights=support, minlength=v.n_questions)  # type: ignore[attr-defined]
    return support / np.maximum(total[v.fact_question], 1e-12)  # type: ignore[attr-defined]


def accuracy(votes: object, fact_score: np.ndarray, truth_of: dict[str, object],
             value_of_fact: list[object], question_of_fact: list[str]) -> float:  # fmt: skip
    best: dict[str, tuple[float, object]] = {}
    for f, score in enumerate(fact_score.tolist()):
        q = question_of_fact[f]
        if q not in best or score > best[q][0]:
            best[q] = (score, value_of_fact[f])
    return sum(best[q][1] == truth_of[q] for q in truth_of if q in best) / len(truth_of)


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]
    try:
        import truthdiscovery  # noqa: F401
    except Exception as err:
        print(f"truthdiscovery not importable here ({type(err).__name__}); not compared")
    warnings.simplefilter("ignore", rc.ReconcileWarning)
    for n in sizes:
        start = time.perf_counter()
        data = rc.datasets.synthetic(n, n_sources=max(50, n // 2000), structured=True, seed=1)
        made = time.perf_counter() - start
        claims = data.claims
        start = time.perf_counter()
        graph = ClaimGraph(claims)
        votes = build_votes(graph, processor=None)
        built = time.perf_counter() - start
        # the planted truth per question, in the votes' own canonical form
        by_question: dict[str, object] = {}
        fact_of = dict(zip(votes.claim_ids, votes.claim_fact.tolist()))
        question_of_fact = [""] * votes.n_facts
        for c in claims:
            question_of_fact[fact_of[c.id]] = str(c.key)
            if data.is_true(c):
                by_question[str(c.key)] = votes.fact_value[fact_of[c.id]]
        value_of_fact = list(votes.fact_value)
        print(f"\n{len(claims):,} claims, {votes.n_sources:,} sources, "
              f"{votes.n_questions:,} questions (generated in {made:.1f} s)")  # fmt: skip
        print(f"  graph + votes (incl. copy groups): {built:8.2f} s")
        start = time.perf_counter()
        base_scores = raw_majority(votes)
        base = time.perf_counter() - start
        base_acc = accuracy(votes, base_scores, by_question, value_of_fact, question_of_fact)
        print(f"  {'method':20s} {'seconds':>8s} {'x raw':>8s} {'iter':>5s} {'accuracy':>9s}")
        print(f"  {'raw numpy majority':20s} {base:8.3f} {1.0:8.1f} {1:5d} {base_acc:9.3f}")
        for name, algorithm in ALGORITHMS.items():
            start = time.perf_counter()
            fit = algorithm(votes)
            claim_scores(votes, fit.fact_score, fit.trust)
            took = time.perf_counter() - start
            acc = accuracy(votes, fit.fact_score, by_question, value_of_fact, question_of_fact)
            print(f"  {name:20s} {took:8.3f} {took / max(base, 1e-9):8.1f} {fit.iterations:5d} "
                  f"{acc:9.3f}")  # fmt: skip
        print(f"  peak memory so far: {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
